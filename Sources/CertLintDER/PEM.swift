import CertLintDERAccel

/// One `-----BEGIN LABEL-----` … `-----END LABEL-----` block of a PEM file.
public struct PEMBlock: Sendable {
    /// An RFC 1421 encapsulated header, such as `Proc-Type: 4,ENCRYPTED`.
    public struct Header: Sendable, Hashable {
        /// The header name, as written.
        public let name: String
        /// The value, with continuation lines joined.
        public let value: String
    }

    /// The label between `BEGIN ` and the dashes, such as `CERTIFICATE`.
    public let label: String
    /// Encapsulated headers (legacy encrypted keys carry `Proc-Type` and `DEK-Info`).
    public let headers: [Header]
    /// Byte range of the block in the file, from the B of BEGIN's dashes to the end of the END line.
    public let range: Range<Int>
    /// Position of the block among the file's blocks, from 0.
    public let index: Int
    /// The decoded bytes, or why the block could not be decoded.
    public let decoded: Result<[UInt8], DERError>

    /// The decoded bytes; throws the decoding error (with its offset in the file).
    public func der() throws(DERError) -> [UInt8] {
        switch decoded {
        case .success(let bytes): return bytes
        case .failure(let error): throw error
        }
    }

    /// The value of the first header called `name` (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Finds and decodes PEM blocks (RFC 7468) in text that may hold anything else around them:
/// `openssl x509 -text` output, comments, several blocks, CRLF line ends, indentation.
public enum PEM {
    /// The most blocks read from one file; the rest are ignored and reported.
    public static let maxBlocks = 10_000

    private static let begin = Array("-----BEGIN ".utf8)
    private static let endMarker = Array("-----END ".utf8)

    /// Whether `bytes` contain a PEM BEGIN line anywhere.
    public static func containsPEM(_ bytes: [UInt8]) -> Bool {
        findBegin(bytes, from: 0) != nil
    }

    /// Every block in `bytes`, in order. A block that cannot be decoded is still returned,
    /// with its error, so one bad block does not hide the others. `truncated` is true when more
    /// than ``maxBlocks`` blocks were present.
    public static func blocks(in bytes: [UInt8]) -> (blocks: [PEMBlock], truncated: Bool) {
        var iterator = Blocks(bytes).makeIterator()
        var blocks: [PEMBlock] = []
        while let block = iterator.next() { blocks.append(block) }
        return (blocks, iterator.isTruncated)
    }

    /// The blocks of a PEM text, decoded one at a time as they are iterated, so a large bundle
    /// is never held decoded all at once.
    public struct Blocks: Sequence, Sendable {
        let bytes: [UInt8]

        /// The blocks of `bytes`.
        public init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// An iterator over the blocks.
        public func makeIterator() -> Iterator { Iterator(bytes: bytes) }

        /// Finds and decodes the next block.
        public struct Iterator: IteratorProtocol, Sendable {
            let bytes: [UInt8]
            var offset = 0
            var count = 0
            /// Whether iteration stopped at ``PEM/maxBlocks`` with blocks left unread.
            public private(set) var isTruncated = false

            init(bytes: [UInt8]) { self.bytes = bytes }

            /// The next block, or `nil` after the last one (or at the block cap).
            public mutating func next() -> PEMBlock? {
                guard !isTruncated, let start = findBegin(bytes, from: offset) else { return nil }
                if count == maxBlocks {
                    isTruncated = true
                    return nil
                }
                let (block, next) = readBlock(bytes, at: start, index: count)
                count += 1
                offset = Swift.max(next, start + begin.count)
                return block
            }
        }
    }

