import CertLintCore

/// Walks an HAProxy configuration and says where certificates are used.
///
/// - `bind` lines of `frontend`, `listen` and `peers` sections: each `crt` (a file holding the
///   certificate, its key and chain; or a folder, whose files are each loaded, except the
///   `.key`, `.ocsp`, `.issuer` and `.sctl` companions; or a `crt-store` entry) and each line
///   of a `crt-list` file is a `server` usage; `ca-file` and `ca-verify-file` are `client-ca`
///   when `verify` is `optional` or `required`, `unknown` with a note when it is `none` (the
///   default). Endpoint identity: `path:line` of the bind line; a crt-list line with its own
///   `verify`, `ca-file` or `ca-verify-file` is an endpoint of its own (`… crtlist:line`),
///   verified with its own CA files or else the bind line's. Hostnames come from crt-list SNI
///   filters.
/// - `server` and `server-template` lines of `backend`, `listen` and `peers` sections, over
///   the `default-server` lines of their `defaults` section (the last before them, or the one
///   named by `from`) and of their own section: with `ssl`, `crt` is a `client` usage and
///   `ca-file` a `server-ca` usage when `verify` is `required` (the default, unless the global
///   `ssl-server-verify none`). Endpoint identity: `path:line` of the server line.
///
/// Usages are reported at the `crt`/`ca-file` keyword of their line (several on one bind line
/// stay apart), or at the certificate path of a crt-list line. Relative paths are joined to the
/// global `crt-base`/`ca-base` (a crt-store's own bases for its entries) and start from the
/// configuration's folder. `.if`/`.elif`/`.else`/`.endif` conditions are read as if every
/// branch held. Everything is installed on `load-balancer`.
struct HAProxyInterpreter {
    /// Usual installation roots whose absolute paths map onto the configuration's folder.
    static let installRoots = ["/etc/haproxy", "/usr/local/etc/haproxy", "/opt/haproxy", "/usr/local/haproxy"]
    /// Words that start a section.
    static let sectionKeywords: Set<String> = [
        "global", "defaults", "frontend", "backend", "listen", "peers", "resolvers", "userlist", "mailers", "program",
        "http-errors", "ring", "cache", "crt-store", "traces", "log-forwarder", "fcgi-app", "dynamic-update", "acme",
    ]
    /// Files of a certificate folder that HAProxy loads as companions, not as certificates.
    static let companionExtensions: Set<String> = ["key", "ocsp", "issuer", "sctl"]
    /// The most lines read from one crt-list.
    static let maxCrtListEntries = 100_000

    /// A certificate loaded by a `crt-store` section.
    private struct StoredCertificate {
        var certificate: String
        var key: String?
        var location: SourceLocation
    }

    /// The section being read.
    private struct Section {
        var kind: String
        var name: String
        /// `default-server` settings in force.
        var defaultServer = HAProxyOptions()
    }

    /// The configuration read.
    let path: String
    /// Its folder: where relative paths start.
    let folder: String
    /// crt-list bookkeeping and caps.
    private(set) var includes: ServerConfigIncludes
    /// The usages found, in file order.
    private(set) var usages: [CertificateUsage] = []
    /// The problems found.
    private(set) var problems: [ManifestProblem] = []

    private var crtBase: String?
    private var caBase: String?
    private var keyBase: String?
    private var serverVerify = "required"
    private var stored: [String: StoredCertificate] = [:]

    /// An interpreter for the configuration at `path`.
    init(path: String, context: ManifestContext) {
        self.path = path
        folder = ServerConfigPath.folder(of: path)
        includes = ServerConfigIncludes(topPath: path, context: context)
    }

