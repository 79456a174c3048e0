import CertLintDERAccel

/// An ASN.1 OBJECT IDENTIFIER, kept as its DER content octets.
///
/// Keeping the encoded form makes equality a byte comparison and costs nothing to read; the
/// dotted form (`2.5.29.17`) and the name (`subjectAltName`) are computed on demand.
///
/// An OID is plain data (no references), so the structures holding OIDs (extensions, names)
/// are copied and destroyed without reference counting.
public struct OID: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral, Comparable {
    // Up to 16 content octets are kept inline (every OID in the registry fits), so reading an
    // OID from a certificate allocates nothing; longer ones are interned in ``OIDLongForms``
    // and kept as their number there (`long`, -1 for inline ones), which is equal exactly when
    // the octets are.
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64
    @usableFromInline let count: Int
    @usableFromInline let long: Int

    /// Wraps content octets that were already validated.
    @inlinable
    init(validatedBytes: some Collection<UInt8>) {
        let n = validatedBytes.count
        count = n
        if n <= 16 {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var shift: UInt64 = 0
            var i = 0
            for byte in validatedBytes {
                if i < 8 {
                    low |= UInt64(byte) << shift
                } else {
                    high |= UInt64(byte) << (shift - 64)
                }
                shift += 8
                i += 1
            }
            self.low = low
            self.high = high
            self.long = -1
        } else {
            low = 0
            high = 0
            long = OIDLongForms.intern(Array(validatedBytes))
        }
    }