    /// Finds the next `-----BEGIN ` that starts a line (after optional spaces or tabs).
    private static func findBegin(_ bytes: [UInt8], from: Int) -> Int? {
        var i = from
        let count = bytes.count
        while i + begin.count <= count {
            if bytes[i] == UInt8(ascii: "-") && hasPrefix(bytes, at: i, begin) && startsLine(bytes, at: i) {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Whether five dashes start at `offset`.
    @inline(__always)
    private static func isFiveDashes(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + 5 <= bytes.count else { return false }
        let dash = UInt8(ascii: "-")
        return bytes[offset] == dash && bytes[offset + 1] == dash && bytes[offset + 2] == dash
            && bytes[offset + 3] == dash && bytes[offset + 4] == dash
    }

    @inline(__always)
    private static func hasPrefix(_ bytes: [UInt8], at offset: Int, _ prefix: [UInt8]) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for (k, byte) in prefix.enumerated() where bytes[offset + k] != byte { return false }
        return true
    }

    private static func startsLine(_ bytes: [UInt8], at offset: Int) -> Bool {
        var j = offset - 1
        while j >= 0 {
            if j == 2 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                return true  // a UTF-8 byte-order mark at the start of the file
            }
            switch bytes[j] {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return true
            case UInt8(ascii: " "), UInt8(ascii: "\t"): j -= 1
            default: return false
            }
        }
        return true
    }

    /// Offset just past the end of the line holding `offset` (after its `\n`).
    private static func endOfLine(_ bytes: [UInt8], from offset: Int) -> Int {
        var i = offset
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return min(i + 1, bytes.count)
    }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    private static func readBlock(_ bytes: [UInt8], at start: Int, index: Int) -> (PEMBlock, Int) {
        // Label: up to the closing dashes on the BEGIN line.
        var i = start + begin.count
        let labelStart = i
        while i < bytes.count && !isFiveDashes(bytes, at: i) && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        let label = String(decoding: bytes[labelStart..<i], as: UTF8.self)
        func failure(_ error: DERError, next: Int) -> (PEMBlock, Int) {
            (PEMBlock(label: label, headers: [], range: start..<next, index: index, decoded: .failure(error)), next)
        }
        guard isFiveDashes(bytes, at: i) else {
            return failure(DERError(.invalidPEM, at: start, "The PEM BEGIN line for \"\(label)\" does not end with five dashes"), next: endOfLine(bytes, from: i))
        }
        let lineEnd = endOfLine(bytes, from: i)
        if !isBlank(bytes, (i + 5)..<lineEnd) {
            return failure(DERError(.invalidPEM, at: i + 5, "Text follows the PEM BEGIN line for \"\(label)\""), next: lineEnd)
        }
        // Encapsulated headers (RFC 1421): `Name: value` lines up to a blank line.
        var bodyStart = lineEnd
        var headers: [PEMBlock.Header] = []
        var hasColon = false
        var scan = bodyStart
        while scan < bytes.count && bytes[scan] != UInt8(ascii: "\n") {
            if bytes[scan] == UInt8(ascii: ":") {
                hasColon = true
                break
            }
            scan += 1
        }
        if hasColon {
            // In an indented block (PEM pasted into YAML) every header line carries the BEGIN
            // line's indentation; only white space beyond it marks a continuation line.
            var indent = 0
            while start - indent > 0 && (bytes[start - indent - 1] == 0x20 || bytes[start - indent - 1] == 0x09) { indent += 1 }
            var line = bodyStart
            while line < bytes.count {
                let next = endOfLine(bytes, from: line)
                if isBlank(bytes, line..<next) {
                    bodyStart = next
                    break
                }
                var textStart = line
                while textStart < next && textStart - line < indent && (bytes[textStart] == 0x20 || bytes[textStart] == 0x09) { textStart += 1 }
                let text = String(decoding: bytes[textStart..<next], as: UTF8.self)
                if let first = text.first, first == " " || first == "\t", let last = headers.popLast() {
                    headers.append(.init(name: last.name, value: last.value + text.trimmingWhitespace()))
                } else if let colon = text.firstIndex(of: ":") {
                    headers.append(.init(
                        name: String(text[..<colon]).trimmingWhitespace(),
                        value: String(text[text.index(after: colon)...]).trimmingWhitespace()))
                } else {
                    bodyStart = line
                    break
                }
                line = next
                bodyStart = line
            }
        }
        // Body: Base64 up to the END line.
        let decoded: (bytes: [UInt8], end: Int)
        do throws(DERError) {
            // The body ends at the first '-' (the END line); size the output to it.
            let bodyEnd = firstDash(bytes, from: bodyStart)
            decoded = try Base64.decode(bytes, in: bodyStart..<bodyEnd, stopAtDash: true)
        } catch {
            // Resume the scan after the broken block's END line, if there is one.
            let resume = findEnd(bytes, from: error.offset) ?? bytes.count
            return failure(error, next: resume)
        }
        let endStart = decoded.end
        guard endStart < bytes.count else {
            return failure(
                DERError(.invalidPEM, at: bytes.count, "The PEM block \"\(label)\" has no END line; the file may be truncated"),
                next: bytes.count)
        }
        guard hasPrefix(bytes, at: endStart, endMarker), startsLine(bytes, at: endStart) else {
            if hasPrefix(bytes, at: endStart, begin) {
                return failure(
                    DERError(.invalidPEM, at: endStart, "The PEM block \"\(label)\" has no END line before the next BEGIN line"),
                    next: endStart)
            }
            return failure(DERError(.invalidPEM, at: endStart, "The PEM block \"\(label)\" has a stray '-' in its Base64 text"), next: endOfLine(bytes, from: endStart))
        }
        var j = endStart + endMarker.count
        let endLabelStart = j
        while j < bytes.count && !isFiveDashes(bytes, at: j) && bytes[j] != UInt8(ascii: "\n") { j += 1 }
        let endLabel = String(decoding: bytes[endLabelStart..<j], as: UTF8.self)
        let endLineEnd = endOfLine(bytes, from: j)
        guard isFiveDashes(bytes, at: j) else {
            return failure(DERError(.invalidPEM, at: endStart, "The PEM END line for \"\(label)\" does not end with five dashes"), next: endLineEnd)
        }
        guard endLabel == label else {
            return failure(
                DERError(.invalidPEM, at: endStart, "The PEM block begins as \"\(label)\" but ends as \"\(endLabel)\""),
                next: endLineEnd)
        }
        let blockEnd = j + 5
        if decoded.bytes.isEmpty {
            return failure(DERError(.invalidPEM, at: start, "The PEM block \"\(label)\" is empty"), next: endLineEnd)
        }
        return (PEMBlock(label: label, headers: headers, range: start..<blockEnd, index: index, decoded: .success(decoded.bytes)), endLineEnd)
    }

    /// The offset of the first '-' at or after `offset`, or the end of the input. Scans eight
    /// bytes at a time (a zero byte in `word ^ 0x2D2D…` marks a dash).
    private static func firstDash(_ bytes: [UInt8], from offset: Int) -> Int {
        let from = max(0, offset)
        guard from < bytes.count else { return bytes.count }
        // The C library's memchr, which scans with the widest vectors the CPU has.
        return bytes.withUnsafeBufferPointer { buffer in
            from + certlint_find_byte(buffer.baseAddress.unsafelyUnwrapped + from, buffer.count - from, UInt8(ascii: "-"))
        }
    }

    private static func findEnd(_ bytes: [UInt8], from offset: Int) -> Int? {
        var i = max(0, offset)
        while i + endMarker.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "-") && hasPrefix(bytes, at: i, endMarker) {
                return endOfLine(bytes, from: i)
            }
            if bytes[i] == UInt8(ascii: "-") && hasPrefix(bytes, at: i, begin) {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Wraps DER bytes in PEM armour with 64-character lines.
    public static func encode(_ der: some Collection<UInt8>, label: String) -> String {
        "-----BEGIN \(label)-----\n" + Base64.encode(der, lineLength: 64) + "\n-----END \(label)-----\n"
    }
}

/// Converts byte offsets in a file to 1-based line and column numbers.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]

    /// Indexes the line starts of `bytes` (LF, CRLF and lone CR all end a line).
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                starts.append(i + 1)
            } else if bytes[i] == UInt8(ascii: "\r") && (i + 1 >= bytes.count || bytes[i + 1] != UInt8(ascii: "\n")) {
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    /// The 1-based line and column (in bytes) of `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF.
    func trimmingWhitespace() -> String {
        let ws: Set<Character> = [" ", "\t", "\r", "\n", "\r\n"]
        var s = Substring(self)
        while let f = s.first, ws.contains(f) { s = s.dropFirst() }
        while let l = s.last, ws.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
