import CertLintCore
import CertLintPolicy

/// `certlint init`: writes a commented `.certlint.yml` at the repository root, tuned to what it
/// found there — the certificate files, the deployment manifests by platform (and, when there
/// are none, the `deployments:` to write instead), the packs that apply, and a password
/// variable named for each keystore — so the first run starts from the truth.
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
        var platforms: [String: Int] = [:]
        for usage in read.placements.map(\.usage) + read.unresolved.map(\.usage) where usage.platform != "certlint" {
            platforms[usage.platform, default: 0] += 1
        }
        let keystores = (read.inventory.instances[.keystore] ?? []).map(\.location.path).sorted()
        let text = template(
            certificates: read.certificates, files: read.files, packs: packs.map(\.name), platforms: platforms, keystores: keystores)
        do {
            try environment.writeFile(path, Array(text.utf8))
        } catch {
            throw UsageError("init: cannot write \(path).")
        }
        environment.standardOutput("Wrote \(repository.relative(path)) (\(read.files) files with certificates, keys, keystores or deployments; \(read.certificates) certificates). Run `certlint` next.\n")
        return .success
    }

    /// The packs that have something to check here: those about places of use need a manifest
    /// (or `deployments:`), the keystore pack a keystore.
    static func applicablePacks(_ packs: [String], platforms: [String: Int], keystores: [String]) -> [String] {
        packs.filter { pack in
            switch pack {
            case "chains", "tls-server", "tls-client": return !platforms.isEmpty
            case "keystores": return !keystores.isEmpty
            default: return true
            }
        }
    }

    /// `certs/partner-client.pfx` → `PARTNER_CLIENT_PFX_PASSWORD`.
    static func passwordVariable(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let upper = name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return String(upper) + "_PASSWORD"
    }

    static func template(certificates: Int, files: Int, packs: [String], platforms: [String: Int] = [:], keystores: [String] = []) -> String {
        let found = platforms.isEmpty
            ? "# No deployment manifest was found: describe where certificates are installed under\n# deployments: below, so the rules for servers, clients and chains can run."
            : "# Deployment manifests found (places of use): "
                + platforms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "."
        let applicable = applicablePacks(packs, platforms: platforms, keystores: keystores)
        let keystoreLines = keystores.isEmpty
            ? "# keystores:\n#   certs/partner-client.pfx: PARTNER_PFX_PASSWORD"
            : "# Set these variables (in CI, from secrets) so that certlint can open the keystores.\nkeystores:\n"
                + keystores.map { "  \($0): \(passwordVariable(for: $0))" }.joined(separator: "\n")
        return """
        # certlint configuration: see the README's "Configuration" section.
        # certlint init read \(files) files with certificates, keys, keystores or deployments (\(certificates) certificates).
        \(found)
        version: 1

        # Fail the run (exit status 1) on findings at or above this severity: error, warning, note, never.
        fail-on: error

        # Paths to read (default: everything) and to skip, as globs relative to this file.
        # include: ["certs/**", "deploy/**"]
        exclude: ["**/testdata/**"]

        # Rule packs that run (default: all): \(packs.joined(separator: ", ")).
        # The ones with something to check in this repository today:
        # packs: [\(applicable.joined(separator: ", "))]

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
        \(keystoreLines)

        # Exceptions, each with a reason and an expiry date.
        # waivers:
        #   - rule: validity-too-long
        #     path: certs/legacy/**
        #     reason: legacy appliance accepts only 5-year certificates; replaced in Q3
        #     expires: 2026-09-30

        """
    }
}
