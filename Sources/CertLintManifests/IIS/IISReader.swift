import CertLintCore

/// Reads IIS's `applicationHost.config`: the certificates of HTTPS bindings and whether each
/// site asks callers for client certificates.
///
/// Recognised:
///
/// - `configuration/system.applicationHost/sites/site[@name]/bindings/binding` with
///   `protocol="https"`: `certificateHash` (a SHA-1 thumbprint, matched to the repository's
///   certificates) → a `server` usage at the `certificateHash` attribute; the hostname is the
///   host part of `bindingInformation` (`IP:port:host`, an empty host gives none);
///   `certificateStoreName` goes into the endpoint. A binding whose `sslFlags` include
///   `CentralCertStore` (2) takes `<host>.pfx` from the Central Certificate Store (`.external`).
///   An HTTPS binding with neither is a note: its certificate lives in HTTP.sys
///   (`netsh http show sslcert`, out of scope).
/// - `site/ftpServer/security/ssl/@serverCertHash` → a `server` usage for FTPS.
/// - `<access sslFlags="…"/>` in `system.webServer/security`, at the top level (every site),
///   under `<location path="">` (every site) or `<location path="Site">`: `SslRequireCert`
///   → verifyClient `required`, `SslNegotiateCert` → `optional`. A location below the site
///   (`Site/api`) that requires certificates makes the site `optional`, with a note. IIS
///   verifies client certificates against the machine's certificate store, so there is no
///   `client-ca` usage; the server usage says so in its note.
public enum IISReader: ManifestReader {
    /// `iis`.
    public static let format = "iis"
    /// The platform named in usages.
    public static let platform = "iis"

    /// Whether the file is `applicationHost.config`, or another `.config` file holding
    /// `<system.applicationHost>`.
    public static func accepts(path: String, text: String) -> Bool {
        let name = ReferenceGuess.fileName(of: path).lowercased()
        if name == "applicationhost.config" { return true }
        return name.hasSuffix(".config") && text.utf8.count < 64 << 20 && text.contains("<system.applicationHost")
    }

