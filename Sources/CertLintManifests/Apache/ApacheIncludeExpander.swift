import CertLintCore

/// Reads an Apache httpd configuration with its `Include` and `IncludeOptional` directives
/// replaced in place by the directives of the files they name, and with `${NAME}` replaced in
/// every argument once `Define NAME value` has been read (httpd's own order; `UnDefine`
/// removes a name; an unknown `${NAME}` stays as written, as httpd leaves it).
///
/// Where paths start: httpd resolves a relative path against `ServerRoot`. The folder that
/// stands for it is the folder of the file read, or the folder above when that is `conf`,
/// `conf.d`, `sites-enabled` or a similar folder (`conf/httpd.conf`, a site file read on its
/// own), two levels for `conf/extra`. A relative include is tried there, then against the
/// including file's folder. An absolute path under the declared `ServerRoot` or a usual
/// installation root (`/etc/apache2`, `/etc/httpd`, `/usr/local/apache2`…) is tried as the rest
/// of the path under that folder, and any absolute path as a path from the repository root.
///
/// `Include` of a plain path that is not in the repository is a note (it may exist only on the
/// server); a glob that matches nothing and `IncludeOptional` are silent. Cycles, more than 16
/// nested includes, more than 1,000 inclusions, sections nested deeper than 64 levels and more
/// than ``maxDirectives`` directives are reported and cut off.
struct ApacheIncludeExpander {
    /// The most words read from one file.
    static let maxWordsPerFile = 500_000
    /// The deepest nesting of sections, across included files.
    static let maxDepth = 64
    /// The most directives in the expanded configuration.
    static let maxDirectives = 200_000
    /// The longest argument `${NAME}` substitution may produce.
    static let maxArgumentLength = 65_536
    /// Usual installation roots of httpd.
    static let installRoots = [
        "/etc/apache2", "/etc/httpd", "/usr/local/apache2", "/usr/local/apache", "/usr/local/etc/apache24",
        "/usr/local/etc/apache2", "/usr/local/etc/httpd", "/opt/homebrew/etc/httpd", "/opt/rh/httpd24/root/etc/httpd",
    ]

    /// The folder that stands for ServerRoot.
    let prefix: String
    /// Include bookkeeping and caps.
    private(set) var includes: ServerConfigIncludes
    /// Problems found in the files read.
    private(set) var problems: [ManifestProblem] = []
    /// The `ServerRoot` the configuration declares, when it is absolute.
    private(set) var serverRoot: String?
    private var defines: [String: String] = [:]
    private var parsed: [String: [ApacheDirective]] = [:]
    private var caps = ServerConfigExpansionCaps(
        maxDirectives: ApacheIncludeExpander.maxDirectives, maxDepth: ApacheIncludeExpander.maxDepth, nestedThings: "Sections")

    /// An expander for the manifest at `topPath`.
    init(topPath: String, prefix: String, context: ManifestContext) {
        self.prefix = prefix
        includes = ServerConfigIncludes(topPath: topPath, context: context)
    }

    /// The roots whose absolute paths map onto ``prefix``: the declared ServerRoot first.
    var roots: [String] {
        guard let serverRoot else { return ApacheIncludeExpander.installRoots }
        return [serverRoot] + ApacheIncludeExpander.installRoots
    }

    /// The expanded directives of the manifest with text `text`.
    mutating func expand(text: String) -> [ApacheDirective] {
        let tree = parse(text, path: includes.topPath)
        return expand(tree, depth: 0)
    }

    private mutating func parse(_ text: String, path: String) -> [ApacheDirective] {
        if let tree = parsed[path] { return tree }
        let result = ApacheParser.parse(
            text, path: path, maxWords: ApacheIncludeExpander.maxWordsPerFile, maxDepth: ApacheIncludeExpander.maxDepth)
        problems += result.problems
        parsed[path] = result.directives
        return result.directives
    }

    private mutating func expand(_ directives: [ApacheDirective], depth: Int) -> [ApacheDirective] {
        var out: [ApacheDirective] = []
        for original in directives {
            guard caps.take(at: original.location, problems: &problems) else { break }
            var directive = original
            directive.arguments = directive.arguments.map(substitute)
            switch directive.key {
            case "define" where directive.section == nil:
                if let name = directive.values.first {
                    defines[name] = directive.values.dropFirst().joined(separator: " ")
                }
                out.append(directive)
            case "undefine" where directive.section == nil:
                if let name = directive.values.first { defines[name] = nil }
                out.append(directive)
            case "serverroot" where directive.section == nil:
                if serverRoot == nil, let root = directive.values.first, ServerConfigPath.isAbsolute(root) {
                    serverRoot = String(root.reversed().drop { $0 == "/" }.reversed())
                }
                out.append(directive)
            case "include" where directive.section == nil, "includeoptional" where directive.section == nil:
                out += expandInclude(directive, depth: depth)
            default:
                if let section = directive.section {
                    guard caps.mayEnter(depth: depth, at: directive.location, problems: &problems) else { continue }
                    directive.section = expand(section, depth: depth + 1)
                }
                out.append(directive)
            }
        }
        return out
    }

    /// `${NAME}` replaced by the value of `Define NAME value`, once, left to right.
    private func substitute(_ word: ApacheWord) -> ApacheWord {
        guard !defines.isEmpty, word.text.contains("${") else { return word }
        var out = ""
        var rest = Substring(word.text)
        while let open = rest.firstRange(of: "${") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                out += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = String(afterOpen[..<close])
            if let value = defines[name] {
                out += value
            } else {
                out += rest[open.lowerBound...close]
            }
            rest = afterOpen[afterOpen.index(after: close)...]
            if out.utf8.count > ApacheIncludeExpander.maxArgumentLength { return word }
        }
        out += rest
        var substituted = word
        substituted.text = out
        return substituted
    }

    private mutating func expandInclude(_ directive: ApacheDirective, depth: Int) -> [ApacheDirective] {
        let optional = directive.key == "includeoptional"
        guard directive.arguments.count == 1, let written = directive.values.first else {
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "\(directive.name) takes one path, but \(directive.arguments.count) are given; httpd refuses it."))
            return []
        }
        let candidates = ServerConfigPath.candidates(
            for: written, bases: [prefix, ServerConfigPath.folder(of: directive.path), ServerConfigPath.folder(of: includes.topPath)],
            installRoots: roots)
        var files = includes.resolve(candidates)
        if files.isEmpty, !ServerConfigPath.hasGlob(written) {
            // `Include conf.d/` names a folder: httpd reads every file in it.
            for candidate in candidates {
                files = ServerConfigPath.directoryEntries(candidate, context: includes.context)
                if !files.isEmpty { break }
            }
        }
        if files.isEmpty {
            if !optional, !ServerConfigPath.hasGlob(written) {
                problems.append(
                    ManifestProblem(
                        location: directive.location,
                        message: "The included file \(written) is not in the repository; the directives in it are not read.",
                        severity: .note, check: .outsideRepository))
            }
            return []
        }
        var out: [ApacheDirective] = []
        for file in files {
            guard includes.enter(file, at: directive.location, problems: &problems) else { continue }
            defer { includes.leave() }
            guard let text = includes.text(of: file) else { continue }
            let tree = parse(text, path: file)
            out += expand(tree, depth: depth)
        }
        return out
    }
}
