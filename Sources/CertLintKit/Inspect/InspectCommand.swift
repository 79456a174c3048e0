import CertLintCore
import CertLintDER
import CertLintPolicy
import CertLintX509

/// `certlint inspect PATH…`.
enum InspectCommand {
    static let parser = ArgumentParser(command: "inspect", options: [
        .init("--format", allowed: ["text", "json"]),
        .init("--at"),
        .init("--output"),
        .init("--keystore-password-env", repeatable: true),
    ])

    /// File name endings worth reading when a directory is inspected.
    static let certificateExtensions: Set<String> = [
        "pem", "crt", "cer", "der", "key", "csr", "req", "p7b", "p7c", "p7s", "pfx", "p12", "jks", "jceks",
        "keystore", "truststore", "ca-bundle", "chain", "cert", "pub",
    ]

    static func run(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        let options = try parser.parse(arguments)
        guard !options.positional.isEmpty else {
            throw UsageError("inspect: name at least one file or directory to inspect.")
        }
        let now = try options.value("--at").map { text throws(UsageError) in try CertLintCommand.parseTime(text) } ?? environment.now()
        var files: [(path: String, bytes: [UInt8])] = []
        for path in options.positional {
            let full = absolute(path, in: environment.workingDirectory)
            switch environment.isDirectory(full) {
            case nil:
                throw UsageError("inspect: \(path): no such file or directory.")
            case true?:
                for relative in walk(full, environment: environment) {
                    let display = path.hasSuffix("/") ? path + relative : path + "/" + relative
                    guard let bytes = try? environment.readFile(full + "/" + relative) else { continue }
                    let ext = relative.split(separator: ".").last.map { $0.lowercased() } ?? ""
                    let file = PKIFile.read(bytes)
                    let worthShowing = file.encoding == .pem || file.encoding == .der || (certificateExtensions.contains(ext) && file.encoding != .text)
                    if worthShowing { files.append((display, bytes)) }
                }
            case false?:
                do {
                    files.append((path, try environment.readFile(full)))
                } catch {
                    throw UsageError("inspect: \(path): the file cannot be read.")
                }
            }
        }
        let mappings = options.values["--keystore-password-env"] ?? []
        for mapping in mappings where !KeystorePasswords.isValidMapping(mapping) {
            throw UsageError("inspect: --keystore-password-env takes PATTERN=VARIABLE (the name of an environment variable, never a password), not '\(mapping)'.")
        }
        let passwords = KeystorePasswords.from(Configuration(), options: mappings, variables: environment.variables)
        let inspection = Inspection(files: files, now: now, passwords: passwords)
        let output = options.value("--format") == "json"
            ? InspectionRenderer.json(inspection).serialized(pretty: true)
            : InspectionRenderer.text(inspection)
        if let outputPath = options.value("--output") {
            do {
                try environment.writeFile(absolute(outputPath, in: environment.workingDirectory), Array(output.utf8))
            } catch {
                throw UsageError("inspect: cannot write the report to \(outputPath).")
            }
        } else {
            environment.standardOutput(output)
        }
        return inspection.hasUnreadableInput ? .findings : .success
    }

    static func absolute(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory + path : directory + "/" + path)
    }

    /// Every regular file under `directory`, relative to it, sorted; hidden entries and build
    /// folders are skipped.
    static func walk(_ directory: String, environment: Environment) -> [String] {
        var result: [String] = []
        var pending = [""]
        var visited = 0
        while let relative = pending.popLast() {
            visited += 1
            if visited > 100_000 { break }
            let full = relative.isEmpty ? directory : directory + "/" + relative
            guard let entries = try? environment.listDirectory(full) else { continue }
            for entry in entries.sorted() where !entry.hasPrefix(".") && entry != "node_modules" {
                let child = relative.isEmpty ? entry : relative + "/" + entry
                switch environment.isDirectory(directory + "/" + child) {
                case true?: pending.append(child)
                case false?: result.append(child)
                case nil: break
                }
            }
        }
        return result.sorted()
    }
}
