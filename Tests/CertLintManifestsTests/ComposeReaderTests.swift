import CertLintCore
import CertLintYAML
import Testing

@testable import CertLintManifests

// Compose files in the shapes of docs.docker.com "Manage secrets securely in Docker Compose"
// and the Compose specification's secrets section, written for these tests. Every position
// is asserted with a ⟨marker⟩.

@Suite struct ComposeReaderTests {
    static let path = "deploy/compose.yaml"

    func read(_ marked: MarkedText, path: String = ComposeReaderTests.path) -> ManifestContents {
        ComposeReader.read(path: path, text: marked.text, context: .isolated)
    }

    @Test func servicesUsingCertificateSecretsAreUsagesOfUnknownRole() throws {
        let text = MarkedText(
            """
            services:
              web:
                image: nginx:latest
                ports: ["443:443"]
                secrets:
                  - ⟨short⟩server_certificate
                  - ⟨key⟩server_key
                  - db_password
              db:
                image: mysql:latest
                environment:
                  MYSQL_ROOT_PASSWORD_FILE: /run/secrets/db_password
                secrets:
                  - db_password
            secrets:
              server_certificate:
                ⟨certfile⟩file: ./certs/server.crt
              server_key:
                ⟨keyfile⟩file: ./certs/server.key
              db_password:
                file: db_password.txt
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        try #require(contents.secrets.count == 2)
        let certificate = contents.secrets[0]
        #expect(certificate.namespace == "compose")
        #expect(certificate.name == "server_certificate")
        #expect(certificate.certificate == .file(path: "./certs/server.crt", base: "deploy"))
        #expect(certificate.privateKey == nil)
        #expect(certificate.location == text.location("certfile", in: Self.path))
        #expect(contents.secrets[1].privateKey == .file(path: "./certs/server.key", base: "deploy"))
        #expect(contents.secrets[1].certificate == nil)
        #expect(contents.secrets[1].location == text.location("keyfile", in: Self.path))

        try #require(contents.usages.count == 1)
        let usage = contents.usages[0]
        #expect(usage.role == .unknown)
        #expect(usage.certificate == .file(path: "./certs/server.crt", base: "deploy"))
        // One certificate and one key in a service: the key goes with the certificate.
        #expect(usage.privateKey == .file(path: "./certs/server.key", base: "deploy"))
        #expect(usage.endpoint == "compose service web")
        #expect(usage.platform == "docker-compose")
        #expect(usage.installedOn == .application)
        #expect(usage.endpointID == "compose:deploy/compose.yaml/web")
        #expect(usage.location == text.location("short", in: Self.path))
        #expect(usage.note?.contains("declare it under deployments: in .certlint.yml") == true)
        #expect(usage.note?.contains("suggests a server certificate") == true)
        #expect(text.location("key", in: Self.path) != nil)
    }

    @Test func longSyntaxKeystoresCABundlesAndHints() throws {
        let text = MarkedText(
            """
            name: partner-gateway
            services:
              gateway:
                image: example/gateway:2.4
                secrets:
                  - ⟨long⟩source: partner_client_cert
                    target: /etc/gateway/client.pem
                    mode: 0400
                  - source: client_ca
                    target: /etc/gateway/client-ca.pem
                  - ⟨store⟩source: gateway.p12
                  - source: gateway_key
              worker:
                image: example/worker:1.0
                secrets: [⟨flow⟩root_bundle]
            secrets:
              partner_client_cert:
                file: secrets/partner-client.pem
              client_ca:
                ⟨cafile⟩file: secrets/client-ca.pem
              gateway.p12:
                file: secrets/gateway.p12
              gateway_key:
                file: secrets/gateway.key
              root_bundle:
                file: /etc/ssl/certs/ca-certificates.crt
            """)
        let contents = read(text, path: "compose.yml")
        #expect(contents.problems.isEmpty)
        try #require(contents.secrets.map(\.name) == ["partner_client_cert", "client_ca", "gateway.p12", "gateway_key", "root_bundle"])
        #expect(contents.secrets[1].ca == .file(path: "secrets/client-ca.pem", base: ""))
        #expect(contents.secrets[1].location == text.location("cafile", in: "compose.yml"))
        #expect(contents.secrets[2].certificate == .keystore(path: "secrets/gateway.p12", base: "", alias: nil))

        try #require(contents.usages.map(\.role) == [.unknown, .unknown, .unknown, .unknown])
        #expect(contents.usages.map(\.certificate) == [
            .file(path: "secrets/partner-client.pem", base: ""), .file(path: "secrets/client-ca.pem", base: ""),
            .keystore(path: "secrets/gateway.p12", base: "", alias: nil), .file(path: "/etc/ssl/certs/ca-certificates.crt", base: ""),
        ])
        // Several certificates and one key: which goes with which is not said.
        #expect(contents.usages.allSatisfy { $0.privateKey == nil })
        #expect(contents.usages[0].location == text.location("long", in: "compose.yml"))
        #expect(contents.usages[2].location == text.location("store", in: "compose.yml"))
        #expect(contents.usages[3].location == text.location("flow", in: "compose.yml"))
        #expect(contents.usages[0].note?.contains("suggests a client certificate") == true)
        #expect(contents.usages[1].note?.contains("suggests a CA for client certificates") == true)
        #expect(contents.usages[3].note?.contains("suggests a CA bundle") == true)
        #expect(contents.usages[3].endpoint == "compose service worker")
    }

    @Test func nonCertificateExternalEnvironmentAndInterpolatedSecrets() throws {
        let text = MarkedText(
            """
            x-common: &common
              restart: unless-stopped
              secrets: [⟨merged⟩tls_cert]
            services:
              api:
                <<: *common
                image: example/api
              cache:
                image: redis
                secrets: [redis_password, vault_tls, env_cert]
            secrets:
              tls_cert:
                file: ${CERT_DIR:-./certs}/api.crt
              redis_password:
                file: ./redis.txt
              vault_tls:
                external: true
              env_cert:
                environment: TLS_CERT
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        try #require(contents.secrets.map(\.name) == ["tls_cert"])
        #expect(contents.secrets.first?.certificate == .external("${CERT_DIR:-./certs}/api.crt"))
        try #require(contents.usages.count == 1)
        #expect(contents.usages.first?.certificate == .external("${CERT_DIR:-./certs}/api.crt"))
        #expect(contents.usages.first?.endpoint == "compose service api")
        #expect(contents.usages.first?.location == text.location("merged", in: Self.path))
    }

    @Test func syntaxErrorsAreProblemsAtTheirLine() {
        let text = MarkedText(
            """
            services:
              web:
                image: nginx
                secrets:
                  - server_cert
               ⟨error⟩ports: ["443:443"]
            secrets:
              server_cert: {file: ./server.crt}
            """)
        let contents = read(text)
        #expect(contents.usages.isEmpty)
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.severity == .error)
        #expect(contents.problems.first?.location == text.location("error", in: Self.path))
        #expect(contents.problems.first?.message.hasPrefix("This Compose file is not valid YAML") == true)

        let notMapping = ComposeReader.read(path: "compose.yaml", text: "- just\n- a list\n", context: .isolated)
        #expect(notMapping.usages.isEmpty && notMapping.problems.isEmpty)
    }

