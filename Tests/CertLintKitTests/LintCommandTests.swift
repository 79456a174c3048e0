import CertLintCore
import CertLintDER
import Foundation
import Testing

@testable import CertLintKit

/// `certlint lint` in process: configuration errors, rule selection, waivers, inline
/// suppressions, deployments, narrowing to paths, and the exit status.
@Suite struct LintCommandTests {
    static let at = ["--at", "2025-06-01"]

    @Test func cleanRepositoryPasses() throws {
        let repo = try TemporaryRepository(copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path] + Self.at)
        #expect(status == .success)
        #expect(output.standardOutput.contains("certlint: 1 file, 1 certificate, 0 usages: 0 errors, 0 warnings, 0 notes"))
    }

    @Test func expiredCertificateFails() throws {
        let repo = try TemporaryRepository(copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path, "--at", "2026-02-01"])
        #expect(status == .findings)
        #expect(output.standardOutput.contains("certs/www.crt:1:1: error: www.example.com expired on 2026-01-01 (31 days ago). [cert-expired]"))
    }

    @Test func warningsFailOnlyWithFailOnWarning() throws {
        let repo = try TemporaryRepository(copies: ["certs/long.der": "x509/generated/validity-398-days-plus-1s.der"])
        defer { repo.remove() }
        #expect(runCertLint([repo.path] + Self.at).0 == .success)
        #expect(runCertLint([repo.path, "--fail-on", "warning"] + Self.at).0 == .findings)
        #expect(runCertLint([repo.path, "--fail-on", "never", "--at", "2030-01-01"]).0 == .success)
    }

    @Test func configurationCanRaiseSeverityAndSetParameters() throws {
        let repo = try TemporaryRepository(
            config: "rules:\n  validity-too-long: { severity: error, params: { maxDays: 400 } }\n",
            copies: ["certs/long.der": "x509/generated/validity-398-days-plus-1s.der"])
        defer { repo.remove() }
        // 399 days is within the configured 400: no finding at all.
        let (status, output) = runCertLint([repo.path] + Self.at)
        #expect(status == .success)
        #expect(!output.standardOutput.contains("validity-too-long"))
    }

    @Test func configurationMistakesAreUsageErrorsWithPositions() throws {
        let cases: [(String, String)] = [
            ("fail-on: warnings\n", ".certlint.yml:1:10: error: 'fail-on' must be error, warning, note or never, not warnings; did you mean 'warning'?"),
            ("version: 1\nexclued: [x]\n", ".certlint.yml:2:1: error: Unknown key 'exclued' in the configuration; did you mean 'exclude'?"),
            ("rules:\n  cert-expird: off\n", ".certlint.yml:2:3: error: There is no rule 'cert-expird'; did you mean 'cert-expired'?"),
            ("rules:\n  validity-too-long: { params: { maxDays: long } }\n", ".certlint.yml:2:43: error: 'validity-too-long.params.maxDays' must be an integer; it is a string."),
            ("waivers:\n  - rule: cert-expired\n    path: certs/**\n    reason: legacy\n", ".certlint.yml:2:5: error: The waiver for cert-expired needs 'expires'"),
            ("deployments:\n  - certificate: a.pem\n    role: sever\n", ".certlint.yml:3:11: error: The role 'sever' of the deployment of a.pem must be one of server, client, client-ca, server-ca; did you mean 'server'?"),
            ("rules: [\n", ".certlint.yml:1:8: error: The flow collection opened at 1:8 is not closed"),
        ]
        for (config, expected) in cases {
            let repo = try TemporaryRepository(config: config)
            defer { repo.remove() }
            let (status, output) = runCertLint([repo.path] + Self.at)
            #expect(status == .usageError, "\(config)")
            #expect(output.standardError.contains(expected), "\(config) gave: \(output.standardError)")
        }
    }

    @Test func waiversSuppressAndExpire() throws {
        let config = """
            waivers:
              - rule: cert-expired
                path: certs/**
                reason: replaced next week
                expires: 2026-03-01
            """
        let repo = try TemporaryRepository(config: config, copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { repo.remove() }
        // Expired certificate, waiver valid: suppressed, the run passes.
        let (status, output) = runCertLint([repo.path, "--at", "2026-02-01"])
        #expect(status == .success)
        #expect(output.standardOutput.contains("(1 suppressed)"))
        // After the waiver's date: the finding counts again and the waiver is reported.
        let (late, lateOutput) = runCertLint([repo.path, "--at", "2026-03-02"])
        #expect(late == .findings)
        #expect(lateOutput.standardOutput.contains("[cert-expired]"))
        #expect(lateOutput.standardOutput.contains(".certlint.yml:2:5: warning: The waiver of cert-expired for path certs/** expired on 2026-03-01"))
        // Before the certificate expires the waiver matches nothing: stale.
        let (early, earlyOutput) = runCertLint([repo.path, "--at", "2025-06-01"])
        #expect(early == .success)
        #expect(earlyOutput.standardOutput.contains("note: The waiver of cert-expired for path certs/** matches no finding"))
    }

    @Test func inlineCommentSuppresses() throws {
        let leaf = try String(contentsOfFile: repositoryRoot + "/Tests/Fixtures/inputs/leaf.crt", encoding: .utf8)
        let repo = try TemporaryRepository(texts: ["certs/www.pem": "# certlint:ignore cert-expired kept for the archive\n" + leaf])
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path, "--at", "2026-02-01"])
        #expect(status == .success)
        #expect(output.standardOutput.contains("(1 suppressed)"))
    }

    @Test func deploymentsGiveUsagesAndTheirRulesFire() throws {
        let config = """
            deployments:
              - certificate: certs/www.crt
                role: client
                hostnames: []
              - certificate: certs/www.crt
                role: server
                hostnames: [www.example.com, api.example.com]
              - certificate: certs/missing.crt
                role: server
            """
        let repo = try TemporaryRepository(config: config, copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path] + Self.at)
        #expect(status == .findings)
        let text = output.standardOutput
        #expect(text.contains(".certlint.yml:2:5: error: www.example.com is presented as a client certificate at certs/www.crt"))
        #expect(text.contains("[client-eku]"))
        #expect(text.contains(".certlint.yml:5:5: error: www.example.com is served for api.example.com"))
        #expect(text.contains("[server-san-covers-hostnames]"))
        #expect(text.contains(".certlint.yml:8:5: error: The certificate of the deployment is certs/missing.crt, which does not exist in the repository. [reference-missing]"))
        #expect(text.contains("note: the certificate"))
    }

    @Test func onlyAndDisableSelectRules() throws {
        let repo = try TemporaryRepository(copies: ["certs/www.crt": "inputs/leaf.crt", "certs/weak.der": "x509/generated/key-rsa-1024.der"])
        defer { repo.remove() }
        let only = runCertLint([repo.path, "--only", "rsa-key-too-small", "--at", "2026-02-01"]).1.standardOutput
        #expect(only.contains("[rsa-key-too-small]"))
        #expect(!only.contains("[cert-expired]"))
        let disabled = runCertLint([repo.path, "--disable", "rsa-key-too-small,cert-expired", "--at", "2026-02-01"]).1.standardOutput
        #expect(!disabled.contains("[rsa-key-too-small]"))
        #expect(!disabled.contains("[cert-expired]"))
        let (status, output) = runCertLint([repo.path, "--only", "rsa-key-too-smal"])
        #expect(status == .usageError)
        #expect(output.standardError.contains("did you mean 'rsa-key-too-small'?"))
    }

    @Test func pathsNarrowWhatIsReported() throws {
        let repo = try TemporaryRepository(copies: ["a/weak.der": "x509/generated/key-rsa-1024.der", "b/weak.der": "x509/generated/key-rsa-1024.der"])
        defer { repo.remove() }
        let output = runCertLint([repo.path + "/b"] + Self.at).1.standardOutput
        // The same certificate twice: reported once at its first place, with the other as related.
        #expect(output.contains("a/weak.der:1:1: error:"))
        #expect(output.contains("b/weak.der:1:1: note: the same certificate"))
    }

    @Test func unreadableFilesAreFindings() throws {
        let repo = try TemporaryRepository(copies: ["certs/cut.pem": "inputs/truncated.pem"])
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path] + Self.at)
        #expect(status == .findings)
        #expect(output.standardOutput.contains("certs/cut.pem:1:1: error: certs/cut.pem cannot be read: the PEM block CERTIFICATE cannot be read: The PEM block \"CERTIFICATE\" has no END line; the file may be truncated (at byte 840). [unreadable-file]"))
    }

    @Test func everyReportFormatRuns() throws {
        let repo = try TemporaryRepository(copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { repo.remove() }
        for format in ["text", "json", "sarif", "junit", "github"] {
            let (status, output) = runCertLint([repo.path, "--format", format, "--at", "2026-02-01"])
            #expect(status == .findings, "\(format)")
            #expect(output.standardOutput.contains("cert-expired"), "\(format)")
        }
    }

    @Test func certlintTestRunsTheExamplesOfADirectory() {
        let (status, output) = runCertLint(["test", "rules"])
        #expect(status == .success)
        #expect(output.standardOutput.contains("failed") && output.standardOutput.contains(" 0 failed."))
        let (builtin, builtinOutput) = runCertLint(["test"])
        #expect(builtin == .success)
        #expect(builtinOutput.standardOutput == output.standardOutput)
    }

    @Test func explainAndRulesDescribeRules() {
        let (status, output) = runCertLint(["explain", "cabf-validity-schedule"])
        #expect(status == .success)
        #expect(output.standardOutput.contains("SC-081v3"))
        let (badStatus, badOutput) = runCertLint(["explain", "cabf-validty-schedule"])
        #expect(badStatus == .usageError)
        #expect(badOutput.standardError.contains("did you mean 'cabf-validity-schedule'?"))
        let listing = runCertLint(["rules"]).1.standardOutput
        #expect(listing.contains("server-eku"))
        #expect(listing.contains("26 rules") || listing.contains(" rules."))
    }
}

