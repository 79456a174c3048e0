import CertLintCore
import CertLintDER
import CertLintPolicy
import CertLintReport
import Foundation

/// `certlint [lint] [PATH…]`: reads the repository, runs the rules, reports, and sets the exit
/// status from the findings at or above `--fail-on`.
enum LintCommand {
    static let parser = ArgumentParser(command: "lint", options: [
        .init("--config"), .init("--format", allowed: ReportFormat.allCases.map(\.rawValue)), .init("--output"),
        .init("--fail-on", allowed: ["error", "warning", "note", "never"]), .init("--at"),
        .init("--rules", repeatable: true), .init("--only", repeatable: true), .init("--disable", repeatable: true),
        .init("--keystore-password-env", repeatable: true), .init("--quiet", value: false),
        .init("--color", allowed: ["auto", "always", "never"]), .init("--root"),
    ])

    /// Everything a run needs that the options and the repository decide.
    struct Setup {
        let repository: Repository
        let configuration: Configuration
        let rules: [Rule]
        let now: DERTime
        /// `--only` and `--disable`, split at commas.
        let only: [String]
        let disable: [String]
        /// Where keystore passwords come from.
        let passwords: KeystorePasswords
    }

    static func run(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        let options = try parser.parse(arguments)
        for mapping in options.values["--keystore-password-env"] ?? [] {
            guard KeystorePasswords.isValidMapping(mapping) else {
                throw UsageError("lint: --keystore-password-env takes PATTERN=VARIABLE (the name of an environment variable, never a password), not '\(mapping)'.")
            }
        }
        let setup: Setup
        switch prepare(options, environment: environment) {
        case .success(let s): setup = s
        case .failure(let failure):
            for line in failure.lines { environment.standardError("\(line)\n") }
            return .usageError
        }
        let started = Date()
        var builder = InventoryBuilder(
            repository: setup.repository, configuration: setup.configuration, now: setup.now, passwords: setup.passwords)
        let files = setup.repository.files(include: setup.configuration.include, exclude: setup.configuration.exclude)
        if environment.isTerminal && options.value("--output") == nil && !options.has("--quiet") {
            builder.progress = ProgressLine(total: files.count, write: environment.standardError)
        }
        let read = builder.build(files: files)
        let checks = RuleConfigurator.apply(setup.configuration, only: setup.only, disable: setup.disable, to: read.findings)
        var findings = checks + PolicyEngine(rules: setup.rules).evaluate(read.inventory, now: setup.now)
        findings = applyInlineSuppressions(findings, texts: read.texts)
        findings = Waivers.apply(setup.configuration.waivers, file: setup.configuration.file, to: findings, now: setup.now.secondsSinceEpoch)
        findings = narrow(findings, to: options.positional, repository: setup.repository, environment: environment)
        findings.sort(by: PolicyEngine.order)

        let format = ReportFormat(rawValue: options.value("--format") ?? "text") ?? .text
        let failOn = try failThreshold(options, setup.configuration)
        let interactive = options.value("--output") == nil && environment.isTerminal
        let color: Bool
        switch options.value("--color") ?? "auto" {
        case "always": color = true
        case "never": color = false
        default: color = interactive && environment.variables["NO_COLOR"] == nil
        }
        var descriptors = setup.rules.map(\.descriptor) + Waivers.descriptors + InventoryBuilder.descriptors
        descriptors.sort { $0.id < $1.id }
        let report = LintReport(
            toolVersion: CertLintCommand.version, evaluatedAt: setup.now.iso8601, findings: findings, rules: descriptors,
            summary: LintSummary(
                files: read.files, certificates: read.certificates, usages: read.usages,
                seconds: interactive ? Date().timeIntervalSince(started) : nil))
        let text = format.render(report, options: ReportOptions(color: color, quiet: options.has("--quiet"), failOn: failOn))
        if let output = options.value("--output") {
            do {
                try environment.writeFile(InspectCommand.absolute(output, in: environment.workingDirectory), Array(text.utf8))
            } catch {
                throw UsageError("lint: cannot write the report to \(output).")
            }
        } else {
            environment.standardOutput(text)
        }
        let fails = findings.contains { finding in
            guard let failOn, !finding.isSuppressed else { return false }
            return finding.severity >= failOn
        }
        return fails ? .findings : .success
    }

    static func failThreshold(_ options: ArgumentParser.Result, _ configuration: Configuration) throws(UsageError) -> Severity? {
        if let text = options.value("--fail-on") { return text == "never" ? nil : Severity(rawValue: text) }
        return configuration.failOn
    }

