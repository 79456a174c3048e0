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
        let allFiles = files
        context = ManifestContext(
            load: { path in
                let normalized = Repository.normalize(path)
                guard let bytes = try? repository.environment.readFile(repository.absolute(normalized)),
                    bytes.count <= ManifestScanner.maxManifestSize
                else { return nil }
                return String(decoding: bytes, as: UTF8.self)
            },
            list: { pattern in
                let glob = Glob(Repository.normalize(pattern))
                return allFiles.filter { glob.matches($0) }
            })
    }

    /// The contents of the file at `path` when a reader accepts it.
    func read(path: String, text: String) -> ManifestContents? {
        for reader in ManifestScanner.readers where reader.accepts(path: path, text: text) {
            return reader.read(path: path, text: text, context: context)
        }
        return nil
    }
}
