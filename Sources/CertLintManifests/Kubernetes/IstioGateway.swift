import CertLintYAML

/// Istio `Gateway` (`networking.istio.io`).
///
/// Each `spec.servers[]` entry with a `tls` block that terminates TLS is an endpoint serving
/// its `hosts` (a `namespace/` prefix removed, `*` dropped: it names no hostname):
///
/// - `mode: SIMPLE`, `MUTUAL` or `OPTIONAL_MUTUAL` → a `server` usage per credential:
///   `credentialName` (and each of `credentialNames`) is a Kubernetes Secret reference,
///   `serverCertificate` with `privateKey` are file paths (in the gateway's file system; the
///   resolver matches them to the repository's files by their tail).
/// - `MUTUAL` (verifyClient required) and `OPTIONAL_MUTUAL` (optional) add a `client-ca`
///   usage: `caCertificates` (a file), else `caCertCredentialName`, else the `credentialName`
///   Secret, whose `ca.crt`/`cacert` Istio reads — or, by Istio's convention, a separate
///   Secret `<credentialName>-cacert`. When this file defines the Secret without CA data and
///   defines `<credentialName>-cacert`, the usage names the latter; when it defines neither,
///   the usage's note says where Istio looks.
/// - `PASSTHROUGH`, `AUTO_PASSTHROUGH` → the backend's certificate: a note, no usage.
/// - `ISTIO_MUTUAL` → certificates issued by the mesh, nothing in the repository: a note.
/// - no `mode` → Istio's default is `PASSTHROUGH`; a server that names a credential is read
///   as `SIMPLE`, with a note.
///
/// Istio reads `credentialName` Secrets from the namespace of the gateway *workload*, which
/// the Gateway resource does not name. The Gateway's own namespace is taken when the manifest
/// gives one, otherwise `istio-system`, where Istio's default ingress gateway runs.
enum IstioGateway {
    /// Reads a Gateway.
    static func read(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let secretNamespace = object.namespace ?? "istio-system"
        let display = "Istio Gateway " + (object.namespace.map { "\($0)/\(object.name)" } ?? object.name)
        guard let spec = state.mapping(object.spec, "spec of \(display)") else { return }
        for (index, server) in state.sequence(spec["servers"], "spec.servers of \(display)").enumerated() {
            guard let tls = state.mapping(server["tls"], "tls of spec.servers[\(index)] of \(display)") else { continue }
            let port = server["port"]
            let portNumber = KubernetesYAML.text(port?["number"])
            let portName = KubernetesYAML.text(port?["name"])
            let endpoint = display + (portNumber.map { " port \($0)" } ?? " server \(index)") + (portName.map { " (\($0))" } ?? "")
            let endpointID = "istio-gateway:\(secretNamespace)/\(object.name)/\(portName ?? portNumber ?? "\(index)")"
            let hosts = KubernetesYAML.texts(server["hosts"]).compactMap(hostname)

            let credential = tls.pair(forKey: "credentialName")
            let credentialName = credential.flatMap { KubernetesYAML.text($0.value) }
            let credentialNames = KubernetesYAML.items(tls["credentialNames"]).compactMap { node in
                KubernetesYAML.text(node).map { (name: $0, position: node.position) }
            }
            let certificateFile = tls.pair(forKey: "serverCertificate")
            let certificatePath = certificateFile.flatMap { KubernetesYAML.text($0.value) }
            let hasCredential = credentialName != nil || !credentialNames.isEmpty || certificatePath != nil

            let modePosition = KubernetesYAML.keyPosition("mode", in: tls, or: tls)
            var note: String?
            let mode: String
            if let written = KubernetesYAML.text(tls["mode"])?.uppercased() {
                mode = written
            } else if hasCredential {
                mode = "SIMPLE"
                note = "tls.mode is not set (Istio's default is PASSTHROUGH); read as SIMPLE because the server names a certificate"
            } else {
                continue  // `httpsRedirect` alone, say.
            }
            let verify: CertificateUsage.VerifyClient
            switch mode {
            case "SIMPLE": verify = .none
            case "MUTUAL": verify = .required
            case "OPTIONAL_MUTUAL": verify = .optional
            case "PASSTHROUGH", "AUTO_PASSTHROUGH":
                state.problem(
                    "\(endpoint) passes TLS through to its backends (tls.mode: \(mode)); the certificate is the backend's, so there is nothing here to check.",
                    at: modePosition, severity: .note)
                continue
            case "ISTIO_MUTUAL":
                state.problem(
                    "\(endpoint) uses certificates issued by the mesh (tls.mode: ISTIO_MUTUAL); they are not in the repository.",
                    at: modePosition, severity: .note, check: .outsideRepository)
                continue
            default:
                state.problem(
                    "\(endpoint) sets tls.mode to \"\(mode)\", which Istio does not know (SIMPLE, MUTUAL, OPTIONAL_MUTUAL, PASSTHROUGH, AUTO_PASSTHROUGH, ISTIO_MUTUAL).",
                    at: modePosition)
                continue
            }

            func serverUsage(_ certificate: CertificateReference, key: CertificateReference?, at position: YAMLPosition) -> CertificateUsage {
                CertificateUsage(
                    role: .server, certificate: certificate, privateKey: key, hostnames: hosts, endpoint: endpoint,
                    platform: "istio-gateway", installedOn: .loadBalancer, verifyClient: verify, endpointID: endpointID,
                    location: state.location(position), note: note)
            }
            if let credential, let credentialName {
                let secret = CertificateReference.kubernetesSecret(namespace: secretNamespace, name: credentialName)
                state.add(serverUsage(secret, key: secret, at: credential.key.position))
            }
            for entry in credentialNames {
                let secret = CertificateReference.kubernetesSecret(namespace: secretNamespace, name: entry.name)
                state.add(serverUsage(secret, key: secret, at: entry.position))
            }
            if let certificateFile, let certificatePath {
                let key = KubernetesYAML.text(tls["privateKey"]).map { CertificateReference.file(path: $0, base: state.base) }
                state.add(serverUsage(.file(path: certificatePath, base: state.base), key: key, at: certificateFile.key.position))
            }
            if !hasCredential {
                state.problem(
                    "\(endpoint) terminates TLS (tls.mode: \(mode)) but names no credentialName or serverCertificate.", at: modePosition)
            }
            guard verify != .none else { continue }

            func clientCAUsage(_ certificate: CertificateReference, at position: YAMLPosition, note: String? = nil) -> CertificateUsage {
                CertificateUsage(
                    role: .clientCA, certificate: certificate, endpoint: endpoint, platform: "istio-gateway", installedOn: .loadBalancer,
                    verifyClient: verify, endpointID: endpointID, location: state.location(position), note: note)
            }
            if let pair = tls.pair(forKey: "caCertificates"), let path = KubernetesYAML.text(pair.value) {
                state.add(clientCAUsage(.file(path: path, base: state.base), at: pair.key.position))
            } else if let pair = tls.pair(forKey: "caCertCredentialName"), let name = KubernetesYAML.text(pair.value) {
                state.add(clientCAUsage(.kubernetesSecret(namespace: secretNamespace, name: name), at: pair.key.position))
            } else if let name = credentialName ?? credentialNames.first?.name {
                let position = credential?.key.position ?? credentialNames.first?.position ?? modePosition
                state.istioCredentialCAs.append(state.contents.usages.count)
                state.add(clientCAUsage(.kubernetesSecret(namespace: secretNamespace, name: name), at: position))
            } else {
                state.problem(
                    "\(endpoint) verifies client certificates (tls.mode: \(mode)) but names no caCertificates, caCertCredentialName or credentialName to verify them with.",
                    at: modePosition)
            }
        }
    }

