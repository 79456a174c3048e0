import Testing

@testable import CertLintYAML

// Positions are asserted with markers in the input (①…⑳, see MarkedText), the habit of
// swift-format's tests: the marker stands where the node's first character is.

@Suite struct YAMLNodeTests {
    private func root(_ text: String) throws -> YAMLNode {
        try #require(try YAML.parse(text).root)
    }

    @Test func blockMappingPositions() throws {
        let marked = MarkedText(
            """
            ①version: ②1
            ③rules:
              ④- ⑤id: ⑥server-eku
                ⑦severity: ⑧error
            ⑨empty:⑩
            """)
        let node = try root(marked.text)
        #expect(node.position == marked[1])
        #expect(node.keys.map(\.position) == [marked[1], marked[3], marked[9]])
        #expect(node["version"]?.position == marked[2])
        let rules = try #require(node["rules"])
        #expect(rules.position == marked[4])
        #expect(rules.isSequence && !rules.isFlow)
        let rule = try #require(rules[0])
        #expect(rule.position == marked[5])
        #expect(rule["id"]?.position == marked[6])
        #expect(rule.pair(forKey: "severity")?.key.position == marked[7])
        #expect(rule["severity"]?.position == marked[8])
        // An empty value is a null scalar placed right after its ':'.
        let empty = try #require(node["empty"])
        #expect(empty.isNull)
        #expect(empty.position == marked[10])
    }

    @Test func flowCollectionPositions() throws {
        let marked = MarkedText("①hosts: ②[③a.example.com, ④\"b.example.com\", ⑤{⑥port: ⑦443}]\n")
        let node = try root(marked.text)
        let hosts = try #require(node["hosts"])
        #expect(hosts.position == marked[2])
        #expect(hosts.isFlow)
        #expect(hosts[0]?.position == marked[3])
        #expect(hosts[1]?.position == marked[4])
        #expect(hosts[2]?.position == marked[5])
        #expect(hosts[2]?.isFlow == true)
        #expect(hosts[2]?.keys.first?.position == marked[6])
        #expect(hosts[2]?["port"]?.position == marked[7])
    }

    @Test func scalarContentPositions() throws {
        let marked = MarkedText(
            """
            plain: ①text
            single: ②'③it''s'
            double: ④"⑤tab\\there"
            literal: ⑥|
              ⑦first line
              second line
            folded: ⑧>-

              ⑨after an empty line
            """)
        let node = try root(marked.text)
        #expect(node["plain"]?.position == marked[1])
        #expect(node["plain"]?.contentPosition == marked[1])
        #expect(node["single"]?.position == marked[2])
        #expect(node["single"]?.contentPosition == marked[3])
        #expect(node["double"]?.position == marked[4])
        #expect(node["double"]?.contentPosition == marked[5])
        #expect(node["literal"]?.position == marked[6])
        #expect(node["literal"]?.contentPosition == marked[7])
        #expect(node["folded"]?.position == marked[8])
        #expect(node["folded"]?.contentPosition == marked[9])
        #expect(node["folded"]?.scalarValue == "\nafter an empty line")
    }

    @Test func propertiesStartTheNode() throws {
        let marked = MarkedText(
            """
            a: ①!Ref ②Bucket
            b: ③&anchor ④[x]
            c: ⑤!!map
              ⑥k: v
            """)
        let node = try root(marked.text)
        #expect(node["a"]?.position == marked[1])
        #expect(node["a"]?.contentPosition == marked[2])
        #expect(node["b"]?.position == marked[3])
        #expect(node["b"]?.contentPosition == marked[4])
        #expect(node["c"]?.position == marked[5])
        #expect(node["c"]?.contentPosition == marked[6])
    }

    /// Columns count Unicode scalars, offsets count UTF-8 bytes; CRLF and CR end lines.
    @Test func columnsAreCharactersAndOffsetsAreBytes() throws {
        let marked = MarkedText("①clé: ②\"été\"\r\n③ñ: ④ü\r⑤z: ⑥1\n")
        let node = try root(marked.text)
        #expect(marked[2] == YAMLPosition(line: 1, column: 6, offset: 6))
        #expect(node["clé"]?.position == marked[2])
        #expect(node.keys.map(\.position) == [marked[1], marked[3], marked[5]])
        #expect(node["ñ"]?.position == marked[4])
        #expect(node["z"]?.position == marked[6])
        #expect(marked[6] == YAMLPosition(line: 3, column: 4, offset: 25))
    }

    @Test func documentPositions() throws {
        let marked = MarkedText("①%YAML 1.2\n②--- ③a\n④---\n⑤b: c\n")
        let documents = try YAML.parseDocuments(marked.text)
        #expect(documents.count == 2)
        #expect(documents[0].position == marked[1])
        #expect(documents[0].startMarker == marked[2])
        #expect(documents[0].version == "1.2")
        #expect(documents[0].root?.position == marked[3])
        #expect(documents[1].startMarker == marked[4])
        #expect(documents[1].root?.position == marked[5])
        #expect(documents[1].version == nil)
        let bare = try YAML.parseDocuments(MarkedText("# comment\n①a: b\n").text)
        #expect(bare.first?.startMarker == nil)
        #expect(bare.first?.position == YAMLPosition(line: 2, column: 1, offset: 10))
    }