extension LintCommandTests {
    @Test func initWritesAConfigurationOnce() throws {
        let repo = try TemporaryRepository(copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { repo.remove() }
        try FileManager.default.removeItem(atPath: repo.path + "/.certlint.yml")
        try FileManager.default.createDirectory(atPath: repo.path + "/.git", withIntermediateDirectories: true)
        let (status, output) = runCertLint(["init", repo.path])
        #expect(status == .success)
        #expect(output.standardOutput.contains("1 certificates found") || output.standardOutput.contains("1 certificate"))
        let written = try #require(output.files[repo.path + "/.certlint.yml"]).map { Character(Unicode.Scalar($0)) }
        let text = String(written)
        #expect(text.contains("version: 1"))
        #expect(text.contains("fail-on: error"))
        // What init writes is a valid configuration.
        let config = try TemporaryRepository(config: text)
        defer { config.remove() }
        #expect(runCertLint([config.path]).0 == .success)
    }

    /// init writes what it found: the manifest platforms, the packs that apply, a password
    /// variable for each keystore; and the result is a valid configuration.
    @Test func initIsTunedToTheRepository() throws {
        let repo = try TemporaryRepository(
            copies: ["nginx/tls/www.crt": "inputs/leaf.crt", "certs/partner-client.pfx": "keystores/pkcs12/default.p12"],
            texts: ["nginx/nginx.conf": "http {\n  server {\n    listen 443 ssl;\n    server_name www.example.com;\n    ssl_certificate tls/www.crt;\n  }\n}\n"])
        defer { repo.remove() }
        try FileManager.default.removeItem(atPath: repo.path + "/.certlint.yml")
        try FileManager.default.createDirectory(atPath: repo.path + "/.git", withIntermediateDirectories: true)
        let (status, output) = runCertLint(["init", repo.path])
        #expect(status == .success)
        let text = String(decoding: try #require(output.files[repo.path + "/.certlint.yml"]), as: UTF8.self)
        #expect(text.contains("# Deployment manifests found (places of use): nginx 1."))
        #expect(text.contains("keystores:\n  certs/partner-client.pfx: PARTNER_CLIENT_PFX_PASSWORD\n"))
        func packsLine(_ text: String) -> String { text.split(separator: "\n").first { $0.hasPrefix("# packs: [") }.map(String.init) ?? "" }
        #expect(packsLine(text).contains("tls-server"))
        #expect(packsLine(text).contains("chains"))
        #expect(packsLine(text).contains("keystores"))
        let config = try TemporaryRepository(config: text)
        defer { config.remove() }
        #expect(runCertLint([config.path]).0 == .success)

        let bare = try TemporaryRepository(copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { bare.remove() }
        try FileManager.default.removeItem(atPath: bare.path + "/.certlint.yml")
        let (_, bareOutput) = runCertLint(["init", bare.path])
        let bareText = String(decoding: try #require(bareOutput.files[bare.path + "/.certlint.yml"]), as: UTF8.self)
        #expect(bareText.contains("# No deployment manifest was found"))
        #expect(!packsLine(bareText).contains("tls-server"), "no place of use, so the server pack is not suggested")
        #expect(!packsLine(bareText).contains("keystores"))
        #expect(packsLine(bareText).contains("validity"))
        #expect(bareText.contains("# keystores:"))
    }

    @Test func keystorePasswordOptionTakesAVariableName() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path, "--keystore-password-env", "certs/*.pfx=hunter2!"])
        #expect(status == .usageError)
        #expect(output.standardError.contains("never a password"))
        #expect(runCertLint([repo.path, "--keystore-password-env", "certs/*.pfx=PFX_PASSWORD"]).0 == .success)
    }
}

extension LintCommandTests {
    /// `--root` names the repository (the SwiftPM plugin passes the package): its configuration
    /// applies, and PATHs under it narrow the report.
    @Test func rootNamesTheRepositoryAndPathsNarrowTheReport() throws {
        let repo = try TemporaryRepository(
            config: "rules:\n  rsa-key-too-small: warning\n",
            copies: ["a/weak.der": "x509/generated/key-rsa-1024.der", "b/md5.der": "x509/generated/sig-md5-rsa.der"])
        defer { repo.remove() }
        let (_, narrowed) = runCertLint(["lint", "--root", repo.path, repo.path + "/a", "--at", "2025-06-01"])
        #expect(narrowed.standardOutput.contains("a/weak.der:1:1: warning: "), "the root's configuration applies: \(narrowed.standardOutput)")
        #expect(narrowed.standardOutput.contains("[rsa-key-too-small]"))
        #expect(!narrowed.standardOutput.contains("b/md5.der"))
        let (_, whole) = runCertLint(["lint", "--root", repo.path, "--at", "2025-06-01"])
        #expect(whole.standardOutput.contains("b/md5.der"))
        let (status, missing) = runCertLint(["lint", "--root", repo.path + "/nowhere", "--at", "2025-06-01"])
        #expect(status == .usageError)
        #expect(missing.standardError.contains("--root \(repo.path)/nowhere is not a folder."))
    }
}
