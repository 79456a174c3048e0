import Testing
@testable import CertLintDER

// UTCTime and GeneralizedTime as DER and RFC 5280 section 4.1.2.5 restrict them, and the
// calendar arithmetic behind DERTime.
//
// Where the cases come from: Go's `encoding/asn1` utcTestData and generalizedTimeTestData
// (including the impossible dates of Go issue 11134), apple/swift-asn1's UTCTimeTests and
// GeneralizedTimeTests (fractions, the trailing-zero rule of X.690 11.7.3), RFC 5280
// 4.1.2.5.1 (the 50/49 century pivot), and the Gregorian leap-year rule (1900 is not a leap
// year, 2000 is).
//
// Cross-check: every expected instant and calendar tuple below was computed with Python's
// `datetime` (`datetime(1970,1,1) + timedelta(seconds=s)` and its `isoformat()`), including
// the 1000 seeded random instants, replayed with a Python port of SplitMix64. Each UTCTime
// and GeneralizedTime, accepted or rejected, was also spliced into the notBefore of the test
// certificate and loaded with `cryptography` 48: it reads the same instants and refuses the
// same texts, except the GeneralizedTime fractions noted below.

private func utc(_ text: String) throws -> DERTime {
    let bytes = Array(text.utf8)
    return try DERTime(bytes, 0..<bytes.count, encoding: .utcTime, at: 0)
}

private func generalized(_ text: String) throws -> DERTime {
    let bytes = Array(text.utf8)
    return try DERTime(bytes, 0..<bytes.count, encoding: .generalizedTime, at: 0)
}

@Suite struct DERTimeTests {
    // (UTCTime, seconds since the epoch, ISO 8601)
    @Test(arguments: [
        ("491231235959Z", Int64(2_524_607_999), "2049-12-31T23:59:59Z"),
        ("500101000000Z", -631_152_000, "1950-01-01T00:00:00Z"),
        ("000101000000Z", 946_684_800, "2000-01-01T00:00:00Z"),
        ("991231235959Z", 946_684_799, "1999-12-31T23:59:59Z"),
        ("700101000000Z", 0, "1970-01-01T00:00:00Z"),
        ("910506234540Z", 673_573_540, "1991-05-06T23:45:40Z"),
        ("250102030405Z", 1_735_787_045, "2025-01-02T03:04:05Z"),
        ("000229120000Z", 951_825_600, "2000-02-29T12:00:00Z"),
        ("480229000000Z", 2_466_547_200, "2048-02-29T00:00:00Z"),
    ])
    func utcTimes(text: String, seconds: Int64, iso: String) throws {
        let time = try utc(text)
        #expect(time.secondsSinceEpoch == seconds)
        #expect(time.iso8601 == iso)
        #expect(time.description == iso)
        #expect(time.encoding == .utcTime)
    }

    @Test(arguments: [
        "910506164540-0700",  // Go: offsets are not DER
        "910506164540+0730",
        "9105062345Z",  // Go: seconds are required in DER
        "5105062345Z",
        "910506234540",
        "910506234540z",
        "910506234540Z ",
        "a10506234540Z", "91a506234540Z", "9105a6234540Z", "910506a34540Z", "910506334a40Z", "91050633444aZ",
        "910506334461Z", "910506334400Za",
        "000100000000Z", "101302030405Z", "100002030405Z", "100100030405Z", "100132030405Z", "100231030405Z",
        "100102240405Z", "100102036005Z", "100102030460Z",
        "-100102030410Z", "10-0102030410Z", "1001-02030410Z", "100102-030410Z",
        "+10102030405Z", " 10102030405Z",
        "230229000000Z",  // 2023 is not a leap year
        "490229000000Z",  // 2049 is not a leap year
        "240431000000Z",  // April has 30 days
        "",
    ])
    func utcTimeRejects(text: String) throws {
        let error = try #require(derError { _ = try utc(text) })
        #expect(error.code == .invalidValue)
        #expect(error.offset == 0)
        #expect(error.reason.hasPrefix("The UTCTime \"\(text)\" "))
    }

