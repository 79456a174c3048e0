import Testing

@testable import CertLintCore

@Suite struct SpellingTests {
    @Test(arguments: [
        ("sevrity", ["severity", "summary", "id"], "severity"),
        ("formt", ["--format", "format", "output"], "format"),
        ("exclued", ["include", "exclude"], "exclude"),
        ("cret", ["cert", "now", "params"], "cert"),
        ("subjcet", ["subject", "issuer"], "subject"),  // a swap is one edit
        ("warnings", ["error", "warning", "note", "never"], "warning"),
        ("Severity", ["severity"], "severity"),  // case does not count
    ])
    func suggestsTheClosestWord(word: String, candidates: [String], expected: String) {
        #expect(Spelling.suggestion(for: word, among: candidates) == expected)
    }

    @Test func noSuggestionWhenNothingIsClose() {
        #expect(Spelling.suggestion(for: "certificate", among: ["cert", "now", "params"]) == nil)
        #expect(Spelling.suggestion(for: "", among: ["a"]) == nil)
        #expect(Spelling.suggestion(for: "cert", among: ["cert"]) == nil)
        #expect(Spelling.didYouMean("zzzz", among: ["cert"]) == "")
    }

    @Test func distances() {
        #expect(Spelling.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Spelling.editDistance(Array("ab"), Array("ba")) == 1)
        #expect(Spelling.editDistance(Array(""), Array("abc")) == 3)
    }
}
