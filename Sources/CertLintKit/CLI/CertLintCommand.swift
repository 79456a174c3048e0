import CertLintCore
import CertLintDER
import CertLintX509

/// certlint's command line: parses the arguments, runs the command, returns the exit status.
/// `main.swift` only wires the process environment to this.
public enum CertLintCommand {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    static let commands = ["lint", "inspect", "inventory", "rules", "explain", "test", "init", "help"]

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
        case "inventory":
            return try InventoryCommand.run(Array(arguments.dropFirst()), environment: environment)
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
          certlint [lint] [OPTIONS] [PATH...]
              Reads the repository's certificates, keys and deployment manifests (nginx, Apache,
              HAProxy, Kubernetes, CloudFormation, Terraform, IIS, appsettings.json, Spring Boot,
              Kong, Tyk, .env, the deployments of .certlint.yml), works out each certificate's
              role, and reports what the rules find. PATHs narrow the report; the repository is
              the nearest folder above the first PATH holding .certlint.yml or .git, or --root DIR.
              --config FILE  --format text|json|sarif|junit|github  --output FILE
              --fail-on error|warning|note|never  --at TIME  --rules DIR  --only ID,...
              --disable ID,...  --keystore-password-env PATTERN=VARIABLE  --quiet  --color auto|always|never
              --root DIR
          certlint inventory [--format text|json|csv|markdown] [--config FILE] [--at TIME] [--output FILE] [PATH...]
              Every certificate with every place it is used: role, endpoint, hostnames, the
              manifest line, chain status and days to expiry.
          certlint inspect [--format text|json] [--at TIME] [--output FILE] PATH...
              What each certificate, key, request or bundle is: subject, SANs, key usage in
              words, validity and days left, key, issuer, fingerprints; for bundles, the order
              and whether each certificate issues the next; for keys, which certificate they
              match. Directories are searched for certificate, key and keystore files.
          certlint rules | explain ID | test [DIR...] | init
              The rules that would run; one rule in full; run every rule's examples; write a
              starting .certlint.yml.
          certlint --version | --help

        OPTIONS
          --at TIME            Evaluate "now" as TIME (2026-03-15 or 2026-03-15T00:00:00Z).
          --output FILE        Write the report to FILE instead of standard output.

        EXIT STATUS
          0  nothing at or above --fail-on (inspect: everything was read)
          1  findings at or above --fail-on (inspect: some input could not be read)
          2  usage error (unknown option, missing file, invalid configuration or rule file)
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
