import CertLintCore
import CertLintPolicy

/// `certlint rules`, `certlint explain ID` and `certlint test [DIR…]`: what the rules are, one
/// rule in full, and whether every rule's examples behave.
enum RulesCommand {
    static let listParser = ArgumentParser(command: "rules", options: [.init("--config"), .init("--rules", repeatable: true)])
    static let explainParser = ArgumentParser(command: "explain", options: [.init("--config"), .init("--rules", repeatable: true)])
    static let testParser = ArgumentParser(command: "test", options: [.init("--quiet", value: false)])

    /// `certlint rules`: one line per rule that would run, grouped by pack.
    static func list(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        let options = try listParser.parse(arguments)
        let rules: [Rule]
        switch LintCommand.prepare(options, environment: environment) {
        case .success(let setup): rules = setup.rules
        case .failure(let failure):
            failure.lines.forEach { environment.standardError("\($0)\n") }
            return .usageError
        }
        var out = ""
        var pack = ""
        let width = (rules.map(\.id.count).max() ?? 10) + 2
        for rule in rules {
            if rule.descriptor.pack != pack {
                pack = rule.descriptor.pack
                out += (out.isEmpty ? "" : "\n") + "\(pack)\n"
            }
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.descriptor.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            out += "  \(id)\(severity)\(rule.descriptor.summary)\n"
        }
        out += "\n\(rules.count) rules. `certlint explain ID` tells one in full.\n"
        environment.standardOutput(out)
        return .success
    }

    /// `certlint explain ID`.
    static func explain(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        let options = try explainParser.parse(arguments)
        guard let id = options.positional.first, options.positional.count == 1 else {
            throw UsageError("explain: name one rule, as `certlint explain server-eku`.")
        }
        var cleaned = options
        cleaned.positional = []
        let rules: [Rule]
        switch LintCommand.prepare(cleaned, environment: environment) {
        case .success(let setup): rules = setup.rules
        case .failure(let failure):
            failure.lines.forEach { environment.standardError("\($0)\n") }
            return .usageError
        }
        guard let rule = rules.first(where: { $0.id == id }) else {
            let ids = rules.map(\.id)
            throw UsageError("explain: there is no rule '\(id)'" + (Suggestions.closest(to: id, among: ids).map { "; did you mean '\($0)'?" } ?? "; `certlint rules` lists them."))
        }
        let d = rule.descriptor
        var out = "\(d.id) (\(d.pack), \(d.severity.rawValue), for each \(rule.subject.rawValue))\n\n\(d.summary)\n"
        if let rationale = d.rationale { out += "\nWhy: \(rationale)\n" }
        if let help = d.help { out += "\nFix: \(help)\n" }
        if !rule.params.isEmpty {
            out += "\nParameters (set them under `rules: \(d.id): params:` in .certlint.yml):\n"
            for name in rule.params.keys.sorted() {
                out += "  \(name): \(MessageTemplateText.text(rule.params[name] ?? .null))\n"
            }
        }
        if !d.references.isEmpty { out += "\nReferences: \(d.references.joined(separator: "; "))\n" }
        out += "\nDefined in \(rule.file):\(rule.position.line)\n"
        environment.standardOutput(out)
        return .success
    }

    /// `certlint test [DIR…]`: runs the examples of the built-in packs (or of the packs in DIRs).
    static func test(_ arguments: [String], environment: Environment) throws(UsageError) -> CertLintExitStatus {
        let options = try testParser.parse(arguments)
        var packs: [RulePack] = []
        if options.positional.isEmpty {
            switch BuiltinPacks.load() {
            case .success(let p): packs = p
            case .failure(let errors):
                errors.errors.forEach { environment.standardError("\($0)\n") }
                return .usageError
            }
        } else {
            let directories = options.positional.map { (InspectCommand.absolute($0, in: environment.workingDirectory), $0, "certlint: error: ") }
            switch LintCommand.loadPacks(from: directories, environment: environment) {
            case .success(let p): packs = p
            case .failure(let failure):
                failure.lines.forEach { environment.standardError("\($0)\n") }
                return .usageError
            }
        }
        let results = PolicyEngine.runExamples(packs.flatMap(\.rules))
        var out = ""
        var failures = 0
        for result in results {
            if let failure = result.failure {
                failures += 1
                out += "\(result.rule.file):\(result.example.position.line):\(result.example.position.column): error: example (\(result.example.expectation.rawValue)) of \(result.rule.id): \(failure)\n"
            }
        }
        let ruleCount = Set(results.map(\.rule.id)).count
        out += "\(results.count) examples of \(ruleCount) rules in \(packs.count) packs: \(results.count - failures) passed, \(failures) failed.\n"
        if failures > 0 || !options.has("--quiet") { environment.standardOutput(out) }
        return failures > 0 ? .findings : .success
    }
}

/// Renders parameter values for `explain`.
enum MessageTemplateText {
    static func text(_ value: CELValue) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return String(i)
        case .bool(let b): return String(b)
        case .double(let d): return String(d)
        case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        default: return "\(value)"
        }
    }
}
