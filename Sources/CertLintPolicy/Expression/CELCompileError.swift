/// Why an expression could not be loaded: a syntax error, an unknown name, field or function, a
/// type error, an invalid literal, or a limit exceeded.
///
/// The position is within the expression's own source: `offset` counts UTF-8 bytes from 0, `line`
/// and `column` count from 1, the column in Unicode scalars from the start of the line. Callers
/// that embed expressions in larger files translate these to the file's coordinates.
public struct CELCompileError: Error, Hashable, Sendable {
    /// A stable identifier for the kind of error.
    public struct Code: RawRepresentable, Hashable, Sendable {
        /// The stable text of the code, such as `"unknown-field"`.
        public let rawValue: String

        /// Creates a code from its stable text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The source is longer than ``CELProgram/maxSourceBytes``.
        public static let sourceTooLarge = Code(rawValue: "source-too-large")
        /// The expression nests deeper than ``CELProgram/maxNestingDepth``.
        public static let nestingTooDeep = Code(rawValue: "nesting-too-deep")
        /// A character that cannot start a token.
        public static let invalidCharacter = Code(rawValue: "invalid-character")
        /// A malformed literal: an unterminated string, a bad escape, a number out of range.
        public static let invalidLiteral = Code(rawValue: "invalid-literal")
        /// Tokens in an order the grammar does not allow.
        public static let syntax = Code(rawValue: "syntax")
        /// Valid CEL that certlint's subset does not support (unsigned integers, object
        /// construction, qualified names with a leading dot), or a reserved word.
        public static let unsupported = Code(rawValue: "unsupported")
        /// A name that is neither a variable nor a macro's variable in scope.
        public static let unknownName = Code(rawValue: "unknown-name")
        /// A field that the object type does not declare.
        public static let unknownField = Code(rawValue: "unknown-field")
        /// A function or method that does not exist.
        public static let unknownFunction = Code(rawValue: "unknown-function")
        /// An operator, function or method applied to operands of the wrong types.
        public static let noMatchingOverload = Code(rawValue: "no-matching-overload")
        /// A macro (`has`, `all`, `exists`, `exists_one`, `filter`, `map`) used in the wrong form.
        public static let invalidMacro = Code(rawValue: "invalid-macro")
        /// The expression's result has another type than its use requires (a condition that is
        /// not a bool).
        public static let wrongResultType = Code(rawValue: "wrong-result-type")
        /// A literal argument that can never work: a regular expression that does not compile, a
        /// timestamp or duration that does not parse.
        public static let invalidArgument = Code(rawValue: "invalid-argument")
    }

    /// The kind of error.
    public var code: Code
    /// A whole sentence naming the offending token or name and, where one is close, the valid
    /// name meant (`unknown field 'subjct' of Certificate; did you mean 'subject'?`).
    public var message: String
    /// The UTF-8 offset of the offending token in the expression's source.
    public var offset: Int
    /// The 1-based line of the offending token within the expression's source.
    public var line: Int
    /// The 1-based column of the offending token, in Unicode scalars from the start of its line.
    public var column: Int

    /// Creates an error, computing the line and column of `offset` in `source`.
    public init(_ code: Code, _ message: String, offset: Int, source: String) {
        self.code = code
        self.message = message
        let utf8 = Array(source.utf8)
        let clamped = max(0, min(offset, utf8.count))
        self.offset = clamped
        var line = 1
        var lineStart = 0
        var i = 0
        while i < clamped {
            let c = utf8[i]
            if c == 0x0A {
                line += 1
                lineStart = i + 1
            } else if c == 0x0D {
                if i + 1 < utf8.count, utf8[i + 1] == 0x0A, i + 1 < clamped { i += 1 }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        self.line = line
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        self.column = 1 + utf8[lineStart..<clamped].reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}

extension CELCompileError: CustomStringConvertible {
    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
