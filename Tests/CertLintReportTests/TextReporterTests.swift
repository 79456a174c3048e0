import CertLintCore
import Testing

@testable import CertLintReport

/// The text format against golden files, and its options.
@Suite struct TextReporterTests {
    @Test func sampleMatchesGolden() {
        expectGolden("report-sample.txt", TextReporter().render(SampleReports.sample, options: ReportOptions()))
    }

    @Test func cleanMatchesGolden() {
        expectGolden("report-clean.txt", TextReporter().render(SampleReports.clean, options: ReportOptions()))
    }

    @Test func showSuppressedMatchesGolden() {
        expectGolden(
            "report-sample-suppressed.txt", TextReporter().render(SampleReports.sample, options: ReportOptions(showSuppressed: true)))
    }

    @Test func quietMatchesGolden() {
        expectGolden(
            "report-sample-quiet.txt", TextReporter().render(SampleReports.sample, options: ReportOptions(quiet: true, failOn: .warning)))
    }

    @Test func colorMatchesGolden() {
        expectGolden("report-sample-color.txt", TextReporter().render(SampleReports.sample, options: ReportOptions(color: true)))
    }

    @Test func noEscapeSequencesWithoutColor() {
        let text = TextReporter().render(SampleReports.sample, options: ReportOptions(showSuppressed: true))
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(!text.contains("\r"))
    }

    @Test func everyDiagnosticLineIsCompilerStyle() throws {
        let text = TextReporter().render(SampleReports.sample, options: ReportOptions())
        let lines = text.split(separator: "\n").map(String.init)
        let pattern = try Regex(#"^(    )?.+:[0-9]+:[0-9]+: (error|warning|note): "#)
        for line in lines.dropLast() {
            #expect(line.firstMatch(of: pattern) != nil, "not compiler style: \(line)")
        }
        #expect(lines.last?.hasPrefix("certlint: ") == true)
        // Line and column default to 1 when the location has neither.
        #expect(lines.contains { $0.hasPrefix("certs/legacy.der:1:1: warning: ") })
        #expect(lines.contains { $0.hasPrefix("certs/weird.pem:3:1: warning: ") })
    }

    @Test func quietWithoutThresholdShowsEveryUnsuppressedFinding() {
        let text = TextReporter().render(SampleReports.sample, options: ReportOptions(quiet: true, failOn: nil))
        #expect(text.split(separator: "\n").filter { !$0.hasPrefix("    ") }.count == 7)
        #expect(!text.contains("certlint: "))
    }

    @Test func suppressedFindingsAreDimmedInColourAndHiddenWhenQuiet() {
        let coloured = TextReporter().render(SampleReports.sample, options: ReportOptions(color: true, showSuppressed: true))
        let suppressed = coloured.split(separator: "\n").filter { $0.contains("suppressed warning:") || $0.contains("suppressed error:") }
        #expect(suppressed.count == 2)
        #expect(suppressed.allSatisfy { $0.hasPrefix("\u{1B}[2m") && $0.hasSuffix("\u{1B}[0m") && !$0.dropFirst(4).contains("\u{1B}[1") })
        let quiet = TextReporter().render(SampleReports.sample, options: ReportOptions(quiet: true, showSuppressed: true))
        #expect(!quiet.contains("suppressed"))
    }

    @Test func quietCleanRunPrintsNothing() {
        #expect(TextReporter().render(SampleReports.clean, options: ReportOptions(quiet: true)) == "")
    }

    @Test(arguments: [
        (Severity?.some(.error), "3 errors, 3 warnings, 1 note (2 suppressed); failed (--fail-on error)"),
        (.some(.warning), "; failed (--fail-on warning)"),
        (nil, "; passed (--fail-on never)"),
    ])
    func summarySaysWhetherTheRunFails(failOn: Severity?, expected: String) {
        let line = TextReporter.summaryLine(SampleReports.sample, options: ReportOptions(failOn: failOn))
        #expect(line.hasSuffix(expected), "\(line)")
    }

    @Test func summaryShowsTimeOnlyWhenSet() {
        var report = SampleReports.clean
        #expect(!TextReporter.summaryLine(report, options: ReportOptions()).contains(" in "))
        report.summary.seconds = 0.1234
        #expect(
            TextReporter.summaryLine(report, options: ReportOptions())
                == "certlint: 2 files, 1 certificate, 1 usage: 0 errors, 0 warnings, 0 notes in 0.12s; passed (--fail-on error)")
        report.summary.seconds = 3.999
        #expect(TextReporter.summaryLine(report, options: ReportOptions()).contains(" in 4.00s;"))
        report.summary.seconds = .nan
        #expect(!TextReporter.summaryLine(report, options: ReportOptions()).contains(" in "))
    }
}