    // (GeneralizedTime, seconds since the epoch, ISO 8601)
    @Test(arguments: [
        ("20100102030405Z", Int64(1_262_401_445), "2010-01-02T03:04:05Z"),
        // X.690 11.7 allows a fraction in DER; RFC 5280 4.1.2.5.2 forbids one in certificates
        // and `cryptography` refuses it there. We decode it (the fraction is dropped) and
        // leave the RFC 5280 rule to a lint rule.
        ("20100102030405.123456Z", 1_262_401_445, "2010-01-02T03:04:05Z"),
        ("20100102030405.5Z", 1_262_401_445, "2010-01-02T03:04:05Z"),
        ("20100102030405.05Z", 1_262_401_445, "2010-01-02T03:04:05Z"),
        ("19500101000000Z", -631_152_000, "1950-01-01T00:00:00Z"),
        ("20500101000000Z", 2_524_608_000, "2050-01-01T00:00:00Z"),
        ("00010101000000Z", -62_135_596_800, "0001-01-01T00:00:00Z"),
        ("99991231235959Z", 253_402_300_799, "9999-12-31T23:59:59Z"),
        ("20240229000000Z", 1_709_164_800, "2024-02-29T00:00:00Z"),
        ("20000229000000Z", 951_782_400, "2000-02-29T00:00:00Z"),
        ("19000228235959Z", -2_203_891_201, "1900-02-28T23:59:59Z"),
        ("19000301000000Z", -2_203_891_200, "1900-03-01T00:00:00Z"),
        ("20240430000000Z", 1_714_435_200, "2024-04-30T00:00:00Z"),
        ("19691231235959Z", -1, "1969-12-31T23:59:59Z"),
        ("16010101000000Z", -11_644_473_600, "1601-01-01T00:00:00Z"),
    ])
    func generalizedTimes(text: String, seconds: Int64, iso: String) throws {
        let time = try generalized(text)
        #expect(time.secondsSinceEpoch == seconds)
        #expect(time.iso8601 == iso)
        #expect(time.encoding == .generalizedTime)
    }

    @Test(arguments: [
        "20100102030405",  // Go: no Z
        "20100102030405.123456",
        "20100102030405.Z",  // Go: a dot with no digits
        "20100102030405.",
        "20100102030405.10Z",  // DER: no trailing zero in the fraction
        "20100102030405.0Z",
        "20100102030405,5Z",  // ISO 8601's comma is not DER
        "20100102030405.1aZ",
        "20100102030405+0607",  // Go: offsets are not DER
        "20100102030405-0607",
        "201001020304Z",  // minutes only
        "2010010203Z",
        "20100102030405ZZ",
        "20100102030405z",
        "00000100000000Z", "20101302030405Z", "20100002030405Z", "20100100030405Z", "20100132030405Z",
        "20100231030405Z", "20100102240405Z", "20100102036005Z", "20100102030460Z",
        "-20100102030410Z", "2010-0102030410Z", "201001-02030410Z", "20100102-030410Z", "2010010203-0410Z",
        "20230229000000Z",  // not a leap year
        "19000229000000Z",  // 1900: divisible by 100, not by 400
        "21000229000000Z",
        "20240431000000Z", "20240631000000Z", "20240931000000Z", "20241131000000Z",  // 30-day months
        "20240101240000Z",  // hour 24
        "20240101000060Z",  // leap seconds are not representable
        "",
    ])
    func generalizedTimeRejects(text: String) throws {
        let error = try #require(derError { _ = try generalized(text) })
        #expect(error.code == .invalidValue)
        #expect(error.reason.hasPrefix("The GeneralizedTime \"\(text)\" "))
    }

