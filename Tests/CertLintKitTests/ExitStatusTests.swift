import Foundation
import Testing

/// The built `certlint` binary's exit status over folders that are clean, have only warnings,
/// have errors, or have a bad configuration: 0, 0, 1, 2 (and 1 for warnings with
/// `--fail-on warning`), exactly as the README's contract says.
@Suite struct ExitStatusTests {
    /// The `certlint` executable SwiftPM built next to the test bundle.
    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: repositoryRoot).appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("certlint")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "certlint next to \(CommandLine.arguments[0])"])
    }

    static func run(_ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func exitStatusFollowsTheContract() throws {
        let clean = try TemporaryRepository(copies: ["certs/www.crt": "inputs/leaf.crt"])
        let warnings = try TemporaryRepository(copies: ["certs/long.der": "x509/generated/validity-398-days-plus-1s.der"])
        let errors = try TemporaryRepository(copies: ["certs/weak.der": "x509/generated/key-rsa-1024.der"])
        let badConfig = try TemporaryRepository(config: "fail-on: sometimes\n", copies: ["certs/www.crt": "inputs/leaf.crt"])
        defer { [clean, warnings, errors, badConfig].forEach { $0.remove() } }
        let at = ["--at", "2025-06-01"]

        let (cleanStatus, cleanOut, _) = try Self.run([clean.path] + at)
        #expect(cleanStatus == 0, "\(cleanOut)")
        let (warningStatus, warningOut, _) = try Self.run([warnings.path] + at)
        #expect(warningStatus == 0, "\(warningOut)")
        #expect(warningOut.contains("warning:"))
        let (strictStatus, _, _) = try Self.run([warnings.path, "--fail-on", "warning"] + at)
        #expect(strictStatus == 1)
        let (errorStatus, errorOut, _) = try Self.run(["lint", errors.path] + at)
        #expect(errorStatus == 1, "\(errorOut)")
        #expect(errorOut.contains("error:"))
        let (configStatus, configOut, configErr) = try Self.run([badConfig.path] + at)
        #expect(configStatus == 2, "\(configOut)")
        #expect(configErr.contains(".certlint.yml:1:10: error:"))
        let (usageStatus, _, usageErr) = try Self.run(["lint", "--formt", "json"])
        #expect(usageStatus == 2)
        #expect(usageErr.contains("did you mean '--format'?"))
    }
}
