import CertLintCrypto

/// The publicly trusted roots certlint knows offline, by subject key identifier and by the
/// SHA-256 of the subject name's DER.
///
/// A certificate counts as publicly trusted (`cert.publiclyTrusted`) when it carries embedded
/// Certificate Transparency SCTs (every public TLS certificate since 2018 does), when it is one
/// of these roots, or when one of these roots issued it (its authority key identifier is a
/// root's subject key identifier).
public struct PublicRoots: Sendable {
    /// One root.
    public struct Root: Sendable, Hashable {
        /// Lowercase hex of its subject key identifier (empty when it has none).
        public let subjectKeyIdentifier: String
        /// Lowercase hex SHA-256 of its subject name's DER.
        public let subjectHash: String
        /// Its subject in RFC 4514 form.
        public let name: String
    }

    /// Every root.
    public let roots: [Root]
    private let identifiers: Set<[UInt8]>
    /// ``prefix(_:)`` of each of `identifiers`.
    private let prefixes: Set<UInt64>
    private let subjectHashes: Set<String>

    /// A set of roots.
    public init(roots: [Root]) {
        self.roots = roots
        self.identifiers = Set(roots.compactMap { PublicRoots.bytes(hex: $0.subjectKeyIdentifier) })
        self.prefixes = Set(identifiers.map(PublicRoots.prefix))
        self.subjectHashes = Set(roots.map(\.subjectHash))
    }

    /// Whether `subjectKeyIdentifier` is a known root's.
    public func contains<Identifier: Collection<UInt8>>(subjectKeyIdentifier: Identifier?) -> Bool {
        guard let subjectKeyIdentifier, !subjectKeyIdentifier.isEmpty else { return false }
        // Most identifiers are not a root's: a set of their first eight bytes answers those
        // without hashing the whole identifier.
        guard prefixes.contains(PublicRoots.prefix(subjectKeyIdentifier)) else { return false }
        return identifiers.contains(Array(subjectKeyIdentifier))
    }

    /// The first eight bytes of an identifier (fewer, zero-padded), as one number.
    static func prefix(_ identifier: some Collection<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for byte in identifier.prefix(8) { value = value << 8 | UInt64(byte) }
        return value << (8 * UInt64(8 - min(8, identifier.count)))
    }

    /// Whether a known root has the subject name whose DER is `name`.
    public func contains(subjectName name: some Collection<UInt8>) -> Bool {
        subjectHashes.contains(SHA256.hash(name).hexString)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < digits.count {
            guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
