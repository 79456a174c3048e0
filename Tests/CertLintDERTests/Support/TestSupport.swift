import Testing
@testable import CertLintDER

// Helpers shared by the CertLintDER tests: hex literals, a seeded generator, marked text and a
// way to catch a typed DERError. None of them touches input a user controls, so a malformed
// literal here is a mistake in a test and stops the run.

/// The bytes of a hex literal such as `"30 03 02 01 05"` (spaces, newlines and `:` ignored).
func hex(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    var high: UInt8?
    for char in text.utf8 {
        let nibble: UInt8
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = char - UInt8(ascii: "A") + 10
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: ":"): continue
        default: preconditionFailure("Bad hex literal in a test: \(text)")
        }
        if let h = high {
            out.append(h << 4 | nibble)
            high = nil
        } else {
            high = nibble
        }
    }
    precondition(high == nil, "Odd number of hex digits in a test literal: \(text)")
    return out
}

/// Lower-case hex with no separators, for comparing against values printed by Python.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef")
    var out = ""
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return out
}

/// The DERError `body` throws, or `nil` when it returns (any other error is a test failure).
func derError(_ body: () throws -> Void) -> DERError? {
    do {
        try body()
        return nil
    } catch let error as DERError {
        return error
    } catch {
        Issue.record("Expected a DERError but caught \(error)")
        return nil
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a tiny deterministic generator, so "random" tests fail the same way every run.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (the slight modulo bias does not matter for tests).
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}

/// Text holding position markers `⟨name⟩`: the bytes without the markers, and the byte offset
/// at which each marker stood, so a test asserts positions without counting characters.
/// (The idea is swift-format's `MarkedText`, `Sources/_SwiftFormatTestSupport/MarkedText.swift`.)
struct MarkedText {
    let bytes: [UInt8]
    let markers: [String: Int]

    init(_ text: String) {
        let open = Array("⟨".utf8)
        let close = Array("⟩".utf8)
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        var markers: [String: Int] = [:]
        var i = 0
        while i < input.count {
            if input[i...].starts(with: open) {
                var j = i + open.count
                var name: [UInt8] = []
                while j < input.count, !input[j...].starts(with: close) {
                    name.append(input[j])
                    j += 1
                }
                precondition(j < input.count, "Unclosed marker in a test: \(text)")
                let key = String(decoding: name, as: UTF8.self)
                precondition(markers[key] == nil, "Duplicate marker \(key) in a test")
                markers[key] = bytes.count
                i = j + close.count
            } else {
                bytes.append(input[i])
                i += 1
            }
        }
        self.bytes = bytes
        self.markers = markers
    }

    subscript(_ name: String) -> Int {
        guard let offset = markers[name] else { preconditionFailure("No marker \(name) in a test") }
        return offset
    }
}

/// A DER value with tag byte `tag` and `content`, its length in the shortest form.
func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
    var out = [tag]
    if content.count < 0x80 {
        out.append(UInt8(content.count))
    } else {
        var length: [UInt8] = []
        var rest = content.count
        while rest > 0 {
            length.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        }
        out.append(0x80 | UInt8(length.count))
        out += length
    }
    return out + content
}

/// `depth` SEQUENCEs, each holding the next, the innermost holding `innermost`.
func nestedSequences(_ depth: Int, innermost: [UInt8] = []) -> [UInt8] {
    var bytes = innermost
    for _ in 0..<depth { bytes = tlv(0x30, bytes) }
    return bytes
}

/// Every node of the tree under `node`, in document order, as "offset:depth:hl:l", the
/// columns `openssl asn1parse` prints.
func asn1parseRows(_ bytes: [UInt8], _ node: DERNode, rules: DERRules = .der, depth: Int = 0) throws -> [String] {
    var rows = ["\(node.start):\(depth):\(node.contentStart - node.start):\(node.contentLength)"]
    guard node.tag.isConstructed else { return rows }
    var reader = DERReader(bytes, children: node, rules: rules)
    while let child = try reader.next() {
        rows += try asn1parseRows(bytes, child, rules: rules, depth: depth + 1)
    }
    return rows
}

/// A self-signed Ed25519 certificate made by Python's `cryptography` 48 from a fixed key
/// (private bytes 00 01 … 1F), serial 0xC0FFEE, names C=DE, O=certlint test, CN=example.com,
/// validity 2025-01-02T03:04:05Z (UTCTime) to 2050-06-07T08:09:10Z (GeneralizedTime), and
/// basicConstraints (critical, empty), keyUsage (critical, digitalSignature) and
/// subjectAltName (example.com, *.example.com). Ed25519 signatures are deterministic, so the
/// script reproduces these bytes exactly; `openssl asn1parse` reads them as 56 values.
let ed25519Certificate: [UInt8] = {
    let base64 = """
        MIIBcTCCASOgAwIBAgIEAMD/7jAFBgMrZXAwOzELMAkGA1UEBhMCREUxFjAUBgNV
        BAoMDWNlcnRsaW50IHRlc3QxFDASBgNVBAMMC2V4YW1wbGUuY29tMCAXDTI1MDEw
        MjAzMDQwNVoYDzIwNTAwNjA3MDgwOTEwWjA7MQswCQYDVQQGEwJERTEWMBQGA1UE
        CgwNY2VydGxpbnQgdGVzdDEUMBIGA1UEAwwLZXhhbXBsZS5jb20wKjAFBgMrZXAD
        IQADoQe/884Qvh1w3RjnS8CZZ+TWMJulDV8d3IZkElUxuKNHMEUwDAYDVR0TAQH/
        BAIwADAOBgNVHQ8BAf8EBAMCB4AwJQYDVR0RBB4wHIILZXhhbXBsZS5jb22CDSou
        ZXhhbXBsZS5jb20wBQYDK2VwA0EArhdj3I5vU1PHz/BLr7t6bPf8WyMobdmknghU
        P2vAXtvBgq+yx6ZB9bNBKBYZQdcCrTpIrzSCJM2QJMTXQWFqCg==
        """
    do {
        return try Base64.decode(base64)
    } catch {
        preconditionFailure("The test certificate's Base64 is broken: \(error)")
    }
}()
