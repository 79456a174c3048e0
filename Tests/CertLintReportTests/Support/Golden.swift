import Foundation
import Testing

/// The repository root, found from this file.
let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Compares `actual` with `Tests/Fixtures/golden/NAME`, recording the first differing line on
/// failure; with `CERTLINT_RECORD_GOLDEN=1` in the environment it rewrites the file instead
/// (review the diff, and check the new file by hand).
func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = repositoryRoot + "/Tests/Fixtures/golden/" + name
    if ProcessInfo.processInfo.environment["CERTLINT_RECORD_GOLDEN"] == "1" {
        do {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("cannot write \(path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("missing golden file \(name); record it with CERTLINT_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    #expect(expected == actual, "output differs from \(name) at line \(firstDifference(expected, actual))", sourceLocation: sourceLocation)
}

/// "N: expected … actual …" for the first line where two texts differ.
func firstDifference(_ expected: String, _ actual: String) -> String {
    let e = expected.components(separatedBy: "\n")
    let a = actual.components(separatedBy: "\n")
    for i in 0..<max(e.count, a.count) {
        let x = i < e.count ? e[i] : "(end)"
        let y = i < a.count ? a[i] : "(end)"
        if x != y { return "\(i + 1):\n  expected: \(x.debugDescription)\n  actual:   \(y.debugDescription)" }
    }
    return "none"
}
