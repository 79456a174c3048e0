/// A UTCTime or GeneralizedTime, in UTC, to the second.
///
/// Times are kept as seconds since 1970-01-01T00:00:00Z (negative before it) so comparisons
/// and day counts are integer arithmetic; no calendar or time zone library is involved.
public struct DERTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Which ASN.1 type carried the time.
    public enum Encoding: String, Sendable, Hashable {
        /// UTCTime: two-digit year, 1950–2049 (RFC 5280 4.1.2.5.1).
        case utcTime = "UTCTime"
        /// GeneralizedTime: four-digit year.
        case generalizedTime = "GeneralizedTime"
    }

    /// Seconds since the Unix epoch.
    public let secondsSinceEpoch: Int64
    /// The ASN.1 type it was encoded as.
    public let encoding: Encoding

    /// Creates a time from seconds since the epoch.
    public init(secondsSinceEpoch: Int64, encoding: Encoding = .generalizedTime) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.encoding = encoding
    }

    /// Creates a time from calendar fields in UTC; `nil` when a field is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                 encoding: Encoding = .generalizedTime) {
        guard (1...12).contains(month), day >= 1, day <= DERTime.daysInMonth(year, month),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = DERTime.daysFromCivil(year, month, day)
        self.secondsSinceEpoch = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.encoding = encoding
    }

    /// Parses an RFC 3339 / ISO 8601 UTC timestamp such as `2026-03-15T00:00:00Z` (also
    /// `2026-03-15` for midnight); `nil` when the text is not one.
    public init?(iso8601 text: String) {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<(from + count)] {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), chars.count >= 10, chars[4] == 0x2D, let month = number(5, 2),
            chars[7] == 0x2D, let day = number(8, 2)
        else { return nil }
        if chars.count == 10 {
            self.init(year: year, month: month, day: day)
            return
        }
        guard chars.count == 20, chars[10] == 0x54 || chars[10] == 0x20, let hour = number(11, 2), chars[13] == 0x3A,
            let minute = number(14, 2), chars[16] == 0x3A, let second = number(17, 2), chars[19] == 0x5A
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Decodes the content of a UTCTime (`YYMMDDHHMMSSZ`) or GeneralizedTime
    /// (`YYYYMMDDHHMMSS[.fff]Z`) as DER restricts them: UTC, seconds present.
    public init(_ bytes: [UInt8], _ range: Range<Int>, encoding: Encoding, at offset: Int) throws(DERError) {
        let count = range.count
        var i = range.lowerBound
        func digits(_ n: Int) -> Int? {
            var value = 0
            for _ in 0..<n {
                let c = bytes[i]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
                i += 1
            }
            return value
        }
        let typeName = encoding.rawValue
        // The text, for error messages only.
        var text: String { String(decoding: bytes[range], as: UTF8.self) }
        let year: Int
        switch encoding {
        case .utcTime:
            guard count == 13, bytes[range.upperBound - 1] == 0x5A, let yy = digits(2) else {
                throw DERError(.invalidValue, at: offset, "The \(typeName) \"\(text)\" is not of the form YYMMDDHHMMSSZ")
            }
            year = yy < 50 ? 2000 + yy : 1900 + yy
        case .generalizedTime:
            guard count >= 15, bytes[range.upperBound - 1] == 0x5A, let yyyy = digits(4) else {
                throw DERError(.invalidValue, at: offset, "The \(typeName) \"\(text)\" is not of the form YYYYMMDDHHMMSSZ")
            }
            year = yyyy
        }
        guard let month = digits(2), let day = digits(2), let hour = digits(2), let minute = digits(2),
            let second = digits(2)
        else {
            throw DERError(.invalidValue, at: offset, "The \(typeName) \"\(text)\" has a non-digit in its date or time")
        }
        // GeneralizedTime may carry a fraction of a second in DER: at least one digit, no trailing zero.
        if i != range.upperBound - 1 {
            guard encoding == .generalizedTime, bytes[i] == 0x2E, range.upperBound - 1 - i >= 2,
                bytes[range.upperBound - 2] != 0x30,
                bytes[(i + 1)..<(range.upperBound - 1)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            else {
                throw DERError(.invalidValue, at: offset, "The \(typeName) \"\(text)\" is not of the form DER requires")
            }
        }
        guard let time = DERTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, encoding: encoding)
        else {
            throw DERError(.invalidValue, at: offset, "The \(typeName) \"\(text)\" is not a valid date and time")
        }
        self = time
    }

    /// Year, month, day, hour, minute, second in UTC.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        let rest = Int(secondsSinceEpoch - days * 86_400)
        let (y, m, d) = DERTime.civilFromDays(days)
        return (y, m, d, rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// The time as `YYYY-MM-DDTHH:MM:SSZ`.
    public var iso8601: String {
        let c = components
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// The ISO 8601 form.
    public var description: String { iso8601 }

    /// Orders times chronologically (the encoding does not matter).
    public static func < (lhs: DERTime, rhs: DERTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// Equal when they denote the same instant (the encoding does not matter).
    public static func == (lhs: DERTime, rhs: DERTime) -> Bool { lhs.secondsSinceEpoch == rhs.secondsSinceEpoch }

    /// Hashes the instant.
    public func hash(into hasher: inout Hasher) { hasher.combine(secondsSinceEpoch) }

    static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }
}
