import CertLintCore

/// One directive of an Apache httpd configuration, or one section (`<VirtualHost *:443>` …
/// `</VirtualHost>`) with the directives inside it.
struct ApacheDirective: Sendable, Hashable {
    /// The name as written, without `<` and `>` for a section (`VirtualHost`).
    var name: String
    /// The name in lower case: httpd's directive names are case-insensitive.
    var key: String
    /// The arguments (for a section, those inside its opening tag).
    var arguments: [ApacheWord]
    /// The repository-relative path of the file it is written in.
    var path: String
    /// The 1-based line of its name.
    var line: Int
    /// The 1-based column of its name (of the `<` for a section).
    var column: Int
    /// The directives inside a section, or `nil` for a plain directive.
    var section: [ApacheDirective]?

    /// Where it is written.
    var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    /// The texts of its arguments.
    var values: [String] { arguments.map(\.text) }

    /// `path:line`: the identity of a section among the sections of a configuration.
    var identity: String { "\(path):\(line)" }

    /// `<Name args>` as a label.
    var tag: String { "<" + ([name] + values).joined(separator: " ") + ">" }
}
