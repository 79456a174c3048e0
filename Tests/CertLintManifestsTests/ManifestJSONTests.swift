import Testing

@testable import CertLintManifests

// The positioned JSON reader the CloudFormation and Terraform readers use. Conformance cases
// follow RFC 8259 and the shapes of Nicolas Seriot's JSONTestSuite (y_ must parse, n_ must be
// rejected; i_ cases are noted where this reader chooses); positions are asserted with
// markers; hostile shapes (depth, size, mutations, prefixes) must fail cleanly.

private func parse(_ text: String, options: ManifestJSONOptions = ManifestJSONOptions()) -> Result<ManifestJSONValue, ManifestJSONError> {
    do {
        return .success(try ManifestJSON.parse(text, options: options))
    } catch {
        return .failure(error)
    }
}

/// A compact rendering of a value, for comparing whole trees.
private func render(_ value: ManifestJSONValue) -> String {
    switch value.kind {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let text): return "#" + text
    case .string(let text): return "\"" + text + "\""
    case .array(let items): return "[" + items.map(render).joined(separator: ",") + "]"
    case .object(let members): return "{" + members.map { "\($0.key):" + render($0.value) }.joined(separator: ",") + "}"
    }
}

@Suite struct ManifestJSONTests {
    @Test(arguments: [
        ("[]", "[]"),
        ("{}", "{}"),
        (" \t\r\n[1] \n", "[#1]"),
        ("[-0]", "[#-0]"),
        ("[0e+1]", "[#0e+1]"),
        ("[1E22, -1.5e-3, 123.456e78]", "[#1E22,#-1.5e-3,#123.456e78]"),
        ("[true, false, null]", "[true,false,null]"),
        ("\"just a string\"", "\"just a string\""),
        ("42", "#42"),
        ("null", "null"),
        ("{\"a\":[],\"b\":{\"c\":{}}}", "{a:[],b:{c:{}}}"),
        ("[\"\\u0060\\u012a\\u12AB\"]", "[\"`Ī\u{12AB}\"]"),
        ("[\"\\uD801\\udc37\"]", "[\"\u{10437}\"]"),
        ("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", "[\"\"\\/\u{8}\u{C}\n\r\t\"]"),
        ("[\"é€𝄞 raw UTF-8\"]", "[\"é€𝄞 raw UTF-8\"]"),
        ("{\"\":0}", "{:#0}"),
        ("[\"\u{7F}\"]", "[\"\u{7F}\"]"),
    ])
    func validDocumentsParse(text: String, expected: String) throws {
        let value = try ManifestJSON.parse(text)
        #expect(render(value) == expected)
    }

    @Test(arguments: [
        ("", ManifestJSONError.Code.empty),
        ("   \n ", .empty),
        ("[1,]", .unexpectedCharacter),
        ("{\"a\":1,}", .unexpectedCharacter),
        ("[1 2]", .unexpectedCharacter),
        ("{\"a\":1 \"b\":2}", .unexpectedCharacter),
        ("{\"a\" 1}", .unexpectedCharacter),
        ("{'a':1}", .unexpectedCharacter),
        ("{a:1}", .unexpectedCharacter),
        ("[01]", .invalidNumber),
        ("[1.]", .invalidNumber),
        ("[.5]", .unexpectedCharacter),
        ("[+1]", .unexpectedCharacter),
        ("[-]", .invalidNumber),
        ("[1e]", .invalidNumber),
        ("[1e+]", .invalidNumber),
        ("[0x1F]", .unexpectedCharacter),
        ("[NaN]", .unexpectedCharacter),
        ("[Infinity]", .unexpectedCharacter),
        ("[tru]", .unexpectedCharacter),
        ("[nul", .unexpectedCharacter),
        ("[\"a\\x\"]", .invalidEscape),
        ("[\"\\u00\"]", .invalidEscape),
        ("[\"\\uZZZZ\"]", .invalidEscape),
        ("[\"tab\there\"]", .controlCharacter),
        ("[\"new\nline\"]", .controlCharacter),
        ("[\"unterminated", .unterminatedString),
        ("[\"a\\", .unterminatedString),
        ("[1] x", .trailingContent),
        ("{} {}", .trailingContent),
        ("// comment\n{}", .unexpectedCharacter),
        ("[", .unexpectedEnd),
        ("[1,", .unexpectedEnd),
        ("{\"a\":", .unexpectedEnd),
        ("{\"a\"", .unexpectedCharacter),
        ("{", .unexpectedEnd),
        ("]", .unexpectedCharacter),
    ])
    func invalidDocumentsAreRejected(text: String, code: ManifestJSONError.Code) {
        guard case .failure(let error) = parse(text) else {
            Issue.record("\(text.debugDescription) parsed")
            return
        }
        #expect(error.code == code, "\(text.debugDescription): \(error)")
        #expect(error.position.offset <= text.utf8.count)
        #expect(!error.message.isEmpty && error.message.hasSuffix("."))
    }

