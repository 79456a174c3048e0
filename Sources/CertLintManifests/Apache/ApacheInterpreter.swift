import CertLintCore

/// Walks an expanded Apache httpd configuration and says where certificates are used.
///
/// Conditional sections (`<IfModule>`, `<IfDefine>`, `<IfVersion>`, `<IfFile>`,
/// `<IfDirective>`, `<IfSection>`) are read as if their condition held: certlint reports what
/// the configuration can do. Per-directory sections (`<Location>`, `<Directory>`, `<Files>`,
/// `<If>` and their `Match` forms) matter only for `SSLVerifyClient` (client certificates asked
/// for one path); `<Proxy>` sections for the `SSLProxy…` directives; `<Macro>` bodies are
/// templates and are skipped.
///
/// - Inbound, per `<VirtualHost>` whose `SSLEngine` is `on` or `optional` (its own or the main
///   server's), and for the main server itself when its `SSLEngine` is on: each
///   `SSLCertificateFile` is a `server` usage with the `SSLCertificateKeyFile` at the same
///   position and `SSLCertificateChainFile` as its chain; `SSLCACertificateFile` and each file
///   of `SSLCACertificatePath` are `client-ca` when `SSLVerifyClient` is `require`, `optional` or
///   `optional_no_ca` (at the host, or else in a per-directory section, with a note naming it),
///   `unknown` with a note otherwise. Endpoint identity: `path:line` of the `<VirtualHost>`.
/// - Outbound, per host (and for the main server when there is no `<VirtualHost>`), and per
///   `<Proxy>` section that sets its own: `SSLProxyMachineCertificateFile` and each file of
///   `SSLProxyMachineCertificatePath` are `client` usages installed on `application`;
///   `SSLProxyCACertificateFile`/`Path` are `server-ca` when `SSLProxyVerify` is `require` or
///   `optional`, `unknown` otherwise. Endpoint identity: `path:line proxy`.
struct ApacheInterpreter {
    /// Sections read as if their condition held.
    static let conditionalSections: Set<String> = ["ifmodule", "ifdefine", "ifversion", "iffile", "ifdirective", "ifsection"]
    /// Per-directory sections.
    static let perDirectorySections: Set<String> = [
        "location", "locationmatch", "directory", "directorymatch", "files", "filesmatch", "if", "elseif", "else", "limit",
        "limitexcept", "requireall", "requireany", "requirenone",
    ]
    /// Proxy sections.
    static let proxySections: Set<String> = ["proxy", "proxymatch"]
    /// Names of files in an `SSLCACertificatePath`-like folder: certificate files, or OpenSSL's hash links.
    static let certificateExtensions: Set<String> = ["pem", "crt", "cer", "der", "cert"]

    /// What one level (main server or host) sets, found by looking through conditional sections.
    private struct Level {
        var settings = ApacheSSLSettings()
        /// `SSLVerifyClient` in per-directory sections: the directive and its section.
        var perDirectoryVerify: [(directive: ApacheDirective, section: ApacheDirective)] = []
        /// `<Proxy>` sections with their own outbound settings.
        var proxies: [(section: ApacheDirective, settings: ApacheSSLSettings)] = []
        /// `<VirtualHost>` sections (main level only).
        var hosts: [ApacheDirective] = []
        /// `Listen` directives (main level only).
        var listens: [ApacheDirective] = []
    }

    /// The folder relative paths start from (ServerRoot).
    let prefix: String
    /// Absolute roots that map onto ``prefix``.
    let roots: [String]
    /// Where folders are listed.
    let context: ManifestContext
    /// The manifest read.
    let topPath: String
    /// The usages found, in file order.
    private(set) var usages: [CertificateUsage] = []
    /// The problems found.
    private(set) var problems: [ManifestProblem] = []

    /// An interpreter for the manifest at `topPath`.
    init(topPath: String, prefix: String, roots: [String], context: ManifestContext) {
        self.topPath = topPath
        self.prefix = prefix
        self.roots = roots
        self.context = context
    }