    @Test func rejectionMessages() throws {
        #expect(
            derError { _ = try utc("2401011200Z") }?.reason
                == "The UTCTime \"2401011200Z\" is not of the form YYMMDDHHMMSSZ")
        #expect(
            derError { _ = try generalized("202401011200Z") }?.reason
                == "The GeneralizedTime \"202401011200Z\" is not of the form YYYYMMDDHHMMSSZ")
        #expect(
            derError { _ = try utc("2401a1120000Z") }?.reason
                == "The UTCTime \"2401a1120000Z\" has a non-digit in its date or time")
        #expect(
            derError { _ = try generalized("20240101120000.10Z") }?.reason
                == "The GeneralizedTime \"20240101120000.10Z\" is not of the form DER requires")
        #expect(
            derError { _ = try utc("240431000000Z") }?.reason
                == "The UTCTime \"240431000000Z\" is not a valid date and time")
    }

    @Test func errorOffsetIsTheContentOffset() throws {
        let bytes = Array("xx240431000000Z".utf8)
        let error = try #require(derError { _ = try DERTime(bytes, 2..<bytes.count, encoding: .utcTime, at: 40) })
        #expect(error.offset == 40)
    }

    // (seconds, year, month, day, hour, minute, second, ISO 8601), from Python's datetime.
    static let calendar: [(Int64, Int, Int, Int, Int, Int, Int, String)] = [
        (0, 1970, 1, 1, 0, 0, 0, "1970-01-01T00:00:00Z"),
        (-1, 1969, 12, 31, 23, 59, 59, "1969-12-31T23:59:59Z"),
        (59, 1970, 1, 1, 0, 0, 59, "1970-01-01T00:00:59Z"),
        (86399, 1970, 1, 1, 23, 59, 59, "1970-01-01T23:59:59Z"),
        (86400, 1970, 1, 2, 0, 0, 0, "1970-01-02T00:00:00Z"),
        (-86400, 1969, 12, 31, 0, 0, 0, "1969-12-31T00:00:00Z"),
        (-86401, 1969, 12, 30, 23, 59, 59, "1969-12-30T23:59:59Z"),
        (951782400, 2000, 2, 29, 0, 0, 0, "2000-02-29T00:00:00Z"),
        (951868800, 2000, 3, 1, 0, 0, 0, "2000-03-01T00:00:00Z"),
        (-2208988800, 1900, 1, 1, 0, 0, 0, "1900-01-01T00:00:00Z"),
        (-62135596800, 1, 1, 1, 0, 0, 0, "0001-01-01T00:00:00Z"),
        (253402300799, 9999, 12, 31, 23, 59, 59, "9999-12-31T23:59:59Z"),
        (1709164800, 2024, 2, 29, 0, 0, 0, "2024-02-29T00:00:00Z"),
        (2147483647, 2038, 1, 19, 3, 14, 7, "2038-01-19T03:14:07Z"),
        (2147483648, 2038, 1, 19, 3, 14, 8, "2038-01-19T03:14:08Z"),
        (-2147483648, 1901, 12, 13, 20, 45, 52, "1901-12-13T20:45:52Z"),
        (1234567890, 2009, 2, 13, 23, 31, 30, "2009-02-13T23:31:30Z"),
        (946684799, 1999, 12, 31, 23, 59, 59, "1999-12-31T23:59:59Z"),
        (946684800, 2000, 1, 1, 0, 0, 0, "2000-01-01T00:00:00Z"),
        (-11644473600, 1601, 1, 1, 0, 0, 0, "1601-01-01T00:00:00Z"),
        (32503680000, 3000, 1, 1, 0, 0, 0, "3000-01-01T00:00:00Z"),
        (4107542400, 2100, 3, 1, 0, 0, 0, "2100-03-01T00:00:00Z"),
        (-1000000000, 1938, 4, 24, 22, 13, 20, "1938-04-24T22:13:20Z"),
        (100000000000, 5138, 11, 16, 9, 46, 40, "5138-11-16T09:46:40Z"),
        (-30610224000, 1000, 1, 1, 0, 0, 0, "1000-01-01T00:00:00Z"),
    ]

    @Test(arguments: calendar)
    func componentsMatchPython(
        seconds: Int64, year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, iso: String
    ) throws {
        let time = DERTime(secondsSinceEpoch: seconds)
        let c = time.components
        #expect(c.year == year && c.month == month && c.day == day)
        #expect(c.hour == hour && c.minute == minute && c.second == second)
        #expect(time.iso8601 == iso)
        let built = try #require(DERTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
        #expect(built.secondsSinceEpoch == seconds)
        #expect(DERTime(iso8601: iso)?.secondsSinceEpoch == seconds)
    }

    // 1000 seeded random instants from 0001-01-01 to 9999-12-31: components, the calendar
    // initializer and the ISO 8601 text all round-trip; the digest of the components and the
    // first two texts match Python's datetime over the same instants.
    @Test func randomInstantsRoundTrip() throws {
        let low: Int64 = -62_135_596_800
        let span = UInt64(253_402_300_800 - low)
        var generator = SplitMix64(seed: 3339)
        var digest = 0
        var texts: [String] = []
        for _ in 0..<1000 {
            let seconds = low + Int64(generator.next() % span)
            let time = DERTime(secondsSinceEpoch: seconds)
            let c = time.components
            digest += c.year + c.month + c.day + c.hour + c.minute + c.second
            if texts.count < 2 { texts.append(time.iso8601) }
            let built = try #require(
                DERTime(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second))
            #expect(built.secondsSinceEpoch == seconds)
            #expect(DERTime(iso8601: time.iso8601) == time)
        }
        #expect(digest == 5_162_267)
        #expect(texts == ["6135-01-05T18:40:29Z", "3441-01-18T21:41:27Z"])
    }

    // Every day from 1899-12-25 to 2101-01-07, one after the other: the day after each date is
    // the next date, so no day is skipped or repeated across any month, leap day or century.
    @Test func consecutiveDays() throws {
        var previous = try #require(DERTime(year: 1899, month: 12, day: 25))
        var (year, month, day) = (1899, 12, 25)
        while year < 2101 || month < 2 && day < 8 {
            day += 1
            if day > DERTime.daysInMonth(year, month) {
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
            let next = try #require(DERTime(year: year, month: month, day: day))
            #expect(next.secondsSinceEpoch - previous.secondsSinceEpoch == 86_400)
            let c = next.components
            #expect(c.year == year && c.month == month && c.day == day)
            previous = next
        }
    }

    @Test(arguments: [
        ("2026-03-15T00:00:00Z", Int64(1_773_532_800)),
        ("2026-03-15", 1_773_532_800),
        ("2026-03-15 12:34:56Z", 1_773_578_096),
        ("1969-12-31T23:59:59Z", -1),
        ("2000-02-29T00:00:00Z", 951_782_400),
    ])
    func iso8601Parsing(text: String, seconds: Int64) {
        #expect(DERTime(iso8601: text)?.secondsSinceEpoch == seconds)
    }

    @Test(arguments: [
        "", "2026", "2026-03", "2026-3-15", "2026-03-5", "2026/03/15", "abcd-ef-gh",
        "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
        "2026-03-15T24:00:00Z", "2026-03-15T23:60:00Z", "2026-03-15T23:59:60Z",
        "2026-03-15T00:00:00", "2026-03-15T00:00:00+01:00", "2026-03-15T00:00:00.5Z",
        "2026-03-15t00:00:00Z", "2026-03-15T00:00:00z", "2026-03-15T00:00Z", "2026-03-15T0:00:00Z",
        " 2026-03-15", "2026-03-15 ", "+2026-03-15",
    ])
    func iso8601Rejects(text: String) {
        #expect(DERTime(iso8601: text) == nil)
    }

    @Test func calendarInitializerBounds() {
        #expect(DERTime(year: 2024, month: 0, day: 1) == nil)
        #expect(DERTime(year: 2024, month: 13, day: 1) == nil)
        #expect(DERTime(year: 2024, month: 1, day: 0) == nil)
        #expect(DERTime(year: 2024, month: 1, day: 32) == nil)
        #expect(DERTime(year: 2024, month: 1, day: 1, hour: 24) == nil)
        #expect(DERTime(year: 2024, month: 1, day: 1, hour: -1) == nil)
        #expect(DERTime(year: 2024, month: 1, day: 1, minute: 60) == nil)
        #expect(DERTime(year: 2024, month: 1, day: 1, second: 60) == nil)
        #expect(DERTime(year: 2024, month: 2, day: 29) != nil)
        #expect(DERTime(year: 2023, month: 2, day: 29) == nil)
    }

    @Test func leapYears() {
        #expect(DERTime.isLeapYear(2000))
        #expect(DERTime.isLeapYear(2024))
        #expect(DERTime.isLeapYear(1600))
        #expect(!DERTime.isLeapYear(1900))
        #expect(!DERTime.isLeapYear(2100))
        #expect(!DERTime.isLeapYear(2023))
    }

    // The encoding is a detail of the certificate, not of the instant.
    @Test func equalityIgnoresEncoding() throws {
        let a = try utc("500101000000Z")
        let b = try generalized("19500101000000Z")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.encoding != b.encoding)
        let later = try generalized("19500101000001Z")
        #expect(a < later)
        #expect(!(later < a))
        #expect([later, a].sorted() == [a, later])
    }
}
