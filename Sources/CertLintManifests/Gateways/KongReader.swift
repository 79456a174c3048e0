import CertLintCore
import CertLintYAML

/// Reads Kong's declarative configuration (`kong.yml`, decK files; YAML or JSON with
/// `_format_version`).
///
/// Recognised:
///
/// - `certificates[]` with `cert` / `key` (inline PEM, or a `{vault://…}` reference →
///   `.external`), nested `snis[]` (names or `{name:}`) and top-level `snis[]` with
///   `certificate` (an id or `{id:}`) → a `server` usage at `cert` with the SNI names as
///   hostnames; `cert_alt`/`key_alt` → a second one. A certificate no SNI names is not served
///   by the proxy: `unknown` with a note, unless a service presents it.
/// - `services[].client_certificate` and `upstreams[].client_certificate` (an id or `{id:}`)
///   → a `client` usage for that certificate, at the `client_certificate` key.
/// - `ca_certificates[]` (`cert`): named by an `mtls-auth` plugin's `config.ca_certificates`
///   (global, per service or per route) → `client-ca` at the plugin's reference (and the
///   proxy's server usages verify clients: `required` for a global plugin, `optional` with a
///   note otherwise); named by `services[].ca_certificates` with `tls_verify: true` →
///   `server-ca` for that service's upstream. A CA certificate named by neither is `unknown`.
///
/// Ids that name no entity of the file are warnings.
public enum KongReader: ManifestReader {
    /// `kong`.
    public static let format = "kong"
    /// The platform named in usages.
    public static let platform = "kong"

    /// Whether the file is YAML or JSON that declares `_format_version`.
    public static func accepts(path: String, text: String) -> Bool {
        let ext = ReferenceGuess.pathExtension(path)
        guard ["yml", "yaml", "json"].contains(ext) else { return false }
        return text.utf8.count < 64 << 20 && text.contains("_format_version")
    }

    /// Reads the file into usages.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let documents: [YAMLDocument]
        do {
            documents = try YAML.parseDocuments(text)
        } catch {
            contents.problems.append(ManifestProblem(
                location: SourceLocation(path: path, line: error.line, column: error.column),
                message: "The file is not valid YAML or JSON: \(error.message)"))
            return contents
        }
        for document in documents {
            guard let root = document.root, root["_format_version"] != nil else { continue }
            var reading = Reading(path: path, root: root)
            reading.read()
            contents.usages += reading.usages
            contents.problems += reading.problems
        }
        return contents
    }
}

extension KongReader {
    /// The reading of one declarative configuration.
    private struct Reading {
        let path: String
        let root: YAMLNode
        var usages: [CertificateUsage] = []
        var problems: [ManifestProblem] = []

        init(path: String, root: YAMLNode) {
            self.path = path
            self.root = root
        }

        func location(_ position: YAMLPosition) -> SourceLocation {
            SourceLocation(path: path, line: position.line, column: position.column)
        }

        /// An entity reference: `"id"` or `{id: "…"}`, with where it is written.
        static func reference(_ node: YAMLNode) -> (id: String, position: YAMLPosition)? {
            if let id = node.scalarValue, !node.isNull { return (id, node.position) }
            if let id = node["id"]?.scalarValue { return (id, node.position) }
            return nil
        }

        /// The PEM text of `cert`/`key` as a reference.
        static func content(_ node: YAMLNode?) -> CertificateReference? {
            guard let text = node?.scalarValue, !text.isEmpty else { return nil }
            let trimmed = ReferenceGuess.trim(text)
            if trimmed.hasPrefix("{vault://") { return .external(trimmed) }
            if ReferenceGuess.isPEM(trimmed) { return .inline(trimmed) }
            if ReferenceGuess.isBase64Certificate(trimmed) { return .base64(trimmed) }
            return .external(trimmed)
        }

