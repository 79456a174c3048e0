import CertLintCore
import CertLintDER
import Foundation
import Testing

@testable import CertLintKit

/// Keystores in a repository, end to end: opened with the password of the variable the
/// configuration names, their certificates linted with the role of the usage that references
/// them, the keystore pack's findings, one finding for a keystore that cannot be opened or
/// read, and no secret in any report.
///
/// The keystores are `Tests/Fixtures/keystores/pkcs12/` (`make-pkcs12.py`): a leaf
/// `server.example.test` with serverAuth only, its intermediate and root, valid through 2026.
@Suite struct KeystoreLintTests {
    static let at = ["--at", "2026-06-01"]
    static let password = "fixture-password"

    /// appsettings.json presenting `certs/client.pfx` as a client certificate, and a
    /// configuration naming PFX_PASSWORD for it.
    func repository(keystore fixture: String, config: String = "keystores:\n  certs/*.pfx: PFX_PASSWORD\n") throws -> TemporaryRepository {
        let appsettings = """
            {
              "Supplier": {
                "BaseAddress": "https://api.supplier.example/",
                "ClientCertificate": { "Path": "certs/client.pfx" }
              }
            }

            """
        return try TemporaryRepository(
            config: config, copies: ["certs/client.pfx": "keystores/pkcs12/\(fixture)"], texts: ["appsettings.json": appsettings])
    }

    func lint(_ repo: TemporaryRepository, variables: [String: String], format: String = "text") -> (CertLintExitStatus, String) {
        let (status, output) = runCertLint([repo.path, "--format", format] + Self.at, variables: variables)
        return (status, output.standardOutput + output.standardError)
    }

    @Test func certificateInsideIsLintedForTheRoleOfItsUsage() throws {
        let repo = try repository(keystore: "default.p12")
        defer { repo.remove() }
        let (status, out) = lint(repo, variables: ["PFX_PASSWORD": Self.password])
        #expect(status == .findings)
        let lines = out.split(separator: "\n").map(String.init)
        let eku = try #require(lines.firstIndex { $0.contains("[client-eku]") }, "\(out)")
        #expect(lines[eku].hasPrefix("appsettings.json:4:"))
        #expect(lines[eku].contains("server.example.test is presented as a client certificate"))
        #expect(lines[eku + 1] == "    certs/client.pfx:1:1: note: the certificate")
        #expect(out.contains("certs/client.pfx:1:1: warning: certs/client.pfx holds a private key; keep it in a secret store, not in the repository. [keystore-private-key-committed]"))
        // OpenSSL 3's defaults: PBES2 with AES-256, an HMAC-SHA-256 MAC, 2048 iterations.
        #expect(!out.contains("[keystore-weak-encryption]"))
        #expect(!out.contains("[keystore-weak-mac]"))
        #expect(!out.contains("[keystore-low-iterations]"))
        #expect(!out.contains("[keystore-not-opened]"))
    }

    @Test func legacyEncryptionSHA1MACAndFewIterationsAreReported() throws {
        let repo = try repository(keystore: "legacy.p12")
        defer { repo.remove() }
        let (_, out) = lint(repo, variables: ["PFX_PASSWORD": Self.password])
        #expect(out.contains("certs/client.pfx:1:1: warning: certs/client.pfx is protected with pbe-sha1-rc2-40; export it again with PBES2 and AES-256. [keystore-weak-encryption]"), "\(out)")
        #expect(out.contains("certs/client.pfx:1:1: note: certs/client.pfx is checked with hmac-sha1; export it again with an HMAC-SHA-256 MAC. [keystore-weak-mac]"))
        #expect(out.contains("certs/client.pfx:1:1: warning: certs/client.pfx derives its keys with 16 iterations; use at least 2048. [keystore-low-iterations]"))
    }

