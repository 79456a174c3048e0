import CertLintDER

/// The CRL distribution points extension (RFC 5280 4.2.1.13).
///
/// ```
/// CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
/// DistributionPoint ::= SEQUENCE {
///      distributionPoint       [0]     DistributionPointName OPTIONAL,
///      reasons                 [1]     ReasonFlags OPTIONAL,
///      cRLIssuer               [2]     GeneralNames OPTIONAL }
/// DistributionPointName ::= CHOICE {
///      fullName                [0]     GeneralNames,
///      nameRelativeToCRLIssuer [1]     RelativeDistinguishedName }
/// ```
public struct CRLDistributionPoints: Sendable, Hashable {
    /// One distribution point.
    public struct Point: Sendable, Hashable {
        /// The full names, when given that way (usually one URI).
        public let fullName: [GeneralName]
        /// Whether the point is named relative to the CRL issuer instead.
        public let hasRelativeName: Bool
        /// Whether the point limits the revocation reasons it covers.
        public let hasReasons: Bool
        /// The CRL issuer, when it is not the certificate's issuer.
        public let crlIssuer: [GeneralName]
    }

    /// The points in encoded order.
    public let points: [Point]

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "CRLDistributionPoints")
        var points: [Point] = []
        var reader = DERReader(bytes, children: node)
        while let pointNode = try reader.next() {
            do throws(DERError) {
                try pointNode.expect(.sequence, "DistributionPoint")
                var fields = DERReader(bytes, children: pointNode)
                var fullName: [GeneralName] = []
                var relative = false
                if let nameWrapper = try fields.readIfPresent(.context(0, constructed: true)) {
                    var choice = DERReader(bytes, children: nameWrapper)
                    let name = try choice.readAny("distributionPoint")
                    try choice.finish("distributionPoint")
                    if name.tag == .context(0, constructed: true) {
                        fullName = try GeneralNames(bytes, name, implicit: true).names
                    } else if name.tag == .context(1, constructed: true) {
                        relative = true
                    } else {
                        throw DERError(.unexpectedTag, at: name.start, "Expected fullName [0] or nameRelativeToCRLIssuer [1] but found \(name.tag.withArticle)")
                    }
                }
                let reasons = try fields.readIfPresent(.context(1, constructed: false))
                var issuer: [GeneralName] = []
                if let issuerNode = try fields.readIfPresent(.context(2, constructed: true)) {
                    issuer = try GeneralNames(bytes, issuerNode, implicit: true).names
                }
                try fields.finish("DistributionPoint")
                points.append(Point(fullName: fullName, hasRelativeName: relative, hasReasons: reasons != nil, crlIssuer: issuer))
            } catch {
                throw error.atIndex(points.count)
            }
        }
        self.points = points
    }

    /// Every URI among the points' full names, in order.
    public var uris: [String] {
        points.flatMap { $0.fullName.compactMap { if case .uri(let s) = $0 { return s } else { return nil } } }
    }
}
