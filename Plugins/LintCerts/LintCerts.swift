import Foundation
import PackagePlugin

/// `swift package lint-certs [certlint options]`: lints the package's directory with certlint
/// (its `.certlint.yml` and manifests included) and fails the command when certlint finds
/// problems at or above `--fail-on`. SwiftPM reports every failure as exit status 1; the
/// `certlint` binary itself distinguishes 1 (findings) from 2 (usage or configuration error).
@main
struct LintCerts: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "certlint")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["lint", context.package.directoryURL.path] + arguments
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
            Diagnostics.error("certlint could not run: a usage or configuration error (see above)")
        default:
            Diagnostics.error("certlint failed with exit status \(process.terminationStatus)")
        }
    }
}
