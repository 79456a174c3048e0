import Foundation
import Testing

@testable import CertLintKit

/// What the README shows works as written.
@Suite struct ReadmeTests {
    static func readme() throws -> String {
        try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
    }

    /// The code block that starts with `start`.
    static func block(startingWith start: String, in text: String) throws -> String {
        let begin = try #require(text.range(of: start))
        let end = try #require(text.range(of: "```", range: begin.lowerBound..<text.endIndex))
        return String(text[begin.lowerBound..<end.lowerBound])
    }

    /// The rule pack under "Writing a rule" loads and its examples behave.
    @Test func ruleExampleLoadsAndItsExamplesPass() throws {
        let pack = try Self.block(startingWith: "pack: acme", in: Self.readme())
        let repo = try TemporaryRepository(texts: ["policy/acme.yml": pack])
        defer { repo.remove() }
        let (status, output) = runCertLint(["test", repo.path + "/policy"])
        #expect(status == .success, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput.contains("2 examples of 1 rules in 1 packs: 2 passed, 0 failed."))
    }

    /// The configuration under "Configuration" is valid (its deployment names a file that is
    /// not there, which is a finding, not a configuration error).
    @Test func configurationExampleIsValid() throws {
        let readme = try Self.readme()
        let config = try Self.block(startingWith: "version: 1\nfail-on: error", in: readme)
        let pack = try Self.block(startingWith: "pack: acme", in: readme)
        let repo = try TemporaryRepository(config: config, texts: ["policy/certlint/acme.yml": pack])
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path, "--at", "2026-11-23"])
        #expect(status == .findings, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
        #expect(output.standardOutput.contains("[reference-missing]"))
    }

    /// The first command's example prints the two errors the README describes, at the listener's line.
    @Test func firstCommandPrintsWhatTheReadmeSays() throws {
        let (status, output) = runCertLint(["Examples/public-website/broken", "--at", "2026-11-23"])
        #expect(status == .findings)
        #expect(output.standardOutput.contains("shop.example.com"))
        #expect(output.standardOutput.contains("[chain-incomplete]"))
        #expect(output.standardOutput.contains("template.yaml:47:11: error:"))
        #expect(output.standardOutput.contains("2 errors"))
        #expect(try Self.readme().contains("prints 2 errors, exits 1"))
    }
}

extension ReadmeTests {
    /// A rule directory that is not there is reported at its line in the configuration.
    @Test func missingRuleDirectoryIsReportedWhereItIsNamed() throws {
        let repo = try TemporaryRepository(config: "version: 1\nrule-dirs: [policy/nowhere]\n")
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path])
        #expect(status == .usageError)
        #expect(output.standardError.contains(".certlint.yml:2:13: error: The rule directory policy/nowhere cannot be read"))
    }
}