    /// Loads the configuration, the packs and the rules; every problem is a `file:line:column` error.
    static func prepare(_ options: ArgumentParser.Result, environment: Environment) -> Result<Setup, LintFailure> {
        let firstPath = options.positional.first.map { InspectCommand.absolute($0, in: environment.workingDirectory) } ?? environment.workingDirectory
        for path in options.positional where environment.isDirectory(InspectCommand.absolute(path, in: environment.workingDirectory)) == nil {
            return .failure(LintFailure(["certlint: error: \(path): no such file or directory."]))
        }
        // The repository is the folder --root names (the SwiftPM plugin passes the package), else
        // the nearest folder at or above the first PATH holding .certlint.yml or .git.
        let root: String
        if let given = options.value("--root") {
            let full = Repository.normalizeAbsolute(InspectCommand.absolute(given, in: environment.workingDirectory))
            guard environment.isDirectory(full) == true else {
                return .failure(LintFailure(["certlint: error: --root \(given) is not a folder."]))
            }
            root = full
        } else {
            root = Repository.root(for: Repository.normalizeAbsolute(firstPath), environment: environment)
        }
        let repository = Repository(root: root, environment: environment)
        let now: DERTime
        if let at = options.value("--at") {
            guard let time = DERTime(iso8601: at) else {
                return .failure(LintFailure(["certlint: error: '\(at)' is not a time for --at; write 2026-03-15 or 2026-03-15T00:00:00Z (UTC)."]))
            }
            now = time
        } else {
            now = environment.now()
        }
        // Configuration.
        var configuration = Configuration()
        let configPath = options.value("--config").map { InspectCommand.absolute($0, in: environment.workingDirectory) } ?? root + "/.certlint.yml"
        let configName = options.value("--config") ?? repository.relative(configPath)
        if let bytes = try? environment.readFile(configPath) {
            switch PolicyNode.parse(String(decoding: bytes, as: UTF8.self), file: configName) {
            case .failure(let error): return .failure(LintFailure(["\(error)"]))
            case .success(let node):
                switch ConfigurationLoader.load(node, file: configName) {
                case .success(let c): configuration = c
                case .failure(let errors): return .failure(LintFailure(errors.errors.map(\.description)))
                }
            }
        } else if options.value("--config") != nil {
            return .failure(LintFailure(["certlint: error: the configuration file \(configName) cannot be read."]))
        }
        // Packs: built-in, then the configuration's rule directories, then --rules.
        var packs: [RulePack]
        switch BuiltinPacks.load() {
        case .success(let p): packs = p
        case .failure(let errors): return .failure(LintFailure(errors.errors.map(\.description)))
        }
        let configured = configuration.ruleDirectories.enumerated().map { i, path in
            let position = i < configuration.ruleDirectoryPositions.count ? configuration.ruleDirectoryPositions[i] : FilePosition(line: 1, column: 1)
            return (repository.absolute(path), path, "\(configuration.file):\(position.line):\(position.column): error: ")
        }
        let directories = configured
            + (options.values["--rules"] ?? []).map { (InspectCommand.absolute($0, in: environment.workingDirectory), $0, "certlint: error: ") }
        switch loadPacks(from: directories, environment: environment) {
        case .success(let extra): packs += extra
        case .failure(let errors): return .failure(errors)
        }
        let split = { (values: [String]?) in (values ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: " ") } } }
        let only = split(options.values["--only"])
        let disable = split(options.values["--disable"])
        switch RuleConfigurator.configure(packs, with: configuration, only: only, disable: disable, checks: InventoryBuilder.descriptors.map(\.id)) {
        case .success(let rules):
            let passwords = KeystorePasswords.from(
                configuration, options: options.values["--keystore-password-env"] ?? [], variables: environment.variables)
            return .success(
                Setup(repository: repository, configuration: configuration, rules: rules, now: now, only: only, disable: disable, passwords: passwords))
        case .failure(let errors): return .failure(LintFailure(errors.errors.map(\.description)))
        }
    }

    /// Loads every `*.yml`/`*.yaml` pack in each directory (absolute path, name as given, and
    /// the prefix that says where the directory was named).
    static func loadPacks(from directories: [(String, String, String)], environment: Environment) -> Result<[RulePack], LintFailure> {
        var packs: [RulePack] = []
        var errors: [String] = []
        for (path, name, origin) in directories {
            guard let entries = try? environment.listDirectory(path) else {
                errors.append("\(origin)The rule directory \(name) cannot be read: it does not exist or is not a folder.")
                continue
            }
            for entry in entries.sorted() where entry.hasSuffix(".yml") || entry.hasSuffix(".yaml") {
                let file = (name.hasSuffix("/") ? name : name + "/") + entry
                guard let bytes = try? environment.readFile(path + "/" + entry) else {
                    errors.append("certlint: error: \(file) cannot be read.")
                    continue
                }
                switch PolicyNode.parse(String(decoding: bytes, as: UTF8.self), file: file) {
                case .failure(let error): errors.append(error.description)
                case .success(nil): errors.append("\(file):1:1: error: The rule pack is empty.")
                case .success(let node?):
                    switch RuleLoader.load(node, file: file) {
                    case .success(let pack): packs.append(pack)
                    case .failure(let failures): errors += failures.errors.map(\.description)
                    }
                }
            }
        }
        return errors.isEmpty ? .success(packs) : .failure(LintFailure(errors))
    }

    static func applyInlineSuppressions(_ findings: [Finding], texts: [String: String]) -> [Finding] {
        var cache: [String: InlineSuppressions] = [:]
        return findings.map { finding in
            guard finding.suppression == nil, let line = finding.location.line, let text = texts[finding.location.path] else { return finding }
            let suppressions = cache[finding.location.path] ?? InlineSuppressions(text: text)
            cache[finding.location.path] = suppressions
            guard let entry = suppressions.suppression(rule: finding.ruleID, line: line) else { return finding }
            var suppressed = finding
            suppressed.suppression = Suppression(kind: .inline, justification: entry.reason)
            return suppressed
        }
    }

    /// Keeps the findings about the given paths (all findings when none are given): a finding
    /// is kept when its location or a related location is at or under one of them.
    static func narrow(_ findings: [Finding], to paths: [String], repository: Repository, environment: Environment) -> [Finding] {
        guard !paths.isEmpty else { return findings }
        let wanted = paths.map { repository.relative(Repository.normalizeAbsolute(InspectCommand.absolute($0, in: environment.workingDirectory))) }
        if wanted.contains(".") { return findings }
        func covered(_ path: String) -> Bool { wanted.contains { path == $0 || path.hasPrefix($0 + "/") } }
        return findings.filter { covered($0.location.path) || $0.relatedLocations.contains { covered($0.location.path) } }
    }
}

