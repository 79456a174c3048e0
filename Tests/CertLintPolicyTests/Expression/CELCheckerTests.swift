import Testing

@testable import CertLintPolicy

extension ExpressionTests {
    @Suite struct CELCheckerTests {
        /// Inferred result types.
        @Test(arguments: [
            ("1", CELType.int), ("1.5", .double), ("'a'", .string), ("b'a'", .bytes), ("true", .bool), ("null", .null),
            ("cert", .object("Certificate")), ("cert.subject", .object("Name")), ("cert.subject.cn", .string),
            ("cert.eku", .list(.string)), ("cert.eku[0]", .string), ("m['one']", .int), ("m.one", .int),
            ("cert.keyBits >= 2048", .bool), ("'a' in cert.eku", .bool), ("i + 1", .int), ("d * 2.0", .double),
            ("s + 'x'", .string), ("names + ['x']", .list(.string)), ("[1, 2]", .list(.int)), ("[1, 'a']", .list(.dyn)),
            ("[]", .list(.dyn)), ("{'a': 1}", .map(key: .string, value: .int)), ("{}", .map(key: .dyn, value: .dyn)),
            ("[null, 'a']", .list(.string)), ("x", .dyn), ("x.y.z", .dyn), ("x[0]", .dyn), ("x + 1", .dyn),
            ("cert.notAfter - cert.notBefore", .duration), ("now + days(30)", .timestamp), ("days(1) + now", .timestamp),
            ("now - days(1)", .timestamp), ("dur + dur", .duration), ("timestamp('2026-03-15T00:00:00Z')", .timestamp),
            ("duration('720h')", .duration), ("size(s)", .int), ("s.size()", .int), ("cert.eku.size()", .int), ("m.size()", .int),
            ("names.map(n, n.size())", .list(.int)), ("names.filter(n, n != 'a')", .list(.string)), ("names.all(n, n != '')", .bool),
            ("m.map(k, k)", .list(.string)), ("x.all(e, e)", .bool), ("cert.extensions.exists(e, e.critical)", .bool),
            ("cert.extensions.map(e, e.name)", .list(.string)), ("b ? 1 : 2", .int), ("b ? null : 'a'", .string),
            ("b ? x : 1", .dyn), ("int('1')", .int), ("string(x)", .string), ("dyn(1)", .dyn), ("has(cert.pathLen)", .bool),
            ("has(m.one)", .bool), ("has(x.anything)", .bool), ("i == d", .bool), ("i < d", .bool), ("cert.pathLen == null", .bool),
            ("s.matches('^a+$')", .bool), ("names.join(', ')", .string), ("s.split(',')", .list(.string)), ("dur.inDays()", .int),
            ("now.getFullYear()", .int), ("-i", .int), ("-d", .double), ("!b", .bool), ("i % 2", .int), ("1 in [1, 2.0]", .bool),
        ])
        func resultTypes(source: String, type: CELType) throws {
            #expect(try CELFixtures.compile(source).resultType == type)
        }

        @Test func variablesAreListedInOrderOfFirstUse() throws {
            let program = try CELFixtures.compile("usage.role == 'server' && cert.hasEKU && usage.mtls && names.all(n, n != '')")
            #expect(program.variables == ["usage", "cert", "names"])
        }

        @Test func macroVariablesShadowAndScope() throws {
            // `cert` inside the macro is the element, a string.
            #expect(try CELFixtures.compile("names.all(cert, cert.startsWith('a'))").resultType == .bool)
            // Nested macros each see their own variable and the outer one.
            #expect(try CELFixtures.compile("names.all(a, names.exists(b, a + b == 'ab'))").resultType == .bool)
            // The variable is out of scope after the macro.
            #expect(CELFixtures.compileError("names.all(n, true) && n == 'a'")?.code == .unknownName)
        }

