/// Small string helpers for the AWS and Terraform readers, without Foundation.
enum AWSText {
    /// `text` without leading and trailing spaces, tabs and line breaks.
    static func trim<S: StringProtocol>(_ text: S) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }

    /// The parts of `text` between occurrences of `separator`; `[text]` when the separator is empty.
    static func split<S: StringProtocol>(_ text: S, by separator: String) -> [String] {
        guard !separator.isEmpty else { return [String(text)] }
        var parts: [String] = []
        var rest = Substring(text)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// The folder of a repository-relative path (`""` for a file at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `folder/name`, or `name` when the folder is the root.
    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    /// The last component of a path.
    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether the first `limit` bytes of `text` contain `needle`.
    static func prefix(of text: String, limit: Int, contains needle: String) -> Bool {
        let haystack = Array(text.utf8.prefix(limit))
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
        let first = pattern[0]
        var i = 0
        while i + pattern.count <= haystack.count {
            if haystack[i] == first {
                var j = 1
                while j < pattern.count, haystack[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            i += 1
        }
        return false
    }
}
