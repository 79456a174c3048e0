import CertLintCore
import Foundation
import Testing

@testable import CertLintReport

/// SARIF against golden files (which Tests/Integration/sarif-schema.sh validates against the
/// 2.1.0 schema), the shape GitHub code scanning needs, and the 25,000-result cap.
@Suite struct SARIFReporterTests {
    @Test func sampleMatchesGolden() {
        expectGolden("report-sample.sarif", SARIFReporter().render(SampleReports.sample, options: ReportOptions()))
    }

    @Test func cleanMatchesGolden() {
        expectGolden("report-clean.sarif", SARIFReporter().render(SampleReports.clean, options: ReportOptions()))
    }

    @Test func truncatedMatchesGolden() {
        expectGolden("report-truncated.sarif", SARIFReporter(maximumResults: 3).render(SampleReports.sample, options: ReportOptions()))
    }

    @Test func withRootAndHomePageMatchesGolden() {
        let options = ReportOptions(informationURI: "https://example.com/certlint", sourceRootURI: "file:///home/runner/work/app")
        expectGolden("report-clean-uris.sarif", SARIFReporter().render(SampleReports.clean, options: options))
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func resultsHaveWhatGitHubNeeds() throws {
        let run = try Self.run(Self.parse(SARIFReporter().render(SampleReports.sample, options: ReportOptions())))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        #expect(ids.contains("waiver-expired"), "a rule a finding names is described even if the report lacks it")
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                #expect((rule[key] as? [String: Any])?["text"] is String, "\(rule["id"] ?? "?") lacks \(key).text")
            }
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == SampleReports.findings.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            #expect((result["partialFingerprints"] as? [String: String])?["certlintFingerprint/v1"] != nil)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            #expect(!uri.contains(" ") && !uri.hasPrefix("/"))
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let startLine = try #require((location["region"] as? [String: Any])?["startLine"] as? Int)
            #expect(startLine >= 1)
        }
        let suppressed = results.compactMap { ($0["suppressions"] as? [[String: Any]])?.first?["kind"] as? String }
        #expect(suppressed.sorted() == ["external", "inSource"])
    }

    @Test func capKeepsTheMostSevereAndSaysSo() throws {
        let run = try Self.run(Self.parse(SARIFReporter(maximumResults: 3).render(SampleReports.sample, options: ReportOptions())))
        let results = try #require(run["results"] as? [[String: Any]])
        // The three unsuppressed errors, in report order.
        #expect(results.compactMap { $0["ruleId"] as? String } == ["waiver-expired", "server-eku", "server-eku"])
        let properties = try #require(run["properties"] as? [String: Any])
        #expect(properties["resultsTruncated"] as? Bool == true)
        #expect(properties["totalResults"] as? Int == 9)
        #expect(properties["omittedResults"] as? Int == 6)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "warning")
    }

    @Test func gitHubLimitIsTheDefault() {
        #expect(SARIFReporter().maximumResults == 25_000)
        #expect(ReportFormat.sarif.reporter is SARIFReporter)
    }

    @Test func atTheLimitNothingIsCut() throws {
        let report = SampleReports.many(25_000)
        let log = SARIFReporter().log(report, options: ReportOptions())
        guard case .object(let root) = log, case .array(let runs)? = root["runs"], case .object(let run)? = runs.first,
            case .array(let results)? = run["results"], case .object(let properties)? = run["properties"]
        else {
            Issue.record("unexpected SARIF shape")
            return
        }
        #expect(results.count == 25_000)
        #expect(properties["resultsTruncated"] == nil)
        #expect(run["invocations"] == nil)
    }

    @Test func overTheLimitResultsAreCutTo25000() throws {
        // 25,010 findings; every third is a note, which goes first.
        let report = SampleReports.many(25_010) { $0 % 3 == 0 ? .note : .error }
        let kept = SARIFReporter.keptIndices(of: report.findings, maximum: SARIFReporter.gitHubResultLimit)
        #expect(kept.count == 25_000)
        #expect(kept == kept.sorted())
        let dropped = Set(report.findings.indices).subtracting(kept)
        #expect(dropped.count == 10)
        #expect(dropped.allSatisfy { report.findings[$0].severity == .note })
        // The last notes in report order are the ones left out.
        #expect(dropped.min() ?? 0 > kept.filter { report.findings[$0].severity == .note }.max() ?? 0)

        let log = SARIFReporter().log(report, options: ReportOptions())
        guard case .object(let root) = log, case .array(let runs)? = root["runs"], case .object(let run)? = runs.first,
            case .array(let results)? = run["results"], case .object(let properties)? = run["properties"]
        else {
            Issue.record("unexpected SARIF shape")
            return
        }
        #expect(results.count == 25_000)
        #expect(properties["resultsTruncated"] == .bool(true))
        #expect(properties["totalResults"] == .int(25_010))
        #expect(properties["omittedResults"] == .int(10))
    }

    @Test(arguments: [
        ("certs/a.pem", "certs/a.pem"),
        ("deploy/my site/nginx.conf", "deploy/my%20site/nginx.conf"),
        ("c:d,e%f#g?h.pem", "c%3Ad%2Ce%25f%23g%3Fh.pem"),
        ("zertifikate/bücher.pem", "zertifikate/b%C3%BCcher.pem"),
    ])
    func relativePathsAreURIReferencesUnderTheRoot(path: String, uri: String) {
        #expect(SARIFReporter.artifactLocation(path) == .object(["uri": .string(uri), "uriBaseId": .string("%SRCROOT%")]))
    }

    @Test func absolutePathsAreFileURIs() {
        #expect(SARIFReporter.artifactLocation("/etc/ssl/my cert.pem") == .object(["uri": .string("file:///etc/ssl/my%20cert.pem")]))
        #expect(SARIFReporter.artifactLocation("C:/certs/a.pem") == .object(["uri": .string("file:///C:/certs/a.pem")]))
    }

    @Test func ruleNamesArePascalCase() {
        #expect(SARIFReporter.pascalCase("server-eku") == "ServerEku")
        #expect(SARIFReporter.pascalCase("validity-max-days") == "ValidityMaxDays")
        #expect(SARIFReporter.pascalCase("--") == "--")
    }
}
