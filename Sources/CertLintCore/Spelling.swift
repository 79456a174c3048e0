/// "Did you mean …?" for mistyped commands, options, keys, rule ids and names: the candidate
/// within a small edit distance of what was written. One implementation for the command line,
/// the configuration, rule files and the expression checker.
public enum Spelling {
    /// The candidate closest to `word` (case-insensitive Levenshtein distance), if one is within
    /// a third of its length (at least 2 edits; ties go to the alphabetically first); `nil` when
    /// none is close, or when `word` is itself a candidate.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty, target.count <= 64 else { return nil }
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            let limit = max(2, other.count / 3)
            guard abs(other.count - target.count) <= limit else { continue }
            let d = editDistance(target, other)
            guard d <= limit else { continue }
            if let current = best, d > current.distance || (d == current.distance && candidate > current.name) { continue }
            best = (d, candidate)
        }
        return best?.name
    }

    /// "; did you mean 'x'?" or the empty string.
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The edit distance between two sequences (Levenshtein, with a swap of two adjacent
    /// elements counted as one edit, as typing mistakes usually are).
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