    @Test func withoutItsPasswordTheKeystoreIsOneFindingAndTheRestGoesOn() throws {
        let repo = try repository(keystore: "default.p12")
        defer { repo.remove() }
        let (status, out) = lint(repo, variables: [:])
        #expect(status == .success)
        let keystoreLines = out.split(separator: "\n").filter { $0.hasPrefix("certs/client.pfx") }
        #expect(keystoreLines == [
            "certs/client.pfx:1:1: warning: certs/client.pfx needs a password to be opened; set PFX_PASSWORD so that certlint can check the certificates inside. [keystore-not-opened]"
        ])
        #expect(!out.contains("[client-eku]"))

        let (_, wrong) = lint(repo, variables: ["PFX_PASSWORD": "not-the-password"])
        #expect(wrong.contains("certs/client.pfx:1:1: warning: No password certlint was given opens certs/client.pfx"), "\(wrong)")
        #expect(wrong.contains("set PFX_PASSWORD to its password. [keystore-not-opened]"))
        #expect(!wrong.contains("not-the-password"))
    }

    @Test func aKeystoreWithNoVariableNamedSaysHowToNameOne() throws {
        let repo = try repository(keystore: "default.p12", config: "version: 1\n")
        defer { repo.remove() }
        let (_, out) = lint(repo, variables: ["PFX_PASSWORD": Self.password])
        #expect(out.contains("certs/client.pfx needs a password to be opened; name an environment variable for it under keystores: in .certlint.yml (or with --keystore-password-env) and set it"))
        // The same mapping on the command line opens it.
        let (_, mapped) = runCertLint([repo.path, "--keystore-password-env", "certs/*.pfx=PFX_PASSWORD"] + Self.at, variables: ["PFX_PASSWORD": Self.password])
        #expect(mapped.standardOutput.contains("[client-eku]"), "\(mapped.standardOutput)")
    }

    /// A truncated keystore is a keystore that cannot be read; random bytes are not a
    /// keystore at all (not even DER), so they are an unreadable file. One error either way.
    @Test(arguments: [("truncated.pfx", "cannot be read as a keystore: ", "[keystore-unreadable]"), ("random.pfx", "cannot be read: ", "[unreadable-file]")])
    func aDamagedKeystoreIsOneError(fixture: String, says: String, rule: String) throws {
        let repo = try repository(keystore: fixture)
        defer { repo.remove() }
        let (status, out) = lint(repo, variables: ["PFX_PASSWORD": Self.password])
        #expect(status == .findings)
        let keystoreLines = out.split(separator: "\n").filter { $0.hasPrefix("certs/client.pfx") }
        #expect(keystoreLines.count == 1, "\(out)")
        #expect(keystoreLines.first?.contains("certs/client.pfx:1:1: error: certs/client.pfx \(says)") == true, "\(out)")
        #expect(keystoreLines.first?.hasSuffix(rule) == true)
    }

    /// No report format carries the password, or any 16 bytes of a private key (in hex), of a
    /// keystore whose key is stored in the clear and of one opened with a non-ASCII password.
    @Test(arguments: ["text", "json", "sarif", "junit", "github"])
    func noReportCarriesAPasswordOrKeyBytes(format: String) throws {
        let clear = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/Fixtures/keystores/pkcs12/unencrypted.p12"))
        let secret = try Self.privateExponent(inClearKeyOf: Array(clear))
        let nonASCII = "pässwörd-日本-\u{1F511}"
        let repo = try TemporaryRepository(
            config: "keystores:\n  certs/clear.p12: PFX_PASSWORD\n  certs/other.p12: OTHER_PASSWORD\n",
            copies: ["certs/clear.p12": "keystores/pkcs12/unencrypted.p12", "certs/other.p12": "keystores/pkcs12/non-ascii.p12"])
        defer { repo.remove() }
        let (_, out) = lint(repo, variables: ["PFX_PASSWORD": Self.password, "OTHER_PASSWORD": nonASCII], format: format)
        #expect(out.contains("clear.p12"), "the report names the keystore")
        #expect(!out.contains(Self.password))
        #expect(!out.contains(nonASCII))
        let lower = out.lowercased().filter(\.isHexDigit)
        for start in stride(from: 0, through: secret.count - 16, by: 8) {
            let window = secret[start..<(start + 16)].map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            #expect(!lower.contains(window), "16 bytes of the private key at \(start)")
        }
    }

    /// The RSA private exponent of a PKCS#8 key stored in the clear in `file`.
    static func privateExponent(inClearKeyOf file: [UInt8]) throws -> [UInt8] {
        let marker: [UInt8] = [0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
        let at = try #require((0..<(file.count - marker.count)).first { file[$0..<($0 + marker.count)].elementsEqual(marker) })
        let pkcs8 = try DER.parsePrefix(file, in: (at - 4)..<file.count)
        var fields = DERReader(file, children: pkcs8)
        _ = try fields.read(.integer, "version")
        _ = try fields.read(.sequence, "algorithm")
        let octets = try fields.read(.octetString, "privateKey")
        let rsa = try DER.parse(file, in: octets.contentRange)
        var key = DERReader(file, children: rsa)
        for field in ["version", "modulus", "publicExponent"] { _ = try key.read(.integer, field) }
        return Array(file[try key.read(.integer, "privateExponent").contentRange])
    }
}

