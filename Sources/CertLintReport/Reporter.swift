import CertLintCore

/// Turns a ``LintReport`` into the text of one output format.
///
/// Reporters see findings only (never certificates, keys or rules' expressions), keep the
/// order the report gives (sorted by location, then rule), and are deterministic: the same
/// report and options give the same bytes, with no timestamp other than the report's own
/// `evaluatedAt` and, when the caller sets it, `summary.seconds`.
public protocol Reporter: Sendable {
    /// The complete output for `report`, ending with a newline unless it is empty.
    func render(_ report: LintReport, options: ReportOptions) -> String
}
