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
    @inlinable
    public init(_ tagClass: TagClass, number: UInt32, constructed: Bool) {
        self.tagClass = tagClass
        self.number = number
        self.isConstructed = constructed
    }

    /// Creates a low-number tag (0–30) from its one identifier byte.
    @inlinable
    public init(identifier byte: UInt8) {
        switch byte >> 6 {
        case 0: tagClass = .universal
        case 1: tagClass = .application
        case 2: tagClass = .contextSpecific
        default: tagClass = .private
        }
        isConstructed = byte & 0x20 != 0
        number = UInt32(byte & 0x1F)
    }

    /// Tags are equal when class, form and number are.
    @inlinable
    public static func == (lhs: DERTag, rhs: DERTag) -> Bool {
        lhs.number == rhs.number && lhs.tagClass == rhs.tagClass && lhs.isConstructed == rhs.isConstructed
    }

    /// A universal, primitive tag.
    @inlinable
    static func universal(_ number: UInt32) -> DERTag { DERTag(.universal, number: number, constructed: false) }

    /// The context-specific tag `[n]`, primitive or constructed.
    @inlinable
    public static func context(_ number: UInt32, constructed: Bool) -> DERTag {
        DERTag(.contextSpecific, number: number, constructed: constructed)
    }

    /// BOOLEAN.
    @inlinable public static var boolean: DERTag { DERTag(.universal, number: 1, constructed: false) }
    /// INTEGER.
    @inlinable public static var integer: DERTag { DERTag(.universal, number: 2, constructed: false) }
    /// BIT STRING.
    @inlinable public static var bitString: DERTag { DERTag(.universal, number: 3, constructed: false) }
    /// OCTET STRING.
    @inlinable public static var octetString: DERTag { DERTag(.universal, number: 4, constructed: false) }
    /// NULL.
    @inlinable public static var null: DERTag { DERTag(.universal, number: 5, constructed: false) }
    /// OBJECT IDENTIFIER.
    @inlinable public static var objectIdentifier: DERTag { DERTag(.universal, number: 6, constructed: false) }
    /// ENUMERATED.
    @inlinable public static var enumerated: DERTag { DERTag(.universal, number: 10, constructed: false) }
    /// UTF8String.
    @inlinable public static var utf8String: DERTag { DERTag(.universal, number: 12, constructed: false) }
    /// NumericString.
    @inlinable public static var numericString: DERTag { DERTag(.universal, number: 18, constructed: false) }
    /// PrintableString.
    @inlinable public static var printableString: DERTag { DERTag(.universal, number: 19, constructed: false) }
    /// TeletexString (T61String).
    @inlinable public static var teletexString: DERTag { DERTag(.universal, number: 20, constructed: false) }
    /// VideotexString.
    @inlinable public static var videotexString: DERTag { DERTag(.universal, number: 21, constructed: false) }
    /// IA5String.
    @inlinable public static var ia5String: DERTag { DERTag(.universal, number: 22, constructed: false) }
    /// UTCTime.
    @inlinable public static var utcTime: DERTag { DERTag(.universal, number: 23, constructed: false) }
    /// GeneralizedTime.
    @inlinable public static var generalizedTime: DERTag { DERTag(.universal, number: 24, constructed: false) }
    /// GraphicString.
    @inlinable public static var graphicString: DERTag { DERTag(.universal, number: 25, constructed: false) }
    /// VisibleString.
    @inlinable public static var visibleString: DERTag { DERTag(.universal, number: 26, constructed: false) }
    /// GeneralString.
    @inlinable public static var generalString: DERTag { DERTag(.universal, number: 27, constructed: false) }
    /// UniversalString (UTF-32BE).
    @inlinable public static var universalString: DERTag { DERTag(.universal, number: 28, constructed: false) }
    /// BMPString (UTF-16BE).
    @inlinable public static var bmpString: DERTag { DERTag(.universal, number: 30, constructed: false) }
    /// SEQUENCE and SEQUENCE OF.
    @inlinable public static var sequence: DERTag { DERTag(.universal, number: 16, constructed: true) }
    /// SET and SET OF.
    @inlinable public static var set: DERTag { DERTag(.universal, number: 17, constructed: true) }

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

    /// The name with its indefinite article, for sentences: "an INTEGER", "a SEQUENCE".
    public var withArticle: String {
        let name = description
        guard let first = name.first else { return name }
        return ("AEIO".contains(first) ? "an " : "a ") + name
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
