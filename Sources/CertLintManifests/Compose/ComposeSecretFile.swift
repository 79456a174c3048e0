/// What a Compose secret holds, judged by its name and its file's name — the only things a
/// Compose file says about it.
///
/// A secret is certificate material when its file ends in `.pem`, `.crt`, `.cer`, `.der`,
/// `.key`, `.p7b`, `.p12`, `.pfx` or `.jks`, or when a word of its name or file name is one of
/// `ca`, `cacert(s)`, `tls`, `ssl`, `x509`, `crt`, `chain`, `truststore`, `keystore` or contains
/// `cert`. Words are the runs of letters and digits, lowercased, so `local` or `cache` is
/// never `ca`.
enum ComposeSecretFile {
    /// The kinds of certificate material.
    enum Kind: Sendable, Hashable {
        /// A certificate (possibly with its chain).
        case certificate
        /// A CA bundle (verifies callers or servers; the file does not say which).
        case caBundle
        /// A private key.
        case privateKey
        /// A PKCS#12 or Java keystore.
        case keystore
    }

    static let certificateExtensions: Set<String> = ["pem", "crt", "cer", "der", "key", "p7b", "p12", "pfx", "jks"]
    static let certificateWords: Set<String> = [
        "ca", "cacert", "cacerts", "tls", "ssl", "x509", "crt", "chain", "fullchain", "truststore", "keystore",
    ]
    static let caWords: Set<String> = ["ca", "cacert", "cacerts", "cabundle", "truststore", "rootca"]
    static let keyWords: Set<String> = ["key", "privkey", "privatekey"]

    /// The kind of the secret `name` whose file is `file`, or `nil` when nothing says it is
    /// certificate material.
    static func kind(name: String, file: String) -> Kind? {
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let ext = fileName.split(separator: ".").count > 1 ? (fileName.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
        let words = Set(self.words(name) + self.words(fileName))
        let certificateLike =
            certificateExtensions.contains(ext) || !words.isDisjoint(with: certificateWords) || words.contains { $0.contains("cert") }
        guard certificateLike else { return nil }
        if ["p12", "pfx", "jks"].contains(ext) || words.contains("keystore") { return .keystore }
        let certWords = words.contains { $0.contains("cert") || $0 == "crt" || $0 == "chain" || $0 == "fullchain" }
        if ext == "key" || (!words.isDisjoint(with: keyWords) && !certWords) { return .privateKey }
        if !words.isDisjoint(with: caWords) { return .caBundle }
        return .certificate
    }

    /// What the words of a name suggest about the role, for a note; `nil` when nothing.
    static func hint(_ texts: [String], kind: Kind) -> String? {
        let words = Set(texts.flatMap(self.words))
        let client = words.contains("client")
        let server = words.contains("server")
        switch kind {
        case .caBundle:
            return client ? "a CA for client certificates" : "a CA bundle"
        case .certificate, .keystore:
            if client && !server { return "a client certificate" }
            if server && !client { return "a server certificate" }
            return nil
        case .privateKey:
            return nil
        }
    }

    /// The lowercased runs of ASCII letters and digits of `text`.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                result.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { result.append(current.lowercased()) }
        return result
    }
}