    /// A `hosts` entry as a hostname: `namespace/host` without its namespace; `nil` for `*`.
    static func hostname(_ host: String) -> String? {
        let name = host.firstIndex(of: "/").map { String(host[host.index(after: $0)...]) } ?? host
        return name.isEmpty || name == "*" ? nil : name
    }

    /// Settles the `client-ca` usages read from `credentialName` Secrets once the file's
    /// Secrets are known (see the type's documentation).
    static func settleCredentialCAs(in state: inout KubernetesReadState) {
        guard !state.istioCredentialCAs.isEmpty else { return }
        var secrets: [String: NamedSecret] = [:]
        for secret in state.contents.secrets { secrets["\(secret.namespace)/\(secret.name)"] = secrets["\(secret.namespace)/\(secret.name)"] ?? secret }
        for index in state.istioCredentialCAs where state.contents.usages.indices.contains(index) {
            guard case .kubernetesSecret(let namespace, let name) = state.contents.usages[index].certificate else { continue }
            let named = secrets["\(namespace)/\(name)"]
            let separate = secrets["\(namespace)/\(name)-cacert"]
            if named?.ca == nil, separate != nil {
                state.contents.usages[index].certificate = .kubernetesSecret(namespace: namespace, name: name + "-cacert")
            } else if named == nil {
                state.contents.usages[index].note = "Istio verifies callers with the ca.crt (or cacert) of Secret \(namespace)/\(name), or with Secret \(namespace)/\(name)-cacert"
            }
        }
    }
}
