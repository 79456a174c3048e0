/// How serious a finding is; the names and order are SARIF's levels.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Informational: worth knowing, never a failure unless `--fail-on note`.
    case note
    /// Likely to cause trouble.
    case warning
    /// Breaks a deployment or a policy.
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    /// Orders note < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
