import CertLintDER
import CertLintCrypto

/// A GeneralName (RFC 5280 4.2.1.6): the kinds of name a SAN, an AIA location or a name
/// constraint can hold.
///
/// ```
/// GeneralName ::= CHOICE {
///      otherName                 [0]  AnotherName,
///      rfc822Name                [1]  IA5String,
///      dNSName                   [2]  IA5String,
///      x400Address               [3]  ORAddress,
///      directoryName             [4]  Name,
///      ediPartyName              [5]  EDIPartyName,
///      uniformResourceIdentifier [6]  IA5String,
///      iPAddress                 [7]  OCTET STRING,
///      registeredID              [8]  OBJECT IDENTIFIER }
/// AnotherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY DEFINED BY type-id }
/// ```
public enum GeneralName: Sendable, Hashable {
    /// An otherName; `string` holds the value when it is a character string (a UPN, say).
    case otherName(type: OID, string: String?, encodedValue: [UInt8])
    /// An e-mail address.
    case rfc822Name(String)
    /// A DNS name (in its ASCII, A-label form).
    case dnsName(String)
    /// An X.400 address, kept encoded.
    case x400Address([UInt8])
    /// A distinguished name.
    case directoryName(DistinguishedName)
    /// An EDI party name, kept encoded.
    case ediPartyName([UInt8])
    /// A URI.
    case uri(String)
    /// An IP address (4 or 16 bytes; 8 or 32 in name constraints, address and mask).
    case ipAddress([UInt8])
    /// A registered identifier.
    case registeredID(OID)

    /// Reads one GeneralName from a validated node.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        guard node.tag.tagClass == .contextSpecific else {
            throw DERError(.unexpectedTag, at: node.start, "Expected a GeneralName ([0]–[8]) but found \(node.tag.withArticle)")
        }
        func primitive(_ name: String) throws(DERError) {
            if node.tag.isConstructed {
                throw DERError(.invalidValue, at: node.start, "The \(name) GeneralName uses the constructed form")
            }
        }
        func constructed(_ name: String) throws(DERError) {
            if !node.tag.isConstructed {
                throw DERError(.invalidValue, at: node.start, "The \(name) GeneralName uses the primitive form")
            }
        }
        switch node.tag.number {
        case 0:
            try constructed("otherName")
            var fields = DERReader(bytes, children: node)
            let type = try fields.read(.objectIdentifier, "type-id").oid(in: bytes)
            let wrapper = try fields.read(.context(0, constructed: true), "value")
            try fields.finish("otherName")
            var inner = DERReader(bytes, children: wrapper)
            let value = try inner.readAny("value")
            try inner.finish("otherName.value")
            var string: String?
            if value.tag.tagClass == .universal, DERString.Kind(rawValue: value.tag.number) != nil {
                string = try value.string(in: bytes).value
            }
            self = .otherName(type: type, string: string, encodedValue: Array(bytes[value.encodedRange]))
        case 1:
            try primitive("rfc822Name")
            self = .rfc822Name(try node.implicitIA5String(in: bytes).value)
        case 2:
            try primitive("dNSName")
            self = .dnsName(try node.implicitIA5String(in: bytes).value)
        case 3:
            try constructed("x400Address")
            self = .x400Address(Array(bytes[node.contentRange]))
        case 4:
            try constructed("directoryName")
            var inner = DERReader(bytes, children: node)
            let name = try inner.read(.sequence, "directoryName")
            try inner.finish("directoryName")
            self = .directoryName(try DistinguishedName(bytes, name))
        case 5:
            try constructed("ediPartyName")
            self = .ediPartyName(Array(bytes[node.contentRange]))
        case 6:
            try primitive("uniformResourceIdentifier")
            self = .uri(try node.implicitIA5String(in: bytes).value)
        case 7:
            try primitive("iPAddress")
            self = .ipAddress(Array(bytes[node.contentRange]))
        case 8:
            try primitive("registeredID")
            let content = Array(bytes[node.contentRange])
            self = .registeredID(try OID(derContent: content, at: node.contentStart))
        default:
            throw DERError(.unexpectedTag, at: node.start, "GeneralName tag [\(node.tag.number)] does not exist; [0]–[8] do")
        }
    }

    /// The kind of name, as facts and reports name it: `dns`, `ip`, `email`, `uri`, `upn`,
    /// `otherName`, `dirName`, `registeredID`, `x400`, `ediParty`.
    public var kind: String {
        switch self {
        case .otherName(let type, _, _): return type == .userPrincipalName ? "upn" : "otherName"
        case .rfc822Name: return "email"
        case .dnsName: return "dns"
        case .x400Address: return "x400"
        case .directoryName: return "dirName"
        case .ediPartyName: return "ediParty"
        case .uri: return "uri"
        case .ipAddress: return "ip"
        case .registeredID: return "registeredID"
        }
    }

    /// The name as text: the string itself, an IP address in canonical form, a name in
    /// RFC 4514 form, or `#hex` for encoded forms.
    public var text: String {
        switch self {
        case .otherName(let type, let string, let encoded): return string ?? "\(type.dotted):#" + encoded.hexString
        case .rfc822Name(let s), .dnsName(let s), .uri(let s): return s
        case .x400Address(let b), .ediPartyName(let b): return "#" + b.hexString
        case .directoryName(let name): return name.rfc4514String
        case .ipAddress(let b):
            if let address = IPAddress(bytes: b) { return address.description }
            if let network = IPNetwork(nameConstraintBytes: b) { return network.description }
            return "#" + b.hexString
        case .registeredID(let oid): return oid.dotted
        }
    }
}

