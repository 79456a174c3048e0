import Foundation
import Testing

@testable import CertLintYAML

// Hostile input is normal input (design invariant 5): whatever the bytes, the reader returns
// documents or throws a YAMLError with a position inside the text — it never traps, hangs or
// recurses without bound. Seeded random mutations (the yaml-test-suite's inputs when the
// corpora are present, and the samples below always), every prefix of realistic files, and
// shapes chosen to defeat naive parsers (deep nesting, long lines, alias bombs, many keys).

@Suite struct YAMLRobustnessTests {
    static let samples: [String] = [
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: web-tls, labels: &l {app: web}}
        data:
          tls.crt: |
            -----BEGIN CERTIFICATE-----
            MIIBkTCB+wIJAKHoseLYNmBMMA0GCSqGSIb3DQEBCwUAMBExDzANBgNVBAMMBnRl
            -----END CERTIFICATE-----
        other:
          <<: *l
          list: [a, "b", 'c', {d: e}]
        ---
        - !Ref Bucket
        - !GetAtt [Cert, Arn]
        - ? complex
          : value
        - >-
          folded
          text
        ...
        """,
        """
        %YAML 1.2
        %TAG !e! tag:example.com,2000:
        --- !e!root
        "double \\x41 \\u00e9": 'single '' quote'
        plain: multi
          line # comment
        empty:
        seq:
        - - nested
          - &anchor value
        - *anchor
        """,
        "pack: tls\nrules:\n  - id: r1\n    assert: '!cert.hasEKU || \"serverAuth\" in cert.eku'\n    params: {}\n",
    ]

    /// Replays one input: it must parse or throw, and an error must point inside the text.
    static func check(_ text: String, context: @autoclosure () -> String) {
        let byteCount = text.utf8.count
        do {
            let documents = try YAML.parseDocuments(text)
            // Walking and comparing the result must be safe too.
            for document in documents {
                if let root = document.root { #expect(root == root) }
            }
        } catch {
            let position = error.position
            #expect(position.line >= 1 && position.column >= 1, "\(context()): \(error)")
            #expect(position.offset >= 0 && position.offset <= byteCount, "\(context()): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    static let interesting: [UInt8] = Array(":-?[]{},#&*!|>'\"%@` \t\n\r\\.0aZ~".utf8)

    /// One random edit: replace, insert or delete a byte, duplicate or drop a line.
    static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        let edits = Int.random(in: 1...4, using: &generator)
        for _ in 0..<edits {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            let byte = interesting.randomElement(using: &generator) ?? 0x20
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !bytes.isEmpty: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3:
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard let line = lines.randomElement(using: &generator) else { break }
                bytes.insert(contentsOf: line + [0x0A], at: position)
            default:
                bytes.insert(contentsOf: Array(repeating: byte, count: Int.random(in: 1...8, using: &generator)), at: position)
            }
        }
        return bytes
    }

    @Test func seededMutationsOfSamplesNeverTrap() {
        var generator = SplitMix64(seed: 0x5EED_CE47)
        for (index, sample) in Self.samples.enumerated() {
            let bytes = Array(sample.utf8)
            for round in 0..<400 {
                let mutated = String(decoding: Self.mutate(bytes, using: &generator), as: UTF8.self)
                Self.check(mutated, context: "sample \(index) round \(round)")
            }
        }
    }

    @Test(.enabled(if: yamlTestSuiteFolder != nil, "set CERTLINT_CORPORA to the corpora folder"))
    func seededMutationsOfTheSuiteNeverTrap() {
        var generator = SplitMix64(seed: 0x0059_414D_4C00)
        for suiteCase in YAMLTestSuiteTests.cases {
            let bytes = Array(suiteCase.input.utf8)
            for round in 0..<10 {
                let mutated = String(decoding: Self.mutate(bytes, using: &generator), as: UTF8.self)
                Self.check(mutated, context: "\(suiteCase.id) round \(round)")
            }
        }
    }

    /// Every prefix of a valid file parses or fails cleanly; the whole file parses.
    @Test func everyPrefixFailsCleanly() throws {
        for sample in Self.samples {
            let scalars = Array(sample.unicodeScalars)
            for length in 0...scalars.count {
                var prefix = ""
                prefix.unicodeScalars.append(contentsOf: scalars[0..<length])
                Self.check(prefix, context: "prefix \(length)")
            }
            _ = try YAML.parseDocuments(sample)
        }
    }

    /// Shapes that make naive parsers recurse, buffer or loop: each must end quickly, with a
    /// result or an error.
    @Test func hostileShapesEndQuickly() {
        let shapes: [(String, String)] = [
            ("deep flow sequence", String(repeating: "[", count: 100_000)),
            ("deep flow mapping", String(repeating: "{a: ", count: 50_000)),
            ("deep block sequence", String(repeating: "- ", count: 50_000) + "x"),
            ("deep block mapping", (0..<3000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")),
            ("deep explicit keys", String(repeating: "? ", count: 50_000)),
            ("long plain line", "key: " + String(repeating: "word ", count: 100_000)),
            ("long quoted line", "\"" + String(repeating: "\\x41", count: 100_000) + "\""),
            ("unclosed quote", "\"" + String(repeating: "a\n", count: 100_000)),
            ("many documents", String(repeating: "---\n", count: 50_000)),
            ("many anchors", (0..<20_000).map { "- &a\($0) x" }.joined(separator: "\n")),
            ("alias chain", "a0: &a0 [x]\n" + (1..<5000).map { "a\($0): &a\($0) [*a\($0 - 1), *a\($0 - 1)]" }.joined(separator: "\n")),
            ("wide flow mapping", "{" + (0..<20_000).map { "k\($0): v" }.joined(separator: ", ") + "}"),
            ("many tiny lines", String(repeating: "-\n", count: 100_000)),
            ("only colons", String(repeating: ": ", count: 50_000)),
            ("only dashes", String(repeating: "-", count: 200_000)),
            ("tabs", String(repeating: "\t", count: 100_000) + "a"),
            ("long key", String(repeating: "k", count: 5000) + ": v"),
        ]
        let clock = ContinuousClock()
        for (name, text) in shapes {
            let elapsed = clock.measure { Self.check(text, context: name) }
            #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
        }
    }

    /// The deepest accepted tree can be compared, hashed and walked recursively by callers.
    @Test func deepestAcceptedTreeIsUsable() throws {
        let depth = YAMLOptions().maxDepth
        let text = String(repeating: "- ", count: depth) + "x\n"
        let root = try #require(try YAML.parse(text).root)
        #expect(root == root)
        #expect(root.isEquivalent(to: root))
        var set = Set<YAMLNode>()
        set.insert(root)
        #expect(set.count == 1)
        var node = root
        var levels = 0
        while let first = node[0] {
            node = first
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.stringValue == "x")
    }
}