extension KeystoreLintTests {
    /// A Spring Boot server presents the entry `server.ssl.key-alias` names from a JKS with two
    /// key entries; a misspelt alias is a missing reference with the aliases there are.
    @Test func keyAliasPicksTheEntryTheServerPresents() throws {
        func repository(alias: String) throws -> TemporaryRepository {
            try TemporaryRepository(
                config: "keystores:\n  src/main/resources/keys.jks: JKS_PASSWORD\n",
                copies: ["src/main/resources/keys.jks": "keystores/java/keys.jks"],
                texts: [
                    "src/main/resources/application.properties":
                        "server.port=8443\nserver.ssl.key-store=classpath:keys.jks\nserver.ssl.key-store-password=${JKS_PASSWORD}\nserver.ssl.key-alias=\(alias)\n"
                ])
        }
        let good = try repository(alias: "server-rsa")
        defer { good.remove() }
        let (_, inventory) = runCertLint(["inventory", good.path] + Self.at, variables: ["JKS_PASSWORD": "changeit"])
        let text = inventory.standardOutput
        // The entry's leaf is served with its chain; the other entry's leaf is not used.
        #expect(text.contains("rsa.example.test  src/main/resources/keys.jks:1:1"), "\(text)")
        #expect(text.contains("  server at spring-boot server :8443 [spring-boot]  src/main/resources/application.properties:2:1"))
        #expect(text.contains("ec.example.test  src/main/resources/keys.jks:1:1  expires 2027-01-01 (214 days)\n  issuer: CN=Java Fixture Intermediate CA,O=certlint fixtures\n  not used by any manifest"))

        let (_, lint) = runCertLint([good.path] + Self.at, variables: ["JKS_PASSWORD": "changeit"])
        #expect(!lint.standardOutput.contains("[reference-missing]"), "\(lint.standardOutput)")
        #expect(!lint.standardOutput.contains("[keystore-not-opened]"))

        let misspelt = try repository(alias: "server-rsaa")
        defer { misspelt.remove() }
        let (_, wrong) = runCertLint([misspelt.path] + Self.at, variables: ["JKS_PASSWORD": "changeit"])
        #expect(wrong.standardOutput.contains(
            "is the entry server-rsaa of src/main/resources/keys.jks, which has no entry of that alias (it has server-ec, server-rsa). [reference-missing]"),
            "\(wrong.standardOutput)")
    }
}

extension KeystoreLintTests {
    /// A PKCS#12 file with no MAC and nothing encrypted needs no password: it is open, and its
    /// private key is in the clear, which the committed-key finding says.
    @Test func aKeystoreWithNothingProtectedIsOpenAndItsKeyInTheClear() throws {
        let repo = try TemporaryRepository(config: "version: 1\n", copies: ["certs/plain.p12": "keystores/pkcs12/nomac-plain.p12"])
        defer { repo.remove() }
        let (_, out) = lint(repo, variables: [:])
        #expect(!out.contains("[keystore-not-opened]"), "\(out)")
        #expect(out.contains("certs/plain.p12 holds a private key and opens with the empty password, so the key is in the clear"))
        let (_, inspected) = runCertLint(["inspect", repo.path + "/certs/plain.p12"])
        #expect(inspected.standardOutput.contains("Opened       without a password: nothing in it is protected"))
    }
}
