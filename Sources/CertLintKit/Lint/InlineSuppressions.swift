/// `# certlint:ignore RULE-ID reason` comments: a finding on the comment's line, or on the
/// line below it, is suppressed for that rule (or every rule, with `all`).
///
/// The comment may start with `#`, `//`, `;` or `<!--` so it works in YAML, nginx, HAProxy,
/// .env, JSON5, XML and PEM files alike.
public struct InlineSuppressions: Sendable {
    /// One comment.
    public struct Entry: Sendable, Hashable {
        /// The 1-based line of the comment.
        public let line: Int
        /// The rule it names (`all` for every rule).
        public let rule: String
        /// The reason written after the rule.
        public let reason: String
        /// Whether the comment stands alone on its line (then it covers the next line too).
        public let standsAlone: Bool
    }

    /// The comments found, by line.
    public let entries: [Entry]

    /// Scans text for comments.
    public init(text: String) {
        var found: [Entry] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let range = line.range(of: "certlint:ignore") else { continue }
            let before = line[..<range.lowerBound].trimmingCharacters(in: " \t")
            let commentStarts = ["#", "//", ";", "<!--", "--"]
            guard let marker = commentStarts.first(where: { before.hasSuffix($0) }) else { continue }
            let code = before.dropLast(marker.count).trimmingCharacters(in: " \t")
            var rest = line[range.upperBound...].trimmingCharacters(in: " \t\r")
            if rest.hasSuffix("-->") { rest = String(rest.dropLast(3)).trimmingCharacters(in: " \t") }
            let words = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard let rule = words.first else { continue }
            let reason = words.count > 1 ? String(words[1]).trimmingCharacters(in: " \t") : ""
            found.append(Entry(line: lineNumber, rule: String(rule), reason: reason, standsAlone: code.isEmpty))
        }
        entries = found
    }

    /// The comment that suppresses `rule` at `line`, if any.
    public func suppression(rule: String, line: Int) -> Entry? {
        entries.first { entry in
            (entry.rule == rule || entry.rule == "all") && (entry.line == line || (entry.standsAlone && entry.line + 1 == line))
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String { self[...].trimmingCharacters(in: set) }
}
