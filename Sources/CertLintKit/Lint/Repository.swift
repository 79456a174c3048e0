import CertLintPolicy

/// The repository a run works in: its root, and the files certlint reads there.
struct Repository {
    /// The absolute root (no trailing slash).
    let root: String
    let environment: Environment

    /// The most bytes read from one file.
    static let maxFileSize = 16 << 20
    /// The most bytes read from a file whose name does not say it holds certificates.
    static let maxUnnamedFileSize = 1 << 20
    /// The most files considered in one run.
    static let maxFiles = 200_000

    /// Folders never entered.
    static let skippedDirectories: Set<String> = [".git", ".build", "node_modules", ".swiftpm", "DerivedData", ".venv", "venv", "__pycache__", ".terraform"]

    /// File name endings read as certificates, keys, bundles or keystores whatever their content.
    static let certificateExtensions: Set<String> = [
        "pem", "crt", "cer", "der", "key", "csr", "req", "p7b", "p7c", "p7s", "pfx", "p12", "jks", "jceks", "keystore",
        "truststore", "ca-bundle", "chain", "cert", "pub", "bks",
    ]

    /// Source-code endings never read for certificates, even if they hold PEM text in strings.
    static let sourceExtensions: Set<String> = [
        "swift", "go", "py", "js", "ts", "java", "kt", "rb", "rs", "c", "h", "cc", "cpp", "m", "cs", "php", "scala", "md",
        "html", "css", "json", "lock", "sum", "mod", "sh",
    ]

    /// The nearest folder at or above `path` holding `.certlint.yml` or `.git`; else `path`
    /// itself (its folder, for a file).
    static func root(for path: String, environment: Environment) -> String {
        var candidate = environment.isDirectory(path) == true ? path : parent(of: path)
        var current = candidate
        while true {
            if environment.isDirectory(current + "/.certlint.yml") == false || environment.isDirectory(current + "/.git") != nil {
                return current
            }
            let up = parent(of: current)
            if up == current || up.isEmpty { break }
            current = up
        }
        if candidate.isEmpty { candidate = "/" }
        return candidate
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let up = String(path[..<slash])
        return up.isEmpty ? "/" : up
    }

    /// `path` relative to the root, with `/` separators.
    func relative(_ path: String) -> String {
        if path == root { return "." }
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }

    /// The absolute form of a path relative to the root.
    func absolute(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : root + "/" + relative
    }

    /// Every regular file under the root (relative paths, sorted), skipping hidden and build
    /// folders, filtered by the configuration's include and exclude patterns.
    func files(include: [Glob], exclude: [Glob]) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let full = relative.isEmpty ? root : root + "/" + relative
            guard let entries = try? environment.listDirectory(full) else { continue }
            for entry in entries {
                let child = relative.isEmpty ? entry : relative + "/" + entry
                switch environment.isDirectory(root + "/" + child) {
                case true?:
                    if entry.hasPrefix(".") || Repository.skippedDirectories.contains(entry) { continue }
                    if exclude.contains(where: { $0.matches(child) }) { continue }
                    pending.append(child)
                case false?:
                    if entry == ".certlint.yml" { continue }
                    if !include.isEmpty && !include.contains(where: { $0.matches(child) }) { continue }
                    if exclude.contains(where: { $0.matches(child) }) { continue }
                    result.append(child)
                    if result.count >= Repository.maxFiles { return result.sorted() }
                case nil:
                    continue
                }
            }
        }
        return result.sorted()
    }

    /// The extension of a path, lower-cased ("" when none).
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
