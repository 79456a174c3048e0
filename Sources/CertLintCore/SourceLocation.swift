/// A place in a file that a finding points at: a manifest line, a PEM block, a byte offset.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Path relative to the repository root, with `/` separators.
    public var path: String
    /// 1-based line, or `nil` when the file is binary or the whole file is meant.
    public var line: Int?
    /// 1-based column, or `nil`.
    public var column: Int?
    /// Byte offset in a binary file, or `nil`.
    public var byteOffset: Int?

    /// Creates a location.
    public init(path: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// `path:line:column` as compilers print it (line and column default to 1).
    public var description: String { "\(path):\(line ?? 1):\(column ?? 1)" }

    /// Orders by path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line ?? 0, lhs.column ?? 0, lhs.byteOffset ?? 0)
            < (rhs.path, rhs.line ?? 0, rhs.column ?? 0, rhs.byteOffset ?? 0)
    }
}
