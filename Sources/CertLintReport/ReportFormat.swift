import CertLintCore

/// The output formats of `--format`, each with its reporter.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Compiler-style lines (`path:line:column: severity: message [rule-id]`) and a summary.
    case text
    /// The whole report as stable JSON.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// JUnit XML, for GitLab and Jenkins test reports.
    case junit
    /// GitHub Actions workflow commands (`::error file=…::message`).
    case github

    /// The reporter that writes this format (SARIF with its default 25,000-result cap).
    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .junit: return JUnitReporter()
        case .github: return GitHubReporter()
        }
    }

    /// Renders `report` in this format.
    public func render(_ report: LintReport, options: ReportOptions = ReportOptions()) -> String {
        reporter.render(report, options: options)
    }
}