        /// Every checker error: code, line, column, and the words the message must contain.
        @Test(arguments: [
            // Unknown names, fields, functions, each with a suggestion when one is close.
            ("crt.hasEKU", "unknown-name", 1, 1, "unknown name 'crt'; did you mean 'cert'?"),
            ("usge.role", "unknown-name", 1, 1, "did you mean 'usage'?"),
            ("zzzzzz", "unknown-name", 1, 1, "the names available here are"),
            ("size", "unknown-name", 1, 1, "'size' is a function"),
            ("cert.subjct.cn", "unknown-field", 1, 6, "unknown field 'subjct' of Certificate; did you mean 'subject'?"),
            ("cert.subject.nc", "unknown-field", 1, 14, "did you mean 'cn'?"),
            ("cert.hasEku", "unknown-field", 1, 6, "did you mean 'hasEKU'?"),
            ("cert.frobnicate", "unknown-field", 1, 6, "unknown field 'frobnicate' of Certificate"),
            ("has(cert.pathlen)", "unknown-field", 1, 1, "did you mean 'pathLen'?"),
            ("cert.extensions.exists(e, e.critcal)", "unknown-field", 1, 29, "did you mean 'critical'?"),
            ("s.startswith('a')", "unknown-function", 1, 3, "unknown function 'startswith'; did you mean 'startsWith'?"),
            ("s.lowerASCII()", "unknown-function", 1, 3, "did you mean 'lowerAscii'?"),
            ("frobnicate(1)", "unknown-function", 1, 1, "unknown function 'frobnicate'"),
            ("startsWith(s, 'a')", "unknown-function", 1, 1, "is a method"),
            ("s.timestamp()", "unknown-function", 1, 3, "is not a method"),
            ("cert.subject()", "unknown-function", 1, 6, "is a field of Certificate"),
            ("all(names, n, true)", "invalid-macro", 1, 1, "is a macro"),
            // Wrong operand and argument types.
            ("1 + 'a'", "no-matching-overload", 1, 3, "'+' cannot be applied to int and string"),
            ("i + d", "no-matching-overload", 1, 3, "convert one side with double()"),
            ("s - s", "no-matching-overload", 1, 3, "'-' cannot be applied to string and string"),
            ("d % 2.0", "no-matching-overload", 1, 3, "'%'"),
            ("b * 2", "no-matching-overload", 1, 3, "'*'"),
            ("'a' < 1", "no-matching-overload", 1, 5, "'<' cannot be applied to string and int"),
            ("cert.subject < cert.issuer", "no-matching-overload", 1, 14, "'<'"),
            ("s == 1", "no-matching-overload", 1, 3, "'==' cannot be applied to string and int"),
            ("cert.keyBits != '2048'", "no-matching-overload", 1, 14, "'!='"),
            ("1 in names", "no-matching-overload", 1, 3, "'in'"),
            ("'a' in s", "no-matching-overload", 1, 5, "contains"),
            ("now + now", "no-matching-overload", 1, 5, "timestamp and timestamp"),
            ("dur - now", "no-matching-overload", 1, 5, "duration and timestamp"),
            ("!i", "no-matching-overload", 1, 1, "'!' cannot be applied to int"),
            ("-s", "no-matching-overload", 1, 1, "'-' cannot be applied to string"),
            ("i && b", "no-matching-overload", 1, 1, "the operands of '&&' must be bool, but this one is int"),
            ("b || 'x'", "no-matching-overload", 1, 6, "'||'"),
            ("i ? 1 : 2", "no-matching-overload", 1, 1, "condition of '?:' must be bool"),
            ("b ? 1 : 'a'", "no-matching-overload", 1, 3, "different types, int and string"),
            ("i.foo", "no-matching-overload", 1, 3, "cannot select field 'foo' of a value of type int"),
            ("s.size", "no-matching-overload", 1, 3, "is a method"),
            ("names['a']", "no-matching-overload", 1, 6, "indexed by an int"),
            ("m[1]", "no-matching-overload", 1, 2, "indexed by string"),
            ("s[0]", "no-matching-overload", 1, 2, "cannot be indexed"),
            ("has(s.x)", "no-matching-overload", 1, 1, "has() needs an object or a map"),
            ("{1.5: 'a'}", "no-matching-overload", 1, 2, "map keys must be int, string or bool"),
            ("s.contains(1)", "no-matching-overload", 1, 3, "its forms are string.contains(string) -> bool"),
            ("names.contains('a')", "no-matching-overload", 1, 7, "write value in list"),
            ("size(1)", "no-matching-overload", 1, 1, "'size' cannot be applied as size(int)"),
            ("s.contains()", "no-matching-overload", 1, 3, "takes 1 argument, but was given 0"),
            ("names.join(1, 2)", "no-matching-overload", 1, 7, "takes 0 or 1 arguments"),
            ("days('30')", "no-matching-overload", 1, 1, "days(int) -> duration"),
            ("i.all(x, true)", "no-matching-overload", 1, 3, "needs a list or a map, but it is called on int"),
            ("names.all(n, n)", "invalid-macro", 1, 14, "must be bool, but it is string"),
            ("names.filter(n, 1)", "invalid-macro", 1, 17, "predicate of filter()"),
            // Literal arguments that can never work.
            ("timestamp('2026-13-01T00:00:00Z')", "invalid-argument", 1, 11, "RFC 3339"),
            ("timestamp('yesterday')", "invalid-argument", 1, 11, "RFC 3339"),
            ("duration('30 days')", "invalid-argument", 1, 10, "duration"),
            ("s.matches('(')", "invalid-argument", 1, 11, "does not compile: missing ')'"),
            ("matches(s, 'a**')", "invalid-argument", 1, 12, "bad repetition"),
            ("s.matches('(?=x)')", "invalid-argument", 1, 11, "not supported"),
            // Multi-line sources keep their line and column.
            ("cert.hasEKU &&\n  'serverAuth' in cert.ekus", "unknown-field", 2, 24, "did you mean 'eku'?"),
        ] as [(String, String, Int, Int, String)])
        func checkErrors(source: String, code: String, line: Int, column: Int, fragment: String) {
            guard let error = CELFixtures.compileError(source) else {
                Issue.record("\(source) compiled")
                return
            }
            #expect(error.code.rawValue == code, "\(source): \(error)")
            #expect(error.line == line && error.column == column, "\(source): \(error)")
            #expect(error.message.contains(fragment), "\(source): \(error)")
        }

