import CertLintCore

/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules that ran (and any rule a
/// finding names that the report does not describe) in `tool.driver.rules`, one result per
/// finding with a repository-relative, percent-encoded URI under `%SRCROOT%`, a region whose
/// `startLine` is at least 1, related locations with ids, a `partialFingerprints` entry
/// `certlintFingerprint/v1` (the finding's stable fingerprint), and `suppressions` for waived
/// (`external`) and inline-ignored (`inSource`) findings, which GitHub then shows as dismissed.
///
/// GitHub's limits are kept: at most ``maximumResults`` results per run (25,000) and 1,000
/// related locations per result. Over the cap, the results kept are chosen unsuppressed first,
/// then by severity (errors first), then in report order; the run's `properties` say
/// `resultsTruncated`, `totalResults` and `omittedResults`, and an invocation carries a warning
/// notification saying so (GitHub shows it on the tool's status page).
public struct SARIFReporter: Reporter {
    /// GitHub code scanning's limit on results in one run.
    public static let gitHubResultLimit = 25_000
    /// GitHub code scanning's limit on related locations in one result.
    public static let gitHubRelatedLocationLimit = 1_000
    /// The `$schema` written at the top of the log.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of the fingerprint in each result's `partialFingerprints`.
    public static let fingerprintKey = "certlintFingerprint/v1"
    /// The URI base id every artifact location is relative to: the repository root.
    public static let sourceRootBaseID = "%SRCROOT%"

    /// The most results written in the run.
    public var maximumResults: Int

    /// Creates the reporter; `maximumResults` defaults to GitHub's limit (tests lower it).
    public init(maximumResults: Int = SARIFReporter.gitHubResultLimit) {
        self.maximumResults = max(0, maximumResults)
    }

    /// The SARIF log of `report`, pretty-printed with sorted keys, ending with a newline.
    public func render(_ report: LintReport, options: ReportOptions) -> String {
        log(report, options: options).serialized(pretty: true)
    }

    /// The SARIF log as a JSON value.
    public func log(_ report: LintReport, options: ReportOptions) -> JSONValue {
        let rules = Self.rules(for: report)
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }

        let kept = Self.keptIndices(of: report.findings, maximum: maximumResults)
        let results = kept.map { Self.result(report.findings[$0], ruleIndex: ruleIndex[report.findings[$0].ruleID]) }

        var driver: [String: JSONValue] = [
            "name": .string("certlint"),
            "version": .string(report.toolVersion),
            "rules": .array(rules.map(Self.descriptor)),
        ]
        if let informationURI = options.informationURI { driver["informationUri"] = .string(informationURI) }

        var sourceRoot: [String: JSONValue] = [
            "description": .object(["text": .string("The repository root: the folder that holds .certlint.yml or .git.")])
        ]
        if let root = options.sourceRootURI { sourceRoot["uri"] = .string(root.hasSuffix("/") ? root : root + "/") }

        let tally = ReportTally(report.findings)
        var properties: [String: JSONValue] = [
            "evaluatedAt": .string(report.evaluatedAt),
            "files": .int(report.summary.files),
            "certificates": .int(report.summary.certificates),
            "usages": .int(report.summary.usages),
            "suppressed": .int(tally.suppressed),
            "failOn": .string(options.failOnName),
            "failed": .bool(tally.fails(failOn: options.failOn)),
        ]
        var run: [String: JSONValue] = [
            "tool": .object(["driver": .object(driver)]),
            "originalUriBaseIds": .object([Self.sourceRootBaseID: .object(sourceRoot)]),
            "results": .array(results),
        ]
        let omitted = report.findings.count - kept.count
        if omitted > 0 {
            properties["resultsTruncated"] = .bool(true)
            properties["totalResults"] = .int(report.findings.count)
            properties["omittedResults"] = .int(omitted)
            let text = "certlint found \(report.findings.count) results but a SARIF run may hold at most \(maximumResults); "
                + "the \(omitted) least severe were left out (suppressed ones first, then notes, then warnings). "
                + "The text and JSON formats list every finding."
            run["invocations"] = .array([
                .object([
                    "executionSuccessful": .bool(true),
                    "toolExecutionNotifications": .array([
                        .object([
                            "level": .string("warning"),
                            "descriptor": .object(["id": .string("results-truncated")]),
                            "message": .object(["text": .string(text)]),
                        ])
                    ]),
                ])
            ])
        }
        run["properties"] = .object(properties)
        return .object([
            "$schema": .string(Self.schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ])
    }

    /// The indices of the findings written, in report order: all of them when they fit,
    /// otherwise the `maximum` most important (unsuppressed, then most severe, then earliest).
    static func keptIndices(of findings: [Finding], maximum: Int) -> [Int] {
        guard findings.count > maximum else { return Array(findings.indices) }
        let ranked = findings.indices.sorted { a, b in
            let x = findings[a]
            let y = findings[b]
            if x.isSuppressed != y.isSuppressed { return !x.isSuppressed }
            if x.severity != y.severity { return x.severity > y.severity }
            return a < b
        }
        return ranked.prefix(maximum).sorted()
    }

    /// The report's rules sorted by id (first descriptor of each id), plus a minimal descriptor
    /// for any rule id a finding names that the report does not describe.
    static func rules(for report: LintReport) -> [RuleDescriptor] {
        var byID: [String: RuleDescriptor] = [:]
        for rule in report.rules where byID[rule.id] == nil { byID[rule.id] = rule }
        for finding in report.findings where byID[finding.ruleID] == nil {
            byID[finding.ruleID] = RuleDescriptor(
                id: finding.ruleID, pack: "certlint", summary: "Findings certlint reports as \(finding.ruleID).",
                severity: finding.severity)
        }
        return byID.keys.sorted().compactMap { byID[$0] }
    }

    static func descriptor(_ rule: RuleDescriptor) -> JSONValue {
        var helpText = rule.help ?? rule.summary
        var helpMarkdown = Escape.markdown(helpText)
        if !rule.references.isEmpty {
            helpText += "\n\nReferences: " + rule.references.joined(separator: "; ")
            helpMarkdown += "\n\n**References**\n\n" + rule.references.map { "- " + Escape.markdown($0) }.joined(separator: "\n")
        }
        var properties: [String: JSONValue] = ["tags": .strings([rule.pack])]
        if !rule.references.isEmpty { properties["references"] = .strings(rule.references) }
        return .object([
            "id": .string(rule.id),
            "name": .string(pascalCase(rule.id)),
            "shortDescription": .object(["text": .string(rule.summary)]),
            "fullDescription": .object(["text": .string(rule.rationale ?? rule.summary)]),
            "help": .object(["text": .string(helpText), "markdown": .string(helpMarkdown)]),
            "defaultConfiguration": .object(["level": .string(rule.severity.rawValue)]),
            "properties": .object(properties),
        ])
    }

    static func result(_ finding: Finding, ruleIndex: Int?) -> JSONValue {
        var result: [String: JSONValue] = [
            "ruleId": .string(finding.ruleID),
            "level": .string(finding.severity.rawValue),
            "message": .object(["text": .string(finding.message)]),
            "locations": .array([.object(["physicalLocation": physicalLocation(finding.location)])]),
            "partialFingerprints": .object([fingerprintKey: .string(finding.fingerprint)]),
        ]
        if let ruleIndex { result["ruleIndex"] = .int(ruleIndex) }
        if !finding.relatedLocations.isEmpty {
            result["relatedLocations"] = .array(
                finding.relatedLocations.prefix(gitHubRelatedLocationLimit).enumerated().map { index, related in
                    .object([
                        "id": .int(index + 1),
                        "message": .object(["text": .string(related.message)]),
                        "physicalLocation": physicalLocation(related.location),
                    ])
                })
        }
        if let suppression = finding.suppression {
            var entry: [String: JSONValue] = [
                "kind": .string(suppression.kind == .inline ? "inSource" : "external"),
                "status": .string("accepted"),
                "justification": .string(suppression.justification),
            ]
            if let expires = suppression.expires { entry["properties"] = .object(["expires": .string(expires)]) }
            result["suppressions"] = .array([.object(entry)])
        }
        if let certificate = finding.certificateFingerprint {
            result["properties"] = .object(["certificateFingerprint": .string(certificate)])
        }
        return .object(result)
    }

    /// An artifact location and region. Repository-relative paths become URI references
    /// under `%SRCROOT%`; an absolute path (outside the repository) becomes a `file:` URI.
    static func physicalLocation(_ location: SourceLocation) -> JSONValue {
        var region: [String: JSONValue] = ["startLine": .int(max(1, location.line ?? 1))]
        if let column = location.column { region["startColumn"] = .int(max(1, column)) }
        if let offset = location.byteOffset, offset >= 0 { region["byteOffset"] = .int(offset) }
        return .object(["artifactLocation": artifactLocation(location.path), "region": .object(region)])
    }

    static func artifactLocation(_ path: String) -> JSONValue {
        if path.hasPrefix("/") {
            return .object(["uri": .string("file://" + Escape.uriPath(path))])
        }
        let scalars = Array(path.unicodeScalars.prefix(3))
        if scalars.count == 3, ("A"..."Z").contains(scalars[0]) || ("a"..."z").contains(scalars[0]),
            scalars[1] == ":", scalars[2] == "/"
        {
            // A Windows drive path, C:/…
            return .object(["uri": .string("file:///" + String(scalars[0]) + ":" + Escape.uriPath(String(path.dropFirst(2))))])
        }
        return .object(["uri": .string(Escape.uriPath(path)), "uriBaseId": .string(sourceRootBaseID)])
    }

    /// `server-eku` → `ServerEku`, the rule's `name` (SARIF wants an identifier-like name).
    static func pascalCase(_ id: String) -> String {
        var out = ""
        var capitalizeNext = true
        for character in id {
            if character.isLetter || character.isNumber {
                out += capitalizeNext ? character.uppercased() : String(character)
                capitalizeNext = false
            } else {
                capitalizeNext = true
            }
        }
        return out.isEmpty ? id : out
    }
}
