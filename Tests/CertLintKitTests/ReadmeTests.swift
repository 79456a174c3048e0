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

extension ReadmeTests {
    /// One command line of a README block marked `<!-- readme-test -->`: its environment
    /// assignments, its certlint arguments, and the exit status its comment promises.
    struct Command {
        let line: String
        let variables: [String: String]
        let arguments: [String]
        let status: Int32
    }

    /// The certlint commands of every block marked for testing (other lines, such as
    /// `swift test`, are what CI runs anyway).
    static func markedCommands(in readme: String) -> [Command] {
        var commands: [Command] = []
        var inMarkedBlock = false
        var marked = false
        for line in readme.components(separatedBy: "\n") {
            if line.trimmingCharacters(in: .whitespaces) == "<!-- readme-test -->" {
                marked = true
                continue
            }
            if line.hasPrefix("```") {
                inMarkedBlock = marked && !inMarkedBlock
                if !inMarkedBlock { marked = false }
                continue
            }
            guard inMarkedBlock else { continue }
            let parts = line.components(separatedBy: "#")
            var words = parts[0].split(separator: " ").map(String.init)
            var variables: [String: String] = [:]
            while let first = words.first, let equals = first.firstIndex(of: "="), first.first?.isUppercase == true {
                variables[String(first[..<equals])] = String(first[first.index(after: equals)...])
                words.removeFirst()
            }
            if words.starts(with: ["swift", "run", "certlint"]) {
                words.removeFirst(3)
            } else if words.first == "certlint" {
                words.removeFirst()
            } else {
                continue
            }
            let comment = parts.dropFirst().joined(separator: "#")
            var status: Int32 = 0
            if let range = comment.range(of: "exits ") {
                status = Int32(comment[range.upperBound...].prefix { $0.isNumber }) ?? -1
            }
            commands.append(Command(line: line, variables: variables, arguments: words, status: status))
        }
        return commands
    }

    /// Every certlint command of the README's blocks marked for testing runs as written, from
    /// the repository root, and exits as its comment says.
    @Test func markedCommandsRunAsWritten() throws {
        let commands = Self.markedCommands(in: try Self.readme())
        #expect(commands.count >= 9)
        for command in commands {
            let (status, output) = runCertLint(command.arguments, variables: command.variables)
            #expect(status.rawValue == command.status, "\(command.line)\n\(output.standardOutput)\(output.standardError)")
            #expect(!output.standardOutput.isEmpty, "\(command.line) printed nothing")
        }
    }
}