    /// Reads the file into usages.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let xml: ConfigXML
        do {
            xml = try ConfigXML.parse(text)
        } catch {
            contents.problems.append(ManifestProblem(
                location: SourceLocation(path: path, line: error.line, column: error.column),
                message: "The file is not well-formed XML: \(error.message)"))
            return contents
        }
        guard let root = xml.root, root.name == "configuration" else {
            if let root = xml.root {
                contents.problems.append(ManifestProblem(
                    location: SourceLocation(path: path, line: root.line, column: root.column),
                    message: "The root element is <\(root.name)>; an IIS configuration file has <configuration>.", severity: .warning))
            }
            return contents
        }
        let access = AccessRules(xml: xml, root: root, path: path, problems: &contents.problems)
        for site in xml.descendants(of: root, path: ["system.applicationHost", "sites", "site"]) {
            siteUsages(site, xml: xml, path: path, access: access, into: &contents)
        }
        return contents
    }

    // MARK: - Sites

    private static func siteUsages(_ site: ConfigXML.Element, xml: ConfigXML, path: String, access: AccessRules, into contents: inout ManifestContents) {
        let siteName = site["name"] ?? "site \(site["id"] ?? "?")"
        let (verifyClient, accessNote) = access.verifyClient(forSite: siteName)
        var note = accessNote
        if verifyClient != .none {
            let verification = "IIS verifies client certificates against the machine's trusted root store (no CA bundle in this file)."
            note = [note, verification].compactMap { $0 }.joined(separator: " ")
        }
        func location(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: path, line: line, column: column) }

        let bindings = xml.descendants(of: site, path: ["bindings", "binding"])
        for binding in bindings where binding["protocol"]?.lowercased() == "https" {
            let information = binding["bindingInformation"] ?? ""
            let host = hostPart(of: information)
            let hostnames = host.isEmpty ? [] : [host]
            let endpoint = "IIS site \(siteName) https \(information)"
            let endpointID = "iis:\(path)#\(siteName)/\(information)"
            let flags = bindingFlags(binding["sslFlags"])
            // IIS verifies callers against the machine's trusted root store: the endpoint's
            // client CA bundle exists, outside the repository.
            if verifyClient != .none {
                contents.usages.append(CertificateUsage(
                    role: .clientCA, certificate: .external("the Windows trusted root store of the server"), endpoint: endpoint,
                    platform: platform, installedOn: .appServer, verifyClient: verifyClient, endpointID: endpointID,
                    location: location(binding.line, binding.column)))
            }
            if let hashAttribute = binding.attribute("certificateHash"), !hashAttribute.value.isEmpty {
                guard let thumbprint = normalisedThumbprint(hashAttribute.value) else {
                    contents.problems.append(ManifestProblem(
                        location: location(hashAttribute.line, hashAttribute.column),
                        message: "The certificateHash of the binding \(information) of site \(siteName) is not a 40-digit SHA-1 thumbprint."))
                    continue
                }
                let store = binding["certificateStoreName"].map { " (store \($0))" } ?? ""
                contents.usages.append(CertificateUsage(
                    role: .server, certificate: .thumbprint(thumbprint), hostnames: hostnames, endpoint: endpoint + store,
                    platform: platform, installedOn: .appServer, verifyClient: verifyClient, endpointID: endpointID,
                    location: location(hashAttribute.line, hashAttribute.column), note: note.flatMap { $0.isEmpty ? nil : $0 }))
            } else if flags & 2 != 0 {
                let place = binding.attribute("sslFlags").map { ($0.line, $0.column) } ?? (binding.line, binding.column)
                let central = "This binding takes its certificate from the IIS Central Certificate Store (a file share), by hostname."
                contents.usages.append(CertificateUsage(
                    role: .server, certificate: .external("IIS Central Certificate Store: \(host.isEmpty ? "<host>" : host).pfx"),
                    hostnames: hostnames, endpoint: endpoint, platform: platform, installedOn: .appServer, verifyClient: verifyClient,
                    endpointID: endpointID, location: location(place.0, place.1),
                    note: [central, note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")))
            } else {
                contents.problems.append(ManifestProblem(
                    location: location(binding.line, binding.column),
                    message: "The https binding \(information) of site \(siteName) names no certificateHash; its certificate is bound in HTTP.sys (netsh http show sslcert), which certlint does not read.",
                    severity: .note, check: .outsideRepository))
            }
        }
        // FTPS: the site's FTP server certificate.
        for ssl in xml.descendants(of: site, path: ["ftpServer", "security", "ssl"]) {
            guard let hashAttribute = ssl.attribute("serverCertHash"), !hashAttribute.value.isEmpty else { continue }
            guard let thumbprint = normalisedThumbprint(hashAttribute.value) else {
                contents.problems.append(ManifestProblem(
                    location: location(hashAttribute.line, hashAttribute.column),
                    message: "The serverCertHash of the FTP server of site \(siteName) is not a 40-digit SHA-1 thumbprint."))
                continue
            }
            let hosts = bindings.filter { $0["protocol"]?.lowercased() == "ftp" }.map { hostPart(of: $0["bindingInformation"] ?? "") }.filter { !$0.isEmpty }
            contents.usages.append(CertificateUsage(
                role: .server, certificate: .thumbprint(thumbprint), hostnames: hosts, endpoint: "IIS FTP site \(siteName)",
                platform: platform, installedOn: .appServer, endpointID: "iis:\(path)#\(siteName)/ftp",
                location: location(hashAttribute.line, hashAttribute.column)))
        }
    }

    /// The host part of `IP:port:host` (the text after the last colon; IPv6 addresses are in
    /// brackets and hostnames hold no colon).
    static func hostPart(of information: String) -> String {
        guard let colon = information.lastIndex(of: ":") else { return "" }
        let host = ReferenceGuess.trim(information[information.index(after: colon)...])
        return host.hasSuffix("]") ? "" : host
    }

    /// A thumbprint without separators (spaces, colons, the invisible marks MMC copies with),
    /// upper-case; `nil` unless it is 40 hexadecimal digits.
    static func normalisedThumbprint(_ text: String) -> String? {
        var hex = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9", "A"..."F": hex.unicodeScalars.append(scalar)
            case "a"..."f": hex.unicodeScalars.append(Unicode.Scalar(scalar.value - 32) ?? scalar)
            case " ", ":", "-", "\t", "\u{200E}", "\u{200F}", "\u{FEFF}": continue
            default: return nil
            }
        }
        return hex.utf8.count == 40 ? hex : nil
    }

    /// The binding's `sslFlags` as bits: a number or names (`Sni, CentralCertStore`).
    static func bindingFlags(_ text: String?) -> Int {
        guard let text else { return 0 }
        if let number = Int(ReferenceGuess.trim(text)) { return number }
        let names: [String: Int] = [
            "none": 0, "sni": 1, "centralcertstore": 2, "disablehttp2": 4, "disableocspstp": 8, "disablequic": 16,
            "disabletls13": 32, "disablelegacytls": 64,
        ]
        return text.split(separator: ",").reduce(0) { $0 | (names[ReferenceGuess.trim($1).lowercased()] ?? 0) }
    }

    /// The `<access sslFlags>` values: `Ssl` 8, `SslNegotiateCert` 32, `SslRequireCert` 64,
    /// `SslMapCert` 128, `Ssl128` 256.
    static func accessFlags(_ text: String) -> Int? {
        if let number = Int(ReferenceGuess.trim(text)) { return number }
        let names: [String: Int] = ["none": 0, "ssl": 8, "sslnegotiatecert": 32, "sslrequirecert": 64, "sslmapcert": 128, "ssl128": 256]
        var flags = 0
        for name in text.split(separator: ",") {
            guard let flag = names[ReferenceGuess.trim(name).lowercased()] else { return nil }
            flags |= flag
        }
        return flags
    }
}

