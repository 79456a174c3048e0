import CertLintDER

/// One certificate extension, kept raw: its OID, criticality and the bytes of its value.
///
/// ```
/// Extension  ::=  SEQUENCE  {
///      extnID      OBJECT IDENTIFIER,
///      critical    BOOLEAN DEFAULT FALSE,
///      extnValue   OCTET STRING }
/// ```
public struct Extension: Sendable, Hashable {
    /// The extension's identifier.
    public let oid: OID
    /// Whether a relying party that does not understand it must reject the certificate.
    public let isCritical: Bool
    /// Whether `critical FALSE` was spelled out, which DER forbids (DEFAULT values are omitted).
    public let encodesDefaultCriticality: Bool
    /// Position among the certificate's extensions, from 0.
    public let index: Int
    /// The range of the extnValue OCTET STRING's content (the extension's own DER).
    public let valueRange: Range<Int>

    /// Reads an Extension from a validated node.
    init(_ bytes: [UInt8], _ node: DERNode, index: Int) throws(DERError) {
        try node.expect(.sequence, "Extension")
        var fields = DERReader(bytes, children: node)
        oid = try fields.read(.objectIdentifier, "extnID").oid(in: bytes)
        if let criticalNode = try fields.readIfPresent(.boolean) {
            do throws(DERError) {
                isCritical = try criticalNode.boolean(in: bytes)
            } catch {
                throw error.inField("critical")
            }
            encodesDefaultCriticality = !isCritical
        } else {
            isCritical = false
            encodesDefaultCriticality = false
        }
        valueRange = try fields.read(.octetString, "extnValue").contentRange
        try fields.finish("Extension")
        self.index = index
    }

    /// The name of the extension when known, otherwise its dotted OID.
    public var name: String { oid.nameOrDotted }

    /// Parses the value as one DER value (no trailing bytes) and decodes it with `decode`,
    /// adding `extensions[i].extnValue (name)` to the path of any error; the caller adds the
    /// path of the extensions list itself.
    public func decode<T>(in bytes: [UInt8], _ decode: ([UInt8], DERNode) throws(DERError) -> T) throws(DERError) -> T {
        do throws(DERError) {
            let node = try DER.parse(bytes, in: valueRange)
            return try decode(bytes, node)
        } catch {
            throw error.inField("extnValue (\(name))").atIndex(index).inField("extensions")
        }
    }
}
