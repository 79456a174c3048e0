import PackagePlugin
import Foundation

@main
struct LintCerts: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "certlint")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["lint", context.package.directoryURL.path] + arguments
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("certlint exited with status \(process.terminationStatus)")
        }
    }
}
