import CertLintCore
import CertLintManifests
import CertLintPolicy

/// Reads deployment manifests with the reader for their format. The inventory builder calls
/// it for every file it reads, on whichever core reads the file.
struct ManifestScanner: Sendable {
    /// Every reader certlint has, tried in order (the first that accepts a file reads it).
    static let readers: [any ManifestReader.Type] = ManifestReaders.all

    /// The most bytes of a manifest read.
    static let maxManifestSize = 4 << 20

    /// File endings never read as manifests: certificates and keys, binaries, and source code
    /// (JSON stays: CloudFormation, Terraform and appsettings are JSON).
    static let skippedExtensions: Set<String> = Repository.certificateExtensions
        .union(Repository.sourceExtensions.subtracting(["json"]))
        .union([
            "png", "jpg", "jpeg", "gif", "ico", "pdf", "zip", "gz", "tgz", "jar", "war", "class", "so", "dylib", "dll", "exe",
            "o", "a", "woff", "woff2", "ttf", "mp4", "mov", "wasm", "svg",
        ])

    /// Whether a file with this ending can be a manifest.
    static func mayRead(extension ext: String) -> Bool { !skippedExtensions.contains(ext) }

    /// What readers may ask of the repository.
    let context: ManifestContext

    /// A scanner over the repository's `files` (relative paths).
    init(repository: Repository, files: [String]) {
        let index = RepositoryFileIndex(files)
        context = ManifestContext(
            load: { path in
                let normalized = Repository.normalize(path)
                guard let bytes = try? repository.environment.readFile(repository.absolute(normalized)),
                    bytes.count <= ManifestScanner.maxManifestSize
                else { return nil }
                return String(decoding: bytes, as: UTF8.self)
            },
            list: { pattern in index.files(matching: Repository.normalize(pattern)) })
    }

    /// The contents of the file at `path` when a reader accepts it.
    func read(path: String, text: String) -> ManifestContents? {
        for reader in ManifestScanner.readers where reader.accepts(path: path, text: text) {
            return reader.read(path: path, text: text, context: context)
        }
        return nil
    }
}

/// The repository's files indexed by folder and by path segment, so that readers' lookups
/// (is `certs/` a folder, which files does `conf.d/*.conf` name, where is `site.pem`) look at
/// the few candidates instead of every file: a repository of 10,000 files answered each of
/// them by matching the glob against all 10,000 paths.
struct RepositoryFileIndex: Sendable {
    /// Every folder (at any depth) → the files below it, at any depth, in repository order.
    private let below: [String: [String]]
    /// Every path segment (folder or file name) → the files with that segment.
    private let bySegment: [String: [String]]
    /// All files.
    private let all: [String]

    init(_ files: [String]) {
        var below: [String: [String]] = [:]
        var bySegment: [String: [String]] = [:]
        for file in files {
            let parts = file.split(separator: "/", omittingEmptySubsequences: true)
            var folder = ""
            for part in parts.dropLast() {
                folder = folder.isEmpty ? String(part) : folder + "/" + part
                below[folder, default: []].append(file)
            }
            for segment in Set(parts) { bySegment[String(segment), default: []].append(file) }
        }
        self.below = below
        self.bySegment = bySegment
        all = files
    }

    /// The files ``Glob`` matches `pattern` against, narrowed first by the pattern's literal
    /// folders (or, for a bare literal name, by that name); the same answer as matching every file.
    func files(matching pattern: String) -> [String] {
        let glob = Glob(pattern)
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        func isLiteral(_ segment: Substring) -> Bool { !segment.contains { $0 == "*" || $0 == "?" || $0 == "[" } }
        let candidates: [String]
        if !pattern.contains("/") {
            // A pattern without "/" matches a segment at any depth.
            candidates = segments.count == 1 && isLiteral(segments[0]) ? bySegment[String(segments[0])] ?? [] : all
        } else {
            let literal = segments.prefix { isLiteral($0) }.dropLast(segments.allSatisfy(isLiteral) ? 1 : 0)
            candidates = literal.isEmpty ? all : below[literal.joined(separator: "/")] ?? []
        }
        return candidates.filter { glob.matches($0) }
    }
}
