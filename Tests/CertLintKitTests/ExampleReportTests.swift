import CertLintCore
import Foundation
import Testing

@testable import CertLintKit

/// The reports certlint gives on each repository under `Examples/`, at a fixed time: every
/// broken variant against its golden report (each finding in them was checked by hand against
/// what `Examples/make-examples.py` breaks; re-record with CERTLINT_RECORD_GOLDEN=1 after
/// regenerating the examples, and check the difference again), every fixed variant clean.
@Suite struct ExampleReportTests {
    /// The scenarios, and whether the broken variant fails the run (`server-only`'s finding is a
    /// least-privilege note, which does not fail `--fail-on error`).
    static let scenarios: [(name: String, brokenFails: Bool)] = [
        ("public-website", true), ("internal-portal", true), ("order-service", true), ("partner-gateway", true),
        ("k8s-mtls", true), ("server-only", false),
    ]

    @Test func everyScenarioIsTested() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Examples").filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: repositoryRoot + "/Examples/\($0)/broken", isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        #expect(Set(folders) == Set(Self.scenarios.map(\.name)))
    }

    @Test(arguments: scenarios.map(\.name))
    func brokenVariantMatchesGolden(scenario: String) throws {
        let (status, output) = runCertLint(["Examples/\(scenario)/broken", "--at", "2026-11-23"])
        let fails = Self.scenarios.first { $0.name == scenario }?.brokenFails ?? true
        #expect(status == (fails ? .findings : .success))
        #expect(output.standardError.isEmpty)
        let golden = try expectGolden("example-\(scenario)-broken.txt", output.standardOutput)
        #expect(golden.matches, "differs at line \(firstDifference(golden.expected, output.standardOutput))")
    }

    @Test(arguments: scenarios.map(\.name))
    func fixedVariantHasNoFindings(scenario: String) throws {
        let (status, output) = runCertLint(["Examples/\(scenario)/fixed", "--at", "2026-11-23"])
        #expect(status == .success)
        #expect(output.standardError.isEmpty)
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 1, "\(output.standardOutput)")
        #expect(lines.last?.contains(": 0 errors, 0 warnings, 0 notes; passed (--fail-on error)") == true)
    }

    /// A fixed variant still reads every file its broken twin does: the fix is not "read less".
    @Test(arguments: scenarios.map(\.name))
    func fixedVariantReadsAsMuchAsTheBrokenOne(scenario: String) throws {
        func counts(_ variant: String) -> Substring? {
            let (_, output) = runCertLint(["Examples/\(scenario)/\(variant)", "--at", "2026-11-23", "--format", "text"])
            let summary = output.standardOutput.split(separator: "\n").last ?? ""
            return summary.split(separator: ":").dropFirst().first
        }
        let broken = try #require(counts("broken"))
        let fixed = try #require(counts("fixed"))
        // The summary says "N files, N certificates, N usages"; the file counts must agree.
        let brokenFiles = broken.split(separator: ",").first
        let fixedFiles = fixed.split(separator: ",").first
        #expect(brokenFiles == fixedFiles)
    }

    @Test func sarifReportMatchesGolden() throws {
        let (status, output) = runCertLint(["Examples/public-website/broken", "--at", "2026-11-23", "--format", "sarif"])
        #expect(status == .findings)
        let golden = try expectGolden("example-public-website-broken.sarif", output.standardOutput)
        #expect(golden.matches, "differs at line \(firstDifference(golden.expected, output.standardOutput))")
    }
}
