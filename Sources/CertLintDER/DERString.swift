/// A character string decoded from one of the ASN.1 string types.
public struct DERString: Sendable, Hashable, CustomStringConvertible {
    /// The ASN.1 string types, by universal tag number.
    public enum Kind: UInt32, Sendable, Hashable, CaseIterable {
        /// UTF8String.
        case utf8 = 12
        /// NumericString: digits and space.
        case numeric = 18
        /// PrintableString: A–Z a–z 0–9 space ' ( ) + , - . / : = ?
        case printable = 19
        /// TeletexString (T61String): read as UTF-8 when its bytes are valid UTF-8 (as
        /// Python's `cryptography` and Go read it, and as many CAs wrote it), otherwise as
        /// ISO 8859-1 (as OpenSSL reads it). Real T.61 is neither; no CA uses it.
        case teletex = 20
        /// VideotexString, read as ISO 8859-1.
        case videotex = 21
        /// IA5String: ASCII.
        case ia5 = 22
        /// GraphicString, read as ISO 8859-1.
        case graphic = 25
        /// VisibleString: printable ASCII.
        case visible = 26
        /// GeneralString, read as ISO 8859-1.
        case general = 27
        /// UniversalString: UTF-32BE.
        case universal = 28
        /// BMPString: UTF-16BE.
        case bmp = 30

        /// The ASN.1 type name, such as `UTF8String`.
        public var asn1Name: String {
            switch self {
            case .utf8: return "UTF8String"
            case .numeric: return "NumericString"
            case .printable: return "PrintableString"
            case .teletex: return "TeletexString"
            case .videotex: return "VideotexString"
            case .ia5: return "IA5String"
            case .graphic: return "GraphicString"
            case .visible: return "VisibleString"
            case .general: return "GeneralString"
            case .universal: return "UniversalString"
            case .bmp: return "BMPString"
            }
        }
    }

    /// The string type it was encoded with.
    public let kind: Kind
    /// The decoded text.
    public let value: String
    /// Whether every character is allowed by its type (PrintableString with `@` or `*`,
    /// IA5String with bytes above 0x7F and the like are decoded but marked).
    public let conformsToType: Bool

    /// Creates a decoded string.
    public init(kind: Kind, value: String, conformsToType: Bool) {
        self.kind = kind
        self.value = value
        self.conformsToType = conformsToType
    }

    /// The text.
    public var description: String { value }

    /// Throws what ``decode(_:_:kind:at:)`` throws for the same content, without building the
    /// text (only UTF8String, BMPString and UniversalString content can be invalid).
    public static func validate(_ bytes: [UInt8], _ range: Range<Int>, kind: Kind, at offset: Int) throws(DERError) {
        switch kind {
        case .utf8:
            for i in range where bytes[i] >= 0x80 {
                _ = try decode(bytes, range, kind: kind, at: offset)
                return
            }
        case .bmp, .universal:
            _ = try decode(bytes, range, kind: kind, at: offset)
        case .printable, .numeric, .ia5, .visible, .teletex, .videotex, .graphic, .general:
            return
        }
    }

