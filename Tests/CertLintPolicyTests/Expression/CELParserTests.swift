import Testing

@testable import CertLintPolicy

extension ExpressionTests {
    @Suite struct CELParserTests {
        /// Precedence and associativity, shown by the fully parenthesized form.
        @Test(arguments: [
            ("a + b * c", "(a + (b * c))"),
            ("a * b + c", "((a * b) + c)"),
            ("a - b - c", "((a - b) - c)"),
            ("a / b / c", "((a / b) / c)"),
            ("a % b * c", "((a % b) * c)"),
            ("a + b - c + d", "(((a + b) - c) + d)"),
            ("a < b + c", "(a < (b + c))"),
            ("a + b == c * d", "((a + b) == (c * d))"),
            ("a == b != c", "((a == b) != c)"),
            ("a < b == c > d", "(((a < b) == c) > d)"),
            ("a in b == c", "((a in b) == c)"),
            ("a + 1 in b", "((a + 1) in b)"),
            ("a && b || c", "((a && b) || c)"),
            ("a || b && c", "(a || (b && c))"),
            ("a || b || c", "(a || b || c)"),
            ("a && b && c && d", "(a && b && c && d)"),
            ("a == b && c != d", "((a == b) && (c != d))"),
            ("!a && b", "((!a) && b)"),
            ("!a.b", "(!a.b)"),
            ("-a.b[0]", "(-a.b[0])"),
            ("!!a", "(!(!a))"),
            ("--a", "(-(-a))"),
            ("-a * b", "((-a) * b)"),
            ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
            ("a ? (b ? c : d) : e", "(a ? (b ? c : d) : e)"),
            ("a || b ? c : d", "((a || b) ? c : d)"),
            ("(a + b) * c", "((a + b) * c)"),
            ("a.b.c", "a.b.c"),
            ("a[0][1]", "a[0][1]"),
            ("a.b(c).d", "a.b(c).d"),
            ("f(a, b + c)", "f(a, (b + c))"),
            ("f()", "f()"),
            ("a.f()", "a.f()"),
            ("[1, 2, 3]", "[1, 2, 3]"),
            ("[1, 2,]", "[1, 2]"),
            ("[]", "[]"),
            (#"{"a": 1, "b": 2,}"#, #"{"a": 1, "b": 2}"#),
            ("{}", "{}"),
            ("has(a.b)", "has(a.b)"),
            ("has(a.b.c)", "has(a.b.c)"),
            ("l.all(x, x > 0)", "l.all(x, (x > 0))"),
            ("l.exists_one(x, x)", "l.exists_one(x, x)"),
            ("l.map(x, x * 2).filter(y, y > 2)", "l.map(x, (x * 2)).filter(y, (y > 2))"),
            ("-1", "-1"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("- 5", "-5"),
            ("-1.5", "-1.5"),
            ("1 - -1", "(1 - -1)"),
            ("-(1)", "(-1)"),
            ("--1", "(--1)"),
            ("-1.size()", "(-1.size())"),
            ("true && false || null == null", "((true && false) || (null == null))"),
            ("a // comment\n + b", "(a + b)"),
        ])
        func grouping(source: String, expected: String) throws {
            #expect(try CELParser.parse(source).description == expected)
        }

        @Test func everyBinaryOperatorParses() throws {
            for op in CELBinaryOperator.allCases {
                let tree = try CELParser.parse("a \(op.rawValue) b")
                guard case .binary(let parsed, _, _) = tree.kind else {
                    Issue.record("\(op) did not parse as a binary operator")
                    continue
                }
                #expect(parsed == op)
            }
        }

        @Test func offsetsPointAtTheNodeToken() throws {
            let tree = try CELParser.parse("cert.subject.cn == 'x'")
            #expect(tree.offset == 16)
            guard case .binary(_, let lhs, let rhs) = tree.kind else {
                Issue.record("not binary")
                return
            }
            #expect(lhs.offset == 13)  // "cn"
            #expect(rhs.offset == 19)
            let call = try CELParser.parse("  s.startsWith('a')")
            #expect(call.offset == 4)
        }

        @Test func depthIsTracked() throws {
            #expect(try CELParser.parse("a").depth == 1)
            #expect(try CELParser.parse("a + b").depth == 2)
            #expect(try CELParser.parse("a.b.c").depth == 3)
            #expect(try CELParser.parse("a || b || c || d").depth == 2)
        }

        @Test func nestingLimit() throws {
            let ok = String(repeating: "(", count: 99) + "1" + String(repeating: ")", count: 99)
            _ = try CELParser.parse(ok)
            for deep in [
                String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101),
                String(repeating: "[", count: 150) + String(repeating: "]", count: 150),
                String(repeating: "!", count: 150) + "a",
                String(repeating: "-", count: 150) + "a",
                (0..<150).map { _ in "1" }.joined(separator: " + "),
                "a" + String(repeating: ".b", count: 150),
                "a" + String(repeating: "[0]", count: 150),
                String(repeating: "f(", count: 150) + String(repeating: ")", count: 150),
                String(repeating: "a ? b : ", count: 150) + "c",
                String(repeating: "{1: ", count: 150) + String(repeating: "}", count: 150),
                String(repeating: "(", count: 10_000),
            ] {
                #expect {
                    _ = try CELParser.parse(deep)
                } throws: { error in
                    (error as? CELCompileError)?.code == .nestingTooDeep
                }
            }
        }

