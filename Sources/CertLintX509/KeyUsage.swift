import CertLintDER

/// The key usage extension (RFC 5280 4.2.1.3): what the key may do cryptographically.
///
/// ```
/// KeyUsage ::= BIT STRING {
///      digitalSignature (0), nonRepudiation (1), keyEncipherment (2), dataEncipherment (3),
///      keyAgreement (4), keyCertSign (5), cRLSign (6), encipherOnly (7), decipherOnly (8) }
/// ```
public struct KeyUsage: Sendable, Hashable {
    /// The bit names in bit order, as RFC 5280 spells them (nonRepudiation is also called
    /// contentCommitment).
    public static let bitNames = [
        "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
        "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly",
    ]

    /// The set bits, by position.
    public let bits: Set<Int>
    /// Whether the BIT STRING was minimally encoded (no trailing zero bits), as DER requires.
    public let isMinimallyEncoded: Bool

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.bitString, "KeyUsage")
        let bitString = try node.bitString(in: bytes)
        var bits: Set<Int> = []
        for index in 0..<bitString.bitCount where bitString.isSet(index, in: bytes) {
            bits.insert(index)
        }
        self.bits = bits
        self.isMinimallyEncoded = bitString.isMinimalNamedBitList(in: bytes)
    }

    /// Checks the extension value as ``init(_:_:)`` reads it, throwing the same errors,
    /// without collecting the bits.
    public static func validate(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.bitString, "KeyUsage")
        _ = try node.bitString(in: bytes)
    }

    /// The names of the set bits, in bit order; bits beyond decipherOnly as `bitN`.
    public var names: [String] {
        bits.sorted().map { $0 < KeyUsage.bitNames.count ? KeyUsage.bitNames[$0] : "bit\($0)" }
    }

    /// Whether the named usage is set.
    public func contains(_ name: String) -> Bool {
        guard let index = KeyUsage.bitNames.firstIndex(of: name) else { return false }
        return bits.contains(index)
    }
}
