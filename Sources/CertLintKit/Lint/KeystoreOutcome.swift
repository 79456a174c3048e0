import CertLintKeystores
import CertLintPolicy
import CertLintX509

/// What opening a keystore file gave: the keystore (with or without its password), or why it
/// could not be read; and the facts rules see about it.
struct KeystoreOutcome: Sendable {
    /// The keystore, when it could be read (a Java keystore's certificates are read even
    /// without its password).
    let keystore: Keystore?
    /// Why it could not be read, or opened.
    let error: KeystoreError?
    /// Whether it opened with the empty password.
    let openedWithEmptyPassword: Bool
    /// The environment variables named for its password, set or not.
    let variables: [String]

    /// Opens `bytes` with the empty password, then, when that does not open it, with every
    /// candidate (so the common cases cost one reading, and we know whether the empty one works).
    static func open(_ bytes: [UInt8], candidates: (passwords: [String], variables: [String])) -> KeystoreOutcome {
        do throws(KeystoreError) {
            let keystore = try KeystoreReader.read(bytes, passwords: [""])
            if keystore.opened || candidates.passwords.count < 2 {
                return KeystoreOutcome(keystore: keystore, error: nil, openedWithEmptyPassword: keystore.opened, variables: candidates.variables)
            }
        } catch {
            if error.code == .malformed || error.code == .unsupported || candidates.passwords.count < 2 {
                return KeystoreOutcome(keystore: nil, error: error, openedWithEmptyPassword: false, variables: candidates.variables)
            }
        }
        do throws(KeystoreError) {
            // The empty password was tried above.
            let keystore = try KeystoreReader.read(bytes, passwords: candidates.passwords.filter { !$0.isEmpty })
            return KeystoreOutcome(keystore: keystore, error: nil, openedWithEmptyPassword: false, variables: candidates.variables)
        } catch {
            return KeystoreOutcome(keystore: nil, error: error, openedWithEmptyPassword: false, variables: candidates.variables)
        }
    }

    /// Whether the keystore has nothing a password protects: no integrity check and nothing
    /// encrypted (`openssl pkcs12 -nomac -keypbe NONE -certpbe NONE`). Its keys are in the clear.
    var needsNoPassword: Bool {
        guard let keystore else { return false }
        return keystore.integrity == nil && keystore.encryption.allSatisfy { $0.scheme == "none" }
    }

    /// Whether certlint could open it: a password verified it, or it needs none.
    var isOpen: Bool { (keystore?.opened ?? false) || needsNoPassword }

    /// One entry's certificates as positions in ``certificates``, with its alias and whether
    /// it holds a private key: what a reference naming an alias, or a key, resolves to.
    struct EntryCertificates: Sendable {
        let alias: String?
        let isPrivateKey: Bool
        let positions: [Int]
    }

    /// The certificates to lint: those of private-key entries first (leaf first), then the
    /// others, each once.
    let certificates: [Certificate]
    /// The entries, in the order of ``certificates`` (private-key entries first).
    let entries: [EntryCertificates]

    init(keystore: Keystore?, error: KeystoreError?, openedWithEmptyPassword: Bool, variables: [String]) {
        self.keystore = keystore
        self.error = error
        self.openedWithEmptyPassword = openedWithEmptyPassword
        self.variables = variables
        // Once, in one pass: the distinct certificates in entry order, and where each entry's are.
        var position: [ArraySlice<UInt8>: Int] = [:]
        var certificates: [Certificate] = []
        var entries: [EntryCertificates] = []
        let all = keystore?.entries ?? []
        for entry in all.filter({ $0.kind == .privateKey }) + all.filter({ $0.kind != .privateKey }) {
            var positions: [Int] = []
            for certificate in entry.certificates {
                if let known = position[certificate.derBytes] {
                    positions.append(known)
                } else {
                    position[certificate.derBytes] = certificates.count
                    positions.append(certificates.count)
                    certificates.append(certificate)
                }
            }
            entries.append(EntryCertificates(alias: entry.alias, isPrivateKey: entry.kind == .privateKey, positions: positions))
        }
        self.certificates = certificates
        self.entries = entries
    }

    /// Why the keystore is not open, in a sentence that says what to do; empty when it is.
    func problem(path: String) -> String {
        let variables = self.variables.isEmpty
            ? "name an environment variable for it under keystores: in .certlint.yml (or with --keystore-password-env) and set it"
            : "set \(self.variables.joined(separator: " or "))"
        if let error {
            switch error.code {
            case .passwordRequired: return "\(path) needs a password to be opened; \(variables) so that certlint can check the certificates inside."
            case .wrongPassword: return "No password certlint was given opens \(path) (\(error.message)); \(variables) to its password."
            case .malformed, .unsupported: return "\(path) cannot be read as a keystore: \(error.message)"
            }
        }
        if keystore != nil, !isOpen {
            return "The integrity of \(path) is not checked: no password certlint was given verifies it; \(variables) to its password."
        }
        return ""
    }

    /// Weakest first: schemes with broken ciphers or key derivations, then the sound ones.
    static let schemeStrength: [String: Int] = [
        "none": 0, "pbe-sha1-rc2-40": 1, "pbe-sha1-rc4-40": 1, "jks-sun": 2, "pbe-sha1-rc2-128": 3, "pbe-sha1-rc4-128": 3,
        "jceks-pbe-md5-3des": 4, "pbe-sha1-2des": 4, "pbe-sha1-3des": 5, "pbes2-des-ede3-cbc": 6, "pbes2-aes-128-cbc": 7,
        "pbes2-aes-192-cbc": 7, "pbes2-aes-256-cbc": 8,
    ]

    /// The `keystore` facts.
    func facts(path: String, source: FactSource) -> FactRecord {
        let keystore = self.keystore
        let schemes = keystore?.encryption ?? []
        let weakest = schemes.min {
            (KeystoreOutcome.schemeStrength[$0.scheme] ?? 5) < (KeystoreOutcome.schemeStrength[$1.scheme] ?? 5)
        }
        let iterations = schemes.map(\.iterations).filter { $0 > 0 }.min() ?? 0
        return FactRecord(typeName: "Keystore", fields: [
            "format": .string(keystore?.format.rawValue ?? ""),
            "encryption": .string(weakest?.scheme ?? (keystore == nil ? "" : "none")),
            "schemes": .list(Array(Set(schemes.map(\.scheme))).sorted().map { .string($0) }),
            "iterations": .int(Int64(iterations)),
            "mac": .string(keystore?.integrity?.algorithm ?? ""),
            "macIterations": .int(Int64(keystore?.integrity?.iterations ?? 0)),
            "hasPrivateKey": .bool(keystore?.hasPrivateKey ?? false),
            "opened": .bool(isOpen),
            "emptyPassword": .bool(openedWithEmptyPassword || needsNoPassword),
            "readable": .bool(keystore != nil || error?.code == .wrongPassword || error?.code == .passwordRequired),
            "problem": .string(problem(path: path)),
            "certificates": .int(Int64(certificates.count)),
            "source": source.value,
        ])
    }
}