extension Repository {
    /// An absolute path with `.`/`..` segments resolved.
    static func normalizeAbsolute(_ path: String) -> String {
        "/" + normalize(path)
    }
}

extension InventoryBuilder {
    /// The checks the inventory itself makes, before rules run.
    static let descriptors = [
        RuleDescriptor(
            id: "reference-missing", pack: "certlint",
            summary: "A manifest or deployment names a certificate, bundle or keystore file that does not exist.",
            help: "Correct the path (relative to the manifest, or to the repository root in .certlint.yml) or add the file.", severity: .error),
        RuleDescriptor(
            id: "reference-unreadable", pack: "certlint",
            summary: "A manifest or deployment names a file or value that holds no readable certificate.",
            help: "Point it at the certificate (PEM or DER), or correct the embedded value.", severity: .error),
        RuleDescriptor(
            id: "reference-outside-repository", pack: "certlint",
            summary: "A manifest uses a certificate that is not in the repository (an absolute path, a thumbprint, a Secret made at deploy time).",
            help: "Nothing to fix if the certificate is provisioned elsewhere; add it to the repository to have it checked.", severity: .note),
        RuleDescriptor(
            id: "role-unknown", pack: "certlint",
            summary: "A manifest installs a certificate without saying whether it is a server or a client certificate.",
            help: "Declare the certificate in the deployments of .certlint.yml with its role.", severity: .note),
        RuleDescriptor(
            id: "manifest-invalid", pack: "certlint", summary: "A deployment manifest cannot be read, or a directive in it is malformed.",
            help: "Fix the manifest; the server would refuse it too.", severity: .error),
        RuleDescriptor(
            id: "mtls-verify-without-client-ca", pack: "certlint",
            summary: "An endpoint asks callers for certificates but names no CA bundle to verify them with (nginx, Apache and HAProxy refuse it).",
            help: "Name the bundle of the CAs that issue your callers' certificates (ssl_client_certificate, SSLCACertificateFile, ca-file).",
            severity: .error),
        RuleDescriptor(
            id: "secret-in-manifest", pack: "certlint", summary: "A keystore or key password is written in a manifest.",
            help: "Load it from the environment or a secret store, and rotate it: it is in the repository's history.", severity: .warning),
    ]
}

/// Problems that stop a run before it starts (configuration, rule files), one line each.
struct LintFailure: Error {
    let lines: [String]
    init(_ lines: [String]) { self.lines = lines }
}
