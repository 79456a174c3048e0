import CertLintCore
import CertLintYAML

/// Reads Docker Compose files: the certificates they hand to services as secrets.
///
/// The top-level `secrets:` whose `file` is certificate material (see ``ComposeSecretFile``)
/// become ``NamedSecret``s in the namespace `compose`, at their `file` key: a certificate as
/// `certificate`, a CA bundle as `ca`, a key as `privateKey`, a keystore as a
/// ``CertificateReference/keystore(path:base:alias:)``. Paths are relative to the Compose
/// file's folder, as Compose resolves them; a path with `$` variables cannot be resolved
/// offline and is ``CertificateReference/external(_:)``. Secrets from `environment` or
/// `external: true` are not in the repository and are skipped.
///
/// Each service that lists such a secret under its `secrets:` (short syntax `- name` or long
/// syntax `- source: name`) has a usage of it, at that entry (the `source` key in the long
/// syntax), platform `docker-compose`, installed on `application`, endpoint
/// `compose service NAME`. A key is not a usage; when the service uses exactly one
/// certificate and one key, the key is that usage's `privateKey`.
///
/// **Roles.** Compose mounts a file and says nothing of what the service does with it, so
/// every usage has role `unknown` and a note saying to declare it under `deployments:` in
/// `.certlint.yml`. A name such as `client_cert` is a hint, not a statement (a server verifying
/// clients may well mount a `client_ca`, or a file named after its callers); the note repeats
/// the hint, the role stays unknown. This follows the design: where the role cannot be known,
/// a note, not a guess.
public enum ComposeReader: ManifestReader {
    /// `docker-compose`.
    public static let format = "docker-compose"

    /// Whether the file is a Compose file: a `.yaml`/`.yml` file named `compose…` or
    /// `docker-compose…` (`compose.yaml`, `docker-compose.prod.yml`), or any YAML file with
    /// top-level `services:` and `secrets:` keys.
    public static func accepts(path: String, text: String) -> Bool {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return false }
        if name.hasPrefix("compose.") || name.hasPrefix("compose-") || name.hasPrefix("docker-compose") { return true }
        let head = String(decoding: text.utf8.prefix(256 << 10), as: UTF8.self)
        func topLevel(_ key: String) -> Bool { head.hasPrefix(key) || head.contains("\n" + key) }
        return topLevel("services:") && topLevel("secrets:")
    }

    /// Reads the file; never throws, never traps.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let base = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        func location(_ position: YAMLPosition) -> SourceLocation {
            SourceLocation(path: path, line: position.line, column: position.column)
        }
        let root: YAMLNode
        do {
            // Compose reads the first document of a file.
            guard let first = try YAML.parseDocuments(text).first?.root else { return contents }
            root = first
        } catch {
            contents.problems.append(ManifestProblem(
                location: location(error.position),
                message: "This Compose file is not valid YAML, so the certificates it names are not checked: \(error.message)"))
            return contents
        }
        guard root.isMapping else { return contents }

        // The top-level secrets that are certificate material.
        struct Secret {
            var kind: ComposeSecretFile.Kind
            var reference: CertificateReference
            var file: String
        }
        var secrets: [String: Secret] = [:]
        for pair in KubernetesYAML.pairs(root["secrets"]) {
            guard let name = KubernetesYAML.text(pair.key), let filePair = pair.value.pair(forKey: "file"),
                let file = KubernetesYAML.text(filePair.value), let kind = ComposeSecretFile.kind(name: name, file: file)
            else { continue }
            let reference: CertificateReference
            if file.contains("$") {
                reference = .external(file)
            } else if kind == .keystore {
                reference = .keystore(path: file, base: base, alias: nil)
            } else {
                reference = .file(path: file, base: base)
            }
            secrets[name] = secrets[name] ?? Secret(kind: kind, reference: reference, file: file)
            contents.secrets.append(NamedSecret(
                namespace: "compose", name: name,
                certificate: kind == .certificate || kind == .keystore ? reference : nil,
                ca: kind == .caBundle ? reference : nil,
                privateKey: kind == .privateKey ? reference : nil,
                location: location(filePair.key.position)))
        }
        guard !secrets.isEmpty else { return contents }

        // The services that use them.
        for service in KubernetesYAML.pairs(root["services"]) {
            guard let serviceName = KubernetesYAML.text(service.key) else { continue }
            var certificates: [(secret: Secret, name: String, target: String?, position: YAMLPosition)] = []
            var keys: [Secret] = []
            for entry in KubernetesYAML.items(service.value["secrets"]) {
                let name: String?
                let target: String?
                let position: YAMLPosition
                if entry.isScalar {
                    name = KubernetesYAML.text(entry)
                    target = nil
                    position = entry.position
                } else {
                    name = KubernetesYAML.text(entry["source"])
                    target = KubernetesYAML.text(entry["target"])
                    position = KubernetesYAML.keyPosition("source", in: entry, or: entry)
                }
                guard let name, let secret = secrets[name] else { continue }
                if secret.kind == .privateKey {
                    keys.append(secret)
                } else {
                    certificates.append((secret, name, target, position))
                }
            }
            let pairedKey = certificates.count == 1 && keys.count == 1 ? keys.first?.reference : nil
            for use in certificates {
                var note = "Compose does not say how service \(serviceName) uses secret \(use.name); declare it under deployments: in .certlint.yml"
                if let hint = ComposeSecretFile.hint([use.name, use.secret.file, use.target ?? ""], kind: use.secret.kind) {
                    note += " (its name suggests \(hint))"
                }
                contents.usages.append(CertificateUsage(
                    role: .unknown, certificate: use.secret.reference, privateKey: pairedKey,
                    endpoint: "compose service \(serviceName)", platform: "docker-compose", installedOn: .application,
                    endpointID: "compose:\(path)/\(serviceName)", location: location(use.position), note: note))
            }
        }
        return contents
    }
}
