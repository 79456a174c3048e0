/// One token of an nginx configuration: a word (quoted or not, escapes already applied), or
/// one of the three punctuation marks `;`, `{` and `}`, with its 1-based line and column
/// (columns count Unicode scalars).
struct NginxToken: Sendable, Hashable {
    /// What the token is.
    enum Kind: Sendable, Hashable {
        /// A directive name or argument.
        case word
        /// `;`: the end of a simple directive.
        case semicolon
        /// `{`: the start of a block.
        case openBrace
        /// `}`: the end of a block.
        case closeBrace
    }

    /// What the token is.
    var kind: Kind
    /// The word's text with nginx's escapes applied (`\"` → `"`, `\t` → tab); `$variables`
    /// stay as written. Empty for punctuation.
    var text: String
    /// Whether the word was written in quotes.
    var quoted: Bool
    /// The 1-based line of its first character.
    var line: Int
    /// The 1-based column of its first character.
    var column: Int
}
