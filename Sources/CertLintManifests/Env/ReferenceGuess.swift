/// Turns the text of a setting (an env value, a Spring property, an appsettings path, a Tyk
/// entry) into a ``CertificateReference``, and the small path arithmetic the readers of
/// application settings share.
///
/// The guesses are conservative: PEM text is inline, base64 that decodes to PEM or DER (it
/// starts with `LS0tLS1CRUdJT` or `MII`) is base64, a URL or a secret-manager address is
/// external, and anything else is a path.
enum ReferenceGuess {
    /// File extensions of keystores (PKCS#12 and Java keystores).
    static let keystoreExtensions: Set<String> = ["p12", "pfx", "jks", "jceks", "bks", "keystore", "truststore", "ks", "ts"]

    /// The folder of a repository-relative path (`""` for a file at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last path component of `path`.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `base/relative`, dropping `.` components and resolving `..` against `base` where it can
    /// (a `..` above the root stays).
    static func join(_ base: String, _ relative: String) -> String {
        var parts: [Substring] = []
        for component in (base + "/" + relative).split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(component)
        }
        return parts.joined(separator: "/")
    }

    /// The lower-cased extension of a path (`"p12"`), or `""`.
    static func pathExtension(_ path: String) -> String {
        let name = fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Whether the path names a keystore by its extension.
    static func isKeystore(_ path: String) -> Bool { keystoreExtensions.contains(pathExtension(path)) }

    /// A file reference, a keystore when the extension says so.
    static func fileReference(_ path: String, base: String, alias: String? = nil) -> CertificateReference {
        isKeystore(path) ? .keystore(path: path, base: base, alias: alias) : .file(path: path, base: base)
    }

    /// Whether the text holds a PEM block.
    static func isPEM(_ text: String) -> Bool { text.contains("-----BEGIN ") }

    /// Whether the text looks like base64 of PEM or of DER (a certificate or a PKCS#12 file).
    static func isBase64Certificate(_ text: String) -> Bool {
        let trimmed = text.filter { !$0.isWhitespace }
        guard trimmed.count >= 40, trimmed.hasPrefix("LS0tLS1CRUdJT") || trimmed.hasPrefix("MII") else { return false }
        return trimmed.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "+", "/", "=", "-", "_": return true
            default: return false
            }
        }
    }

    /// Whether the text is an address outside the repository: a URL with a scheme, a secret
    /// manager reference, a cloud resource name.
    static func isExternalAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("arn:") { return true }
        guard let colon = lower.firstIndex(of: ":") else { return false }
        let scheme = lower[..<colon]
        // `C:\certs` is a Windows path, not a scheme.
        guard scheme.count > 1, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else {
            return false
        }
        return lower[colon...].hasPrefix("://") || ["vault", "secret", "azure", "aws", "gcp", "op"].contains(String(scheme))
    }

    /// The reference a setting's value makes: inline PEM, base64, an external address, or a
    /// path relative to `base`. `nil` for empty text.
    static func reference(for value: String, base: String, alias: String? = nil) -> CertificateReference? {
        let trimmed = trim(value)
        if trimmed.isEmpty { return nil }
        if isPEM(trimmed) { return .inline(trimmed) }
        if isBase64Certificate(trimmed) { return .base64(trimmed.filter { !$0.isWhitespace }) }
        if isExternalAddress(trimmed) { return .external(trimmed) }
        return fileReference(trimmed, base: base, alias: alias)
    }
}

extension ReferenceGuess {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    static func trim(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }
}