    /// Reads the configuration's lines.
    mutating func interpret(_ lines: [HAProxyLexer.Line]) {
        readGlobals(lines)
        var section = Section(kind: "", name: "")
        var lastDefaults = HAProxyOptions()
        var namedDefaults: [String: HAProxyOptions] = [:]
        for line in lines {
            guard let first = line.words.first, !first.text.hasPrefix(".") else { continue }
            let keyword = first.text
            if HAProxyInterpreter.sectionKeywords.contains(keyword) {
                let name = line.words.count > 1 ? line.words[1].text : ""
                var from: String?
                if line.words.count > 3, line.words[2].text == "from" { from = line.words[3].text }
                section = Section(kind: keyword, name: name)
                if keyword == "defaults" {
                    section.defaultServer = from.flatMap { namedDefaults[$0] } ?? HAProxyOptions()
                    lastDefaults = section.defaultServer
                    if !name.isEmpty, name != "from" { namedDefaults[name] = section.defaultServer }
                } else {
                    section.defaultServer = from.flatMap { namedDefaults[$0] } ?? lastDefaults
                }
                continue
            }
            switch (section.kind, keyword) {
            case ("defaults", "default-server"), ("backend", "default-server"), ("listen", "default-server"), ("peers", "default-server"):
                let own = HAProxyOptions.parse(line.words.dropFirst(), path: path, problems: &problems)
                section.defaultServer = own.inheriting(from: section.defaultServer)
                if section.kind == "defaults" {
                    lastDefaults = section.defaultServer
                    if !section.name.isEmpty { namedDefaults[section.name] = section.defaultServer }
                }
            case ("frontend", "bind"), ("listen", "bind"), ("peers", "bind"):
                readBind(line.words, section: section)
            case ("backend", "server"), ("listen", "server"), ("peers", "server"):
                readServer(line.words, section: section, template: false)
            case ("backend", "server-template"), ("listen", "server-template"):
                readServer(line.words, section: section, template: true)
            default:
                continue
            }
        }
    }

    /// The first pass: global bases and verification, and what crt-store sections load.
    private mutating func readGlobals(_ lines: [HAProxyLexer.Line]) {
        var kind = ""
        var storeName = ""
        var storeCrtBase: String?
        var storeKeyBase: String?
        for line in lines {
            guard let first = line.words.first, !first.text.hasPrefix(".") else { continue }
            if HAProxyInterpreter.sectionKeywords.contains(first.text) {
                kind = first.text
                storeName = line.words.count > 1 ? line.words[1].text : ""
                storeCrtBase = nil
                storeKeyBase = nil
                continue
            }
            let value = line.words.count > 1 ? line.words[1].text : nil
            switch (kind, first.text) {
            case ("global", "crt-base"): crtBase = value
            case ("global", "ca-base"): caBase = value
            case ("global", "key-base"): keyBase = value
            case ("global", "ssl-server-verify"): serverVerify = value ?? serverVerify
            case ("crt-store", "crt-base"): storeCrtBase = value
            case ("crt-store", "key-base"): storeKeyBase = value
            case ("crt-store", "load"):
                var pairs: [String: String] = [:]
                var i = 1
                while i + 1 < line.words.count {
                    pairs[line.words[i].text] = line.words[i + 1].text
                    i += 2
                }
                guard let certificate = pairs["crt"] else {
                    problems.append(
                        ManifestProblem(location: location(first), message: "This crt-store load names no crt; HAProxy refuses it."))
                    continue
                }
                let name = pairs["alias"] ?? certificate
                let key = storeName.isEmpty ? name : "@\(storeName)/\(name)"
                stored[key] = StoredCertificate(
                    certificate: HAProxyInterpreter.join(storeCrtBase ?? crtBase, certificate),
                    key: pairs["key"].map { HAProxyInterpreter.join(storeKeyBase ?? keyBase, $0) }, location: location(first))
            default: continue
            }
        }
    }

    // MARK: - bind lines

