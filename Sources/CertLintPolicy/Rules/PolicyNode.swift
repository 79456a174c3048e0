/// A position in a rule file or configuration file (1-based line and column).
public struct FilePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// Orders by line, then column.
    public static func < (lhs: FilePosition, rhs: FilePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A data tree read from YAML (rule files, configuration), with the position of every node:
/// what the rule and configuration loaders see, so they do not depend on the YAML reader's
/// own types.
public struct PolicyNode: Sendable {
    /// A node's value.
    public indirect enum Value: Sendable {
        /// `null` or an empty value.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// An integer.
        case int(Int64)
        /// A floating-point number.
        case double(Double)
        /// A string (any scalar that is not null, bool or a number, and every quoted scalar).
        case string(String)
        /// A sequence.
        case list([PolicyNode])
        /// A mapping with string keys, in order.
        case map([Entry])
    }

    /// One key of a mapping, with where the key is written.
    public struct Entry: Sendable {
        /// The key.
        public let key: String
        /// Where the key is written.
        public let keyPosition: FilePosition
        /// The value.
        public let value: PolicyNode
    }

    /// The value.
    public let value: Value
    /// Where the node starts.
    public let position: FilePosition
    private let locate: @Sendable (Int) -> FilePosition?

    /// Creates a node; `locate` maps a UTF-8 offset in a scalar's text to the file.
    public init(_ value: Value, position: FilePosition, locate: (@Sendable (Int) -> FilePosition?)? = nil) {
        self.value = value
        self.position = position
        self.locate = locate ?? { offset in FilePosition(line: position.line, column: position.column + offset) }
    }

    /// The file position of the character at UTF-8 `offset` in this scalar's text.
    public func filePosition(atOffset offset: Int) -> FilePosition {
        locate(offset) ?? position
    }

    /// The entries of a mapping, or `nil`.
    public var entries: [Entry]? {
        if case .map(let entries) = value { return entries }
        return nil
    }

    /// The items of a sequence, or `nil`.
    public var items: [PolicyNode]? {
        if case .list(let items) = value { return items }
        return nil
    }

    /// The string of a string scalar, or `nil`.
    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The value of key `key` in a mapping.
    public subscript(key: String) -> PolicyNode? {
        entries?.first { $0.key == key }?.value
    }

    /// A short name for the node's kind, for messages ("a mapping", "a string").
    public var kindName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}
