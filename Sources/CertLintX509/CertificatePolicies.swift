import CertLintDER

/// The certificate policies extension (RFC 5280 4.2.1.4).
///
/// ```
/// certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
/// PolicyInformation ::= SEQUENCE {
///      policyIdentifier   CertPolicyId,
///      policyQualifiers   SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }
/// PolicyQualifierInfo ::= SEQUENCE { policyQualifierId OBJECT IDENTIFIER, qualifier ANY }
/// ```
public struct CertificatePolicies: Sendable, Hashable {
    /// One policy.
    public struct Policy: Sendable, Hashable {
        /// The policy identifier.
        public let oid: OID
        /// CPS URIs among the qualifiers.
        public let cpsURIs: [String]
        /// The identifiers of every qualifier, in order.
        public let qualifierIDs: [OID]
    }

    /// The policies in encoded order.
    public let policies: [Policy]

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "certificatePolicies")
        var result: [Policy] = []
        var reader = DERReader(bytes, children: node)
        while let child = try reader.next() {
            do throws(DERError) {
                try child.expect(.sequence, "PolicyInformation")
                var fields = DERReader(bytes, children: child)
                let oid = try fields.read(.objectIdentifier, "policyIdentifier").oid(in: bytes)
                var cps: [String] = []
                var ids: [OID] = []
                if let qualifiers = try fields.readIfPresent(.sequence) {
                    var list = DERReader(bytes, children: qualifiers)
                    while let qualifier = try list.next() {
                        try qualifier.expect(.sequence, "PolicyQualifierInfo")
                        var parts = DERReader(bytes, children: qualifier)
                        let id = try parts.read(.objectIdentifier, "policyQualifierId").oid(in: bytes)
                        let value = try parts.readAny("qualifier")
                        try parts.finish("PolicyQualifierInfo")
                        ids.append(id)
                        if id == OID.cpsQualifier, value.tag == .ia5String {
                            cps.append(try value.string(in: bytes).value)
                        }
                    }
                }
                try fields.finish("PolicyInformation")
                result.append(Policy(oid: oid, cpsURIs: cps, qualifierIDs: ids))
            } catch {
                throw error.atIndex(result.count)
            }
        }
        policies = result
    }

    /// The policy identifiers in order.
    public var oids: [OID] { policies.map(\.oid) }
}

extension OID {
    /// id-qt-cps (1.3.6.1.5.5.7.2.1).
    public static let cpsQualifier: OID = "1.3.6.1.5.5.7.2.1"
}