    private mutating func readBind(_ words: [HAProxyWord], section: Section) {
        guard words.count > 1 else {
            problems.append(ManifestProblem(location: location(words[0]), message: "\"bind\" needs an address; HAProxy refuses the line."))
            return
        }
        let address = words[1].text
        let options = HAProxyOptions.parse(words[2...], path: path, problems: &problems)
        let id = "\(path):\(words[0].line)"
        let endpoint = "haproxy \(section.kind) \(section.name) \(address)"
        let quic = address.hasPrefix("quic4@") || address.hasPrefix("quic6@") || address.hasPrefix("quic@")
        let tls = options.ssl != nil || quic
        let verify = bindVerify(options.verify)
        var notes: [String] = []
        if !tls { notes.append("This bind line has no ssl keyword, so HAProxy does not use TLS on it.") }

        for option in options.certificates {
            emitServerCertificate(
                option.value.text, at: location(option.keyword), hostnames: [], endpoint: endpoint, id: id, verify: verify, notes: notes)
        }
        var listsWithCA = false
        for option in options.certificateLists {
            listsWithCA = emitCrtList(option, endpoint: endpoint, id: id, bind: options, notes: notes) || listsWithCA
        }
        for option in [options.caFile, options.caVerifyFile].compactMap({ $0 }) {
            emitClientCA(option, endpoint: endpoint, id: id, verify: verify, notes: notes)
        }
        if tls, options.certificates.isEmpty, options.certificateLists.isEmpty {
            problems.append(
                ManifestProblem(
                    location: location(words[0]),
                    message: "This bind line enables ssl but names no crt or crt-list; HAProxy refuses it.", severity: .warning))
        }
        if tls, verify != .none, options.caFile == nil, options.caVerifyFile == nil, !listsWithCA, let option = options.verify {
            problems.append(
                ManifestProblem(
                    location: location(option.keyword),
                    message: "verify \(option.value.text) asks callers for certificates, but this bind line names no ca-file; HAProxy refuses it.",
                    severity: .error, check: .verifyWithoutClientCA))
        }
    }

    /// Reads a crt-list; `true` when one of its lines names a ca-file. A line with its own
    /// `verify`, `ca-file` or `ca-verify-file` verifies callers with its own CA files, or else
    /// with those of the bind line (as HAProxy's `ssl_sock_prepare_ctx` does).
    private mutating func emitCrtList(
        _ option: HAProxyOptions.Option, endpoint: String, id: String, bind: HAProxyOptions, notes: [String]
    ) -> Bool {
        let written = option.value.text
        let candidates = ServerConfigPath.candidates(for: written, bases: [folder], installRoots: HAProxyInterpreter.installRoots)
        guard let file = includes.resolve(candidates).first else {
            problems.append(
                ManifestProblem(
                    location: location(option.keyword),
                    message: "The crt-list \(written) is not in the repository; the certificates it lists are not read.", severity: .note,
                    check: .outsideRepository))
            return false
        }
        guard includes.enter(file, at: location(option.keyword), problems: &problems) else { return false }
        defer { includes.leave() }
        guard let text = includes.text(of: file) else { return false }
        let parsed = HAProxyCrtList.entries(text, path: file, maxEntries: HAProxyInterpreter.maxCrtListEntries)
        problems += parsed.problems
        var anyCA = false
        for entry in parsed.entries {
            let own = entry.options
            let ownEndpoint = own.verify != nil || own.caFile != nil || own.caVerifyFile != nil
            let entryID = ownEndpoint ? "\(id) \(file):\(entry.path.line)" : id
            let verify =
                own.verify.map { self.bindVerify($0, in: file) } ?? self.bindVerify(bind.verify)
            let entryLocation = SourceLocation(path: file, line: entry.path.line, column: entry.path.column)
            emitServerCertificate(
                entry.path.text, at: entryLocation, hostnames: entry.hostnames, endpoint: endpoint, id: entryID, verify: verify,
                notes: notes)
            guard ownEndpoint else { continue }
            var hasCA = false
            for (ownCA, bindCA) in [(own.caFile, bind.caFile), (own.caVerifyFile, bind.caVerifyFile)] {
                if let ca = ownCA {
                    anyCA = true
                    emitClientCA(ca, in: file, hostnames: entry.hostnames, endpoint: endpoint, id: entryID, verify: verify, notes: notes)
                } else if let ca = bindCA {
                    emitClientCA(ca, hostnames: entry.hostnames, endpoint: endpoint, id: entryID, verify: verify, notes: notes)
                } else {
                    continue
                }
                hasCA = true
            }
            if verify != .none, !hasCA, let option = own.verify {
                problems.append(
                    ManifestProblem(
                        location: SourceLocation(path: file, line: option.keyword.line, column: option.keyword.column),
                        message: "verify \(option.value.text) asks callers for certificates, but neither this crt-list line nor its bind line names a ca-file; HAProxy refuses it.",
                        severity: .error, check: .verifyWithoutClientCA))
            }
        }
        return anyCA
    }

