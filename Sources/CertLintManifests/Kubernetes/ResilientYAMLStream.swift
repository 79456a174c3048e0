import CertLintYAML

/// The documents of a YAML stream, read so that one broken document does not hide the others.
///
/// `YAML.parseDocuments` stops at the first error of a stream. Manifests often hold many
/// documents (`kubectl apply -f` of a whole folder rendered into one file), and one typo
/// should cost one document, not the file. So when the stream fails, the document holding the
/// error is set aside (from its `---` marker, with the `%` directives just above it, to the
/// next marker) and the text before and after it is read again. A document marker at the start
/// of a line always ends the previous document in YAML, so no valid document straddles such a
/// cut. The text read again is padded with line breaks so that every position, and every
/// position quoted in an error message, is the position in the whole file.
///
/// Bounded: at most ``maxErrors`` documents are set aside, each costing one read of what is
/// left; past that the rest of the stream is not read and ``isTruncated`` says so.
struct ResilientYAMLStream: Sendable {
    /// The documents read, in the order they are written.
    private(set) var documents: [YAMLDocument] = []
    /// The errors of the documents set aside, in the order they are written.
    private(set) var errors: [YAMLError] = []
    /// Whether reading stopped after ``maxErrors`` broken documents.
    private(set) var isTruncated = false

    /// The most broken documents set aside before the rest of a stream is given up.
    static let maxErrors = 32

    /// Where a document may start: the offset and line of its first directive or its `---` marker.
    private struct Boundary {
        var offset: Int
        var line: Int
    }

    /// One stretch of the text still to read: bytes `start..<end`, `start` being on `line`.
    private struct Segment {
        var start: Int
        var end: Int
        var line: Int
    }

    /// Reads `text` with `options`.
    init(_ text: String, options: YAMLOptions = YAMLOptions()) {
        // The whole text's first error is the first segment's: it is not read twice.
        var known: YAMLError
        do {
            documents = try YAML.parseDocuments(text, options: options)
            return
        } catch {
            known = error
        }
        var isFirst = true
        let bytes = Array(text.utf8)
        let boundaries = Self.boundaries(bytes)
        var pending = [Segment(start: 0, end: bytes.count, line: 1)]
        while let segment = pending.popLast() {
            if errors.count >= Self.maxErrors {
                isTruncated = true
                break
            }
            if !isFirst {
                let padding = String(repeating: "\n", count: segment.line - 1)
                let source = padding + String(decoding: bytes[segment.start..<segment.end], as: UTF8.self)
                do {
                    documents += try YAML.parseDocuments(source, options: options)
                    continue
                } catch {
                    known = error
                }
            }
            isFirst = false
            errors.append(known)
            // Too large is a property of the whole text: no document of it is read.
            if known.code == .inputTooLarge { break }
            // The document holding the error: from the last boundary at or before the error's
            // line (inside this segment) to the next boundary after it. An error at the very
            // start of a boundary (a flow collection still open when `---` comes) belongs to
            // the document before it.
            let inside = boundaries.filter { $0.offset > segment.start && $0.offset < segment.end }
            let atBoundary = known.column == 1 && inside.contains { $0.line == known.line }
            let line = atBoundary ? known.line - 1 : known.line
            let failing = inside.last { $0.line <= line }
            let failingStart = failing?.offset ?? segment.start
            if let next = inside.first(where: { $0.line > line && $0.offset > failingStart }) {
                pending.append(Segment(start: next.offset, end: segment.end, line: next.line))
            }
            if let failing, failing.offset > segment.start {
                pending.append(Segment(start: segment.start, end: failing.offset, line: segment.line))
            }
        }
        documents.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The places where a document may start: each `---` marker at the start of a line, moved
    /// up over the `%` directive lines written just above it.
    private static func boundaries(_ bytes: [UInt8]) -> [Boundary] {
        var result: [Boundary] = []
        var line = 1
        var i = 0
        var directiveRun: (offset: Int, line: Int)?
        while i < bytes.count {
            // `i` is at the start of a line.
            if bytes[i] == UInt8(ascii: "%") {
                if directiveRun == nil { directiveRun = (i, line) }
            } else if isMarker(bytes, at: i) {
                let start = directiveRun ?? (i, line)
                result.append(Boundary(offset: start.offset, line: start.line))
                directiveRun = nil
            } else {
                directiveRun = nil
            }
            // Skip to the start of the next line (LF, CRLF or a lone CR ends a line).
            while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            if i < bytes.count {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
            }
        }
        return result
    }

    /// Whether a `---` document marker starts at `i` (followed by a space, a tab, a line break
    /// or the end of the text).
    private static func isMarker(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i + 2 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: "-")
        else { return false }
        guard i + 3 < bytes.count else { return true }
        let next = bytes[i + 3]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
    }
}
