import CertLintCore
import Testing

@testable import CertLintManifests

@Suite struct TykReaderTests {
    static let apiPath = "tyk/apps/partner-api.json"
    static let confPath = "tyk/tyk.conf"
    static let storeID = "5e9d9544a1dcd60001d0ed20a6ab77653d5da938f452bb8cc9b55b0630a3743d"

    static func read(_ marked: MarkedText, path: String) -> ManifestContents {
        TykReader.read(path: path, text: marked.text, context: .isolated)
    }

    static let partner = MarkedText("""
        {
          "name": "Partner API",
          "api_id": "partner-api",
          "org_id": "5e9d9544a1dcd60001d0ed20",
          "use_keystore": true,
          "use_mutual_tls_auth": true,
          "client_certificates": [
            ⟨allow⟩"5e9d9544a1dcd60001d0ed207c440d66ebb0a4629d21329808dce9091acf5f2fde328067a6e60e5347271d90"
          ],
          "certificates": [⟨server⟩"certs/api.partner.example.pem"],
          "domain": "API.partner.example",
          "upstream_certificates": {
            ⟨up⟩"*.upstream.partner.example": "\(storeID)",
            ⟨up2⟩"legacy.partner.example":     "certs/legacy-client.pem"
          },
          "pinned_public_keys": { "*.upstream.partner.example": "certs/pins.pem" },
          "proxy": {
            "listen_path": "/partner/",
            "target_url": "https://orders.upstream.partner.example",
            "strip_listen_path": true
          },
          "active": true
        }
        """)

    @Test func acceptsTykFiles() {
        #expect(TykReader.accepts(path: "tyk/tyk.conf", text: "{}"))
        #expect(TykReader.accepts(path: "apps/a.json", text: "{\"api_id\": \"a\"}"))
        #expect(TykReader.accepts(path: "apps/oas.json", text: "{\"x-tyk-api-gateway\": {}}"))
        #expect(!TykReader.accepts(path: "package.json", text: "{\"name\": \"x\"}"))
        #expect(!TykReader.accepts(path: "kong.json", text: "{\"_format_version\": \"3.0\", \"api_id\": 1}"))
    }

    @Test func mutualTLSAllowListIsClientCA() throws {
        let contents = Self.read(Self.partner, path: Self.apiPath)
        #expect(contents.problems.isEmpty)
        let clientCA = try #require(contents.usages.first { $0.role == .clientCA })
        #expect(clientCA.certificate == .external("tyk certificate 5e9d9544a1dcd60001d0ed207c440d66ebb0a4629d21329808dce9091acf5f2fde328067a6e60e5347271d90"))
        #expect(clientCA.note?.contains("SHA-256") == true)
        #expect(clientCA.location == Self.partner.location("allow", in: Self.apiPath))
        let server = try #require(contents.usages.first { $0.role == .server })
        #expect(server.endpointID == clientCA.endpointID)
        #expect(server.verifyClient == .required)
    }

    @Test func customDomainCertificatesAreServerUsages() throws {
        let contents = Self.read(Self.partner, path: Self.apiPath)
        let server = try #require(contents.usages.first { $0.role == .server })
        #expect(server.certificate == .file(path: "certs/api.partner.example.pem", base: "tyk/apps"))
        #expect(server.hostnames == ["api.partner.example"])
        #expect(server.installedOn == .apiGateway)
        #expect(server.platform == "tyk")
        #expect(server.endpoint == "tyk API Partner API at api.partner.example/partner/")
        #expect(server.location == Self.partner.location("server", in: Self.apiPath))
    }

    @Test func upstreamCertificatesAreClientUsages() throws {
        let contents = Self.read(Self.partner, path: Self.apiPath)
        let clients = contents.usages.filter { $0.role == .client }
        try #require(clients.count == 2)
        #expect(clients[0].certificate == .external("tyk certificate \(Self.storeID)"))
        #expect(clients[0].location == Self.partner.location("up", in: Self.apiPath))
        #expect(clients[0].endpoint == "tyk API Partner API → *.upstream.partner.example (https://orders.upstream.partner.example)")
        #expect(clients[1].certificate == .file(path: "certs/legacy-client.pem", base: "tyk/apps"))
        #expect(clients[1].location == Self.partner.location("up2", in: Self.apiPath))
        // Pinned public keys are not certificate usages.
        #expect(contents.usages.count == 4)
    }

