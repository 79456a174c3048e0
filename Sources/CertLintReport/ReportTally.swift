import CertLintCore

/// The counts a summary shows: unsuppressed findings by severity, and suppressed ones.
public struct ReportTally: Sendable, Hashable {
    /// Unsuppressed findings of severity `error`.
    public var errors: Int
    /// Unsuppressed findings of severity `warning`.
    public var warnings: Int
    /// Unsuppressed findings of severity `note`.
    public var notes: Int
    /// Findings suppressed by a waiver or an inline comment, whatever their severity.
    public var suppressed: Int

    /// Creates a tally from its counts.
    public init(errors: Int, warnings: Int, notes: Int, suppressed: Int) {
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
        self.suppressed = suppressed
    }

    /// Counts `findings`.
    public init(_ findings: [Finding]) {
        var errors = 0
        var warnings = 0
        var notes = 0
        var suppressed = 0
        for finding in findings {
            if finding.isSuppressed {
                suppressed += 1
                continue
            }
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
        self.suppressed = suppressed
    }

    /// The number of unsuppressed findings of `severity`.
    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: return errors
        case .warning: return warnings
        case .note: return notes
        }
    }

    /// Whether the run fails: some unsuppressed finding is at or above `failOn` (`nil`: never).
    public func fails(failOn: Severity?) -> Bool {
        guard let failOn else { return false }
        return Severity.allCases.contains { $0 >= failOn && count($0) > 0 }
    }
}
