import CertLintCore
import CertLintPolicy
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

    /// The environment each scenario is linted with: the order service's keystore password
    /// comes from the variable its configuration names (CI would set it from a secret).
    static func variables(_ scenario: String) -> [String: String] {
        scenario == "order-service" ? ["PARTNER_PFX_PASSWORD": "example-only"] : [:]
    }

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
        let (status, output) = runCertLint(["Examples/\(scenario)/broken", "--at", "2026-11-23"], variables: Self.variables(scenario))
        let fails = Self.scenarios.first { $0.name == scenario }?.brokenFails ?? true
        #expect(status == (fails ? .findings : .success))
        #expect(output.standardError.isEmpty)
        let golden = try expectGolden("example-\(scenario)-broken.txt", output.standardOutput)
        #expect(golden.matches, "differs at line \(firstDifference(golden.expected, output.standardOutput))")
    }

    @Test(arguments: scenarios.map(\.name))
    func fixedVariantHasNoFindings(scenario: String) throws {
        let (status, output) = runCertLint(["Examples/\(scenario)/fixed", "--at", "2026-11-23"], variables: Self.variables(scenario))
        #expect(status == .success)
        #expect(output.standardError.isEmpty)
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 1, "\(output.standardOutput)")
        // A waiver in the configuration (with its reason and date) may suppress a finding.
        let summary = String(lines.last ?? "")
        #expect(summary.contains(": 0 errors, 0 warnings, 0 notes"), "\(summary)")
        #expect(summary.hasSuffix("; passed (--fail-on error)"))
        let golden = try expectGolden("example-\(scenario)-fixed.txt", output.standardOutput)
        #expect(golden.matches, "differs at line \(firstDifference(golden.expected, output.standardOutput))")
    }

    /// A fixed variant still reads every file its broken twin does: the fix is not "read less".
    @Test(arguments: scenarios.map(\.name))
    func fixedVariantReadsAsMuchAsTheBrokenOne(scenario: String) throws {
        func counts(_ variant: String) -> Substring? {
            let (_, output) = runCertLint(
                ["Examples/\(scenario)/\(variant)", "--at", "2026-11-23", "--format", "text"], variables: Self.variables(scenario))
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

extension ExampleReportTests {
    /// The order service presents the certificate inside its keystore: certlint opens it with
    /// the password of the variable the configuration names and lints it as a client
    /// certificate at the appsettings line; without the variable, it says what to set.
    @Test func orderServiceKeystoreIsLintedForItsClientRole() throws {
        let (_, inventory) = runCertLint(
            ["inventory", "Examples/order-service/fixed", "--at", "2026-11-23"], variables: Self.variables("order-service"))
        #expect(inventory.standardOutput.contains("orders.corp.example  certs/partner-client.pfx:1:1  expires 2027-05-31 (189 days)"))
        #expect(inventory.standardOutput.contains("  client at HTTP client SupplierApi → https://api.supplier.example/v2/ [kestrel]  appsettings.json:7:9"))

        let (status, locked) = runCertLint(["Examples/order-service/fixed", "--at", "2026-11-23"])
        #expect(status == .success)
        #expect(locked.standardOutput.contains(
            "certs/partner-client.pfx:1:1: warning: certs/partner-client.pfx needs a password to be opened; set PARTNER_PFX_PASSWORD so that certlint can check the certificates inside. [keystore-not-opened]"))
    }
}

extension ExampleReportTests {
    /// The CI examples are YAML that certlint's own reader accepts (a typo in them would be a
    /// user's first broken pipeline).
    @Test(arguments: ["github-actions.yml", "gitlab-ci.yml"])
    func ciExamplesAreValidYAML(file: String) throws {
        let text = try String(contentsOfFile: repositoryRoot + "/Examples/ci/" + file, encoding: .utf8)
        let node = try #require(try PolicyNode.parse(text, file: file).get())
        #expect(node.entries?.isEmpty == false)
    }
}
