import Testing

@testable import CertLintPolicy

extension ExpressionTests {
    @Suite struct CELLexerTests {
        private func kinds(_ source: String) throws -> [CELToken.Kind] {
            try CELLexer.tokenize(source).map(\.kind)
        }

        @Test func punctuationAndOperators() throws {
            #expect(
                try kinds("( ) [ ] { } . , : ? ! - + * / % < <= > >= == != && || in") == [
                    .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .dot, .comma, .colon, .question,
                    .not, .minus, .plus, .star, .slash, .percent, .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual,
                    .and, .or, .inKeyword, .end,
                ])
            #expect(try kinds("a<=b!=c") == [.identifier("a"), .lessEqual, .identifier("b"), .notEqual, .identifier("c"), .end])
        }

        @Test func wordsAndReservedWords() throws {
            #expect(try kinds("true false null in cert _x a1") == [.trueLiteral, .falseLiteral, .nullLiteral, .inKeyword, .identifier("cert"), .identifier("_x"), .identifier("a1"), .end])
            #expect(try kinds("if while namespace") == [.reserved("if"), .reserved("while"), .reserved("namespace"), .end])
            #expect(try kinds("inx trueish") == [.identifier("inx"), .identifier("trueish"), .end])
        }

        @Test(arguments: [
            ("0", CELToken.Kind.int(0)), ("42", .int(42)), ("0x1F", .int(31)), ("0XfF", .int(255)),
            ("9223372036854775808", .int(9_223_372_036_854_775_808)), ("18446744073709551615", .int(UInt64.max)),
            ("1.5", .double(1.5)), (".5", .double(0.5)), ("1e3", .double(1000)), ("1E-2", .double(0.01)), ("2.5e+1", .double(25)),
            ("7u", .uint), ("7U", .uint),
        ])
        func numbers(source: String, kind: CELToken.Kind) throws {
            #expect(try kinds(source) == [kind, .end])
        }

        @Test func numberFollowedByMember() throws {
            #expect(try kinds("1.size()") == [.int(1), .dot, .identifier("size"), .leftParen, .rightParen, .end])
            #expect(try kinds("x.0") == [.identifier("x"), .double(0), .end])
        }

        @Test(arguments: [
            (#""abc""#, "abc"), ("'abc'", "abc"), (#"'"'"#, "\""), (#""'""#, "'"),
            (#""\\ \" \' \` \? \a\b\f\n\r\t\v""#, "\\ \" ' ` ? \u{07}\u{08}\u{0C}\n\r\t\u{0B}"),
            (#""\x41\X42\u00e9\U0001F600\101\377""#, "AB\u{e9}\u{1F600}A\u{FF}"),
            (#"r"\d+\.\w""#, #"\d+\.\w"#), (#"R'\n'"#, #"\n"#),
            ("'''x''x'''", "x''x"), ("\"\"\"two\nlines\"\"\"", "two\nlines"), (#"r"""\n""""#, #"\n"#),
            (#""é ü 😀""#, "é ü 😀"), ("''", ""),
        ])
        func strings(source: String, value: String) throws {
            #expect(try kinds(source) == [.string(value), .end])
        }

        @Test func bytesLiterals() throws {
            #expect(try kinds(#"b"abc""#) == [.bytes([97, 98, 99]), .end])
            #expect(try kinds(#"b"\377\xff""#) == [.bytes([255, 255]), .end])
            #expect(try kinds(#"B'ÿ'"#) == [.bytes([195, 191]), .end])
            #expect(try kinds(#"rb"\n""#) == [.bytes([0x5C, 0x6E]), .end])
            #expect(try kinds(#"BR'\n'"#) == [.bytes([0x5C, 0x6E]), .end])
        }

        @Test func commentsAndWhitespace() throws {
            #expect(try kinds("a // comment\n+ b // trailing") == [.identifier("a"), .plus, .identifier("b"), .end])
            #expect(try kinds(" \t\r\n\u{0C}a") == [.identifier("a"), .end])
        }

        @Test func offsetsAreUTF8() throws {
            let tokens = try CELLexer.tokenize(#""é" + x"#)
            #expect(tokens.map(\.offset) == [0, 5, 7, 8])
            #expect(tokens.map(\.length) == [4, 1, 1, 0])
        }

        /// Every lexical error, with its exact line and column.
        @Test(arguments: [
            ("a = b", "syntax", 1, 3, "'=='"),
            ("a & b", "syntax", 1, 3, "'&&'"),
            ("a | b", "syntax", 1, 3, "'||'"),
            ("a # b", "invalid-character", 1, 3, "'#'"),
            ("x\n  @", "invalid-character", 2, 3, "'@'"),
            ("é", "invalid-character", 1, 1, "'é'"),
            ("\"é\" + ü", "invalid-character", 1, 7, "'ü'"),
            ("a \u{01}", "invalid-character", 1, 3, "U+1"),
            ("'abc", "invalid-literal", 1, 1, "unterminated"),
            ("x + \"ab\ncd\"", "invalid-literal", 1, 5, "cannot span lines"),
            ("'''abc''", "invalid-literal", 1, 1, "'''"),
            (#""\q""#, "invalid-literal", 1, 2, #"'\q'"#),
            (#""\x4""#, "invalid-literal", 1, 2, "hexadecimal"),
            (#""\u12G4""#, "invalid-literal", 1, 2, "hexadecimal"),
            (#""\uD800""#, "invalid-literal", 1, 2, "code point"),
            (#""\U00110000""#, "invalid-literal", 1, 2, "code point"),
            (#""\400""#, "invalid-literal", 1, 2, "escape"),
            (#""\08""#, "invalid-literal", 1, 2, "octal"),
            (#"b"\u0041""#, "invalid-literal", 1, 3, "bytes"),
            ("0x", "invalid-literal", 1, 1, "no digits"),
            ("0x10000000000000000", "invalid-literal", 1, 1, "out of range"),
            ("99999999999999999999", "invalid-literal", 1, 1, "out of range"),
            ("1e999", "invalid-literal", 1, 1, "out of range"),
            ("12abc", "invalid-literal", 1, 3, "'a'"),
            ("1.5x", "invalid-literal", 1, 4, "'x'"),
            ("7ux", "invalid-literal", 1, 3, "'x'"),
            ("a\r\nb\r\n  $", "invalid-character", 3, 3, "'$'"),
            ("a\rb\r  $", "invalid-character", 3, 3, "'$'"),
        ] as [(String, String, Int, Int, String)])
        func lexicalErrors(source: String, code: String, line: Int, column: Int, fragment: String) {
            #expect {
                _ = try CELLexer.tokenize(source)
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
