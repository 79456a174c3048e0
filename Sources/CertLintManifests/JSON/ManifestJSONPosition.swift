/// A place in JSON text: 1-based line and column, and the UTF-8 byte offset.
///
/// Columns count Unicode scalars from the start of the line, as the YAML reader's do, so
/// `é` is one column though it is two bytes. Lines end at LF, CR or CRLF. A leading byte-order
/// mark is not counted as a column.
struct ManifestJSONPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    var line: Int
    /// The 1-based column, in Unicode scalars.
    var column: Int
    /// The 0-based UTF-8 byte offset from the start of the text.
    var offset: Int

    /// The start of a text.
    static let start = ManifestJSONPosition(line: 1, column: 1, offset: 0)

    /// `line:column`.
    var description: String { "\(line):\(column)" }

    /// Orders by offset.
    static func < (lhs: ManifestJSONPosition, rhs: ManifestJSONPosition) -> Bool { lhs.offset < rhs.offset }
}
