import CertLintCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import CertLintReport

/// JUnit XML against golden files; well-formed, escaped, with consistent counts.
@Suite struct JUnitReporterTests {
    @Test func sampleMatchesGolden() {
        expectGolden("report-sample.xml", JUnitReporter().render(SampleReports.sample, options: ReportOptions()))
    }

    @Test func cleanMatchesGolden() {
        expectGolden("report-clean.xml", JUnitReporter().render(SampleReports.clean, options: ReportOptions()))
    }

    @Test func failOnWarningMatchesGolden() {
        expectGolden("report-sample-warning.xml", JUnitReporter().render(SampleReports.sample, options: ReportOptions(failOn: .warning)))
    }

    /// Collects test cases and their outcome with Foundation's XML parser.
    final class Collector: NSObject, XMLParserDelegate {
        var suites: [[String: String]] = []
        var cases: [[String: String]] = []
        var outcomes: [String] = []
        var texts: [String: String] = [:]
        private var current = ""
        private var element = ""

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            element = elementName
            current = ""
            switch elementName {
            case "testsuite", "testsuites": suites.append(attributes)
            case "testcase":
                cases.append(attributes)
                outcomes.append("passed")
            case "failure", "skipped":
                outcomes[outcomes.count - 1] = elementName
                texts[(cases.last?["name"] ?? "") + "/" + elementName + "@message"] = attributes["message"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            if elementName == "failure" || elementName == "skipped" || elementName == "system-out" {
                texts[(cases.last?["name"] ?? "") + "/" + elementName] = current
            }
        }
    }

    static func parse(_ text: String) throws -> Collector {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return collector
    }

    @Test func countsAreConsistent() throws {
        let collector = try Self.parse(JUnitReporter().render(SampleReports.sample, options: ReportOptions()))
        #expect(collector.suites.count == 2)
        for suite in collector.suites {
            #expect(suite["tests"] == "\(collector.cases.count)")
            #expect(suite["failures"] == "\(collector.outcomes.filter { $0 == "failure" }.count)")
            #expect(suite["skipped"] == "\(collector.outcomes.filter { $0 == "skipped" }.count)")
            #expect(suite["errors"] == "0")
        }
        // Unique (classname, name): GitLab keys test cases by them.
        let keys = collector.cases.map { ($0["classname"] ?? "") + "\u{0}" + ($0["name"] ?? "") }
        #expect(Set(keys).count == keys.count)
        // A case per (rule, file) with findings, one per rule without.
        #expect(collector.cases.map { $0["name"] ?? "" } == [
            "client-ca-public: k8s/ingress.yaml",
            "key-size",
            "san-covers-hostname: deploy/my site/nginx.conf",
            "server-eku: deploy/my site/nginx.conf",
            "subject-printable: certs/weird.pem",
            "usage-role-unknown: k8s/ingress.yaml",
            "validity-max-days: certs/100% odd,name:v2.pem",
            "validity-max-days: certs/legacy.der",
            "waiver-expired: .certlint.yml",
        ])
        #expect(collector.outcomes == ["skipped", "passed", "skipped", "failure", "passed", "passed", "passed", "passed", "failure"])
        #expect(collector.cases.last?["classname"] == "certlint")
    }

    @Test func escapedTextRoundTrips() throws {
        let collector = try Self.parse(JUnitReporter().render(SampleReports.sample, options: ReportOptions(failOn: .warning)))
        let message = collector.texts["subject-printable: certs/weird.pem/failure@message"]
        #expect(message == "The subject CN \"evil\\u{1B}[31mred\\u{1B}[0m\\u{202E}txt.exe\" holds control characters; log readers may show something else.")
        let skipped = collector.texts["client-ca-public: k8s/ingress.yaml/skipped@message"]
        #expect(skipped == "suppressed: waiver until 2026-09-30: Partner B migrates by Q3, ticket SEC-1234, approved: J. Doe")
        let body = collector.texts["client-ca-public: k8s/ingress.yaml/skipped"] ?? ""
        #expect(body.contains("<ISRG Root X1> & 'DigiCert'"))
    }

    @Test func cleanRunPasses() throws {
        let collector = try Self.parse(JUnitReporter().render(SampleReports.clean, options: ReportOptions()))
        #expect(collector.cases.count == 3)
        #expect(collector.outcomes.allSatisfy { $0 == "passed" })
        #expect(collector.suites.allSatisfy { $0["failures"] == "0" && $0["skipped"] == "0" && $0["tests"] == "3" })
    }

    @Test func neverFailingRunHasNoFailures() throws {
        let collector = try Self.parse(JUnitReporter().render(SampleReports.sample, options: ReportOptions(failOn: nil)))
        #expect(!collector.outcomes.contains("failure"))
    }
}

extension JUnitReporterTests {
    @Test func oneFailurePerCaseHoldingEveryFindingOfTheFile() throws {
        let collector = try Self.parse(JUnitReporter().render(SampleReports.sample, options: ReportOptions()))
        let name = "server-eku: deploy/my site/nginx.conf"
        let message = try #require(collector.texts[name + "/failure@message"])
        #expect(message.hasPrefix("api.example.com is served"))
        #expect(message.hasSuffix(" (and 1 more)"))
        let body = try #require(collector.texts[name + "/failure"])
        #expect(body.split(separator: "\n").count == 4)
        #expect(body.contains("deploy/my site/nginx.conf:40:5: error: www.example.com"))
    }
}
