import CertLintCore

/// Reads ASP.NET Core's `appsettings.json` and `appsettings.<Environment>.json` (JSON with
/// `//` and `/* */` comments and trailing commas, as .NET's configuration reads it; keys
/// compared without regard to case, as `IConfiguration` does).
///
/// Kestrel's server certificates:
///
/// - `Kestrel:Endpoints:<name>:Url` (`https://host:port`) with `Certificate` → a `server`
///   usage. `Certificate:Path` (+ `KeyPath`, `Password`) gives a `.keystore` for `.pfx`/`.p12`
///   and a `.file` otherwise, at the `Path` key; `Certificate:Subject` (+ `Store`, `Location`)
///   is a certificate in a Windows/.NET store → `.external` with a note, at the `Subject` key.
///   The URL's host is the hostname unless it is `*`, `+` or an IP address.
/// - `Kestrel:Endpoints:<name>:Sni:<host>` with its own `Certificate` → a `server` usage for
///   that host; SNI entries without one add their host to the endpoint's certificate.
/// - An HTTPS endpoint without a certificate uses `Kestrel:Certificates:Default`, reported at
///   the default's key; the default alone (no endpoint uses it here) is still a usage.
/// - `ClientCertificateMode` (per endpoint, SNI entry, or `Kestrel:EndpointDefaults`):
///   `RequireCertificate` → verifyClient `required`; `AllowCertificate` and
///   `DelayCertificate` → `optional`. Kestrel validates client certificates with the operating
///   system's trust store (or code), so there is no `client-ca` usage; the note says so.
///
/// Outgoing client certificates, anywhere outside `Kestrel` (a named HTTP client section such
/// as `Partner: { BaseAddress, ClientCertificate: { Path, Password } }`):
///
/// - `ClientCertificate` (a path, or an object with `Path`/`KeyPath`/`Password`, or
///   `Subject`/`Store`, or `Thumbprint`), `ClientCertificates` (an array of those),
///   `ClientCertificatePath`, `ClientCertificateFile` (+ `ClientCertificateKeyPath`),
///   `ClientCertificateThumbprint` → `client`.
/// - `CertificatePath`, `CertificateFile`, `CertificateThumbprint` → `client` when the same
///   section has `BaseAddress`, `BaseUrl`, `Url`, `Uri`, `Endpoint` or `Host`; `unknown` with a
///   note otherwise (a signing certificate looks the same).
/// - `CaCertificatePath`, `CaCertificateFile`, `RootCertificatePath`,
///   `TrustedCaCertificatePath` → `server-ca`.
///
/// A non-empty `Password` (or `…CertificatePassword`) next to a certificate is never kept and
/// is a warning: "A certificate password is written in appsettings; load it from the
/// environment."
public enum KestrelReader: ManifestReader {
    /// `kestrel`.
    public static let format = "kestrel"
    /// The platform named in usages.
    public static let platform = "kestrel"
    /// The warning for a password written in the file.
    public static let passwordMessage = "A certificate password is written in appsettings; load it from the environment."

    /// Whether the file is `appsettings.json` or `appsettings.<anything>.json`.
    public static func accepts(path: String, text: String) -> Bool {
        let name = ReferenceGuess.fileName(of: path).lowercased()
        return name.hasPrefix("appsettings.") && name.hasSuffix(".json")
    }

    /// Reads the file into usages.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let (plain, commentProblem) = JSONWithComments.strip(text)
        if let commentProblem {
            contents.problems.append(ManifestProblem(
                location: SourceLocation(path: path, line: commentProblem.line, column: commentProblem.column),
                message: "The file is not valid JSON: \(commentProblem.message)"))
            return contents
        }
        let root: ManifestJSONValue
        do {
            root = try ManifestJSON.parse(plain)
        } catch {
            contents.problems.append(ManifestProblem(
                location: SourceLocation(path: path, line: error.position.line, column: error.position.column),
                message: "The file is not valid JSON: \(error.message)"))
            return contents
        }
        guard root.members != nil else {
            contents.problems.append(ManifestProblem(
                location: SourceLocation(path: path, line: root.position.line, column: root.position.column),
                message: "An appsettings file holds a JSON object; this one holds \(root.kindDescription).", severity: .warning))
            return contents
        }
        var reading = Reading(path: path)
        if let kestrel = member(root, "Kestrel")?.value { reading.readKestrel(kestrel) }
        reading.readClients(root)
        contents.usages = reading.usages
        contents.problems = reading.problems
        return contents
    }

    // MARK: - Case-insensitive lookup

    /// The last member of an object whose key equals `key` without regard to case.
    static func member(_ value: ManifestJSONValue, _ key: String) -> ManifestJSONMember? {
        guard let members = value.members else { return nil }
        let lower = key.lowercased()
        return members.last { $0.key.lowercased() == lower }
    }

    /// A scalar member's text.
    static func string(_ value: ManifestJSONValue, _ key: String) -> String? {
        member(value, key)?.value.scalarText
    }

    /// The client-certificate mode as verifyClient, or `nil` for a value Kestrel rejects.
    static func verifyClient(_ mode: String) -> CertificateUsage.VerifyClient? {
        switch mode.lowercased() {
        case "requirecertificate": return .required
        case "allowcertificate", "delaycertificate": return .optional
        case "nocertificate", "": return CertificateUsage.VerifyClient.none
        default: return nil
        }
    }

    /// The host of a URL (`https://api.example.com:5001` → `api.example.com`), `nil` when it
    /// binds every address (`*`, `+`) or is an IP address.
    static func namedHost(ofURL url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        var authority = url[schemeEnd.upperBound...]
        if let slash = authority.firstIndex(of: "/") { authority = authority[..<slash] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") { return nil }
        let host = authority.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if host.isEmpty || host == "*" || host == "+" { return nil }
        if host.allSatisfy({ $0.isNumber || $0 == "." }) { return nil }
        return host.lowercased()
    }

    /// The scheme of a URL, lower-cased.
    static func scheme(ofURL url: String) -> String? {
        url.firstRange(of: "://").map { url[..<$0.lowerBound].lowercased() }
    }
}

