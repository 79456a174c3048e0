import CertLintPolicy
import Testing

@testable import CertLintKit

/// The file index that answers readers' `list` gives exactly what matching the glob against
/// every file gives.
@Suite struct RepositoryFileIndexTests {
    static let files = [
        "nginx/nginx.conf", "nginx/conf.d/a.conf", "nginx/conf.d/b.conf", "nginx/conf.d/sub/c.conf", "nginx/tls/site.pem",
        "certs/site.pem", "certs/ca/root.pem", "deploy/certs/site.pem", "site.pem", "README.md", "a/b/c/d/e.txt",
        "haproxy/certs/api.pem", "haproxy/haproxy.cfg", "conf.d/x.conf",
    ]

    @Test(arguments: [
        "nginx/conf.d/*.conf", "nginx/conf.d/*", "conf.d/*.conf", "site.pem", "certs", "*.pem", "certs/*", "certs/ca/root.pem",
        "haproxy/certs/*", "nginx/*/a.conf", "**/site.pem", "a/b", "a/b/c/d/e.txt", "nowhere/*", "nowhere.pem", "*",
        "nginx/conf.d/[ab].conf", "ce?ts/site.pem", "deploy/**", "tls",
    ])
    func answersAsMatchingEveryFile(pattern: String) {
        let index = RepositoryFileIndex(Self.files)
        let glob = Glob(pattern)
        #expect(index.files(matching: pattern) == Self.files.filter { glob.matches($0) })
    }

    @Test func narrowsToTheFolder() {
        let index = RepositoryFileIndex(Self.files)
        #expect(index.files(matching: "nginx/conf.d/*.conf") == ["nginx/conf.d/a.conf", "nginx/conf.d/b.conf"])
        #expect(index.files(matching: "nginx/conf.d/*") == ["nginx/conf.d/a.conf", "nginx/conf.d/b.conf", "nginx/conf.d/sub/c.conf"])
        #expect(index.files(matching: "site.pem") == ["nginx/tls/site.pem", "certs/site.pem", "deploy/certs/site.pem", "site.pem"])
    }
}
