import CertLintCore

/// GitHub Actions workflow commands, one per unsuppressed finding, which the runner turns into
/// annotations on the run and on the pull request's changed lines:
///
/// ```text
/// ::error file=deploy/nginx.conf,line=12,col=5,title=certlint%3A server-eku::api.example.com … lacks serverAuth
/// ```
///
/// `error`, `warning` and `notice` (for `note`). `line` defaults to 1; `col` is written only
/// when the column is known. Related locations follow the message on lines of their own
/// (`path:line:column: note: the certificate`), which GitHub shows under the annotation.
/// Escaping follows the runner: `%`, CR and LF in the message; also `:` and `,` in properties
/// (``Escape/gitHubMessage(_:)``, ``Escape/gitHubProperty(_:)``). Suppressed findings are left
/// out; ``ReportOptions/quiet`` also leaves out the findings that do not fail the run. GitHub
/// shows at most 10 annotations of each level per step: SARIF is the complete channel.
public struct GitHubReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// One workflow command per finding, each ending with a newline.
    public func render(_ report: LintReport, options: ReportOptions) -> String {
        var out = ""
        for finding in report.findings where !finding.isSuppressed && options.showsUnsuppressed(finding) {
            out += Self.command(for: finding) + "\n"
        }
        return out
    }

    /// The workflow command for one finding.
    public static func command(for finding: Finding) -> String {
        var properties = ["file=" + Escape.gitHubProperty(finding.location.path), "line=\(max(1, finding.location.line ?? 1))"]
        if let column = finding.location.column { properties.append("col=\(max(1, column))") }
        properties.append("title=" + Escape.gitHubProperty("certlint: " + finding.ruleID))
        var message = finding.message
        for related in finding.relatedLocations {
            message += "\n" + related.location.description + ": note: " + related.message
        }
        return "::" + command(for: finding.severity) + " " + properties.joined(separator: ",") + "::" + Escape.gitHubMessage(message)
    }

    /// `error`, `warning` or `notice`.
    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }
}
