import CertLintCore
import Testing

@testable import CertLintPolicy

/// Rule files with mistakes are rejected at load, each mistake with file:line:column.
/// `⟨⟩` marks where the error must point; it is removed before parsing.
@Suite struct RuleLoaderTests {
    /// The YAML without the marker, and the marker's line and column.
    static func marked(_ text: String) -> (String, FilePosition?) {
        var line = 1
        var column = 1
        var found: FilePosition?
        var out = ""
        var rest = Substring(text)
        while let first = rest.first {
            if rest.hasPrefix("⟨⟩") {
                found = FilePosition(line: line, column: column)
                rest = rest.dropFirst(2)
                continue
            }
            out.append(first)
            if first == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            rest = rest.dropFirst()
        }
        return (out, found)
    }

    static func errors(_ text: String) -> [PolicyError] {
        switch PolicyNode.parse(text, file: "team/rules.yml") {
        case .failure(let error): return [error]
        case .success(nil): return []
        case .success(let node?):
            switch RuleLoader.load(node, file: "team/rules.yml") {
            case .success: return []
            case .failure(let errors): return errors.errors
            }
        }
    }

    static let ruleTemplate = """
        pack: team
        summary: Team rules.
        rules:
          - id: team-rule
            summary: A team rule.
            severity: error
            for: certificate
            assert: ASSERT
            message: 'MESSAGE'
            examples:
              - fail: { cert: { keyBits: 1024 } }
              - pass: { cert: { keyBits: 4096 } }

        """

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let yaml: String
        let message: String
        var description: String { name }
    }

    static func rule(assert: String, message: String = "weak key") -> String {
        ruleTemplate.replacingOccurrences(of: "ASSERT", with: assert).replacingOccurrences(of: "MESSAGE", with: message)
    }

    static let cases: [Case] = [
        Case(name: "syntax error", yaml: rule(assert: "cert.keyBits >= ⟨⟩) 2048"), message: "In 'assert' of the rule 'team-rule'"),
        Case(name: "unknown fact", yaml: rule(assert: "cert.⟨⟩keyBitz >= 2048"), message: "did you mean 'keyBits'?"),
        Case(name: "unknown variable", yaml: rule(assert: "⟨⟩certificate.keyBits >= 2048"), message: "unknown name 'certificate'; the names available here are cert, now, params"),
        Case(name: "misspelt variable", yaml: rule(assert: "⟨⟩cret.keyBits >= 2048"), message: "did you mean 'cert'?"),
        Case(name: "wrong type", yaml: rule(assert: "cert.keyBits ⟨⟩>= \"2048\""), message: "'>=' cannot be applied to int and string"),
        Case(name: "not a condition", yaml: rule(assert: "cert.⟨⟩keyBits"), message: "must produce a bool, but it produces int"),
        Case(name: "bad message expression", yaml: rule(assert: "cert.keyBits >= 2048", message: "weak key of {{cert.⟨⟩keyBitz}} bits"), message: "did you mean 'keyBits'?"),
        Case(name: "unknown rule key", yaml: ruleTemplate.replacingOccurrences(of: "    severity: error", with: "    ⟨⟩sevrity: error").replacingOccurrences(of: "ASSERT", with: "true").replacingOccurrences(of: "MESSAGE", with: "m"), message: "Unknown key 'sevrity' in a rule; did you mean 'severity'?"),
        Case(name: "bad severity", yaml: ruleTemplate.replacingOccurrences(of: "    severity: error", with: "    severity: ⟨⟩eror").replacingOccurrences(of: "ASSERT", with: "true").replacingOccurrences(of: "MESSAGE", with: "m"), message: "did you mean 'error'?"),
        Case(name: "bad subject", yaml: ruleTemplate.replacingOccurrences(of: "    for: certificate", with: "    for: ⟨⟩certificates").replacingOccurrences(of: "ASSERT", with: "true").replacingOccurrences(of: "MESSAGE", with: "m"), message: "did you mean 'certificate'?"),
        Case(name: "unknown fact in an example", yaml: rule(assert: "cert.keyBits >= 2048").replacingOccurrences(of: "- fail: { cert: { keyBits: 1024 } }", with: "- fail: { cert: { ⟨⟩keybits: 1024 } }"), message: "'cert.keybits' is not a fact; did you mean 'cert.keyBits'?"),
        Case(name: "example of the wrong type", yaml: rule(assert: "cert.keyBits >= 2048").replacingOccurrences(of: "- fail: { cert: { keyBits: 1024 } }", with: "- fail: { cert: { keyBits: ⟨⟩big } }"), message: "'cert.keyBits' must be an integer"),
        Case(name: "yaml syntax", yaml: "pack: team\nsummary: a⟨⟩: b\n", message: "cannot start a mapping value here"),
    ]

    @Test(arguments: cases)
    func mistakeIsReportedWhereItIs(_ testCase: Case) throws {
        let (yaml, marker) = Self.marked(testCase.yaml)
        let position = try #require(marker)
        let errors = Self.errors(yaml)
        let error = try #require(errors.first, "\(testCase.name) was accepted")
        #expect(error.file == "team/rules.yml")
        #expect(error.position == position, "\(testCase.name): \(error)")
        #expect(error.message.contains(testCase.message), "\(testCase.name): \(error)")
        #expect(error.description.hasPrefix("team/rules.yml:\(position.line):\(position.column): error: "))
    }

    @Test func aRuleNeedsBothKindsOfExample() {
        let yaml = Self.rule(assert: "cert.keyBits >= 2048").replacingOccurrences(of: "      - pass: { cert: { keyBits: 4096 } }\n", with: "")
        let errors = Self.errors(yaml)
        #expect(errors.contains { $0.message.contains("at least one failing and one passing example") })
    }

    @Test func everyMistakeOfAFileIsReported() {
        let yaml = Self.rule(assert: "cert.keyBitz >= 2048", message: "{{cert.subjct}}")
        #expect(Self.errors(yaml).count == 2)
    }

    @Test func aCorrectFileLoads() throws {
        let node = try #require(try PolicyNode.parse(Self.rule(assert: "cert.keyBits >= 2048"), file: "x.yml").get())
        let pack = try RuleLoader.load(node, file: "x.yml").get()
        #expect(pack.rules.map(\.id) == ["team-rule"])
        #expect(PolicyEngine.runExamples(pack.rules).allSatisfy { $0.failure == nil })
    }
}
