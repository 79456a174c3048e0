import Testing

@testable import CertLintPolicy

extension ExpressionTests {
    @Suite struct CELRegexTests {
        static func matches(_ pattern: String, _ input: String) -> Bool? {
            guard case .success(let regex) = CELRegex.compile(pattern) else { return nil }
            var steps = 0
            return regex.matches(input, budget: 10_000_000, steps: &steps) == .matched
        }

        @Test(arguments: [
            ("abc", "xabcx", true), ("abc", "ab", false), ("^abc$", "abc", true), ("^abc$", "abcd", false), ("a.c", "abc", true),
            ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true), ("a*", "", true), ("^a+$", "aaa", true), ("^a+$", "", false),
            ("^a?b$", "b", true), ("^a{2}$", "aa", true), ("^a{2}$", "aaa", false), ("^a{2,}$", "aaaa", true), ("^a{1,2}$", "aaa", false),
            ("^a{,2}$", "a{,2}", true), ("^(ab|cd)+$", "abcdab", true), ("^(ab|cd)+$", "abc", false), ("^[a-c]+$", "abcab", true),
            ("^[^a-c]+$", "xyz", true), ("^[^a-c]+$", "xaz", false), ("^[]a]+$", "]a]", true), ("^[a-]+$", "a-a", true),
            ("\\d+", "abc123", true), ("^\\D+$", "abc", true), ("^\\w+$", "a_1", true), ("\\W", "abc", false), ("\\s", "a b", true),
            ("^\\S+$", "ab", true), ("\\bfoo\\b", "a foo b", true), ("\\bfoo\\b", "afoob", false), ("\\Bfoo", "afoo", true),
            ("\\Aabc\\z", "abc", true), ("(?i)HELLO", "hello", true), ("(?i:a)b", "Ab", true), ("(?i:a)b", "AB", false),
            ("(?i)[a-c]+", "ABC", true), ("(?i)é", "É", true), ("(?m)^b$", "a\nb\nc", true), ("^b$", "a\nb\nc", false),
            ("\\.", "a.b", true), ("\\.", "ab", false), ("\\x41", "A", true), ("\\x{1F600}", "😀", true), ("^.$", "😀", true),
            ("[[:digit:]]+", "x42", true), ("^[[:^alpha:]]+$", "123", true), ("\\Qa.b\\E", "a.b", true), ("\\Qa.b\\E", "axb", false),
            ("(?P<name>ab)c", "abc", true), ("(?<name>ab)c", "abc", true), ("a+?", "aaa", true), ("(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab", true),
            ("(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false), ("^(a|a)*$", String(repeating: "a", count: 40), true),
            ("^([a-z0-9-]+\\.)+[a-z]{2,}$", "www.example.com", true), ("^([a-z0-9-]+\\.)+[a-z]{2,}$", "localhost", false),
            ("^\\*\\.", "*.example.com", true), ("\\t\\n", "\t\n", true), ("", "anything", true),
        ])
        func matching(pattern: String, input: String, expected: Bool) {
            #expect(Self.matches(pattern, input) == expected, "\(pattern) ~ \(input)")
        }

        @Test(arguments: [
            "(", ")", "a)", "[a", "[b-a]", "*", "+a", "a**", "a{2}{3}", "a{1001}", "a{3,2}", "\\", "\\1", "\\p{L}", "(?=a)", "(?!a)",
            "(?<=a)", "(?<!a)", "(?x)", "(?P<>a)", "[[:nope:]]", "\\xZZ", "\\x{110000}", "\\q", "\\0", "((((a{1000}){1000}))){1000}",
            String(repeating: "(", count: 200) + String(repeating: ")", count: 200),
        ])
        func invalidPatterns(pattern: String) {
            guard case .failure(let error) = CELRegex.compile(pattern) else {
                Issue.record("\(pattern) compiled")
                return
            }
            #expect(!error.message.isEmpty)
        }

        @Test func matchingIsLinear() {
            // The classic catastrophic-backtracking pattern runs in time linear in the input.
            guard case .success(let regex) = CELRegex.compile("^(a+)+$") else {
                Issue.record("did not compile")
                return
            }
            var short = 0
            var long = 0
            _ = regex.matches(String(repeating: "a", count: 100) + "b", budget: .max, steps: &short)
            _ = regex.matches(String(repeating: "a", count: 1000) + "b", budget: .max, steps: &long)
            #expect(long < short * 12)
        }

        @Test func budgetIsEnforced() {
            guard case .success(let regex) = CELRegex.compile("x") else { return }
            var steps = 0
            #expect(regex.matches(String(repeating: "a", count: 10_000), budget: 100, steps: &steps) == .budgetExceeded)
            #expect(steps <= 110)
        }
    }
}
