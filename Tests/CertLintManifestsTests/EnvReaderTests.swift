import CertLintCore
import Testing

@testable import CertLintManifests

@Suite struct EnvReaderTests {
    static let path = "deploy/api/.env.production"

    static func read(_ marked: MarkedText, path: String = path) -> ManifestContents {
        EnvReader.read(path: path, text: marked.text, context: .isolated)
    }

    @Test func acceptsEnvFileNames() {
        #expect(EnvReader.accepts(path: ".env", text: ""))
        #expect(EnvReader.accepts(path: "svc/.env.local", text: ""))
        #expect(EnvReader.accepts(path: "config/payments.env", text: ""))
        #expect(!EnvReader.accepts(path: ".envrc", text: ""))
        #expect(!EnvReader.accepts(path: "env", text: ""))
        #expect(!EnvReader.accepts(path: "src/environment.ts", text: ""))
    }

    @Test func wellKnownCABundlesAreServerCA() throws {
        let marked = MarkedText("""
            # Trust our private CA for outgoing calls
            ⟨ssl⟩SSL_CERT_FILE=/etc/ssl/certs/ca-bundle.crt
            export ⟨requests⟩REQUESTS_CA_BUNDLE="certs/internal-ca.pem"
              ⟨node⟩NODE_EXTRA_CA_CERTS = ./certs/extra-ca.pem   # for the node workers
            ⟨partner⟩PARTNER_API_CA_FILE='certs/partner-root.pem'

            """)
        let contents = Self.read(marked)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 4)
        #expect(contents.usages.allSatisfy { $0.role == .serverCA && $0.platform == "env" && $0.installedOn == .application })
        #expect(contents.usages[0].certificate == .file(path: "/etc/ssl/certs/ca-bundle.crt", base: "deploy/api"))
        #expect(contents.usages[1].certificate == .file(path: "certs/internal-ca.pem", base: "deploy/api"))
        #expect(contents.usages[2].certificate == .file(path: "./certs/extra-ca.pem", base: "deploy/api"))
        #expect(contents.usages[3].certificate == .file(path: "certs/partner-root.pem", base: "deploy/api"))
        #expect(contents.usages.map(\.location) == ["ssl", "requests", "node", "partner"].compactMap { marked.location($0, in: Self.path) })
        #expect(contents.usages[1].endpoint == "env REQUESTS_CA_BUNDLE")
    }

    @Test func clientCertificatesPairWithTheirKeys() throws {
        let marked = MarkedText("""
            ⟨cert⟩PARTNER_CLIENT_CERT=certs/partner-client.pem
            PARTNER_CLIENT_KEY=certs/partner-client.key
            PARTNER_CLIENT_CERT_KEY=certs/partner-client.key
            PARTNER_CLIENT_KEY_PASSWORD=hunter2
            ⟨p12⟩BILLING_CLIENT_CERT_PATH=certs/billing.p12
            ⟨ks⟩ORDERS_CLIENT_KEYSTORE=certs/orders-client.jks
            """)
        let contents = Self.read(marked)
        try #require(contents.usages.count == 3)
        let partner = contents.usages[0]
        #expect(partner.role == .client)
        #expect(partner.certificate == .file(path: "certs/partner-client.pem", base: "deploy/api"))
        #expect(partner.privateKey == .file(path: "certs/partner-client.key", base: "deploy/api"))
        #expect(partner.location == marked.location("cert", in: Self.path))
        #expect(contents.usages[1].certificate == .keystore(path: "certs/billing.p12", base: "deploy/api", alias: nil))
        #expect(contents.usages[1].role == .client)
        #expect(contents.usages[1].location == marked.location("p12", in: Self.path))
        #expect(contents.usages[2].role == .client)
        #expect(contents.usages[2].location == marked.location("ks", in: Self.path))
        // The password is never kept anywhere.
        #expect(!String(describing: contents.usages).contains("hunter2"))
    }

    @Test func inlinePEMWithEscapesAndMultiLineQuotes() throws {
        let marked = MarkedText("""
            ⟨escaped⟩UPSTREAM_CA="-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIUQ2Fh\\n-----END CERTIFICATE-----\\n"
            ⟨multi⟩WEBHOOK_CLIENT_CERT="-----BEGIN CERTIFICATE-----
            MIIBszCCAVmgAwIBAgIUQ2Fh
            -----END CERTIFICATE-----"
            ⟨b64⟩SIGNING_CERT_B64=LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJzekNDQVZtZ0F3SUJBZ0lVUTJGaAo=
            """)
        let contents = Self.read(marked)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].role == .serverCA)
        #expect(contents.usages[0].certificate == .inline("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Fh\n-----END CERTIFICATE-----"))
        #expect(contents.usages[1].role == .client)
        #expect(contents.usages[1].certificate == .inline("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Fh\n-----END CERTIFICATE-----"))
        #expect(contents.usages[1].location == marked.location("multi", in: Self.path))
        #expect(contents.usages[2].role == .unknown)
        #expect(contents.usages[2].note != nil)
        if case .base64 = contents.usages[2].certificate {} else { Issue.record("expected base64, got \(contents.usages[2].certificate)") }
        #expect(contents.usages[2].location == marked.location("b64", in: Self.path))
    }

    @Test func genericNamesAreUnknownWithANote() throws {
        let marked = MarkedText("""
            ⟨tls⟩TLS_CERT_FILE=/run/secrets/tls.crt
            TLS_KEY_FILE=/run/secrets/tls.key
            ⟨store⟩APP_KEYSTORE=config/app.p12
            ⟨srv⟩SERVER_SSL_KEY_STORE=classpath-free/server.p12
            ⟨trust⟩SERVER_SSL_TRUST_STORE=certs/clients-ca.p12
            SERVER_SSL_CLIENT_AUTH=need
            """)
        let contents = Self.read(marked)
        try #require(contents.usages.count == 4)
        #expect(contents.usages[0].role == .unknown)
        #expect(contents.usages[0].privateKey == .file(path: "/run/secrets/tls.key", base: "deploy/api"))
        #expect(contents.usages[0].note?.contains("TLS_CERT_FILE") == true)
        #expect(contents.usages[1].role == .unknown)
        #expect(contents.usages[1].certificate == .keystore(path: "config/app.p12", base: "deploy/api", alias: nil))
        #expect(contents.usages[2].role == .server)
        #expect(contents.usages[2].installedOn == .appServer)
        #expect(contents.usages[3].role == .clientCA)
        #expect(contents.usages.map(\.location) == ["tls", "store", "srv", "trust"].compactMap { marked.location($0, in: Self.path) })
    }

    @Test func secretsAndUnrelatedNamesAreIgnored() {
        let marked = MarkedText("""
            DATABASE_URL=postgres://app@db/app
            KEYSTORE_PASSWORD=changeit
            CLIENT_CERT_PASSPHRASE="also secret"
            API_TOKEN=abc
            CACHE_DIR=/var/cache/app
            REDIS_CACHE_FILE=/tmp/x
            """)
        let contents = Self.read(marked)
        #expect(contents.usages.isEmpty)
        #expect(contents.problems.isEmpty)
    }

    @Test func variablesExpandFromEarlierLines() throws {
        let marked = MarkedText("""
            CERT_DIR=./certs
            ⟨ca⟩INTERNAL_CA_BUNDLE=${CERT_DIR}/internal-ca.pem
            ⟨ext⟩GATEWAY_CLIENT_CERT=${SECRETS_ROOT}/gateway.pem
            ⟨def⟩AUDIT_CA=${AUDIT_DIR:-/etc/audit}/ca.pem
            """)
        let contents = Self.read(marked)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].certificate == .file(path: "./certs/internal-ca.pem", base: "deploy/api"))
        #expect(contents.usages[1].certificate == .external("${SECRETS_ROOT}/gateway.pem"))
        #expect(contents.usages[1].note?.contains("$SECRETS_ROOT") == true)
        #expect(contents.usages[2].certificate == .file(path: "/etc/audit/ca.pem", base: "deploy/api"))
    }

    @Test func jvmOptionsNameTheDefaultStores() throws {
        let marked = MarkedText("""
            JAVA_OPTS=⟨ks⟩-Djavax.net.ssl.keyStore=/opt/app/client.p12 -Djavax.net.ssl.keyStorePassword=${KS_PASS} ⟨ts⟩-Djavax.net.ssl.trustStore=/opt/app/truststore.jks
            ⟨tool⟩JAVA_TOOL_OPTIONS="-Xmx512m \\"-Djavax.net.ssl.trustStore=/opt/ca.jks\\""
            """)
        let contents = Self.read(marked)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].role == .client)
        #expect(contents.usages[0].certificate == .keystore(path: "/opt/app/client.p12", base: "deploy/api", alias: nil))
        #expect(contents.usages[0].location == marked.location("ks", in: Self.path))
        #expect(contents.usages[1].role == .serverCA)
        #expect(contents.usages[1].certificate == .keystore(path: "/opt/app/truststore.jks", base: "deploy/api", alias: nil))
        #expect(contents.usages[1].location == marked.location("ts", in: Self.path))
        // Escapes make the value differ from the source: the name's position stands in.
        #expect(contents.usages[2].location == marked.location("tool", in: Self.path))
    }

    @Test func brokenLinesAreProblemsAndReadingGoesOn() throws {
        let marked = MarkedText("""
            ⟨bad⟩this line is not an assignment
            ⟨quote⟩ROOT_CA="-----BEGIN CERTIFICATE-----
            ⟨after⟩CLIENT_CA_FILE=certs/clients.pem
            """)
        let contents = Self.read(marked)
        try #require(contents.problems.count == 2)
        #expect(contents.problems[0].location == marked.location("bad", in: Self.path))
        #expect(contents.problems[0].severity == .error)
        #expect(contents.problems[1].location.line == marked.location("quote", in: Self.path)?.line)
        #expect(contents.problems[1].message.contains("ROOT_CA"))
        try #require(contents.usages.count == 1)
        #expect(contents.usages[0].role == .clientCA)
        #expect(contents.usages[0].location == marked.location("after", in: Self.path))
    }

    @Test func laterAssignmentsWinAndEndpointIDsAreStable() throws {
        let marked = MarkedText("""
            SSL_CERT_FILE=old.pem
            ⟨new⟩SSL_CERT_FILE=new.pem\r
            """)
        let contents = Self.read(marked, path: ".env")
        try #require(contents.usages.count == 1)
        #expect(contents.usages[0].certificate == .file(path: "new.pem", base: ""))
        #expect(contents.usages[0].location == marked.location("new", in: ".env"))
        #expect(contents.usages[0].endpointID == "env:.env#SSL_CERT_FILE")
    }

    @Test func expansionBombsStayBounded() {
        // Each line doubles the previous value: without caps the last would hold 2^40 scalars.
        var text = "A0=xxxxxxxxxxxxxxxx\n"
        for i in 1...40 { text += "A\(i)=$A\(i - 1)${A\(i - 1)}\n" }
        text += "APP_CA_FILE=$A40\n"
        let contents = EnvReader.read(path: ".env", text: text, context: .isolated)
        #expect(contents.usages.count == 1)
        if case .external(let value) = contents.usages.first?.certificate {
            #expect(value.unicodeScalars.count <= DotEnvParser.maxExpandedLength)
        } else {
            Issue.record("expected the capped value to stay unresolved")
        }
    }

    @Test func seededMutationsNeverTrap() {
        let samples = [
            "export SSL_CERT_FILE=\"/etc/ssl/ca.pem\"\nCLIENT_CERT='-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'\nX=${Y:-z}\n",
            "JAVA_OPTS=-Djavax.net.ssl.keyStore=\"a b.p12\" -Djavax.net.ssl.trustStore=t.jks\nA_CA=$A_CA$A_CA\n# c\n",
        ]
        ReaderFuzz.run(reader: EnvReader.self, path: "svc/.env", samples: samples)
    }
}

