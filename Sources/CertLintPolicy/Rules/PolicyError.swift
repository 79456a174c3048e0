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

/// Closest-word suggestions for unknown keys and names.
enum Spelling {
    /// The candidate within a small edit distance of `word`, if any.
    static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= max(2, candidate.count / 3), distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// "; did you mean 'x'?" or "".
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
