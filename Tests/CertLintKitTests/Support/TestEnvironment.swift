import CertLintDER
import Foundation

@testable import CertLintKit

/// The repository root, found from this file.
let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Output captured from a run.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    private var written: [String: [UInt8]] = [:]

    func appendOut(_ s: String) { lock.withLock { out += s } }
    func appendErr(_ s: String) { lock.withLock { err += s } }
    func write(_ path: String, _ bytes: [UInt8]) { lock.withLock { written[path] = bytes } }
    var standardOutput: String { lock.withLock { out } }
    var standardError: String { lock.withLock { err } }
    var files: [String: [UInt8]] { lock.withLock { written } }
}

/// Runs certlint in the repository root with the real file system (read-only), captured
/// output, writes kept in memory, and a fixed clock.
func runCertLint(
    _ arguments: [String], now: DERTime = DERTime(secondsSinceEpoch: 1_767_225_600), workingDirectory: String = repositoryRoot,
    variables: [String: String] = [:]
) -> (CertLintExitStatus, CapturedOutput) {
    let captured = CapturedOutput()
    let process = Environment.process
    let environment = Environment(
        readFile: process.readFile,
        writeFile: { path, bytes in captured.write(path, bytes) },
        listDirectory: process.listDirectory,
        isDirectory: process.isDirectory,
        fileSize: process.fileSize,
        standardOutput: { captured.appendOut($0) },
        standardError: { captured.appendErr($0) },
        now: { now },
        variables: variables,
        workingDirectory: workingDirectory)
    let status = CertLintCommand.run(arguments, environment: environment)
    return (status, captured)
}

/// Compares `actual` with the golden file `Tests/Fixtures/golden/NAME`; with
/// `CERTLINT_RECORD_GOLDEN=1` in the environment it rewrites the file instead (review the diff).
func expectGolden(_ name: String, _ actual: String) throws -> (matches: Bool, expected: String) {
    let path = repositoryRoot + "/Tests/Fixtures/golden/" + name
    if ProcessInfo.processInfo.environment["CERTLINT_RECORD_GOLDEN"] == "1" {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        return (true, actual)
    }
    let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(missing golden file \(name))"
    return (expected == actual, expected)
}

/// "N: expected ≠ actual" for the first line where two texts differ.
func firstDifference(_ expected: String, _ actual: String) -> String {
    let e = expected.components(separatedBy: "\n")
    let a = actual.components(separatedBy: "\n")
    for i in 0..<max(e.count, a.count) {
        let x = i < e.count ? e[i] : "(end)"
        let y = i < a.count ? a[i] : "(end)"
        if x != y { return "\(i + 1):\n  expected: \(x)\n  actual:   \(y)" }
    }
    return "none"
}

/// A throwaway repository: a folder under the temporary directory with a `.certlint.yml`
/// (so certlint takes it as the root) and the given files, copied from `Tests/Fixtures` or
/// written from text. Removed by `remove()`.
struct TemporaryRepository {
    let path: String

    init(config: String = "", copies: [String: String] = [:], texts: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "certlint-test-" + UUID().uuidString
        let manager = FileManager.default
        try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        try config.write(toFile: path + "/.certlint.yml", atomically: true, encoding: .utf8)
        for (destination, fixture) in copies {
            let target = path + "/" + destination
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try manager.copyItem(atPath: repositoryRoot + "/Tests/Fixtures/" + fixture, toPath: target)
        }
        for (destination, text) in texts {
            let target = path + "/" + destination
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: target, atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
