/// One value in a DER (or BER) encoding: its tag and where its header and content lie.
///
/// A node is only offsets into the bytes it was read from; it copies nothing. Decode its
/// content with the functions of ``DERDecoder`` and walk its children with ``DERReader``.
///
/// Offsets are kept in 32 bits (a node is 24 bytes, not 40: certificates keep a dozen), so
/// nodes are read only from inputs of at most ``maxOffset`` bytes; the readers reject longer
/// ones (`inputTooLarge`), far beyond what certlint reads.
public struct DERNode: Sendable, Hashable {
    /// The largest offset a node can hold.
    public static let maxOffset = Int(UInt32.max)

    /// The tag of the value.
    public let tag: DERTag
    @usableFromInline let start32: UInt32
    @usableFromInline let contentStart32: UInt32
    @usableFromInline let contentEnd32: UInt32
    @usableFromInline let end32: UInt32

    /// Offset of the first identifier byte.
    @inlinable public var start: Int { Int(start32) }
    /// Offset of the first content byte.
    @inlinable public var contentStart: Int { Int(contentStart32) }
    /// Offset one past the last content byte (before the end-of-contents marker of an
    /// indefinite-length BER value).
    @inlinable public var contentEnd: Int { Int(contentEnd32) }
    /// Offset one past the whole encoding (after the end-of-contents marker, if any).
    @inlinable public var end: Int { Int(end32) }

    /// Creates a node from its offsets, each between 0 and ``maxOffset``.
    @inlinable
    public init(tag: DERTag, start: Int, contentStart: Int, contentEnd: Int, end: Int) {
        self.tag = tag
        self.start32 = UInt32(clamping: start)
        self.contentStart32 = UInt32(clamping: contentStart)
        self.contentEnd32 = UInt32(clamping: contentEnd)
        self.end32 = UInt32(clamping: end)
    }

    /// The byte range of the content.
    @inlinable public var contentRange: Range<Int> { contentStart..<contentEnd }
    /// The byte range of the whole encoding, header included.
    @inlinable public var encodedRange: Range<Int> { start..<end }
    /// The number of content bytes.
    @inlinable public var contentLength: Int { contentEnd - contentStart }
    /// Whether the value used the indefinite-length form (BER only).
    @inlinable public var isIndefiniteLength: Bool { contentEnd != end }
}

/// Which encoding rules a reader enforces.
public struct DERRules: Sendable, Hashable {
    /// Creates rules from their parts.
    @inlinable
    public init(allowsIndefiniteLength: Bool, allowsNonMinimalLengths: Bool, allowsConstructedStrings: Bool, maxDepth: Int, maxNodes: Int) {
        self.allowsIndefiniteLength = allowsIndefiniteLength
        self.allowsNonMinimalLengths = allowsNonMinimalLengths
        self.allowsConstructedStrings = allowsConstructedStrings
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// Whether indefinite lengths (`0x80`, closed by `00 00`) are accepted: BER, used by some
    /// PKCS#7 and PKCS#12 writers. Certificates themselves are always read as DER.
    public var allowsIndefiniteLength: Bool
    /// Whether lengths and tags may use longer forms than necessary (BER).
    public var allowsNonMinimalLengths: Bool
    /// Whether string types may use the constructed form (BER).
    public var allowsConstructedStrings: Bool
    /// The deepest nesting accepted.
    public var maxDepth: Int
    /// The most values accepted in one tree.
    public var maxNodes: Int

    /// Distinguished Encoding Rules: definite, minimal lengths; primitive strings.
    @inlinable public static var der: DERRules {
        DERRules(
        allowsIndefiniteLength: false, allowsNonMinimalLengths: false, allowsConstructedStrings: false,
        maxDepth: 32, maxNodes: 1_000_000)
    }
    /// The BER subset that PKCS#7 and PKCS#12 writers produce (indefinite lengths, constructed
    /// OCTET STRINGs), with the same caps.
    @inlinable public static var ber: DERRules {
        DERRules(
        allowsIndefiniteLength: true, allowsNonMinimalLengths: true, allowsConstructedStrings: true,
        maxDepth: 32, maxNodes: 1_000_000)
    }
}
