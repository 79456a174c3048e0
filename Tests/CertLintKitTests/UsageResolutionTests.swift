import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintManifests
import Foundation
import Testing

@testable import CertLintKit

/// Usages resolved to certificates and linted with their chains, through the native inventory
/// (which every manifest reader shares the resolution of), and `certlint inventory`.
///
/// The fixtures are `Tests/Fixtures/inputs/`: a root, an intermediate (pathlen 0) and leaves it
/// issued (`make-fixtures.py`), all valid on 2025-06-01.
@Suite struct UsageResolutionTests {
    static let at = ["--at", "2025-06-01", "--format", "text"]

    /// Runs `certlint lint` over a repository with these deployments and files.
    func lint(_ deployments: String, _ copies: [String: String], texts: [String: String] = [:], extra: [String] = []) throws -> String {
        let repo = try TemporaryRepository(config: "deployments:\n" + deployments, copies: copies, texts: texts)
        defer { repo.remove() }
        return runCertLint([repo.path] + Self.at + extra).1.standardOutput
    }

    @Test func servedLeafWithoutItsIntermediateIsIncompleteAndSaysWhereTheIntermediateIs() throws {
        let out = try lint(
            "  - { certificate: certs/www.crt, role: server, hostnames: [www.example.com], endpoint: www }\n",
            ["certs/www.crt": "inputs/leaf.crt", "ca/intermediate.crt": "inputs/intermediate.crt"])
        #expect(out.contains(
            ".certlint.yml:2:5: error: www.example.com is served at www without its issuer CN=certlint Fixture Intermediate CA,O=certlint fixtures,C=US, which this repository holds at ca/intermediate.crt:1; clients that do not already have that intermediate cannot build a path to a root. [chain-incomplete]"))
    }

    @Test func fullChainIsCompleteAndItsRootIsANote() throws {
        let out = try lint(
            "  - { certificate: certs/chain.pem, role: server, hostnames: [www.example.com], endpoint: www }\n",
            ["certs/chain.pem": "inputs/chain.pem"])
        #expect(!out.contains("[chain-incomplete]"))
        #expect(!out.contains("[chain-out-of-order]"))
        #expect(out.contains(".certlint.yml:2:5: note: The chain at www includes the root CN=certlint Fixture Root CA,O=certlint fixtures,C=US; clients must already hold it. [chain-includes-root]"))
    }

    @Test func bundleStartingWithTheIntermediateIsReportedOnceWithTheLeafNamed() throws {
        let out = try lint(
            "  - { certificate: certs/chain.pem, role: server, endpoint: www }\n",
            ["certs/chain.pem": "inputs/chain-wrong-order.pem"])
        #expect(out.contains(
            ".certlint.yml:2:5: error: The bundle at www starts with CN=certlint Fixture Intermediate CA,O=certlint fixtures,C=US, not with its leaf www.example.com; the first certificate of the file is the one presented. [chain-not-leaf-first]"))
        // The CA-as-leaf rule stays quiet: the leaf is in the file, only misplaced.
        #expect(!out.contains("[ca-served-as-leaf]"))
        #expect(!out.contains("[chain-out-of-order]"))
    }

    @Test func leafThenRootWithoutTheIntermediateIsIncompleteAndOutOfOrder() throws {
        let out = try lint(
            "  - { certificate: certs/chain.pem, role: server, endpoint: www }\n",
            ["certs/chain.pem": "inputs/chain-no-intermediate.pem", "ca/intermediate.crt": "inputs/intermediate.crt"])
        #expect(out.contains("[chain-incomplete]"))
        #expect(out.contains(".certlint.yml:2:5: warning: The certificates at www are not in order: after www.example.com each certificate must be followed by the one that issued it. [chain-out-of-order]"))
    }

    @Test func expiredIntermediateInTheChainIsAnError() throws {
        // On 2035-06-01 the intermediate (to 2034) has expired; the leaf has too, which is its own finding.
        let repo = try TemporaryRepository(
            config: "deployments:\n  - { certificate: certs/chain.pem, role: server, endpoint: www }\n", copies: ["certs/chain.pem": "inputs/chain.pem"])
        defer { repo.remove() }
        let out = runCertLint([repo.path, "--at", "2035-06-01"]).1.standardOutput
        #expect(out.contains(".certlint.yml:2:5: error: The chain at www contains CN=certlint Fixture Intermediate CA,O=certlint fixtures,C=US, which has expired; clients that build the path through it reject www.example.com. [chain-expired-intermediate]"))
    }

    @Test func clientCABundleOfLeavesAndMutualTLSPairing() throws {
        // An mTLS endpoint trusting the root; a client of it presenting a certificate the root
        // issued (through the intermediate the repository holds), and another endpoint whose
        // bundle is a leaf, so nothing the client presents chains to it.
        let deployments = """
              - { certificate: certs/chain.pem, role: server, hostnames: [gw.example.com], endpoint: gateway }
              - { certificate: ca/root.crt, role: client-ca, endpoint: gateway }
              - { certificate: certs/ec.crt, role: client, hostnames: [gw.example.com], endpoint: orders }
              - { certificate: certs/ed.crt, role: server, hostnames: [other.example.com], endpoint: other }
              - { certificate: certs/ed.crt, role: client-ca, endpoint: other }
              - { certificate: certs/ec.crt, role: client, hostnames: [other.example.com], endpoint: billing }

            """
        let out = try lint(deployments, [
            "certs/chain.pem": "inputs/chain.pem", "ca/root.crt": "inputs/root.crt", "certs/ec.crt": "inputs/leaf-ec.crt",
            "certs/ed.crt": "inputs/leaf-ed25519.crt", "ca/intermediate.crt": "inputs/intermediate.crt",
        ])
        #expect(!out.contains("presented to gateway"))
        #expect(out.contains(".certlint.yml:7:5: error: ec.example.com is presented to other, but no CA in that endpoint's client CA bundle issued it (its issuer is CN=certlint Fixture Intermediate CA,O=certlint fixtures,C=US); the endpoint will refuse it. [mtls-client-not-trusted]"))
        #expect(out.contains(".certlint.yml:6:5: error: CN=ed25519.example.com,O=certlint fixtures,C=US is a leaf certificate but is in the client-ca bundle at other. [leaf-in-ca-bundle]"))
        // The fixture leaves allow serverAuth only, so presenting them as clients is also wrong.
        #expect(out.contains("[client-eku]"))
    }

    @Test func absoluteThumbprintAndSecretReferencesResolveOrSayWhyNot() throws {
        let repo = try TemporaryRepository(copies: ["deploy/nginx/ssl/www.crt": "inputs/leaf.crt", "other/www.crt": "inputs/leaf-ec.crt"])
        defer { repo.remove() }
        let table = CertificateTable()
        var resolver = UsageResolver(certificates: table, files: ["deploy/nginx/ssl/www.crt", "other/www.crt"], now: DERTime(iso8601: "2025-06-01")!)
        // The longest common tail wins; an equal tail in two places is ambiguous.
        #expect(resolver.locate("/etc/nginx/ssl/www.crt", base: "") == "deploy/nginx/ssl/www.crt")
        #expect(resolver.locate("/srv/www.crt", base: "") == nil)
        #expect(resolver.locate("../ssl/www.crt", base: "deploy/nginx/conf.d") == "deploy/nginx/ssl/www.crt")
        #expect(resolver.locate("ssl/missing.crt", base: "deploy/nginx") == nil)
        let usage = { (reference: CertificateReference) in
            CertificateUsage(
                role: .server, certificate: reference, endpoint: "site", platform: "iis", installedOn: .appServer, endpointID: "site",
                location: SourceLocation(path: "web/applicationHost.config", line: 12, column: 9))
        }
        _ = resolver.resolve([
            usage(.thumbprint("00112233445566778899AABBCCDDEEFF00112233")),
            usage(.kubernetesSecret(namespace: "prod", name: "www-tls")),
            usage(.file(path: "/etc/letsencrypt/live/www/fullchain.pem", base: "")),
            usage(.file(path: "certs/www.crt", base: "web")),
            usage(.base64("not base64 at all!")),
        ], secrets: [])
        let messages = resolver.findings.map { "\($0.location) \($0.ruleID): \($0.message)" }
        #expect(messages == [
            "web/applicationHost.config:12:9 reference-outside-repository: The server certificate of site has the SHA-1 thumbprint 00112233445566778899aabbccddeeff00112233, which no certificate in the repository has; certlint cannot check it.",
            "web/applicationHost.config:12:9 reference-outside-repository: The server certificate of site is in the Secret prod/www-tls, which no manifest in the repository defines; certlint cannot check it.",
            "web/applicationHost.config:12:9 reference-outside-repository: The server certificate of site is /etc/letsencrypt/live/www/fullchain.pem, which is not in the repository; certlint cannot check it.",
            "web/applicationHost.config:12:9 reference-missing: The server certificate of site is certs/www.crt, which does not exist in the repository (looked for web/certs/www.crt).",
            "web/applicationHost.config:12:9 reference-unreadable: The server certificate of site holds a certificate value that is not valid base64.",
        ])
    }

    @Test func thumbprintsAndSecretsResolveToTheRepositorysCertificates() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/inputs/leaf.crt")
        let pem = try String(contentsOf: url, encoding: .utf8)
        let table = CertificateTable()
        var resolver = UsageResolver(certificates: table, files: [], now: DERTime(iso8601: "2025-06-01")!)
        let secret = NamedSecret(
            namespace: "prod", name: "www-tls", certificate: .base64(Base64.encode(Array(pem.utf8))), privateKey: nil,
            location: SourceLocation(path: "k8s/secret.yaml", line: 3, column: 1))
        let ingress = CertificateUsage(
            role: .server, certificate: .kubernetesSecret(namespace: "prod", name: "www-tls"), hostnames: ["www.example.com"],
            endpoint: "ingress www", platform: "kubernetes-ingress", installedOn: .loadBalancer, endpointID: "ingress",
            location: SourceLocation(path: "k8s/ingress.yaml", line: 9, column: 7))
        // The leaf's SHA-1 thumbprint, as IIS writes it (upper case).
        let der = try #require(PEMTestSupport.firstDER(pem))
        let thumbprint = SHA1.hash(der).hexString.uppercased()
        let binding = CertificateUsage(
            role: .server, certificate: .thumbprint(thumbprint), endpoint: "iis site", platform: "iis", installedOn: .appServer,
            endpointID: "iis", location: SourceLocation(path: "iis/applicationHost.config", line: 20, column: 9))
        let instances = resolver.resolve([ingress, binding], secrets: [secret])
        #expect(resolver.findings.isEmpty)
        #expect(table.all.count == 1)
        #expect(instances.count == 2)
        #expect(instances.map(\.location.path) == ["k8s/ingress.yaml", "iis/applicationHost.config"])
        // The Secret is where the certificate is, so that is the related location of both.
        #expect(instances[0].related.map(\.location.path) == ["k8s/secret.yaml"])
        #expect(table.roles(of: table.all[0]) == ["server", "server"])
    }

    @Test func inventoryListsEveryPlaceInEveryFormat() throws {
        let repo = try TemporaryRepository(
            config: """
                deployments:
                  - { certificate: certs/chain.pem, role: server, hostnames: [www.example.com], endpoint: "web, the site" }
                  - { certificate: certs/missing.pem, role: client, endpoint: orders }

                """,
            copies: ["certs/chain.pem": "inputs/chain.pem", "certs/ec.crt": "inputs/leaf-ec.crt"])
        defer { repo.remove() }
        let text = runCertLint(["inventory", repo.path, "--at", "2025-06-01"]).1.standardOutput
        #expect(text.contains("""
            www.example.com  certs/chain.pem:6:1  expires 2026-01-01 (214 days)
              issuer: CN=certlint Fixture Intermediate CA,O=certlint fixtures,C=US
              server at web, the site [certlint]  .certlint.yml:2:5
                hostnames: www.example.com
                chain: includes the root

            """))
        #expect(text.contains("  chain of www.example.com at web, the site [certlint]  .certlint.yml:2:5\n"))
        #expect(text.contains("ec.example.com  certs/ec.crt:1:1  expires 2026-01-01 (214 days)\n  issuer: CN=certlint Fixture Intermediate CA,O=certlint fixtures,C=US\n  not used by any manifest\n"))
        #expect(text.contains("  client at orders [certlint]  .certlint.yml:3:5: The certificate of the deployment is certs/missing.pem, which does not exist in the repository.\n"))
        #expect(text.hasSuffix("\n4 certificates, 1 place of use, 1 unresolved.\n"))

        let csv = runCertLint(["inventory", repo.path, "--at", "2025-06-01", "--format", "csv"]).1.standardOutput
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "certificate,file,expires,days_left,role,endpoint,platform,hostnames,location,chain")
        #expect(lines.contains("www.example.com,certs/chain.pem:6:1,2026-01-01,214,server,\"web, the site\",certlint,www.example.com,.certlint.yml:2:5,includes the root"))

        let markdown = runCertLint(["inventory", repo.path, "--at", "2025-06-01", "--format", "markdown"]).1.standardOutput
        #expect(markdown.contains("| www.example.com | certs/chain.pem:6:1 | 2026-01-01 | 214 | server | web, the site | certlint | www.example.com | .certlint.yml:2:5 | includes the root |"))

        let json = runCertLint(["inventory", repo.path, "--at", "2025-06-01", "--format", "json"]).1.standardOutput
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let certificates = try #require(object["certificates"] as? [[String: Any]])
        #expect(certificates.count == 4)
        let www = try #require(certificates.first { $0["name"] as? String == "www.example.com" })
        let usages = try #require(www["usages"] as? [[String: Any]])
        #expect(usages.count == 1)
        #expect(usages[0]["role"] as? String == "server")
        #expect((usages[0]["chain"] as? [String: Any])?["includesRoot"] as? Bool == true)
        #expect((object["unresolved"] as? [[String: Any]])?.count == 1)
    }

    @Test func csvCellsThatSpreadsheetsWouldRunAreDefused() {
        #expect(InventoryCommand.csv([], [(
            CertificateUsage(
                role: .server, certificate: .external("x"), endpoint: "=HYPERLINK(\"http://evil\")", platform: "nginx",
                installedOn: .appServer, endpointID: "e", location: SourceLocation(path: "a.conf", line: 1)),
            "outside"
        )]).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","))
    }

    @Test func inventoryChecksFollowTheConfiguration() throws {
        let repo = try TemporaryRepository(
            config: "deployments:\n  - { certificate: missing.pem, role: server }\nrules:\n  reference-missing: { severity: warning }\n")
        defer { repo.remove() }
        let (status, output) = runCertLint([repo.path] + Self.at)
        #expect(status == .success)
        #expect(output.standardOutput.contains(".certlint.yml:2:5: warning: The certificate of the deployment is missing.pem, which does not exist in the repository. [reference-missing]"))
        #expect(!runCertLint([repo.path, "--disable", "reference-missing"] + Self.at).1.standardOutput.contains("reference-missing"))
    }
}

/// Small helpers for the tests above.
enum PEMTestSupport {
    static func firstDER(_ pem: String) -> [UInt8]? {
        let body = pem.components(separatedBy: "\n").filter { !$0.hasPrefix("-----") && !$0.isEmpty }.joined()
        return try? Base64.decode(body)
    }
}

extension UsageResolutionTests {
    /// nginx's `include conf.d/*.conf` reads the site files as part of nginx.conf; each is also
    /// a configuration on its own, and must not be reported twice.
    @Test func aManifestIncludedByAnotherIsReadOnce() throws {
        let site = """
            server {
                listen 443 ssl;
                server_name www.example.com;
                ssl_certificate     /etc/nginx/tls/chain.pem;
                ssl_certificate_key /etc/nginx/tls/leaf.key;
                ssl_verify_client   on;
            }

            """
        let out = try lint(
            "", ["nginx/tls/chain.pem": "inputs/chain.pem"],
            texts: ["nginx/nginx.conf": "events {}\nhttp {\n    include conf.d/*.conf;\n}\n", "nginx/conf.d/www.conf": site])
        let verify = out.split(separator: "\n").filter { $0.contains("[mtls-verify-without-client-ca]") }
        #expect(verify == [
            "nginx/conf.d/www.conf:6:5: error: ssl_verify_client asks callers for certificates, but no ssl_client_certificate or ssl_trusted_certificate applies here; nginx refuses it. [mtls-verify-without-client-ca]"
        ])
        #expect(out.contains("1 usage:"), "\(out)")
    }
}

extension UsageResolutionTests {
    /// An IAM server certificate whose body is written in the template is one certificate,
    /// linted at its CertificateBody, however many listeners name it; each listener's finding
    /// points there as the certificate's place.
    @Test func certificateEmbeddedOnceInATemplateIsOneCertificateAtItsBody() throws {
        let pem = try String(contentsOfFile: repositoryRoot + "/Tests/Fixtures/inputs/leaf.crt", encoding: .utf8)
        let body = pem.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        let template = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Cert:
                Type: AWS::IAM::ServerCertificate
                Properties:
                  CertificateBody: |
            \(body)
              Public:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties: { Protocol: HTTPS, Port: 443, Certificates: [{ CertificateArn: !Ref Cert }] }
              Internal:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties: { Protocol: HTTPS, Port: 8443, Certificates: [{ CertificateArn: !Ref Cert }] }

            """
        let out = try lint("", ["ca/intermediate.crt": "inputs/intermediate.crt"], texts: ["stack/template.yaml": template])
        #expect(out.contains("2 files, 2 certificates, 2 usages"), "\(out)")
        let lines = out.split(separator: "\n")
        let incomplete = lines.indices.filter { lines[$0].contains("[chain-incomplete]") }
        #expect(incomplete.count == 2)
        for index in incomplete {
            #expect(lines[index].hasPrefix("stack/template.yaml:"))
            #expect(index + 1 < lines.count && lines[index + 1] == "    stack/template.yaml:6:7: note: the certificate")
        }
    }
}

