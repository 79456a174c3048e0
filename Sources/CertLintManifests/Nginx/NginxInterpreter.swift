import CertLintCore

/// Walks an expanded nginx configuration and says where certificates are used.
///
/// The contexts followed are `http`, `stream` and `mail`, their `server` blocks, and inside an
/// http `server` its `location`, `if` and `limit_except` blocks, at any depth. The top level of
/// the file is read as an `http` block too, so a site file read on its own (`conf.d/site.conf`,
/// a `server { … }` at the top) gives its usages. Directives are inherited as nginx merges
/// them (`http` → `server` → `location`), whatever their order within a level.
///
/// - Inbound (per `server` that listens with `ssl` or `quic`, or has `ssl on`): each
///   `ssl_certificate` is a `server` usage paired with the `ssl_certificate_key` at the same
///   position; `ssl_client_certificate` is a `client-ca` usage when `ssl_verify_client` is
///   `on`, `optional` or `optional_no_ca`; `ssl_trusted_certificate` verifies callers too when
///   verification is on (`client-ca`), and otherwise only OCSP responses for stapling (`unknown`,
///   with a note saying so). A bundle nginx ignores because verification is off is `unknown`
///   with a note. All share the endpoint identity `path:line` of the `server` block.
/// - Outbound (per `server`, and per nested block that sets its own): `proxy_ssl_certificate`
///   (and `grpc_`, `uwsgi_`) is a `client` usage installed on `application`;
///   `…_ssl_trusted_certificate` is `server-ca` with `…_ssl_verify on`, `unknown` otherwise.
///   Their endpoint identity is `path:line module` of the block they apply to.
struct NginxInterpreter {
    /// The kind of `server` block.
    enum Context: Sendable {
        case http, stream, mail

        /// The word put before "server" in endpoint names.
        var label: String {
            switch self {
            case .http: return "nginx server"
            case .stream: return "nginx stream server"
            case .mail: return "nginx mail server"
            }
        }

        /// The modules that call upstreams over TLS in this context.
        var upstreamModules: [String] {
            switch self {
            case .http: return ["proxy", "grpc", "uwsgi"]
            case .stream: return ["proxy"]
            case .mail: return []
            }
        }
    }

    /// The folder relative certificate paths start from (nginx's prefix).
    let prefix: String
    /// The usages found, in file order.
    private(set) var usages: [CertificateUsage] = []
    /// The problems found.
    private(set) var problems: [ManifestProblem] = []

    /// An interpreter whose references start from `prefix`.
    init(prefix: String) { self.prefix = prefix }

    /// Reads the top level of a configuration.
    mutating func interpret(main: [NginxDirective]) {
        let tls = NginxTLSSettings.collect(main, problems: &problems)
        let upstream = collectUpstream(main, context: .http, inherited: [:])
        for directive in main {
            guard let block = directive.block else { continue }
            switch directive.name {
            case "http": interpretContext(block, context: .http, tls: tls, upstream: upstream)
            case "stream": interpretContext(block, context: .stream, tls: NginxTLSSettings(), upstream: [:])
            case "mail": interpretContext(block, context: .mail, tls: NginxTLSSettings(), upstream: [:])
            case "server": interpretServer(directive, context: .http, inheritedTLS: tls, inheritedUpstream: upstream)
            default: continue
            }
        }
    }

    private mutating func interpretContext(
        _ block: [NginxDirective], context: Context, tls inheritedTLS: NginxTLSSettings, upstream inherited: [String: NginxUpstreamTLS]
    ) {
        let tls = NginxTLSSettings.collect(block, problems: &problems).inheriting(from: inheritedTLS)
        let upstream = collectUpstream(block, context: context, inherited: inherited)
        for directive in block where directive.name == "server" && directive.block != nil {
            interpretServer(directive, context: context, inheritedTLS: tls, inheritedUpstream: upstream)
        }
    }

    /// Each upstream module's settings at a level, over the inherited ones.
    private mutating func collectUpstream(
        _ block: [NginxDirective], context: Context, inherited: [String: NginxUpstreamTLS]
    ) -> [String: NginxUpstreamTLS] {
        var out: [String: NginxUpstreamTLS] = [:]
        for module in context.upstreamModules {
            let own = NginxUpstreamTLS.collect(block, module: module, problems: &problems)
            out[module] = own.inheriting(from: inherited[module] ?? NginxUpstreamTLS(module: module))
        }
        return out
    }

    // MARK: - server blocks

