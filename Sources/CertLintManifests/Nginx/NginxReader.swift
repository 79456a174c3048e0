import CertLintCore

/// Reads nginx configuration (`nginx.conf`, `conf.d/*.conf`, `sites-enabled/*`): the
/// certificates each `server` block presents, the CA bundles that verify its callers, and the
/// certificates nginx presents to the upstreams it proxies to, with their trust bundles.
///
/// The file is tokenized as nginx does (quotes, escapes, comments, `$variables` kept as text),
/// its `include`s are followed through the ``ManifestContext`` (see ``NginxIncludeExpander``
/// for where paths start and the caps), and directives are inherited from `http` into `server`
/// into `location` as nginx merges them (see ``NginxInterpreter`` for the roles). Certificate
/// references are files relative to nginx's prefix: the folder of the file read, or the folder
/// above it for a file in `conf.d/`, `sites-enabled/` and the like.
///
/// A broken file gives a ``ManifestProblem`` at the offending line and everything that could
/// still be read; nothing in the text can make the reader trap or run without bound.
public enum NginxReader: ManifestReader {
    /// `nginx`.
    public static let format = "nginx"

    /// Folders nginx.conf includes site files from; a file read from one of them has its
    /// prefix one level up.
    static let includeFolders: Set<String> = [
        "conf.d", "sites-enabled", "sites-available", "http.d", "stream.d", "snippets", "vhosts.d", "servers", "default.d",
    ]

    /// Directive names that start an nginx line, for ``accepts(path:text:)``.
    static let signatureDirectives: Set<String> = [
        "http", "server", "events", "stream", "mail", "location", "upstream", "listen", "server_name", "ssl_certificate",
        "ssl_certificate_key", "proxy_pass", "proxy_ssl_certificate", "worker_processes", "root", "ssl_protocols",
        "ssl_client_certificate", "ssl_verify_client", "return", "error_log", "access_log",
    ]

    /// Whether the file is nginx configuration: a `.conf` (or extension-less file under an
    /// nginx or sites folder) whose lines look like nginx directives and which has no Apache
    /// sections.
    public static func accepts(path: String, text: String) -> Bool {
        let name = ServerConfigPath.fileName(of: path).lowercased()
        let lowerPath = path.lowercased()
        let hasExtension = name.dropFirst().contains(".")
        let nameFits =
            name.hasSuffix(".conf") || name.hasSuffix(".nginx") || name.hasSuffix(".vhost") || name.hasPrefix("nginx")
            || (!hasExtension && (lowerPath.contains("nginx") || lowerPath.contains("sites-")))
        guard nameFits else { return false }
        let head = String(decoding: text.utf8.prefix(65_536), as: UTF8.self)
        let lowerHead = head.lowercased()
        if lowerHead.contains("<virtualhost") || lowerHead.contains("<ifmodule") || lowerHead.contains("<directory") {
            return false
        }
        for line in head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard let last = trimmed.last(where: { $0 != " " && $0 != "\t" }), last == ";" || last == "{" else { continue }
            let word = trimmed.prefix { !($0 == " " || $0 == "\t" || $0 == ";" || $0 == "{") }
            if signatureDirectives.contains(String(word)) { return true }
        }
        return false
    }

    /// Reads the configuration at `path` with its includes.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        let prefix = ServerConfigPath.prefix(ofFolder: ServerConfigPath.folder(of: path), stepOver: includeFolders)
        var expander = NginxIncludeExpander(topPath: path, prefix: prefix, context: context)
        let tree = expander.expand(text: text)
        var interpreter = NginxInterpreter(prefix: prefix)
        interpreter.interpret(main: tree)
        var contents = ManifestContents()
        contents.usages = interpreter.usages
        contents.problems = unique(expander.problems + interpreter.problems)
        contents.included = expander.includes.included
        return contents
    }

    /// Problems without repeats (an inherited directive is judged once per block that inherits
    /// it), ordered by place.
    static func unique(_ problems: [ManifestProblem]) -> [ManifestProblem] {
        var seen: Set<ManifestProblem> = []
        return problems.filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
    }
}
