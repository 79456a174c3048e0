import CertLintCore

/// Reads `.env` files (`.env`, `*.env`, `.env.*`): the certificates, CA bundles and keystores
/// an application is pointed at through its environment.
///
/// Names recognised (compared in upper case; a `_B64` or `_BASE64` suffix is dropped first):
///
/// | name | role |
/// |---|---|
/// | `SSL_CERT_FILE`, `REQUESTS_CA_BUNDLE`, `CURL_CA_BUNDLE`, `NODE_EXTRA_CA_CERTS`, `GIT_SSL_CAINFO`, `AWS_CA_BUNDLE`, `PGSSLROOTCERT`, `GRPC_DEFAULT_SSL_ROOTS_FILE_PATH` | `server-ca` |
/// | `PGSSLCERT`, any name containing `CLIENT_CERT` | `client` |
/// | any name containing `CLIENT_CA` | `client-ca` (a bundle that verifies callers) |
/// | `SERVER_SSL_KEY_STORE`, `SERVER_SSL_KEYSTORE`, `SERVER_SSL_CERTIFICATE` (Spring Boot's environment binding) | `server` |
/// | `SERVER_SSL_TRUST_STORE`, `SERVER_SSL_TRUST_CERTIFICATE` | `client-ca` when `SERVER_SSL_CLIENT_AUTH` is `need` or `want`, else `unknown` |
/// | names ending `_CA`, `_CA_FILE`, `_CA_BUNDLE`, `_CA_CERT`, `_CA_PATH`…, containing `_CA_` or `CACERT`, or containing `TRUSTSTORE`/`TRUST_STORE` | `server-ca` |
/// | names ending `_KEYSTORE`/`_KEY_STORE` | `client` when the name contains `CLIENT`, else `unknown` with a note |
/// | names ending `_CERT`, `_CERTIFICATE`, `_CERT_PATH`, `_CERT_FILE`, `_CRT`… | `unknown` with a note |
///
/// A value holding PEM (with real line breaks in quotes or `\n` escapes) is `.inline`, base64
/// of PEM or DER is `.base64`, a URL or secret-manager address is `.external`, and anything
/// else is a path relative to the file's folder (`.keystore` for `.p12`, `.pfx`, `.jks`…).
/// `NAME_KEY`, `NAME_KEY_FILE`, `NAME_KEY_PATH` or `NAME_PRIVATE_KEY` next to `NAME_CERT…`
/// gives the usage's private key. JVM options in any value (`JAVA_OPTS`,
/// `JAVA_TOOL_OPTIONS`…) are read too: `-Djavax.net.ssl.keyStore=…` is the JVM's default
/// client keystore (`client`), `-Djavax.net.ssl.trustStore=…` its trust store (`server-ca`).
///
/// Names ending `_KEY`, `_KEY_FILE`, `_KEY_PATH` or `_PRIVATE_KEY` are private keys: they
/// pair with a certificate and are never a usage of their own.
///
/// Values of names ending `PASSWORD`, `PASS`, `PASSPHRASE`, `PWD`, `SECRET` or `TOKEN` are
/// never kept.
public enum EnvReader: ManifestReader {
    /// `env`.
    public static let format = "env"
    /// The platform named in usages.
    public static let platform = "env"

    /// Whether the file is named `.env`, `*.env` or `.env.*` (not `.envrc`).
    public static func accepts(path: String, text: String) -> Bool {
        let name = ReferenceGuess.fileName(of: path).lowercased()
        return name == ".env" || name.hasPrefix(".env.") || (name.hasSuffix(".env") && name.count > 4)
    }

    /// Reads the file's assignments into usages.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let parser = DotEnvParser(text)
        for problem in parser.problems {
            contents.problems.append(ManifestProblem(
                location: SourceLocation(path: path, line: problem.line, column: problem.column), message: problem.message))
        }
        let base = ReferenceGuess.folder(of: path)
        var latest: [String: DotEnvParser.Entry] = [:]
        for entry in parser.entries { latest[entry.name.uppercased()] = entry }
        let clientAuth = latest["SERVER_SSL_CLIENT_AUTH"]?.value.lowercased()

