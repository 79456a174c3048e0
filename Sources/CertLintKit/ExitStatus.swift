/// The process exit status, as the command-line contract defines it (README, "Exit status").
public enum CertLintExitStatus: Int32, Sendable, Hashable {
    /// Nothing at or above the failure threshold was found.
    case success = 0
    /// Findings at or above `--fail-on`, or (for `inspect`) input that could not be read.
    case findings = 1
    /// A usage or configuration error: unknown flag, missing file, invalid config.
    case usageError = 2
    /// certlint itself failed (a bug); the message asks for a report.
    case internalError = 70
}
