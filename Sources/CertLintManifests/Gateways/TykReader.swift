import CertLintCore

/// Reads Tyk's JSON: classic API definitions, Tyk OAS API definitions, Dashboard exports
/// (`apis[].api_definition`) and the gateway's `tyk.conf`.
///
/// Recognised:
///
/// - API definitions: `upstream_certificates` (`host pattern → certificate`) → `client`
///   usages at each host key (skipped when `upstream_certificates_disabled` is true);
///   `client_certificates[]` with `use_mutual_tls_auth: true` → `client-ca` usages (without
///   it, `unknown` with a note); `certificates[]` (the custom domain's) → `server` usages
///   with `domain` as hostname and verifyClient `required` under mutual TLS.
///   `pinned_public_keys` (certificate pinning) is ignored.
/// - Tyk OAS (`x-tyk-api-gateway`): `server.customDomain.certificates[]`,
///   `server.clientCertificates.allowlist[]` (when `enabled`), and
///   `upstream.mutualTLS.domainToCertificateMapping[] {domain, certificate}` (when `enabled`).
/// - `tyk.conf`: `http_server_options.certificates[] {domain_name, cert_file, key_file}` →
///   `server` usages at `cert_file`; `http_server_options.ssl_certificates[]` → `server`;
///   `security.certificates.upstream` → `client`; `security.certificates.control_api[]` →
///   `server` (the control API listener). With `use_ssl: false` the server usages are
///   `unknown` with a note.
///
/// A certificate value with a `/` or a certificate file extension is a path relative to the
/// file's folder; anything else is an id in Tyk's certificate store (`.external`; the note
/// says that its last 64 hexadecimal digits are the certificate's SHA-256 fingerprint).
public enum TykReader: ManifestReader {
    /// `tyk`.
    public static let format = "tyk"
    /// The platform named in usages.
    public static let platform = "tyk"

    private static let markers = ["\"api_id\"", "\"x-tyk-api-gateway\"", "\"http_server_options\"", "\"upstream_certificates\"", "\"use_mutual_tls_auth\""]

    /// Whether the file is `tyk.conf`, or JSON holding one of Tyk's own keys.
    public static func accepts(path: String, text: String) -> Bool {
        let name = ReferenceGuess.fileName(of: path).lowercased()
        if name == "tyk.conf" { return true }
        guard ReferenceGuess.pathExtension(name) == "json", text.utf8.count < 64 << 20, !text.contains("\"_format_version\"") else { return false }
        return markers.contains { text.contains($0) }
    }

    /// Reads the file into usages.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let root: ManifestJSONValue
        do {
            root = try ManifestJSON.parse(text)
        } catch {
            contents.problems.append(ManifestProblem(
                location: SourceLocation(path: path, line: error.position.line, column: error.position.column),
                message: "The file is not valid JSON: \(error.message)"))
            return contents
        }
        var reading = Reading(path: path)
        var definitions: [ManifestJSONValue] = []
        if let items = root.array {
            definitions = items.map { $0["api_definition"] ?? $0 }
        } else if let apis = root["apis"]?.array {
            definitions = apis.map { $0["api_definition"] ?? $0 }
        } else if let definition = root["api_definition"] {
            definitions = [definition]
        } else if root.members != nil {
            definitions = [root]
        }
        for definition in definitions where definition.members != nil {
            if let oas = definition["x-tyk-api-gateway"] {
                reading.readOAS(oas, document: definition)
            } else {
                reading.readClassic(definition)
            }
            if definition["http_server_options"] != nil || definition["security"]?["certificates"] != nil {
                reading.readGatewayConfig(definition)
            }
        }
        contents.usages = reading.usages
        contents.problems = reading.problems
        return contents
    }
}

extension TykReader {
    private struct Reading {
        let path: String
        let base: String
        var usages: [CertificateUsage] = []
        var problems: [ManifestProblem] = []

        init(path: String) {
            self.path = path
            base = ReferenceGuess.folder(of: path)
        }

        func location(_ position: ManifestJSONPosition) -> SourceLocation {
            SourceLocation(path: path, line: position.line, column: position.column)
        }

        private static let certificateExtensions: Set<String> = ["pem", "crt", "cer", "cert", "der", "key", "p12", "pfx"]

