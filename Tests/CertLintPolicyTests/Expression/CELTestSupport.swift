import Testing

@testable import CertLintPolicy

/// The namespace of the expression-language suites, so that `swift test --filter Expression`
/// selects them all.
enum ExpressionTests {}

/// An object with fixed fields, for tests.
final class TestObject: CELObject {
    let typeName: String
    let fields: [String: CELValue]

    init(_ typeName: String, _ fields: [String: CELValue]) {
        self.typeName = typeName
        self.fields = fields
    }

    func field(_ name: String) -> CELValue? { fields[name] }
}

/// The environment and facts the expression tests use: a cut-down version of certlint's facts,
/// plus a few plain variables of each type.
enum CELFixtures {
    static let objectTypes: [String: [String: CELType]] = [
        "Certificate": [
            "subject": .object("Name"), "issuer": .object("Name"), "hasEKU": .bool, "eku": .list(.string), "keyBits": .int,
            "notBefore": .timestamp, "notAfter": .timestamp, "san": .object("SAN"), "extensions": .list(.object("Extension")),
            "pathLen": .int, "isCA": .bool, "fingerprint": .string,
        ],
        "Name": ["cn": .string, "o": .list(.string), "dn": .string],
        "SAN": ["dns": .list(.string), "ip": .list(.string)],
        "Extension": ["oid": .string, "name": .string, "critical": .bool],
        "Usage": ["role": .string, "hostnames": .list(.string), "endpoint": .string, "mtls": .bool],
        "Params": ["maxDays": .int, "allowed": .list(.string)],
    ]

    static let variables: [String: CELType] = [
        "cert": .object("Certificate"), "usage": .object("Usage"), "now": .timestamp, "params": .object("Params"),
        "i": .int, "j": .int, "d": .double, "s": .string, "b": .bool, "names": .list(.string), "nums": .list(.int),
        "m": .map(key: .string, value: .int), "x": .dyn, "y": .dyn, "t": .timestamp, "dur": .duration, "by": .bytes,
    ]

    static let environment = CELEnvironment(variables: variables, objectTypes: objectTypes)

    static let certificate = TestObject("Certificate", [
        "subject": .object(TestObject("Name", ["cn": "www.example.com", "o": ["Example Ltd"], "dn": "CN=www.example.com,O=Example Ltd"])),
        "issuer": .object(TestObject("Name", ["cn": "Example CA", "o": ["Example"], "dn": "CN=Example CA"])),
        "hasEKU": true, "eku": ["serverAuth", "clientAuth"], "keyBits": 2048,
        "notBefore": .timestamp(seconds: 1_767_225_600),  // 2026-01-01T00:00:00Z
        "notAfter": .timestamp(seconds: 1_798_761_600),  // 2027-01-01T00:00:00Z
        "san": .object(TestObject("SAN", ["dns": ["www.example.com", "example.com"], "ip": []])),
        "extensions": [
            .object(TestObject("Extension", ["oid": "2.5.29.15", "name": "keyUsage", "critical": true])),
            .object(TestObject("Extension", ["oid": "2.5.29.17", "name": "subjectAltName", "critical": false])),
        ],
        "isCA": false, "fingerprint": "ab:cd",
        // pathLen is absent: has(cert.pathLen) is false.
    ])

    static let activation: [String: CELValue] = [
        "cert": .object(certificate),
        "usage": .object(TestObject("Usage", ["role": "server", "hostnames": ["www.example.com"], "endpoint": "lb:443", "mtls": false])),
        "now": .timestamp(seconds: 1_773_532_800),  // 2026-03-15T00:00:00Z
        "params": .object(TestObject("Params", ["maxDays": 398, "allowed": ["rsa", "ec"]])),
        "i": 7, "j": -3, "d": 2.5, "s": "Hello", "b": true, "names": ["a", "b", "c"], "nums": [3, 1, 2],
        "m": .map(["one": 1, "two": 2]), "x": 42, "y": "text", "t": .timestamp(seconds: 0), "dur": .duration(seconds: 3600),
        "by": .bytes([0x61, 0x62]),
    ]

    static func compile(_ source: String, expecting: CELType? = nil) throws(CELCompileError) -> CELProgram {
        try CELProgram.compile(source, environment: environment, expecting: expecting)
    }

    /// Compiles and evaluates against ``activation``; a compile error is recorded as an issue.
    static func evaluate(_ source: String, costLimit: Int = CELProgram.defaultCostLimit, sourceLocation: SourceLocation = #_sourceLocation) -> CELValue? {
        do {
            return try compile(source).evaluate(activation, costLimit: costLimit)
        } catch {
            Issue.record("\(source): \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The compile error of a source that must not compile.
    static func compileError(_ source: String, expecting: CELType? = nil) -> CELCompileError? {
        do {
            _ = try compile(source, expecting: expecting)
            return nil
        } catch {
            return error
        }
    }
}

/// A deterministic generator (SplitMix64), so random tests are reproducible from their seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