    @Test func keysAndValuesKnowTheirPositions() throws {
        let marked = MarkedText(
            """
            ⟨root⟩{
              ⟨k1⟩"resource": ⟨v1⟩{
                ⟨k2⟩"aws_lb_listener": {"front": {⟨k3⟩"certificate_arn": ⟨v3⟩"arn:aws:acm:…:certificate/é"}},
                ⟨k4⟩"ports": ⟨v4⟩[⟨p0⟩443, ⟨p1⟩-8443.5e1, ⟨p2⟩true, ⟨p3⟩null]
              },
              ⟨k5⟩"émoji 🔐": ⟨v5⟩"x"
            }
            """)
        let root = try ManifestJSON.parse(marked.text)
        func expectAt(_ value: ManifestJSONValue?, _ name: String) {
            let position = value.map { ($0.position.line, $0.position.column) }
            #expect(position.map { "\($0.0):\($0.1)" } == marked.markers[name].map { "\($0.line):\($0.column)" }, "\(name)")
        }
        func expectKey(_ member: ManifestJSONMember?, _ name: String) {
            let position = member.map { ($0.keyPosition.line, $0.keyPosition.column) }
            #expect(position.map { "\($0.0):\($0.1)" } == marked.markers[name].map { "\($0.line):\($0.column)" }, "\(name)")
        }
        expectAt(root, "root")
        expectKey(root.member("resource"), "k1")
        expectAt(root["resource"], "v1")
        expectKey(root["resource"]?.member("aws_lb_listener"), "k2")
        let listener = root["resource"]?["aws_lb_listener"]?["front"]
        expectKey(listener?.member("certificate_arn"), "k3")
        expectAt(listener?["certificate_arn"], "v3")
        expectKey(root["resource"]?.member("ports"), "k4")
        expectAt(root["resource"]?["ports"], "v4")
        for i in 0..<4 { expectAt(root["resource"]?["ports"]?[i], "p\(i)") }
        expectKey(root.member("émoji 🔐"), "k5")
        expectAt(root["émoji 🔐"], "v5")
        #expect(root["resource"]?["ports"]?[0]?.intValue == 443)
        #expect(root["resource"]?["ports"]?[1]?.doubleValue == -84435)
        #expect(root["resource"]?["ports"]?[2]?.boolValue == true)
        #expect(root["resource"]?["ports"]?[3]?.isNull == true)
        #expect(root["resource"]?["ports"]?[4] == nil)
    }

    @Test func lineBreaksByteOrderMarkAndOffsets() throws {
        // CRLF and lone CR end lines; a BOM is not a column; offsets count UTF-8 bytes.
        let text = "\u{FEFF}{\"a\":\r\n 1,\r\"é\":\n  \"z\"}"
        let root = try ManifestJSON.parse(text)
        #expect(root.position == ManifestJSONPosition(line: 1, column: 1, offset: 3))
        #expect(root["a"]?.position == ManifestJSONPosition(line: 2, column: 2, offset: 11))
        #expect(root.member("é")?.keyPosition == ManifestJSONPosition(line: 3, column: 1, offset: 14))
        #expect(root["é"]?.position == ManifestJSONPosition(line: 4, column: 3, offset: 22))
    }