        for entry in parser.entries where latest[entry.name.uppercased()] == entry {
            let upper = entry.name.uppercased()
            if isSecretName(upper) { continue }
            if let usage = usage(for: entry, upper: upper, path: path, base: base, latest: latest, clientAuth: clientAuth) {
                contents.usages.append(usage)
            }
            contents.usages.append(contentsOf: jvmOptionUsages(in: entry, path: path, base: base))
        }
        return contents
    }

    // MARK: - Names

    private static let secretSuffixes = ["PASSWORD", "_PASS", "PASSPHRASE", "PASSWD", "_PWD", "SECRET", "TOKEN"]

    /// Whether the name holds a secret whose value must never be kept.
    static func isSecretName(_ upper: String) -> Bool {
        secretSuffixes.contains { upper.hasSuffix($0) } || upper == "PASS"
    }

    private static let wellKnownServerCA: Set<String> = [
        "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "GIT_SSL_CAINFO", "AWS_CA_BUNDLE",
        "PGSSLROOTCERT", "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH",
    ]
    private static let caSuffixes = [
        "_CA", "_CA_FILE", "_CA_BUNDLE", "_CA_CERT", "_CA_CERTS", "_CA_CERTIFICATE", "_CA_CERTIFICATES", "_CA_PATH", "_CA_PEM",
        "_CA_CRT", "_CACERT", "_CACERTS", "_CAFILE",
    ]
    private static let certificateSuffixes = [
        "_CERT", "_CERTIFICATE", "_CERT_PATH", "_CERT_FILE", "_CERTFILE", "_CERTIFICATE_FILE", "_CERTIFICATE_PATH",
        "_CERT_PEM", "_CRT", "_CERTS", "_CERT_CHAIN", "_CERTIFICATE_CHAIN",
    ]
    private static let keystoreSuffixes = ["_KEYSTORE", "_KEY_STORE", "_KEYSTORE_FILE", "_KEYSTORE_PATH", "_KEY_STORE_FILE", "_KEY_STORE_PATH"]
    private static let keySuffixes = ["_KEY", "_KEY_FILE", "_KEY_PATH", "_KEYFILE", "_PRIVATE_KEY", "_PRIVATE_KEY_FILE", "_PRIVATE_KEY_PATH", "_KEY_PEM"]

    /// The role a name gives, with a note when the name does not say, and the prefix that a
    /// private key's name would share; `nil` when the name is not a certificate's.
    static func classify(_ upper: String, clientAuth: String?) -> (role: CertificateUsage.Role, note: String?, prefix: String?)? {
        var name = upper
        for suffix in ["_B64", "_BASE64"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        let underscored = "_" + name
        // Private keys pair with certificates; they are not certificates themselves.
        if keySuffixes.contains(where: { underscored.hasSuffix($0) }) { return nil }
        func prefix(for suffixes: [String]) -> String? {
            guard let suffix = suffixes.filter({ underscored.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { return nil }
            return String(underscored.dropFirst().dropLast(suffix.count))
        }
        if wellKnownServerCA.contains(name) { return (.serverCA, nil, nil) }
        if name == "PGSSLCERT" { return (.client, nil, "PGSSL") }
        if name.hasPrefix("SERVER_SSL_") {
            switch name {
            case "SERVER_SSL_KEY_STORE", "SERVER_SSL_KEYSTORE", "SERVER_SSL_CERTIFICATE":
                return (.server, "Spring Boot binds SERVER_SSL_* variables to server.ssl.*.", nil)
            case "SERVER_SSL_TRUST_STORE", "SERVER_SSL_TRUSTSTORE", "SERVER_SSL_TRUST_CERTIFICATE":
                if clientAuth == "need" || clientAuth == "want" {
                    return (.clientCA, "Spring Boot binds SERVER_SSL_* variables to server.ssl.*.", nil)
                }
                return (.unknown, "SERVER_SSL_CLIENT_AUTH is not need or want, so the server does not use this trust store to verify callers.", nil)
            default:
                break
            }
        }
        if name.contains("CLIENT_CA") { return (.clientCA, nil, nil) }
        if name.contains("CLIENT_CERT") { return (.client, nil, prefix(for: certificateSuffixes) ?? name) }
        if name.contains("TRUSTSTORE") || name.contains("TRUST_STORE") { return (.serverCA, nil, nil) }
        if caSuffixes.contains(where: { underscored.hasSuffix($0) }) || underscored.contains("_CA_") || name.contains("CACERT") {
            return (.serverCA, nil, nil)
        }
        if keystoreSuffixes.contains(where: { underscored.hasSuffix($0) }) {
            if name.contains("CLIENT") { return (.client, nil, nil) }
            return (.unknown, "\(upper) names a keystore, which may hold a server's or a client's certificate; the name does not say which.", nil)
        }
        if let certificatePrefix = prefix(for: certificateSuffixes) {
            return (.unknown, "\(upper) names a certificate without saying whether the application serves it or presents it as a client.", certificatePrefix)
        }
        return nil
    }

    // MARK: - Usages

    private static func usage(
        for entry: DotEnvParser.Entry, upper: String, path: String, base: String, latest: [String: DotEnvParser.Entry],
        clientAuth: String?
    ) -> CertificateUsage? {
        guard let (role, roleNote, keyPrefix) = classify(upper, clientAuth: clientAuth) else { return nil }
        guard let (reference, referenceNote) = reference(for: entry, base: base) else { return nil }
        var privateKey: CertificateReference?
        if let keyPrefix {
            let candidates = keySuffixes.map { (keyPrefix.isEmpty ? String($0.dropFirst()) : keyPrefix + $0) }
            if let keyEntry = candidates.lazy.compactMap({ latest[$0] }).first, !isSecretName(keyEntry.name.uppercased()) {
                privateKey = self.reference(for: keyEntry, base: base)?.0
            }
        }
        let note = [roleNote, referenceNote].compactMap { $0 }.joined(separator: " ")
        return CertificateUsage(
            role: role, certificate: reference, privateKey: privateKey, endpoint: "env \(entry.name)", platform: platform,
            installedOn: role == .server ? .appServer : .application, endpointID: "env:\(path)#\(entry.name)",
            location: SourceLocation(path: path, line: entry.line, column: entry.column), note: note.isEmpty ? nil : note)
    }

    /// The reference an entry's value makes, with a note when it refers to names the file
    /// does not define.
    private static func reference(for entry: DotEnvParser.Entry, base: String) -> (CertificateReference, String?)? {
        if !entry.unresolved.isEmpty {
            let names = entry.unresolved.map { "$\($0)" }.joined(separator: ", ")
            return (.external(entry.value), "The value refers to \(names), which this file does not set completely; they are set where the application is deployed.")
        }
        // `\n` escapes in an unquoted or single-quoted value still mean PEM line breaks to
        // most loaders of certificates from the environment.
        var value = entry.value
        if ReferenceGuess.isPEM(value), value.contains("\\n") {
            value = value.replacingEscapedNewlines()
        }
        guard let reference = ReferenceGuess.reference(for: value, base: base) else { return nil }
        return (reference, nil)
    }

    /// Usages for `-Djavax.net.ssl.keyStore=…` and `-Djavax.net.ssl.trustStore=…` options in a
    /// value, and for entries named `javax.net.ssl.keyStore` themselves.
    private static func jvmOptionUsages(in entry: DotEnvParser.Entry, path: String, base: String) -> [CertificateUsage] {
        var usages: [CertificateUsage] = []
        if entry.name == "javax.net.ssl.keyStore" || entry.name == "javax.net.ssl.trustStore" {
            if let usage = jvmUsage(property: entry.name, value: entry.value, in: entry.name, path: path, base: base, line: entry.line, column: entry.column) {
                usages.append(usage)
            }
            return usages
        }
        let value = entry.value
        guard value.contains("-Djavax.net.ssl.") else { return usages }
        let scalars = Array(value.unicodeScalars)
        var i = 0
        while i < scalars.count {
            // Options are separated by white space; find each `-D` at a token start.
            guard scalars[i] == "-", i + 1 < scalars.count, scalars[i + 1] == "D", i == 0 || [" ", "\t", "\n", "\"", "'"].contains(scalars[i - 1]) else {
                i += 1
                continue
            }
            let start = i
            var end = i
            var quote: Unicode.Scalar?
            var token = ""
            while end < scalars.count {
                let scalar = scalars[end]
                if let open = quote {
                    if scalar == open { quote = nil } else { token.unicodeScalars.append(scalar) }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == " " || scalar == "\t" || scalar == "\n" {
                    break
                } else {
                    token.unicodeScalars.append(scalar)
                }
                end += 1
            }
            i = end
            let option = token.dropFirst(2)
            guard let equals = option.firstIndex(of: "=") else { continue }
            let property = String(option[..<equals])
            let optionValue = String(option[option.index(after: equals)...])
            guard property == "javax.net.ssl.keyStore" || property == "javax.net.ssl.trustStore" else { continue }
            let line = entry.isVerbatim ? entry.valueLine : entry.line
            let column = entry.isVerbatim ? entry.valueColumn + start : entry.column
            if let usage = jvmUsage(property: property, value: optionValue, in: entry.name, path: path, base: base, line: line, column: column) {
                usages.append(usage)
            }
        }
        return usages
    }

    private static func jvmUsage(
        property: String, value: String, in name: String, path: String, base: String, line: Int, column: Int
    ) -> CertificateUsage? {
        // `NONE` is the PKCS#11 placeholder: the store is a token, not a file.
        guard !value.isEmpty, value.uppercased() != "NONE", let reference = ReferenceGuess.reference(for: value, base: base) else {
            return nil
        }
        let isKeyStore = property == "javax.net.ssl.keyStore"
        let reference2: CertificateReference
        if case .file(let file, let fileBase) = reference {
            // The JVM's stores are keystores whatever their extension.
            reference2 = .keystore(path: file, base: fileBase, alias: nil)
        } else {
            reference2 = reference
        }
        let note = isKeyStore
            ? "javax.net.ssl.keyStore is the JVM's default key store: the JVM presents it when a server asks for a client certificate."
            : nil
        return CertificateUsage(
            role: isKeyStore ? .client : .serverCA, certificate: reference2, endpoint: "JVM option \(property) in \(name)",
            platform: platform, installedOn: .application, endpointID: "env:\(path)#\(name):\(property)",
            location: SourceLocation(path: path, line: line, column: column), note: note)
    }
}

extension String {
    /// The text with each two-character `\n` escape made a line break (PEM in env values).
    fileprivate func replacingEscapedNewlines() -> String {
        var out = String.UnicodeScalarView()
        var iterator = unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else {
                out.append(scalar)
                continue
            }
            guard let next = iterator.next() else {
                out.append(scalar)
                break
            }
            if next == "n" {
                out.append("\n")
            } else if next == "r" {
                continue
            } else {
                out.append(scalar)
                out.append(next)
            }
        }
        return String(out)
    }
}
