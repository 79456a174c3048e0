import CertLintCore
import Foundation

@testable import CertLintManifests

/// A repository of marked files (``MarkedText``) for one reader test, served to `Reader`
/// through a ``ManifestContext``: `list` answers glob patterns as glob(3) does with
/// `FNM_PATHNAME`.
struct MarkedRepository<Reader: ManifestReader> {
    let files: [String: MarkedText]

    init(_ files: [String: String]) { self.files = files.mapValues { MarkedText($0) } }

    var context: ManifestContext {
        let texts = files.mapValues(\.text)
        return ManifestContext(
            load: { texts[$0] },
            list: { pattern in texts.keys.filter { fnmatch(pattern, $0, FNM_PATHNAME) == 0 }.sorted() })
    }

    /// What `Reader` reads from the file at `path`.
    func read(_ path: String) -> ManifestContents {
        Reader.read(path: path, text: files[path]?.text ?? "", context: context)
    }

    /// Where `marker` is in the file at `path`.
    func at(_ marker: String, _ path: String) -> CertLintCore.SourceLocation {
        files[path]?.location(marker, in: path) ?? CertLintCore.SourceLocation(path: "missing marker \(marker) in \(path)")
    }

    /// The endpoint identity (`path:line`) of the directive holding `marker`.
    func id(_ marker: String, _ path: String) -> String { "\(path):\(at(marker, path).line ?? 0)" }
}
