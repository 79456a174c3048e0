/// One argument of an Apache httpd directive, quotes removed, with the 1-based line and column
/// of its first character (columns count Unicode scalars).
struct ApacheWord: Sendable, Hashable {
    /// The text (`\"` inside double quotes stands for `"`; `${NAME}` is replaced once its
    /// `Define` is known).
    var text: String
    /// Whether it was written in quotes.
    var quoted: Bool
    /// The 1-based line of its first character.
    var line: Int
    /// The 1-based column of its first character.
    var column: Int
}
