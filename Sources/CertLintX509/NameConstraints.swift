import CertLintDER

/// The name constraints extension (RFC 5280 4.2.1.10), found in CA certificates.
///
/// ```
/// NameConstraints ::= SEQUENCE {
///      permittedSubtrees       [0]     GeneralSubtrees OPTIONAL,
///      excludedSubtrees        [1]     GeneralSubtrees OPTIONAL }
/// GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
/// GeneralSubtree ::= SEQUENCE {
///      base                    GeneralName,
///      minimum         [0]     BaseDistance DEFAULT 0,
///      maximum         [1]     BaseDistance OPTIONAL }
/// ```
public struct NameConstraints: Sendable, Hashable {
    /// The permitted subtrees' base names, or `nil` when absent.
    public let permitted: [GeneralName]?
    /// The excluded subtrees' base names, or `nil` when absent.
    public let excluded: [GeneralName]?

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "NameConstraints")
        var fields = DERReader(bytes, children: node)
        func subtrees(_ wrapper: DERNode?, _ field: String) throws(DERError) -> [GeneralName]? {
            guard let wrapper else { return nil }
            var names: [GeneralName] = []
            var reader = DERReader(bytes, children: wrapper)
            while let subtree = try reader.next() {
                do throws(DERError) {
                    try subtree.expect(.sequence, "GeneralSubtree")
                    var parts = DERReader(bytes, children: subtree)
                    names.append(try GeneralName(bytes, try parts.readAny("base")))
                    _ = try parts.readIfPresent(.context(0, constructed: false))
                    _ = try parts.readIfPresent(.context(1, constructed: false))
                    try parts.finish("GeneralSubtree")
                } catch {
                    throw error.atIndex(names.count).inField(field)
                }
            }
            return names
        }
        permitted = try subtrees(try fields.readIfPresent(.context(0, constructed: true)), "permittedSubtrees")
        excluded = try subtrees(try fields.readIfPresent(.context(1, constructed: true)), "excludedSubtrees")
        try fields.finish("NameConstraints")
    }
}