        @Test func longFlatExpressionsAreFine() throws {
            let terms = (0..<2000).map { "a\($0)" }.joined(separator: " || ")
            #expect(try CELParser.parse(terms).depth == 2)
            let list = "[" + (0..<2000).map(String.init).joined(separator: ", ") + "]"
            #expect(try CELParser.parse(list).depth == 2)
        }

        @Test func sourceSizeLimit() {
            let big = String(repeating: "1 + ", count: CELProgram.maxSourceBytes / 4) + "1"
            #expect {
                _ = try CELParser.parse(big)
            } throws: { error in
                (error as? CELCompileError)?.code == .sourceTooLarge
            }
        }

        /// Every syntax error, with its exact line and column.
        @Test(arguments: [
            ("", "syntax", 1, 1, "empty"),
            ("   // only a comment", "syntax", 1, 21, "empty"),
            ("a +", "syntax", 1, 4, "ends where a value was expected"),
            ("a + )", "syntax", 1, 5, "found ')'"),
            ("(a + b", "syntax", 1, 7, "expected ')' to close '('"),
            ("a b", "syntax", 1, 3, "unexpected 'b' after the end"),
            ("a)", "syntax", 1, 2, "unexpected ')'"),
            ("f(a b)", "syntax", 1, 5, "expected ',' or ')'"),
            ("f(a,)", "syntax", 1, 5, "found ')'"),
            ("[1 2]", "syntax", 1, 4, "expected ',' or ']'"),
            ("{1 2}", "syntax", 1, 4, "expected ':'"),
            ("{1: 2 3: 4}", "syntax", 1, 7, "expected ',' or '}'"),
            ("a[1", "syntax", 1, 4, "expected ']'"),
            ("a ? b", "syntax", 1, 6, "expected ':'"),
            ("a ? b ? c : d : e", "syntax", 1, 7, "expected ':'"),  // cel-spec: the middle operand is a ConditionalOr
            ("a.", "syntax", 1, 3, "field or method name"),
            ("a.1", "syntax", 1, 2, "'.1'"),
            ("a.(b)", "syntax", 1, 3, "found '('"),
            ("\n\n  a +\n  * b", "syntax", 4, 3, "found '*'"),
            ("1u", "unsupported", 1, 1, "unsigned"),
            ("Name{cn: 'x'}", "unsupported", 1, 5, "object construction"),
            (".a", "unsupported", 1, 1, "leading '.'"),
            ("if", "unsupported", 1, 1, "reserved"),
            ("a.while", "unsupported", 1, 3, "reserved"),
            ("in", "syntax", 1, 1, "found 'in'"),
            ("9223372036854775808", "invalid-literal", 1, 1, "out of range"),
            ("-9223372036854775809", "invalid-literal", 1, 2, "out of range"),
            ("has(a)", "invalid-macro", 1, 1, "field selection"),
            ("has(a.b, c.d)", "invalid-macro", 1, 1, "field selection"),
            ("has(a[0])", "invalid-macro", 1, 1, "field selection"),
            ("l.all(x)", "invalid-macro", 1, 3, "two arguments"),
            ("l.exists(x, y, z)", "invalid-macro", 1, 3, "given 3"),
            ("l.map(1, 2)", "invalid-macro", 1, 7, "variable name"),
            ("l.filter(x.y, true)", "invalid-macro", 1, 12, "variable name"),
        ] as [(String, String, Int, Int, String)])
        func syntaxErrors(source: String, code: String, line: Int, column: Int, fragment: String) {
            #expect {
                _ = try CELParser.parse(source)
            } throws: { error in
                guard let error = error as? CELCompileError else { return false }
                #expect(error.code.rawValue == code, "\(source): \(error)")
                #expect(error.line == line && error.column == column, "\(source): \(error)")
                #expect(error.message.contains(fragment), "\(source): \(error)")
                return true
            }
        }
    }
}
