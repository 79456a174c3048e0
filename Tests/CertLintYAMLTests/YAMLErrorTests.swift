import Testing

@testable import CertLintYAML

// Every error says where (habit 2): the marker ① stands where the error must point. The
// inputs are the mistakes people make in config and manifests, and the classes of the
// yaml-test-suite's error cases.

@Suite struct YAMLErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var marked: String
        var code: YAMLError.Code
        /// Words the message must contain (the offending text, usually).
        var mentions: [String] = []
        var testDescription: String { marked }
    }

    static let cases: [Case] = [
        // Scalars that never end.
        Case(marked: "key: ①\"abc\n", code: .unterminated, mentions: ["double-quoted"]),
        Case(marked: "key: ①'abc\n  def\n", code: .unterminated, mentions: ["single-quoted"]),
        Case(marked: "①\"a\n---\nb\"\n", code: .unterminated, mentions: ["document marker"]),
        Case(marked: "hosts: ①[a, b\n", code: .unterminated, mentions: ["']'"]),
        Case(marked: "①{a: 1\n", code: .unterminated, mentions: ["'}'"]),
        // Structure.
        Case(marked: "a: b①: c\n", code: .unexpectedToken, mentions: ["':'"]),
        Case(marked: "a:\n  b: 1\n ①c: 2\n", code: .invalidIndentation, mentions: ["column 2"]),
        Case(marked: "a:\n  - 1\n ①- 2\n", code: .invalidIndentation),
        Case(marked: "key: value\n①- item\n", code: .invalidIndentation),
        Case(marked: "a: 1\n①b\n", code: .unexpectedToken, mentions: ["':'"]),
        Case(marked: "- a\n- b: c\n  ①d\ne: f\n", code: .unexpectedToken, mentions: ["':'"]),
        Case(marked: "\"a\"\n①\"b\"\n", code: .unexpectedToken, mentions: ["'---'"]),
        Case(marked: "[a, b]①]\n", code: .unexpectedCharacter, mentions: ["']'"]),
        Case(marked: "[a①}\n", code: .unexpectedToken, mentions: ["'['"]),
        Case(marked: "[a, ①- b]\n", code: .unexpectedToken, mentions: ["flow"]),
        Case(marked: "{a: 1 b①: 2}\n", code: .unexpectedToken, mentions: ["','"]),
        Case(marked: "key: \"a\" ①b\n", code: .unexpectedToken, mentions: ["'b'"]),
        Case(marked: "... ①x\n", code: .unexpectedToken, mentions: ["'x'"]),
        Case(marked: "- ①@value\n", code: .unexpectedCharacter, mentions: ["'@'"]),
        Case(marked: "a: [b]①#c\n", code: .unexpectedCharacter, mentions: ["'#'"]),
        // Tabs.
        Case(marked: "a:\n①\tb: 1\n", code: .invalidIndentation, mentions: ["tab"]),
        Case(marked: "-\t①- a\n", code: .invalidIndentation, mentions: ["tab"]),
        // Escapes and block scalars.
        Case(marked: "a: \"x①\\qy\"\n", code: .invalidEscape, mentions: ["\\q"]),
        Case(marked: "a: \"①\\x4\"\n", code: .invalidEscape, mentions: ["2 hexadecimal"]),
        Case(marked: "a: \"①\\uD800\"\n", code: .invalidEscape, mentions: ["U+D800"]),
        Case(marked: "a: |①0\n  x\n", code: .invalidBlockScalar, mentions: ["0"]),
        Case(marked: "a: |①x\n  y\n", code: .invalidBlockScalar),
        Case(marked: "a: |\n   ①\n  x\n", code: .invalidIndentation, mentions: ["2:4", "1:4"]),
        // Directives, tags, anchors.
        Case(marked: "①%YAML 2.0\n---\na\n", code: .invalidDirective, mentions: ["2.0"]),
        Case(marked: "%YAML 1.2\n①%YAML 1.2\n---\n", code: .invalidDirective),
        Case(marked: "%TAG !e! tag:e.com:\n①a: b\n", code: .invalidDirective, mentions: ["'---'"]),
        Case(marked: "\"a\"\n①%YAML 1.2\n---\nb\n", code: .invalidDirective, mentions: ["'...'"]),
        Case(marked: "①!e!tag x\n", code: .invalidTag, mentions: ["!e!"]),
        Case(marked: "a: !Ref①,b\n", code: .invalidTag),
        Case(marked: "a: ①& x\n", code: .invalidAnchor),
        Case(marked: "a: ①*nowhere\n", code: .undefinedAlias, mentions: ["*nowhere"]),
        Case(marked: "a: &x [1, ①*x]\n", code: .recursiveAlias, mentions: ["*x"]),
        // Keys and merges.
        Case(marked: "name: a\nport: 1\n①name: b\n", code: .duplicateKey, mentions: ["'name'", "1:1"]),
        Case(marked: "{a: 1, ①\"a\": 2}\n", code: .duplicateKey),
        Case(marked: "a: 1\n0x1: 2\n①1: 3\n", code: .duplicateKey, mentions: ["2:1"]),
        Case(marked: "x: 1\n<<: ①[a]\n", code: .invalidMerge, mentions: ["'<<'"]),
        Case(marked: "a\tb①\u{1}: 1\n", code: .unexpectedCharacter, mentions: ["U+0001"]),
    ]

    @Test(arguments: cases)
    func errorsPointAtTheProblem(_ testCase: Case) throws {
        let marked = MarkedText(testCase.marked)
        #expect(throws: YAMLError.self) { try YAML.parseDocuments(marked.text) }
        do {
            _ = try YAML.parseDocuments(marked.text)
        } catch {
            #expect(error.code == testCase.code, "\(error)")
            #expect(error.position == marked[1], "\(error)")
            for word in testCase.mentions {
                #expect(error.message.contains(word), "\(error.message) does not mention \(word)")
            }
            #expect(error.message.hasSuffix(".") || error.message.hasSuffix("'"), "\(error.message)")
            #expect(error.message.first?.isUppercase == true, "\(error.message)")
        }
    }

    @Test func descriptionIsLineColonColumnColonMessage() {
        let error = YAMLError(.duplicateKey, "The key 'a' repeats.", at: YAMLPosition(line: 3, column: 7, offset: 40))
        #expect(error.description == "3:7: The key 'a' repeats.")
        #expect(error.line == 3)
        #expect(error.column == 7)
        #expect(error.offset == 40)
    }

    // The codes are stable strings that callers and tests match on.
    @Test func codesAreStable() {
        #expect(YAMLError.Code.allCases.map(\.rawValue) == [
            "unexpectedCharacter", "invalidIndentation", "unterminated", "invalidEscape", "invalidBlockScalar",
            "invalidDirective", "invalidTag", "invalidAnchor", "undefinedAlias", "recursiveAlias", "unexpectedToken",
            "duplicateKey", "invalidMerge", "tooDeep", "aliasExpansionLimit", "inputTooLarge", "multipleDocuments",
        ])
    }
}