        /// A certificate value: a path or a certificate-store id.
        func reference(_ value: String) -> (CertificateReference, String?)? {
            let trimmed = ReferenceGuess.trim(value)
            guard !trimmed.isEmpty else { return nil }
            if ReferenceGuess.isPEM(trimmed) { return (.inline(trimmed), nil) }
            if trimmed.contains("/") || trimmed.contains("\\") || Self.certificateExtensions.contains(ReferenceGuess.pathExtension(trimmed)) {
                return (ReferenceGuess.fileReference(trimmed, base: base), nil)
            }
            let hex = trimmed.unicodeScalars.filter { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
            let note = hex.count == trimmed.unicodeScalars.count && hex.count >= 64
                ? "A Tyk certificate store id; its last 64 hexadecimal digits are the certificate's SHA-256 fingerprint."
                : "A Tyk certificate store id; the certificate is in the gateway's store, not in this file."
            return (.external("tyk certificate \(trimmed)"), note)
        }

        mutating func add(
            role: CertificateUsage.Role, value: String, key: String? = nil, hostnames: [String] = [], endpoint: String, endpointID: String,
            verify: CertificateUsage.VerifyClient = .none, at position: ManifestJSONPosition, note extra: String? = nil
        ) {
            guard let (reference, note) = reference(value) else { return }
            let privateKey = key.flatMap { self.reference($0)?.0 }
            let joined = [note, extra].compactMap { $0 }.joined(separator: " ")
            usages.append(CertificateUsage(
                role: role, certificate: reference, privateKey: privateKey, hostnames: hostnames, endpoint: endpoint, platform: TykReader.platform,
                installedOn: .apiGateway, verifyClient: verify, endpointID: endpointID, location: location(position),
                note: joined.isEmpty ? nil : joined))
        }

        /// Each string of an array, with its position.
        func strings(_ value: ManifestJSONValue?) -> [(String, ManifestJSONPosition)] {
            (value?.array ?? []).compactMap { item in item.stringValue.map { ($0, item.position) } }
        }

        // MARK: Classic API definitions

        mutating func readClassic(_ api: ManifestJSONValue) {
            let name = api["name"]?.stringValue ?? api["api_id"]?.stringValue ?? "unnamed"
            let id = api["api_id"]?.stringValue ?? name
            let endpointID = "tyk:\(path)#api:\(id)"
            let mutual = api["use_mutual_tls_auth"]?.boolValue == true
            let domain = api["domain"]?.stringValue.flatMap { $0.isEmpty ? nil : $0.lowercased() }
            let listenPath = api["proxy"]?["listen_path"]?.stringValue ?? ""
            let endpoint = "tyk API \(name)" + (domain.map { " at \($0)\(listenPath)" } ?? (listenPath.isEmpty ? "" : " at \(listenPath)"))
            let verify: CertificateUsage.VerifyClient = mutual ? .required : .none

            for (value, position) in strings(api["certificates"]) {
                add(role: .server, value: value, hostnames: domain.map { [$0] } ?? [], endpoint: endpoint, endpointID: endpointID, verify: verify, at: position)
            }
            for (value, position) in strings(api["client_certificates"]) {
                if mutual {
                    add(role: .clientCA, value: value, endpoint: endpoint, endpointID: endpointID, verify: verify, at: position,
                        note: "Tyk's mutual TLS allow-list: callers must present this certificate or one it issued.")
                } else {
                    add(role: .unknown, value: value, endpoint: endpoint, endpointID: endpointID, at: position,
                        note: "use_mutual_tls_auth is not true, so Tyk does not ask callers for this certificate.")
                }
            }
            if api["upstream_certificates_disabled"]?.boolValue != true {
                let target = api["proxy"]?["target_url"]?.stringValue
                for member in api["upstream_certificates"]?.members ?? [] {
                    guard let value = member.value.stringValue else { continue }
                    add(role: .client, value: value, endpoint: "tyk API \(name) → \(member.key)" + (target.map { " (\($0))" } ?? ""),
                        endpointID: "tyk:\(path)#upstream:\(id)", at: member.keyPosition)
                }
            }
        }

        // MARK: Tyk OAS

        mutating func readOAS(_ tyk: ManifestJSONValue, document: ManifestJSONValue) {
            let name = tyk["info"]?["name"]?.stringValue ?? document["info"]?["title"]?.stringValue ?? "unnamed"
            let id = tyk["info"]?["id"]?.stringValue ?? name
            let endpointID = "tyk:\(path)#api:\(id)"
            let server = tyk["server"]
            let clientCertificates = server?["clientCertificates"]
            let mutual = clientCertificates?["enabled"]?.boolValue == true
            let customDomain = server?["customDomain"]
            let domain = customDomain?["enabled"]?.boolValue != false ? customDomain?["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0.lowercased() } : nil
            let listenPath = server?["listenPath"]?["value"]?.stringValue ?? ""
            let endpoint = "tyk API \(name)" + (domain.map { " at \($0)\(listenPath)" } ?? (listenPath.isEmpty ? "" : " at \(listenPath)"))
            let verify: CertificateUsage.VerifyClient = mutual ? .required : .none
            if customDomain?["enabled"]?.boolValue != false {
                for (value, position) in strings(customDomain?["certificates"]) {
                    add(role: .server, value: value, hostnames: domain.map { [$0] } ?? [], endpoint: endpoint, endpointID: endpointID, verify: verify, at: position)
                }
            }
            for (value, position) in strings(clientCertificates?["allowlist"]) {
                if mutual {
                    add(role: .clientCA, value: value, endpoint: endpoint, endpointID: endpointID, verify: verify, at: position,
                        note: "Tyk's mutual TLS allow-list: callers must present this certificate or one it issued.")
                } else {
                    add(role: .unknown, value: value, endpoint: endpoint, endpointID: endpointID, at: position,
                        note: "clientCertificates is not enabled, so Tyk does not ask callers for this certificate.")
                }
            }
            let mutualTLS = tyk["upstream"]?["mutualTLS"]
            if mutualTLS?["enabled"]?.boolValue == true {
                let target = tyk["upstream"]?["url"]?.stringValue
                for mapping in mutualTLS?["domainToCertificateMapping"]?.array ?? [] {
                    guard let certificate = mapping.member("certificate"), let value = certificate.value.stringValue else { continue }
                    let domainName = mapping["domain"]?.stringValue ?? "*"
                    add(role: .client, value: value, endpoint: "tyk API \(name) → \(domainName)" + (target.map { " (\($0))" } ?? ""),
                        endpointID: "tyk:\(path)#upstream:\(id)", at: certificate.keyPosition)
                }
            }
        }

        // MARK: tyk.conf

        mutating func readGatewayConfig(_ config: ManifestJSONValue) {
            let options = config["http_server_options"]
            let useSSL = options?["use_ssl"]?.boolValue
            let port = config["listen_port"]?.scalarText
            let endpoint = "tyk gateway" + (port.map { " :\($0)" } ?? "")
            let endpointID = "tyk:\(path)#gateway"
            let role: CertificateUsage.Role = useSSL == false ? .unknown : .server
            let note = useSSL == false ? "http_server_options.use_ssl is false, so the gateway does not serve this certificate." : nil
            for entry in options?["certificates"]?.array ?? [] {
                guard let certificate = entry.member("cert_file"), let value = certificate.value.stringValue else { continue }
                let domain = entry["domain_name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0.lowercased() }
                add(role: role, value: value, key: entry["key_file"]?.stringValue, hostnames: domain.map { [$0] } ?? [], endpoint: endpoint,
                    endpointID: endpointID, at: certificate.keyPosition, note: note)
            }
            for (value, position) in strings(options?["ssl_certificates"]) {
                add(role: role, value: value, endpoint: endpoint, endpointID: endpointID, at: position, note: note)
            }
            let certificates = config["security"]?["certificates"]
            for member in certificates?["upstream"]?.members ?? [] {
                guard let value = member.value.stringValue else { continue }
                add(role: .client, value: value, endpoint: "tyk gateway → \(member.key)", endpointID: "tyk:\(path)#gateway-upstream", at: member.keyPosition)
            }
            for (value, position) in strings(certificates?["control_api"]) {
                add(role: .server, value: value, endpoint: "tyk control API", endpointID: "tyk:\(path)#control-api", at: position)
            }
        }
    }
}