    @Test func acceptsComposeFilesByNameOrByContent() {
        #expect(ComposeReader.accepts(path: "compose.yaml", text: ""))
        #expect(ComposeReader.accepts(path: "deploy/docker-compose.yml", text: ""))
        #expect(ComposeReader.accepts(path: "docker-compose.prod.yaml", text: ""))
        #expect(ComposeReader.accepts(path: "ops/compose.override.yml", text: ""))
        #expect(ComposeReader.accepts(path: "stack.yml", text: "# stack\nservices:\n  web: {}\nsecrets:\n  a: {file: a.pem}\n"))
        #expect(!ComposeReader.accepts(path: "stack.yml", text: "services:\n  web: {}\n"))
        #expect(!ComposeReader.accepts(path: "values.yaml", text: "web:\n  services: []\n  secrets: []\n"))
        #expect(!ComposeReader.accepts(path: "compose.json", text: "services:\nsecrets:\n"))
        #expect(!ComposeReader.accepts(path: "k8s/ingress.yaml", text: "apiVersion: networking.k8s.io/v1\nkind: Ingress\n"))
        #expect(ComposeReader.format == "docker-compose")
    }

    @Test func secretFilesAreClassifiedByTheirNames() {
        let cases: [(name: String, file: String, kind: ComposeSecretFile.Kind?)] = [
            ("server_cert", "./server.txt", .certificate),
            ("site", "./site.pem", .certificate),
            ("site", "./site.cer", .certificate),
            ("servercert", "./x", .certificate),
            ("fullchain", "./fullchain", .certificate),
            ("cert_and_key", "./bundle.pem", .certificate),
            ("tls_key", "./tls.key", .privateKey),
            ("private", "./privkey.pem", .privateKey),
            ("ca", "./ca.crt", .caBundle),
            ("client-ca", "./roots.pem", .caBundle),
            ("truststore", "./trust.pem", .caBundle),
            ("java", "./keystore.jks", .keystore),
            ("pfx", "./site.pfx", .keystore),
            ("db_password", "./db_password.txt", nil),
            ("local_cache", "./local.cache", nil),
            ("api_token", "./token", nil),
        ]
        for c in cases {
            #expect(ComposeSecretFile.kind(name: c.name, file: c.file) == c.kind, "\(c.name) \(c.file)")
        }
        #expect(ComposeSecretFile.words("Client-CA.v2_pem") == ["client", "ca", "v2", "pem"])
    }

    @Test func seededMutationsNeverTrapOrHang() {
        let seed = """
            x-tls: &tls
              secrets: [server_cert, {source: client_ca, target: /ca.pem}]
            services:
              web:
                <<: *tls
                image: nginx
              api: {image: api, secrets: [server_key]}
            secrets:
              server_cert: {file: ./certs/server.crt}
              server_key: {file: ./certs/server.key}
              client_ca:
                file: ./certs/client-ca.pem

            """
        var random = SplitMix64(seed: 0xC0_4D05E)
        let alphabet = Array(":-[]{}&*!|>'\"#%@,? \n\t<<abc019/.é".unicodeScalars)
        for round in 0..<1_000 {
            var scalars = Array(seed.unicodeScalars)
            for _ in 0..<(1 + Int(random.next() % 5)) {
                guard !scalars.isEmpty else { break }
                let at = Int(random.next() % UInt64(scalars.count))
                let pick = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: scalars[at] = pick
                case 1: scalars.insert(pick, at: at)
                default: scalars.remove(at: at)
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let text = String(view)
            let contents = ComposeReader.read(path: Self.path, text: text, context: .isolated)
            let lines = text.utf8.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            for location in contents.usages.map(\.location) + contents.secrets.map(\.location) + contents.problems.map(\.location) {
                #expect((1...lines).contains(location.line ?? 0), "round \(round): \(location) outside the text")
            }
        }
    }
}

