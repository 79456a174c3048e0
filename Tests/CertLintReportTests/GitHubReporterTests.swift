import CertLintCore
import Testing

@testable import CertLintReport

/// GitHub Actions workflow commands against golden files.
@Suite struct GitHubReporterTests {
    @Test func sampleMatchesGolden() {
        expectGolden("report-sample.github", GitHubReporter().render(SampleReports.sample, options: ReportOptions()))
    }

    @Test func quietMatchesGolden() {
        expectGolden("report-sample-quiet.github", GitHubReporter().render(SampleReports.sample, options: ReportOptions(quiet: true)))
    }

    @Test func cleanMatchesGolden() {
        expectGolden("report-clean.github", GitHubReporter().render(SampleReports.clean, options: ReportOptions()))
    }

    @Test func oneCommandPerUnsuppressedFindingAndOneLineEach() {
        let text = GitHubReporter().render(SampleReports.sample, options: ReportOptions())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(!text.contains("\r"))
    }

    @Test func commandShape() {
        let finding = Finding(
            ruleID: "server-eku", severity: .note, message: "50% done,\nnext: more",
            location: CertLintCore.SourceLocation(path: "a,b:c.conf"), fingerprint: "x")
        #expect(GitHubReporter.command(for: finding) == "::notice file=a%2Cb%3Ac.conf,line=1,title=certlint%3A server-eku::50%25 done,%0Anext: more")
    }
}
