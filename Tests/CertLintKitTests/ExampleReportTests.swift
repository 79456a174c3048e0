import CertLintCore
import Foundation
import Testing

@testable import CertLintKit

/// The reports certlint gives on each repository under `Examples/`, at a fixed time, against
/// golden files (re-record with CERTLINT_RECORD_GOLDEN=1 after regenerating the examples).
@Suite struct ExampleReportTests {
    static let examples = ["public-website", "partner-integration"]

    @Test(arguments: examples)
    func textReportMatchesGolden(example: String) throws {
        let (status, output) = runCertLint(["Examples/\(example)", "--at", "2026-11-23"])
        #expect(status == .findings)
        #expect(output.standardError.isEmpty)
        let golden = try expectGolden("example-\(example).txt", output.standardOutput)
        #expect(golden.matches, "differs at line \(firstDifference(golden.expected, output.standardOutput))")
    }

    @Test func sarifReportMatchesGolden() throws {
        let (status, output) = runCertLint(["Examples/public-website", "--at", "2026-11-23", "--format", "sarif"])
        #expect(status == .findings)
        let golden = try expectGolden("example-public-website.sarif", output.standardOutput)
        #expect(golden.matches, "differs at line \(firstDifference(golden.expected, output.standardOutput))")
    }
}
