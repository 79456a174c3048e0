import Testing

@testable import CertLintCore

@Suite struct JSONValueTests {
    @Test func keysAreSortedAndStringsEscaped() {
        let value = JSONValue.object(["b": .int(1), "a": .array([.string("x\"\\\n\u{1}"), .null, .bool(true)])])
        #expect(value.serialized() == #"{"a":["x\"\\\n\u0001",null,true],"b":1}"#)
    }

    @Test func prettyOutputIsIndented() {
        let value = JSONValue.object(["a": .array([]), "b": .object([:]), "c": .array([.int(-2)])])
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    -2\n  ]\n}\n")
    }
}
