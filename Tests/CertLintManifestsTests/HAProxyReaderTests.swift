import CertLintCore
import Foundation
import Testing

@testable import CertLintManifests

// Configurations in the shapes of HAProxy's configuration manual (global, defaults, frontend,
// backend, listen and crt-store sections; bind and server options; crt-list files), written for
// these tests. Every position a usage or a problem reports is asserted against a ⟨marker⟩ in
// the text.

private typealias HAProxyRepo = MarkedRepository<HAProxyReader>

@Suite struct HAProxyReaderTests {
    @Test func bindWithCrtGivesServerUsageAtTheCrtKeyword() {
        let path = "deploy/haproxy/haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            # HAProxy 2.8, TLS termination for www.example.com
            global
            \tlog /dev/log local0
            \tmaxconn 4096
            \tssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets

            defaults
            \tmode http
            \ttimeout connect 5s
            \ttimeout client  30s
            \ttimeout server  30s

            frontend fe_https
            \t⟨bind⟩bind :443 ssl ⟨crt⟩crt /etc/haproxy/certs/site.pem alpn h2,http/1.1
            \thttp-request set-header X-Forwarded-Proto https
            \tdefault_backend be_app

            backend be_app
            \tbalance roundrobin
            \tserver app1 10.0.0.11:8080 check
            \tserver app2 10.0.0.12:8080 check
            """
        ])
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.included.isEmpty)
        #expect(contents.usages.count == 1)
        let usage = contents.usages.first
        #expect(usage?.role == .server)
        #expect(usage?.certificate == .file(path: "/etc/haproxy/certs/site.pem", base: "deploy/haproxy"))
        #expect(usage?.privateKey == nil)
        #expect(usage?.chain == nil)
        #expect(usage?.hostnames == [])
        #expect(usage?.endpoint == "haproxy frontend fe_https :443")
        #expect(usage?.platform == "haproxy")
        #expect(usage?.installedOn == .loadBalancer)
        #expect(usage?.verifyClient == CertificateUsage.VerifyClient.none)
        #expect(usage?.endpointID == repo.id("bind", path))
        #expect(usage?.note == nil)
        // At the crt keyword (a tab counts as one column), not at the bind keyword.
        #expect(usage?.location == repo.at("crt", path))
        #expect(usage?.location == CertLintCore.SourceLocation(path: path, line: 14, column: 16))
        #expect(repo.at("bind", path).column == 2)
    }

    @Test func severalCrtOptionsAndBindsInFrontendAndListenSections() {
        let path = "lb/haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            frontend fe_multi
                mode http
                ⟨bind1⟩bind 10.0.0.5:443,10.0.0.6:443 ssl ⟨rsa⟩crt site.rsa.pem ⟨ec⟩crt   site.ecdsa.pem strict-sni
                ⟨bind2⟩bind :::8443 v4v6 ssl ⟨other⟩crt "certs/other site.pem"
            .if defined(HAPROXY_QUIC)
                ⟨quic⟩bind quic4@:443 ⟨quiccrt⟩crt site.rsa.pem alpn h3
            .endif
                ⟨plainbind⟩bind :8080 ⟨plain⟩crt plain.pem
                default_backend be_web

            listen stats_tls
                ⟨statsbind⟩bind *:9443 ssl ⟨stats⟩crt /etc/haproxy/stats.pem
                stats enable
                stats uri /

            backend be_web
                bind :8443 ssl crt never-read.pem
                server web1 10.0.0.21:80
            """
        ])
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.allSatisfy { $0.role == .server && $0.installedOn == .loadBalancer })
        #expect(contents.usages.map(\.location) == [
            repo.at("rsa", path), repo.at("ec", path), repo.at("other", path), repo.at("quiccrt", path), repo.at("plain", path),
            repo.at("stats", path),
        ])
        #expect(contents.usages.map(\.certificate) == [
            .file(path: "site.rsa.pem", base: "lb"), .file(path: "site.ecdsa.pem", base: "lb"),
            .file(path: "certs/other site.pem", base: "lb"), .file(path: "site.rsa.pem", base: "lb"),
            .file(path: "plain.pem", base: "lb"), .file(path: "/etc/haproxy/stats.pem", base: "lb"),
        ])
        // The two crt options of one bind line are one endpoint; each bind line is its own.
        #expect(contents.usages.map(\.endpointID) == [
            repo.id("bind1", path), repo.id("bind1", path), repo.id("bind2", path), repo.id("quic", path),
            repo.id("plainbind", path), repo.id("statsbind", path),
        ])
        #expect(contents.usages.map(\.endpoint) == [
            "haproxy frontend fe_multi 10.0.0.5:443,10.0.0.6:443", "haproxy frontend fe_multi 10.0.0.5:443,10.0.0.6:443",
            "haproxy frontend fe_multi :::8443", "haproxy frontend fe_multi quic4@:443", "haproxy frontend fe_multi :8080",
            "haproxy listen stats_tls *:9443",
        ])
        // A QUIC address is TLS without the ssl keyword; a plain bind is not.
        #expect(contents.usages.map { $0.note == nil } == [true, true, true, true, false, true])
        #expect(contents.usages[4].note == "This bind line has no ssl keyword, so HAProxy does not use TLS on it.")
    }

    @Test func crtBaseCaBaseFoldersAndRelativePaths() {
        let path = "ops/haproxy/haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            global
                crt-base /etc/haproxy/ssl
                ca-base  /etc/haproxy/ca

            frontend fe_tls
                ⟨bind⟩bind :443 ssl ⟨dir⟩crt /etc/haproxy/certs/ ⟨rel⟩crt site.pem ⟨abs⟩crt /srv/tls/abs.pem ⟨ca⟩ca-file clients.pem verify optional
                ⟨bind2⟩bind :8443 ssl ⟨missing⟩crt /etc/haproxy/missing/
            """,
            "ops/haproxy/certs/a.example.com.pem": "",
            "ops/haproxy/certs/a.example.com.pem.key": "",
            "ops/haproxy/certs/b.example.com.pem": "",
            "ops/haproxy/certs/b.example.com.pem.ocsp": "",
            "ops/haproxy/certs/b.example.com.pem.issuer": "",
            "ops/haproxy/certs/.gitkeep": "",
            "ops/haproxy/certs/sub/c.example.com.pem": "",
        ])
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.role) == [.server, .server, .server, .server, .clientCA, .server])
        #expect(contents.usages.map(\.certificate) == [
            // The folder's certificates, without companions, hidden files or subfolders.
            .file(path: "ops/haproxy/certs/a.example.com.pem", base: ""),
            .file(path: "ops/haproxy/certs/b.example.com.pem", base: ""),
            // Relative paths go under crt-base / ca-base; absolute ones do not.
            .file(path: "/etc/haproxy/ssl/site.pem", base: "ops/haproxy"),
            .file(path: "/srv/tls/abs.pem", base: "ops/haproxy"),
            .file(path: "/etc/haproxy/ca/clients.pem", base: "ops/haproxy"),
            .file(path: "/etc/haproxy/missing/", base: "ops/haproxy"),
        ])
        #expect(contents.usages.map(\.location) == [
            repo.at("dir", path), repo.at("dir", path), repo.at("rel", path), repo.at("abs", path), repo.at("ca", path),
            repo.at("missing", path),
        ])
        #expect(contents.usages.map(\.verifyClient) == [.optional, .optional, .optional, .optional, .optional, .none])
        #expect(contents.usages.map(\.endpointID) == Array(repeating: repo.id("bind", path), count: 5) + [repo.id("bind2", path)])
        #expect(contents.usages.prefix(5).allSatisfy { $0.note == nil })
        #expect(
            contents.usages.last?.note
                == "/etc/haproxy/missing/ is a folder of certificates that is not in the repository; its certificates cannot be checked.")
    }

    @Test func caFileWithVerifyRequiredOrOptionalIsClientCAOfTheSameEndpoint() {
        let path = "haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            frontend fe_mtls
                ⟨bind⟩bind :8443 ssl ⟨crt⟩crt /etc/haproxy/certs/api.pem ⟨ca⟩ca-file /etc/haproxy/ca/partners.pem verify required
                http-request set-header X-SSL-Client-DN %{+Q}[ssl_c_s_dn]
                default_backend be_api

            frontend fe_optional
                ⟨bind2⟩bind :9443 ssl ⟨crt2⟩crt api.pem verify optional ⟨verifyonly⟩ca-verify-file ca/verify-only.pem ⟨names⟩ca-file ca/names.pem

            frontend fe_unused_ca
                ⟨bind3⟩bind :10443 ssl ⟨crt3⟩crt api.pem ⟨unused⟩ca-file ca/unused.pem
            """
        ])
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.role) == [.server, .clientCA, .server, .clientCA, .clientCA, .server, .unknown])
        #expect(contents.usages.map(\.verifyClient) == [.required, .required, .optional, .optional, .optional, .none, .none])
        // ca-file before ca-verify-file, whatever their order on the line.
        #expect(contents.usages.map(\.location) == [
            repo.at("crt", path), repo.at("ca", path), repo.at("crt2", path), repo.at("names", path), repo.at("verifyonly", path),
            repo.at("crt3", path), repo.at("unused", path),
        ])
        #expect(contents.usages.map(\.certificate) == [
            .file(path: "/etc/haproxy/certs/api.pem", base: ""), .file(path: "/etc/haproxy/ca/partners.pem", base: ""),
            .file(path: "api.pem", base: ""), .file(path: "ca/names.pem", base: ""), .file(path: "ca/verify-only.pem", base: ""),
            .file(path: "api.pem", base: ""), .file(path: "ca/unused.pem", base: ""),
        ])
        #expect(contents.usages.map(\.endpointID) == [
            repo.id("bind", path), repo.id("bind", path), repo.id("bind2", path), repo.id("bind2", path), repo.id("bind2", path),
            repo.id("bind3", path), repo.id("bind3", path),
        ])
        #expect(contents.usages[1].endpoint == "haproxy frontend fe_mtls :8443")
        #expect(contents.usages.map(\.note) == [
            nil, nil, nil, nil, "ca-verify-file verifies callers without naming its CAs to them.", nil,
            "verify is none here (HAProxy's default), so callers are not asked for certificates and this bundle verifies no one.",
        ])
    }

    @Test func verifyWithoutCAFileIsAnErrorAtTheVerifyKeyword() {
        let path = "etc/haproxy/haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            frontend fe_broken_mtls
                bind :8443 ssl crt site.pem ⟨verify⟩verify required
            frontend fe_optional_no_ca
            \tbind\t:9443\tssl\tcrt site.pem\t⟨verify2⟩verify\toptional
            frontend fe_bad_value
                bind :10443 ssl crt site.pem ca-file ca.pem verify ⟨value⟩sometimes
            frontend fe_none
                bind :11443 ssl crt site.pem verify none
            """
        ])
        let contents = repo.read(path)
        #expect(contents.problems.map(\.location) == [repo.at("verify", path), repo.at("verify2", path), repo.at("value", path)])
        #expect(contents.problems.map(\.location.line) == [2, 4, 6])
        #expect(contents.problems.map(\.location.column) == [33, 30, 56])
        #expect(contents.problems.map(\.severity) == [.error, .error, .error])
        #expect(contents.problems.map(\.check) == [.verifyWithoutClientCA, .verifyWithoutClientCA, .invalid])
        #expect(contents.problems.map(\.message) == [
            "verify required asks callers for certificates, but this bind line names no ca-file; HAProxy refuses it.",
            "verify optional asks callers for certificates, but this bind line names no ca-file; HAProxy refuses it.",
            "verify takes none, optional or required, not \"sometimes\"; HAProxy refuses it.",
        ])
        #expect(contents.usages.map(\.role) == [.server, .server, .server, .unknown, .server])
        #expect(contents.usages.map(\.verifyClient) == [.required, .optional, .none, .none, .none])
    }

    @Test func crtListsAreReadWithTheirFiltersAndOptions() {
        let path = "deploy/haproxy/haproxy.cfg"
        let list = "deploy/haproxy/crt-list.txt"
        let api = "deploy/haproxy/lists/api.lst"
        let repo = HAProxyRepo([
            path: """
            global
                log stdout format raw local0

            frontend fe_sni
                mode http
                ⟨bind⟩bind :443 ssl ⟨list⟩crt-list /etc/haproxy/crt-list.txt ⟨ca⟩ca-file ca/default-clients.pem
                bind :8443 ssl ⟨missing⟩crt-list /etc/haproxy/other/list.txt

            frontend fe_api
                ⟨apibind⟩bind :9443 ssl crt-list lists/api.lst verify required
            """,
            list: """
            # <certificate>                 [<options>]                            [<sni filters>]
            ⟨www⟩/etc/haproxy/certs/www.pem                                        www.example.com example.com
            ⟨wild⟩certs/wildcard.pem   [alpn h2,http/1.1 ssl-min-ver TLSv1.2]   *.example.com !admin.example.com
            ⟨partner⟩certs/partner.pem  [⟨pca⟩ca-file ca/partners.pem verify required]   partners.example.com
            ⟨plain⟩certs/default.pem
            """,
            api: """
            ⟨api⟩certs/api.pem [⟨apica⟩ca-file ca/api-clients.pem] api.example.com
            ⟨legacy⟩certs/legacy.pem\tlegacy.example.com
            """,
        ])
        let contents = repo.read(path)
        #expect(contents.included == [list, api])
        #expect(contents.problems.count == 1)
        let problem = contents.problems.first
        #expect(problem?.location == repo.at("missing", path))
        #expect(problem?.severity == .note)
        #expect(problem?.check == .outsideRepository)
        #expect(problem?.message == "The crt-list /etc/haproxy/other/list.txt is not in the repository; the certificates it lists are not read.")

        let usages = contents.usages
        #expect(usages.map(\.role) == [.server, .server, .server, .clientCA, .server, .unknown, .server, .clientCA, .server])
        #expect(usages.map(\.location) == [
            repo.at("www", list), repo.at("wild", list), repo.at("partner", list), repo.at("pca", list), repo.at("plain", list),
            repo.at("ca", path), repo.at("api", api), repo.at("apica", api), repo.at("legacy", api),
        ])
        #expect(usages.map(\.certificate) == [
            .file(path: "/etc/haproxy/certs/www.pem", base: "deploy/haproxy"), .file(path: "certs/wildcard.pem", base: "deploy/haproxy"),
            .file(path: "certs/partner.pem", base: "deploy/haproxy"), .file(path: "ca/partners.pem", base: "deploy/haproxy"),
            .file(path: "certs/default.pem", base: "deploy/haproxy"), .file(path: "ca/default-clients.pem", base: "deploy/haproxy"),
            .file(path: "certs/api.pem", base: "deploy/haproxy"), .file(path: "ca/api-clients.pem", base: "deploy/haproxy"),
            .file(path: "certs/legacy.pem", base: "deploy/haproxy"),
        ])
        // Positive SNI filters are the hostnames; "!" filters are not.
        #expect(usages.map(\.hostnames) == [
            ["www.example.com", "example.com"], ["*.example.com"], ["partners.example.com"], ["partners.example.com"], [], [],
            ["api.example.com"], ["api.example.com"], ["legacy.example.com"],
        ])
        #expect(usages.map(\.verifyClient) == [.none, .none, .required, .required, .none, .none, .required, .required, .required])
        // A crt-list line with its own verify or ca-file is an endpoint of its own.
        let bind = repo.id("bind", path)
        let apiBind = repo.id("apibind", path)
        let partner = "\(bind) \(list):\(repo.at("partner", list).line ?? 0)"
        let apiLine = "\(apiBind) \(api):\(repo.at("api", api).line ?? 0)"
        #expect(usages.map(\.endpointID) == [bind, bind, partner, partner, bind, bind, apiLine, apiLine, apiBind])
        #expect(usages.prefix(6).allSatisfy { $0.endpoint == "haproxy frontend fe_sni :443" })
        #expect(usages.suffix(3).allSatisfy { $0.endpoint == "haproxy frontend fe_api :9443" })
        #expect(usages.map { $0.note == nil } == [true, true, true, true, true, false, true, true, true])
    }

    @Test func crtListLineWithItsOwnVerifyIsVerifiedWithTheBindCAFile() {
        // HAProxy's ssl_sock_prepare_ctx takes a crt-list line's verify, ca-file and
        // ca-verify-file from the line, or else from its bind line.
        let path = "haproxy/haproxy.cfg"
        let list = "haproxy/crt-list.txt"
        let strict = "haproxy/strict.txt"
        let repo = HAProxyRepo([
            path: """
            frontend fe_mixed
                ⟨bind⟩bind :443 ssl crt-list crt-list.txt ⟨ca⟩ca-file ca/clients.pem
            frontend fe_no_ca
                ⟨bind2⟩bind :8443 ssl crt-list strict.txt
            """,
            list: """
            ⟨public⟩certs/www.pem www.example.com
            ⟨admin⟩certs/admin.pem [verify required] admin.example.com
            ⟨vf⟩certs/partner.pem [⟨vfca⟩ca-verify-file ca/extra.pem verify optional] partner.example.com
            """,
            strict: """
            ⟨strict⟩certs/strict.pem [⟨verify⟩verify optional] strict.example.com
            """,
        ])
        let contents = repo.read(path)
        let admin = "\(repo.id("bind", path)) \(list):\(repo.at("admin", list).line ?? 0)"
        let vf = "\(repo.id("bind", path)) \(list):\(repo.at("vf", list).line ?? 0)"
        let strictID = "\(repo.id("bind2", path)) \(strict):\(repo.at("strict", strict).line ?? 0)"
        #expect(contents.usages.map(\.role) == [.server, .server, .clientCA, .server, .clientCA, .clientCA, .unknown, .server])
        // ca-file and ca-verify-file each come from the line, or else from the bind line.
        #expect(contents.usages.map(\.location) == [
            repo.at("public", list), repo.at("admin", list), repo.at("ca", path), repo.at("vf", list), repo.at("ca", path),
            repo.at("vfca", list), repo.at("ca", path), repo.at("strict", strict),
        ])
        #expect(contents.usages.map(\.verifyClient) == [.none, .required, .required, .optional, .optional, .optional, .none, .optional])
        #expect(contents.usages.map(\.endpointID) == [
            repo.id("bind", path), admin, admin, vf, vf, vf, repo.id("bind", path), strictID,
        ])
        #expect(contents.usages.map(\.hostnames) == [
            ["www.example.com"], ["admin.example.com"], ["admin.example.com"], ["partner.example.com"], ["partner.example.com"],
            ["partner.example.com"], [], ["strict.example.com"],
        ])
        #expect(contents.usages[2].certificate == .file(path: "ca/clients.pem", base: "haproxy"))
        #expect(contents.usages[5].certificate == .file(path: "ca/extra.pem", base: "haproxy"))
        #expect(contents.usages.map(\.note) == [
            nil, nil, nil, nil, nil, "ca-verify-file verifies callers without naming its CAs to them.",
            "verify is none here (HAProxy's default), so callers are not asked for certificates and this bundle verifies no one.", nil,
        ])
        // A line that asks for certificates with no CA file anywhere is refused by HAProxy.
        #expect(contents.problems.map(\.location) == [repo.at("verify", strict)])
        #expect(contents.problems.map(\.check) == [.verifyWithoutClientCA])
        #expect(contents.problems.map(\.severity) == [.error])
    }

    @Test func invalidBindVerifyIsReportedOnceForAllCrtListLines() {
        let path = "haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            frontend fe
                bind :443 ssl crt-list list.txt verify ⟨value⟩maybe
            """,
            "list.txt": "a.pem a.example.com\nb.pem b.example.com\n",
        ])
        let contents = repo.read(path)
        #expect(contents.problems.map(\.location) == [repo.at("value", path)])
        #expect(contents.problems.first?.check == .invalid)
        #expect(contents.usages.map(\.hostnames) == [["a.example.com"], ["b.example.com"]])
        #expect(contents.usages.map(\.verifyClient) == [.none, .none])
    }

    @Test func backendServersGiveClientAndServerCAUsages() {
        let path = "haproxy/haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            global
                ssl-server-verify required
                ca-base /etc/haproxy/ca

            defaults tls-backends
                mode http
                timeout connect 5s
                default-server ssl ⟨defca⟩ca-file backends-ca.pem check inter 2s

            backend be_api
                ⟨s1⟩server api1 10.0.1.10:8443 ⟨s1crt⟩crt /etc/haproxy/client/lb-client.pem ⟨s1ca⟩ca-file internal-ca.pem verify required sni str(api.internal)
                ⟨s2⟩server api2 10.0.1.11:8443 ⟨s2crt⟩crt client.pem
                ⟨s3⟩server api3 10.0.1.12:8443 no-ssl ⟨s3crt⟩crt unused-client.pem
                ⟨s4⟩server api4 10.0.1.13:8443 verify none

            defaults plain
                mode tcp

            backend be_legacy
                ⟨s5⟩server legacy 192.0.2.7:443 ssl
                ⟨tpl⟩server-template web 3 web.internal:443 ssl verify none ⟨tplca⟩ca-file pinned.pem

            backend be_from from tls-backends
                ⟨s6⟩server s6 10.0.2.1:443
            """
        ])
        let contents = repo.read(path)
        let usages = contents.usages
        #expect(usages.map(\.role) == [.client, .serverCA, .client, .serverCA, .client, .unknown, .unknown, .serverCA])
        // Inherited from default-server: reported at the default-server line.
        #expect(usages.map(\.location) == [
            repo.at("s1crt", path), repo.at("s1ca", path), repo.at("s2crt", path), repo.at("defca", path), repo.at("s3crt", path),
            repo.at("defca", path), repo.at("tplca", path), repo.at("defca", path),
        ])
        #expect(usages.map(\.endpointID) == [
            repo.id("s1", path), repo.id("s1", path), repo.id("s2", path), repo.id("s2", path), repo.id("s3", path), repo.id("s4", path),
            repo.id("tpl", path), repo.id("s6", path),
        ])
        #expect(usages.map(\.certificate) == [
            .file(path: "/etc/haproxy/client/lb-client.pem", base: "haproxy"), .file(path: "/etc/haproxy/ca/internal-ca.pem", base: "haproxy"),
            .file(path: "client.pem", base: "haproxy"), .file(path: "/etc/haproxy/ca/backends-ca.pem", base: "haproxy"),
            .file(path: "unused-client.pem", base: "haproxy"), .file(path: "/etc/haproxy/ca/backends-ca.pem", base: "haproxy"),
            .file(path: "/etc/haproxy/ca/pinned.pem", base: "haproxy"), .file(path: "/etc/haproxy/ca/backends-ca.pem", base: "haproxy"),
        ])
        #expect(usages.map(\.endpoint) == [
            "haproxy backend be_api server api1 10.0.1.10:8443", "haproxy backend be_api server api1 10.0.1.10:8443",
            "haproxy backend be_api server api2 10.0.1.11:8443", "haproxy backend be_api server api2 10.0.1.11:8443",
            "haproxy backend be_api server api3 10.0.1.12:8443", "haproxy backend be_api server api4 10.0.1.13:8443",
            "haproxy backend be_legacy server-template web web.internal:443", "haproxy backend be_from server s6 10.0.2.1:443",
        ])
        #expect(usages.map(\.note) == [
            nil, nil, nil, nil,
            "This server line has no ssl keyword, so HAProxy connects to it in clear and does not use this file.",
            "verify is none here, so HAProxy does not verify the server's certificate with this bundle.",
            "verify is none here, so HAProxy does not verify the server's certificate with this bundle.",
            nil,
        ])
        #expect(usages.allSatisfy { $0.verifyClient == .none && $0.installedOn == .loadBalancer && $0.privateKey == nil })
        #expect(contents.problems.map(\.location) == [repo.at("s5", path)])
        #expect(contents.problems.first?.severity == .warning)
        #expect(contents.problems.first?.check == .invalid)
        #expect(
            contents.problems.first?.message
                == "Server legacy uses ssl with verify required (the default) but names no ca-file; HAProxy refuses it. Add ca-file, or verify none if the server is trusted otherwise."
        )
    }

    @Test func globalSSLServerVerifyNoneChangesTheDefault() {
        let path = "haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            global
                ssl-server-verify none
            backend be
                server a 10.0.0.1:443 ssl ⟨a⟩ca-file ca.pem
                server b 10.0.0.2:443 ssl
                server c 10.0.0.3:443 ssl verify required ⟨c⟩ca-file ca.pem
            """
        ])
        let contents = repo.read(path)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.role) == [.unknown, .serverCA])
        #expect(contents.usages.map(\.location) == [repo.at("a", path), repo.at("c", path)])
        #expect(contents.usages.first?.note?.contains("verify is none here") == true)
    }

    @Test func quotesEscapesTabsCommentsAndCRLFAreSplitAsHAProxyDoes() {
        let path = "haproxy/haproxy.cfg"
        let marked = MarkedText(
            """
            global
            \tmaxconn 1000   # trailing comment

            frontend "fe quoted"
            \tbind\t:443   ssl\t⟨q⟩crt "/etc/haproxy/certs/with space.pem"   # crt ignored.pem
            \tbind :444 ssl ⟨sq⟩crt '/etc/haproxy/certs/$literal.pem'
            \tbind :445 ssl ⟨esc⟩crt /etc/haproxy/certs/a\\ b\\x41.pem
            \tbind :446 ssl ⟨env⟩crt "${CERT_DIR}/site.pem"
            \tbind :447 ssl ⟨hash⟩crt "/etc/haproxy/certs/hash#not-comment.pem"
            \tbind :448 ssl ⟨joined⟩crt /etc/haproxy/"certs dir"/joined.pem#crt trailing.pem
            \t# café: columns count characters, not bytes
            \tbind :449 ssl ⟨cafe⟩crt /etc/haproxy/certs/café.pem ⟨after⟩crt /etc/haproxy/certs/next.pem
            \tbind :450 ssl ⟨dq⟩crt "/etc/haproxy/certs/\\"q\\"\\t.pem"

            """)
        for text in [marked.text, marked.text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let contents = HAProxyReader.read(path: path, text: text, context: .isolated)
            #expect(contents.problems.isEmpty)
            #expect(contents.usages.map(\.location) == [
                marked.location("q", in: path), marked.location("sq", in: path), marked.location("esc", in: path),
                marked.location("env", in: path), marked.location("hash", in: path), marked.location("joined", in: path),
                marked.location("cafe", in: path), marked.location("after", in: path), marked.location("dq", in: path),
            ])
            #expect(contents.usages.map(\.certificate) == [
                .file(path: "/etc/haproxy/certs/with space.pem", base: "haproxy"),
                .external("/etc/haproxy/certs/$literal.pem"),
                .file(path: "/etc/haproxy/certs/a bA.pem", base: "haproxy"),
                .external("${CERT_DIR}/site.pem"),
                .file(path: "/etc/haproxy/certs/hash#not-comment.pem", base: "haproxy"),
                .file(path: "/etc/haproxy/certs dir/joined.pem", base: "haproxy"),
                .file(path: "/etc/haproxy/certs/café.pem", base: "haproxy"),
                .file(path: "/etc/haproxy/certs/next.pem", base: "haproxy"),
                .file(path: "/etc/haproxy/certs/\"q\"\t.pem", base: "haproxy"),
            ])
            #expect(contents.usages.first?.endpoint == "haproxy frontend fe quoted :443")
            #expect(contents.usages[1].note == "The path /etc/haproxy/certs/$literal.pem uses environment variables; certlint cannot tell which file it is.")
            #expect(contents.usages[3].note?.contains("environment variables") == true)
            #expect(marked.markers["after"]?.column == 48)
        }
        // A byte-order mark does not hide the first section keyword.
        let bom = HAProxyReader.read(path: path, text: "\u{FEFF}frontend fe\n  bind :443 ssl crt a.pem\n", context: .isolated)
        #expect(bom.usages.map(\.location) == [CertLintCore.SourceLocation(path: path, line: 2, column: 17)])
    }

    @Test func brokenLinesAreProblemsAtTheirPlaceAndTheRestIsRead() {
        let path = "haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            global
                maxconn 2048

            frontend fe_broken
                ⟨bare⟩bind
                bind :443 ssl ⟨qcrt⟩crt ⟨quote⟩"/etc/haproxy/certs/unterminated.pem
                ⟨nocrt⟩bind :8443 ssl alpn h2
                bind :9443 ssl ⟨okcrt⟩crt ok.pem ⟨dangling⟩ca-file
                ⟨bind9⟩bind :9444 ssl ⟨dangcrt⟩crt

            backend be
                ⟨short⟩server only-a-name
                server s1 10.0.0.1:443 ssl verify none ⟨lasts⟩crt
            """
        ])
        let contents = repo.read(path)
        #expect(contents.problems.map(\.location) == [
            repo.at("bare", path), repo.at("quote", path), repo.at("nocrt", path), repo.at("dangling", path), repo.at("bind9", path),
            repo.at("dangcrt", path), repo.at("short", path), repo.at("lasts", path),
        ])
        #expect(contents.problems.map(\.location.line) == [5, 6, 7, 8, 9, 9, 12, 13])
        #expect(contents.problems.map(\.severity) == [.error, .error, .warning, .error, .warning, .error, .error, .error])
        #expect(contents.problems.allSatisfy { $0.check == .invalid })
        #expect(contents.problems.map(\.message) == [
            "\"bind\" needs an address; HAProxy refuses the line.",
            "This quote is never closed on its line; HAProxy refuses the line.",
            "This bind line enables ssl but names no crt or crt-list; HAProxy refuses it.",
            "\"ca-file\" needs a value; HAProxy refuses the line.",
            "This bind line enables ssl but names no crt or crt-list; HAProxy refuses it.",
            "\"crt\" needs a value; HAProxy refuses the line.",
            "\"server\" needs a name and an address; HAProxy refuses the line.",
            "\"crt\" needs a value; HAProxy refuses the line.",
        ])
        // The unclosed quote runs to the end of the line, as HAProxy reads it.
        #expect(contents.usages.map(\.location) == [repo.at("qcrt", path), repo.at("okcrt", path)])
        #expect(contents.usages.map(\.certificate) == [
            .file(path: "/etc/haproxy/certs/unterminated.pem", base: ""), .file(path: "ok.pem", base: ""),
        ])
    }

    @Test func anUnclosedBracketInACrtListIsAProblemInThatFile() {
        let repo = HAProxyRepo([
            "list.cfg": """
            frontend fe_list
                ⟨bind⟩bind :443 ssl crt-list broken.lst
            """,
            "broken.lst": """
            ⟨a⟩certs/a.pem ⟨open⟩[verify required ⟨aca⟩ca-file ca.pem a.example.com
            ⟨b⟩certs/b.pem b.example.com
            """,
        ])
        let contents = repo.read("list.cfg")
        #expect(contents.problems.map(\.location) == [repo.at("open", "broken.lst")])
        #expect(contents.problems.first?.message.contains("never closed") == true)
        // Everything after the "[" was read as options, so line a has no SNI filter.
        #expect(contents.usages.map(\.role) == [.server, .clientCA, .server])
        #expect(contents.usages.map(\.location) == [repo.at("a", "broken.lst"), repo.at("aca", "broken.lst"), repo.at("b", "broken.lst")])
        #expect(contents.usages.map(\.hostnames) == [[], [], ["b.example.com"]])
        #expect(contents.usages.map(\.verifyClient) == [.required, .required, .none])
    }

    @Test func crtStoreEntriesAreFollowed() {
        let path = "lb/haproxy.cfg"
        let repo = HAProxyRepo([
            path: """
            crt-store web
                crt-base /etc/ssl/certs
                key-base /etc/ssl/private
                ⟨load⟩load crt site.pem key site.key alias site
                ⟨noload⟩load key orphan.key

            crt-store
                ⟨shared⟩load crt shared.pem

            frontend fe
                bind :443 ssl ⟨a⟩crt @web/site ⟨b⟩crt shared.pem ⟨c⟩crt @web/unknown
            """
        ])
        let contents = repo.read(path)
        #expect(contents.problems.map(\.location) == [repo.at("noload", path)])
        #expect(contents.problems.first?.message == "This crt-store load names no crt; HAProxy refuses it.")
        #expect(contents.usages.map(\.location) == [repo.at("a", path), repo.at("b", path), repo.at("c", path)])
        #expect(contents.usages.map(\.certificate) == [
            .file(path: "/etc/ssl/certs/site.pem", base: "lb"), .file(path: "shared.pem", base: "lb"), .external("@web/unknown"),
        ])
        #expect(contents.usages.map(\.privateKey) == [.file(path: "/etc/ssl/private/site.key", base: "lb"), nil, nil])
        #expect(contents.usages.map(\.note) == [
            "Loaded by the crt-store at \(path):\(repo.at("load", path).line ?? 0).",
            "Loaded by the crt-store at \(path):\(repo.at("shared", path).line ?? 0).",
            "@web/unknown names a crt-store entry the configuration does not define.",
        ])
    }

    @Test func acceptsHAProxyConfigurationOnly() {
        let config = "global\n  maxconn 100\n\nfrontend www\n  bind :443 ssl crt /etc/haproxy/site.pem\n  default_backend app\n"
        #expect(HAProxyReader.accepts(path: "haproxy/haproxy.cfg", text: config))
        #expect(HAProxyReader.accepts(path: "etc/haproxy/haproxy", text: config))
        #expect(HAProxyReader.accepts(path: "lb/edge.cfg", text: "listen stats\n\tbind :8404\n\tmode http\n"))
        #expect(!HAProxyReader.accepts(path: "nginx/nginx.conf", text: "events {}\nhttp {\n  server {\n    listen 80;\n  }\n}\n"))
        #expect(!HAProxyReader.accepts(path: "nginx/nginx.conf", text: config))
        #expect(!HAProxyReader.accepts(path: "k8s/haproxy-ingress.yaml", text: config))
        #expect(!HAProxyReader.accepts(path: "k8s/deploy.yaml", text: "apiVersion: v1\nkind: ConfigMap\n"))
        #expect(!HAProxyReader.accepts(path: "haproxy/haproxy.cfg", text: "global\n  maxconn 100\n"))
        #expect(!HAProxyReader.accepts(path: "app/settings.cfg", text: "[global]\nbind = 0.0.0.0\n"))
    }

    @Test func everyTruncationAndSeededMutationReadsWithoutTrapping() {
        let path = "haproxy/haproxy.cfg"
        let sample = """
            global
            \tcrt-base /etc/haproxy/ssl
            \tca-base /etc/haproxy/ca
            \tssl-server-verify required
            crt-store web
            \tload crt "site.pem" key site.key alias site
            defaults base
            \tmode http
            \tdefault-server ssl ca-file backends.pem verify required
            frontend "fe main" # ünïcode comment
            \tbind :443,:::443 v4v6 ssl crt @web/site crt 'b c.pem' crt-list /etc/haproxy/crt-list.txt ca-file clients.pem verify optional
            \tbind quic4@:443 crt a\\ b.pem alpn h3
            .if defined(X)
            \tbind :8443 ssl crt "${DIR}/x.pem" verify required
            .endif
            backend be from base
            \tserver s1 10.0.0.1:443 crt client.pem sni str(x\\x41)
            \tserver-template w 2 w.internal:443 no-ssl crt c.pem
            listen l
            \tbind *:9443 ssl crt certs/
            \tserver s2 10.0.0.2:443 ssl verify none ca-file "x.pem
            """
        let crtList = "certs/www.pem [ca-file ca.pem verify required] www.example.com !x.example.com\ncerts/b.pem [alpn h2\n"
        let context = ManifestContext(
            load: { $0 == "haproxy/crt-list.txt" ? crtList : nil },
            list: { $0 == "haproxy/ssl/certs/*" ? ["haproxy/ssl/certs/a.pem", "haproxy/ssl/certs/a.pem.key"] : [] })

        let whole = HAProxyReader.read(path: path, text: sample, context: context)
        #expect(whole.usages.map(\.role) == [
            .server, .server, .server, .clientCA, .server, .clientCA, .server, .server, .client, .serverCA, .client, .server, .unknown,
        ])
        #expect(whole.usages[11].certificate == .file(path: "haproxy/ssl/certs/a.pem", base: ""))
        #expect(whole.included == ["haproxy/crt-list.txt"])
        #expect(whole.problems.map(\.location.path) == ["haproxy/crt-list.txt", path, path])
        #expect(whole.problems.map(\.location.line) == [2, 14, 21])
        #expect(whole.problems.map(\.check) == [.invalid, .verifyWithoutClientCA, .invalid])

        func check(_ text: String, _ label: String) {
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let contents = HAProxyReader.read(path: path, text: text, context: context)
            let places = contents.problems.map(\.location) + contents.usages.map(\.location)
            for place in places {
                #expect((place.line ?? 0) >= 1 && (place.column ?? 0) >= 1, "\(label)")
                if place.path == path { #expect((place.line ?? 0) <= lineCount, "\(label)") }
            }
        }
        let bytes = Array(sample.utf8)
        for length in 0...bytes.count {
            check(String(decoding: bytes[..<length], as: UTF8.self), "prefix \(length)")
        }
        var generator = SplitMix64(seed: 0x6861_7072_6F78_79)
        let alphabet = Array("\"'\\#$[] \n\r\tx.@/".utf8)
        for round in 0..<150 {
            var mutated = bytes
            for _ in 0..<(1 + Int(generator.next() % 6)) {
                let position = Int(generator.next() % UInt64(mutated.count + 1))
                switch generator.next() % 4 {
                case 0 where position < mutated.count: mutated.remove(at: position)
                case 1: mutated.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                case 2 where position < mutated.count: mutated[position] = UInt8(truncatingIfNeeded: generator.next())
                default: mutated.insert(contentsOf: mutated[position..<min(mutated.count, position + 10)], at: position)
                }
            }
            check(String(decoding: mutated, as: UTF8.self), "round \(round)")
        }
    }
}

