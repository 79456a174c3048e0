import CertLintCore

/// How a report is rendered; the caller (the CLI) decides each of these.
///
/// - `color` only matters to the text format, and the caller sets it only when certlint's
///   standard output is a terminal (or `--color always`).
/// - `quiet` trims the human-facing formats (text and GitHub annotations): no summary line,
///   and only the findings that make the run fail (at or above `failOn`; every unsuppressed
///   finding when `failOn` is `nil`). JSON, SARIF and JUnit are records for machines and are
///   never trimmed.
/// - `failOn` is the threshold of `--fail-on`: the summary line, the JSON summary and the
///   JUnit pass/fail status all say whether the run fails at it. `nil` means `never`.
public struct ReportOptions: Sendable, Hashable {
    /// Whether to colour the text format with ANSI escapes (bold path, coloured severity).
    public var color: Bool
    /// Whether to leave out the summary line and findings below the failure threshold.
    public var quiet: Bool
    /// The lowest severity that fails the run, or `nil` for `--fail-on never`.
    public var failOn: Severity?
    /// Whether the text format lists suppressed findings (dimmed, marked `suppressed`);
    /// by default they are left out and only counted in the summary.
    public var showSuppressed: Bool
    /// The project's home page, written as SARIF `tool.driver.informationUri` when set.
    public var informationURI: String?
    /// The absolute `file:` URI of the repository root, written as the SARIF
    /// `originalUriBaseIds["%SRCROOT%"].uri` when set. Left out by default so that output does
    /// not depend on where the repository is checked out.
    public var sourceRootURI: String?

    /// Creates options; the defaults are those of `certlint` writing to a file or a pipe.
    public init(
        color: Bool = false, quiet: Bool = false, failOn: Severity? = .error, showSuppressed: Bool = false,
        informationURI: String? = nil, sourceRootURI: String? = nil
    ) {
        self.color = color
        self.quiet = quiet
        self.failOn = failOn
        self.showSuppressed = showSuppressed
        self.informationURI = informationURI
        self.sourceRootURI = sourceRootURI
    }

    /// Whether `finding` makes the run fail at this threshold (suppressed findings never do).
    public func fails(_ finding: Finding) -> Bool {
        guard let failOn, !finding.isSuppressed else { return false }
        return finding.severity >= failOn
    }

    /// Whether a human-facing format (text, GitHub annotations) shows an unsuppressed finding.
    func showsUnsuppressed(_ finding: Finding) -> Bool {
        guard quiet, failOn != nil else { return true }
        return fails(finding)
    }

    /// `--fail-on` as the user writes it: `error`, `warning`, `note` or `never`.
    var failOnName: String { failOn?.rawValue ?? "never" }
}
