import CertLintCore

/// Reads HAProxy configuration (`haproxy.cfg`): the certificates its `bind` lines present to
/// clients (from `crt` files, certificate folders, crt-list files and crt-store entries), the
/// CA bundles that verify those clients, and the certificates and CA bundles its `server`
/// lines use towards backends.
///
/// Lines are split as HAProxy splits them (quotes, escapes, `#` comments); crt-list files are
/// read through the ``ManifestContext`` (relative paths start from the configuration's
/// folder; absolute paths under `/etc/haproxy` map onto it). See ``HAProxyInterpreter`` for
/// the roles, endpoints and inheritance (`default-server`, `defaults … from`, global
/// `crt-base`, `ca-base`, `ssl-server-verify`). Every usage is installed on `load-balancer`.
///
/// A malformed line (an unclosed quote, a keyword without its value) gives a
/// ``ManifestProblem`` at its place; the other lines are still read.
public enum HAProxyReader: ManifestReader {
    /// `haproxy`.
    public static let format = "haproxy"

    /// The most words read from the configuration.
    static let maxWords = 2_000_000

    /// Whether the file is HAProxy configuration: a `.cfg` file or one named for haproxy, with
    /// a `global`, `defaults`, `frontend`, `backend` or `listen` section and a line such as
    /// `bind`, `server` or `mode`.
    public static func accepts(path: String, text: String) -> Bool {
        let name = ServerConfigPath.fileName(of: path).lowercased()
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last ?? "") : ""
        let nameFits = ext == "cfg" || (name.contains("haproxy") && !["yaml", "yml", "json", "md", "txt", "sh"].contains(ext))
        guard nameFits else { return false }
        let head = String(decoding: text.utf8.prefix(65_536), as: UTF8.self)
        var sections = 0
        var proxyLines = 0
        for line in head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let word = String(trimmed.prefix { $0 != " " && $0 != "\t" })
            if ["global", "defaults", "frontend", "backend", "listen"].contains(word) { sections += 1 }
            if ["bind", "server", "mode", "default_backend", "use_backend", "balance", "timeout", "default-server"].contains(word) {
                proxyLines += 1
            }
        }
        return sections > 0 && proxyLines > 0
    }

    /// Reads the configuration at `path` with the crt-list files it names.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        let lexed = HAProxyLexer.lines(text, path: path, maxWords: maxWords)
        var interpreter = HAProxyInterpreter(path: path, context: context)
        interpreter.interpret(lexed.lines)
        var contents = ManifestContents()
        contents.usages = interpreter.usages
        var seen: Set<ManifestProblem> = []
        contents.problems = (lexed.problems + interpreter.problems).filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
        contents.included = interpreter.includes.included
        return contents
    }
}
