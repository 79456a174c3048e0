/// How a scalar was written.
public enum YAMLScalarStyle: String, Sendable, Hashable, CaseIterable {
    /// Unquoted text, resolved by the core schema (`true`, `42`, `null`, `hello`).
    case plain
    /// Text between single quotes; `''` is a quote. Always a string.
    case singleQuoted
    /// Text between double quotes, with backslash escapes. Always a string.
    case doubleQuoted
    /// A `|` block scalar: line breaks are kept.
    case literal
    /// A `>` block scalar: line breaks between lines of the same indentation become spaces.
    case folded
}

extension YAMLScalarStyle {
    /// Whether the scalar was written in one of the quoted styles.
    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
    /// Whether the scalar was written as a block scalar (`|` or `>`).
    public var isBlock: Bool { self == .literal || self == .folded }
}
