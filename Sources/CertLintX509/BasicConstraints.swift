import CertLintDER

/// The basic constraints extension (RFC 5280 4.2.1.9): whether the subject is a CA.
///
/// ```
/// BasicConstraints ::= SEQUENCE {
///      cA                      BOOLEAN DEFAULT FALSE,
///      pathLenConstraint       INTEGER (0..MAX) OPTIONAL }
/// ```
public struct BasicConstraints: Sendable, Hashable {
    /// Whether the subject is a certification authority.
    public let isCA: Bool
    /// The most intermediate CAs that may follow, if constrained.
    public let pathLength: Int?

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "BasicConstraints")
        var fields = DERReader(bytes, children: node)
        if let caNode = try fields.readIfPresent(.boolean) {
            isCA = try caNode.boolean(in: bytes)
        } else {
            isCA = false
        }
        if let lengthNode = try fields.readIfPresent(.integer) {
            let value = try lengthNode.integer(in: bytes)
            guard value >= 0 else {
                throw DERError(.invalidValue, at: lengthNode.start, "The path length constraint is negative (\(value))", path: "pathLenConstraint")
            }
            pathLength = value
        } else {
            pathLength = nil
        }
        try fields.finish("BasicConstraints")
    }
}
