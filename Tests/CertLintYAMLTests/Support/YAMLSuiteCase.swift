import Foundation

/// One case of the yaml-test-suite (a folder with `in.yaml`; `00`, `01`… sub-folders for
/// ids with several cases), read from the corpora folder at run time and never copied.
struct YAMLSuiteCase: CustomStringConvertible {
    /// `229Q`, or `2G84/02` for a sub-case.
    var id: String
    var title: String
    var input: String
    /// Whether a reader must reject the input (`error` exists).
    var mustFail: Bool
    /// The expected data, one JSON text per document, when the input is valid and
    /// representable as JSON.
    var expectedJSON: String?
    /// The expected event stream.
    var expectedEvents: String?

    var description: String { id }

    /// Every case under `folder`, sorted by id.
    static func all(in folder: String) -> [YAMLSuiteCase] {
        let files = FileManager.default
        var cases: [YAMLSuiteCase] = []
        let ids = ((try? files.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.count == 4 }.sorted()
        for id in ids {
            let directory = folder + "/" + id
            if files.fileExists(atPath: directory + "/in.yaml") {
                if let found = read(id: id, directory: directory) { cases.append(found) }
                continue
            }
            let subfolders = ((try? files.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for sub in subfolders where files.fileExists(atPath: directory + "/" + sub + "/in.yaml") {
                if let found = read(id: id + "/" + sub, directory: directory + "/" + sub) { cases.append(found) }
            }
        }
        return cases
    }

    private static func read(id: String, directory: String) -> YAMLSuiteCase? {
        func text(_ name: String) -> String? {
            FileManager.default.contents(atPath: directory + "/" + name).map { String(decoding: $0, as: UTF8.self) }
        }
        guard let input = text("in.yaml") else { return nil }
        return YAMLSuiteCase(
            id: id, title: (text("===") ?? "").trimmingCharacters(in: .whitespacesAndNewlines), input: input,
            mustFail: FileManager.default.fileExists(atPath: directory + "/error"), expectedJSON: text("in.json"),
            expectedEvents: text("test.event"))
    }
}
