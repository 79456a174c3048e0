import CertLintCore
import CertLintDER
import CertLintX509

/// certlint's command line: parses the arguments, runs the command, returns the exit status.
/// `main.swift` only wires the process environment to this.
public enum CertLintCommand {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    static let commands = ["lint", "inspect", "rules", "explain", "test", "init", "help"]

    /// Runs certlint with `arguments` (without the program name) in `environment`.
    public static func run(_ arguments: [String], environment: Environment) -> CertLintExitStatus {
        do {
            return try dispatch(arguments, environment: environment)
        } catch {
            environment.standardError("certlint: error: \(error.message)\nRun 'certlint help' for usage.\n")
            return .usageError
        }
    }

    static func dispatch(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        guard let first = arguments.first else {
            return try LintCommand.run([], environment: environment)
        }
        switch first {
        case "--version", "version":
            environment.standardOutput("certlint \(version)\n")
            return .success
        case "--help", "-h", "help":
            environment.standardOutput(usage)
            return .success
        case "inspect":
            return try InspectCommand.run(Array(arguments.dropFirst()), environment: environment)
        case "lint":
            return try LintCommand.run(Array(arguments.dropFirst()), environment: environment)
        case "rules":
            return try RulesCommand.list(Array(arguments.dropFirst()), environment: environment)
        case "explain":
            return try RulesCommand.explain(Array(arguments.dropFirst()), environment: environment)
        case "test":
            return try RulesCommand.test(Array(arguments.dropFirst()), environment: environment)
        case "init":
            return try InitCommand.run(Array(arguments.dropFirst()), environment: environment)
        default:
            // `certlint PATH…` lints those paths.
            if first.hasPrefix("-") || environment.isDirectory(InspectCommand.absolute(first, in: environment.workingDirectory)) != nil {
                return try LintCommand.run(arguments, environment: environment)
            }
            let suggestion = Suggestions.closest(to: first, among: commands + ["--version", "--help"])
            throw UsageError(
                "unknown command '\(first)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the commands are \(commands.joined(separator: ", "))."))
        }
    }

    static let usage = """
        certlint \(version): a policy-as-code linter for X.509 certificates as they are deployed.

        USAGE
          certlint inspect [--format text|json] [--at TIME] [--output FILE] PATH...
              What each certificate, key, request or bundle is: subject, SANs, key usage in
              words, validity and days left, key, issuer, fingerprints; for bundles, the order
              and whether each certificate issues the next; for keys, which certificate they
              match. Directories are searched for certificate, key and keystore files.
          certlint --version | --help

        OPTIONS
          --format text|json   Output format (default: text).
          --at TIME            Evaluate "now" as TIME (2026-03-15 or 2026-03-15T00:00:00Z).
          --output FILE        Write the report to FILE instead of standard output.

        EXIT STATUS
          0  everything was read
          1  some input could not be read (each is reported with its byte offset and field)
          2  usage error (unknown option, missing file)
          70 internal error

        """

    /// Parses `--at`: an ISO 8601 UTC date or timestamp.
    static func parseTime(_ text: String) throws(UsageError) -> DERTime {
        guard let time = DERTime(iso8601: text) else {
            throw UsageError("'\(text)' is not a time for --at; write 2026-03-15 or 2026-03-15T00:00:00Z (UTC).")
        }
        return time
    }
}