extension UsageResolutionTests {
    /// A private key written into a manifest (a Secret's `tls.key`) is a committed key like any
    /// other: reported at the Secret, paired with the certificate written beside it.
    @Test func keyInAKubernetesSecretIsACommittedKey() throws {
        func secret(key: String) throws -> String {
            let certificate = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/Fixtures/inputs/leaf-ec.crt")).base64EncodedString()
            let keyBytes = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/Fixtures/inputs/" + key)).base64EncodedString()
            return """
                apiVersion: v1
                kind: Secret
                metadata: { name: web-tls, namespace: shop }
                type: kubernetes.io/tls
                data:
                  tls.crt: \(certificate)
                  tls.key: \(keyBytes)

                """
        }
        let matching = try lint("", [:], texts: ["k8s/secret.yaml": try secret(key: "ec-pkcs8.key")])
        // At the tls.key line, with the certificate (tls.crt, line 6) as the related place.
        #expect(matching.contains("k8s/secret.yaml:7:3: error: A private key (EC P-256) is committed unencrypted; it belongs to ec.example.com. [private-key-unencrypted]\n    k8s/secret.yaml:6:1: note: the certificate it is paired with"), "\(matching)")
        #expect(!matching.contains("[key-certificate-mismatch]"))
        let other = try lint("", [:], texts: ["k8s/secret.yaml": try secret(key: "ed25519-pkcs8.key")])
        #expect(other.contains("[key-certificate-mismatch]"), "\(other)")
    }
}