// MARK: - Access rules

extension IISReader {
    /// The `<access sslFlags>` settings of the file: global, per site and below sites.
    fileprivate struct AccessRules {
        /// (location path, lower-cased, "" for global; flags).
        var rules: [(path: String, flags: Int)] = []

        init(xml: ConfigXML, root: ConfigXML.Element, path: String, problems: inout [ManifestProblem]) {
            func collect(_ element: ConfigXML.Element, scope: String) {
                for access in xml.descendants(of: element, path: ["system.webServer", "security", "access"]) {
                    guard let attribute = access.attribute("sslFlags") else { continue }
                    guard let flags = IISReader.accessFlags(attribute.value) else {
                        problems.append(ManifestProblem(
                            location: SourceLocation(path: path, line: attribute.line, column: attribute.column),
                            message: "The access sslFlags value is not a combination of None, Ssl, SslNegotiateCert, SslRequireCert, SslMapCert and Ssl128.",
                            severity: .warning))
                        continue
                    }
                    rules.append((scope, flags))
                }
            }
            collect(root, scope: "")
            for location in xml.children(of: root, named: "location") {
                var scope = (location["path"] ?? "").lowercased()
                if scope == "." { scope = "" }
                while scope.hasSuffix("/") { scope.removeLast() }
                collect(location, scope: scope)
            }
        }

        /// verifyClient for a site, with a note about stricter settings below the site.
        func verifyClient(forSite site: String) -> (CertificateUsage.VerifyClient, String?) {
            let name = site.lowercased()
            var flags = 0
            // Global first, then the site's own (more specific) settings override.
            for rule in rules where rule.path.isEmpty { flags = rule.flags }
            for rule in rules where rule.path == name { flags = rule.flags }
            var verify = Self.verify(flags)
            var below: [String] = []
            for rule in rules where rule.path.hasPrefix(name + "/") && Self.verify(rule.flags) != .none {
                below.append(rule.path)
            }
            var note: String?
            if !below.isEmpty {
                if verify == .none { verify = .optional }
                note = "Client certificates are requested below the site (\(below.joined(separator: ", ")))."
            }
            return (verify, note)
        }

        static func verify(_ flags: Int) -> CertificateUsage.VerifyClient {
            if flags & 64 != 0 { return .required }
            if flags & 32 != 0 { return .optional }
            return .none
        }
    }
}
