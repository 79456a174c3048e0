/// A path pattern as `.certlint.yml`'s `include`, `exclude` and waiver `path` use it:
/// `*` matches within one path segment, `**` any number of segments, `?` one character,
/// `[abc]`/`[a-z]`/`[!a]` one character of a set. Paths use `/` and are relative to the
/// repository root. A pattern without `/` matches the file name at any depth (`*.pem`).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [String]
    private let anyDepth: Bool

    /// Compiles a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = pattern
        if trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        if trimmed.hasPrefix("/") { trimmed.removeFirst() }
        if trimmed.hasSuffix("/") { trimmed += "**" }
        anyDepth = !trimmed.contains("/")
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The pattern.
    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if anyDepth, let only = segments.first, segments.count == 1 {
            // `*.pem` matches the name at any depth; a directory name matches everything below it.
            return parts.contains { Glob.matchSegment(Array(only.utf8), Array($0.utf8)) }
        }
        return Glob.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(first.utf8), Array(segment.utf8)) else { return false }
        // A pattern that names a directory also matches everything below it.
        if pattern.count == 1 && path.count > 1 { return true }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// Matches one segment with `*`, `?` and `[…]` (iterative, with backtracking on `*` only).
    static func matchSegment(_ p: [UInt8], _ s: [UInt8]) -> Bool {
        var pi = 0
        var si = 0
        var starP = -1
        var starS = 0
        while si < s.count {
            if pi < p.count {
                let c = p[pi]
                if c == UInt8(ascii: "*") {
                    starP = pi
                    starS = si
                    pi += 1
                    continue
                }
                if c == UInt8(ascii: "?") {
                    pi += 1
                    si += 1
                    continue
                }
                if c == UInt8(ascii: "["), let (matched, next) = matchClass(p, pi, s[si]) {
                    if matched {
                        pi = next
                        si += 1
                        continue
                    }
                } else if c == s[si] {
                    pi += 1
                    si += 1
                    continue
                }
            }
            guard starP >= 0 else { return false }
            pi = starP + 1
            starS += 1
            si = starS
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    /// Matches `[…]` at `p[start]` against `char`; returns whether it matched and the index after
    /// the class, or `nil` when the bracket is not closed (then it is a literal `[`).
    static func matchClass(_ p: [UInt8], _ start: Int, _ char: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count && (p[i] != UInt8(ascii: "]") || first) {
            first = false
            if i + 2 < p.count && p[i + 1] == UInt8(ascii: "-") && p[i + 2] != UInt8(ascii: "]") {
                if p[i] <= char && char <= p[i + 2] { matched = true }
                i += 3
            } else {
                if p[i] == char { matched = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (matched != negate, i + 1)
    }
}
