import Foundation
import PackagePlugin

/// `swift package lint-certs`: runs the certlint tool over the package's directory.
///
/// Until the policy engine lands, the tool's `inspect` command is what runs: it reports every
/// certificate, key and bundle in the package and fails when one cannot be read. Arguments
/// after the verb go to certlint unchanged. SwiftPM reports any failure as exit status 1.
@main
struct LintCerts: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "certlint")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["inspect"] + arguments + [context.package.directoryURL.path]
        try process.run()
        process.waitUntilExit()
        if process.terminationReason != .exit || process.terminationStatus != 0 {
            Diagnostics.error("certlint found problems (exit status \(process.terminationStatus))")
        }
    }
}