    /// Reads the top level of a configuration.
    mutating func interpret(main directives: [ApacheDirective]) {
        var main = Level()
        collect(directives, into: &main, isMain: true)
        let mainSettings = main.settings
        let port = main.listens.first?.values.first.map(ApacheInterpreter.port(ofAddress:)) ?? "443"

        if ApacheInterpreter.engineIsOn(mainSettings.engine, port: nil) {
            let names = hostnames(mainSettings)
            let endpoint = "apache main server \(names.first ?? ""):\(port)"
            inbound(mainSettings, own: mainSettings, level: main, hostnames: names, endpoint: endpoint, id: "\(topPath) main server", tls: true)
        }
        if main.hosts.isEmpty {
            let names = hostnames(mainSettings)
            let endpoint = "apache main server \(names.first ?? ""):\(port)"
            outbound(mainSettings, level: main, endpoint: endpoint, id: "\(topPath) main server proxy")
        }
        for host in main.hosts {
            var level = Level()
            collect(host.section ?? [], into: &level, isMain: false)
            let settings = level.settings.inheriting(from: mainSettings)
            let addresses = host.values
            let port = addresses.first.map(ApacheInterpreter.port(ofAddress:)) ?? "*"
            let names = hostnames(level.settings)
            let label = names.first ?? addresses.first.map(ApacheInterpreter.host(ofAddress:)) ?? "*"
            let endpoint = "apache virtual host \(label):\(port)"
            let tls = ApacheInterpreter.engineIsOn(settings.engine, port: port)
            inbound(settings, own: level.settings, level: level, hostnames: names, endpoint: endpoint, id: host.identity, tls: tls)
            outbound(settings, level: level, endpoint: endpoint, id: "\(host.identity) proxy")
        }
    }

    // MARK: - collecting

    private mutating func collect(_ block: [ApacheDirective], into level: inout Level, isMain: Bool) {
        for directive in block {
            guard let section = directive.section else {
                level.settings.take(directive, problems: &problems)
                if isMain, directive.key == "listen", !directive.arguments.isEmpty { level.listens.append(directive) }
                continue
            }
            if ApacheInterpreter.conditionalSections.contains(directive.key) {
                collect(section, into: &level, isMain: isMain)
            } else if directive.key == "virtualhost" {
                if isMain {
                    level.hosts.append(directive)
                } else {
                    problems.append(
                        ManifestProblem(location: directive.location, message: "<VirtualHost> cannot be nested in another <VirtualHost>; httpd refuses it."))
                }
            } else if ApacheInterpreter.proxySections.contains(directive.key) {
                var inner = Level()
                collectPerDirectory(section, parent: directive, into: &inner)
                level.perDirectoryVerify += inner.perDirectoryVerify
                if inner.settings.hasProxySettings { level.proxies.append((directive, inner.settings)) }
            } else if ApacheInterpreter.perDirectorySections.contains(directive.key) {
                collectPerDirectory(section, parent: directive, into: &level)
            }
        }
    }

    /// Inside a per-directory or proxy section: `SSLVerifyClient` and the outbound directives.
    private mutating func collectPerDirectory(_ block: [ApacheDirective], parent: ApacheDirective, into level: inout Level) {
        for directive in block {
            if let section = directive.section {
                if ApacheInterpreter.conditionalSections.contains(directive.key)
                    || ApacheInterpreter.perDirectorySections.contains(directive.key)
                {
                    collectPerDirectory(section, parent: parent, into: &level)
                }
                continue
            }
            if directive.key == "sslverifyclient", !directive.arguments.isEmpty {
                level.perDirectoryVerify.append((directive, parent))
            } else if directive.key.hasPrefix("sslproxy") {
                level.settings.take(directive, problems: &problems)
            }
        }
    }

    // MARK: - inbound

