import CertLintCore

/// A mistake in a rule file or configuration file: one sentence, with the file, line and
/// column it is at. Loading reports it and exits with status 2.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user would name it (relative to the repository, or `rules/x.yml` for
    /// built-in packs).
    public var file: String
    /// Where in the file.
    public var position: FilePosition
    /// The sentence.
    public var message: String

    /// Creates an error.
    public init(file: String, position: FilePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `file:line:column: error: message`, as compilers print it.
    public var description: String { "\(file):\(position.line):\(position.column): error: \(message)" }
}

/// Several ``PolicyError``s, reported together (a file's problems are all reported at once).
public struct PolicyErrors: Error, Sendable {
    /// The errors, in file order.
    public var errors: [PolicyError]

    /// Wraps errors.
    public init(_ errors: [PolicyError]) { self.errors = errors }
}
