import CertLintCore

/// One directive of an nginx configuration: its name, its arguments, where it is written, and
/// for a block directive (`server { … }`) the directives inside it.
struct NginxDirective: Sendable, Hashable {
    /// The directive's name as written (nginx names are case-sensitive).
    var name: String
    /// The arguments, escapes applied.
    var arguments: [NginxToken]
    /// The repository-relative path of the file it is written in.
    var path: String
    /// The 1-based line of its name.
    var line: Int
    /// The 1-based column of its name.
    var column: Int
    /// The directives inside its block, or `nil` for a simple directive ending in `;`.
    var block: [NginxDirective]?

    /// Where its name is written.
    var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    /// The texts of its arguments.
    var values: [String] { arguments.map(\.text) }

    /// `path:line`: the identity of a block among the blocks of a configuration.
    var identity: String { "\(path):\(line)" }
}