// MARK: - Reading

extension KestrelReader {
    /// A certificate section read into references.
    fileprivate struct CertificateSection {
        var reference: CertificateReference
        var privateKey: CertificateReference?
        var line: Int
        var column: Int
        var note: String?
    }

    fileprivate struct Reading {
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

        mutating func warnPassword(in section: ManifestJSONValue, keys: [String]) {
            for key in keys {
                guard let password = KestrelReader.member(section, key), let text = password.value.stringValue, !text.isEmpty else { continue }
                problems.append(ManifestProblem(location: location(password.keyPosition), message: KestrelReader.passwordMessage, severity: .warning, check: .secretInManifest))
            }
        }

        /// `Certificate` sections: `{Path, KeyPath, Password}`, `{Subject, Store, Location}`,
        /// `{Thumbprint}`, or a string path. `nil` (with a warning) when it names nothing.
        mutating func certificate(_ member: ManifestJSONMember, owner: String) -> CertificateSection? {
            let value = member.value
            if let path = value.stringValue {
                guard !path.isEmpty else { return nil }
                return CertificateSection(
                    reference: ReferenceGuess.fileReference(path, base: base), line: value.position.line, column: value.position.column)
            }
            guard value.members != nil else {
                problems.append(ManifestProblem(
                    location: location(member.keyPosition), message: "The certificate of \(owner) is \(value.kindDescription); expected an object with Path or Subject.",
                    severity: .warning))
                return nil
            }
            warnPassword(in: value, keys: ["Password"])
            if let pathMember = KestrelReader.member(value, "Path"), let file = pathMember.value.stringValue, !file.isEmpty {
                let key = KestrelReader.string(value, "KeyPath").flatMap { $0.isEmpty ? nil : CertificateReference.file(path: $0, base: base) }
                return CertificateSection(
                    reference: ReferenceGuess.fileReference(file, base: base), privateKey: key, line: pathMember.keyPosition.line,
                    column: pathMember.keyPosition.column)
            }
            if let subjectMember = KestrelReader.member(value, "Subject"), let subject = subjectMember.value.stringValue, !subject.isEmpty {
                let store = KestrelReader.string(value, "Store") ?? "My"
                let storeLocation = KestrelReader.string(value, "Location") ?? "CurrentUser"
                return CertificateSection(
                    reference: .external("certificate store \(storeLocation)/\(store), subject \(subject)"), line: subjectMember.keyPosition.line,
                    column: subjectMember.keyPosition.column,
                    note: "The certificate is loaded from the \(storeLocation)/\(store) certificate store by subject; certlint cannot see it.")
            }
            if let thumbprintMember = KestrelReader.member(value, "Thumbprint"), let thumbprint = thumbprintMember.value.stringValue,
                let normalised = IISReader.normalisedThumbprint(thumbprint)
            {
                return CertificateSection(
                    reference: .thumbprint(normalised), line: thumbprintMember.keyPosition.line, column: thumbprintMember.keyPosition.column)
            }
            problems.append(ManifestProblem(
                location: location(member.keyPosition), message: "The certificate of \(owner) names neither Path nor Subject.", severity: .warning))
            return nil
        }

        // MARK: Kestrel

        mutating func readKestrel(_ kestrel: ManifestJSONValue) {
            var defaultMode = CertificateUsage.VerifyClient.none
            if let defaults = KestrelReader.member(kestrel, "EndpointDefaults")?.value {
                defaultMode = mode(in: defaults) ?? .none
            }
            let defaultMember = KestrelReader.member(kestrel, "Certificates").flatMap { KestrelReader.member($0.value, "Default") }
            var defaultSection: CertificateSection?
            if let defaultMember { defaultSection = certificate(defaultMember, owner: "Kestrel:Certificates:Default") }
            var defaultUsed = false

            for endpoint in KestrelReader.member(kestrel, "Endpoints")?.value.members ?? [] {
                let name = endpoint.key
                let settings = endpoint.value
                let url = KestrelReader.string(settings, "Url") ?? ""
                let certificateMember = KestrelReader.member(settings, "Certificate")
                let endpointName = "kestrel endpoint \(name) (\(url))"
                let endpointID = "kestrel:\(path)#\(name)"
                guard KestrelReader.scheme(ofURL: url) == "https" else {
                    if let certificateMember, KestrelReader.scheme(ofURL: url) != nil {
                        problems.append(ManifestProblem(
                            location: location(certificateMember.keyPosition),
                            message: "The endpoint \(name) listens on \(url), not https; Kestrel does not use its certificate.", severity: .warning))
                    }
                    continue
                }
                let verify = mode(in: settings) ?? defaultMode
                var hostnames = KestrelReader.namedHost(ofURL: url).map { [$0] } ?? []
                // SNI entries: their own certificate, or more names for the endpoint's.
                for sni in KestrelReader.member(settings, "Sni")?.value.members ?? [] {
                    let host = sni.key.lowercased()
                    if let sniCertificate = KestrelReader.member(sni.value, "Certificate"),
                        let section = certificate(sniCertificate, owner: "the SNI entry \(sni.key) of endpoint \(name)")
                    {
                        let sniVerify = mode(in: sni.value) ?? verify
                        append(section, role: .server, hostnames: host == "*" ? [] : [host], endpoint: endpointName + " SNI \(sni.key)",
                               endpointID: endpointID, verify: sniVerify)
                    } else if host != "*" {
                        hostnames.append(host)
                    }
                }
                if let certificateMember {
                    if let section = certificate(certificateMember, owner: "endpoint \(name)") {
                        append(section, role: .server, hostnames: hostnames, endpoint: endpointName, endpointID: endpointID, verify: verify)
                    }
                } else if var section = defaultSection {
                    defaultUsed = true
                    section.note = ["The endpoint uses Kestrel:Certificates:Default.", section.note].compactMap { $0 }.joined(separator: " ")
                    append(section, role: .server, hostnames: hostnames, endpoint: endpointName, endpointID: endpointID, verify: verify)
                } else if KestrelReader.member(settings, "Sni") == nil {
                    problems.append(ManifestProblem(
                        location: location(endpoint.keyPosition),
                        message: "The HTTPS endpoint \(name) names no certificate and there is no Kestrel:Certificates:Default; Kestrel falls back to the development certificate or one set in code.",
                        severity: .note))
                }
            }
            if let defaultSection, !defaultUsed {
                var section = defaultSection
                section.note = ["Kestrel's default certificate, for HTTPS endpoints configured outside this file (ASPNETCORE_URLS, code).", section.note]
                    .compactMap { $0 }.joined(separator: " ")
                append(section, role: .server, hostnames: [], endpoint: "kestrel default certificate", endpointID: "kestrel:\(path)#Default",
                       verify: defaultMode)
            }
        }

        /// `ClientCertificateMode` of a section; a value Kestrel rejects is a warning.
        mutating func mode(in section: ManifestJSONValue) -> CertificateUsage.VerifyClient? {
            guard let member = KestrelReader.member(section, "ClientCertificateMode"), let text = member.value.scalarText else { return nil }
            if let verify = KestrelReader.verifyClient(text) { return verify }
            problems.append(ManifestProblem(
                location: location(member.keyPosition),
                message: "ClientCertificateMode must be NoCertificate, AllowCertificate, RequireCertificate or DelayCertificate; \"\(text)\" is none of them.",
                severity: .warning))
            return nil
        }

        mutating func append(
            _ section: CertificateSection, role: CertificateUsage.Role, hostnames: [String], endpoint: String, endpointID: String,
            verify: CertificateUsage.VerifyClient = .none, note extra: String? = nil
        ) {
            var notes = [section.note, extra]
            if role == .server, verify != .none {
                notes.append("Kestrel validates client certificates with the operating system's trust store (or ClientCertificateValidation in code); no CA bundle in this file.")
            }
            let note = notes.compactMap { $0 }.joined(separator: " ")
            usages.append(CertificateUsage(
                role: role, certificate: section.reference, privateKey: section.privateKey, hostnames: hostnames, endpoint: endpoint,
                platform: KestrelReader.platform, installedOn: role == .server ? .appServer : .application, verifyClient: verify,
                endpointID: endpointID, location: SourceLocation(path: path, line: section.line, column: section.column),
                note: note.isEmpty ? nil : note))
        }

        // MARK: Outgoing client certificates

        private static let clientObjectKeys = ["clientcertificate"]
        private static let clientPathKeys = ["clientcertificatepath", "clientcertificatefile"]
        private static let genericPathKeys = ["certificatepath", "certificatefile"]
        private static let caPathKeys = ["cacertificatepath", "cacertificatefile", "rootcertificatepath", "trustedcacertificatepath"]
        private static let addressKeys: Set<String> = ["baseaddress", "baseurl", "url", "uri", "endpoint", "host"]

        /// Walks every object outside `Kestrel` (iteratively; depth is capped by the JSON reader).
        mutating func readClients(_ root: ManifestJSONValue) {
            var stack: [(value: ManifestJSONValue, section: [String])] = [(root, [])]
            var visited = 0
            while let (value, section) = stack.popLast(), visited < 200_000 {
                visited += 1
                if let members = value.members {
                    readClientSection(value, members: members, section: section)
                    for member in members.reversed() {
                        if section.isEmpty && member.key.lowercased() == "kestrel" { continue }
                        if member.value.members != nil || member.value.array != nil { stack.append((member.value, section + [member.key])) }
                    }
                } else if let items = value.array {
                    for (index, item) in items.enumerated().reversed() { stack.append((item, section + ["\(index)"])) }
                }
            }
        }

        private mutating func readClientSection(_ value: ManifestJSONValue, members: [ManifestJSONMember], section: [String]) {
            let name = section.isEmpty ? "(root)" : section.joined(separator: ":")
            let keys = Set(members.map { $0.key.lowercased() })
            let address = members.first { Self.addressKeys.contains($0.key.lowercased()) }?.value.stringValue
            let endpoint = "HTTP client \(name)" + (address.map { " → \($0)" } ?? "")
            let endpointID = "kestrel:\(path)#client:\(name)"
            let looksLikeClient = !keys.isDisjoint(with: Self.addressKeys)
            var sawCertificate = false
            for member in members {
                let key = member.key.lowercased()
                if Self.clientObjectKeys.contains(key) {
                    if let section = certificate(member, owner: name) {
                        append(section, role: .client, hostnames: [], endpoint: endpoint, endpointID: endpointID)
                    }
                } else if key == "clientcertificates", let items = member.value.array {
                    for item in items {
                        let itemMember = ManifestJSONMember(key: member.key, keyPosition: item.position, value: item)
                        if let section = certificate(itemMember, owner: name) {
                            append(section, role: .client, hostnames: [], endpoint: endpoint, endpointID: endpointID)
                        }
                    }
                } else if Self.clientPathKeys.contains(key) || Self.genericPathKeys.contains(key) || Self.caPathKeys.contains(key),
                    let file = member.value.stringValue, !file.isEmpty
                {
                    sawCertificate = true
                    let role: CertificateUsage.Role
                    var note: String?
                    if Self.caPathKeys.contains(key) {
                        role = .serverCA
                    } else if Self.clientPathKeys.contains(key) || looksLikeClient {
                        role = .client
                    } else {
                        role = .unknown
                        note = "\(name):\(member.key) names a certificate in a section that is not an HTTP client (no BaseAddress or Url); it may sign, encrypt or authenticate."
                    }
                    let keyPath = members.first { ["clientcertificatekeypath", "certificatekeypath", "keypath"].contains($0.key.lowercased()) }?.value.stringValue
                    let section = CertificateSection(
                        reference: ReferenceGuess.fileReference(file, base: base),
                        privateKey: keyPath.flatMap { $0.isEmpty ? nil : .file(path: $0, base: base) }, line: member.keyPosition.line,
                        column: member.keyPosition.column, note: note)
                    append(section, role: role, hostnames: [], endpoint: endpoint, endpointID: endpointID)
                } else if key == "clientcertificatethumbprint" || key == "certificatethumbprint", let text = member.value.stringValue,
                    let thumbprint = IISReader.normalisedThumbprint(text)
                {
                    sawCertificate = true
                    let role: CertificateUsage.Role = key == "clientcertificatethumbprint" || looksLikeClient ? .client : .unknown
                    let note = role == .unknown ? "\(name):\(member.key) names a certificate in a section that is not an HTTP client." : nil
                    let section = CertificateSection(reference: .thumbprint(thumbprint), line: member.keyPosition.line, column: member.keyPosition.column, note: note)
                    append(section, role: role, hostnames: [], endpoint: endpoint, endpointID: endpointID)
                }
            }
            if sawCertificate {
                warnPassword(in: value, keys: ["Password", "ClientCertificatePassword", "CertificatePassword"])
            }
        }
    }
}
