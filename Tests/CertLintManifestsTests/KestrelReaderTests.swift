import CertLintCore
import Testing

@testable import CertLintManifests

@Suite struct KestrelReaderTests {
    static let path = "src/Portal/appsettings.Production.json"
    static let base = "src/Portal"

    static func read(_ marked: MarkedText, path: String = path) -> ManifestContents {
        KestrelReader.read(path: path, text: marked.text, context: .isolated)
    }

    static let endpoints = MarkedText("""
        {
          // Kestrel endpoints, as in the ASP.NET Core documentation
          "Kestrel": {
            "Endpoints": {
              "Http": {
                "Url": "http://localhost:5000"
              },
              "HttpsInlineCertFile": {
                "Url": "https://portal.example.com:5001",
                "Certificate": {
                  ⟨pfx⟩"Path": "certs/portal.pfx",
                  ⟨pw⟩"Password": "$CREDENTIAL_PLACEHOLDER$"
                }
              },
              "HttpsInlineCertAndKeyFile": {
                "Url": "https://*:5002",
                "Certificate": {
                  ⟨pem⟩"path": "certs/portal.crt",   /* case does not matter */
                  "KeyPath": "certs/portal.key",
                },
                "ClientCertificateMode": "RequireCertificate"
              },
              "HttpsInlineCertStore": {
                "Url": "https://10.0.0.4:5003",
                "Certificate": {
                  ⟨store⟩"Subject": "CN=portal.example.com",
                  "Store": "My",
                  "Location": "LocalMachine",
                  "AllowInvalid": "false"
                }
              },
              ⟨noCert⟩"HttpsDefaultCert": {
                "Url": "https://localhost:5004"
              }
            },
            "Certificates": {
              "Default": {
                ⟨default⟩"Path": "certs/default.pfx",
              }
            }
          }
        }
        """)

    @Test func acceptsAppSettingsFiles() {
        #expect(KestrelReader.accepts(path: "appsettings.json", text: ""))
        #expect(KestrelReader.accepts(path: "src/Api/appsettings.Development.json", text: ""))
        #expect(!KestrelReader.accepts(path: "src/Api/settings.json", text: ""))
        #expect(!KestrelReader.accepts(path: "src/Api/appsettings.json.bak", text: ""))
    }

    @Test func endpointCertificatesAreServerUsages() throws {
        let contents = Self.read(Self.endpoints)
        try #require(contents.usages.count == 4)
        let pfx = contents.usages[0]
        #expect(pfx.role == .server)
        #expect(pfx.certificate == .keystore(path: "certs/portal.pfx", base: Self.base, alias: nil))
        #expect(pfx.hostnames == ["portal.example.com"])
        #expect(pfx.platform == "kestrel")
        #expect(pfx.installedOn == .appServer)
        #expect(pfx.endpoint == "kestrel endpoint HttpsInlineCertFile (https://portal.example.com:5001)")
        #expect(pfx.location == Self.endpoints.location("pfx", in: Self.path))

        let pem = contents.usages[1]
        #expect(pem.certificate == .file(path: "certs/portal.crt", base: Self.base))
        #expect(pem.privateKey == .file(path: "certs/portal.key", base: Self.base))
        #expect(pem.hostnames.isEmpty)
        #expect(pem.verifyClient == .required)
        #expect(pem.note?.contains("trust store") == true)
        #expect(pem.location == Self.endpoints.location("pem", in: Self.path))

        let store = contents.usages[2]
        #expect(store.certificate == .external("certificate store LocalMachine/My, subject CN=portal.example.com"))
        #expect(store.note?.contains("LocalMachine/My") == true)
        #expect(store.hostnames.isEmpty)
        #expect(store.location == Self.endpoints.location("store", in: Self.path))
    }

    @Test func endpointsWithoutCertificateUseTheDefault() throws {
        let contents = Self.read(Self.endpoints)
        try #require(contents.usages.count == 4)
        let fallback = contents.usages[3]
        #expect(fallback.certificate == .keystore(path: "certs/default.pfx", base: Self.base, alias: nil))
        #expect(fallback.hostnames == ["localhost"])
        #expect(fallback.endpointID == "kestrel:\(Self.path)#HttpsDefaultCert")
        #expect(fallback.note?.contains("Kestrel:Certificates:Default") == true)
        #expect(fallback.location == Self.endpoints.location("default", in: Self.path))
    }

