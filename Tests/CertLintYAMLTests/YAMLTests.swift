import Testing

@testable import CertLintYAML

// The entry points: one document or a stream, and the options that bound a read.

@Suite struct YAMLTests {
    @Test func parseWantsOneDocument() throws {
        #expect(try YAML.parse("a: 1").root?["a"]?.intValue == 1)
        #expect(try YAML.parse("--- a\n...\n").root?.stringValue == "a")
        // An empty file is one empty document.
        let empty = try YAML.parse("")
        #expect(empty.root == nil)
        #expect(empty.position == .start)
        #expect(try YAML.parse("# nothing\n").root == nil)
        do {
            _ = try YAML.parse("a: 1\n---\nb: 2\n---\nc: 3\n")
            Issue.record("several documents were accepted")
        } catch {
            #expect(error.code == .multipleDocuments)
            #expect(error.position == YAMLPosition(line: 2, column: 1, offset: 5))
            #expect(error.message.contains("3 documents"))
        }
    }

    @Test func inputSizeIsCapped() throws {
        let options = YAMLOptions(maxInputBytes: 10)
        #expect(try YAML.parse("a: 1234567", options: options).root != nil)
        do {
            _ = try YAML.parse("a: 12345678", options: options)
            Issue.record("an input over the cap was accepted")
        } catch {
            #expect(error.code == .inputTooLarge)
            #expect(error.message == "The text is 11 bytes long; this reader accepts at most 10.")
        }
    }

    @Test func defaultOptions() {
        let options = YAMLOptions()
        #expect(options.maxDepth == 256)
        #expect(options.maxAliasExpansion == 1_000_000)
        #expect(options.rejectsDuplicateKeys)
        #expect(options.appliesMergeKeys)
        #expect(options.maxInputBytes == 64 << 20)
    }

    /// A byte-order mark is not content and does not shift columns.
    @Test func byteOrderMark() throws {
        let node = try #require(try YAML.parse("\u{FEFF}key: value\n").root)
        #expect(node.keys.first?.position == YAMLPosition(line: 1, column: 1, offset: 3))
        #expect(node["key"]?.position == YAMLPosition(line: 1, column: 6, offset: 8))
    }

    @Test func positionDescriptions() {
        let position = YAMLPosition(line: 12, column: 4, offset: 300)
        #expect(position.description == "12:4")
        #expect(YAMLPosition.start < position)
        var moved = position
        moved.line = 13
        moved.column = 1
        moved.offset = 310
        #expect(moved == YAMLPosition(line: 13, column: 1, offset: 310))
    }

    @Test func scalarStyles() {
        #expect(YAMLScalarStyle.allCases.filter(\.isQuoted) == [.singleQuoted, .doubleQuoted])
        #expect(YAMLScalarStyle.allCases.filter(\.isBlock) == [.literal, .folded])
    }
}