    @Test func errorsPointAtTheOffendingCharacter() throws {
        let cases = [
            MarkedText("{\n  \"a\": [1, 2,⟨e⟩]\n}"),
            MarkedText("{\n  \"a\": ⟨e⟩'single'\n}"),
            MarkedText("{\"a\": \"x\",\n \"b\" ⟨e⟩2}"),
            MarkedText("[\"ok\", ⟨e⟩\"never closed"),
            MarkedText("[\"ok\", \"raw⟨e⟩\nbreak\"]"),
            MarkedText("[1]\n\n   ⟨e⟩// trailing"),
            MarkedText("{\"k\": \"bad ⟨e⟩\\q escape\"}"),
            MarkedText("[⟨e⟩0123]"),
        ]
        for marked in cases {
            guard case .failure(let error) = parse(marked.text) else {
                Issue.record("\(marked.text.debugDescription) parsed")
                continue
            }
            let expected = try #require(marked.markers["e"])
            #expect(error.position.line == expected.line && error.position.column == expected.column, "\(marked.text.debugDescription): \(error)")
            #expect(error.description.hasPrefix("\(expected.line):\(expected.column): "))
        }
    }

    @Test func depthIsCapped() {
        let options = ManifestJSONOptions(maxDepth: 4)
        #expect((try? ManifestJSON.parse("[[[{\"a\":1}]]]", options: options)) != nil)
        guard case .failure(let error) = parse("[[[[{}]]]]", options: options) else {
            Issue.record("five levels parsed under a cap of four")
            return
        }
        #expect(error.code == .tooDeep)
        #expect(error.position.column == 5)
        // The default cap: 256 levels parse, 257 do not; a million opening brackets fail fast.
        #expect((try? ManifestJSON.parse(String(repeating: "[", count: 256) + String(repeating: "]", count: 256))) != nil)
        if case .failure(let deep) = parse(String(repeating: "[", count: 257) + String(repeating: "]", count: 257)) {
            #expect(deep.code == .tooDeep)
        } else {
            Issue.record("257 levels parsed")
        }
        if case .failure(let bomb) = parse(String(repeating: "[{\"a\":", count: 500_000)) {
            #expect(bomb.code == .tooDeep)
        } else {
            Issue.record("the nesting bomb parsed")
        }
    }

    @Test func sizeIsCapped() {
        let options = ManifestJSONOptions(maxInputBytes: 16)
        #expect((try? ManifestJSON.parse("[1,2,3,4,5,6,7]", options: options)) != nil)
        guard case .failure(let error) = parse("[1,2,3,4,5,6,7,8]", options: options) else {
            Issue.record("17 bytes parsed under a cap of 16")
            return
        }
        #expect(error.code == .inputTooLarge)
        #expect(error.position == .start)
    }

    @Test func duplicateKeysAreKeptOrRejected() throws {
        let text = "{\"a\": 1, \"b\": 2, \"a\": 3}"
        let lenient = try ManifestJSON.parse(text)
        #expect(lenient.members?.count == 3)
        #expect(lenient["a"]?.intValue == 3)
        guard case .failure(let error) = parse(text, options: ManifestJSONOptions(rejectsDuplicateKeys: true)) else {
            Issue.record("duplicate keys accepted")
            return
        }
        #expect(error.code == .duplicateKey)
        #expect(error.position.column == 18)
        // The same key in different objects is no duplicate.
        #expect((try? ManifestJSON.parse("[{\"a\":1},{\"a\":2}]", options: ManifestJSONOptions(rejectsDuplicateKeys: true))) != nil)
    }

    @Test func surrogatesAndEscapes() throws {
        // i_ cases of JSONTestSuite: lone or reversed surrogates become U+FFFD.
        #expect(try ManifestJSON.parse("\"\\uD800\"").stringValue == "\u{FFFD}")
        #expect(try ManifestJSON.parse("\"\\uDC00\\uD800\"").stringValue == "\u{FFFD}\u{FFFD}")
        #expect(try ManifestJSON.parse("\"\\uD800\\u0041\"").stringValue == "\u{FFFD}A")
        #expect(try ManifestJSON.parse("\"\\uD800x\"").stringValue == "\u{FFFD}x")
        #expect(try ManifestJSON.parse("\"\\uD834\\uDD1E\"").stringValue == "𝄞")
        #expect(try ManifestJSON.parse("\"\\u0000\"").stringValue == "\u{0}")
        #expect(try ManifestJSON.parse("\"a\\nb\"").stringValue == "a\nb")
        #expect(try ManifestJSON.parse("\"-----BEGIN CERTIFICATE-----\\nMIIB\\n\"").stringValue == "-----BEGIN CERTIFICATE-----\nMIIB\n")
    }

