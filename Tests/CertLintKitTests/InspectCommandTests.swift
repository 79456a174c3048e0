import CertLintCore
import CertLintDER
import Foundation
import Testing

@testable import CertLintKit

/// `certlint inspect` on each kind of input, against golden files in Tests/Fixtures/golden
/// (checked by hand against `openssl x509 -text`, `openssl pkcs7 -print_certs` and
/// `openssl pkey`; re-record with CERTLINT_RECORD_GOLDEN=1 after regenerating fixtures).
@Suite struct InspectCommandTests {
    static let at = "2025-06-01T00:00:00Z"

    struct Case: Sendable, CustomStringConvertible {
        let golden: String
        let arguments: [String]
        let status: CertLintExitStatus
        var description: String { golden }
    }

    static let cases: [Case] = [
        Case(golden: "inspect-pem-bundle.txt", arguments: ["Tests/Fixtures/inputs/chain.pem", "Tests/Fixtures/inputs/chain-no-intermediate.pem", "Tests/Fixtures/inputs/chain-messy.pem"], status: .success),
        Case(golden: "inspect-wrong-order.txt", arguments: ["Tests/Fixtures/inputs/chain-wrong-order.pem"], status: .success),
        Case(golden: "inspect-der.txt", arguments: ["Tests/Fixtures/inputs/leaf.der"], status: .success),
        Case(golden: "inspect-p7b.txt", arguments: ["Tests/Fixtures/inputs/chain.p7b", "Tests/Fixtures/inputs/chain-der.p7b"], status: .success),
        Case(golden: "inspect-encrypted-key.txt", arguments: ["Tests/Fixtures/inputs/rsa-encrypted-pkcs8.key", "Tests/Fixtures/inputs/rsa-legacy-encrypted.key", "Tests/Fixtures/inputs/ed25519-openssh-encrypted.key", "Tests/Fixtures/inputs/leaf-ed25519.crt"], status: .success),
        Case(golden: "inspect-keys.txt", arguments: ["Tests/Fixtures/inputs/leaf.crt", "Tests/Fixtures/inputs/rsa-pkcs1.key", "Tests/Fixtures/inputs/unmatched-rsa.key", "Tests/Fixtures/inputs/leaf.csr"], status: .success),
        Case(golden: "inspect-garbage.txt", arguments: ["Tests/Fixtures/inputs/garbage.pem", "Tests/Fixtures/inputs/truncated.pem", "Tests/Fixtures/inputs/empty.crt", "Tests/Fixtures/inputs/text.crt"], status: .findings),
        Case(golden: "inspect-damaged.txt", arguments: ["Tests/Fixtures/damaged/leaf-truncated.der", "Tests/Fixtures/damaged/leaf-bad-san.der"], status: .findings),
        Case(golden: "inspect-bundle.json", arguments: ["--format", "json", "Tests/Fixtures/inputs/chain.pem", "Tests/Fixtures/inputs/rsa-pkcs8.key", "Tests/Fixtures/inputs/garbage.pem"], status: .findings),
    ]

    @Test(arguments: cases)
    func inspectMatchesGolden(_ testCase: Case) throws {
        let (status, output) = runCertLint(["inspect", "--at", Self.at] + testCase.arguments)
        #expect(status == testCase.status)
        #expect(output.standardError.isEmpty)
        let golden = try expectGolden(testCase.golden, output.standardOutput)
        #expect(golden.matches, "output differs from \(testCase.golden) at line \(firstDifference(golden.expected, output.standardOutput))")
    }

    @Test func missingFileIsAUsageError() {
        let (status, output) = runCertLint(["inspect", "Tests/Fixtures/inputs/no-such.pem"])
        #expect(status == .usageError)
        #expect(output.standardError.contains("no-such.pem: no such file or directory"))
        #expect(output.standardOutput.isEmpty)
    }

    @Test func mistypedOptionSuggestsTheRightOne() {
        let (status, output) = runCertLint(["inspect", "--formt", "json", "Tests/Fixtures/inputs/leaf.crt"])
        #expect(status == .usageError)
        #expect(output.standardError.contains("unknown option '--formt'; did you mean '--format'?"))
    }

    @Test func badFormatValueIsAUsageError() {
        let (status, output) = runCertLint(["inspect", "--format", "jsno", "Tests/Fixtures/inputs/leaf.crt"])
        #expect(status == .usageError)
        #expect(output.standardError.contains("did you mean 'json'?"))
    }

    @Test func badTimeIsAUsageError() {
        let (status, output) = runCertLint(["inspect", "--at", "yesterday", "Tests/Fixtures/inputs/leaf.crt"])
        #expect(status == .usageError)
        #expect(output.standardError.contains("'yesterday' is not a time for --at"))
    }

    @Test func mistypedCommandSuggestsTheRightOne() {
        let (status, output) = runCertLint(["inpsect", "x"])
        #expect(status == .usageError)
        #expect(output.standardError.contains("did you mean 'inspect'?"))
    }

    @Test func directoryIsSearched() {
        let (status, output) = runCertLint(["inspect", "--at", Self.at, "Tests/Fixtures/inputs"])
        // garbage.pem and truncated.pem are in there.
        #expect(status == .findings)
        #expect(output.standardOutput.contains("Tests/Fixtures/inputs/chain.pem: PEM, 3 certificates"))
        #expect(output.standardOutput.contains("Tests/Fixtures/inputs/leaf.der: DER, 1 certificate"))
        #expect(!output.standardOutput.contains("expected.json"))
    }

    @Test func outputFlagWritesTheReportInstead() {
        let (status, output) = runCertLint(["inspect", "--at", Self.at, "--output", "report.txt", "Tests/Fixtures/inputs/leaf.crt"])
        #expect(status == .success)
        #expect(output.standardOutput.isEmpty)
        let written = output.files[repositoryRoot + "/report.txt"].map { String(decoding: $0, as: UTF8.self) }
        #expect(written?.contains("CN=www.example.com") == true)
    }

    @Test func jsonIsDeterministic() {
        let first = runCertLint(["inspect", "--format", "json", "--at", Self.at, "Tests/Fixtures/inputs/chain.pem"]).1.standardOutput
        let second = runCertLint(["inspect", "--format", "json", "--at", Self.at, "Tests/Fixtures/inputs/chain.pem"]).1.standardOutput
        #expect(first == second)
        #expect(first.contains("\"validityDays\": 366"))
    }
}
