import CertLintDER

/// The authority information access extension (RFC 5280 4.2.2.1): where to find the issuer's
/// certificate (caIssuers) and its OCSP responder.
///
/// ```
/// AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription
/// AccessDescription ::= SEQUENCE { accessMethod OBJECT IDENTIFIER, accessLocation GeneralName }
/// ```
public struct AuthorityInformationAccess: Sendable, Hashable {
    /// One access description.
    public struct Description: Sendable, Hashable {
        /// The access method (ocsp, caIssuers…).
        public let method: OID
        /// Where to go.
        public let location: GeneralName
    }

    /// The descriptions in encoded order.
    public let descriptions: [Description]

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "AuthorityInfoAccessSyntax")
        var result: [Description] = []
        var reader = DERReader(bytes, children: node)
        while let child = try reader.next() {
            do throws(DERError) {
                try child.expect(.sequence, "AccessDescription")
                var fields = DERReader(bytes, children: child)
                let method = try fields.read(.objectIdentifier, "accessMethod").oid(in: bytes)
                let location = try GeneralName(bytes, try fields.readAny("accessLocation"))
                try fields.finish("AccessDescription")
                result.append(Description(method: method, location: location))
            } catch {
                throw error.atIndex(result.count)
            }
        }
        descriptions = result
    }

    /// The URIs of the descriptions with `method`.
    public func uris(for method: OID) -> [String] {
        descriptions.compactMap {
            guard $0.method == method, case .uri(let uri) = $0.location else { return nil }
            return uri
        }
    }

    /// The OCSP responder URIs.
    public var ocspURIs: [String] { uris(for: .ocspAccess) }

    /// The URIs where the issuer's certificate can be fetched.
    public var caIssuersURIs: [String] { uris(for: .caIssuersAccess) }
}
