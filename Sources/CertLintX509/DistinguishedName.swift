import CertLintDER
import CertLintCrypto

/// An X.501 distinguished name: a sequence of relative distinguished names, each a set of
/// attribute type-and-value pairs.
///
/// ```
/// Name ::= CHOICE { rdnSequence RDNSequence }
/// RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
/// RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
/// AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY -- DEFINED BY type }
/// ```
public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    /// One attribute of a name, such as `CN=www.example.com`.
    public struct Attribute: Sendable, Hashable {
        /// The attribute type.
        public let oid: OID
        /// The value, when it is a character string (nearly always).
        public let string: DERString?
        /// The DER encoding of the value (tag, length and content), sharing the certificate's bytes.
        public let encodedValue: ArraySlice<UInt8>
        /// The index of the relative distinguished name (the SET) the attribute belongs to.
        public let rdnIndex: Int

        /// The value as text: the string, or `#` and the hex of the DER encoding when the
        /// value is not a string (RFC 4514 2.4).
        public var value: String { string?.value ?? "#" + encodedValue.hexString }
    }

    /// Every attribute in encoded order; ``Attribute/rdnIndex`` groups them into RDNs.
    public let attributes: [Attribute]

    /// An empty name.
    public init() { attributes = [] }

    /// Reads a Name from a validated node.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        var result: [Attribute] = []
        result.reserveCapacity(8)
        try DistinguishedName.walk(bytes, node) { oid, valueNode, rdnIndex throws(DERError) in
            var string: DERString?
            if let kind = DistinguishedName.stringKind(valueNode) {
                string = try DERString.decode(bytes, valueNode.contentRange, kind: kind, at: valueNode.contentStart)
            }
            result.append(Attribute(oid: oid, string: string, encodedValue: bytes[valueNode.encodedRange], rdnIndex: rdnIndex))
        }
        attributes = result
    }

    /// Throws what ``init(_:_:)`` throws for the same node, without building the name (no
    /// allocation for the usual names).
    public static func validate(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try walk(bytes, node) { _, valueNode, _ throws(DERError) in
            if let kind = stringKind(valueNode) {
                try DERString.validate(bytes, valueNode.contentRange, kind: kind, at: valueNode.contentStart)
            }
        }
    }

    /// The string type of an attribute value, when it is a character string.
    private static func stringKind(_ valueNode: DERNode) -> DERString.Kind? {
        guard valueNode.tag.tagClass == .universal, !valueNode.tag.isConstructed else { return nil }
        return DERString.Kind(rawValue: valueNode.tag.number)
    }

    /// Checks the structure of a Name and calls `visit` with each attribute's type, value node
    /// and RDN index, in encoded order.
    private static func walk(
        _ bytes: [UInt8], _ node: DERNode, _ visit: (OID, DERNode, Int) throws(DERError) -> Void
    ) throws(DERError) {
        try node.expect(.sequence, "Name")
        var rdnIndex = 0
        var rdnOffset = node.contentStart
        // Three nested loops over offsets (Name, RDN SET, AttributeTypeAndValue); no reader
        // structs, so nothing is retained per level.
        while rdnOffset < node.contentEnd {
            do throws(DERError) {
                let rdnNode = try DER.readNode(bytes, at: rdnOffset, limit: node.contentEnd, rules: .der, depth: 0)
                rdnOffset = rdnNode.end
                try rdnNode.expect(.set, "RelativeDistinguishedName")
                var offset = rdnNode.contentStart
                var count = 0
                while offset < rdnNode.contentEnd {
                    let attributeNode = try DER.readNode(bytes, at: offset, limit: rdnNode.contentEnd, rules: .der, depth: 0)
                    offset = attributeNode.end
                    try attributeNode.expect(.sequence, "AttributeTypeAndValue")
                    guard attributeNode.contentStart < attributeNode.contentEnd else {
                        throw DERError(.missingField, at: attributeNode.contentEnd, "The required field type (OBJECT IDENTIFIER) is missing", path: "type")
                    }
                    let typeNode = try DER.readNode(bytes, at: attributeNode.contentStart, limit: attributeNode.contentEnd, rules: .der, depth: 0)
                    let oid = try typeNode.oid(in: bytes)
                    guard typeNode.end < attributeNode.contentEnd else {
                        throw DERError(.missingField, at: attributeNode.contentEnd, "The required field value is missing", path: "value")
                    }
                    let valueNode = try DER.readNode(bytes, at: typeNode.end, limit: attributeNode.contentEnd, rules: .der, depth: 0)
                    if valueNode.end != attributeNode.contentEnd {
                        throw DERError(.unexpectedElement, at: valueNode.end, "AttributeTypeAndValue has an unexpected element after its last field", path: "AttributeTypeAndValue")
                    }
                    try visit(oid, valueNode, rdnIndex)
                    count += 1
                }
                guard count > 0 else {
                    throw DERError(.invalidValue, at: rdnNode.start, "A relative distinguished name is an empty SET")
                }
            } catch {
                throw error.atIndex(rdnIndex)
            }
            rdnIndex += 1
        }
    }

    /// The relative distinguished names in encoded order (most significant first, usually C),
    /// each the attributes of one SET.
    public var rdns: [[Attribute]] {
        var groups: [[Attribute]] = []
        for attribute in attributes {
            if attribute.rdnIndex == groups.count { groups.append([]) }
            groups[groups.count - 1].append(attribute)
        }
        return groups
    }

    /// The values of every attribute of type `oid`, in encoded order.
    public func values(of oid: OID) -> [String] {
        attributes.compactMap { $0.oid == oid ? $0.value : nil }
    }

    /// The common name: the last CN attribute, as browsers and Go read it; `nil` when absent.
    public var commonName: String? { attributes.last { $0.oid == .commonName }?.value }

    /// Whether the name has no attributes.
    public var isEmpty: Bool { attributes.isEmpty }

    /// The RFC 4514 string form (last RDN first, `+` within a multi-valued RDN), with the
    /// keywords of RFC 4514 3 (CN, L, ST, O, OU, C, STREET, DC, UID) and dotted OIDs otherwise,
    /// as Python's `cryptography` writes it.
    public var rfc4514String: String {
        rdns.reversed().map { rdn in
            rdn.map { attribute in
                let key = DistinguishedName.rfc4514Keywords[attribute.oid] ?? attribute.oid.dotted
                if attribute.string == nil {
                    return key + "=" + attribute.value
                }
                return key + "=" + DistinguishedName.escape(attribute.value)
            }.joined(separator: "+")
        }.joined(separator: ",")
    }

    /// The RFC 4514 form.
    public var description: String { rfc4514String }

    static let rfc4514Keywords: [OID: String] = [
        "2.5.4.3": "CN", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C",
        "2.5.4.9": "STREET", "0.9.2342.19200300.100.1.25": "DC", "0.9.2342.19200300.100.1.1": "UID",
    ]

    /// Escapes an attribute value as RFC 4514 2.4 requires.
    static func escape(_ value: String) -> String {
        // Fast path: nothing to escape (nearly every name).
        var needsEscape = false
        var count = 0
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                UInt8(ascii: "<"), UInt8(ascii: ">"), 0:
                needsEscape = true
            default:
                break
            }
            count += 1
        }
        if !needsEscape, let first = value.utf8.first, let last = value.utf8.last, first != UInt8(ascii: "#"), first != UInt8(ascii: " "), last != UInt8(ascii: " ") {
            return value
        }
        if count == 0 { return value }
        var out = ""
        let scalars = Array(value.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "\"", "+", ",", ";", "<", ">":
                out += "\\" + String(scalar)
            case "#" where i == 0:
                out += "\\#"
            case " " where i == 0 || i == scalars.count - 1:
                out += "\\ "
            case "\u{0}":
                out += "\\00"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
