import CertLintCore
import Testing

@testable import CertLintManifests

@Suite struct SpringReaderTests {
    static let yamlPath = "orders/src/main/resources/application.yml"
    static let propertiesPath = "orders/src/main/resources/application-prod.properties"
    static let resources = "orders/src/main/resources"

    static func read(_ marked: MarkedText, path: String) -> ManifestContents {
        SpringReader.read(path: path, text: marked.text, context: .isolated)
    }

    @Test func acceptsApplicationFilesAndProfiles() {
        #expect(SpringReader.accepts(path: "src/main/resources/application.properties", text: ""))
        #expect(SpringReader.accepts(path: "config/application.yaml", text: ""))
        #expect(SpringReader.accepts(path: "a/application-prod.yml", text: ""))
        #expect(!SpringReader.accepts(path: "a/application-.yml", text: ""))
        #expect(!SpringReader.accepts(path: "a/app.yml", text: ""))
        #expect(!SpringReader.accepts(path: "a/application.json", text: ""))
        #expect(SpringReader.profileAndKind(of: "x/application-Prod-EU.properties")?.profile == "Prod-EU")
    }

    @Test func serverKeyStoreWithClientAuth() throws {
        let marked = MarkedText("""
            # Orders service: mutual TLS on 8443
            server:
              port: 8443
              ssl:
                enabled: true
                ⟨ks⟩key-store: "classpath:keystore.p12"
                key-store-type: PKCS12
                key-store-password: ${KEYSTORE_PASSWORD}
                key-alias: orders
                ⟨ts⟩trust-store: classpath:/clients-ca.p12
                ⟨tsp⟩trust-store-password: changeit
                client-auth: need

            """)
        let contents = Self.read(marked, path: Self.yamlPath)
        try #require(contents.usages.count == 2)
        let server = contents.usages[0]
        #expect(server.role == .server)
        #expect(server.certificate == .keystore(path: "keystore.p12", base: Self.resources, alias: "orders"))
        #expect(server.verifyClient == .required)
        #expect(server.installedOn == .appServer)
        #expect(server.platform == "spring-boot")
        #expect(server.endpoint == "spring-boot server :8443")
        #expect(server.location == marked.location("ks", in: Self.yamlPath))
        let trust = contents.usages[1]
        #expect(trust.role == .clientCA)
        #expect(trust.certificate == .keystore(path: "clients-ca.p12", base: Self.resources, alias: nil))
        #expect(trust.endpointID == server.endpointID)
        #expect(trust.location == marked.location("ts", in: Self.yamlPath))
        // The literal trust-store password is a warning at its key; the placeholder is fine.
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].severity == .warning)
        #expect(contents.problems[0].location == marked.location("tsp", in: Self.yamlPath))
        #expect(!contents.problems[0].message.contains("changeit"))
    }

    @Test func propertiesWithPEMAndRelaxedNames() throws {
        let marked = MarkedText("""
            ! production profile
            server.port = 443
            ⟨cert⟩server.ssl.certificate=file:/etc/orders/tls/tls.crt
            server.ssl.certificatePrivateKey : file:/etc/orders/tls/tls.key
            ⟨trust⟩server.ssl.trust_certificate   config/clients-ca.pem
            server.ssl.client-auth=want
            server.ssl.ciphers=TLS_AES_128_GCM_SHA256,\\
                TLS_AES_256_GCM_SHA384
            """)
        let contents = Self.read(marked, path: Self.propertiesPath)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 2)
        #expect(contents.usages[0].role == .server)
        #expect(contents.usages[0].certificate == .file(path: "/etc/orders/tls/tls.crt", base: "orders"))
        #expect(contents.usages[0].privateKey == .file(path: "/etc/orders/tls/tls.key", base: "orders"))
        #expect(contents.usages[0].verifyClient == .optional)
        #expect(contents.usages[0].endpoint == "spring-boot server :443 (profile prod)")
        #expect(contents.usages[0].location == marked.location("cert", in: Self.propertiesPath))
        #expect(contents.usages[1].role == .clientCA)
        #expect(contents.usages[1].certificate == .file(path: "config/clients-ca.pem", base: "orders"))
        #expect(contents.usages[1].location == marked.location("trust", in: Self.propertiesPath))
    }

    @Test func sslBundlesForTheServerAndForClients() throws {
        let marked = MarkedText("""
            server:
              ssl:
                bundle: "web"
            spring:
              ssl:
                bundle:
                  jks:
                    web:
                      key:
                        alias: "orders"
                      keystore:
                        ⟨web⟩location: "classpath:web.p12"
                        password: "${WEB_KS_PASSWORD}"
                        type: "PKCS12"
                  pem:
                    redis:
                      truststore:
                        ⟨redis⟩certificate: "classpath:redis-ca.crt"
                    partner:
                      keystore:
                        ⟨partner⟩certificate: "file:certs/partner-client.crt"
                        private-key: "file:certs/partner-client.key"
              data:
                redis:
                  ssl:
                    bundle: redis
            """)
        let contents = Self.read(marked, path: Self.yamlPath)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].role == .server)
        #expect(contents.usages[0].certificate == .keystore(path: "web.p12", base: Self.resources, alias: "orders"))
        #expect(contents.usages[0].location == marked.location("web", in: Self.yamlPath))
        #expect(contents.usages[1].role == .serverCA)
        #expect(contents.usages[1].endpoint == "spring-boot client spring.data.redis (bundle redis)")
        #expect(contents.usages[1].certificate == .file(path: "redis-ca.crt", base: Self.resources))
        #expect(contents.usages[1].location == marked.location("redis", in: Self.yamlPath))
        #expect(contents.usages[2].role == .unknown)
        #expect(contents.usages[2].note?.contains("partner") == true)
        #expect(contents.usages[2].certificate == .file(path: "certs/partner-client.crt", base: "orders"))
        #expect(contents.usages[2].privateKey == .file(path: "certs/partner-client.key", base: "orders"))
        #expect(contents.usages[2].location == marked.location("partner", in: Self.yamlPath))
    }

    @Test func profileDocumentsAndPlaceholders() throws {
        let marked = MarkedText("""
            app:
              certs: /opt/orders/certs
            server:
              ssl:
                ⟨ks⟩key-store: file:${app.certs}/orders.p12
            ---
            spring:
              config:
                activate:
                  on-profile: "mtls"
            server:
              ssl:
                client-auth: need
                ⟨ts⟩trust-store: ${TRUST_STORE_PATH}
            ---
            spring.config.activate.on-profile: dev
            server.ssl.enabled: false
            """)
        let contents = Self.read(marked, path: Self.yamlPath)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].certificate == .keystore(path: "/opt/orders/certs/orders.p12", base: "orders", alias: nil))
        #expect(contents.usages[0].verifyClient == .none)
        #expect(contents.usages[0].location == marked.location("ks", in: Self.yamlPath))
        // The mtls profile: the same key store, now asking for client certificates.
        #expect(contents.usages[1].location == marked.location("ks", in: Self.yamlPath))
        #expect(contents.usages[1].verifyClient == .required)
        #expect(contents.usages[1].endpoint == "spring-boot server (profile mtls)")
        #expect(contents.usages[2].role == .clientCA)
        #expect(contents.usages[2].certificate == .external("${TRUST_STORE_PATH}"))
        #expect(contents.usages[2].note?.contains("TRUST_STORE_PATH") == true)
        #expect(contents.usages[2].location == marked.location("ts", in: Self.yamlPath))
        #expect(contents.usages[2].endpointID == contents.usages[1].endpointID)
    }

    @Test func clientStoresOfMessagingClients() throws {
        let marked = MarkedText("""
            spring.rabbitmq.ssl.enabled=true
            ⟨ks⟩spring.rabbitmq.ssl.key-store=classpath:rabbit-client.p12
            spring.rabbitmq.ssl.key-store-password=${RABBIT_KS_PASSWORD}
            ⟨ts⟩spring.kafka.ssl.trust-store-location=file:/etc/kafka/truststore.jks
            """)
        let path = "config/application.properties"
        let contents = Self.read(marked, path: path)
        try #require(contents.usages.count == 2)
        #expect(contents.usages[0].role == .client)
        #expect(contents.usages[0].certificate == .keystore(path: "rabbit-client.p12", base: "src/main/resources", alias: nil))
        #expect(contents.usages[0].note?.contains("not inside src/main/resources") == true)
        #expect(contents.usages[0].location == marked.location("ks", in: path))
        #expect(contents.usages[1].role == .serverCA)
        #expect(contents.usages[1].certificate == .keystore(path: "/etc/kafka/truststore.jks", base: "", alias: nil))
        #expect(contents.usages[1].location == marked.location("ts", in: path))
    }

    @Test func trustStoreWithoutClientAuthIsUnknown() throws {
        let marked = MarkedText("""
            server.ssl.key-store=classpath:server.p12
            ⟨ts⟩server.ssl.trust-store=classpath:ca.p12
            """)
        let path = "src/main/resources/application.properties"
        let contents = Self.read(marked, path: path)
        try #require(contents.usages.count == 2)
        #expect(contents.usages[1].role == .unknown)
        #expect(contents.usages[1].note?.contains("client-auth") == true)
        #expect(contents.usages[1].location == marked.location("ts", in: path))
    }

    @Test func brokenFilesAreProblemsAtTheirLine() throws {
        let yaml = MarkedText("""
            server:
              ssl:
                key-store: classpath:a.p12
               ⟨bad⟩ key-alias: [broken
            """)
        let yamlContents = Self.read(yaml, path: Self.yamlPath)
        #expect(yamlContents.usages.isEmpty)
        try #require(yamlContents.problems.count == 1)
        #expect(yamlContents.problems[0].severity == .error)
        #expect(yamlContents.problems[0].location.line != nil)

        let properties = MarkedText("""
            server.ssl.key-store=classpath:a.p12
            server.ssl.key-alias=⟨escape⟩\\u00zz
            server.ssl.bundle=missing
            """)
        let contents = Self.read(properties, path: Self.propertiesPath)
        #expect(contents.problems.contains { $0.location == properties.location("escape", in: Self.propertiesPath) && $0.severity == .error })
        #expect(contents.problems.contains { $0.severity == .note && $0.message.contains("missing") })
        #expect(contents.usages.count == 1)
    }

    @Test func placeholderFanOutStaysBounded() {
        // Eight levels of 50 references each would be 50^8 substitutions without the budget.
        var lines = ["server.ssl.key-store=${p0}"]
        for level in 0..<8 { lines.append("p\(level)=" + String(repeating: "${p\(level + 1)}", count: 50)) }
        lines.append("p8=x")
        let contents = SpringReader.read(path: "application.properties", text: lines.joined(separator: "\n"), context: .isolated)
        #expect(contents.usages.count == 1)
    }

    @Test func seededMutationsNeverTrap() {
        let yaml = """
            server:
              port: 8443
              ssl: {key-store: "classpath:k.p12", client-auth: need, trust-store: 'file:t.jks', bundle: b}
            spring.ssl.bundle.pem.b.keystore.certificate: |
              -----BEGIN CERTIFICATE-----
              AAAA
              -----END CERTIFICATE-----
            ---
            spring.config.activate.on-profile: x
            server.ssl.server-name-bundles: [{server-name: a.example.com, bundle: b}]
            """
        let properties = "server.ssl.key-store=${A:${B:classpath:x.p12}}\nspring.kafka.ssl.key-store-location=k.p12\\\n  .bak\n#---\nserver.ssl.client-auth=want\n"
        ReaderFuzz.run(reader: SpringReader.self, path: "src/main/resources/application.yml", samples: [yaml])
        ReaderFuzz.run(reader: SpringReader.self, path: "src/main/resources/application.properties", samples: [properties])
    }

    @Test func serverNameBundlesGiveHostnames() throws {
        let marked = MarkedText("""
            server.ssl.bundle=default
            server.ssl.server-name-bundles[0].server-name=api.example.com
            server.ssl.server-name-bundles[0].bundle=api
            spring.ssl.bundle.pem.default.keystore.certificate=classpath:default.crt
            ⟨api⟩spring.ssl.bundle.pem.api.keystore.certificate=classpath:api.crt
            spring.ssl.bundle.pem.api.keystore.private-key=classpath:api.key
            """)
        let path = "src/main/resources/application.properties"
        let contents = Self.read(marked, path: path)
        try #require(contents.usages.count == 2)
        #expect(contents.usages[0].hostnames.isEmpty)
        #expect(contents.usages[1].hostnames == ["api.example.com"])
        #expect(contents.usages[1].privateKey == .file(path: "api.key", base: "src/main/resources"))
        #expect(contents.usages[1].location == marked.location("api", in: path))
        #expect(contents.usages.allSatisfy { $0.role == .server })
    }
}
