import CertLintCore
import Foundation
import Testing

@testable import CertLintReport

/// The JSON format against golden files; it parses and keeps every field.
@Suite struct JSONReporterTests {
    @Test func sampleMatchesGolden() {
        expectGolden("report-sample.json", JSONReporter().render(SampleReports.sample, options: ReportOptions()))
    }

    @Test func cleanMatchesGolden() {
        expectGolden("report-clean.json", JSONReporter().render(SampleReports.clean, options: ReportOptions()))
    }

    @Test func parsesAndKeepsSuppressedFindings() throws {
        let text = JSONReporter().render(SampleReports.sample, options: ReportOptions(quiet: true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == SampleReports.findings.count)
        #expect(findings.filter { $0["suppression"] is [String: Any] }.count == 2)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 3)
        #expect(summary["suppressed"] as? Int == 2)
        #expect(summary["failed"] as? Bool == true)
        #expect(summary["milliseconds"] == nil)
        let message = try #require(findings[5]["message"] as? String)
        #expect(message == SampleReports.findings[5].message)
        #expect(message.contains("\n"))
    }

    @Test func timingIsInMilliseconds() {
        var report = SampleReports.clean
        report.summary.seconds = 0.1234
        #expect(JSONReporter().render(report, options: ReportOptions()).contains("\"milliseconds\": 123,"))
    }
}
