import CertLintCore

/// Reads an nginx configuration with its `include`s: every `include` directive is replaced by
/// the directives of the files it names, in place (nginx treats them as written there).
///
/// Where an include's path starts: nginx resolves a relative path against its configuration
/// prefix, the folder of `nginx.conf`. The prefix is taken to be the folder of the file being
/// read, or the folder above it when that folder is `conf.d`, `sites-enabled` or another
/// folder nginx.conf includes from (a site file read on its own). A relative path is tried
/// there first, then against the including file's folder. An absolute path under a usual
/// installation root (`/etc/nginx/…`) is tried as the rest of the path under the prefix, and
/// any absolute path as a path from the repository root. The first place that names files
/// wins; a glob's files are read in sorted order, as nginx reads them.
///
/// A glob that matches nothing is fine (nginx accepts it); a plain path that is not in the
/// repository is reported as a note, since it may live only on the server (except the stock
/// files every package installs, such as `mime.types`). Cycles, more than
/// 16 nested includes, more than 1,000 inclusions, blocks nested deeper than 64 levels and
/// more than ``maxDirectives`` directives in all are reported and cut off.
struct NginxIncludeExpander {
    /// The most tokens read from one file.
    static let maxTokensPerFile = 500_000
    /// The deepest nesting of blocks, across included files.
    static let maxDepth = 64
    /// The most directives in the expanded configuration.
    static let maxDirectives = 200_000
    /// Installation roots whose absolute paths are mapped onto the prefix.
    static let installRoots = [
        "/etc/nginx", "/usr/local/nginx/conf", "/usr/local/etc/nginx", "/opt/homebrew/etc/nginx",
        "/usr/local/openresty/nginx/conf", "/etc/openresty",
    ]

    /// Files every nginx package installs and configurations include, which hold no TLS
    /// directives: not finding them in the repository is not worth a note.
    static let stockFiles: Set<String> = [
        "mime.types", "fastcgi_params", "fastcgi.conf", "uwsgi_params", "scgi_params", "proxy_params", "koi-utf", "koi-win",
        "win-utf",
    ]

    /// The prefix: the folder relative paths start from.
    let prefix: String
    /// Include bookkeeping and caps.
    private(set) var includes: ServerConfigIncludes
    /// Problems found in the files read.
    private(set) var problems: [ManifestProblem] = []
    private var parsed: [String: [NginxDirective]] = [:]
    private var caps = ServerConfigExpansionCaps(
        maxDirectives: NginxIncludeExpander.maxDirectives, maxDepth: NginxIncludeExpander.maxDepth, nestedThings: "Blocks")

    /// An expander for the manifest at `topPath`.
    init(topPath: String, prefix: String, context: ManifestContext) {
        self.prefix = prefix
        includes = ServerConfigIncludes(topPath: topPath, context: context)
    }

    /// The expanded directives of the manifest with text `text`.
    mutating func expand(text: String) -> [NginxDirective] {
        let tree = parse(text, path: includes.topPath)
        return expand(tree, depth: 0)
    }

    private mutating func parse(_ text: String, path: String) -> [NginxDirective] {
        if let tree = parsed[path] { return tree }
        let result = NginxParser.parse(
            text, path: path, maxTokens: NginxIncludeExpander.maxTokensPerFile, maxDepth: NginxIncludeExpander.maxDepth)
        problems += result.problems
        parsed[path] = result.directives
        return result.directives
    }

    private mutating func expand(_ directives: [NginxDirective], depth: Int) -> [NginxDirective] {
        var out: [NginxDirective] = []
        out.reserveCapacity(directives.count)
        for directive in directives {
            guard caps.take(at: directive.location, problems: &problems) else { break }
            if directive.name == "include", directive.block == nil {
                out += expandInclude(directive, depth: depth)
            } else if let block = directive.block {
                guard caps.mayEnter(depth: depth, at: directive.location, problems: &problems) else { continue }
                var expanded = directive
                expanded.block = expand(block, depth: depth + 1)
                out.append(expanded)
            } else {
                out.append(directive)
            }
        }
        return out
    }

    private mutating func expandInclude(_ directive: NginxDirective, depth: Int) -> [NginxDirective] {
        guard directive.arguments.count == 1, let written = directive.values.first else {
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "\"include\" takes one argument, but \(directive.arguments.count) are given; nginx refuses it."))
            return []
        }
        let candidates = ServerConfigPath.candidates(
            for: written, bases: [prefix, ServerConfigPath.folder(of: directive.path)],
            installRoots: NginxIncludeExpander.installRoots)
        let files = includes.resolve(candidates)
        if files.isEmpty {
            if !ServerConfigPath.hasGlob(written), !NginxIncludeExpander.stockFiles.contains(ServerConfigPath.fileName(of: written)) {
                problems.append(
                    ManifestProblem(
                        location: directive.location,
                        message: "The included file \(written) is not in the repository; the directives in it are not read.",
                        severity: .note, check: .outsideRepository))
            }
            return []
        }
        var out: [NginxDirective] = []
        for file in files {
            guard includes.enter(file, at: directive.location, problems: &problems) else { continue }
            defer { includes.leave() }
            guard let text = includes.text(of: file) else {
                problems.append(
                    ManifestProblem(
                        location: directive.location, message: "The included file \(file) cannot be read; the directives in it are not read.",
                        severity: .note))
                continue
            }
            let tree = parse(text, path: file)
            out += expand(tree, depth: depth)
        }
        return out
    }
}