    private mutating func interpretServer(
        _ server: NginxDirective, context: Context, inheritedTLS: NginxTLSSettings,
        inheritedUpstream: [String: NginxUpstreamTLS]
    ) {
        let body = server.block ?? []
        let own = NginxTLSSettings.collect(body, problems: &problems)
        let tls = own.inheriting(from: inheritedTLS)
        let listens = body.filter { $0.name == "listen" && $0.block == nil && !$0.arguments.isEmpty }
        let tlsListen = listens.first { listen in listen.values.dropFirst().contains { $0 == "ssl" || $0 == "quic" } }
        let sslOn = tls.ssl?.values.first == "on"
        let isTLS = tlsListen != nil || sslOn
        let names = NginxInterpreter.serverNames(body)
        let listen = tlsListen ?? listens.first
        let address = listen?.values.first
        let port = address.map(NginxInterpreter.port(of:)) ?? (context == .http ? "80" : "")
        let host = names.plain.first ?? address.map(NginxInterpreter.host(of:)) ?? ""
        let endpoint = "\(context.label) \(host):\(port)"
        var serverNotes: [String] = []
        if !names.regex.isEmpty {
            let list = names.regex.joined(separator: ", ")
            serverNotes.append(
                "server_name \(list) \(names.regex.count == 1 ? "is a regular expression" : "are regular expressions"), listed with the leading ~; no certificate name can be checked against \(names.regex.count == 1 ? "it" : "them").")
        }

        // Inbound: what nginx presents to callers and the bundles that verify them.
        let verify = verifyClient(tls.verifyClient)
        if isTLS {
            if tls.certificates.isEmpty && tls.rejectHandshake?.values.first != "on" {
                problems.append(
                    ManifestProblem(
                        location: server.location,
                        message: "This server block listens with TLS but no ssl_certificate applies to it; nginx refuses it unless ssl_reject_handshake is on.",
                        severity: .warning))
            }
            emitServerCertificates(
                tls.certificates, keys: tls.keys, hostnames: names.all, endpoint: endpoint, id: server.identity, verify: verify.value,
                notes: serverNotes + verify.notes)
            emitClientCAs(tls, verify: verify, hostnames: names.all, endpoint: endpoint, id: server.identity)
        } else if !own.certificates.isEmpty {
            // Configured in this very block, yet never served: say so rather than drop it.
            let why =
                "No listen directive of this server block has the ssl parameter, so nginx does not present this certificate here."
            emitServerCertificates(
                own.certificates, keys: tls.keys, hostnames: names.all, endpoint: endpoint, id: server.identity, verify: .none,
                notes: serverNotes + [why])
        }

        // Outbound: what nginx presents to upstreams, and how it verifies them.
        var upstream: [String: NginxUpstreamTLS] = [:]
        for module in context.upstreamModules {
            let settings = NginxUpstreamTLS.collect(body, module: module, problems: &problems)
                .inheriting(from: inheritedUpstream[module] ?? NginxUpstreamTLS(module: module))
            upstream[module] = settings
            emitUpstream(
                settings, endpoint: "\(endpoint) \(module)\(NginxInterpreter.passTarget(body, module: module))",
                id: "\(server.identity) \(module)")
        }
        if context == .http {
            for child in body where child.block != nil && NginxInterpreter.nestedScopes.contains(child.name) {
                interpretNested(child, serverEndpoint: endpoint, inherited: upstream, modules: context.upstreamModules)
            }
        }
    }

    /// The blocks inside a `server` that inherit its proxying directives.
    static let nestedScopes: Set<String> = ["location", "if", "limit_except"]

    private mutating func interpretNested(
        _ scope: NginxDirective, serverEndpoint: String, inherited: [String: NginxUpstreamTLS], modules: [String]
    ) {
        let body = scope.block ?? []
        let label = ([scope.name] + scope.values).joined(separator: " ")
        var upstream: [String: NginxUpstreamTLS] = [:]
        for module in modules {
            let own = NginxUpstreamTLS.collect(body, module: module, problems: &problems)
            let settings = own.inheriting(from: inherited[module] ?? NginxUpstreamTLS(module: module))
            upstream[module] = settings
            if !own.isEmpty {
                emitUpstream(
                    settings, endpoint: "\(serverEndpoint) \(label) \(module)\(NginxInterpreter.passTarget(body, module: module))",
                    id: "\(scope.identity) \(module)")
            }
        }
        for child in body where child.block != nil && NginxInterpreter.nestedScopes.contains(child.name) {
            interpretNested(child, serverEndpoint: serverEndpoint, inherited: upstream, modules: modules)
        }
    }

    // MARK: - usages