/// A SEQUENCE OF GeneralName, as in the subject and issuer alternative name extensions.
public struct GeneralNames: Sendable, Hashable {
    /// The names in encoded order.
    public let names: [GeneralName]

    /// Creates a list from names.
    public init(names: [GeneralName]) { self.names = names }

    /// Reads `GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName` from a validated node
    /// (or from the content of an IMPLICIT-tagged node such as AKI's `[1]`).
    public init(_ bytes: [UInt8], _ node: DERNode, implicit: Bool = false) throws(DERError) {
        if !implicit { try node.expect(.sequence, "GeneralNames") }
        var names: [GeneralName] = []
        var reader = DERReader(bytes, children: node)
        while let child = try reader.next() {
            do throws(DERError) {
                names.append(try GeneralName(bytes, child))
            } catch {
                throw error.atIndex(names.count)
            }
        }
        self.names = names
    }

    /// The dNSName entries.
    public var dnsNames: [String] { names.compactMap { if case .dnsName(let s) = $0 { return s } else { return nil } } }
    /// The iPAddress entries as raw bytes.
    public var ipAddressBytes: [[UInt8]] { names.compactMap { if case .ipAddress(let b) = $0 { return b } else { return nil } } }
    /// The iPAddress entries that are valid addresses (4 or 16 bytes).
    public var ipAddresses: [IPAddress] { ipAddressBytes.compactMap { IPAddress(bytes: $0) } }
    /// The rfc822Name entries.
    public var emailAddresses: [String] { names.compactMap { if case .rfc822Name(let s) = $0 { return s } else { return nil } } }
    /// The URI entries.
    public var uris: [String] { names.compactMap { if case .uri(let s) = $0 { return s } else { return nil } } }
    /// The user principal names (Microsoft otherName 1.3.6.1.4.1.311.20.2.3).
    public var userPrincipalNames: [String] {
        names.compactMap {
            if case .otherName(let type, let string, _) = $0, type == .userPrincipalName { return string }
            return nil
        }
    }
    /// The directoryName entries.
    public var directoryNames: [DistinguishedName] {
        names.compactMap { if case .directoryName(let n) = $0 { return n } else { return nil } }
    }
}
