/// Timestamps and durations of the expression language: parsing, formatting and calendar
/// arithmetic, all in UTC and to the second (no Foundation, no time zone database).
public enum CELTime {
    /// The earliest timestamp: 0001-01-01T00:00:00Z.
    public static let minTimestamp: Int64 = -62_135_596_800
    /// The latest timestamp: 9999-12-31T23:59:59Z.
    public static let maxTimestamp: Int64 = 253_402_300_799
    /// The longest duration either way: 315,576,000,000 seconds (10,000 Julian years).
    public static let maxDuration: Int64 = 315_576_000_000

    /// Seconds since the epoch for an RFC 3339 time such as `2026-03-15T00:00:00Z` or
    /// `2026-03-15T01:00:00+01:00`, or `nil` when the text is not one (or is out of range).
    /// A fraction of a second is accepted and dropped.
    public static func parseTimestamp(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int64? {
            guard i + n <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + n) {
                let c = b[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int64(c - 0x30)
            }
            i += n
            return v
        }
        func expect(_ chars: UInt8...) -> Bool {
            guard i < b.count, chars.contains(b[i]) else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
            expect(0x54, 0x74, 0x20), let hour = digits(2), expect(0x3A), let minute = digits(2), expect(0x3A),
            let second = digits(2)
        else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        if i < b.count, b[i] == 0x2E {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start, i - start <= 9 else { return nil }
        }
        var offset: Int64 = 0
        if expect(0x5A, 0x7A) {
            offset = 0
        } else if i < b.count, b[i] == 0x2B || b[i] == 0x2D {
            let negative = b[i] == 0x2D
            i += 1
            guard let oh = digits(2), expect(0x3A), let om = digits(2), oh <= 23, om <= 59 else { return nil }
            offset = (oh * 3600 + om * 60) * (negative ? -1 : 1)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let local = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        let utc = local - offset
        guard utc >= minTimestamp, utc <= maxTimestamp else { return nil }
        return utc
    }

    /// A timestamp in RFC 3339, UTC: `2026-03-15T00:00:00Z`.
    public static func format(timestamp seconds: Int64) -> String {
        let c = components(of: seconds)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// Seconds for a duration written as Go and CEL write them: an optional sign, then one or more
    /// decimal numbers each followed by a unit — `h`, `m`, `s`, `ms`, `us` (or `µs`), `ns`, and the
    /// certlint extension `d` (24 hours) — such as `720h`, `1h30m`, `-1.5h`, `30d`. A lone `0` is
    /// zero. The total is truncated toward zero to whole seconds. `nil` when the text is not a
    /// duration or exceeds ``maxDuration``.
    public static func parseDuration(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        var i = 0
        var negative = false
        if i < b.count, b[i] == 0x2D || b[i] == 0x2B {
            negative = b[i] == 0x2D
            i += 1
        }
        if i == b.count - 1, b[i] == 0x30 { return 0 }
        guard i < b.count else { return nil }
        var whole: Int64 = 0
        var fraction: Double = 0
        while i < b.count {
            var intPart: Int64 = 0
            var sawDigit = false
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 0x30))
                guard !o1, !o2 else { return nil }
                intPart = a
                sawDigit = true
                i += 1
            }
            var frac: Double = 0
            if i < b.count, b[i] == 0x2E {
                i += 1
                var scale = 0.1
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                    frac += Double(b[i] - 0x30) * scale
                    scale /= 10
                    sawDigit = true
                    i += 1
                }
            }
            guard sawDigit else { return nil }
            let unitStart = i
            while i < b.count, !(b[i] >= 0x30 && b[i] <= 0x39), b[i] != 0x2E { i += 1 }
            let unit = String(decoding: b[unitStart..<i], as: UTF8.self)
            let secondsPerUnit: Int64
            var subSecond: Double = 0
            switch unit {
            case "d": secondsPerUnit = 86_400
            case "h": secondsPerUnit = 3600
            case "m": secondsPerUnit = 60
            case "s": secondsPerUnit = 1
            case "ms":
                secondsPerUnit = 0
                subSecond = 1e-3
            case "us", "µs", "μs":
                secondsPerUnit = 0
                subSecond = 1e-6
            case "ns":
                secondsPerUnit = 0
                subSecond = 1e-9
            default: return nil
            }
            if secondsPerUnit > 0 {
                let (m, o1) = intPart.multipliedReportingOverflow(by: secondsPerUnit)
                let (a, o2) = whole.addingReportingOverflow(m)
                guard !o1, !o2 else { return nil }
                whole = a
                fraction += frac * Double(secondsPerUnit)
            } else {
                fraction += (Double(intPart) + frac) * subSecond
            }
        }
        guard fraction < 1e15 else { return nil }
        let (total, overflow) = whole.addingReportingOverflow(Int64(fraction.rounded(.towardZero)))
        guard !overflow, total <= maxDuration else { return nil }
        return negative ? -total : total
    }

    /// A duration as CEL writes it: whole seconds followed by `s` (`2592000s`).
    public static func format(duration seconds: Int64) -> String { "\(seconds)s" }

    /// The calendar fields of a timestamp, in UTC: `month` 1–12, `day` 1–31, `dayOfWeek` 0–6 with
    /// 0 for Sunday, `dayOfYear` 0–365.
    public static func components(of seconds: Int64) -> (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, dayOfWeek: Int64, dayOfYear: Int64) {
        let days = floorDiv(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        let dayOfWeek = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
        let dayOfYear = days - daysFromCivil(year: year, month: 1, day: 1)
        return (year, month, day, secondOfDay / 3600, (secondOfDay % 3600) / 60, secondOfDay % 60, dayOfWeek, dayOfYear)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in a month of a year.
    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Division rounding toward negative infinity.
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
