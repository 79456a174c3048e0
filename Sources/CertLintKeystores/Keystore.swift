import CertLintX509

/// What a keystore holds, read without keeping any secret: its certificates, and for each
/// private key only that it is there, its type and size and whether it matches a certificate
/// of the keystore; never a key's bytes or the password.
///
/// ```swift
/// let keystore = try KeystoreReader.read(bytes, passwords: ["", suppliedPassword])
/// for entry in keystore.entries { print(entry.alias ?? "-", entry.certificates.count) }
/// ```
public struct Keystore: Sendable {
    /// The container format.
    public enum Format: String, Sendable, Hashable {
        /// PKCS#12 (`.pfx`, `.p12`, and Java's default `PKCS12` keystores), RFC 7292.
        case pkcs12
        /// Sun's JKS.
        case jks
        /// Sun's JCEKS.
        case jceks
    }

    /// The container format.
    public var format: Format
    /// The entries, in file order.
    public var entries: [KeystoreEntry]
    /// How the contents are protected: one element per distinct scheme and what it protects
    /// (PKCS#12 shrouded keys and encrypted safes, JKS key protection).
    public var encryption: [KeystoreEncryption]
    /// The integrity check over the whole keystore (PKCS#12 MAC, JKS/JCEKS keyed digest);
    /// `nil` when the keystore has none.
    public var integrity: KeystoreIntegrity?
    /// Whether the integrity check was verified with the password that opened the keystore
    /// (`false` for a keystore without one, or read without its password).
    public var integrityVerified: Bool
    /// Whether some password was needed and supplied (an empty password counts as supplied).
    public var opened: Bool

    /// Creates a description.
    public init(
        format: Format, entries: [KeystoreEntry], encryption: [KeystoreEncryption], integrity: KeystoreIntegrity?,
        integrityVerified: Bool, opened: Bool
    ) {
        self.format = format
        self.entries = entries
        self.encryption = encryption
        self.integrity = integrity
        self.integrityVerified = integrityVerified
        self.opened = opened
    }

    /// Whether any entry holds a private key.
    public var hasPrivateKey: Bool { entries.contains { $0.privateKey != nil } }
}

/// One entry of a keystore: a private key with its certificate chain, a trusted certificate,
/// or a secret key (JCEKS, PKCS#12 secret bags), with its alias.
public struct KeystoreEntry: Sendable {
    /// What the entry is.
    public enum Kind: String, Sendable, Hashable {
        /// A private key, with the certificate chain that goes with it.
        case privateKey = "private-key"
        /// A certificate on its own (a trust anchor, or a PKCS#12 certificate bag with no key).
        case trustedCertificate = "trusted-certificate"
        /// A symmetric key (JCEKS secret key entries, PKCS#12 secret bags).
        case secretKey = "secret-key"
    }

    /// What the entry is.
    public var kind: Kind
    /// The alias (Java) or friendly name (PKCS#12), when there is one.
    public var alias: String?
    /// The PKCS#12 local key ID, tying a key to its certificate.
    public var localKeyID: [UInt8]?
    /// The certificates: the chain of a private-key entry (leaf first), or the one certificate.
    public var certificates: [Certificate]
    /// The private key, described without its secret, for private-key entries.
    public var privateKey: KeystoreKeyInfo?

    /// Creates an entry.
    public init(kind: Kind, alias: String?, localKeyID: [UInt8]? = nil, certificates: [Certificate], privateKey: KeystoreKeyInfo? = nil) {
        self.kind = kind
        self.alias = alias
        self.localKeyID = localKeyID
        self.certificates = certificates
        self.privateKey = privateKey
    }
}

/// A private key in a keystore, described without its secret.
public struct KeystoreKeyInfo: Sendable, Hashable {
    /// The algorithm as facts name it (`rsa`, `ec`, `ed25519`, `ed448`, `dsa`); `nil` when it
    /// cannot be told (the key could not be decrypted).
    public var algorithm: String?
    /// The size in bits, when known.
    public var bits: Int?
    /// The curve (`P-256`…), for EC keys.
    public var curve: String?
    /// Whether it is the private half of the public key of the entry's first certificate (or,
    /// for PKCS#12, of the certificate with the same local key ID); `nil` when it cannot be told.
    public var matchesCertificate: Bool?

    /// Creates a description.
    public init(algorithm: String?, bits: Int?, curve: String?, matchesCertificate: Bool?) {
        self.algorithm = algorithm
        self.bits = bits
        self.curve = curve
        self.matchesCertificate = matchesCertificate
    }
}

/// How part of a keystore is encrypted.
public struct KeystoreEncryption: Sendable, Hashable {
    /// A stable identifier of the scheme, which facts and rules use: `pbes2-aes-256-cbc`,
    /// `pbes2-aes-192-cbc`, `pbes2-aes-128-cbc`, `pbes2-des-ede3-cbc`, `pbe-sha1-3des`,
    /// `pbe-sha1-2des`, `pbe-sha1-rc2-128`, `pbe-sha1-rc2-40`, `pbe-sha1-rc4-128`,
    /// `pbe-sha1-rc4-40`, `jks-sun` (JKS key protection), `jceks-pbe-md5-3des`, or `none`.
    public var scheme: String
    /// The pseudorandom function of PBES2's PBKDF2 (`hmac-sha1`, `hmac-sha256`…), when it has one.
    public var prf: String?
    /// The iteration count of the key derivation (0 when the scheme has none).
    public var iterations: Int
    /// What it protects: `private-keys` or `certificates`.
    public var protects: String

    /// Creates a description.
    public init(scheme: String, prf: String? = nil, iterations: Int, protects: String) {
        self.scheme = scheme
        self.prf = prf
        self.iterations = iterations
        self.protects = protects
    }
}

/// The integrity check of a keystore.
public struct KeystoreIntegrity: Sendable, Hashable {
    /// A stable identifier: `hmac-sha1`, `hmac-sha256`, `hmac-sha384`, `hmac-sha512` (PKCS#12
    /// MAC), `pbmac1` (PKCS#12 PBMAC1), or `sun-sha1` (JKS and JCEKS keyed digest).
    public var algorithm: String
    /// The iteration count of the MAC key derivation (0 for JKS/JCEKS).
    public var iterations: Int

    /// Creates a description.
    public init(algorithm: String, iterations: Int) {
        self.algorithm = algorithm
        self.iterations = iterations
    }
}

/// Why a keystore could not be read. One type with a stable code, as every module has; the
/// message is a whole sentence and never contains a password or key bytes.
public struct KeystoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for each kind of problem.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The keystore needs a password and none of those tried opens it (the MAC or digest
        /// does not verify, or decryption fails).
        case wrongPassword
        /// The keystore needs a password and none was available (only the empty one was tried
        /// and it failed): say which variable to set.
        case passwordRequired
        /// The bytes are not a well-formed keystore (truncated, corrupt, not one at all).
        case malformed
        /// A well-formed keystore uses something certlint does not implement.
        case unsupported
    }

    /// What went wrong.
    public var code: Code
    /// A whole sentence.
    public var message: String
    /// The byte offset of the problem, when it has one.
    public var offset: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// The message.
    public var description: String { message }
}
