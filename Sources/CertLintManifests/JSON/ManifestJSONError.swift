/// Why JSON text could not be read, as a stable code and a sentence, and where.
///
/// `description` is `line:column: message`, ready to follow a file path.
struct ManifestJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for each kind of problem.
    enum Code: String, Sendable, Hashable, CaseIterable {
        /// The text holds nothing but whitespace.
        case empty
        /// The text ends inside a value, an array or an object.
        case unexpectedEnd
        /// A character that cannot stand where it is (`'`, a comment, a missing comma).
        case unexpectedCharacter
        /// A string is not closed before the end of the text.
        case unterminatedString
        /// A string holds an unknown or malformed escape sequence.
        case invalidEscape
        /// A string holds a raw control character (U+0000 to U+001F).
        case controlCharacter
        /// A number does not follow RFC 8259's grammar (`01`, `1.`, `.5`, `+1`, `0x1F`).
        case invalidNumber
        /// Something follows the top-level value.
        case trailingContent
        /// An object has the same key twice (only when duplicate keys are rejected).
        case duplicateKey
        /// Arrays and objects are nested deeper than the cap.
        case tooDeep
        /// The text is larger than the cap.
        case inputTooLarge
    }

    /// What went wrong.
    var code: Code
    /// A whole sentence naming the offending text.
    var message: String
    /// Where.
    var position: ManifestJSONPosition

    /// Creates an error.
    init(_ code: Code, _ message: String, at position: ManifestJSONPosition) {
        self.code = code
        self.message = message
        self.position = position
    }

    /// `line:column: message`.
    var description: String { "\(position): \(message)" }
}
