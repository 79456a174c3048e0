import CertLintDER
import Foundation

/// Everything certlint needs from the outside world, passed in so tests can replace it:
/// files, output streams, the clock, environment variables, and whether output is a terminal.
public struct Environment: Sendable {
    /// Reads a whole file; throws when it cannot.
    public var readFile: @Sendable (String) throws -> [UInt8]
    /// Writes a whole file (only the report file the user names is ever written).
    public var writeFile: @Sendable (String, [UInt8]) throws -> Void
    /// Lists a directory's entries (names only); throws when it is not a directory.
    public var listDirectory: @Sendable (String) throws -> [String]
    /// Whether a path is a directory; `nil` when it does not exist.
    public var isDirectory: @Sendable (String) -> Bool?
    /// A file's size in bytes, when it can be told without reading it.
    public var fileSize: @Sendable (String) -> Int?
    /// Writes to standard output.
    public var standardOutput: @Sendable (String) -> Void
    /// Writes to standard error.
    public var standardError: @Sendable (String) -> Void
    /// The current time, used when `--at` is not given.
    public var now: @Sendable () -> DERTime
    /// Environment variables.
    public var variables: [String: String]
    /// The working directory that relative paths start from.
    public var workingDirectory: String
    /// Whether standard output is a terminal (colour, progress, timing).
    public var isTerminal: Bool

    /// Creates an environment from its parts.
    public init(
        readFile: @escaping @Sendable (String) throws -> [UInt8],
        writeFile: @escaping @Sendable (String, [UInt8]) throws -> Void,
        listDirectory: @escaping @Sendable (String) throws -> [String],
        isDirectory: @escaping @Sendable (String) -> Bool?,
        fileSize: @escaping @Sendable (String) -> Int? = { _ in nil },
        standardOutput: @escaping @Sendable (String) -> Void,
        standardError: @escaping @Sendable (String) -> Void,
        now: @escaping @Sendable () -> DERTime,
        variables: [String: String],
        workingDirectory: String,
        isTerminal: Bool = false
    ) {
        self.readFile = readFile
        self.writeFile = writeFile
        self.listDirectory = listDirectory
        self.isDirectory = isDirectory
        self.fileSize = fileSize
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.now = now
        self.variables = variables
        self.workingDirectory = workingDirectory
        self.isTerminal = isTerminal
    }

    /// The real process environment: the file system, stdio, the system clock.
    public static var process: Environment {
        Environment(
            readFile: { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CocoaError(.fileReadNoSuchFile)
                }
                return Array(data)
            },
            writeFile: { path, bytes in try Data(bytes).write(to: URL(fileURLWithPath: path)) },
            listDirectory: { path in try FileManager.default.contentsOfDirectory(atPath: path) },
            isDirectory: { path in
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
                return isDirectory.boolValue
            },
            fileSize: { path in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil },
            standardOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            standardError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            now: { DERTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))) },
            variables: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            isTerminal: isatty(1) == 1)
    }
}