    private mutating func inbound(
        _ settings: ApacheSSLSettings, own: ApacheSSLSettings, level: Level, hostnames: [String], endpoint: String, id: String,
        tls: Bool
    ) {
        var verify = verifyValue(settings.verifyClient)
        var verifyNote: String?
        if verify.value == .none {
            // Asked for in a per-directory section only: the strongest one, named.
            for (directive, section) in level.perDirectoryVerify {
                let candidate = verifyValue(directive)
                if candidate.value.strength > verify.value.strength {
                    verify = candidate
                    verifyNote = "Client certificates are asked for only within \(section.tag) (SSLVerifyClient \(directive.values.first ?? ""))."
                }
            }
        }
        let chain = settings.chainFile.flatMap { $0.values.first }.map { reference($0).reference }
        if tls {
            if settings.certificateFiles.isEmpty {
                problems.append(
                    ManifestProblem(
                        location: settings.engine?.location ?? SourceLocation(path: topPath, line: 1, column: 1),
                        message: "SSLEngine is on for \(endpoint) but no SSLCertificateFile applies to it; httpd refuses to start.",
                        severity: .warning))
            }
            emitServer(
                settings.certificateFiles, keys: settings.keyFiles, chain: chain, hostnames: hostnames, endpoint: endpoint, id: id,
                verify: verify.value, notes: [verifyNote, verify.note].compactMap { $0 })
            emitClientCA(settings, verify: verify, verifyNote: verifyNote, hostnames: hostnames, endpoint: endpoint, id: id)
        } else if !own.certificateFiles.isEmpty {
            emitServer(
                own.certificateFiles, keys: settings.keyFiles, chain: chain, hostnames: hostnames, endpoint: endpoint, id: id,
                verify: .none, notes: ["SSLEngine is not on for this virtual host, so httpd does not present this certificate here."])
        }
    }

    private mutating func emitServer(
        _ files: [ApacheDirective], keys: [ApacheDirective], chain: CertificateReference?, hostnames: [String], endpoint: String,
        id: String, verify: CertificateUsage.VerifyClient, notes: [String]
    ) {
        for (index, file) in files.enumerated() {
            guard let written = file.values.first else { continue }
            let certificate = reference(written)
            // No key file: the key is in the certificate file, as httpd allows.
            let key = index < keys.count ? keys[index].values.first.map { reference($0).reference } : nil
            usages.append(
                CertificateUsage(
                    role: .server, certificate: certificate.reference, privateKey: key, chain: chain, hostnames: hostnames,
                    endpoint: endpoint, platform: ApacheReader.format, installedOn: .appServer, verifyClient: verify, endpointID: id,
                    location: file.location, note: ApacheInterpreter.join(notes + [certificate.note].compactMap { $0 })))
        }
    }

    private mutating func emitClientCA(
        _ settings: ApacheSSLSettings, verify: (value: CertificateUsage.VerifyClient, note: String?, noCA: Bool), verifyNote: String?,
        hostnames: [String], endpoint: String, id: String
    ) {
        let role: CertificateUsage.Role = verify.value == .none ? .unknown : .clientCA
        var notes: [String] = [verifyNote, verify.note].compactMap { $0 }
        if verify.value == .none {
            notes.append("SSLVerifyClient is none here, so httpd does not ask callers for certificates and this bundle verifies no one.")
        }
        var bundles = 0
        if let file = settings.caFile, let written = file.values.first {
            bundles += 1
            let bundle = reference(written)
            usages.append(
                CertificateUsage(
                    role: role, certificate: bundle.reference, hostnames: hostnames, endpoint: endpoint, platform: ApacheReader.format,
                    installedOn: .appServer, verifyClient: verify.value, endpointID: id, location: file.location,
                    note: ApacheInterpreter.join(notes + [bundle.note].compactMap { $0 })))
        }
        if let folder = settings.caPath, let written = folder.values.first {
            bundles += 1
            for entry in folderReferences(written) {
                usages.append(
                    CertificateUsage(
                        role: role, certificate: entry.reference, hostnames: hostnames, endpoint: endpoint, platform: ApacheReader.format,
                        installedOn: .appServer, verifyClient: verify.value, endpointID: id, location: folder.location,
                        note: ApacheInterpreter.join(notes + [entry.note].compactMap { $0 })))
            }
        }
        if bundles == 0, verify.value != .none, !verify.noCA {
            let location = settings.verifyClient?.location ?? SourceLocation(path: topPath, line: 1, column: 1)
            problems.append(
                ManifestProblem(
                    location: location,
                    message: "Client certificates are asked for at \(endpoint), but no SSLCACertificateFile or SSLCACertificatePath applies; httpd can verify no caller.",
                    severity: .error, check: .verifyWithoutClientCA))
        }
    }

    // MARK: - outbound

