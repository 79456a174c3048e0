import CertLintDER

/// The outer shape shared by certificates, CSRs and CRLs (X.509's SIGNED macro):
///
/// ```
/// SIGNED{ToBeSigned} ::= SEQUENCE {
///      toBeSigned           ToBeSigned,
///      algorithmIdentifier  AlgorithmIdentifier,
///      signature            BIT STRING }
/// ```
struct SignedStructure {
    /// The to-be-signed SEQUENCE.
    let toBeSigned: DERNode
    /// The signature AlgorithmIdentifier.
    let algorithm: DERNode
    /// The signature BIT STRING.
    let signature: DERNode

    /// Validates the DER tree in `range` and reads the three fields; `name` and `fieldNames`
    /// are the ASN.1 names used in error paths (`Certificate`, `tbsCertificate`…).
    init(
        _ buffer: [UInt8], range: Range<Int>, name: String,
        fieldNames: (toBeSigned: String, algorithm: String, signature: String)
    ) throws(DERError) {
        let root: DERNode
        do throws(DERError) {
            root = try DER.parse(buffer, in: range)
        } catch {
            throw error.path.isEmpty ? error.inField(name) : error
        }
        try root.expect(.sequence, name)
        var top = DERReader(buffer, children: root)
        toBeSigned = try top.read(.sequence, fieldNames.toBeSigned)
        algorithm = try top.read(.sequence, fieldNames.algorithm)
        signature = try top.read(.bitString, fieldNames.signature)
        try top.finish(name)
    }
}
