import CertLintDER

/// The authority key identifier extension (RFC 5280 4.2.1.1): which key signed this certificate.
///
/// ```
/// AuthorityKeyIdentifier ::= SEQUENCE {
///      keyIdentifier             [0] KeyIdentifier           OPTIONAL,
///      authorityCertIssuer       [1] GeneralNames            OPTIONAL,
///      authorityCertSerialNumber [2] CertificateSerialNumber OPTIONAL }
/// ```
public struct AuthorityKeyIdentifier: Sendable, Hashable {
    /// The issuer's key identifier.
    public let keyIdentifier: ArraySlice<UInt8>?
    /// The issuer's issuer name(s).
    public let authorityCertIssuer: GeneralNames?
    /// The issuer certificate's serial number.
    public let authorityCertSerialNumber: SerialNumber?

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "AuthorityKeyIdentifier")
        var fields = DERReader(bytes, children: node)
        keyIdentifier = try fields.readIfPresent(.context(0, constructed: false)).map { bytes[$0.contentRange] }
        if let issuer = try fields.readIfPresent(.context(1, constructed: true)) {
            authorityCertIssuer = try GeneralNames(bytes, issuer, implicit: true)
        } else {
            authorityCertIssuer = nil
        }
        if let serial = try fields.readIfPresent(.context(2, constructed: false)) {
            authorityCertSerialNumber = SerialNumber(bytes: Array(bytes[try serial.integerContent(in: bytes)]))
        } else {
            authorityCertSerialNumber = nil
        }
        try fields.finish("AuthorityKeyIdentifier")
    }
}