    private mutating func emitServerCertificate(
        _ written: String, at place: SourceLocation, hostnames: [String], endpoint: String, id: String,
        verify: CertificateUsage.VerifyClient, notes: [String]
    ) {
        for (reference, key, note) in certificates(written) {
            usages.append(
                CertificateUsage(
                    role: .server, certificate: reference, privateKey: key, hostnames: hostnames, endpoint: endpoint,
                    platform: HAProxyReader.format, installedOn: .loadBalancer, verifyClient: verify, endpointID: id, location: place,
                    note: HAProxyInterpreter.joinNotes(notes + [note].compactMap { $0 })))
        }
    }

    private mutating func emitClientCA(
        _ option: HAProxyOptions.Option, in file: String? = nil, hostnames: [String] = [], endpoint: String, id: String,
        verify: CertificateUsage.VerifyClient, notes: [String]
    ) {
        let bundle = reference(HAProxyInterpreter.join(caBase, option.value.text))
        var allNotes = notes
        if verify == .none {
            allNotes.append("verify is none here (HAProxy's default), so callers are not asked for certificates and this bundle verifies no one.")
        }
        if option.keyword.text == "ca-verify-file" {
            allNotes.append("ca-verify-file verifies callers without naming its CAs to them.")
        }
        let place = SourceLocation(path: file ?? path, line: option.keyword.line, column: option.keyword.column)
        usages.append(
            CertificateUsage(
                role: verify == .none ? .unknown : .clientCA, certificate: bundle.reference, hostnames: hostnames, endpoint: endpoint,
                platform: HAProxyReader.format, installedOn: .loadBalancer, verifyClient: verify, endpointID: id, location: place,
                note: HAProxyInterpreter.joinNotes(allNotes + [bundle.note].compactMap { $0 })))
    }

    // MARK: - server lines

    private mutating func readServer(_ words: [HAProxyWord], section: Section, template: Bool) {
        let addressIndex = template ? 3 : 2
        guard words.count > addressIndex else {
            problems.append(
                ManifestProblem(
                    location: location(words[0]), message: "\"\(words[0].text)\" needs a name and an address; HAProxy refuses the line."))
            return
        }
        let name = words[1].text
        let address = words[addressIndex].text
        let own = HAProxyOptions.parse(words[(addressIndex + 1)...], path: path, problems: &problems)
        let options = own.inheriting(from: section.defaultServer)
        let tls = options.ssl != nil
        let id = "\(path):\(words[0].line)"
        let endpoint = "haproxy \(section.kind) \(section.name) \(words[0].text) \(name) \(address)"
        let verifyText = options.verify?.value.text ?? serverVerify
        let verifies = verifyText == "required"
        // Without ssl, only what the line itself names is reported (with a note), not what
        // default-server lines would give it.
        let used = tls ? options : own
        var notes: [String] = []
        if !tls { notes.append("This server line has no ssl keyword, so HAProxy connects to it in clear and does not use this file.") }
        for option in used.certificates {
            for (reference, key, note) in certificates(option.value.text) {
                usages.append(
                    CertificateUsage(
                        role: .client, certificate: reference, privateKey: key, endpoint: endpoint, platform: HAProxyReader.format,
                        installedOn: .loadBalancer, endpointID: id, location: location(option.keyword),
                        note: HAProxyInterpreter.joinNotes(notes + [note].compactMap { $0 })))
            }
        }
        if let option = used.caFile {
            let bundle = reference(HAProxyInterpreter.join(caBase, option.value.text))
            var allNotes = notes
            if !verifies { allNotes.append("verify is \(verifyText) here, so HAProxy does not verify the server's certificate with this bundle.") }
            usages.append(
                CertificateUsage(
                    role: tls && verifies ? .serverCA : .unknown, certificate: bundle.reference, endpoint: endpoint,
                    platform: HAProxyReader.format, installedOn: .loadBalancer, endpointID: id, location: location(option.keyword),
                    note: HAProxyInterpreter.joinNotes(allNotes + [bundle.note].compactMap { $0 })))
        }
        if tls, verifies, options.caFile == nil {
            problems.append(
                ManifestProblem(
                    location: location(words[0]),
                    message: "Server \(name) uses ssl with verify required\(options.verify == nil ? " (the default)" : "") but names no ca-file; HAProxy refuses it. Add ca-file, or verify none if the server is trusted otherwise.",
                    severity: .warning))
        }
    }

