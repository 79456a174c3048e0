/// One word of an HAProxy configuration line, quotes and escapes resolved, with the 1-based
/// line and column of its first character (columns count Unicode scalars).
struct HAProxyWord: Sendable, Hashable {
    /// The text; `$VAR` and `${VAR}` environment references stay as written.
    var text: String
    /// The 1-based line.
    var line: Int
    /// The 1-based column of its first character.
    var column: Int
}
