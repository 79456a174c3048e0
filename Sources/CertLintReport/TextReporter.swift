import CertLintCore

/// Compiler-style text, the format Xcode, editors and CI logs parse:
///
/// ```text
/// deploy/nginx.conf:12:5: error: api.example.com is served … lacks serverAuth [server-eku]
///     certs/api.pem:1:1: note: the certificate
/// certlint: 3 files, 4 certificates, 2 usages: 1 error, 2 warnings, 0 notes (1 suppressed); failed (--fail-on error)
/// ```
///
/// One line per unsuppressed finding (line and column default to 1), then one indented `note:`
/// line per related location, then the summary line. Messages are folded onto one line and
/// their control characters made visible (``Escape/terminalLine(_:)``), so hostile text cannot
/// forge a diagnostic or drive the terminal.
///
/// Suppressed findings are left out and counted in the summary; with
/// ``ReportOptions/showSuppressed`` they are listed as
/// `path:line:column: suppressed warning: message [rule-id] (waiver until 2026-09-30: reason)`
/// (dimmed in colour), a severity word no diagnostic parser counts.
///
/// The summary says `in 0.12s` only when `summary.seconds` is set, and ends with whether the
/// run fails at ``ReportOptions/failOn``. ``ReportOptions/quiet`` drops the summary and the
/// findings that do not fail the run.
public struct TextReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// The text of `report`: one line per finding and its notes, then the summary line.
    public func render(_ report: LintReport, options: ReportOptions) -> String {
        let style = Style(enabled: options.color)
        var out = ""
        for finding in report.findings {
            if finding.isSuppressed {
                guard options.showSuppressed, !options.quiet else { continue }
            } else {
                guard options.showsUnsuppressed(finding) else { continue }
            }
            for line in Self.lines(for: finding, style: style) { out += line + "\n" }
        }
        if !options.quiet {
            out += Self.summaryLine(report, options: options, style: style) + "\n"
        }
        return out
    }

    /// The summary line without colour, as the text format ends:
    /// `certlint: 3 files, 4 certificates, 2 usages: 1 error, 2 warnings, 0 notes (1 suppressed); failed (--fail-on error)`.
    public static func summaryLine(_ report: LintReport, options: ReportOptions) -> String {
        summaryLine(report, options: options, style: Style(enabled: false))
    }

    private static func summaryLine(_ report: LintReport, options: ReportOptions, style: Style) -> String {
        let tally = ReportTally(report.findings)
        let summary = report.summary
        var line = "certlint: " + counted(summary.files, "file") + ", " + counted(summary.certificates, "certificate")
        line += ", " + counted(summary.usages, "usage") + ": "
        line += counted(tally.errors, "error") + ", " + counted(tally.warnings, "warning") + ", " + counted(tally.notes, "note")
        if tally.suppressed > 0 { line += " (\(tally.suppressed) suppressed)" }
        if let seconds = summary.seconds.flatMap(decimalSeconds) { line += " in " + seconds + "s" }
        let failed = tally.fails(failOn: options.failOn)
        line += "; " + (failed ? style.failed("failed") : style.passed("passed")) + " (--fail-on \(options.failOnName))"
        return line
    }

    /// `waiver until 2026-09-30: reason` or `inline: reason`.
    static func describe(_ suppression: Suppression) -> String {
        var text = suppression.kind.rawValue
        if let expires = suppression.expires { text += " until " + Escape.terminalLine(expires) }
        return text + ": " + Escape.terminalLine(suppression.justification)
    }

    /// `0.12`: seconds with two decimals, without Foundation; `nil` for a value that is not a
    /// duration.
    static func decimalSeconds(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 1e12 else { return nil }
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) " + noun + (count == 1 ? "" : "s")
    }

    /// The lines of one finding: the diagnostic, then one indented `note:` per related location.
    /// A suppressed finding reads `suppressed warning:` and is dimmed as a whole.
    static func lines(for finding: Finding, style: Style) -> [String] {
        let rule = " [" + Escape.terminalLine(finding.ruleID) + "]"
        guard let suppression = finding.suppression else {
            var lines = [
                location(finding.location, style: style) + ": " + style.severity(finding.severity) + ": "
                    + Escape.terminalLine(finding.message) + rule
            ]
            for related in finding.relatedLocations {
                lines.append("    " + location(related.location, style: style) + ": " + style.severity(.note) + ": " + Escape.terminalLine(related.message))
            }
            return lines
        }
        let plain = Style(enabled: false)
        var lines = [
            location(finding.location, style: plain) + ": suppressed " + finding.severity.rawValue + ": "
                + Escape.terminalLine(finding.message) + rule + " (" + describe(suppression) + ")"
        ]
        for related in finding.relatedLocations {
            lines.append("    " + location(related.location, style: plain) + ": note: " + Escape.terminalLine(related.message))
        }
        return lines.map(style.dim)
    }

    /// `path:line:column`, line and column defaulting to 1, the path made safe for a terminal.
    static func location(_ location: SourceLocation, style: Style) -> String {
        style.bold(Escape.terminalLine(location.path) + ":\(location.line ?? 1):\(location.column ?? 1)")
    }

    /// ANSI styling, or none.
    struct Style {
        let enabled: Bool

        func bold(_ text: String) -> String { wrap(text, "1") }
        func dim(_ text: String) -> String { wrap(text, "2") }
        func failed(_ text: String) -> String { wrap(text, "1;31") }
        func passed(_ text: String) -> String { wrap(text, "1;32") }

        func severity(_ severity: Severity) -> String {
            switch severity {
            case .error: return wrap("error", "1;31")
            case .warning: return wrap("warning", "1;33")
            case .note: return wrap("note", "1;36")
            }
        }

        private func wrap(_ text: String, _ code: String) -> String {
            enabled ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
        }
    }
}
