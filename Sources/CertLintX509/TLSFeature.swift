import CertLintDER

/// The TLS feature extension (RFC 7633); `status_request` (5) is OCSP must-staple.
///
/// ```
/// Features ::= SEQUENCE OF INTEGER
/// ```
public struct TLSFeature: Sendable, Hashable {
    /// The TLS extension numbers required.
    public let features: [Int]

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "Features")
        var result: [Int] = []
        var reader = DERReader(bytes, children: node)
        while let child = try reader.next() {
            try child.expect(.integer, "Feature")
            result.append(try child.integer(in: bytes))
        }
        features = result
    }

    /// Whether OCSP stapling is required (status_request, 5).
    public var mustStaple: Bool { features.contains(5) }
}
