import CertLintCore

/// JUnit XML for GitLab's test reports and Jenkins' JUnit plugin.
///
/// One `<testsuites>` holding one `<testsuite name="certlint">`, with these test cases:
///
/// - one per (rule, file) that has findings: `classname` the rule's pack, `name`
///   `rule-id: path`, and `file` the path. GitLab keys a test case by suite, classname and
///   name, shows `name` and `file` in its table, and lists each failed case in the merge
///   request widget; a case per file means "newly failed" and "fixed" follow individual files
///   from pipeline to pipeline, and each failure's text holds only that file's findings.
///   GitLab reads one `<failure>` per case, so all of a file's findings for a rule go in one.
/// - one per rule that ran without findings: `classname` the pack, `name` the rule id. It
///   passes, so a clean run is every test passing and the count of tests stays meaningful.
///
/// A case *fails* when it holds a finding that fails the run (at or above
/// ``ReportOptions/failOn``): JUnit has no warning level, so the test status mirrors the exit
/// status and a passing pipeline never shows failed tests. A case whose findings are all
/// below the threshold passes and carries them in `<system-out>`; a case whose findings are
/// all suppressed is `<skipped>` with the justification. The failure text (and the output)
/// lists every finding of the case as the text format does, `path:line:column: severity:
/// message [rule-id]`, with its notes. The `tests`, `failures`, `errors` (always 0) and
/// `skipped` attributes count these cases; `time` is `summary.seconds` when set, else 0.
public struct JUnitReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    /// One test case: a rule over one file, or a rule that found nothing.
    struct Case {
        enum Status { case passed, failed, skipped }

        var classname: String
        var name: String
        var file: String?
        var findings: [Finding]
        var status: Status
    }

    /// The XML document for `report`, ending with a newline.
    public func render(_ report: LintReport, options: ReportOptions) -> String {
        let cases = Self.cases(report, options: options)
        let failures = cases.filter { $0.status == .failed }.count
        let skipped = cases.filter { $0.status == .skipped }.count
        let time = report.summary.seconds.flatMap(TextReporter.decimalSeconds) ?? "0"
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(time)\""

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"certlint\" " + counts + ">\n"
        out += "  <testsuite name=\"certlint\" " + counts + ">\n"
        out += "    <properties>\n"
        out += Self.property("certlint.version", report.toolVersion)
        out += Self.property("certlint.evaluatedAt", report.evaluatedAt)
        out += Self.property("certlint.failOn", options.failOnName)
        out += "    </properties>\n"
        for testCase in cases {
            out += Self.element(testCase, options: options)
        }
        let summary = TextReporter.summaryLine(report, options: options)
        out += "    <system-out>" + Escape.xmlText(summary) + "</system-out>\n"
        out += "  </testsuite>\n"
        out += "</testsuites>\n"
        return out
    }

    /// The test cases, sorted by rule id, then path (a rule without findings first).
    static func cases(_ report: LintReport, options: ReportOptions) -> [Case] {
        var packs: [String: String] = [:]
        for rule in report.rules where packs[rule.id] == nil { packs[rule.id] = rule.pack }

        struct Key: Hashable {
            var rule: String
            var path: String
        }
        var groups: [Key: [Finding]] = [:]
        var rulesWithFindings: Set<String> = []
        for finding in report.findings {
            groups[Key(rule: finding.ruleID, path: finding.location.path), default: []].append(finding)
            rulesWithFindings.insert(finding.ruleID)
        }

        var cases: [(key: Key, value: Case)] = []
        for (key, findings) in groups {
            let status: Case.Status
            if findings.contains(where: options.fails) {
                status = .failed
            } else if findings.allSatisfy(\.isSuppressed) {
                status = .skipped
            } else {
                status = .passed
            }
            let testCase = Case(
                classname: packs[key.rule] ?? "certlint", name: key.rule + ": " + key.path, file: key.path,
                findings: findings, status: status)
            cases.append((key, testCase))
        }
        for (rule, pack) in packs where !rulesWithFindings.contains(rule) {
            cases.append((Key(rule: rule, path: ""), Case(classname: pack, name: rule, file: nil, findings: [], status: .passed)))
        }
        return cases.sorted { a, b in
            a.key.rule != b.key.rule ? a.key.rule < b.key.rule : a.key.path < b.key.path
        }.map(\.value)
    }

    static func element(_ testCase: Case, options: ReportOptions) -> String {
        var open = "    <testcase classname=\"" + Escape.xmlAttribute(testCase.classname) + "\" name=\""
            + Escape.xmlAttribute(testCase.name) + "\""
        if let file = testCase.file { open += " file=\"" + Escape.xmlAttribute(file) + "\"" }
        open += " time=\"0\""
        let plain = TextReporter.Style(enabled: false)
        let body = testCase.findings.flatMap { TextReporter.lines(for: $0, style: plain) }.joined(separator: "\n")
        switch testCase.status {
        case .passed where testCase.findings.isEmpty:
            return open + "/>\n"
        case .passed:
            return open + ">\n      <system-out>" + Escape.xmlText(body) + "</system-out>\n    </testcase>\n"
        case .failed:
            let failing = testCase.findings.filter(options.fails)
            let worst = failing.map(\.severity).max() ?? .error
            let first = failing.first(where: { $0.severity == worst }).map { Escape.terminalLine($0.message) } ?? ""
            let message = failing.count == 1 ? first : first + " (and \(failing.count - 1) more)"
            return open + ">\n      <failure message=\"" + Escape.xmlAttribute(message) + "\" type=\"" + worst.rawValue + "\">"
                + Escape.xmlText(body) + "</failure>\n    </testcase>\n"
        case .skipped:
            let message: String
            if testCase.findings.count == 1, let suppression = testCase.findings[0].suppression {
                message = "suppressed: " + TextReporter.describe(suppression)
            } else {
                message = "\(testCase.findings.count) suppressed findings"
            }
            return open + ">\n      <skipped message=\"" + Escape.xmlAttribute(message) + "\">" + Escape.xmlText(body)
                + "</skipped>\n    </testcase>\n"
        }
    }

    static func property(_ name: String, _ value: String) -> String {
        "      <property name=\"" + Escape.xmlAttribute(name) + "\" value=\"" + Escape.xmlAttribute(value) + "\"/>\n"
    }
}
