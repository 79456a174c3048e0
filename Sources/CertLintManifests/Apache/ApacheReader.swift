import CertLintCore

/// Reads Apache httpd configuration (`httpd.conf`, `apache2.conf`, `ssl.conf`,
/// `sites-enabled/*.conf`): the certificates each `<VirtualHost>` presents with mod_ssl, the CA
/// bundles that verify its callers, and the certificates httpd presents to the backends it
/// proxies to, with their trust bundles.
///
/// Lines are read as httpd reads them (case-insensitive names, `\` line continuation, comments
/// on their own lines, quoted arguments); `Include`/`IncludeOptional` are followed through the
/// ``ManifestContext`` and `Define` variables substituted (see ``ApacheIncludeExpander``); the
/// virtual hosts inherit from the main server as mod_ssl merges them (see
/// ``ApacheInterpreter`` for the roles). Certificate references are files relative to the
/// folder that stands for ServerRoot.
///
/// A broken file (a section never closed, a stray closing tag, an unclosed quote) gives a
/// ``ManifestProblem`` at the offending line and everything that could still be read.
public enum ApacheReader: ManifestReader {
    /// `apache`.
    public static let format = "apache"

    /// Folders below ServerRoot that configuration is included from.
    static let includeFolders: Set<String> = [
        "conf", "conf.d", "extra", "sites-enabled", "sites-available", "conf-enabled", "conf-available", "mods-enabled",
        "mods-available", "vhosts.d", "conf.modules.d", "other", "vhosts",
    ]

    /// Lower-case names that start Apache lines, for ``accepts(path:text:)``.
    static let signatureWords: Set<String> = [
        "<virtualhost", "<ifmodule", "<directory", "<location", "sslengine", "sslcertificatefile", "sslcertificatekeyfile",
        "sslproxymachinecertificatefile", "serverroot", "loadmodule", "documentroot", "serveradmin", "sslcacertificatefile",
        "servername", "serveralias", "sslprotocol", "errorlog", "customlog",
    ]

    /// Whether the file is httpd configuration: a `.conf` (or `httpd`/`apache` file without an
    /// extension) with lines that start with Apache directives or sections and none that end
    /// in `;` or `{` the way nginx's do.
    public static func accepts(path: String, text: String) -> Bool {
        let name = ServerConfigPath.fileName(of: path).lowercased()
        let lowerPath = path.lowercased()
        let hasExtension = name.dropFirst().contains(".")
        let nameFits =
            name.hasSuffix(".conf") || name.hasSuffix(".vhost") || name.hasPrefix("httpd") || name.hasPrefix("apache")
            || (!hasExtension && (lowerPath.contains("apache") || lowerPath.contains("httpd") || lowerPath.contains("sites-")))
        guard nameFits else { return false }
        let head = String(decoding: text.utf8.prefix(65_536), as: UTF8.self)
        var apacheLines = 0
        for line in head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#") { continue }
            if let last = trimmed.last(where: { $0 != " " && $0 != "\t" }), last == ";" || last == "{" { return false }
            let word = trimmed.prefix { !($0 == " " || $0 == "\t" || $0 == ">") }.lowercased()
            if signatureWords.contains(word) { apacheLines += 1 }
        }
        return apacheLines > 0
    }

    /// Reads the configuration at `path` with its includes.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        let prefix = ServerConfigPath.prefix(ofFolder: ServerConfigPath.folder(of: path), stepOver: includeFolders)
        var expander = ApacheIncludeExpander(topPath: path, prefix: prefix, context: context)
        let tree = expander.expand(text: text)
        var interpreter = ApacheInterpreter(topPath: path, prefix: prefix, roots: expander.roots, context: context)
        interpreter.interpret(main: tree)
        var contents = ManifestContents()
        contents.usages = interpreter.usages
        var seen: Set<ManifestProblem> = []
        contents.problems = (expander.problems + interpreter.problems).filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
        contents.included = expander.includes.included
        return contents
    }
}
