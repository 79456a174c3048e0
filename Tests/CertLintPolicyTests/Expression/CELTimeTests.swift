import Testing

@testable import CertLintPolicy

extension ExpressionTests {
    @Suite struct CELTimeTests {
        @Test(arguments: [
            ("1970-01-01T00:00:00Z", Int64(0)), ("2009-02-13T23:31:30Z", 1_234_567_890), ("2026-03-15T00:00:00Z", 1_773_532_800),
            ("2026-03-15t00:00:00z", 1_773_532_800), ("2026-03-15T01:30:00+01:30", 1_773_532_800), ("2026-03-14T19:00:00-05:00", 1_773_532_800),
            ("2026-03-15T00:00:00.123456789Z", 1_773_532_800), ("1969-12-31T23:59:59Z", -1), ("0001-01-01T00:00:00Z", CELTime.minTimestamp),
            ("9999-12-31T23:59:59Z", CELTime.maxTimestamp), ("2000-02-29T12:00:00Z", 951_825_600), ("2024-12-31T23:59:59Z", 1_735_689_599),
        ])
        func validTimestamps(text: String, seconds: Int64) {
            #expect(CELTime.parseTimestamp(text) == seconds)
        }

        @Test(arguments: [
            "", "2026-03-15", "2026-03-15T00:00:00", "2026-03-15T00:00Z", "2026-3-15T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-03-15T24:00:00Z",
            "2026-03-15T00:60:00Z", "2026-03-15T00:00:60Z", "2026-03-15T00:00:00.Z", "2026-03-15T00:00:00.1234567890Z",
            "2026-03-15T00:00:00+24:00", "2026-03-15T00:00:00+0100", "2026-03-15T00:00:00Zjunk", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "２０２６-03-15T00:00:00Z",
        ])
        func invalidTimestamps(text: String) {
            #expect(CELTime.parseTimestamp(text) == nil, "\(text)")
        }

        @Test(arguments: [
            ("0", Int64(0)), ("0s", 0), ("1s", 1), ("1m", 60), ("1h", 3600), ("720h", 2_592_000), ("1h30m", 5400), ("1h30m15s", 5415),
            ("-1h", -3600), ("+1h", 3600), ("1.5h", 5400), (".5m", 30), ("1500ms", 1), ("999ms", 0), ("1000000us", 1), ("1000000µs", 1),
            ("1000000000ns", 1), ("30d", 2_592_000), ("-1.5s", -1), ("315576000000s", CELTime.maxDuration),
        ])
        func validDurations(text: String, seconds: Int64) {
            #expect(CELTime.parseDuration(text) == seconds, "\(text)")
        }

        @Test(arguments: [
            "", "-", "h", "1", "1x", "1 h", "1h 30m", "..5h", "1hh", "315576000001s", "99999999999999999999h", "9223372036854775807h",
            "1e3s",
        ])
        func invalidDurations(text: String) {
            #expect(CELTime.parseDuration(text) == nil, "\(text)")
        }

        @Test func formatting() {
            #expect(CELTime.format(timestamp: 0) == "1970-01-01T00:00:00Z")
            #expect(CELTime.format(timestamp: -1) == "1969-12-31T23:59:59Z")
            #expect(CELTime.format(timestamp: CELTime.minTimestamp) == "0001-01-01T00:00:00Z")
            #expect(CELTime.format(timestamp: CELTime.maxTimestamp) == "9999-12-31T23:59:59Z")
            #expect(CELTime.format(duration: 90) == "90s")
        }

        @Test func calendarRoundTrips() {
            // Every day from 1900 to 2100 round-trips through the civil-date conversions.
            var previous: (Int64, Int64, Int64)?
            for day in Int64(-25_567)...Int64(47_482) {
                let date = CELTime.civilFromDays(day)
                #expect(CELTime.daysFromCivil(year: date.year, month: date.month, day: date.day) == day)
                if let previous, previous.0 == date.year {
                    #expect(date.month > previous.1 || (date.month == previous.1 && date.day == previous.2 + 1))
                }
                previous = date
            }
        }
    }
}
