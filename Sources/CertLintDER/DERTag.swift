/// The identifier of a DER value: its class, whether it is constructed, and its number.
public struct DERTag: Hashable, Sendable, CustomStringConvertible {
    /// The four ASN.1 tag classes.
    public enum TagClass: UInt8, Sendable, Hashable {
        /// Types defined by X.680 itself (INTEGER, SEQUENCE…).
        case universal = 0
        /// Application-wide tags.
        case application = 1
        /// Tags such as `[0]` that are meaningful inside one structure.
        case contextSpecific = 2
        /// Private tags.
        case `private` = 3
    }

    /// The class of the tag.
    public let tagClass: TagClass
    /// Whether the value holds other values (SEQUENCE, SET, explicit tags).
    public let isConstructed: Bool
    /// The tag number within its class.
    public let number: UInt32

    /// Creates a tag from its parts.
    public init(_ tagClass: TagClass, number: UInt32, constructed: Bool) {
        self.tagClass = tagClass
        self.number = number
        self.isConstructed = constructed
    }

    /// A universal, primitive tag.
    @inlinable
    static func universal(_ number: UInt32) -> DERTag { DERTag(.universal, number: number, constructed: false) }

    /// The context-specific tag `[n]`, primitive or constructed.
    public static func context(_ number: UInt32, constructed: Bool) -> DERTag {
        DERTag(.contextSpecific, number: number, constructed: constructed)
    }

    /// BOOLEAN.
    public static let boolean = DERTag.universal(1)
    /// INTEGER.
    public static let integer = DERTag.universal(2)
    /// BIT STRING.
    public static let bitString = DERTag.universal(3)
    /// OCTET STRING.
    public static let octetString = DERTag.universal(4)
    /// NULL.
    public static let null = DERTag.universal(5)
    /// OBJECT IDENTIFIER.
    public static let objectIdentifier = DERTag.universal(6)
    /// ENUMERATED.
    public static let enumerated = DERTag.universal(10)
    /// UTF8String.
    public static let utf8String = DERTag.universal(12)
    /// NumericString.
    public static let numericString = DERTag.universal(18)
    /// PrintableString.
    public static let printableString = DERTag.universal(19)
    /// TeletexString (T61String).
    public static let teletexString = DERTag.universal(20)
    /// VideotexString.
    public static let videotexString = DERTag.universal(21)
    /// IA5String.
    public static let ia5String = DERTag.universal(22)
    /// UTCTime.
    public static let utcTime = DERTag.universal(23)
    /// GeneralizedTime.
    public static let generalizedTime = DERTag.universal(24)
    /// GraphicString.
    public static let graphicString = DERTag.universal(25)
    /// VisibleString.
    public static let visibleString = DERTag.universal(26)
    /// GeneralString.
    public static let generalString = DERTag.universal(27)
    /// UniversalString (UTF-32BE).
    public static let universalString = DERTag.universal(28)
    /// BMPString (UTF-16BE).
    public static let bmpString = DERTag.universal(30)
    /// SEQUENCE and SEQUENCE OF.
    public static let sequence = DERTag(.universal, number: 16, constructed: true)
    /// SET and SET OF.
    public static let set = DERTag(.universal, number: 17, constructed: true)

    /// The ASN.1 name of the tag (`SEQUENCE`, `[0]`, `UTF8String`), for error messages.
    public var description: String {
        switch tagClass {
        case .universal:
            return DERTag.universalNames[Int(number)] ?? "UNIVERSAL \(number)"
        case .contextSpecific:
            return "[\(number)]" + (isConstructed ? " (constructed)" : "")
        case .application:
            return "[APPLICATION \(number)]"
        case .private:
            return "[PRIVATE \(number)]"
        }
    }

    private static let universalNames: [Int: String] = [
        0: "end-of-contents", 1: "BOOLEAN", 2: "INTEGER", 3: "BIT STRING", 4: "OCTET STRING", 5: "NULL",
        6: "OBJECT IDENTIFIER", 7: "ObjectDescriptor", 8: "EXTERNAL", 9: "REAL", 10: "ENUMERATED",
        11: "EMBEDDED PDV", 12: "UTF8String", 13: "RELATIVE-OID", 16: "SEQUENCE", 17: "SET",
        18: "NumericString", 19: "PrintableString", 20: "TeletexString", 21: "VideotexString",
        22: "IA5String", 23: "UTCTime", 24: "GeneralizedTime", 25: "GraphicString", 26: "VisibleString",
        27: "GeneralString", 28: "UniversalString", 29: "CHARACTER STRING", 30: "BMPString",
    ]
}
