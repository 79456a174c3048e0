import CertLintCore

/// The whole report as stable JSON: keys sorted, two-space indentation, absent values as
/// `null`, every finding (suppressed ones with their `suppression`), every rule that ran.
///
/// ```text
/// { "version": 1, "tool": {"name", "version"}, "evaluatedAt",
///   "findings": [{ "ruleId", "severity", "message", "location": {"path", "line", "column", "byteOffset"},
///                  "relatedLocations": [{"location", "message"}], "fingerprint",
///                  "certificateFingerprint", "suppression": {"kind", "justification", "expires"} | null }],
///   "rules": [{ "id", "pack", "summary", "rationale", "help", "severity", "references" }],
///   "summary": { "files", "certificates", "usages", "errors", "warnings", "notes", "suppressed",
///                "failOn", "failed", "milliseconds" (only when timed) } }
/// ```
///
/// `version` is the version of this layout; it changes only when a field is renamed or removed.
public struct JSONReporter: Reporter {
    /// The version of the JSON layout written in `version`.
    public static let formatVersion = 1

    /// Creates the reporter.
    public init() {}

    /// The JSON text of `report`, ending with a newline.
    public func render(_ report: LintReport, options: ReportOptions) -> String {
        Self.value(of: report, options: options).serialized(pretty: true)
    }

    /// The report as a JSON value (for callers that embed it in something larger).
    public static func value(of report: LintReport, options: ReportOptions) -> JSONValue {
        .object([
            "version": .int(formatVersion),
            "tool": .object(["name": .string("certlint"), "version": .string(report.toolVersion)]),
            "evaluatedAt": .string(report.evaluatedAt),
            "findings": .array(report.findings.map(value(of:))),
            "rules": .array(report.rules.map(value(of:))),
            "summary": summary(report, options: options),
        ])
    }

    static func value(of finding: Finding) -> JSONValue {
        .object([
            "ruleId": .string(finding.ruleID),
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "location": value(of: finding.location),
            "relatedLocations": .array(
                finding.relatedLocations.map { .object(["location": value(of: $0.location), "message": .string($0.message)]) }),
            "fingerprint": .string(finding.fingerprint),
            "certificateFingerprint": .optional(finding.certificateFingerprint),
            "suppression": finding.suppression.map { suppression in
                .object([
                    "kind": .string(suppression.kind.rawValue),
                    "justification": .string(suppression.justification),
                    "expires": .optional(suppression.expires),
                ])
            } ?? .null,
        ])
    }

    static func value(of location: SourceLocation) -> JSONValue {
        .object([
            "path": .string(location.path),
            "line": .optional(location.line),
            "column": .optional(location.column),
            "byteOffset": .optional(location.byteOffset),
        ])
    }

    static func value(of rule: RuleDescriptor) -> JSONValue {
        .object([
            "id": .string(rule.id),
            "pack": .string(rule.pack),
            "summary": .string(rule.summary),
            "rationale": .optional(rule.rationale),
            "help": .optional(rule.help),
            "severity": .string(rule.severity.rawValue),
            "references": .strings(rule.references),
        ])
    }

    static func summary(_ report: LintReport, options: ReportOptions) -> JSONValue {
        let tally = ReportTally(report.findings)
        var members: [String: JSONValue] = [
            "files": .int(report.summary.files),
            "certificates": .int(report.summary.certificates),
            "usages": .int(report.summary.usages),
            "errors": .int(tally.errors),
            "warnings": .int(tally.warnings),
            "notes": .int(tally.notes),
            "suppressed": .int(tally.suppressed),
            "failOn": .string(options.failOnName),
            "failed": .bool(tally.fails(failOn: options.failOn)),
        ]
        if let seconds = report.summary.seconds, seconds.isFinite, seconds >= 0, seconds < 1e12 {
            members["milliseconds"] = .int(Int((seconds * 1000).rounded()))
        }
        return .object(members)
    }
}
