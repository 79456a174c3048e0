import CertLintCore
import Testing

@testable import CertLintManifests

@Suite struct IISReaderTests {
    static let path = "iis/applicationHost.config"

    static func read(_ marked: MarkedText, path: String = path) -> ManifestContents {
        IISReader.read(path: path, text: marked.text, context: .isolated)
    }

    static let contoso = MarkedText("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
            IIS configuration sections.
            For schema documentation, see %windir%\\system32\\inetsrv\\config\\schema\\IIS_schema.xml.
        -->
        <configuration>
            <configSections>
                <sectionGroup name="system.applicationHost">
                    <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
                </sectionGroup>
            </configSections>
            <system.applicationHost>
                <applicationPools>
                    <add name="DefaultAppPool" />
                </applicationPools>
                <sites>
                    <site name="Default Web Site" id="1" serverAutoStart="true">
                        <application path="/">
                            <virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" />
                        </application>
                        <bindings>
                            <binding protocol="http" bindingInformation="*:80:" />
                            <binding protocol="https" bindingInformation="*:443:" ⟨default⟩certificateHash="3a 9f 1c 22 d0 4e 8b 77 61 0a b2 c4 5e 9d 13 f8 a6 02 7b ee" certificateStoreName="My" />
                        </bindings>
                    </site>
                    <site name="Contoso" id="2">
                        <bindings>
                            <binding protocol="https"
                                     bindingInformation="*:443:www.contoso.com"
                                     sslFlags="Sni"
                                     ⟨contoso⟩certificateHash="b1e2c3d4e5f60718293a4b5c6d7e8f9012345678"
                                     certificateStoreName="WebHosting" />
                            <binding protocol='https' bindingInformation='10.0.0.5:8443:api.contoso.com' ⟨api⟩certificateHash='C0FFEEC0FFEEC0FFEEC0FFEEC0FFEEC0FFEEC0FF' />
                        </bindings>
                    </site>
                </sites>
            </system.applicationHost>
            <location path="Contoso">
                <system.webServer>
                    <security>
                        <access sslFlags="Ssl, SslNegotiateCert, SslRequireCert" />
                    </security>
                </system.webServer>
            </location>
        </configuration>
        """)

    @Test func acceptsApplicationHostConfig() {
        #expect(IISReader.accepts(path: "inetsrv/config/applicationHost.config", text: ""))
        #expect(IISReader.accepts(path: "ApplicationHost.CONFIG", text: ""))
        #expect(IISReader.accepts(path: "x/iis-prod.config", text: "<configuration><system.applicationHost/></configuration>"))
        #expect(!IISReader.accepts(path: "web.config", text: "<configuration><system.webServer/></configuration>"))
    }

    @Test func httpsBindingsAreServerUsagesWithThumbprints() throws {
        var contents = Self.read(Self.contoso)
        #expect(contents.problems.isEmpty)
        contents.usages.removeAll { $0.role == .clientCA }
        try #require(contents.usages.count == 3)
        let defaultSite = contents.usages[0]
        #expect(defaultSite.role == .server)
        #expect(defaultSite.certificate == .thumbprint("3A9F1C22D04E8B77610AB2C45E9D13F8A6027BEE"))
        #expect(defaultSite.hostnames.isEmpty)
        #expect(defaultSite.verifyClient == .none)
        #expect(defaultSite.note == nil)
        #expect(defaultSite.platform == "iis")
        #expect(defaultSite.installedOn == .appServer)
        #expect(defaultSite.location == Self.contoso.location("default", in: Self.path))

        let contoso = contents.usages[1]
        #expect(contoso.certificate == .thumbprint("B1E2C3D4E5F60718293A4B5C6D7E8F9012345678"))
        #expect(contoso.hostnames == ["www.contoso.com"])
        #expect(contoso.endpoint == "IIS site Contoso https *:443:www.contoso.com (store WebHosting)")
        #expect(contoso.location == Self.contoso.location("contoso", in: Self.path))
        #expect(contents.usages[2].hostnames == ["api.contoso.com"])
        #expect(contents.usages[2].location == Self.contoso.location("api", in: Self.path))
    }

    @Test func locationAccessFlagsRequireClientCertificates() throws {
        let all = Self.read(Self.contoso)
        let servers = all.usages.filter { $0.role == .server }
        try #require(servers.count == 3)
        for usage in servers[1...] {
            #expect(usage.verifyClient == .required)
            #expect(usage.note?.contains("machine's trusted root store") == true)
        }
        // IIS verifies against the machine store: each verifying binding has a client CA
        // bundle outside the repository, on the same endpoint.
        let authorities = all.usages.filter { $0.role == .clientCA }
        #expect(authorities.map(\.endpointID) == servers[1...].map(\.endpointID))
        #expect(authorities.allSatisfy { $0.certificate == .external("the Windows trusted root store of the server") })
    }

    @Test func globalAndSubPathAccessSettings() throws {
        let marked = MarkedText("""
            <configuration>
              <system.applicationHost>
                <sites>
                  <site name="Portal" id="3">
                    <bindings>
                      <binding protocol="https" bindingInformation="*:443:portal.corp.example" ⟨portal⟩certificateHash="00112233445566778899AABBCCDDEEFF00112233" />
                    </bindings>
                  </site>
                  <site name="Intranet" id="4">
                    <bindings>
                      <binding protocol="HTTPS" bindingInformation="[::]:443:intranet.corp.example" ⟨intranet⟩certificateHash="FFEEDDCCBBAA99887766554433221100FFEEDDCC" />
                    </bindings>
                  </site>
                </sites>
              </system.applicationHost>
              <system.webServer>
                <security>
                  <access sslFlags="Ssl,SslNegotiateCert" />
                </security>
              </system.webServer>
              <location path="Portal/admin">
                <system.webServer><security><access sslFlags="96" /></security></system.webServer>
              </location>
              <location path="Intranet" overrideMode="Allow">
                <system.webServer><security><access sslFlags="Ssl" /></security></system.webServer>
              </location>
            </configuration>
            """)
        var contents = Self.read(marked)
        #expect(contents.usages.filter { $0.role == .clientCA }.count == 1)
        contents.usages.removeAll { $0.role == .clientCA }
        try #require(contents.usages.count == 2)
        #expect(contents.usages[0].verifyClient == .optional)
        #expect(contents.usages[0].note?.contains("portal/admin") == true)
        #expect(contents.usages[0].location == marked.location("portal", in: Self.path))
        #expect(contents.usages[1].verifyClient == .none)
        #expect(contents.usages[1].hostnames == ["intranet.corp.example"])
        #expect(contents.usages[1].location == marked.location("intranet", in: Self.path))
    }

    @Test func centralCertificateStoreAndHTTPSysBindings() throws {
        let marked = MarkedText("""
            <configuration>
              <system.applicationHost>
                <sites>
                  <site name="Shop" id="5">
                    <bindings>
                      <binding protocol="https" bindingInformation="*:443:shop.example.com" ⟨ccs⟩sslFlags="3" />
                      ⟨sys⟩<binding protocol="https" bindingInformation="192.0.2.10:443:" />
                    </bindings>
                    <ftpServer>
                      <security>
                        <ssl ⟨ftp⟩serverCertHash="ABCDEF0123456789ABCDEF0123456789ABCDEF01" serverCertStoreName="My" />
                      </security>
                    </ftpServer>
                  </site>
                </sites>
              </system.applicationHost>
            </configuration>
            """)
        let contents = Self.read(marked)
        try #require(contents.usages.count == 2)
        #expect(contents.usages[0].certificate == .external("IIS Central Certificate Store: shop.example.com.pfx"))
        #expect(contents.usages[0].location == marked.location("ccs", in: Self.path))
        #expect(contents.usages[1].endpoint == "IIS FTP site Shop")
        #expect(contents.usages[1].location == marked.location("ftp", in: Self.path))
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].severity == .note)
        #expect(contents.problems[0].location == marked.location("sys", in: Self.path))
    }

    @Test func malformedThumbprintIsAProblem() throws {
        let marked = MarkedText("""
            <configuration><system.applicationHost><sites><site name="A">
              <bindings><binding protocol="https" bindingInformation="*:443:a.example" ⟨hash⟩certificateHash="not-a-thumbprint" /></bindings>
            </site></sites></system.applicationHost></configuration>
            """)
        let contents = Self.read(marked)
        #expect(contents.usages.isEmpty)
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].location == marked.location("hash", in: Self.path))
    }

    @Test func brokenXMLIsAProblemAtItsPlace() throws {
        let cases: [(MarkedText, String)] = [
            (MarkedText("<configuration>\n  <sites>\n  ⟨p⟩</site>\n</configuration>"), "does not match"),
            (MarkedText("<configuration>\n  ⟨p⟩<sites>\n"), "never closed"),
            (MarkedText("<configuration>\n  <binding a=\"1\" ⟨p⟩a=\"2\"/>\n</configuration>"), "twice"),
            (MarkedText("<configuration>\n  <binding a=\"⟨p⟩&nbsp;\"/>\n</configuration>"), "not defined"),
            (MarkedText("<configuration/>\n⟨p⟩<second/>"), "second root"),
        ]
        for (marked, words) in cases {
            let contents = Self.read(marked)
            #expect(contents.usages.isEmpty)
            try #require(contents.problems.count == 1)
            #expect(contents.problems[0].severity == .error)
            #expect(contents.problems[0].location == marked.location("p", in: Self.path), "\(marked.text)")
            #expect(contents.problems[0].message.contains(words), "\(contents.problems[0].message)")
        }
    }

    @Test func entitiesAndDoctypeDoNotExpand() throws {
        let marked = MarkedText("""
            <?xml version="1.0"?>
            <!DOCTYPE configuration [ <!ENTITY a "&#x41;&#x41;"> <!ENTITY b "&a;&a;&a;"> ]>
            <configuration>
              <system.applicationHost><sites><site name="R&amp;D">
                <bindings><binding protocol="https" bindingInformation="*:443:r&#x64;.example" ⟨hash⟩certificateHash="&#x30;0112233445566778899AABBCCDDEEFF00112233"/></bindings>
              </site></sites></system.applicationHost>
              <![CDATA[ <not> an element ]]>
            </configuration>
            """)
        let contents = Self.read(marked)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 1)
        #expect(contents.usages[0].endpoint.hasPrefix("IIS site R&D https"))
        #expect(contents.usages[0].hostnames == ["rd.example"])
        #expect(contents.usages[0].location == marked.location("hash", in: Self.path))
    }

    @Test func deepNestingIsAProblemNotACrash() throws {
        let text = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let contents = IISReader.read(path: Self.path, text: text, context: .isolated)
        try #require(contents.problems.count == 1)
        #expect(contents.problems[0].message.contains("nested"))
    }

    @Test func seededMutationsNeverTrap() {
        ReaderFuzz.run(reader: IISReader.self, path: Self.path, samples: [Self.contoso.text])
    }
}