        mutating func read() {
            let certificates = root["certificates"]?.sequence ?? []
            let caCertificates = root["ca_certificates"]?.sequence ?? []
            var certificateIndex: [String: Int] = [:]
            for (index, certificate) in certificates.enumerated() {
                if let id = certificate["id"]?.scalarValue { certificateIndex[id] = index }
            }
            var caIndex: [String: Int] = [:]
            for (index, ca) in caCertificates.enumerated() {
                if let id = ca["id"]?.scalarValue { caIndex[id] = index }
            }

            // SNI names per certificate: nested, then top-level `snis`.
            var hostnames = Array(repeating: [String](), count: certificates.count)
            for (index, certificate) in certificates.enumerated() {
                for sni in certificate["snis"]?.sequence ?? [] {
                    if let name = sni.scalarValue ?? sni["name"]?.scalarValue, !name.isEmpty { hostnames[index].append(name) }
                }
            }
            for sni in root["snis"]?.sequence ?? [] {
                guard let name = sni["name"]?.scalarValue, let certificateNode = sni["certificate"] else { continue }
                let reference = Self.reference(certificateNode)
                guard let id = reference?.id, let index = certificateIndex[id] else {
                    warnUnknown("certificate", reference, by: "the SNI \(name)")
                    continue
                }
                hostnames[index].append(name)
            }

            // mtls-auth plugins: global, per service, per route (nested or top-level).
            var mtlsCAs: [(id: String, position: YAMLPosition, scope: String?)] = []
            func collectPlugins(_ plugins: [YAMLNode], scope: String?) {
                for plugin in plugins where plugin["name"]?.scalarValue == "mtls-auth" && plugin["enabled"]?.boolValue != false {
                    // A top-level plugin may name its service or route.
                    var pluginScope = scope
                    if pluginScope == nil {
                        if let service = plugin["service"].flatMap({ $0.scalarValue ?? $0["name"]?.scalarValue ?? $0["id"]?.scalarValue }) {
                            pluginScope = "service \(service)"
                        } else if let route = plugin["route"].flatMap({ $0.scalarValue ?? $0["name"]?.scalarValue ?? $0["id"]?.scalarValue }) {
                            pluginScope = "route \(route)"
                        }
                    }
                    for ca in plugin["config"]?["ca_certificates"]?.sequence ?? [] {
                        if let (id, position) = Self.reference(ca) { mtlsCAs.append((id, position, pluginScope)) }
                    }
                }
            }
            collectPlugins(root["plugins"]?.sequence ?? [], scope: nil)
            let services = root["services"]?.sequence ?? []
            for service in services {
                let name = service["name"]?.scalarValue ?? service["id"]?.scalarValue ?? "unnamed"
                collectPlugins(service["plugins"]?.sequence ?? [], scope: "service \(name)")
                for route in service["routes"]?.sequence ?? [] {
                    let routeName = route["name"]?.scalarValue ?? "unnamed"
                    collectPlugins(route["plugins"]?.sequence ?? [], scope: "route \(routeName)")
                }
            }
            for route in root["routes"]?.sequence ?? [] {
                let routeName = route["name"]?.scalarValue ?? "unnamed"
                collectPlugins(route["plugins"]?.sequence ?? [], scope: "route \(routeName)")
            }
            var verifyClient = CertificateUsage.VerifyClient.none
            var verifyNote: String?
            if !mtlsCAs.isEmpty {
                if mtlsCAs.contains(where: { $0.scope == nil }) {
                    verifyClient = .required
                } else {
                    verifyClient = .optional
                    let scopes = Array(Set(mtlsCAs.compactMap(\.scope))).sorted().joined(separator: ", ")
                    verifyNote = "The mtls-auth plugin asks for client certificates only on \(scopes)."
                }
            }

            // Client certificates of services and upstreams.
            var presentedAsClient = Set<Int>()
            var clientUsages: [CertificateUsage] = []
            for (kind, entities) in [("service", services), ("upstream", root["upstreams"]?.sequence ?? [])] {
                for entity in entities {
                    guard let pair = entity.pair(forKey: "client_certificate"), !pair.value.isNull else { continue }
                    let name = entity["name"]?.scalarValue ?? entity["id"]?.scalarValue ?? "unnamed"
                    guard let (id, _) = Self.reference(pair.value), let index = certificateIndex[id],
                        let reference = Self.content(certificates[index]["cert"])
                    else {
                        warnUnknown("certificate", Self.reference(pair.value), by: "the \(kind) \(name)")
                        continue
                    }
                    presentedAsClient.insert(index)
                    let upstream = entity["url"]?.scalarValue ?? entity["host"]?.scalarValue
                    clientUsages.append(CertificateUsage(
                        role: .client, certificate: reference, privateKey: Self.content(certificates[index]["key"]),
                        endpoint: "kong \(kind) \(name)" + (upstream.map { " → \($0)" } ?? ""), platform: KongReader.platform,
                        installedOn: .apiGateway, endpointID: "kong:\(path)#\(kind):\(name)", location: location(pair.key.position)))
                }
            }

            // The proxy's certificates.
            for (index, certificate) in certificates.enumerated() {
                for (certKey, keyKey) in [("cert", "key"), ("cert_alt", "key_alt")] {
                    guard let pair = certificate.pair(forKey: certKey), let reference = Self.content(pair.value) else { continue }
                    let names = hostnames[index]
                    if names.isEmpty {
                        if presentedAsClient.contains(index) { continue }
                        usages.append(CertificateUsage(
                            role: .unknown, certificate: reference, privateKey: Self.content(certificate[keyKey]),
                            endpoint: "kong certificate \(certificate["id"]?.scalarValue ?? "#\(index + 1)")", platform: KongReader.platform,
                            installedOn: .apiGateway, endpointID: "kong:\(path)#certificate:\(index)", location: location(pair.key.position),
                            note: "No SNI names this certificate and no service presents it; Kong does not serve it."))
                        continue
                    }
                    usages.append(CertificateUsage(
                        role: .server, certificate: reference, privateKey: Self.content(certificate[keyKey]), hostnames: names,
                        endpoint: "kong proxy (\(names.joined(separator: ", ")))", platform: KongReader.platform, installedOn: .apiGateway,
                        verifyClient: verifyClient, endpointID: "kong:\(path)#proxy", location: location(pair.key.position), note: verifyNote))
                }
            }
            usages += clientUsages

            // CA certificates: callers' (mtls-auth) and upstreams' (services' tls_verify).
            var usedCAs = Set<Int>()
            for ca in mtlsCAs {
                guard let index = caIndex[ca.id], let reference = Self.content(caCertificates[index]["cert"]) else {
                    warnUnknown("CA certificate", (ca.id, ca.position), by: "an mtls-auth plugin")
                    continue
                }
                usedCAs.insert(index)
                usages.append(CertificateUsage(
                    role: .clientCA, certificate: reference, endpoint: "kong proxy mtls-auth" + (ca.scope.map { " (\($0))" } ?? ""),
                    platform: KongReader.platform, installedOn: .apiGateway, verifyClient: verifyClient, endpointID: "kong:\(path)#proxy",
                    location: location(ca.position)))
            }
            for service in services {
                let name = service["name"]?.scalarValue ?? service["id"]?.scalarValue ?? "unnamed"
                let verifies = service["tls_verify"]?.boolValue == true
                for ca in service["ca_certificates"]?.sequence ?? [] {
                    guard let (id, position) = Self.reference(ca) else { continue }
                    guard let index = caIndex[id], let reference = Self.content(caCertificates[index]["cert"]) else {
                        warnUnknown("CA certificate", (id, position), by: "the service \(name)")
                        continue
                    }
                    usedCAs.insert(index)
                    let upstream = service["url"]?.scalarValue ?? service["host"]?.scalarValue
                    usages.append(CertificateUsage(
                        role: verifies ? .serverCA : .unknown, certificate: reference,
                        endpoint: "kong service \(name)" + (upstream.map { " → \($0)" } ?? ""), platform: KongReader.platform,
                        installedOn: .apiGateway, endpointID: "kong:\(path)#service:\(name)", location: location(position),
                        note: verifies ? nil : "The service \(name) names this CA but tls_verify is not true, so Kong does not verify its upstream with it."))
                }
            }
            for (index, ca) in caCertificates.enumerated() where !usedCAs.contains(index) {
                guard let pair = ca.pair(forKey: "cert"), let reference = Self.content(pair.value) else { continue }
                usages.append(CertificateUsage(
                    role: .unknown, certificate: reference, endpoint: "kong CA certificate \(ca["id"]?.scalarValue ?? "#\(index + 1)")",
                    platform: KongReader.platform, installedOn: .apiGateway, endpointID: "kong:\(path)#ca:\(index)",
                    location: location(pair.key.position),
                    note: "No mtls-auth plugin and no service with tls_verify names this CA certificate in this file."))
            }
            usages.sort { ($0.location.line ?? 0, $0.location.column ?? 0) < ($1.location.line ?? 0, $1.location.column ?? 0) }
        }

        mutating func warnUnknown(_ what: String, _ reference: (id: String, position: YAMLPosition)?, by user: String) {
            guard let reference else { return }
            problems.append(ManifestProblem(
                location: location(reference.position),
                message: "\(user.prefix(1).uppercased() + user.dropFirst()) names the \(what) \(reference.id), which this file does not define.",
                severity: .warning))
        }
    }
}
