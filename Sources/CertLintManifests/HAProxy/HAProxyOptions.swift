import CertLintCore

/// The TLS parameters of one HAProxy `bind`, `server` or `default-server` line (or of one
/// crt-list entry's `[…]`) that certlint follows: `ssl`, `crt` (repeatable), `crt-list`,
/// `ca-file`, `ca-verify-file`, `verify`. Other parameters are skipped with their values, so a
/// value never passes for a keyword.
struct HAProxyOptions: Sendable, Hashable {
    /// A keyword with its value.
    struct Option: Sendable, Hashable {
        /// The keyword (`crt`), where the usage is reported.
        var keyword: HAProxyWord
        /// Its value.
        var value: HAProxyWord
    }

    /// The `ssl` keyword, when present (or inherited).
    var ssl: HAProxyWord?
    /// Whether `no-ssl` cancels an inherited `ssl`.
    var noSSL = false
    /// `crt` (and `default-crt`) values, in order.
    var certificates: [Option] = []
    /// `crt-list` values, in order.
    var certificateLists: [Option] = []
    /// `ca-file`.
    var caFile: Option?
    /// `ca-verify-file` (bind: CAs that verify callers without being named to them).
    var caVerifyFile: Option?
    /// `verify`.
    var verify: Option?

    /// Keywords of `bind` and `server` lines that take one value (from the configuration
    /// manual's "Bind options" and "Server and default-server options").
    static let valueKeywords: Set<String> = [
        "accept-netscaler-cip", "addr", "agent-addr", "agent-inter", "agent-port", "agent-send", "alpn", "backlog",
        "ca-ignore-err", "ca-sign-file", "ca-sign-pass", "check-alpn", "check-proto", "check-sni", "ciphers", "ciphersuites",
        "client-sigalgs", "cookie", "crl-file", "crt-ignore-err", "curves", "downinter", "ecdhe", "error-limit", "expose-fd", "fall",
        "fastinter", "gid", "group", "guid", "guid-prefix", "hash-key", "id", "idle-ping", "init-addr", "init-state", "inter",
        "interface", "label", "level", "log-bufsize", "log-proto", "max-reuse", "maxconn", "maxqueue", "minconn", "mode", "mss",
        "name", "namespace", "nbconn", "nice", "npn", "observe", "ocsp-update", "on-error", "on-marked-down", "on-marked-up",
        "pool-conn-name", "pool-low-conn", "pool-max-conn", "pool-purge-delay", "port", "process", "proto", "proxy-v2-options",
        "quic-cc-algo", "quic-socket", "redir", "resolve-net", "resolve-opts", "resolve-prefer", "resolvers", "rise",
        "set-proxy-v2-tlv-fmt", "severity-output", "shard", "shards", "sigalgs", "slowstart", "sni", "socks4", "source",
        "ssl-max-ver", "ssl-min-ver", "tcp-md5sig", "tcp-ut", "thread", "tls-ticket-keys", "track", "uid", "user", "verifyhost",
        "weight", "ws",
    ]

    /// Reads the parameters in `words` (the words after the address).
    static func parse(_ words: ArraySlice<HAProxyWord>, path: String, problems: inout [ManifestProblem]) -> HAProxyOptions {
        var options = HAProxyOptions()
        var i = words.startIndex
        while i < words.endIndex {
            let keyword = words[i]
            let name = keyword.text
            let takesValue =
                ["crt", "default-crt", "crt-list", "ca-file", "ca-verify-file", "verify"].contains(name) || valueKeywords.contains(name)
            guard takesValue else {
                if name == "ssl" { options.ssl = keyword }
                if name == "no-ssl" { options.noSSL = true }
                i += 1
                continue
            }
            guard i + 1 < words.endIndex else {
                problems.append(
                    ManifestProblem(
                        location: SourceLocation(path: path, line: keyword.line, column: keyword.column),
                        message: "\"\(name)\" needs a value; HAProxy refuses the line."))
                break
            }
            let option = Option(keyword: keyword, value: words[i + 1])
            switch name {
            case "crt", "default-crt": options.certificates.append(option)
            case "crt-list": options.certificateLists.append(option)
            case "ca-file": options.caFile = option
            case "ca-verify-file": options.caVerifyFile = option
            case "verify": options.verify = option
            default: break
            }
            i += 2
        }
        return options
    }

    /// These options over `defaults` (a `server` line over its `default-server` lines): a
    /// parameter this line sets wins, `no-ssl` cancels an inherited `ssl`.
    func inheriting(from defaults: HAProxyOptions) -> HAProxyOptions {
        var merged = self
        merged.ssl = noSSL ? nil : (ssl ?? defaults.ssl)
        merged.noSSL = noSSL || (ssl == nil && defaults.noSSL)
        if merged.certificates.isEmpty { merged.certificates = defaults.certificates }
        if merged.certificateLists.isEmpty { merged.certificateLists = defaults.certificateLists }
        merged.caFile = caFile ?? defaults.caFile
        merged.caVerifyFile = caVerifyFile ?? defaults.caVerifyFile
        merged.verify = verify ?? defaults.verify
        return merged
    }
}