    private mutating func outbound(_ settings: ApacheSSLSettings, level: Level, endpoint: String, id: String) {
        if settings.hasProxySettings {
            emitProxy(settings, endpoint: "\(endpoint) proxy", id: id)
        }
        for (section, own) in level.proxies {
            let merged = own.inheritingProxy(from: settings)
            let target = section.values.first.map { " to \($0)" } ?? ""
            emitProxy(merged, endpoint: "\(endpoint) proxy\(target)", id: "\(section.identity) proxy")
        }
    }

    private mutating func emitProxy(_ settings: ApacheSSLSettings, endpoint: String, id: String) {
        let chain = settings.proxyMachineChainFile.flatMap { $0.values.first }.map { reference($0).reference }
        if let file = settings.proxyMachineFile, let written = file.values.first {
            let certificate = reference(written)
            usages.append(
                CertificateUsage(
                    role: .client, certificate: certificate.reference, chain: chain, endpoint: endpoint, platform: ApacheReader.format,
                    installedOn: .application, endpointID: id, location: file.location, note: certificate.note))
        }
        if let folder = settings.proxyMachinePath, let written = folder.values.first {
            for entry in folderReferences(written) {
                usages.append(
                    CertificateUsage(
                        role: .client, certificate: entry.reference, chain: chain, endpoint: endpoint, platform: ApacheReader.format,
                        installedOn: .application, endpointID: id, location: folder.location, note: entry.note))
            }
        }
        let verify = (settings.proxyVerify?.values.first ?? "none").lowercased()
        let verifies = verify == "require" || verify == "optional"
        if let directive = settings.proxyVerify, !["require", "optional", "optional_no_ca", "none"].contains(verify) {
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "SSLProxyVerify takes none, optional, require or optional_no_ca, not \"\(directive.values.first ?? "")\"; httpd refuses it."))
        }
        let note = verifies ? nil : "SSLProxyVerify is \(verify) here, so httpd does not verify the backend's certificate with this bundle."
        let role: CertificateUsage.Role = verifies ? .serverCA : .unknown
        var bundles = 0
        if let file = settings.proxyCAFile, let written = file.values.first {
            bundles += 1
            let bundle = reference(written)
            usages.append(
                CertificateUsage(
                    role: role, certificate: bundle.reference, endpoint: endpoint, platform: ApacheReader.format, installedOn: .application,
                    endpointID: id, location: file.location, note: ApacheInterpreter.join([note, bundle.note].compactMap { $0 })))
        }
        if let folder = settings.proxyCAPath, let written = folder.values.first {
            bundles += 1
            for entry in folderReferences(written) {
                usages.append(
                    CertificateUsage(
                        role: role, certificate: entry.reference, endpoint: endpoint, platform: ApacheReader.format,
                        installedOn: .application, endpointID: id, location: folder.location,
                        note: ApacheInterpreter.join([note, entry.note].compactMap { $0 })))
            }
        }
        if bundles == 0, verifies, let directive = settings.proxyVerify {
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "SSLProxyVerify \(verify) needs SSLProxyCACertificateFile or SSLProxyCACertificatePath; httpd cannot verify the backend without one.",
                    severity: .warning))
        }
    }

    // MARK: - values

    /// What `SSLVerifyClient` says.
    private mutating func verifyValue(_ directive: ApacheDirective?) -> (value: CertificateUsage.VerifyClient, note: String?, noCA: Bool) {
        guard let directive, let value = directive.values.first?.lowercased() else { return (.none, nil, false) }
        switch value {
        case "require": return (.required, nil, false)
        case "optional": return (.optional, nil, false)
        case "optional_no_ca":
            return (.optional, "SSLVerifyClient optional_no_ca asks for callers' certificates without verifying them.", true)
        case "none": return (.none, nil, false)
        default:
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "SSLVerifyClient takes none, optional, require or optional_no_ca, not \"\(directive.values.first ?? "")\"; httpd refuses it."))
            return (.none, nil, false)
        }
    }

    /// The hostnames a level names: `ServerName` (without scheme and port), then every
    /// `ServerAlias` argument.
    private func hostnames(_ settings: ApacheSSLSettings) -> [String] {
        var names: [String] = []
        if let name = settings.serverName?.values.first {
            var host = Substring(name)
            if let scheme = host.firstRange(of: "://") { host = host[scheme.upperBound...] }
            if host.hasPrefix("[") {
                if let close = host.firstIndex(of: "]") { host = host[...close] }
            } else if let colon = host.lastIndex(of: ":") {
                host = host[..<colon]
            }
            if !host.isEmpty { names.append(String(host)) }
        }
        for alias in settings.serverAliases {
            for name in alias.values where !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The reference a file argument makes, with a note when it is not a plain file.
    func reference(_ written: String) -> (reference: CertificateReference, note: String?) {
        if written.lowercased().hasPrefix("pkcs11:") {
            return (.external(written), "The certificate or key is in a PKCS#11 token, outside the repository.")
        }
        if written.contains("${") {
            return (
                .external(written),
                "The path \(written) uses a variable no Define in the configuration sets (an environment variable, perhaps); certlint cannot tell which file it is."
            )
        }
        return (.file(path: written, base: prefix), nil)
    }

    /// The certificate files of a folder directive (`SSLCACertificatePath`): those with a
    /// certificate extension, else OpenSSL's hash links (`5ed36f99.0`); the folder itself,
    /// with a note, when the repository does not hold it.
    private func folderReferences(_ written: String) -> [(reference: CertificateReference, note: String?)] {
        let candidates = ServerConfigPath.candidates(for: written, bases: [prefix], installRoots: roots)
        for candidate in candidates {
            let entries = ServerConfigPath.directoryEntries(candidate, context: context)
            guard !entries.isEmpty else { continue }
            var files = entries.filter { ApacheInterpreter.certificateExtensions.contains(ApacheInterpreter.pathExtension($0)) }
            if files.isEmpty { files = entries.filter { ApacheInterpreter.isHashLink(ServerConfigPath.fileName(of: $0)) } }
            if !files.isEmpty { return files.map { (.file(path: $0, base: ""), nil) } }
        }
        return [
            (
                .file(path: written, base: prefix),
                "\(written) is a folder of certificates that is not in the repository; its certificates cannot be checked."
            )
        ]
    }

    /// The lower-cased extension of a path (`"pem"`), or `""`.
    static func pathExtension(_ path: String) -> String {
        let name = ServerConfigPath.fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// `5ed36f99.0`: eight hex digits, a dot, a number.
    static func isHashLink(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, !parts[1].isEmpty else { return false }
        return parts[0].allSatisfy(\.isHexDigit) && parts[1].allSatisfy(\.isNumber)
    }

    /// Whether `SSLEngine` turns TLS on: `on`, `optional`, or a list of addresses one of which
    /// has the host's port.
    static func engineIsOn(_ engine: ApacheDirective?, port: String?) -> Bool {
        guard let engine, let first = engine.values.first?.lowercased() else { return false }
        switch first {
        case "on", "optional": return true
        case "off": return false
        default:
            guard let port else { return false }
            return engine.values.contains { self.port(ofAddress: $0) == port }
        }
    }

    /// The port of an address (`*:443`, `[2001:db8::1]:443`, `443`, `_default_`), `*` when none.
    static func port(ofAddress address: String) -> String {
        if address.allSatisfy(\.isNumber) && !address.isEmpty { return address }
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { return "*" }
            let rest = address[address.index(after: close)...]
            return rest.hasPrefix(":") ? String(rest.dropFirst()) : "*"
        }
        if let colon = address.lastIndex(of: ":") { return String(address[address.index(after: colon)...]) }
        return "*"
    }

    /// The host of an address (`*`, `_default_`, `192.0.2.1`).
    static func host(ofAddress address: String) -> String {
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") { return String(address[...close]) }
        if let colon = address.lastIndex(of: ":") { return String(address[..<colon]) }
        return address
    }

    /// Notes joined into one, or `nil`.
    static func join(_ notes: [String]) -> String? { notes.isEmpty ? nil : notes.joined(separator: " ") }
}

extension CertificateUsage.VerifyClient {
    /// none < optional < required.
    fileprivate var strength: Int {
        switch self {
        case .none: return 0
        case .optional: return 1
        case .required: return 2
        }
    }
}
