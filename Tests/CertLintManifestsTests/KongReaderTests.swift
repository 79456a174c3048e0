import CertLintCore
import Testing

@testable import CertLintManifests

@Suite struct KongReaderTests {
    static let path = "gateway/kong.yml"
    static let pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Fh\n-----END CERTIFICATE-----"
    static let caPEM = "-----BEGIN CERTIFICATE-----\nMIIBoDCCAUWgAwIBAgIUY2Eh\n-----END CERTIFICATE-----"

    static func read(_ marked: MarkedText, path: String = path) -> ManifestContents {
        KongReader.read(path: path, text: marked.text, context: .isolated)
    }

    static let b2b = MarkedText("""
        _format_version: "3.0"
        _transform: true

        # Certificates the proxy serves
        certificates:
        - id: 2e3f2a43-2f8a-4f0c-9d6b-6c7a1b0c9f01
          ⟨api⟩cert: |
            -----BEGIN CERTIFICATE-----
            MIIBszCCAVmgAwIBAgIUQ2Fh
            -----END CERTIFICATE-----
          key: |
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIA==
            -----END PRIVATE KEY-----
          snis:
          - name: api.partner.example
          - name: "*.b2b.example"
        - id: 8f1c0c4e-1f7e-4b9e-a0c2-3a5d1d2e7b11
          ⟨client⟩cert: "{vault://env/partner-client-cert}"
          key: "{vault://env/partner-client-key}"

        ca_certificates:
        - id: 0b9c6ad4-5d43-4a43-9a3e-6f7c1fd00c01
          ⟨ca1⟩cert: |
            -----BEGIN CERTIFICATE-----
            MIIBoDCCAUWgAwIBAgIUY2Eh
            -----END CERTIFICATE-----
        - id: 7d2b1b9a-0000-4c5e-8f00-1a2b3c4d5e6f
          cert: |
            -----BEGIN CERTIFICATE-----
            MIIBoDCCAUWgAwIBAgIUY2Eh
            -----END CERTIFICATE-----

        services:
        - name: orders
          url: https://orders.internal.example:8443
          ⟨cc⟩client_certificate: 8f1c0c4e-1f7e-4b9e-a0c2-3a5d1d2e7b11
          tls_verify: true
          ca_certificates:
          - ⟨sca⟩7d2b1b9a-0000-4c5e-8f00-1a2b3c4d5e6f
          routes:
          - name: orders-route
            paths: [/orders]

        plugins:
        - name: mtls-auth
          config:
            ca_certificates:
            - ⟨mca⟩0b9c6ad4-5d43-4a43-9a3e-6f7c1fd00c01
            skip_consumer_lookup: true
        """)

    @Test func acceptsDeclarativeConfigOnly() {
        #expect(KongReader.accepts(path: "kong.yml", text: "_format_version: \"3.0\"\n"))
        #expect(KongReader.accepts(path: "kong/kong.json", text: "{\"_format_version\": \"1.1\"}"))
        #expect(!KongReader.accepts(path: "kong.yml", text: "services: []\n"))
        #expect(!KongReader.accepts(path: "kong.conf", text: "_format_version"))
    }

