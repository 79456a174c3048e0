import Testing

@testable import CertLintPolicy

/// Seeded random inputs: random token sequences and random mutations of valid expressions must
/// compile or fail with a ``CELCompileError`` — never trap, never hang — and whatever compiles
/// must evaluate to a value or an error value within its cost limit.
extension ExpressionTests {
    @Suite struct CELFuzzTests {
        static let tokens = [
            "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "&&", "||",
            "in", "true", "false", "null", "0", "1", "-1", "9223372036854775807", "1.5", "0x10", "'a'", "\"b\"", "r'\\d'", "b'x'", "'''z'''",
            "cert", "usage", "now", "params", "i", "d", "s", "b", "names", "nums", "m", "x", "y", "t", "dur", "by",
            "subject", "cn", "eku", "hasEKU", "keyBits", "notAfter", "extensions", "critical", "has", "all", "exists", "exists_one",
            "filter", "map", "size", "contains", "startsWith", "matches", "timestamp", "duration", "days", "int", "string", "dyn",
            "inDays", "join", "split", "lowerAscii", "e", "n", "if", "1u", "é", "#", "=", "&", "|", "'", "\"", "\\", "//", "\n", " ",
        ]

        static let seeds = [
            #"!cert.hasEKU || "serverAuth" in cert.eku || "anyExtendedKeyUsage" in cert.eku"#,
            "usage.role == 'server' && usage.hostnames.all(h, h in cert.san.dns)",
            "cert.extensions.exists(e, e.critical && e.name == 'keyUsage')",
            "(cert.notAfter - cert.notBefore).inDays() <= params.maxDays",
            "cert.notAfter - now < days(30) ? 'soon' : 'later'",
            "has(cert.pathLen) ? cert.pathLen >= 0 : true",
            "cert.subject.cn.matches('^[a-z0-9.-]+$') && size(cert.subject.cn) < 64",
            "names.map(n, n + '!').filter(n, n.startsWith('a')).size() == 1",
            "{'a': [1, 2], 'b': [3]}['a'][1] + int('4') * -2 % 3",
            "timestamp('2026-03-15T00:00:00Z') + duration('1h30m') > now && b'\\x00' != b''",
            "m.all(k, m[k] > 0) || x.y.z == y[0] || dyn(1.5) in nums",
        ]

        /// Compiles, and when that succeeds, evaluates with a small cost limit.
        static func exercise(_ source: String) {
            do {
                let program = try CELFixtures.compile(source)
                _ = program.evaluate(CELFixtures.activation, costLimit: 5_000)
                if let condition = try? CELFixtures.compile(source, expecting: .bool) {
                    // Whatever the fast path answers, the general evaluator answers too.
                    _ = CELFastProgramTests.compare(
                        condition, environment: CELFixtures.environment, activation: CELFixtures.activation, costLimit: 5_000)
                }
            } catch {
                // Only CELCompileError can be thrown (typed throws); check that it is well formed.
                #expect(error.line >= 1 && error.column >= 1, "\(source): \(error)")
                #expect(error.offset >= 0 && error.offset <= source.utf8.count, "\(source): \(error)")
                #expect(!error.message.isEmpty)
            }
        }

        @Test func randomTokenSequences() {
            var rng = SeededGenerator(seed: 0xCE1_F022)
            for _ in 0..<3000 {
                let count = Int.random(in: 1...24, using: &rng)
                var source = ""
                for _ in 0..<count {
                    source += Self.tokens.randomElement(using: &rng) ?? ""
                    if Bool.random(using: &rng) { source += " " }
                }
                Self.exercise(source)
            }
        }

        @Test func mutationsOfValidExpressions() {
            var rng = SeededGenerator(seed: 20_260_315)
            for seed in Self.seeds {
                #expect(throws: Never.self) { try CELFixtures.compile(seed) }
            }
            let alphabet = Array("()[]{}.,:?!-+*/%<>=&|'\"\\ \nabcxyz019_éü😀\u{0}\t")
            for _ in 0..<4000 {
                var characters = Array(Self.seeds.randomElement(using: &rng) ?? "")
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    guard !characters.isEmpty else { break }
                    let at = Int.random(in: 0..<characters.count, using: &rng)
                    switch Int.random(in: 0..<5, using: &rng) {
                    case 0: characters.remove(at: at)
                    case 1: characters.insert(alphabet.randomElement(using: &rng) ?? "x", at: at)
                    case 2: characters[at] = alphabet.randomElement(using: &rng) ?? "x"
                    case 3:
                        // Duplicate a slice, to grow nesting and repetition.
                        let end = min(characters.count, at + Int.random(in: 1...12, using: &rng))
                        characters.insert(contentsOf: characters[at..<end], at: at)
                    default:
                        let other = Int.random(in: 0..<characters.count, using: &rng)
                        characters.swapAt(at, other)
                    }
                }
                Self.exercise(String(characters))
            }
        }

        @Test func everyPrefixFailsCleanly() {
            for seed in Self.seeds {
                let characters = Array(seed)
                for end in 0...characters.count {
                    Self.exercise(String(characters[0..<end]))
                }
            }
        }

        @Test func randomRegularExpressions() {
            var rng = SeededGenerator(seed: 7)
            let pieces = ["a", "b", ".", "*", "+", "?", "|", "(", ")", "[", "]", "^", "$", "\\d", "\\w", "\\b", "{2}", "{1,3}", "{,", "(?i)", "(?:", "[^a]", "-", "\\", "\\x41", "[[:alpha:]]", "{1000}"]
            for _ in 0..<2000 {
                let pattern = (0..<Int.random(in: 1...10, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
                switch CELRegex.compile(pattern) {
                case .success(let regex):
                    var steps = 0
                    _ = regex.matches("aab1 Ab-a\nbb", budget: 100_000, steps: &steps)
                case .failure(let error):
                    #expect(!error.message.isEmpty)
                }
            }
        }
    }
}
