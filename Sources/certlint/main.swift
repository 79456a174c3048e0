import CertLintKit
import Foundation

let status = CertLintCommand.run(Array(CommandLine.arguments.dropFirst()), environment: .process)
exit(status.rawValue)
