import CertLintCore

/// The bounded bookkeeping of a configuration that includes other files (nginx `include`,
/// Apache `Include`, HAProxy `crt-list`): which files were read, the chain of files being read
/// now (to refuse cycles), and the caps — at most ``maxDepth`` nested includes and
/// ``maxFiles`` inclusions in all, counting a file each time it is included.
///
/// Texts are loaded once through ``ManifestContext/load`` and kept, so a snippet included by
/// every server block is read from the repository once.
struct ServerConfigIncludes {
    /// The deepest chain of includes followed.
    static let maxDepth = 16
    /// The most inclusions followed while reading one manifest.
    static let maxFiles = 1_000

    /// Where files come from.
    let context: ManifestContext
    /// The manifest being read.
    let topPath: String
    /// The files being read now, outermost first (the manifest itself first).
    private(set) var stack: [String]
    /// Inclusions followed so far.
    private(set) var entered = 0
    /// The files read besides the manifest, in the order they were first read, without repeats.
    private(set) var included: [String] = []
    private var includedSet: Set<String> = []
    private var texts: [String: String] = [:]
    private var absent: Set<String> = []
    private var reportedFileCap = false

    /// Bookkeeping for reading `topPath` with `context`.
    init(topPath: String, context: ManifestContext) {
        self.topPath = topPath
        self.context = context
        stack = [topPath]
    }

    /// The text of a repository file, loaded once; `nil` when the repository has no such file.
    mutating func text(of path: String) -> String? {
        if let text = texts[path] { return text }
        if absent.contains(path) { return nil }
        guard let text = context.load(path) else {
            absent.insert(path)
            return nil
        }
        texts[path] = text
        return text
    }

    /// The files the first fruitful candidate names: a glob is listed, a plain path must load.
    mutating func resolve(_ candidates: [String]) -> [String] {
        for candidate in candidates {
            if ServerConfigPath.hasGlob(candidate) {
                let found = ServerConfigPath.files(matching: candidate, context: context)
                if !found.isEmpty { return found }
            } else if text(of: candidate) != nil {
                return [candidate]
            }
        }
        return []
    }

    /// Starts reading `path`, included at `location`; `false` (with a problem) when that
    /// would close a cycle, go deeper than ``maxDepth`` or past ``maxFiles``.
    mutating func enter(_ path: String, at location: SourceLocation, problems: inout [ManifestProblem]) -> Bool {
        if stack.contains(path) {
            let chain = (stack + [path]).joined(separator: " → ")
            problems.append(
                ManifestProblem(
                    location: location,
                    message: "Including \(path) here closes an include cycle (\(chain)); the repeated include is skipped."))
            return false
        }
        if stack.count > ServerConfigIncludes.maxDepth {
            problems.append(
                ManifestProblem(
                    location: location,
                    message: "Including \(path) here nests includes deeper than \(ServerConfigIncludes.maxDepth) levels; it is not read."))
            return false
        }
        if entered >= ServerConfigIncludes.maxFiles {
            if !reportedFileCap {
                reportedFileCap = true
                problems.append(
                    ManifestProblem(
                        location: location,
                        message: "This configuration includes more than \(ServerConfigIncludes.maxFiles) files; \(path) and the includes after it are not read."))
            }
            return false
        }
        stack.append(path)
        entered += 1
        if path != topPath, includedSet.insert(path).inserted { included.append(path) }
        return true
    }

    /// Finishes reading the file ``enter(_:at:problems:)`` started.
    mutating func leave() {
        if stack.count > 1 { stack.removeLast() }
    }
}

/// The caps on expanding a configuration with its includes (nginx, Apache): at most
/// `maxDirectives` directives in all, and blocks or sections nested at most `maxDepth` deep
/// counting included files. Each cap is reported once, where it is first reached.
struct ServerConfigExpansionCaps {
    let maxDirectives: Int
    let maxDepth: Int
    /// How the format calls what nests (`Blocks`, `Sections`).
    let nestedThings: String
    private var left: Int
    private var reportedDirectives = false
    private var reportedDepth = false

    init(maxDirectives: Int, maxDepth: Int, nestedThings: String) {
        self.maxDirectives = maxDirectives
        self.maxDepth = maxDepth
        self.nestedThings = nestedThings
        left = maxDirectives
    }

    /// Counts the directive at `location`; `false` once the budget is spent (the first time
    /// with a problem), and the rest of the configuration is not read.
    mutating func take(at location: SourceLocation, problems: inout [ManifestProblem]) -> Bool {
        guard left > 0 else {
            if !reportedDirectives {
                reportedDirectives = true
                problems.append(
                    ManifestProblem(
                        location: location,
                        message: "The configuration has more than \(maxDirectives) directives with its includes; the rest is not read."))
            }
            return false
        }
        left -= 1
        return true
    }

    /// Whether a block at `depth` may be read; when not (the first time with a problem), what
    /// is inside it is not read.
    mutating func mayEnter(depth: Int, at location: SourceLocation, problems: inout [ManifestProblem]) -> Bool {
        guard depth < maxDepth else {
            if !reportedDepth {
                reportedDepth = true
                problems.append(
                    ManifestProblem(
                        location: location,
                        message: "\(nestedThings) are nested deeper than \(maxDepth) levels here (counting included files); what is inside is not read."))
            }
            return false
        }
        return true
    }
}
