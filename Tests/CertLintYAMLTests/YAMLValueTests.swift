import Testing

@testable import CertLintYAML

// The YAML 1.2.2 core schema (§10.3.2), table by table; the rows come from the spec's own
// regular expressions and examples (10.3.2 "Tag Resolution", Example 10.9), and the "not a
// number / not a bool" rows from the YAML 1.1 forms that 1.2 dropped and that PyYAML and
// go-yaml v2 still resolve (`yes`, `on`, `0b1`, `1_000`, `0777` as octal).

@Suite struct YAMLValueTests {
    @Test(arguments: ["", "~", "null", "Null", "NULL"])
    func nulls(text: String) {
        #expect(YAMLValue.resolvingPlain(text) == .null)
    }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
    ])
    func booleans(text: String, value: Bool) {
        #expect(YAMLValue.resolvingPlain(text) == .bool(value))
    }

    @Test(arguments: [
        ("0", 0), ("12", 12), ("-19", -19), ("+7", 7), ("007", 7), ("0777", 777), ("0o14", 12), ("0o0", 0),
        ("0xC", 12), ("0xff", 255), ("0xFFEEBB", 0xFFEEBB), ("9223372036854775807", Int.max),
        ("-9223372036854775808", Int.min),
    ])
    func integers(text: String, value: Int) {
        #expect(YAMLValue.resolvingPlain(text) == .int(value))
    }

    @Test(arguments: [
        ("1.0", 1.0), ("-1.5", -1.5), ("+12e03", 12000), ("1e3", 1000), ("2.5E-2", 0.025), (".5", 0.5), ("-.5", -0.5),
        ("5.", 5), ("1.e2", 100), ("9223372036854775808", 9223372036854775808.0), (".inf", .infinity),
        (".Inf", .infinity), ("+.INF", .infinity), ("-.inf", -.infinity), ("-.Inf", -.infinity),
    ])
    func floats(text: String, value: Double) {
        #expect(YAMLValue.resolvingPlain(text) == .float(value))
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        guard case .float(let value) = YAMLValue.resolvingPlain(text) else {
            Issue.record("\(text) is not a float")
            return
        }
        #expect(value.isNaN)
    }

    /// YAML 1.1 spellings that the 1.2 core schema keeps as strings.
    @Test(arguments: [
        "yes", "no", "on", "off", "Yes", "y", "n", "nULL", "tRUE", "0b101", "1_000", "0x", "0o", "0o8", "0xG", "+",
        "-", ".", "..", "1.2.3", "1e", "e3", ".infinity", "nan", "inf", "12:30", "2001-12-14", "0x_1", "1e+", "--1",
        "1 2", "null ", " true",
    ])
    func strings(text: String) {
        #expect(YAMLValue.resolvingPlain(text) == .string(text))
    }

    /// Quoted and block scalars are strings; tags choose for themselves.
    @Test func stylesAndTags() throws {
        let node = try #require(
            try YAML.parse(
                """
                a: "true"
                b: '12'
                c: |
                  null
                d: !!int "42"
                e: !!str 42
                f: !!float 1
                g: !!bool "false"
                h: !!null ""
                i: !Ref 42
                j: ! 12
                k: !!int twelve
                l: !<tag:yaml.org,2002:int> 0x10
                m: !!float .inf
                """
            ).root)
        #expect(node["a"]?.resolved == .string("true"))
        #expect(node["b"]?.resolved == .string("12"))
        #expect(node["c"]?.resolved == .string("null\n"))
        #expect(node["d"]?.resolved == .int(42))
        #expect(node["e"]?.resolved == .string("42"))
        #expect(node["f"]?.resolved == .float(1))
        #expect(node["g"]?.resolved == .bool(false))
        #expect(node["h"]?.resolved == .null)
        #expect(node["i"]?.resolved == .string("42"))
        #expect(node["i"]?.tag == "!Ref")
        #expect(node["j"]?.resolved == .string("12"))
        #expect(node["j"]?.tag == "!")
        // A value that does not match its tag stays a string.
        #expect(node["k"]?.resolved == .string("twelve"))
        #expect(node["l"]?.resolved == .int(16))
        #expect(node["m"]?.resolved == .float(.infinity))
    }
}