    /// Decodes `bytes[range]` as a string of type `kind`.
    ///
    /// Only encodings that cannot be decoded at all throw (invalid UTF-8, a BMPString of odd
    /// length); characters outside a type's repertoire are kept and flagged.
    public static func decode(
        _ bytes: [UInt8], _ range: Range<Int>, kind: Kind, at offset: Int
    ) throws(DERError) -> DERString {
        switch kind {
        case .utf8:
            // ASCII (nearly every name) needs no validation; `String(validating:)` is generic
            // and slow, so it is kept for the rest.
            var ascii = true
            for i in range where bytes[i] >= 0x80 {
                ascii = false
                break
            }
            if ascii {
                return DERString(kind: kind, value: String(decoding: bytes[range], as: UTF8.self), conformsToType: true)
            }
            guard let text = String(validating: bytes[range], as: UTF8.self) else {
                throw DERError(.invalidValue, at: offset, "A UTF8String is not valid UTF-8")
            }
            return DERString(kind: kind, value: text, conformsToType: true)
        case .printable, .numeric, .ia5, .visible:
            // One pass: whether every byte is ASCII, and whether every byte is in the type's
            // repertoire (a 128-bit set per type).
            let (low, high) = kind.repertoire
            var conforms = true
            var ascii = true
            for i in range {
                let byte = bytes[i]
                if byte >= 0x80 {
                    ascii = false
                    conforms = false
                } else {
                    let word: UInt64 = byte < 64 ? low : high
                    if (word >> UInt64(byte & 63)) & 1 == 0 { conforms = false }
                }
            }
            let text =
                ascii
                ? String(decoding: bytes[range], as: UTF8.self)
                : String(String.UnicodeScalarView(bytes[range].map { Unicode.Scalar($0) }))
            return DERString(kind: kind, value: text, conformsToType: conforms)
        case .teletex:
            if let text = String(validating: bytes[range], as: UTF8.self) {
                return DERString(kind: kind, value: text, conformsToType: true)
            }
            let text = String(String.UnicodeScalarView(bytes[range].map { Unicode.Scalar($0) }))
            return DERString(kind: kind, value: text, conformsToType: true)
        case .videotex, .graphic, .general:
            let text = String(String.UnicodeScalarView(bytes[range].map { Unicode.Scalar($0) }))
            return DERString(kind: kind, value: text, conformsToType: true)
        case .bmp:
            guard range.count % 2 == 0 else {
                throw DERError(.invalidValue, at: offset, "A BMPString has an odd number of bytes (\(range.count))")
            }
            var units: [UInt16] = []
            units.reserveCapacity(range.count / 2)
            var i = range.lowerBound
            while i < range.upperBound {
                units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            var scalars = String.UnicodeScalarView()
            var conforms = true
            for unit in units {
                guard let scalar = Unicode.Scalar(unit) else {
                    // Surrogates are outside the Basic Multilingual Plane's repertoire.
                    conforms = false
                    scalars.append("\u{FFFD}")
                    continue
                }
                scalars.append(scalar)
            }
            return DERString(kind: kind, value: String(scalars), conformsToType: conforms)
        case .universal:
            guard range.count % 4 == 0 else {
                throw DERError(.invalidValue, at: offset, "A UniversalString's length (\(range.count)) is not a multiple of 4")
            }
            var scalars = String.UnicodeScalarView()
            var i = range.lowerBound
            while i < range.upperBound {
                let value = UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
                guard let scalar = Unicode.Scalar(value) else {
                    throw DERError(.invalidValue, at: offset + (i - range.lowerBound), "A UniversalString holds the invalid code point \(value)")
                }
                scalars.append(scalar)
                i += 4
            }
            return DERString(kind: kind, value: String(scalars), conformsToType: true)
        }
    }
}

extension DERString.Kind {
    /// The type's repertoire among ASCII bytes, as two 64-bit sets (bytes 0–63, 64–127);
    /// ``allows(_:)`` says the same byte by byte, and a test checks they agree.
    var repertoire: (low: UInt64, high: UInt64) {
        switch self {
        // A–Z a–z 0–9 space ' ( ) + , - . / : = ?
        case .printable: return (0xA7FF_FB81_0000_0000, 0x07FF_FFFE_07FF_FFFE)
        // 0–9 and space
        case .numeric: return (0x03FF_0001_0000_0000, 0)
        // 0x20–0x7E
        case .visible: return (0xFFFF_FFFF_0000_0000, 0x7FFF_FFFF_FFFF_FFFF)
        default: return (UInt64.max, UInt64.max)
        }
    }

    /// Whether `byte` belongs to this ASCII-based type's repertoire.
    func allows(_ byte: UInt8) -> Bool {
        switch self {
        case .numeric:
            return byte == 0x20 || (0x30...0x39).contains(byte)
        case .printable:
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x20, 0x27, 0x28, 0x29, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3D, 0x3F:
                return true
            default:
                return false
            }
        case .ia5:
            return byte < 0x80
        case .visible:
            return byte >= 0x20 && byte < 0x7F
        default:
            return true
        }
    }
}