    /// The content octets of the DER encoding (no tag, no length).
    public var bytes: [UInt8] {
        if long >= 0 { return OIDLongForms.bytes(long) }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let word: UInt64 = i < 8 ? low : high
            let shift = UInt64((i % 8) * 8)
            out.append(UInt8(truncatingIfNeeded: word >> shift))
        }
        return out
    }

    /// Reads an OID from DER content octets, checking the encoding is minimal.
    public init(derContent: some Collection<UInt8>, at offset: Int = 0) throws(DERError) {
        let bytes = Array(derContent)
        try OID.validate(bytes, at: offset)
        self.init(validatedBytes: bytes)
    }

    /// Parses a dotted OID such as `1.2.840.113549.1.1.11`; `nil` when it is not one.
    public init?(dotted: String) {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        var arcs: [UInt64] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 19, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || !part.hasPrefix("0"), let value = UInt64(part)
            else { return nil }
            arcs.append(value)
        }
        guard arcs[0] <= 2, arcs[0] == 2 || arcs[1] < 40 else { return nil }
        let (first, overflow) = (arcs[0] * 40).addingReportingOverflow(arcs[1])
        guard !overflow else { return nil }
        var out: [UInt8] = []
        for arc in [first] + arcs.dropFirst(2) {
            var groups: [UInt8] = [UInt8(arc & 0x7F)]
            var rest = arc >> 7
            while rest > 0 {
                groups.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            out.append(contentsOf: groups.reversed())
        }
        self.init(validatedBytes: out)
    }

    /// Creates an OID from a dotted literal written in our own source; a malformed literal is
    /// a programming error.
    public init(stringLiteral value: String) {
        guard let oid = OID(dotted: value) else {
            preconditionFailure("Malformed OID literal \(value)")
        }
        self = oid
    }

    static func validate(_ bytes: [UInt8], at offset: Int) throws(DERError) {
        guard let last = bytes.last else {
            throw DERError(.invalidValue, at: offset, "An OBJECT IDENTIFIER is empty")
        }
        guard last & 0x80 == 0 else {
            throw DERError(.invalidValue, at: offset, "An OBJECT IDENTIFIER ends inside a sub-identifier")
        }
        var atStart = true
        for byte in bytes {
            if atStart && byte == 0x80 {
                throw DERError(.nonMinimalEncoding, at: offset, "An OBJECT IDENTIFIER sub-identifier has a leading zero group")
            }
            atStart = byte & 0x80 == 0
        }
    }

    /// The dotted-decimal form, such as `2.5.29.17`. Arcs wider than 64 bits are rendered exactly.
    public var dotted: String {
        var result = ""
        var groups: [UInt8] = []
        var isFirst = true
        for byte in bytes {
            groups.append(byte & 0x7F)
            guard byte & 0x80 == 0 else { continue }
            if isFirst {
                isFirst = false
                if groups.count <= 9 {
                    let value = groups.reduce(UInt64(0)) { $0 << 7 | UInt64($1) }
                    let top: UInt64 = value < 40 ? 0 : (value < 80 ? 1 : 2)
                    result = "\(top).\(value - top * 40)"
                } else {
                    // A first sub-identifier this large can only be under arc 2.
                    result = "2." + OID.decimal(base128: groups, minus: 80)
                }
            } else {
                result += "." + OID.decimal(base128: groups, minus: 0)
            }
            groups.removeAll(keepingCapacity: true)
        }
        return result
    }

    /// Renders a base-128 big-endian number (less `minus`) in decimal, whatever its size.
    private static func decimal(base128 groups: [UInt8], minus: UInt32) -> String {
        if groups.count <= 9 {
            return String(groups.reduce(UInt64(0)) { $0 << 7 | UInt64($1) } - UInt64(minus))
        }
        // Big number as base-10^9 limbs, little-endian.
        var limbs: [UInt64] = [0]
        for group in groups {
            var carry = UInt64(group)
            for i in limbs.indices {
                let value = limbs[i] * 128 + carry
                limbs[i] = value % 1_000_000_000
                carry = value / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(carry % 1_000_000_000)
                carry /= 1_000_000_000
            }
        }
        // Subtract `minus` (only 80, for the first arc under 2).
        var borrow = UInt64(minus)
        for i in limbs.indices where borrow > 0 {
            if limbs[i] >= borrow {
                limbs[i] -= borrow
                borrow = 0
            } else {
                limbs[i] = limbs[i] + 1_000_000_000 - borrow
                borrow = 1
            }
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    /// The registered name (`subjectAltName`, `serverAuth`, `sha256WithRSAEncryption`), if known.
    public var name: String? { OIDRegistry.name(of: self) }

    /// The name when known, otherwise the dotted form.
    public var nameOrDotted: String { name ?? dotted }

    /// The dotted form.
    public var description: String { dotted }

    /// Whether the content octets equal `bytes[range]`, without copying.
    @inlinable
    public func matches(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count == count else { return false }
        if long >= 0 { return bytes[range].elementsEqual(OIDLongForms.bytes(long)) }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var shift: UInt64 = 0
        for i in range {
            if shift < 64 {
                low |= UInt64(bytes[i]) << shift
            } else {
                high |= UInt64(bytes[i]) << (shift - 64)
            }
            shift += 8
        }
        return low == self.low && high == self.high
    }

    /// Orders OIDs by their dotted arcs, numerically.
    public static func < (lhs: OID, rhs: OID) -> Bool {
        let l = lhs.dotted.split(separator: ".").map { ($0.count, String($0)) }
        let r = rhs.dotted.split(separator: ".").map { ($0.count, String($0)) }
        for (a, b) in zip(l, r) where a != b {
            return a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
        }
        return l.count < r.count
    }
}

/// The content octets of every OID longer than 16 octets seen so far, each stored once: an
/// ``OID`` holds its number here. Such OIDs are rare (private arcs of enterprise PKIs), and the
/// table grows only with distinct ones, at most one entry per 17 bytes of input read.
@usableFromInline
enum OIDLongForms {
    /// Guarded by the C module's OID-table lock.
    private final class Table: @unchecked Sendable {
        var forms: [[UInt8]] = []
        var numbers: [[UInt8]: Int] = [:]
    }

    private static let table = Table()

    private static func locked<T>(_ body: () -> T) -> T {
        certlint_oid_table_lock()
        defer { certlint_oid_table_unlock() }
        return body()
    }

    /// The number of `bytes`, added if new.
    @usableFromInline
    static func intern(_ bytes: [UInt8]) -> Int {
        locked {
            if let number = table.numbers[bytes] { return number }
            let number = table.forms.count
            table.forms.append(bytes)
            table.numbers[bytes] = number
            return number
        }
    }

    /// The octets of number `number`.
    @usableFromInline
    static func bytes(_ number: Int) -> [UInt8] {
        locked { table.forms[number] }
    }
}
