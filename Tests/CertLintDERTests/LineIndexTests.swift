import Testing
@testable import CertLintDER

// Line and column of byte offsets. Expected positions come from markers in the text (see
// MarkedText) or were counted by Python's `str.splitlines()` rules for LF, CRLF and lone CR,
// which are the rules LineIndex documents; Go's pem getLine table gave the CR/CRLF mix ideas.

@Suite struct LineIndexTests {
    private func position(_ text: String, _ offset: Int) -> (Int, Int) {
        let p = LineIndex(Array(text.utf8)).position(of: offset)
        return (p.line, p.column)
    }

    @Test(arguments: [
        // (text, offset, line, column)
        ("abc\ndef\n\ngh", 0, 1, 1),
        ("abc\ndef\n\ngh", 2, 1, 3),
        ("abc\ndef\n\ngh", 3, 1, 4),  // the LF itself belongs to the line it ends
        ("abc\ndef\n\ngh", 4, 2, 1),
        ("abc\ndef\n\ngh", 8, 3, 1),  // the empty line
        ("abc\ndef\n\ngh", 9, 4, 1),
        ("abc\ndef\n\ngh", 10, 4, 2),
        ("abc\ndef\n\ngh", 11, 4, 3),  // one past the end
    ])
    func lineFeed(text: String, offset: Int, line: Int, column: Int) {
        #expect(position(text, offset) == (line, column))
    }

    @Test(arguments: [
        ("ab\r\ncd\r\n\r\ne", 2, 1, 3),  // the CR of a CRLF
        ("ab\r\ncd\r\n\r\ne", 3, 1, 4),  // its LF
        ("ab\r\ncd\r\n\r\ne", 4, 2, 1),
        ("ab\r\ncd\r\n\r\ne", 8, 3, 1),
        ("ab\r\ncd\r\n\r\ne", 10, 4, 1),
    ])
    func crlf(text: String, offset: Int, line: Int, column: Int) {
        #expect(position(text, offset) == (line, column))
    }

    @Test(arguments: [
        ("ab\rcd\r\rx", 2, 1, 3),
        ("ab\rcd\r\rx", 3, 2, 1),
        ("ab\rcd\r\rx", 6, 3, 1),
        ("ab\rcd\r\rx", 7, 4, 1),
        ("a\r", 2, 2, 1),  // a CR at the very end starts a (empty) line
        ("a\n\rb", 3, 3, 1),  // LF then CR: two line ends, not one
        ("a\r\n\rb", 4, 3, 1),  // CRLF then a lone CR
    ])
    func loneCR(text: String, offset: Int, line: Int, column: Int) {
        #expect(position(text, offset) == (line, column))
    }

    @Test func emptyInput() {
        #expect(position("", 0) == (1, 1))
        #expect(position("", 5) == (1, 6))
    }

    @Test func markedPositionsInAPEMFile() {
        let text = MarkedText("line one\r\n⟨a⟩second\n\n  ⟨b⟩-----BEGIN X-----\rafter ⟨c⟩cr\n")
        let index = LineIndex(text.bytes)
        #expect(index.position(of: text["a"]) == (2, 1))
        #expect(index.position(of: text["b"]) == (4, 3))
        #expect(index.position(of: text["c"]) == (5, 7))
    }

    // Every offset of a seeded random mix of line ends agrees with a naive count.
    @Test func agreesWithNaiveCount() {
        var generator = SplitMix64(seed: 0x11)
        let pieces: [[UInt8]] = [[0x61], [0x0A], [0x0D], [0x0D, 0x0A], [0x20]]
        var bytes: [UInt8] = []
        for _ in 0..<400 { bytes += pieces[generator.next(below: pieces.count)] }
        let index = LineIndex(bytes)
        var line = 1
        var column = 1
        for offset in 0...bytes.count {
            let p = index.position(of: offset)
            #expect(p.line == line && p.column == column, "offset \(offset)")
            guard offset < bytes.count else { break }
            let isBreak =
                bytes[offset] == 0x0A
                || (bytes[offset] == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A))
            if isBreak {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }
}
