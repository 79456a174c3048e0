import Testing

@testable import CertLintPolicy

extension ExpressionTests {
    @Suite struct CELEvaluatorTests {
        /// Expressions and the values they produce against ``CELFixtures/activation``.
        @Test(arguments: [
            // The design's example rule and its neighbours.
            (#"!cert.hasEKU || "serverAuth" in cert.eku || "anyExtendedKeyUsage" in cert.eku"#, CELValue.bool(true)),
            (#"usage.role == "server""#, true),
            ("cert.subject.cn", "www.example.com"),
            ("cert.subject.o[0]", "Example Ltd"),
            ("cert.keyBits >= 2048 && cert.keyBits % 1024 == 0", true),
            ("usage.hostnames.all(h, h in cert.san.dns)", true),
            ("cert.extensions.exists(e, e.name == 'keyUsage' && e.critical)", true),
            ("cert.extensions.filter(e, e.critical).map(e, e.oid)", ["2.5.29.15"]),
            ("has(cert.pathLen)", false),
            ("has(cert.keyBits)", true),
            ("has(cert.subject.cn)", true),
            ("has(m.one)", true),
            ("has(m.three)", false),
            ("params.allowed.exists(a, a == 'rsa')", true),
            // Arithmetic.
            ("1 + 2 * 3 - 4 / 2", 5),
            ("7 % 3", 1),
            ("-7 % 3", -1),
            ("-7 / 2", -3),
            ("i * j", -21),
            ("2.5 * 2.0", 5.0),
            ("1.0 / 0.0", .double(.infinity)),
            ("-i", -7),
            ("- -i", 7),
            ("-9223372036854775808", .int(.min)),
            ("9223372036854775807", .int(.max)),
            ("0x10 + 1", 17),
            // Strings and bytes.
            ("'a' + 'b' + s", "abHello"),
            ("s.size()", 5),
            ("size('héllo')", 5),
            ("size('😀')", 1),
            ("b'ab' + b'c'", .bytes([97, 98, 99])),
            ("size(by)", 2),
            ("s.contains('ell')", true),
            ("s.contains('')", true),
            ("s.contains('xyz')", false),
            ("s.startsWith('He')", true),
            ("s.endsWith('llo')", true),
            ("s.endsWith('Hello!')", false),
            ("s.lowerAscii()", "hello"),
            ("'ÀbC'.upperAscii()", "ÀBC"),
            ("'  x y \\n'.trim()", "x y"),
            ("'a,b,,c'.split(',')", ["a", "b", "", "c"]),
            ("'abc'.split('')", ["a", "b", "c"]),
            ("'a.b.c'.replace('.', '::')", "a::b::c"),
            ("names.join()", "abc"),
            ("names.join(', ')", "a, b, c"),
            ("[].join('-')", ""),
            ("s.matches('^H.*o$')", true),
            ("s.matches('ell')", true),
            ("s.matches('^ell')", false),
            ("matches('ABC', '(?i)abc')", true),
            ("'www.example.com'.matches(r'^([a-z0-9-]+\\.)+[a-z]{2,}$')", true),
            ("s.matches(y)", false),
            ("'abc' < 'abd'", true),
            ("'b' > 'abc'", true),
            ("'é' > 'z'", true),
            ("'a' == 'a'", true),
            // Lists and maps.
            ("[1, 2, 3][1]", 2),
            ("[1, 2] + [3]", [1, 2, 3]),
            ("size([1, 2, 3])", 3),
            ("nums.map(n, n * n)", [9, 1, 4]),
            ("nums.filter(n, n > 1)", [3, 2]),
            ("nums.all(n, n > 0)", true),
            ("nums.exists(n, n > 2)", true),
            ("nums.exists_one(n, n > 2)", true),
            ("nums.exists_one(n, n > 1)", false),
            ("[].all(n, false)", true),
            ("[].exists(n, true)", false),
            ("m['two']", 2),
            ("m.one", 1),
            ("'one' in m", true),
            ("'three' in m", false),
            ("m.all(k, m[k] > 0)", true),
            ("m.map(k, k + '!')", ["one!", "two!"]),
            ("m.filter(k, m[k] == 2)", ["two"]),
            ("{'a': 1, 'b': 2}.size()", 2),
            ("{1: 'x', true: 'y'}[1]", "x"),
            ("{1: 'x'}[1.0]", "x"),
            ("[[1, 2], [3]].map(l, l.size())", [2, 1]),
            ("names.map(a, names.map(b, a + b))", [["aa", "ab", "ac"], ["ba", "bb", "bc"], ["ca", "cb", "cc"]]),
            // Equality across types, as CEL does it.
            ("1 == 1.0", true),
            ("1 != 1.5", true),
            ("2 < 2.5", true),
            ("3.0 >= 3", true),
            ("i == d", false),
            ("[1, 2] == [1, 2.0]", true),
            ("{'a': 1} == {'a': 1.0}", true),
            ("[1] == [1, 2]", false),
            ("x == 'text'", false),
            ("y == 'text'", true),
            ("x == 42", true),
            ("null == null", true),
            ("cert.pathLen == null || true", true),
            ("cert.subject == cert.subject", true),  // the same instance
            ("cert.subject == cert.issuer", false),
            ("0.0 / 0.0 == 0.0 / 0.0", false),
            ("0.0 / 0.0 < 1.0", false),
            ("1 in [1.0, 2.0]", true),
            // Conditionals and logic.
            ("b ? 'yes' : 'no'", "yes"),
            ("!b ? 1 : 2", 2),
            ("true && true", true),
            ("true && false", false),
            ("false || true", true),
            ("false || false", false),
            ("!true", false),
            // Timestamps and durations.
            ("cert.notAfter - cert.notBefore", .duration(seconds: 365 * 86_400)),
            ("(cert.notAfter - cert.notBefore).inDays()", 365),
            ("(cert.notAfter - now).inDays()", 292),
            ("cert.notAfter > now", true),
            ("now + days(30) < cert.notAfter", true),
            ("now - days(1) < now", true),
            ("days(1) + now == timestamp('2026-03-16T00:00:00Z')", true),
            ("timestamp('2026-03-15T00:00:00Z') == now", true),
            ("timestamp('2026-03-15T01:00:00+01:00') == now", true),
            ("timestamp('2026-03-15T00:00:00.999Z') == now", true),
            ("duration('720h') == days(30)", true),
            ("duration('1h30m').getMinutes()", 90),
            ("duration('-1.5h').getSeconds()", -5400),
            ("dur.getHours()", 1),
            ("dur + dur", .duration(seconds: 7200)),
            ("dur - dur", .duration(seconds: 0)),
            ("days(2) > duration('47h')", true),
            ("now.getFullYear()", 2026),
            ("now.getMonth()", 2),
            ("now.getDate()", 15),
            ("now.getDayOfMonth()", 14),
            ("now.getDayOfWeek()", 0),
            ("now.getDayOfYear()", 73),
            ("timestamp('2026-03-15T13:14:15Z').getHours()", 13),
            ("timestamp('2026-03-15T13:14:15Z').getMinutes()", 14),
            ("timestamp('2026-03-15T13:14:15Z').getSeconds()", 15),
            ("string(now)", "2026-03-15T00:00:00Z"),
            ("string(days(1))", "86400s"),
            ("timestamp(0) == t", true),
            ("int(now)", 1_773_532_800),
            ("timestamp('1970-01-01T00:00:00Z') == t", true),
            // Conversions.
            ("int('42')", 42),
            ("int('-9223372036854775808')", .int(.min)),
            ("int(3.9)", 3),
            ("int(-3.9)", -3),
            ("double(i)", 7.0),
            ("double('2.5')", 2.5),
            ("string(42)", "42"),
            ("string(2.5)", "2.5"),
            ("string(true)", "true"),
            ("string(b'ab')", "ab"),
            ("bytes('ab')", .bytes([97, 98])),
            ("bool('true')", true),
            ("dyn(1) + 1", 2),
            ("string(x)", "42"),
            ("string(y)", "text"),
        ] as [(String, CELValue)])
        func values(source: String, expected: CELValue) {
            let value = CELFixtures.evaluate(source)
            #expect(value == expected, "\(source)")
        }

        /// Expressions that evaluate to errors, with the error code.
        @Test(arguments: [
            ("9223372036854775807 + 1", "overflow"),
            ("-9223372036854775808 - 1", "overflow"),
            ("9223372036854775807 * 2", "overflow"),
            ("-9223372036854775808 / -1", "overflow"),
            ("-9223372036854775808 % -1", "overflow"),
            ("-(-9223372036854775808)", "overflow"),
            ("i / 0", "division-by-zero"),
            ("i % 0", "division-by-zero"),
            ("names[3]", "index-out-of-range"),
            ("names[-1]", "index-out-of-range"),
            ("m['three']", "no-such-key"),
            ("m.three", "no-such-key"),
            ("cert.pathLen", "no-such-field"),
            ("cert.pathLen > 0", "no-such-field"),
            ("x.field", "no-matching-overload"),
            ("x + 'a'", "no-matching-overload"),
            ("x < 'a'", "no-matching-overload"),
            ("y + 1", "no-matching-overload"),
            ("x && true", "no-matching-overload"),
            ("x ? 1 : 2", "no-matching-overload"),
            ("x[0]", "no-matching-overload"),
            ("x.all(e, true)", "no-matching-overload"),
            ("y in x", "no-matching-overload"),
            ("size(x)", "no-matching-overload"),
            ("int('4x')", "invalid-argument"),
            ("int(1e19)", "overflow"),
            ("int(0.0 / 0.0)", "overflow"),
            ("double('x')", "invalid-argument"),
            ("timestamp(y)", "invalid-argument"),
            ("duration(y)", "invalid-argument"),
            ("bool('yes')", "invalid-argument"),
            ("string(b'\\xff')", "invalid-argument"),
            ("days(9223372036854775807)", "overflow"),
            ("days(3652501)", "overflow"),
            ("now + days(3000000)", "overflow"),
            ("timestamp('0001-01-01T00:00:00Z') - days(1)", "overflow"),
            ("timestamp(253402300800)", "overflow"),
            ("s.matches(y + '(')", "invalid-argument"),
            ("{'a': 1, 'a': 2}", "duplicate-key"),
            ("{dyn(2.5): 1}", "no-matching-overload"),
            ("'a'.replace('', 'b')", "invalid-argument"),
            ("[x].join()", "no-matching-overload"),
            ("nums.map(n, 10 / (n - 1))", "division-by-zero"),
            ("nums.filter(n, 10 / (n - 1) > 0)", "division-by-zero"),
            ("nums.exists_one(n, 10 / (n - 1) > 0)", "division-by-zero"),
            ("nums.all(n, 10 / (n - 1) > 0)", "division-by-zero"),
            ("nums.exists(n, 10 / (n - 1) < 0)", "division-by-zero"),
            ("[x, 1].all(e, e)", "no-matching-overload"),
            ("[1, 2].map(e, x / 0)", "division-by-zero"),
        ] as [(String, String)])
        func errors(source: String, code: String) {
            let value = CELFixtures.evaluate(source)
            #expect(value?.errorValue?.code.rawValue == code, "\(source) gave \(String(describing: value))")
        }

        /// CEL's commutative logical operators: the deciding operand wins over an error on either side.
        @Test(arguments: [
            ("false && (1 / 0 == 1)", CELValue.bool(false)),
            ("(1 / 0 == 1) && false", false),
            ("true || (1 / 0 == 1)", true),
            ("(1 / 0 == 1) || true", true),
            ("cert.pathLen > 0 || true", true),
            ("cert.pathLen > 0 && false", false),
            ("false && x", false),
            ("x || true", true),
            ("!has(cert.pathLen) || cert.pathLen > 0", true),
            ("has(cert.pathLen) && cert.pathLen > 0", false),
            ("false ? 1 / 0 : 2", 2),
            ("true ? 2 : 1 / 0", 2),
            ("nums.all(n, n == 3 || 1 / 0 == 0) || true", true),
            ("nums.all(n, 10 / (n - 1) > 0 && n == 5)", false),  // false at n=3 absorbs the error at n=1
            ("nums.exists(n, 10 / (n - 1) > 0)", true),  // true at n=3 absorbs the error at n=1
            ("[1 / 0 == 1, false].exists(e, e)", .error(CELEvaluationError(.divisionByZero, "1 / 0 divides by zero", offset: 3))),
        ] as [(String, CELValue)])
        func errorAbsorption(source: String, expected: CELValue) {
            #expect(CELFixtures.evaluate(source) == expected, "\(source)")
        }

        @Test func errorsStayErrorsWhenNothingDecides() {
            for source in ["true && (1 / 0 == 1)", "(1 / 0 == 1) && true", "false || (1 / 0 == 1)", "(1 / 0 == 1) || false", "x || false", "x && true"] {
                #expect(CELFixtures.evaluate(source)?.isError == true, "\(source)")
            }
        }

        @Test func errorsCarryTheirSourceOffset() throws {
            let value = CELFixtures.evaluate("1 + i / 0")
            #expect(value?.errorValue?.offset == 6)
            #expect(value?.errorValue?.message == "7 / 0 divides by zero")
            let field = CELFixtures.evaluate("cert.pathLen")
            #expect(field?.errorValue?.offset == 5)
            #expect(field?.errorValue?.message.contains("pathLen") == true)
        }

        @Test func unboundVariables() throws {
            let program = try CELFixtures.compile("usage.role == 'server' || cert.hasEKU")
            #expect(program.evaluate(["cert": CELFixtures.activation["cert"] ?? .null]) == .bool(true))
            let value = program.evaluate([:])
            #expect(value.errorValue?.code == .unboundVariable)
            #expect(value.errorValue?.message.contains("'usage'") == true)
        }

        @Test func errorValuesInTheActivationPropagate() throws {
            let program = try CELFixtures.compile("i + 1")
            let failure = CELEvaluationError(.invalidArgument, "the fact could not be read")
            #expect(program.evaluate(["i": .error(failure)]) == .error(failure))
        }

        @Test func wrongRuntimeTypesNeverTrap() throws {
            // A provider that returns values of other types than it declared gets errors, not crashes.
            let liar = CELValue.object(TestObject("Certificate", ["eku": 5, "keyBits": "big", "subject": 1, "hasEKU": "yes", "extensions": ["x"]]))
            let env = ["cert": liar]
            for source in ["'a' in cert.eku", "cert.keyBits > 1", "cert.subject.cn == 'x'", "!cert.hasEKU", "cert.eku.size() > 0",
                           "cert.extensions.exists(e, e.critical)", "cert.eku.all(e, e.startsWith('a'))", "cert.keyBits + 1 > 0"] {
                let value = try CELFixtures.compile(source).evaluate(env)
                #expect(value.isError, "\(source) gave \(value)")
            }
        }

        // MARK: - Cost

        @Test func costIsCounted() throws {
            let program = try CELFixtures.compile("1 + 2")
            let (value, cost) = program.evaluateWithCost([:])
            #expect(value == .int(3))
            #expect(cost == 3)
            let (_, macroCost) = try CELFixtures.compile("nums.all(n, n > 0)").evaluateWithCost(CELFixtures.activation)
            #expect(macroCost > 3 * 3)
        }

        @Test func costLimitStopsRunawayMacros() throws {
            // Exponential: each level multiplies the work by 10.
            let range = "[0,1,2,3,4,5,6,7,8,9]"
            var source = "true"
            for level in 0..<8 { source = "\(range).all(v\(level), \(source))" }
            let program = try CELFixtures.compile(source)
            let (value, cost) = program.evaluateWithCost([:], costLimit: 10_000)
            #expect(value.errorValue?.code == .costLimitExceeded)
            #expect(value.errorValue?.message.contains("cost limit of 10000") == true)
            #expect(cost < 10_100)
            // The same error whatever the logic around it: a cost overrun is never absorbed.
            let absorbed = try CELFixtures.compile("true || \(source)")
            #expect(absorbed.evaluate([:], costLimit: 50) == .bool(true))
            let notAbsorbed = try CELFixtures.compile("\(source) || true")
            #expect(notAbsorbed.evaluate([:], costLimit: 10_000).errorValue?.code == .costLimitExceeded)
        }

        @Test func costLimitStopsExplodingLists() throws {
            let program = try CELFixtures.compile("['ab'].map(a, [a + a, a + a]).map(l, l.map(a, a + a + a + a)).map(l, l.map(a, [a, a, a].map(b, b + b + b)))")
            #expect(program.evaluate([:], costLimit: 100).errorValue?.code == .costLimitExceeded)
            let strings = try CELFixtures.compile("[s, s, s, s, s, s, s, s].map(a, a + a + a + a + a + a + a + a)")
            #expect(strings.evaluate(["s": .string(String(repeating: "x", count: 10_000))], costLimit: 100_000).errorValue?.code == .costLimitExceeded)
        }

        @Test func costLimitCoversRegexWork() throws {
            let program = try CELFixtures.compile("s.matches('(a|aa)*(a|aa)*(a|aa)*b')")
            let long = CELValue.string(String(repeating: "a", count: 5_000))
            #expect(program.evaluate(["s": long], costLimit: 10_000).errorValue?.code == .costLimitExceeded)
            #expect(program.evaluate(["s": long], costLimit: 100_000_000) == .bool(false))
            #expect(program.evaluate(["s": "aab"]) == .bool(true))
        }

        @Test func costLimitCoversStringWork() throws {
            let program = try CELFixtures.compile("s.contains('zzz')")
            let (_, small) = program.evaluateWithCost(["s": "abc"])
            let (_, large) = program.evaluateWithCost(["s": .string(String(repeating: "a", count: 1000))])
            #expect(large > small)
            #expect(large >= 1000)
        }
    }
}