    @Test func gatewayConfiguration() throws {
        let marked = MarkedText("""
            {
              "listen_port": 443,
              "http_server_options": {
                "use_ssl": true,
                "certificates": [
                  {
                    "domain_name": "*.yoursite.com",
                    ⟨cert⟩"cert_file": "./new.cert.cert",
                    "key_file": "./new.cert.key"
                  }
                ],
                "ssl_certificates": [⟨id⟩"5e9d9544a1dcd60001d0ed20ffeeddccbbaa"]
              },
              "security": {
                "certificates": {
                  "upstream": { ⟨up⟩"*": "certs/gateway-client.pem" },
                  "control_api": [⟨control⟩"certs/control.pem"]
                }
              }
            }
            """)
        let contents = Self.read(marked, path: Self.confPath)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 4)
        #expect(contents.usages[0].role == .server)
        #expect(contents.usages[0].certificate == .file(path: "./new.cert.cert", base: "tyk"))
        #expect(contents.usages[0].privateKey == .file(path: "./new.cert.key", base: "tyk"))
        #expect(contents.usages[0].hostnames == ["*.yoursite.com"])
        #expect(contents.usages[0].endpoint == "tyk gateway :443")
        #expect(contents.usages[0].location == marked.location("cert", in: Self.confPath))
        #expect(contents.usages[1].role == .server)
        #expect(contents.usages[1].note?.contains("store") == true)
        #expect(contents.usages[1].location == marked.location("id", in: Self.confPath))
        #expect(contents.usages[2].role == .client)
        #expect(contents.usages[2].location == marked.location("up", in: Self.confPath))
        #expect(contents.usages[3].endpoint == "tyk control API")
        #expect(contents.usages[3].location == marked.location("control", in: Self.confPath))
    }

    @Test func oasDefinitionsAndDisabledFeatures() throws {
        let marked = MarkedText("""
            {
              "openapi": "3.0.3",
              "info": { "title": "Payments", "version": "1.0.0" },
              "paths": {},
              "x-tyk-api-gateway": {
                "info": { "id": "payments", "name": "Payments", "state": { "active": true } },
                "server": {
                  "listenPath": { "value": "/payments/", "strip": true },
                  "customDomain": { "enabled": true, "name": "pay.example.com", "certificates": [⟨domain⟩"certs/pay.pem"] },
                  "clientCertificates": { "enabled": false, "allowlist": [⟨allow⟩"certs/old-client.pem"] }
                },
                "upstream": {
                  "url": "https://payments.internal",
                  "mutualTLS": {
                    "enabled": true,
                    "domainToCertificateMapping": [{ "domain": "payments.internal", ⟨up⟩"certificate": "certs/pay-client.pem" }]
                  }
                }
              }
            }
            """)
        let path = "tyk/oas/payments.json"
        let contents = Self.read(marked, path: path)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].role == .server)
        #expect(contents.usages[0].hostnames == ["pay.example.com"])
        #expect(contents.usages[0].verifyClient == .none)
        #expect(contents.usages[0].location == marked.location("domain", in: path))
        #expect(contents.usages[1].role == .unknown)
        #expect(contents.usages[1].location == marked.location("allow", in: path))
        #expect(contents.usages[2].role == .client)
        #expect(contents.usages[2].location == marked.location("up", in: path))
    }

    @Test func brokenJSONIsAProblemAtItsPlace() throws {
        let marked = MarkedText("""
            {
              "api_id": "a",
              "upstream_certificates": { "*": "x.pem" ⟨p⟩"b": 1 }
            }
            """)
        let contents = Self.read(marked, path: Self.apiPath)
        #expect(contents.usages.isEmpty)
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].severity == .error)
        #expect(contents.problems[0].location == marked.location("p", in: Self.apiPath))
        // A Dashboard export with several APIs.
        let export = MarkedText("""
            {"apis": [{"api_definition": {"api_id": "one", "upstream_certificates": {⟨one⟩"*": "a.pem"}}},
                      {"api_definition": {"api_id": "two", "upstream_certificates_disabled": true, "upstream_certificates": {"*": "b.pem"}}}]}
            """)
        let exported = Self.read(export, path: "tyk/export.json")
        try #require(exported.usages.count == 1)
        #expect(exported.usages[0].location == export.location("one", in: "tyk/export.json"))
    }

    @Test func seededMutationsNeverTrap() {
        ReaderFuzz.run(reader: TykReader.self, path: Self.apiPath, samples: [Self.partner.text])
    }
}