        @Test(arguments: ["1", "'yes'", "cert.eku", "cert.keyBits + 1", "null", "names.map(n, n)"])
        func conditionsMustBeBool(source: String) {
            let error = CELFixtures.compileError(source, expecting: .bool)
            #expect(error?.code == .wrongResultType)
            #expect(error?.message.contains("must produce a bool") == true)
        }

        @Test func dynResultIsCheckedAtRuntime() throws {
            let program = try CELFixtures.compile("x", expecting: .bool)
            #expect(program.resultType == .bool)
            #expect(program.evaluate(["x": true]) == .bool(true))
            #expect(program.evaluate(["x": 1]).errorValue?.code == .wrongResultType)
        }

        @Test func messageTemplatesAcceptAnyType() throws {
            #expect(try CELFixtures.compile("cert.eku", expecting: nil).resultType == .list(.string))
            #expect(try CELFixtures.compile("cert.subject.cn").evaluate(CELFixtures.activation).messageText == "www.example.com")
            #expect(try CELFixtures.compile("cert.eku").evaluate(CELFixtures.activation).messageText == "serverAuth, clientAuth")
        }

        @Test func suggestions() {
            let env = CELFixtures.environment
            #expect(env.suggestion(forVariable: "cetr") == "cert")
            #expect(env.suggestion(forField: "notafter", in: "Certificate") == "notAfter")
            #expect(env.suggestion(forField: "q", in: "Certificate") == nil)
            #expect(env.suggestion(forField: "cn", in: "Nope") == nil)
            #expect(env.suggestion(forFunction: "endswith") == "endsWith")
            #expect(env.suggestion(forFunction: "completelyDifferent") == nil)
            #expect(CELEnvironment.closest(to: "", among: ["a"]) == nil)
            #expect(CELEnvironment.closest(to: "abc", among: ["abd", "abe"]) == "abd")
        }

        @Test func domainFunctionsJoinTheStandardLibrary() throws {
            let covers = CELFunction("coversHostname", parameters: [.object("Certificate"), .string], result: .bool) { args in
                guard case .object(let cert) = args[0], case .string(let host) = args[1],
                    case .object(let san)? = cert.field("san"), case .list(let names)? = san.field("dns")
                else { return .error(CELEvaluationError(.noMatchingOverload, "bad arguments")) }
                return .bool(names.contains(.string(host)))
            }
            let env = CELEnvironment(variables: CELFixtures.variables, objectTypes: CELFixtures.objectTypes, functions: CELFunction.standardLibrary + [covers])
            let program = try CELProgram.compile("usage.hostnames.all(h, coversHostname(cert, h))", environment: env, expecting: .bool)
            #expect(program.evaluate(CELFixtures.activation) == .bool(true))
            #expect(throws: CELCompileError.self) { try CELProgram.compile("coversHostname(usage, 'x')", environment: env) }
            #expect(covers.signature == "coversHostname(Certificate, string) -> bool")
        }
    }
}
