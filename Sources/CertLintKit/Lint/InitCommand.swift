import CertLintCore
import CertLintPolicy

/// `certlint init`: writes a commented `.certlint.yml` at the repository root, listing what it
/// found there (certificate files, private keys) so the first run starts from the truth.
enum InitCommand {
    static let parser = ArgumentParser(command: "init", options: [.init("--force", value: false)])

    static func run(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        let options = try parser.parse(arguments)
        let start = options.positional.first.map { InspectCommand.absolute($0, in: environment.workingDirectory) } ?? environment.workingDirectory
        let root = Repository.root(for: Repository.normalizeAbsolute(start), environment: environment)
        let path = root + "/.certlint.yml"
        if environment.isDirectory(path) != nil && !options.has("--force") {
            throw UsageError("init: \(path) already exists; add --force to replace it.")
        }
        let repository = Repository(root: root, environment: environment)
        let files = repository.files(include: [], exclude: [])
        let builder = InventoryBuilder(repository: repository, configuration: Configuration(), now: environment.now())
        let read = builder.build(files: files)
        let packs = (try? BuiltinPacks.load().get()) ?? []
        let text = template(certificates: read.certificates, files: read.files, packs: packs.map(\.name))
        do {
            try environment.writeFile(path, Array(text.utf8))
        } catch {
            throw UsageError("init: cannot write \(path).")
        }
        environment.standardOutput("Wrote \(repository.relative(path)) (\(read.files) certificate, key or bundle files, \(read.certificates) certificates found). Run `certlint` next.\n")
        return .success
    }

    static func template(certificates: Int, files: Int, packs: [String]) -> String {
        """
        # certlint configuration: see the README's "Configuration" section.
        # certlint init found \(files) certificate, key or bundle files holding \(certificates) certificates.
        version: 1

        # Fail the run (exit status 1) on findings at or above this severity: error, warning, note, never.
        fail-on: error

        # Paths to read (default: everything) and to skip, as globs relative to this file.
        # include: ["certs/**", "deploy/**"]
        exclude: ["**/testdata/**"]

        # Rule packs that run (default: all): \(packs.joined(separator: ", ")).
        # packs: [\(packs.joined(separator: ", "))]

        # Per-rule settings: a severity, `off`, or parameters. `certlint rules` lists the rules.
        rules:
          # cert-expiring-soon: { params: { warningDays: 45 } }
          # validity-too-long: off

        # Where certificates are deployed when no manifest in the repository says so.
        # deployments:
        #   - certificate: certs/www.example.com.pem
        #     role: server                  # server, client, client-ca, server-ca
        #     hostnames: [www.example.com, example.com]
        #     installed-on: load-balancer

        # Keystore passwords come from environment variables, never from this file.
        # keystores:
        #   certs/partner-client.pfx: PARTNER_PFX_PASSWORD

        # Exceptions, each with a reason and an expiry date.
        # waivers:
        #   - rule: validity-too-long
        #     path: certs/legacy/**
        #     reason: legacy appliance accepts only 5-year certificates; replaced in Q3
        #     expires: 2026-09-30

        """
    }
}