    /// An alias is a copy of its anchored node that remembers where the alias was written.
    @Test func aliasCopiesKeepBothPositions() throws {
        let marked = MarkedText("base: ①&b {②x: 1}\nuse: ③*b\n")
        let node = try root(marked.text)
        let use = try #require(node["use"])
        #expect(use.position == marked[1])
        #expect(use.aliasPosition == marked[3])
        #expect(use.isAlias)
        #expect(use.anchor == "b")
        #expect(use["x"]?.intValue == 1)
        #expect(use.keys.first?.position == marked[2])
        #expect(node["base"]?.isAlias == false)
        #expect(use.isEquivalent(to: try #require(node["base"])))
        #expect(use != node["base"])
    }

    @Test func accessors() throws {
        let node = try root(
            """
            name: web
            port: 8443
            ratio: 0.5
            enabled: true
            quoted: "42"
            nothing: ~
            list: [1, two]
            """)
        #expect(node.isMapping)
        #expect(node.count == 7)
        #expect(node.keys.compactMap(\.scalarValue) == ["name", "port", "ratio", "enabled", "quoted", "nothing", "list"])
        #expect(node["name"]?.stringValue == "web")
        #expect(node["port"]?.intValue == 8443)
        #expect(node["port"]?.stringValue == nil)
        #expect(node["port"]?.scalarValue == "8443")
        #expect(node["ratio"]?.doubleValue == 0.5)
        #expect(node["port"]?.doubleValue == 8443)
        #expect(node["enabled"]?.boolValue == true)
        #expect(node["quoted"]?.stringValue == "42")
        #expect(node["quoted"]?.intValue == nil)
        #expect(node["quoted"]?.scalarStyle == .doubleQuoted)
        #expect(node["nothing"]?.isNull == true)
        #expect(node["nothing"]?.resolved == .null)
        #expect(node["missing"] == nil)
        let list = try #require(node["list"])
        #expect(list.sequence?.count == 2)
        #expect(list[0]?.resolved == .int(1))
        #expect(list[1]?.resolved == .string("two"))
        #expect(list[2] == nil)
        #expect(list["name"] == nil)
        #expect(list.resolved == nil)
        #expect(list.kindDescription == "a sequence")
        #expect(node[0] == nil)
        #expect(node.mapping?.count == 7)
        #expect(YAMLNode.scalar("x").keys.isEmpty)
    }

    @Test func equivalenceIgnoresPositionsAndStyles() throws {
        let a = try root("{x: 1, y: [a, 'b']}")
        let b = try root("y:\n  - \"a\"\n  - b\nx: 0x1\n")
        #expect(a.isEquivalent(to: b))
        #expect(a != b)
        #expect(!a.isEquivalent(to: try root("{x: 1, y: [a, c]}")))
        #expect(!a.isEquivalent(to: try root("{x: '1', y: [a, b]}")))
    }

    /// An offset inside a scalar's text maps back to the file, across folds and escapes, so an
    /// error inside an expression in a rule file is reported where it is written.
    @Test func scalarOffsetsMapToTheSource() throws {
        let marked = MarkedText(
            """
            plain: ①cert.②hasEKU
            double: "③a\\x41④b \\
              ⑤c"
            folded: >-
              ⑥!cert.hasEKU ||
              ⑦"serverAuth" in cert.eku
            literal: |
              ⑧one
              ⑨two
            """)
        let node = try root(marked.text)
        let plain = try #require(node["plain"])
        #expect(plain.sourcePosition(ofScalarOffset: 0) == marked[1])
        #expect(plain.sourcePosition(ofScalarOffset: 5) == marked[2])
        let double = try #require(node["double"])
        #expect(double.scalarValue == "aAb c")
        #expect(double.sourcePosition(ofScalarOffset: 0) == marked[3])
        #expect(double.sourcePosition(ofScalarOffset: 2) == marked[4])
        #expect(double.sourcePosition(ofScalarOffset: 4) == marked[5])
        let folded = try #require(node["folded"])
        #expect(folded.scalarValue == "!cert.hasEKU || \"serverAuth\" in cert.eku")
        #expect(folded.sourcePosition(ofScalarOffset: 0) == marked[6])
        let foldedText = try #require(folded.scalarValue)
        let quote = try #require(foldedText.utf8.firstIndex(of: UInt8(ascii: "\"")))
        let offset = foldedText.utf8.distance(from: foldedText.utf8.startIndex, to: quote)
        #expect(folded.sourcePosition(ofScalarOffset: offset) == marked[7])
        let literal = try #require(node["literal"])
        #expect(literal.sourcePosition(ofScalarOffset: 0) == marked[8])
        #expect(literal.sourcePosition(ofScalarOffset: 4) == marked[9])
        #expect(literal.sourcePosition(ofScalarOffset: 100) == nil)
        #expect(node.sourcePosition(ofScalarOffset: 0) == nil)
    }

    @Test func nodesBuiltInCode() {
        let node = YAMLNode(.mapping([YAMLPair(key: .scalar("a"), value: .scalar("1"))]))
        #expect(node["a"]?.intValue == 1)
        #expect(node.position == .start)
        #expect(node.contentPosition == .start)
        #expect(!node.isFlow)
        #expect(YAMLNode.scalar("x", style: .singleQuoted).stringValue == "x")
        #expect(YAMLNode.scalar("1", style: .singleQuoted).stringValue == "1")
    }
}