    private mutating func emitServerCertificates(
        _ certificates: [NginxDirective], keys: [NginxDirective], hostnames: [String], endpoint: String, id: String,
        verify: CertificateUsage.VerifyClient, notes: [String]
    ) {
        for (index, certificate) in certificates.enumerated() {
            guard let written = certificate.values.first else { continue }
            let reference = reference(written)
            var key: CertificateReference?
            if index < keys.count, let keyPath = keys[index].values.first {
                key = self.reference(keyPath).reference
            } else {
                problems.append(
                    ManifestProblem(
                        location: certificate.location,
                        message: "No ssl_certificate_key pairs with ssl_certificate \(written) (certificates and keys pair up in order); nginx refuses it.",
                        severity: .warning))
            }
            usages.append(
                CertificateUsage(
                    role: .server, certificate: reference.reference, privateKey: key, hostnames: hostnames, endpoint: endpoint,
                    platform: NginxReader.format, installedOn: .appServer, verifyClient: verify, endpointID: id,
                    location: certificate.location, note: NginxInterpreter.join(notes + [reference.note].compactMap { $0 })))
        }
    }

    private mutating func emitClientCAs(
        _ tls: NginxTLSSettings, verify: (value: CertificateUsage.VerifyClient, notes: [String], noCA: Bool), hostnames: [String],
        endpoint: String, id: String
    ) {
        if let bundle = tls.clientCertificate, let written = bundle.values.first {
            let reference = reference(written)
            let note: String?
            if verify.value == .none {
                note = "ssl_verify_client is off, so nginx does not ask callers for certificates and does not load this bundle."
            } else if verify.noCA {
                note = "With ssl_verify_client optional_no_ca, callers' certificates are requested but not verified; this bundle only names the acceptable CAs."
            } else {
                note = nil
            }
            usages.append(
                CertificateUsage(
                    role: verify.value == .none ? .unknown : .clientCA, certificate: reference.reference, hostnames: hostnames,
                    endpoint: endpoint, platform: NginxReader.format, installedOn: .appServer, verifyClient: verify.value,
                    endpointID: id, location: bundle.location, note: NginxInterpreter.join([note, reference.note].compactMap { $0 })))
        }
        if let bundle = tls.trustedCertificate, let written = bundle.values.first {
            let reference = reference(written)
            let verifiesCallers = verify.value != .none && !verify.noCA
            let note =
                verifiesCallers
                ? "ssl_trusted_certificate verifies callers' certificates (without naming its CAs to them) and OCSP responses for stapling."
                : "ssl_trusted_certificate holds the CAs nginx uses to verify OCSP responses for stapling (ssl_stapling_verify); with ssl_verify_client \(verify.value == .none ? "off" : "optional_no_ca") it does not verify callers."
            usages.append(
                CertificateUsage(
                    role: verifiesCallers ? .clientCA : .unknown, certificate: reference.reference, hostnames: hostnames,
                    endpoint: endpoint, platform: NginxReader.format, installedOn: .appServer, verifyClient: verify.value,
                    endpointID: id, location: bundle.location, note: NginxInterpreter.join([note, reference.note].compactMap { $0 })))
        }
        if verify.value != .none, !verify.noCA, tls.clientCertificate == nil, tls.trustedCertificate == nil,
            let directive = tls.verifyClient
        {
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "ssl_verify_client asks callers for certificates, but no ssl_client_certificate or ssl_trusted_certificate applies here; nginx refuses it.",
                    severity: .error, check: .verifyWithoutClientCA))
        }
    }

    private mutating func emitUpstream(_ settings: NginxUpstreamTLS, endpoint: String, id: String) {
        let module = settings.module
        for (index, certificate) in settings.certificates.enumerated() {
            guard let written = certificate.values.first else { continue }
            let reference = reference(written)
            var key: CertificateReference?
            if index < settings.keys.count, let keyPath = settings.keys[index].values.first {
                key = self.reference(keyPath).reference
            } else {
                problems.append(
                    ManifestProblem(
                        location: certificate.location,
                        message: "No \(module)_ssl_certificate_key goes with \(module)_ssl_certificate \(written); nginx refuses it.",
                        severity: .warning))
            }
            usages.append(
                CertificateUsage(
                    role: .client, certificate: reference.reference, privateKey: key, endpoint: endpoint, platform: NginxReader.format,
                    installedOn: .application, endpointID: id, location: certificate.location, note: reference.note))
        }
        let verifyOn = settings.verify?.values.first == "on"
        if let bundle = settings.trusted, let written = bundle.values.first {
            let reference = reference(written)
            let note =
                verifyOn ? nil : "\(module)_ssl_verify is off, so nginx does not verify the upstream's certificate and does not load this bundle."
            usages.append(
                CertificateUsage(
                    role: verifyOn ? .serverCA : .unknown, certificate: reference.reference, endpoint: endpoint,
                    platform: NginxReader.format, installedOn: .application, endpointID: id, location: bundle.location,
                    note: NginxInterpreter.join([note, reference.note].compactMap { $0 })))
        } else if verifyOn, let directive = settings.verify {
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "\(module)_ssl_verify is on, but no \(module)_ssl_trusted_certificate applies here; nginx refuses it.",
                    severity: .warning))
        }
    }

    // MARK: - values

    /// What `ssl_verify_client` says.
    private mutating func verifyClient(
        _ directive: NginxDirective?
    ) -> (value: CertificateUsage.VerifyClient, notes: [String], noCA: Bool) {
        guard let directive, let value = directive.values.first else { return (.none, [], false) }
        switch value {
        case "on": return (.required, [], false)
        case "optional": return (.optional, [], false)
        case "optional_no_ca":
            return (.optional, ["ssl_verify_client optional_no_ca requests callers' certificates without verifying them."], true)
        case "off": return (.none, [], false)
        default:
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "ssl_verify_client takes on, off, optional or optional_no_ca, not \"\(value)\"; nginx refuses it."))
            return (.none, [], false)
        }
    }

    /// The reference a certificate or key argument makes, with a note when it is not a plain file.
    func reference(_ written: String) -> (reference: CertificateReference, note: String?) {
        if written.hasPrefix("data:") {
            let data = String(written.dropFirst(5))
            if data.contains("-----BEGIN ") { return (.inline(data), nil) }
            return (.external(written), "The certificate is taken from \(data) at run time (data:), so certlint cannot tell which it is.")
        }
        if written.hasPrefix("engine:") || written.hasPrefix("store:") {
            return (.external(written), "The key or certificate is held by an OpenSSL engine or store, outside the repository.")
        }
        if written.contains("$") {
            return (
                .external(written),
                "The path \(written) holds nginx variables, so nginx picks the file per connection; certlint cannot tell which file it is."
            )
        }
        return (.file(path: written, base: prefix), nil)
    }

    /// The hostnames of a server block: every `server_name` argument except `_` and `""`; a
    /// name `.example.com` stands for `example.com` and `*.example.com`, as in nginx.
    static func serverNames(_ body: [NginxDirective]) -> (all: [String], plain: [String], regex: [String]) {
        var all: [String] = []
        var plain: [String] = []
        var regex: [String] = []
        func add(_ name: String, to list: inout [String]) {
            if !all.contains(name) { all.append(name) }
            if !list.contains(name) { list.append(name) }
        }
        for directive in body where directive.name == "server_name" && directive.block == nil {
            for name in directive.values where !name.isEmpty && name != "_" {
                if name.hasPrefix("~") {
                    add(name, to: &regex)
                } else if name.hasPrefix("."), name.count > 1 {
                    add(String(name.dropFirst()), to: &plain)
                    add("*" + name, to: &plain)
                } else {
                    add(name, to: &plain)
                }
            }
        }
        return (all, plain, regex)
    }

    /// The port of a `listen` address (`443`, `*:443`, `[::]:443`, `10.0.0.1`, `unix:/run/x.sock`).
    static func port(of address: String) -> String {
        if address.hasPrefix("unix:") { return address }
        if address.allSatisfy(\.isNumber) { return address }
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { return "80" }
            let rest = address[address.index(after: close)...]
            return rest.hasPrefix(":") ? String(rest.dropFirst()) : "80"
        }
        if let colon = address.lastIndex(of: ":") { return String(address[address.index(after: colon)...]) }
        return "80"
    }

    /// The host of a `listen` address, `""` for a port alone or a wildcard.
    static func host(of address: String) -> String {
        if address.hasPrefix("unix:") || address.allSatisfy(\.isNumber) { return "" }
        var host = address
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            host = String(address[...close])
        } else if let colon = address.lastIndex(of: ":") {
            host = String(address[..<colon])
        }
        return host == "*" ? "" : host
    }

    /// ` to <target>` when the block passes requests with `<module>_pass`.
    static func passTarget(_ body: [NginxDirective], module: String) -> String {
        guard let pass = body.first(where: { $0.name == module + "_pass" && $0.block == nil }), let target = pass.values.first else {
            return ""
        }
        return " to \(target)"
    }

    /// Notes joined into one, or `nil`.
    static func join(_ notes: [String]) -> String? { notes.isEmpty ? nil : notes.joined(separator: " ") }
}
