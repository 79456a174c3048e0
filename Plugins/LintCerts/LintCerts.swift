import Foundation
import PackagePlugin

/// `swift package lint-certs [--target NAME]… [certlint options]`: lints the package with
/// certlint — its `.certlint.yml`, certificates, keys, keystores and deployment manifests — and
/// fails the command when certlint finds problems at or above `--fail-on`.
///
/// - `--target NAME` (repeatable) narrows the report to those targets' directories; the whole
///   package is still read, so a certificate is linted with the roles its manifests give it.
/// - Every other argument goes to certlint unchanged (`--format sarif --output certs.sarif`,
///   `--fail-on warning`, `--at 2026-11-23`). Relative paths are resolved against the folder
///   the command runs in.
/// - The plugin asks for no permission, so that it runs in CI without flags (a declared write
///   permission makes every non-interactive run fail without `--allow-writing-to-package-directory`).
///   Writing a report into the package with `--output` is the one thing that can need it: where
///   SwiftPM sandboxes plugins (macOS) the write fails, and the plugin says to write the report
///   outside the package.
/// - certlint prints `path:line:column: severity: message [rule]`, which Xcode and editors link.
///   SwiftPM reports every failure as exit status 1; the `certlint` binary itself tells 1
///   (findings) from 2 (usage or configuration error).
@main
struct LintCerts: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let passThrough = extractor.remainingArguments
        let package = context.package.directoryURL.path
        var paths: [String] = []
        if !targetNames.isEmpty {
            do {
                paths = try context.package.targets(named: targetNames).map { $0.directory.string }
            } catch {
                Diagnostics.error("lint-certs: \(error)")
                return
            }
        }
        let tool = try context.tool(named: "certlint")
        let process = Process()
        process.executableURL = tool.url
        process.currentDirectoryURL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        process.arguments = ["lint", "--root", package] + passThrough + (paths.isEmpty ? [package] : paths)
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit else {
            Diagnostics.error("certlint stopped unexpectedly (signal \(process.terminationStatus))")
            return
        }
        switch process.terminationStatus {
        case 0:
            return
        case 1:
            Diagnostics.error("certlint found problems; see the diagnostics above")
        case 2:
            let writes = passThrough.contains("--output")
            Diagnostics.error(
                writes
                    ? "certlint could not run (see above); if it could not write the report, write it outside the package (for example --output /tmp/certs.sarif): lint-certs asks for no permission to write into the package"
                    : "certlint could not run: a usage or configuration error (see above)")
        default:
            Diagnostics.error("certlint failed with exit status \(process.terminationStatus)")
        }
    }
}