    @Test func certificatesWithSNIsAreServerUsages() throws {
        let contents = Self.read(Self.b2b)
        #expect(contents.problems.isEmpty)
        let server = try #require(contents.usages.first { $0.role == .server })
        #expect(server.certificate == .inline(Self.pem))
        if case .inline(let key) = server.privateKey { #expect(key.hasPrefix("-----BEGIN PRIVATE KEY-----")) } else { Issue.record("no key") }
        #expect(server.hostnames == ["api.partner.example", "*.b2b.example"])
        #expect(server.installedOn == .apiGateway)
        #expect(server.platform == "kong")
        #expect(server.location == Self.b2b.location("api", in: Self.path))
        // A global mtls-auth plugin: callers must present certificates.
        #expect(server.verifyClient == .required)
    }

    @Test func mtlsAuthCAsAreClientCAOfTheProxy() throws {
        let contents = Self.read(Self.b2b)
        let server = try #require(contents.usages.first { $0.role == .server })
        let clientCA = try #require(contents.usages.first { $0.role == .clientCA })
        #expect(clientCA.certificate == .inline(Self.caPEM))
        #expect(clientCA.endpointID == server.endpointID)
        #expect(clientCA.location == Self.b2b.location("mca", in: Self.path))
    }

    @Test func serviceClientCertificateAndUpstreamCA() throws {
        let contents = Self.read(Self.b2b)
        let client = try #require(contents.usages.first { $0.role == .client })
        #expect(client.certificate == .external("{vault://env/partner-client-cert}"))
        #expect(client.privateKey == .external("{vault://env/partner-client-key}"))
        #expect(client.endpoint == "kong service orders → https://orders.internal.example:8443")
        #expect(client.location == Self.b2b.location("cc", in: Self.path))
        let serverCA = try #require(contents.usages.first { $0.role == .serverCA })
        #expect(serverCA.location == Self.b2b.location("sca", in: Self.path))
        #expect(serverCA.endpointID == client.endpointID)
        // The client certificate has no SNI but a service presents it: no unknown usage for it.
        #expect(!contents.usages.contains { $0.role == .unknown })
        #expect(contents.usages.count == 4)
    }

    @Test func topLevelSNIsScopedPluginsAndUnusedEntities() throws {
        let marked = MarkedText("""
            {
              "_format_version": "2.1",
              "certificates": [
                {"id": "c1", ⟨c1⟩"cert": "\(Self.pem.replacingNewlines())", "key": "k"},
                {"id": "c2", ⟨c2⟩"cert": "\(Self.pem.replacingNewlines())"}
              ],
              "snis": [{"name": "shop.example.com", "certificate": {"id": "c1"}}, {"name": "x.example", "certificate": ⟨bad⟩"nope"}],
              "ca_certificates": [{"id": "ca1", ⟨ca1⟩"cert": "\(Self.caPEM.replacingNewlines())"}],
              "services": [{"name": "shop", "host": "shop.internal", "plugins": [
                {"name": "mtls-auth", "config": {"ca_certificates": [⟨missing⟩"ca-missing"]}}]}]
            }
            """)
        let path = "gateway/kong.json"
        let contents = Self.read(marked, path: path)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].role == .server)
        #expect(contents.usages[0].hostnames == ["shop.example.com"])
        #expect(contents.usages[0].verifyClient == .optional)
        #expect(contents.usages[0].note?.contains("service shop") == true)
        #expect(contents.usages[0].location == marked.location("c1", in: path))
        #expect(contents.usages[1].role == .unknown)
        #expect(contents.usages[1].location == marked.location("c2", in: path))
        #expect(contents.usages[2].role == .unknown)
        #expect(contents.usages[2].location == marked.location("ca1", in: path))
        try #require(contents.problems.count == 2)
        #expect(contents.problems.allSatisfy { $0.severity == .warning })
        #expect(contents.problems[0].location == marked.location("bad", in: path))
        #expect(contents.problems[1].location == marked.location("missing", in: path))
    }

    @Test func serviceCAWithoutTLSVerifyIsUnknown() throws {
        let marked = MarkedText("""
            _format_version: "3.0"
            ca_certificates:
            - id: ca
              cert: "\(Self.caPEM.replacingNewlines())"
            services:
            - name: legacy
              url: https://legacy.internal
              ca_certificates: [⟨ca⟩ca]
            """)
        let contents = Self.read(marked)
        try #require(contents.usages.count == 1)
        #expect(contents.usages[0].role == .unknown)
        #expect(contents.usages[0].note?.contains("tls_verify") == true)
        #expect(contents.usages[0].location == marked.location("ca", in: Self.path))
    }

    @Test func brokenYAMLIsAProblem() throws {
        let marked = MarkedText("""
            _format_version: "3.0"
            certificates:
            - cert: "unterminated
            ⟨end⟩
            """)
        let contents = Self.read(marked)
        #expect(contents.usages.isEmpty)
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].severity == .error)
        #expect(contents.problems[0].location.line != nil)
        // Files without _format_version are not Kong's and give nothing.
        #expect(Self.read(MarkedText("certificates: [{cert: x}]\n")).usages.isEmpty)
    }

    @Test func seededMutationsNeverTrap() {
        ReaderFuzz.run(reader: KongReader.self, path: Self.path, samples: [Self.b2b.text])
    }
}

extension String {
    /// The text with line breaks written as `\n` escapes (for JSON and double-quoted YAML).
    fileprivate func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }
}
