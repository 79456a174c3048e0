import CertLintCore
import Testing

@testable import CertLintReport

/// The format list, the tally, and determinism across formats.
@Suite struct ReportFormatTests {
    @Test func formatNamesAreTheCommandLineWords() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "junit", "github"])
    }

    @Test(arguments: ReportFormat.allCases)
    func renderingIsDeterministic(format: ReportFormat) {
        let first = format.render(SampleReports.sample)
        #expect(first == format.render(SampleReports.sample))
        #expect(first == format.reporter.render(SampleReports.sample, options: ReportOptions()))
    }

    @Test func tallyCountsUnsuppressedBySeverity() {
        let tally = ReportTally(SampleReports.findings)
        #expect(tally == ReportTally(errors: 3, warnings: 3, notes: 1, suppressed: 2))
        #expect(tally.fails(failOn: .error))
        #expect(!tally.fails(failOn: nil))
        let onlySuppressed = ReportTally(SampleReports.findings.filter(\.isSuppressed))
        #expect(!onlySuppressed.fails(failOn: .note))
        let onlyNotes = ReportTally(SampleReports.findings.filter { $0.severity == .note })
        #expect(onlyNotes.fails(failOn: .note))
        #expect(!onlyNotes.fails(failOn: .warning))
    }

    @Test func optionsFailOnlyUnsuppressedFindingsAtTheThreshold() {
        let options = ReportOptions(failOn: .warning)
        #expect(SampleReports.findings.filter(options.fails).map(\.ruleID) == [
            "waiver-expired", "validity-max-days", "validity-max-days", "subject-printable", "server-eku", "server-eku",
        ])
    }
}