    // MARK: - values

    /// What a bind `verify` says (`none` when absent).
    private mutating func bindVerify(_ option: HAProxyOptions.Option?, in file: String? = nil) -> CertificateUsage.VerifyClient {
        guard let option else { return .none }
        switch option.value.text {
        case "required": return .required
        case "optional": return .optional
        case "none": return .none
        default:
            problems.append(
                ManifestProblem(
                    location: SourceLocation(path: file ?? path, line: option.value.line, column: option.value.column),
                    message: "verify takes none, optional or required, not \"\(option.value.text)\"; HAProxy refuses it."))
            return .none
        }
    }

    /// The certificates a `crt` value stands for: a crt-store entry, each file of a folder, or a file.
    private func certificates(_ written: String) -> [(CertificateReference, CertificateReference?, String?)] {
        if let entry = stored[written] {
            return [
                (
                    .file(path: entry.certificate, base: folder), entry.key.map { .file(path: $0, base: folder) },
                    "Loaded by the crt-store at \(entry.location.path):\(entry.location.line ?? 1)."
                )
            ]
        }
        if written.hasPrefix("@") {
            return [(.external(written), nil, "\(written) names a crt-store entry the configuration does not define.")]
        }
        let joined = HAProxyInterpreter.join(crtBase, written)
        let plain = reference(joined)
        if case .external = plain.reference { return [(plain.reference, nil, plain.note)] }
        let candidates = ServerConfigPath.candidates(for: joined, bases: [folder], installRoots: HAProxyInterpreter.installRoots)
        for candidate in candidates {
            let entries = ServerConfigPath.directoryEntries(candidate, context: includes.context).filter { entry in
                let name = ServerConfigPath.fileName(of: entry)
                let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
                return !name.hasPrefix(".") && !(name.contains(".") && HAProxyInterpreter.companionExtensions.contains(ext))
            }
            if !entries.isEmpty { return entries.map { (.file(path: $0, base: ""), nil, nil) } }
        }
        if joined.hasSuffix("/") {
            return [(plain.reference, nil, "\(written) is a folder of certificates that is not in the repository; its certificates cannot be checked.")]
        }
        return [(plain.reference, nil, nil)]
    }

    /// The reference a path makes, with a note when it depends on the environment.
    private func reference(_ written: String) -> (reference: CertificateReference, note: String?) {
        if written.hasPrefix("@system-ca") {
            return (.external(written), "The operating system's CA store, outside the repository.")
        }
        if written.contains("$") {
            return (.external(written), "The path \(written) uses environment variables; certlint cannot tell which file it is.")
        }
        return (.file(path: written, base: folder), nil)
    }

    private func location(_ word: HAProxyWord) -> SourceLocation { SourceLocation(path: path, line: word.line, column: word.column) }

    /// `base/path` for a relative path when a base is set.
    static func join(_ base: String?, _ path: String) -> String {
        guard let base, !base.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("@") else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// Notes joined into one, or `nil`.
    static func joinNotes(_ notes: [String]) -> String? { notes.isEmpty ? nil : notes.joined(separator: " ") }
}