/// Seeded random edits of realistic files: every reader must return contents with positions
/// inside the text — never trap or hang. Shared by the reader tests of this folder.
enum ReaderFuzz {
    typealias Generator = SplitMix64

    static let interesting: [Unicode.Scalar] = Array("<>/=\"'`:{}[],#!\\$-\n\r\t .0aZ*~&é\u{0}".unicodeScalars)

    /// One to four random edits: replace, insert or delete a scalar, duplicate or drop a line.
    static func mutate(_ text: String, using generator: inout Generator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &generator)
            let scalar = interesting.randomElement(using: &generator) ?? " "
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !scalars.isEmpty: scalars[position] = scalar
            case 1: scalars.insert(scalar, at: position)
            case 2 where !scalars.isEmpty: scalars.remove(at: position)
            case 3:
                let end = scalars[position...].firstIndex(of: "\n") ?? scalars.endIndex
                scalars.insert(contentsOf: scalars[position..<end], at: position)
            default:
                let end = scalars[position...].firstIndex(of: "\n") ?? scalars.endIndex
                scalars.removeSubrange(position..<end)
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// Reads every prefix of each sample and `iterations` mutations of them; every location must
    /// name `path` and lie inside the text.
    static func run(reader: any ManifestReader.Type, path: String, samples: [String], iterations: Int = 400, seed: UInt64 = 0x5EED) {
        var generator = Generator(state: seed)
        var inputs: [String] = []
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            for length in stride(from: 0, through: scalars.count, by: max(1, scalars.count / 60)) {
                var prefix = String.UnicodeScalarView()
                prefix.append(contentsOf: scalars[..<length])
                inputs.append(String(prefix))
            }
        }
        for index in 0..<iterations {
            let sample = samples[index % samples.count]
            inputs.append(mutate(sample, using: &generator))
        }
        for text in inputs {
            let contents = reader.read(path: path, text: text, context: .isolated)
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
            let locations = contents.usages.map(\.location) + contents.problems.map(\.location)
            for location in locations {
                #expect(location.path == path)
                #expect((location.line ?? 1) >= 1 && (location.line ?? 1) <= max(lines, 1) + 1, "\(location) in \(text.debugDescription)")
                #expect((location.column ?? 1) >= 1)
            }
            for problem in contents.problems { #expect(!problem.message.isEmpty) }
        }
    }
}
