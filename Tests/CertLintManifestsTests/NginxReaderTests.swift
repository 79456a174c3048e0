import CertLintCore
import Foundation
import Testing

@testable import CertLintManifests

// Configurations in the shapes of nginx's own documentation (ngx_http_ssl_module,
// ngx_http_proxy_module, the core module's include), written for these tests. Every position a
// usage or a problem reports is asserted against a ⟨marker⟩ in the text.

private typealias NginxRepo = MarkedRepository<NginxReader>

@Suite struct NginxReaderTests {
    @Test func serverBlockGivesServerUsageAtTheDirective() {
        let repo = NginxRepo([
            "deploy/nginx/nginx.conf": """
            worker_processes auto;
            events { worker_connections 1024; }
            http {
                ⟨server⟩server {
                    listen              443 ssl;
                    listen              [::]:443 ssl;
                    server_name         www.example.com example.com;
                    ⟨cert⟩ssl_certificate     certs/www.example.com.crt;
                    ⟨key⟩ssl_certificate_key certs/www.example.com.key;
                    ssl_protocols       TLSv1.2 TLSv1.3;
                }
            }
            """
        ])
        let contents = repo.read("deploy/nginx/nginx.conf")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 1)
        let usage = contents.usages.first
        #expect(usage?.role == .server)
        #expect(usage?.certificate == .file(path: "certs/www.example.com.crt", base: "deploy/nginx"))
        #expect(usage?.privateKey == .file(path: "certs/www.example.com.key", base: "deploy/nginx"))
        #expect(usage?.hostnames == ["www.example.com", "example.com"])
        #expect(usage?.endpoint == "nginx server www.example.com:443")
        #expect(usage?.platform == "nginx")
        #expect(usage?.installedOn == .appServer)
        #expect(usage?.verifyClient == CertificateUsage.VerifyClient.none)
        #expect(usage?.endpointID == "deploy/nginx/nginx.conf:\(repo.at("server", "deploy/nginx/nginx.conf").line ?? 0)")
        #expect(usage?.location == repo.at("cert", "deploy/nginx/nginx.conf"))
        #expect(usage?.note == nil)
        #expect(repo.at("key", "deploy/nginx/nginx.conf").line == (usage?.location.line ?? 0) + 1)
    }

    @Test func rsaAndECDSACertificatesPairWithTheirKeysInOrder() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                server {
                    listen 443 ssl;
                    server_name shop.example.net;
                    ⟨rsa⟩ssl_certificate     /etc/nginx/tls/shop.rsa.crt;
                    ssl_certificate_key /etc/nginx/tls/shop.rsa.key;
                    ⟨ec⟩ssl_certificate     /etc/nginx/tls/shop.ecdsa.crt;
                    ssl_certificate_key /etc/nginx/tls/shop.ecdsa.key;
                }
            }
            """
        ])
        let usages = repo.read("nginx.conf").usages
        #expect(usages.count == 2)
        #expect(usages.map(\.location) == [repo.at("rsa", "nginx.conf"), repo.at("ec", "nginx.conf")])
        #expect(usages.map(\.certificate) == [
            .file(path: "/etc/nginx/tls/shop.rsa.crt", base: ""), .file(path: "/etc/nginx/tls/shop.ecdsa.crt", base: ""),
        ])
        #expect(usages.map(\.privateKey) == [
            .file(path: "/etc/nginx/tls/shop.rsa.key", base: ""), .file(path: "/etc/nginx/tls/shop.ecdsa.key", base: ""),
        ])
        #expect(Set(usages.map(\.endpointID)).count == 1)
    }

    @Test func clientVerificationMakesAClientCAUsageOfTheSameEndpoint() {
        let repo = NginxRepo([
            "sites-enabled/partners": """
            # Partners authenticate with certificates issued by our partner CA.
            ⟨server⟩server {
                listen 8443 ssl;
                server_name api.partners.example.org;

                ⟨cert⟩ssl_certificate        tls/api.pem;
                ssl_certificate_key    tls/api.key;
                ⟨ca⟩ssl_client_certificate tls/partner-ca.pem;
                ⟨verify⟩ssl_verify_client      on;
                ssl_verify_depth       2;
            }
            """
        ])
        let contents = repo.read("sites-enabled/partners")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.role) == [.server, .clientCA])
        #expect(contents.usages.map(\.verifyClient) == [.required, .required])
        #expect(contents.usages.map(\.location) == [repo.at("cert", "sites-enabled/partners"), repo.at("ca", "sites-enabled/partners")])
        // A site file read on its own starts its paths from the prefix above sites-enabled.
        #expect(contents.usages.last?.certificate == .file(path: "tls/partner-ca.pem", base: ""))
        let id = "sites-enabled/partners:\(repo.at("server", "sites-enabled/partners").line ?? 0)"
        #expect(contents.usages.allSatisfy { $0.endpointID == id })
        #expect(contents.usages.allSatisfy { $0.endpoint == "nginx server api.partners.example.org:8443" })
        #expect(contents.usages.allSatisfy { $0.hostnames == ["api.partners.example.org"] })
    }

    @Test func verifyClientValuesAndTheTrustedCertificate() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                server {
                    listen 443 ssl;
                    server_name a.example.com;
                    ssl_certificate a.crt;
                    ssl_certificate_key a.key;
                    ⟨a-trusted⟩ssl_trusted_certificate chain-for-ocsp.pem;
                    ssl_stapling on;
                    ssl_stapling_verify on;
                }
                server {
                    listen 443 ssl;
                    server_name b.example.com;
                    ssl_certificate b.crt;
                    ssl_certificate_key b.key;
                    ⟨b-client⟩ssl_client_certificate clients.pem;
                    ⟨b-trusted⟩ssl_trusted_certificate more-clients.pem;
                    ssl_verify_client optional;
                }
                server {
                    listen 443 ssl;
                    server_name c.example.com;
                    ssl_certificate c.crt;
                    ssl_certificate_key c.key;
                    ⟨c-client⟩ssl_client_certificate names-only.pem;
                    ssl_verify_client optional_no_ca;
                }
                server {
                    listen 443 ssl;
                    server_name d.example.com;
                    ssl_certificate d.crt;
                    ssl_certificate_key d.key;
                    ⟨d-client⟩ssl_client_certificate ignored.pem;
                    ⟨d-verify⟩ssl_verify_client sometimes;
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        let bundles = contents.usages.filter { $0.role != .server }
        #expect(bundles.map(\.location) == [
            repo.at("a-trusted", "nginx.conf"), repo.at("b-client", "nginx.conf"), repo.at("b-trusted", "nginx.conf"),
            repo.at("c-client", "nginx.conf"), repo.at("d-client", "nginx.conf"),
        ])
        #expect(bundles.map(\.role) == [.unknown, .clientCA, .clientCA, .clientCA, .unknown])
        #expect(bundles.map(\.verifyClient) == [.none, .optional, .optional, .optional, .none])
        #expect(bundles[0].note?.contains("OCSP") == true)
        #expect(bundles[3].note?.contains("optional_no_ca") == true)
        #expect(bundles[4].note?.contains("off") == true)
        #expect(contents.problems.map(\.location) == [repo.at("d-verify", "nginx.conf")])
        #expect(contents.problems.first?.severity == .error)
        #expect(contents.problems.first?.message.contains("\"sometimes\"") == true)
    }

    @Test func httpLevelDirectivesAreInheritedWhateverTheirOrder() {
        let repo = NginxRepo([
            "etc/nginx/nginx.conf": """
            http {
                ⟨first⟩server {
                    listen 443 ssl;
                    server_name first.example.com;
                }
                ⟨second⟩server {
                    listen 443 ssl;
                    server_name second.example.com;
                    ⟨own⟩ssl_certificate second.crt;
                }
                server {
                    listen 80;
                    server_name plain.example.com;
                }
                # Defaults for every TLS server, written after the servers: nginx merges them anyway.
                ⟨shared⟩ssl_certificate     shared.crt;
                ⟨sharedkey⟩ssl_certificate_key shared.key;
                ⟨ca⟩ssl_client_certificate  clients.pem;
                ssl_verify_client       on;
            }
            """
        ])
        let path = "etc/nginx/nginx.conf"
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.role) == [.server, .clientCA, .server, .clientCA])
        #expect(contents.usages.map(\.location) == [
            repo.at("shared", path), repo.at("ca", path), repo.at("own", path), repo.at("ca", path),
        ])
        // The key is inherited on its own and pairs with the server's own certificate.
        #expect(contents.usages[2].privateKey == .file(path: "shared.key", base: "etc/nginx"))
        #expect(contents.usages.map(\.endpointID) == [
            "\(path):\(repo.at("first", path).line ?? 0)", "\(path):\(repo.at("first", path).line ?? 0)",
            "\(path):\(repo.at("second", path).line ?? 0)", "\(path):\(repo.at("second", path).line ?? 0)",
        ])
        #expect(contents.usages.allSatisfy { !$0.hostnames.contains("plain.example.com") })
    }

    @Test func proxyCertificatesAreClientUsagesInheritedIntoLocations() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                upstream backend { server 10.0.0.7:8443; }
                ⟨server⟩server {
                    listen 443 ssl;
                    server_name portal.example.com;
                    ssl_certificate portal.crt;
                    ssl_certificate_key portal.key;

                    ⟨client⟩proxy_ssl_certificate         /etc/nginx/client/portal-client.pem;
                    proxy_ssl_certificate_key     /etc/nginx/client/portal-client.key;
                    ⟨trusted⟩proxy_ssl_trusted_certificate /etc/nginx/client/backend-ca.pem;
                    proxy_ssl_verify              on;
                    proxy_ssl_verify_depth        2;

                    location / {
                        proxy_pass https://backend;
                    }
                    ⟨legacy⟩location /legacy/ {
                        proxy_pass https://legacy.internal;
                        ⟨off⟩proxy_ssl_verify off;
                    }
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.problems.isEmpty)
        let outbound = contents.usages.filter { $0.role != .server }
        #expect(outbound.map(\.role) == [.client, .serverCA, .client, .unknown])
        #expect(outbound.map(\.location) == [
            repo.at("client", "nginx.conf"), repo.at("trusted", "nginx.conf"), repo.at("client", "nginx.conf"),
            repo.at("trusted", "nginx.conf"),
        ])
        #expect(outbound.allSatisfy { $0.installedOn == .application })
        #expect(outbound[0].privateKey == .file(path: "/etc/nginx/client/portal-client.key", base: ""))
        #expect(outbound[0].endpoint == "nginx server portal.example.com:443 proxy")
        #expect(outbound[2].endpoint == "nginx server portal.example.com:443 location /legacy/ proxy to https://legacy.internal")
        #expect(outbound[0].endpointID == "nginx.conf:\(repo.at("server", "nginx.conf").line ?? 0) proxy")
        #expect(outbound[2].endpointID == "nginx.conf:\(repo.at("legacy", "nginx.conf").line ?? 0) proxy")
        #expect(outbound[3].note?.contains("proxy_ssl_verify is off") == true)
        // Outbound identities never pair with the inbound server usage.
        #expect(!outbound.contains { $0.endpointID == contents.usages.first?.endpointID })
    }

    @Test func includesAreFollowedWithGlobsRelativeAndAbsolutePaths() {
        let repo = NginxRepo([
            "ops/nginx/nginx.conf": """
            user nginx;
            include /etc/nginx/modules-enabled/*.conf;
            http {
                include       mime.types;
                ⟨tls⟩include /etc/nginx/snippets/tls-defaults.conf;
                include conf.d/*.conf;
            }
            """,
            "ops/nginx/snippets/tls-defaults.conf": """
            ssl_protocols TLSv1.2 TLSv1.3;
            ⟨cert⟩ssl_certificate     tls/wildcard.example.com.pem;
            ssl_certificate_key tls/wildcard.example.com.key;
            """,
            "ops/nginx/conf.d/b-shop.conf": """
            ⟨server⟩server {
                listen 443 ssl;
                server_name shop.example.com;
            }
            """,
            "ops/nginx/conf.d/a-blog.conf": """
            server {
                listen 443 ssl;
                server_name blog.example.com;
                ⟨own⟩ssl_certificate     tls/blog.pem;
                ssl_certificate_key tls/blog.key;
            }
            """,
            "ops/nginx/conf.d/notes.txt": "server { listen 443 ssl; }",
        ])
        let contents = repo.read("ops/nginx/nginx.conf")
        #expect(contents.problems.isEmpty)
        #expect(contents.included == [
            "ops/nginx/snippets/tls-defaults.conf", "ops/nginx/conf.d/a-blog.conf", "ops/nginx/conf.d/b-shop.conf",
        ])
        #expect(contents.usages.map(\.hostnames) == [["blog.example.com"], ["shop.example.com"]])
        #expect(contents.usages.map(\.location) == [
            repo.at("own", "ops/nginx/conf.d/a-blog.conf"), repo.at("cert", "ops/nginx/snippets/tls-defaults.conf"),
        ])
        #expect(contents.usages.last?.certificate == .file(path: "tls/wildcard.example.com.pem", base: "ops/nginx"))
        #expect(contents.usages.last?.endpointID == "ops/nginx/conf.d/b-shop.conf:\(repo.at("server", "ops/nginx/conf.d/b-shop.conf").line ?? 0)")
    }

    @Test func includeCyclesMissingFilesAndCapsAreProblems() {
        var files = [
            "nginx.conf": """
            http {
                ⟨missing⟩include /etc/nginx/sites-enabled/default;
                include loop-a.conf;
                include chain-0.conf;
            }
            """,
            "loop-a.conf": "⟨a⟩include loop-b.conf;\nserver { listen 443 ssl; server_name loop.example.com; ⟨cert⟩ssl_certificate loop.crt; ssl_certificate_key loop.key; }\n",
            "loop-b.conf": "⟨b⟩include loop-a.conf;\n",
        ]
        for level in 0..<20 { files["chain-\(level).conf"] = "⟨inc⟩include chain-\(level + 1).conf;\n" }
        let repo = NginxRepo(files)
        let contents = repo.read("nginx.conf")
        #expect(contents.usages.map(\.location) == [repo.at("cert", "loop-a.conf")])
        // Problems are ordered by place: path, then line.
        #expect(contents.problems.map(\.location) == [repo.at("inc", "chain-15.conf"), repo.at("b", "loop-b.conf"), repo.at("missing", "nginx.conf")])
        #expect(contents.problems.map(\.severity) == [.error, .error, .note])
        #expect(contents.problems[0].message.contains("16"))
        #expect(contents.problems[1].message.contains("loop-a.conf → loop-b.conf → loop-a.conf"))
        #expect(contents.included.count == 2 + 16)
    }

    @Test func tokenizerHandlesQuotesEscapesVariablesCommentsAndSplitDirectives() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
            \tmap $ssl_server_name $cert_name { default "main"; }
            \tserver {
            \t\tlisten\t443   ssl ;  # the trailing space before ; is fine
            \t\tserver_name "quoted.example.com" 'single.example.com' hash#not-a-comment.example.com;
            \t\t⟨split⟩ssl_certificate
            \t\t\t"/etc/ssl/with space/\\"odd\\".crt"
            \t\t;
            \t\tssl_certificate_key '/etc/ssl/with space/odd.key';
            \t\t⟨dynamic⟩ssl_certificate /etc/ssl/${cert_name}.crt; ssl_certificate_key /etc/ssl/$cert_name.key;
            \t\tadd_header X-Note "a;b{c}" always;
            \t}
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 2)
        #expect(contents.usages.first?.location == repo.at("split", "nginx.conf"))
        #expect(contents.usages.first?.certificate == .file(path: "/etc/ssl/with space/\"odd\".crt", base: ""))
        #expect(contents.usages.first?.privateKey == .file(path: "/etc/ssl/with space/odd.key", base: ""))
        #expect(contents.usages.first?.hostnames == ["quoted.example.com", "single.example.com", "hash#not-a-comment.example.com"])
        #expect(contents.usages.last?.location == repo.at("dynamic", "nginx.conf"))
        #expect(contents.usages.last?.certificate == .external("/etc/ssl/${cert_name}.crt"))
        #expect(contents.usages.last?.note?.contains("variables") == true)
    }

    @Test func crlfLineEndingsKeepPositions() {
        let marked = MarkedText(
            """
            http {
              server {
                listen 443 ssl http2;
                server_name  crlf.example.com;
                ⟨cert⟩ssl_certificate crlf.pem;
                ssl_certificate_key crlf.key;
                ⟨broken⟩ssl_verify_client maybe;
              }
            }

            """)
        let text = marked.text.replacingOccurrences(of: "\n", with: "\r\n")
        let contents = NginxReader.read(path: "win/nginx.conf", text: text, context: .isolated)
        #expect(contents.usages.map(\.location) == [marked.location("cert", in: "win/nginx.conf")])
        #expect(contents.usages.first?.certificate == .file(path: "crlf.pem", base: "win"))
        #expect(contents.problems.map(\.location) == [marked.location("broken", in: "win/nginx.conf")])
    }

    @Test func unbalancedBracesAreReportedAndTheRestIsRead() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                server {
                    listen 443 ssl;
                    server_name ok.example.com;
                    ⟨ok⟩ssl_certificate ok.crt;
                    ssl_certificate_key ok.key;
                }
            }
            ⟨stray⟩}
            ⟨open⟩server {
                listen 443 ssl;
                server_name unclosed.example.com;
                ⟨unclosed⟩ssl_certificate unclosed.crt;
                ⟨nosemi⟩ssl_certificate_key unclosed.key
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.usages.map(\.location) == [repo.at("ok", "nginx.conf"), repo.at("unclosed", "nginx.conf")])
        #expect(contents.usages.last?.privateKey == .file(path: "unclosed.key", base: ""))
        #expect(contents.problems.map(\.location) == [
            repo.at("stray", "nginx.conf"), repo.at("open", "nginx.conf"), repo.at("nosemi", "nginx.conf"),
        ])
        #expect(contents.problems.allSatisfy { $0.severity == .error })
        #expect(contents.problems[1].message.contains("never closed"))
    }

    @Test func unterminatedQuoteIsReportedAtItsLine() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                server {
                    listen 443 ssl;
                    server_name ⟨quote⟩"broken.example.com;
                    ⟨cert⟩ssl_certificate "broken.crt";
                    ssl_certificate_key broken.key;
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.problems.map(\.location) == [repo.at("quote", "nginx.conf")])
        #expect(contents.problems.first?.message.contains("quote") == true)
        #expect(contents.usages.map(\.location) == [repo.at("cert", "nginx.conf")])
        #expect(contents.usages.first?.certificate == .file(path: "broken.crt", base: ""))
    }

    @Test func serverNamesListensAndEndpoints() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                server {
                    listen 443 ssl default_server;
                    server_name _;
                    ⟨default⟩ssl_certificate default.crt;
                    ssl_certificate_key default.key;
                }
                server {
                    listen [2001:db8::1]:8443 ssl;
                    listen 443 quic reuseport;
                    server_name .example.com ~^(?<user>.+)\\.example\\.net$ www.example.*;
                    ⟨wild⟩ssl_certificate wild.crt;
                    ssl_certificate_key wild.key;
                }
                server {
                    listen 10.1.2.3:443;
                    ssl on;
                    ⟨legacy⟩ssl_certificate legacy.crt;
                    ssl_certificate_key legacy.key;
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.location) == [
            repo.at("default", "nginx.conf"), repo.at("wild", "nginx.conf"), repo.at("legacy", "nginx.conf"),
        ])
        #expect(contents.usages.map(\.endpoint) == [
            "nginx server :443", "nginx server example.com:8443", "nginx server 10.1.2.3:443",
        ])
        #expect(contents.usages.map(\.hostnames) == [
            [], ["example.com", "*.example.com", "~^(?<user>.+)\\.example\\.net$", "www.example.*"], [],
        ])
        #expect(contents.usages[1].note?.contains("regular expression") == true)
    }

    @Test func certificatesNginxDoesNotServeAreSaid() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                server {
                    listen 80;
                    server_name plain.example.com;
                    ⟨unused⟩ssl_certificate plain.crt;
                    ssl_certificate_key plain.key;
                }
                ⟨nocert⟩server {
                    listen 443 ssl;
                    server_name nocert.example.com;
                }
                server {
                    listen 443 ssl;
                    server_name reject.example.com;
                    ssl_reject_handshake on;
                }
                server {
                    listen 443 ssl;
                    server_name nokey.example.com;
                    ⟨nokey⟩ssl_certificate nokey.crt;
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.usages.map(\.location) == [repo.at("unused", "nginx.conf"), repo.at("nokey", "nginx.conf")])
        #expect(contents.usages.first?.role == .server)
        #expect(contents.usages.first?.note?.contains("ssl parameter") == true)
        #expect(contents.usages.last?.privateKey == nil)
        #expect(contents.problems.map(\.location) == [repo.at("nocert", "nginx.conf"), repo.at("nokey", "nginx.conf")])
        #expect(contents.problems.allSatisfy { $0.severity == .warning })
    }

    @Test func streamServersAndInlineCertificates() {
        let repo = NginxRepo([
            "nginx.conf": """
            stream {
                ⟨server⟩server {
                    listen 5671 ssl;
                    ⟨cert⟩ssl_certificate "data:-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----";
                    ssl_certificate_key engine:pkcs11:id_45;
                    proxy_pass rabbit:5672;
                    ⟨client⟩proxy_ssl_certificate rabbit-client.pem;
                    proxy_ssl_certificate_key rabbit-client.key;
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.role) == [.server, .client])
        #expect(contents.usages.map(\.location) == [repo.at("cert", "nginx.conf"), repo.at("client", "nginx.conf")])
        #expect(contents.usages.first?.certificate == .inline("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"))
        #expect(contents.usages.first?.privateKey == .external("engine:pkcs11:id_45"))
        #expect(contents.usages.first?.endpoint == "nginx stream server :5671")
        #expect(contents.usages.last?.endpoint == "nginx stream server :5671 proxy to rabbit:5672")
    }

    @Test func duplicatesAndWrongArityAreProblems() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                server {
                    listen 443 ssl;
                    ⟨arity⟩ssl_certificate a.crt b.crt;
                    ssl_certificate c.crt;
                    ssl_certificate_key c.key;
                    ssl_client_certificate ca1.pem;
                    ⟨dup⟩ssl_client_certificate ca2.pem;
                    ssl_verify_client on;
                    ⟨semi⟩;
                    ⟨include⟩include;
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        #expect(contents.problems.map(\.location) == [
            repo.at("arity", "nginx.conf"), repo.at("dup", "nginx.conf"), repo.at("semi", "nginx.conf"),
            repo.at("include", "nginx.conf"),
        ])
        #expect(contents.usages.map(\.certificate) == [.file(path: "c.crt", base: ""), .file(path: "ca1.pem", base: "")])
    }

    @Test func verifyingCallersWithoutACABundleIsAnError() {
        let repo = NginxRepo([
            "nginx.conf": """
            http {
                ssl_client_certificate  shared-ca.pem;
                server {
                    listen 443 ssl;
                    server_name inherits.example.com;
                    ssl_certificate a.crt;
                    ssl_certificate_key a.key;
                    ssl_verify_client on;
                }
            }
            stream {
                server {
                    listen 8443 ssl;
                    ssl_certificate b.crt;
                    ssl_certificate_key b.key;
                    \t⟨verify⟩ssl_verify_client   optional;
                }
                server {
                    listen 9443 ssl;
                    ssl_certificate c.crt;
                    ssl_certificate_key c.key;
                    ssl_verify_client optional_no_ca;
                }
            }
            """
        ])
        let contents = repo.read("nginx.conf")
        // The http server inherits the CA bundle; the stream server has none; optional_no_ca asks for none.
        #expect(contents.problems.map(\.location) == [repo.at("verify", "nginx.conf")])
        #expect(contents.problems.map(\.check) == [.verifyWithoutClientCA])
        #expect(contents.problems.map(\.severity) == [.error])
        #expect(contents.usages.filter { $0.role == .clientCA }.map(\.certificate) == [.file(path: "shared-ca.pem", base: "")])
    }

    @Test func acceptsNginxFilesOnly() {
        #expect(NginxReader.accepts(path: "nginx/nginx.conf", text: "events {}\nhttp {\n  server {\n    listen 80;\n  }\n}\n"))
        #expect(NginxReader.accepts(path: "etc/nginx/sites-available/default", text: "server {\n listen 443 ssl;\n}\n"))
        #expect(!NginxReader.accepts(path: "apache/ssl.conf", text: "<VirtualHost *:443>\n  SSLEngine on\n</VirtualHost>\n"))
        #expect(!NginxReader.accepts(path: "k8s/deploy.yaml", text: "server {\n listen 443 ssl;\n}\n"))
        #expect(!NginxReader.accepts(path: "haproxy/haproxy.cfg", text: "frontend www\n  bind :443 ssl crt a.pem\n"))
        #expect(!NginxReader.accepts(path: "app/settings.conf", text: "key = value\n"))
    }

    @Test func seededMutationsNeverTrapOrHang() {
        let samples = [
            """
            http {
                include conf.d/*.conf;
                server { listen 443 ssl; server_name "a.example.com" ~^b\\d+$; ssl_certificate a.crt; ssl_certificate_key a.key;
                    ssl_client_certificate 'ca.pem'; ssl_verify_client on;
                    location /x/ { proxy_pass https://u; proxy_ssl_certificate c.pem; proxy_ssl_certificate_key c.key;
                        proxy_ssl_trusted_certificate t.pem; proxy_ssl_verify on; if ($x) { proxy_ssl_verify off; } }
                }
                map $a ${b} { default "x\\"y"; }
            }
            stream { server { listen 1443 ssl; ssl_certificate data:$var; } }
            """
        ]
        let included = "server { listen 443 ssl; ssl_certificate inc.crt; include ../nginx.conf; }\n"
        var generator = SplitMix64(seed: 0x6E67_696E_78)
        let alphabet = Array("{};\"'\\#$ \n\r\tx~.*/".utf8)
        for round in 0..<400 {
            for sample in samples {
                var bytes = Array(sample.utf8)
                for _ in 0..<(1 + Int(generator.next() % 8)) {
                    let position = Int(generator.next() % UInt64(bytes.count + 1))
                    switch generator.next() % 4 {
                    case 0 where position < bytes.count: bytes.remove(at: position)
                    case 1: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                    case 2 where position < bytes.count: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                    default: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 12)], at: position)
                    }
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let context = ManifestContext(
                    load: { $0 == "conf.d/x.conf" ? included : ($0 == "nginx.conf" ? text : nil) },
                    list: { $0 == "conf.d/*.conf" ? ["conf.d/x.conf"] : [] })
                let contents = NginxReader.read(path: "nginx.conf", text: text, context: context)
                for problem in contents.problems {
                    #expect((problem.location.line ?? 0) >= 1, "round \(round)")
                }
                for usage in contents.usages { #expect((usage.location.line ?? 0) >= 1, "round \(round)") }
            }
        }
        // Every prefix of the sample reads cleanly too.
        let sample = Array(samples[0].utf8)
        for length in stride(from: 0, through: sample.count, by: 3) {
            _ = NginxReader.read(path: "nginx.conf", text: String(decoding: sample[..<length], as: UTF8.self), context: .isolated)
        }
    }

    @Test func deepNestingAndManyTokensAreBounded() {
        let deep = String(repeating: "location / { ", count: 5_000) + String(repeating: "} ", count: 5_000)
        let contents = NginxReader.read(path: "nginx.conf", text: "http { server { listen 443 ssl; \(deep) } }", context: .isolated)
        #expect(contents.problems.contains { $0.message.contains("nested deeper") })
        let many = String(repeating: "a ", count: 600_000)
        let large = NginxReader.read(path: "nginx.conf", text: many, context: .isolated)
        #expect(large.problems.contains { $0.message.contains("tokens") })
    }
}

