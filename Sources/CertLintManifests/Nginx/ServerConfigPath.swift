/// Path arithmetic shared by the readers of web-server configuration (nginx, Apache httpd,
/// HAProxy): joining a path as written to the folder it starts from, mapping the absolute
/// paths of a server's installation onto the repository, and listing files through
/// ``ManifestContext/list``.
///
/// Every path here is relative to the repository root and uses `/`. A configuration speaks
/// of the machine it is deployed on (`/etc/nginx/conf.d/*.conf`); the repository holds a copy
/// of that tree somewhere (`deploy/nginx/conf.d/…`). The readers map one onto the other with
/// ``candidates(for:bases:installRoots:)``: the first candidate that names files wins.
enum ServerConfigPath {
    /// The folder of a repository-relative path (`""` for a file at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `base/relative` with `.` and empty components dropped and `..` resolved; `nil` when a
    /// `..` climbs above the repository root.
    static func join(_ base: String, _ relative: String) -> String? {
        var parts: [Substring] = []
        for component in (base + "/" + relative).split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(component)
        }
        return parts.joined(separator: "/")
    }

    /// Whether a path as written is absolute (`/etc/…`).
    static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// Whether a path holds glob characters (`*`, `?`, `[`).
    static func hasGlob(_ path: String) -> Bool { path.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// `folder`, or its parent when the folder's name is one of `stepOver` (a configuration
    /// read on its own from `conf.d/` starts its relative paths from the folder above).
    static func prefix(ofFolder folder: String, stepOver: Set<String>) -> String {
        var current = folder
        // Two steps at most: Apache's `conf/extra/httpd-ssl.conf` sits two below ServerRoot.
        for _ in 0..<2 {
            guard !current.isEmpty, stepOver.contains(fileName(of: current)) else { break }
            current = self.folder(of: current)
        }
        return current
    }

    /// The repository paths a path as written may stand for, best first, without repeats.
    ///
    /// A relative path is tried against each of `bases` in turn. An absolute path under one of
    /// `installRoots` (`/etc/nginx`) is tried as the rest of the path against each base (the
    /// first base is the folder that stands for that root); any absolute path is then tried as
    /// a path from the repository root (`/srv/tls/a.pem` → `srv/tls/a.pem`).
    static func candidates(for written: String, bases: [String], installRoots: [String]) -> [String] {
        var out: [String] = []
        func add(_ candidate: String?) {
            guard let candidate, !candidate.isEmpty, !out.contains(candidate) else { return }
            out.append(candidate)
        }
        if isAbsolute(written) {
            for root in installRoots where written.hasPrefix(root + "/") {
                let rest = String(written.dropFirst(root.count + 1))
                for base in bases { add(join(base, rest)) }
            }
            add(join("", String(written.drop { $0 == "/" })))
        } else {
            for base in bases { add(join(base, written)) }
        }
        return out
    }

    /// The files matching `pattern` (a repository-relative glob without `**`), sorted, as
    /// glob(3) would return them: only files at the pattern's own depth.
    static func files(matching pattern: String, context: ManifestContext) -> [String] {
        let depth = pattern.split(separator: "/", omittingEmptySubsequences: true).count
        let found = context.list(pattern).filter {
            $0.split(separator: "/", omittingEmptySubsequences: true).count == depth
        }
        return Array(Set(found)).sorted()
    }

    /// The files directly inside `folder` (repository-relative), sorted; empty when it is not
    /// a folder of the repository.
    static func directoryEntries(_ folder: String, context: ManifestContext) -> [String] {
        let trimmed = String(folder.reversed().drop { $0 == "/" }.reversed())
        guard !trimmed.isEmpty else { return [] }
        return files(matching: trimmed + "/*", context: context)
    }
}