    @Test func writtenPasswordsAreWarnings() throws {
        let contents = Self.read(Self.endpoints)
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].severity == .warning)
        #expect(contents.problems[0].message == "A certificate password is written in appsettings; load it from the environment.")
        #expect(contents.problems[0].location == Self.endpoints.location("pw", in: Self.path))
        #expect(!String(describing: contents.usages).contains("CREDENTIAL_PLACEHOLDER"))
    }

    @Test func sniSectionsAndEndpointDefaults() throws {
        let marked = MarkedText("""
            {
              "Kestrel": {
                "EndpointDefaults": { "ClientCertificateMode": "AllowCertificate" },
                "Endpoints": {
                  "MySniEndpoint": {
                    "Url": "https://*",
                    "SslProtocols": ["Tls12", "Tls13"],
                    "Sni": {
                      "a.example.org": {
                        "Protocols": "Http1AndHttp2",
                        "Certificate": { ⟨a⟩"Subject": "CN=a.example.org", "Store": "WebHosting" },
                        "ClientCertificateMode" : "NoCertificate"
                      },
                      "*.example.org": {
                        "Certificate": { ⟨wild⟩"Path": "certs/wildcard.pfx" }
                      },
                      "*": {
                        // At least one subproperty needs to exist per SNI section
                        "Protocols": "Http1",
                      }
                    }
                  }
                },
                "Certificates": { "Default": { ⟨default⟩"Path": "certs/fallback.pem", "KeyPath": "certs/fallback.key" } }
              }
            }
            """)
        let contents = Self.read(marked)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 3)
        #expect(contents.usages[0].hostnames == ["a.example.org"])
        #expect(contents.usages[0].verifyClient == .none)
        #expect(contents.usages[0].location == marked.location("a", in: Self.path))
        #expect(contents.usages[1].hostnames == ["*.example.org"])
        #expect(contents.usages[1].verifyClient == .optional)
        #expect(contents.usages[1].location == marked.location("wild", in: Self.path))
        #expect(contents.usages[2].hostnames.isEmpty)
        #expect(contents.usages[2].privateKey == .file(path: "certs/fallback.key", base: Self.base))
        #expect(contents.usages[2].location == marked.location("default", in: Self.path))
        #expect(Set(contents.usages.map(\.endpointID)).count == 1)
    }

    @Test func outgoingClientCertificates() throws {
        let marked = MarkedText("""
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Partner": {
                "BaseAddress": "https://api.partner.example/",
                "ClientCertificate": {
                  ⟨partner⟩"Path": "certs/partner-client.pfx",
                  ⟨pw⟩"Password": "s3cr3t"
                }
              },
              "HttpClients": {
                "Billing": {
                  "Url": "https://billing.internal",
                  ⟨billing⟩"CertificatePath": "certs/billing-client.pem",
                  "CertificateKeyPath": "certs/billing-client.key",
                  ⟨ca⟩"CaCertificatePath": "certs/internal-ca.pem"
                },
                "Ledger": { ⟨thumb⟩"ClientCertificateThumbprint": "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2" }
              },
              "Saml": { ⟨saml⟩"CertificatePath": "certs/saml-signing.pfx" }
            }
            """)
        let path = "appsettings.json"
        let contents = Self.read(marked, path: path)
        try #require(contents.usages.count == 5)
        let partner = contents.usages[0]
        #expect(partner.role == .client)
        #expect(partner.certificate == .keystore(path: "certs/partner-client.pfx", base: "", alias: nil))
        #expect(partner.installedOn == .application)
        #expect(partner.endpoint == "HTTP client Partner → https://api.partner.example/")
        #expect(partner.location == marked.location("partner", in: path))
        #expect(contents.usages[1].role == .client)
        #expect(contents.usages[1].privateKey == .file(path: "certs/billing-client.key", base: ""))
        #expect(contents.usages[1].location == marked.location("billing", in: path))
        #expect(contents.usages[2].role == .serverCA)
        #expect(contents.usages[2].location == marked.location("ca", in: path))
        #expect(contents.usages[3].certificate == .thumbprint("A1B2C3D4E5F6A1B2C3D4E5F6A1B2C3D4E5F6A1B2"))
        #expect(contents.usages[3].location == marked.location("thumb", in: path))
        #expect(contents.usages[4].role == .unknown)
        #expect(contents.usages[4].note != nil)
        #expect(contents.usages[4].location == marked.location("saml", in: path))
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].location == marked.location("pw", in: path))
        #expect(!contents.problems[0].message.contains("s3cr3t"))
    }

    @Test func brokenFilesAndBadValues() throws {
        let broken = MarkedText("""
            {
              "Kestrel": {
                "Endpoints": {
                  "Https": { "Url": "https://*:443" ⟨p⟩"Certificate": {} }
                }
              }
            }
            """)
        let contents = Self.read(broken)
        #expect(contents.usages.isEmpty)
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].severity == .error)
        #expect(contents.problems[0].location == broken.location("p", in: Self.path))

        let comment = MarkedText("{ ⟨c⟩/* never closed\n \"Kestrel\": {} }")
        let commentContents = Self.read(comment)
        #expect(commentContents.problems.first?.location == comment.location("c", in: Self.path))

        let values = MarkedText("""
            {"Kestrel": {"Endpoints": {
              "Plain": {"Url": "http://*:80", ⟨plain⟩"Certificate": {"Path": "x.pfx"}},
              "Odd": {"Url": "https://*:443", "Certificate": {"Path": "y.pfx"}, ⟨mode⟩"ClientCertificateMode": "Sometimes"},
              "Empty": {"Url": "https://*:8443", ⟨empty⟩"Certificate": {"AllowInvalid": true}}
            }}}
            """)
        let valueContents = Self.read(values)
        #expect(valueContents.usages.count == 1)
        #expect(valueContents.problems.map(\.location) == ["plain", "mode", "empty"].compactMap { values.location($0, in: Self.path) })
        #expect(valueContents.problems.allSatisfy { $0.severity == .warning })
    }

    @Test func seededMutationsNeverTrap() {
        ReaderFuzz.run(reader: KestrelReader.self, path: Self.path, samples: [Self.endpoints.text])
    }
}
