/// An error found while reading YAML: what went wrong, as a stable code and a sentence, and
/// where, as a line, a column and a byte offset.
///
/// `description` is `line:column: message`, ready to follow a file path:
/// `rules/tls.yml:3:7: The value at 3:7 is indented less than its key.`
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for each kind of problem; tests and callers match on it.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A character that YAML forbids (a control character) or one that cannot start
        /// anything where it stands (`@`, `` ` ``, a stray `]`).
        case unexpectedCharacter
        /// A line is indented where the structure does not allow it, or a tab is used as
        /// indentation.
        case invalidIndentation
        /// A quoted scalar or a flow collection is not closed before the end of the input or
        /// of its document.
        case unterminated
        /// A double-quoted scalar holds an unknown or malformed escape sequence.
        case invalidEscape
        /// A block scalar's header (`|`, `>`, chomping and indentation indicators) is malformed.
        case invalidBlockScalar
        /// A `%YAML` or `%TAG` directive is malformed, repeated or misplaced.
        case invalidDirective
        /// A tag is malformed or uses a handle that no `%TAG` directive declares.
        case invalidTag
        /// An anchor or alias has no name.
        case invalidAnchor
        /// An alias names an anchor that is not defined before it in its document.
        case undefinedAlias
        /// An alias refers to the node it is part of, which would make the tree infinite.
        case recursiveAlias
        /// The tokens do not form valid YAML here (a missing `:`, a value where a key must
        /// be, content after the end of a document…).
        case unexpectedToken
        /// A mapping has the same key twice.
        case duplicateKey
        /// A `<<` merge key's value is not a mapping or a sequence of mappings.
        case invalidMerge
        /// Collections are nested deeper than the reader's cap.
        case tooDeep
        /// Aliases would copy more nodes than the reader's cap ("billion laughs").
        case aliasExpansionLimit
        /// The input is larger than the reader's cap.
        case inputTooLarge
        /// A single document was required and the stream holds several.
        case multipleDocuments
    }

    /// What went wrong, as a stable code.
    public var code: Code
    /// A whole sentence naming the offending text.
    public var message: String
    /// Where the problem is.
    public var position: YAMLPosition

    /// Creates an error.
    public init(_ code: Code, _ message: String, at position: YAMLPosition) {
        self.code = code
        self.message = message
        self.position = position
    }

    /// The 1-based line of the problem.
    public var line: Int { position.line }
    /// The 1-based column of the problem, in Unicode scalars.
    public var column: Int { position.column }
    /// The UTF-8 byte offset of the problem.
    public var offset: Int { position.offset }

    /// `line:column: message`.
    public var description: String { "\(position.line):\(position.column): \(message)" }
}