    @Test func numbersKeepTheirText() throws {
        let value = try ManifestJSON.parse("[12345678901234567890123, 1.0, -0.0e-0]")
        #expect(value[0]?.numberText == "12345678901234567890123")
        #expect(value[0]?.intValue == nil)
        #expect(value[0]?.doubleValue == 1.2345678901234568e22)
        #expect(value[1]?.numberText == "1.0")
        #expect(value[1]?.intValue == nil)
        #expect(value[2]?.numberText == "-0.0e-0")
        #expect(value[1]?.scalarText == "1.0")
        #expect(value.scalarText == nil)
        #expect(value.kindDescription == "an array")
    }

    @Test func longFlatAndMinifiedDocumentsStayLinear() throws {
        // 200,000 elements on one line: positions come from a forward-only cursor, and arrays
        // grow in place.
        let count = 200_000
        var text = "["
        for i in 0..<count { text += i == 0 ? "{\"k\":\(i)}" : ",{\"k\":\(i)}" }
        text += "]"
        let value = try ManifestJSON.parse(text)
        #expect(value.array?.count == count)
        let last = try #require(value[count - 1])
        #expect(last.position.line == 1)
        #expect(last.position.column == text.unicodeScalars.count - "{\"k\":199999}]".count + 1)
        #expect(last["k"]?.intValue == count - 1)
    }

    @Test func everyPrefixFailsCleanlyAndTheWholeParses() {
        let document = """
            {"format_version":"1.2","planned_values":{"root_module":{"resources":[
              {"address":"aws_lb_listener.front","type":"aws_lb_listener","name":"front",
               "values":{"certificate_arn":"arn:aws:acm:us-east-1:1:certificate/x","port":443,"tags":null,
                         "mutual_authentication":[{"mode":"verify","ignore_client_certificate_expiry":false}]}}]}},
             "note":"\\u00e9\\uD83D\\uDD12 \\"quoted\\""}
            """
        let scalars = Array(document.unicodeScalars)
        for cut in 0..<scalars.count {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[..<cut])
            let result = parse(prefix)
            if case .success = result {
                // Only a prefix that is itself a complete value may parse; this document has none.
                Issue.record("the prefix of \(cut) characters parsed")
            }
            if case .failure(let error) = result {
                #expect(error.position.offset <= prefix.utf8.count)
            }
        }
        #expect((try? ManifestJSON.parse(document)) != nil)
    }

    @Test func seededMutationsThrowOrParseButNeverTrap() {
        let samples = [
            "{\"resource\":{\"aws_iam_server_certificate\":{\"web\":{\"certificate_body\":\"${file(\\\"certs/web.pem\\\")}\",\"tags\":[1,2.5e3,true,null]}}}}",
            "[{\"a\":\"\\uD834\\uDD1E\\n\"},[[[]]],-0.5E+2,{\"\":{\"\":[]}}]",
        ]
        var random = SplitMix64(seed: 0x5EED_7E57_1234)
        let alphabet = Array("{}[]:,\"\\-+.0123456789eEtrufalsn \n\u{1}é".unicodeScalars)
        var parsed = 0
        var failed = 0
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            for round in 0..<3000 {
                var mutated = scalars
                for _ in 0...(round % 3) {
                    guard !mutated.isEmpty else { break }
                    let at = Int(random.next() % UInt64(mutated.count))
                    switch random.next() % 4 {
                    case 0: mutated.remove(at: at)
                    case 1: mutated.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                    case 2: mutated[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                    default:
                        let other = Int(random.next() % UInt64(mutated.count))
                        mutated.swapAt(at, other)
                    }
                }
                var text = ""
                text.unicodeScalars.append(contentsOf: mutated)
                switch parse(text) {
                case .success(let value):
                    parsed += 1
                    #expect(value == value)
                case .failure(let error):
                    failed += 1
                    #expect(error.position.offset <= text.utf8.count, "round \(round): \(error)")
                    #expect(error.position.line >= 1 && error.position.column >= 1)
                }
            }
        }
        #expect(parsed > 0 && failed > 0)
    }
}

