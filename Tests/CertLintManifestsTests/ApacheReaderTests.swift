import CertLintCore
import Foundation
import Testing

@testable import CertLintManifests

// Configurations in the shapes of Apache httpd's mod_ssl documentation and how-to (virtual
// hosts with SSLEngine, client authentication, per-directory renegotiation, proxying to TLS
// backends) and of the Debian and Red Hat layouts, written for these tests. Every position a
// usage or a problem reports is asserted against a ⟨marker⟩ in the text.

private typealias ApacheRepo = MarkedRepository<ApacheReader>

@Suite struct ApacheReaderTests {
    @Test func virtualHostGivesServerUsageWithChain() {
        let repo = ApacheRepo([
            "apache2/sites-available/default-ssl.conf": """
            ⟨host⟩<VirtualHost *:443>
                ServerAdmin webmaster@example.com
                ServerName www.example.com:443
                ServerAlias example.com shop.example.com
                DocumentRoot /var/www/html

                SSLEngine on
                ⟨cert⟩SSLCertificateFile      /etc/ssl/certs/www.example.com.crt
                ⟨key⟩SSLCertificateKeyFile   /etc/ssl/private/www.example.com.key
                SSLCertificateChainFile /etc/ssl/certs/intermediate.crt
            </VirtualHost>
            """
        ])
        let path = "apache2/sites-available/default-ssl.conf"
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 1)
        let usage = contents.usages.first
        #expect(usage?.role == .server)
        #expect(usage?.location == repo.at("cert", path))
        #expect(usage?.certificate == .file(path: "/etc/ssl/certs/www.example.com.crt", base: "apache2"))
        #expect(usage?.privateKey == .file(path: "/etc/ssl/private/www.example.com.key", base: "apache2"))
        #expect(usage?.chain == .file(path: "/etc/ssl/certs/intermediate.crt", base: "apache2"))
        #expect(usage?.hostnames == ["www.example.com", "example.com", "shop.example.com"])
        #expect(usage?.endpoint == "apache virtual host www.example.com:443")
        #expect(usage?.platform == "apache")
        #expect(usage?.installedOn == .appServer)
        #expect(usage?.endpointID == repo.id("host", path))
        #expect(repo.at("key", path).line == (usage?.location.line ?? 0) + 1)
    }

    @Test func namesAreCaseInsensitiveAndContinuationsJoinLines() {
        let repo = ApacheRepo([
            "httpd.conf": """
            Define TLSDIR /srv/tls
            # A comment that ends in a backslash swallows the next line, as in httpd: \\
            SSLCertificateFile /never/read.pem
            <virtualhost 192.0.2.10:8443>
            \tservername "api.example.org"
            \tsslengine ON
            \t⟨cert⟩sslcertificatefile \\
            \t\t"${TLSDIR}/api example.pem"
            \tSSLCERTIFICATEKEYFILE ${TLSDIR}/api.key
            \t⟨unset⟩SSLCertificateFile ${UNSET}/api-ecdsa.pem
            </VIRTUALHOST>
            """
        ])
        let marked = repo.files["httpd.conf"]
        for lineEnding in ["\n", "\r\n"] {
            let text = (marked?.text ?? "").replacingOccurrences(of: "\n", with: lineEnding)
            let contents = ApacheReader.read(path: "httpd.conf", text: text, context: .isolated)
            #expect(contents.problems.isEmpty)
            #expect(contents.usages.map(\.location) == [repo.at("cert", "httpd.conf"), repo.at("unset", "httpd.conf")])
            #expect(contents.usages.first?.certificate == .file(path: "/srv/tls/api example.pem", base: ""))
            #expect(contents.usages.first?.privateKey == .file(path: "/srv/tls/api.key", base: ""))
            #expect(contents.usages.last?.certificate == .external("${UNSET}/api-ecdsa.pem"))
            #expect(contents.usages.last?.note?.contains("variable") == true)
            #expect(contents.usages.first?.endpoint == "apache virtual host api.example.org:8443")
        }
    }

    @Test func clientAuthenticationMakesClientCAUsagesOfTheSameHost() {
        let repo = ApacheRepo([
            "conf.d/partners.conf": """
            ⟨host⟩<VirtualHost *:443>
                ServerName partners.example.com
                SSLEngine on
                ⟨cert⟩SSLCertificateFile conf/tls/partners.pem
                SSLCertificateKeyFile conf/tls/partners.key
                ⟨ca⟩SSLCACertificateFile conf/tls/partner-roots.pem
                SSLVerifyClient require
                SSLVerifyDepth 3
            </VirtualHost>
            ⟨lax⟩<VirtualHost *:443>
                ServerName lax.example.com
                SSLEngine on
                ⟨laxcert⟩SSLCertificateFile conf/tls/lax.pem
                ⟨laxca⟩SSLCACertificateFile conf/tls/any.pem
                SSLVerifyClient optional_no_ca
            </VirtualHost>
            """
        ])
        let path = "conf.d/partners.conf"
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.role) == [.server, .clientCA, .server, .clientCA])
        #expect(contents.usages.map(\.location) == [repo.at("cert", path), repo.at("ca", path), repo.at("laxcert", path), repo.at("laxca", path)])
        #expect(contents.usages.map(\.verifyClient) == [.required, .required, .optional, .optional])
        #expect(contents.usages.map(\.endpointID) == [repo.id("host", path), repo.id("host", path), repo.id("lax", path), repo.id("lax", path)])
        #expect(contents.usages[3].note?.contains("optional_no_ca") == true)
        // A file read from conf.d starts its relative paths from the folder above (ServerRoot).
        #expect(contents.usages[1].certificate == .file(path: "conf/tls/partner-roots.pem", base: ""))
        // The server certificate's key is in its file when no key file is given.
        #expect(contents.usages[2].privateKey == nil)
    }

    @Test func perDirectoryClientVerificationIsNamed() {
        let repo = ApacheRepo([
            "ssl.conf": """
            <VirtualHost *:443>
                ServerName intranet.example.com
                SSLEngine on
                ⟨cert⟩SSLCertificateFile /etc/pki/tls/certs/intranet.crt
                SSLCertificateKeyFile /etc/pki/tls/private/intranet.key
                ⟨ca⟩SSLCACertificateFile /etc/pki/tls/certs/employees-ca.crt
                <Location "/admin">
                    SSLVerifyClient require
                    SSLVerifyDepth 2
                </Location>
                <Directory /var/www/reports>
                    SSLVerifyClient optional
                </Directory>
            </VirtualHost>
            """
        ])
        let contents = repo.read("ssl.conf")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.location) == [repo.at("cert", "ssl.conf"), repo.at("ca", "ssl.conf")])
        #expect(contents.usages.map(\.role) == [.server, .clientCA])
        #expect(contents.usages.map(\.verifyClient) == [.required, .required])
        #expect(contents.usages.allSatisfy { $0.note?.contains("<Location /admin>") == true })
    }

    @Test func redHatLayoutIncludesAreFollowed() {
        let repo = ApacheRepo([
            "deploy/httpd/conf/httpd.conf": """
            ServerRoot "/etc/httpd"
            Listen 80
            Include conf.modules.d/*.conf
            ⟨missing⟩Include /etc/httpd/conf/magic-extra.conf
            IncludeOptional /etc/httpd/conf.d/*.conf
            IncludeOptional sites-enabled/*.conf
            """,
            "deploy/httpd/conf.modules.d/00-ssl.conf": "LoadModule ssl_module modules/mod_ssl.so\n",
            "deploy/httpd/conf.d/ssl.conf": """
            Listen 443 https
            SSLPassPhraseDialog exec:/usr/libexec/httpd-ssl-pass-dialog
            <VirtualHost _default_:443>
            SSLEngine on
            ⟨default⟩SSLCertificateFile /etc/pki/tls/certs/localhost.crt
            SSLCertificateKeyFile /etc/pki/tls/private/localhost.key
            </VirtualHost>
            """,
            "deploy/httpd/sites-enabled/shop.conf": """
            <IfModule mod_ssl.c>
                ⟨host⟩<VirtualHost *:443>
                    ServerName shop.example.com
                    SSLEngine on
                    ⟨shop⟩SSLCertificateFile certs/shop.pem
                </VirtualHost>
            </IfModule>
            """,
        ])
        let path = "deploy/httpd/conf/httpd.conf"
        let contents = repo.read(path)
        #expect(contents.included == [
            "deploy/httpd/conf.modules.d/00-ssl.conf", "deploy/httpd/conf.d/ssl.conf", "deploy/httpd/sites-enabled/shop.conf",
        ])
        #expect(contents.problems.map(\.location) == [repo.at("missing", path)])
        #expect(contents.problems.first?.severity == .note)
        #expect(contents.usages.map(\.location) == [
            repo.at("default", "deploy/httpd/conf.d/ssl.conf"), repo.at("shop", "deploy/httpd/sites-enabled/shop.conf"),
        ])
        #expect(contents.usages.map(\.endpoint) == ["apache virtual host _default_:443", "apache virtual host shop.example.com:443"])
        #expect(contents.usages.last?.certificate == .file(path: "certs/shop.pem", base: "deploy/httpd"))
        #expect(contents.usages.last?.endpointID == repo.id("host", "deploy/httpd/sites-enabled/shop.conf"))
    }

    @Test func virtualHostsMergeOverTheMainServerByPosition() {
        let repo = ApacheRepo([
            "apache2.conf": """
            SSLEngine on
            ServerName main.example.com
            ⟨rsa⟩SSLCertificateFile    /etc/ssl/main-rsa.pem
            ⟨rsakey⟩SSLCertificateKeyFile /etc/ssl/main-rsa.key
            ⟨ec⟩SSLCertificateFile    /etc/ssl/main-ecdsa.pem
            SSLCertificateKeyFile /etc/ssl/main-ecdsa.key
            ⟨host⟩<VirtualHost *:443>
                ServerName other.example.com
                ⟨own⟩SSLCertificateFile /etc/ssl/other-rsa.pem
            </VirtualHost>
            """
        ])
        let contents = repo.read("apache2.conf")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.location) == [
            repo.at("rsa", "apache2.conf"), repo.at("ec", "apache2.conf"), repo.at("own", "apache2.conf"), repo.at("ec", "apache2.conf"),
        ])
        #expect(contents.usages.map(\.endpoint) == [
            "apache main server main.example.com:443", "apache main server main.example.com:443",
            "apache virtual host other.example.com:443", "apache virtual host other.example.com:443",
        ])
        // The host's first file replaces the main server's first; the key at that position is still the main server's.
        #expect(contents.usages[2].privateKey == .file(path: "/etc/ssl/main-rsa.key", base: ""))
        #expect(contents.usages[2].hostnames == ["other.example.com"])
        #expect(contents.usages[2].endpointID == repo.id("host", "apache2.conf"))
    }

    @Test func proxyCertificatesAreClientAndServerCAUsages() {
        let repo = ApacheRepo([
            "httpd.conf": """
            ⟨host⟩<VirtualHost *:443>
                ServerName gateway.example.com
                SSLEngine on
                SSLCertificateFile tls/gateway.pem
                SSLProxyEngine on
                ⟨client⟩SSLProxyMachineCertificateFile tls/gateway-client.pem
                SSLProxyMachineCertificateChainFile tls/client-chain.pem
                ⟨ca⟩SSLProxyCACertificateFile tls/backend-ca.pem
                SSLProxyVerify require
                ProxyPass "/api/" "https://api.internal/"
                ⟨proxy⟩<Proxy "https://legacy.internal/">
                    ⟨legacyca⟩SSLProxyCACertificateFile tls/legacy-ca.pem
                    SSLProxyVerify none
                </Proxy>
            </VirtualHost>
            """
        ])
        let contents = repo.read("httpd.conf")
        #expect(contents.problems.isEmpty)
        let outbound = contents.usages.filter { $0.role != .server }
        #expect(outbound.map(\.role) == [.client, .serverCA, .client, .unknown])
        #expect(outbound.map(\.location) == [
            repo.at("client", "httpd.conf"), repo.at("ca", "httpd.conf"), repo.at("client", "httpd.conf"), repo.at("legacyca", "httpd.conf"),
        ])
        #expect(outbound.allSatisfy { $0.installedOn == .application })
        #expect(outbound[0].chain == .file(path: "tls/client-chain.pem", base: ""))
        #expect(outbound[0].endpoint == "apache virtual host gateway.example.com:443 proxy")
        #expect(outbound[2].endpoint == "apache virtual host gateway.example.com:443 proxy to https://legacy.internal/")
        #expect(outbound[0].endpointID == "\(repo.id("host", "httpd.conf")) proxy")
        #expect(outbound[2].endpointID == "\(repo.id("proxy", "httpd.conf")) proxy")
        #expect(outbound[3].note?.contains("none") == true)
    }

    @Test func certificateFoldersAreListed() {
        let repo = ApacheRepo([
            "apache/conf/httpd.conf": """
            <VirtualHost *:443>
                ServerName mtls.example.com
                SSLEngine on
                SSLCertificateFile conf/tls/mtls.pem
                ⟨path⟩SSLCACertificatePath /usr/local/apache2/conf/client-cas/
                SSLVerifyClient require
                ⟨machine⟩SSLProxyMachineCertificatePath conf/outbound
            </VirtualHost>
            """,
            "apache/conf/client-cas/a-root.pem": "",
            "apache/conf/client-cas/b-root.crt": "",
            "apache/conf/client-cas/5ed36f99.0": "",
            "apache/conf/client-cas/README": "",
        ])
        let path = "apache/conf/httpd.conf"
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        let cas = contents.usages.filter { $0.role == .clientCA }
        #expect(cas.map(\.certificate) == [
            .file(path: "apache/conf/client-cas/a-root.pem", base: ""), .file(path: "apache/conf/client-cas/b-root.crt", base: ""),
        ])
        #expect(cas.allSatisfy { $0.location == repo.at("path", path) })
        let machine = contents.usages.filter { $0.role == .client }
        #expect(machine.map(\.location) == [repo.at("machine", path)])
        #expect(machine.first?.certificate == .file(path: "conf/outbound", base: "apache"))
        #expect(machine.first?.note?.contains("folder") == true)
    }

    @Test func unbalancedSectionsAreReportedAndTheRestIsRead() {
        let repo = ApacheRepo([
            "broken.conf": """
            <IfModule mod_ssl.c>
            ⟨first⟩<VirtualHost *:443>
                ServerName first.example.com
                SSLEngine on
                ⟨cert1⟩SSLCertificateFile first.pem
            </IfModule>
            ⟨stray⟩</Directory>
            ⟨second⟩<VirtualHost *:443
                ServerName second.example.com
                SSLEngine on
                ⟨cert2⟩SSLCertificateFile second.pem
            """
        ])
        let contents = repo.read("broken.conf")
        #expect(contents.usages.map(\.location) == [repo.at("cert1", "broken.conf"), repo.at("cert2", "broken.conf")])
        #expect(contents.usages.map(\.endpointID) == [repo.id("first", "broken.conf"), repo.id("second", "broken.conf")])
        #expect(contents.problems.map(\.location) == [
            repo.at("first", "broken.conf"), repo.at("stray", "broken.conf"), repo.at("second", "broken.conf"), repo.at("second", "broken.conf"),
        ])
        #expect(contents.problems.allSatisfy { $0.severity == .error })
        #expect(contents.problems[0].message.contains("not closed before </IfModule>"))
        #expect(contents.problems[1].message.contains("</Directory>"))
        #expect(contents.problems.contains { $0.message.contains("missing its closing") })
        #expect(contents.problems.contains { $0.message.contains("never closed") })
    }

    @Test func unclosedQuotesAndBadValuesAreReported() {
        let repo = ApacheRepo([
            "ssl.conf": """
            <VirtualHost *:443>
                ServerName ⟨quote⟩"quoted.example.com
                SSLEngine on
                ⟨cert⟩SSLCertificateFile quoted.pem
                ⟨bundle⟩SSLCACertificateFile clients.pem
                ⟨verify⟩SSLVerifyClient sometimes
                ⟨empty⟩SSLCertificateChainFile
            </VirtualHost>
            """
        ])
        let contents = repo.read("ssl.conf")
        #expect(contents.problems.map(\.location) == [repo.at("quote", "ssl.conf"), repo.at("verify", "ssl.conf"), repo.at("empty", "ssl.conf")])
        #expect(contents.problems.map(\.severity) == [.warning, .error, .error])
        #expect(contents.usages.map(\.location) == [repo.at("cert", "ssl.conf"), repo.at("bundle", "ssl.conf")])
        #expect(contents.usages.first?.hostnames == ["quoted.example.com"])
        #expect(contents.usages.last?.role == .unknown)
    }

    @Test func certificatesHttpdDoesNotServeAreSaid() {
        let repo = ApacheRepo([
            "sites.conf": """
            <VirtualHost *:80>
                ServerName plain.example.com
                ⟨plain⟩SSLCertificateFile plain.pem
            </VirtualHost>
            <VirtualHost *:443>
                ServerName nocert.example.com
                ⟨engine⟩SSLEngine on
            </VirtualHost>
            <VirtualHost *:443>
                ServerName noca.example.com
                SSLEngine on
                ⟨noca⟩SSLCertificateFile noca.pem
                ⟨verify⟩SSLVerifyClient require
            </VirtualHost>
            """
        ])
        let contents = repo.read("sites.conf")
        #expect(contents.usages.map(\.location) == [repo.at("plain", "sites.conf"), repo.at("noca", "sites.conf")])
        #expect(contents.usages.first?.note?.contains("SSLEngine is not on") == true)
        #expect(contents.problems.map(\.location) == [repo.at("engine", "sites.conf"), repo.at("verify", "sites.conf")])
        #expect(contents.problems.map(\.severity) == [.warning, .error])
        #expect(contents.problems.map(\.check) == [.invalid, .verifyWithoutClientCA])
    }

    @Test func includeCyclesAndDepthAreCapped() {
        var files = [
            "httpd.conf": "Include a.conf\nInclude chain-0.conf\n",
            "a.conf": "⟨back⟩Include httpd.conf\n<VirtualHost *:443>\nSSLEngine on\n⟨cert⟩SSLCertificateFile a.pem\n</VirtualHost>\n",
        ]
        for level in 0..<20 { files["chain-\(level).conf"] = "⟨inc⟩Include chain-\(level + 1).conf\n" }
        let repo = ApacheRepo(files)
        let contents = repo.read("httpd.conf")
        #expect(contents.usages.map(\.location) == [repo.at("cert", "a.conf")])
        #expect(contents.problems.map(\.location) == [repo.at("back", "a.conf"), repo.at("inc", "chain-15.conf")])
        #expect(contents.problems.first?.message.contains("httpd.conf → a.conf → httpd.conf") == true)
        #expect(contents.included.count == 1 + 16)
    }

    @Test func acceptsApacheFilesOnly() {
        #expect(ApacheReader.accepts(path: "etc/httpd/conf/httpd.conf", text: "ServerRoot \"/etc/httpd\"\nListen 80\n"))
        #expect(ApacheReader.accepts(path: "apache2/sites-enabled/000-default", text: "<VirtualHost *:80>\n</VirtualHost>\n"))
        #expect(!ApacheReader.accepts(path: "nginx/nginx.conf", text: "http {\n  server {\n    server_name a;\n  }\n}\n"))
        #expect(!ApacheReader.accepts(path: "k8s/values.yaml", text: "<VirtualHost *:80>\n"))
        #expect(!ApacheReader.accepts(path: "app/app.conf", text: "key = value\n"))
    }

    @Test func seededMutationsNeverTrapOrHang() {
        let sample = """
            Define ROOT /srv
            ServerRoot "/etc/httpd"
            Include conf.d/*.conf
            <IfModule mod_ssl.c>
              <VirtualHost *:443 [2001:db8::1]:443>
                ServerName "a.example.com:443"
                SSLEngine on
                SSLCertificateFile ${ROOT}/a.pem \\
                   
                SSLCACertificatePath conf/cas
                SSLVerifyClient require
                <Location "/x">
                  SSLVerifyClient optional
                </Location>
                <Proxy balancer://b>
                  SSLProxyCACertificateFile ca.pem
                  SSLProxyVerify require
                </Proxy>
              </VirtualHost>
            </IfModule>
            """
        let included = "<VirtualHost *:443>\nSSLEngine on\nInclude ../httpd.conf\nSSLCertificateFile x.pem\n</VirtualHost>\n"
        var generator = SplitMix64(seed: 0x6874_7470_64)
        let alphabet = Array("<>/\\\"' \n\r\t#${}:*".utf8)
        let base = Array(sample.utf8)
        for round in 0..<400 {
            var bytes = base
            for _ in 0..<(1 + Int(generator.next() % 8)) {
                let position = Int(generator.next() % UInt64(bytes.count + 1))
                switch generator.next() % 4 {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                case 2 where position < bytes.count: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                default: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 16)], at: position)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let context = ManifestContext(
                load: { $0 == "conf.d/x.conf" ? included : ($0 == "httpd.conf" ? text : nil) },
                list: { $0 == "conf.d/*.conf" ? ["conf.d/x.conf"] : ($0 == "conf/cas/*" ? ["conf/cas/a.pem"] : []) })
            let contents = ApacheReader.read(path: "httpd.conf", text: text, context: context)
            for problem in contents.problems { #expect((problem.location.line ?? 0) >= 1, "round \(round)") }
            for usage in contents.usages { #expect((usage.location.line ?? 0) >= 1, "round \(round)") }
        }
        for length in stride(from: 0, through: base.count, by: 3) {
            _ = ApacheReader.read(path: "httpd.conf", text: String(decoding: base[..<length], as: UTF8.self), context: .isolated)
        }
        let deep = String(repeating: "<IfModule a>\n", count: 3_000) + "SSLEngine on\n"
        #expect(ApacheReader.read(path: "httpd.conf", text: deep, context: .isolated).problems.contains { $0.message.contains("nested deeper") })
    }
}

