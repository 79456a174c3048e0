import CertLintCore

/// Loads rule packs: validates the schema (unknown keys with suggestions), compiles every
/// expression against the facts, builds the examples. Every problem is reported with its
/// file, line and column, and all of a file's problems are reported at once.
public enum RuleLoader {
    static let packKeys = ["pack", "summary", "rules"]
    static let ruleKeys = [
        "id", "summary", "rationale", "severity", "for", "when", "assert", "message", "help", "references",
        "params", "examples",
    ]

    /// The fixed time examples are evaluated at unless they set `now`.
    public static let exampleTime: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z

    /// Loads one pack from its parsed YAML (`file` names it in errors).
    public static func load(_ root: PolicyNode, file: String) -> Result<RulePack, PolicyErrors> {
        var errors: [PolicyError] = []
        func fail(_ node: PolicyNode, _ message: String) { errors.append(PolicyError(file: file, position: node.position, message: message)) }
        func fail(at position: FilePosition, _ message: String) { errors.append(PolicyError(file: file, position: position, message: message)) }

        guard let entries = root.entries else {
            return .failure(PolicyErrors([PolicyError(file: file, position: root.position, message: "A rule pack must be a mapping with 'pack', 'summary' and 'rules'; this file holds \(root.kindName).")]))
        }
        for entry in entries where !packKeys.contains(entry.key) {
            fail(at: entry.keyPosition, "Unknown key '\(entry.key)' in a rule pack\(Spelling.didYouMean(entry.key, among: packKeys)); the keys are \(packKeys.joined(separator: ", ")).")
        }
        let name = requiredString(root, "pack", in: "the rule pack", file: file, errors: &errors) ?? "?"
        let summary = requiredString(root, "summary", in: "the rule pack", file: file, errors: &errors) ?? ""
        var rules: [Rule] = []
        if let list = root["rules"] {
            if let items = list.items {
                var seen: [String: FilePosition] = [:]
                for item in items {
                    if let rule = loadRule(item, pack: name, file: file, errors: &errors) {
                        if let first = seen[rule.id] {
                            fail(at: rule.position, "The rule id '\(rule.id)' is used twice in this pack (first at line \(first.line)).")
                        }
                        seen[rule.id] = rule.position
                        rules.append(rule)
                    }
                }
            } else {
                fail(list, "'rules' must be a list of rules; it is \(list.kindName).")
            }
        } else {
            fail(root, "The rule pack has no 'rules' list.")
        }
        if !errors.isEmpty { return .failure(PolicyErrors(errors)) }
        return .success(RulePack(name: name, summary: summary, rules: rules, file: file))
    }

    static func requiredString(_ node: PolicyNode, _ key: String, in what: String, file: String, errors: inout [PolicyError]) -> String? {
        guard let value = node[key] else {
            errors.append(PolicyError(file: file, position: node.position, message: "\(what.prefix(1).uppercased() + what.dropFirst()) has no '\(key)'."))
            return nil
        }
        guard let string = value.string, !string.isEmpty else {
            errors.append(PolicyError(file: file, position: value.position, message: "'\(key)' must be a non-empty string; it is \(value.kindName)."))
            return nil
        }
        return string
    }

    static func loadRule(_ node: PolicyNode, pack: String, file: String, errors: inout [PolicyError]) -> Rule? {
        let errorCount = errors.count
        func fail(_ node: PolicyNode, _ message: String) { errors.append(PolicyError(file: file, position: node.position, message: message)) }
        guard let entries = node.entries else {
            fail(node, "Each rule must be a mapping; this one is \(node.kindName).")
            return nil
        }
        for entry in entries where !ruleKeys.contains(entry.key) {
            errors.append(PolicyError(
                file: file, position: entry.keyPosition,
                message: "Unknown key '\(entry.key)' in a rule\(Spelling.didYouMean(entry.key, among: ruleKeys))."))
        }
        guard let id = requiredString(node, "id", in: "a rule", file: file, errors: &errors) else { return nil }
        let idOK = id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } && id.first?.isLetter == true
        if !idOK, let idNode = node["id"] {
            fail(idNode, "The rule id '\(id)' must be lower-case letters, digits and hyphens, starting with a letter.")
        }
        let what = "the rule '\(id)'"
        let summary = requiredString(node, "summary", in: what, file: file, errors: &errors) ?? ""
        var severity = Severity.error
        if let severityText = requiredString(node, "severity", in: what, file: file, errors: &errors), let severityNode = node["severity"] {
            if let parsed = Severity(rawValue: severityText) {
                severity = parsed
            } else {
                fail(severityNode, "The severity '\(severityText)' of \(what) is not one of error, warning, note\(Spelling.didYouMean(severityText, among: ["error", "warning", "note"])).")
            }
        }
        var subject = FactSchema.Subject.certificate
        let subjects = FactSchema.Subject.allCases.map(\.rawValue)
        if let forText = requiredString(node, "for", in: what, file: file, errors: &errors), let forNode = node["for"] {
            if let parsed = FactSchema.Subject(rawValue: forText) {
                subject = parsed
            } else {
                fail(forNode, "'for: \(forText)' in \(what) is not a subject; use one of \(subjects.joined(separator: ", "))\(Spelling.didYouMean(forText, among: subjects)).")
            }
        }
        // Parameters: their defaults fix their types.
        var params: [String: CELValue] = [:]
        var paramTypes: [String: CELType] = [:]
        if let paramsNode = node["params"] {
            if let paramEntries = paramsNode.entries {
                for entry in paramEntries {
                    switch FactValues.inferred(entry.value) {
                    case .success(let (value, type)):
                        params[entry.key] = value
                        paramTypes[entry.key] = type
                    case .failure(let failure):
                        errors.append(PolicyError(file: file, position: entry.value.position, message: "The parameter '\(entry.key)' of \(what): \(failure.message)"))
                    }
                }
            } else if case .null = paramsNode.value {
            } else {
                fail(paramsNode, "'params' of \(what) must be a mapping of names to default values; it is \(paramsNode.kindName).")
            }
        }
        let environment = FactSchema.environment(for: subject, params: paramTypes, ruleID: id)
        func compile(_ key: String, required: Bool) -> CELProgram? {
            guard let exprNode = node[key] else {
                if required { fail(node, "\(what.prefix(1).uppercased() + what.dropFirst()) has no '\(key)'.") }
                return nil
            }
            let source: String
            switch exprNode.value {
            case .string(let s): source = s
            case .bool(let b): source = b ? "true" : "false"
            default:
                fail(exprNode, "'\(key)' of \(what) must be an expression written as a string; it is \(exprNode.kindName).")
                return nil
            }
            do throws(CELCompileError) {
                return try CELProgram.compile(source, environment: environment, expecting: .bool)
            } catch {
                errors.append(PolicyError(file: file, position: exprNode.filePosition(atOffset: error.offset), message: "In '\(key)' of \(what): \(error.message)"))
                return nil
            }
        }
        let when = compile("when", required: false)
        let assertion = compile("assert", required: true)
        var message = MessageTemplate(parts: [])
        if let messageNode = node["message"], let text = messageNode.string {
            switch MessageTemplate.compile(text, environment: environment) {
            case .success(let template): message = template
            case .failure(let failure):
                errors.append(PolicyError(file: file, position: messageNode.filePosition(atOffset: failure.offset), message: "In 'message' of \(what): \(failure.message)"))
            }
        } else {
            fail(node["message"] ?? node, "\(what.prefix(1).uppercased() + what.dropFirst()) needs a 'message' (a string; `{{expression}}` parts are filled in).")
        }
        var references: [String] = []
        if let referencesNode = node["references"] {
            if let items = referencesNode.items, items.allSatisfy({ $0.string != nil }) {
                references = items.compactMap(\.string)
            } else {
                fail(referencesNode, "'references' of \(what) must be a list of strings.")
            }
        }
        let examples = loadExamples(node["examples"], subject: subject, params: params, ruleNode: node, what: what, file: file, errors: &errors)
        guard errors.count == errorCount, let assertion else { return nil }
        let descriptor = RuleDescriptor(
            id: id, pack: pack, summary: summary, rationale: node["rationale"]?.string, help: node["help"]?.string,
            severity: severity, references: references)
        return Rule(
            descriptor: descriptor, subject: subject, when: when, assertion: assertion, message: message, params: params,
            paramTypes: paramTypes, examples: examples, file: file, position: node["id"]?.position ?? node.position)
    }

    static func loadExamples(
        _ node: PolicyNode?, subject: FactSchema.Subject, params: [String: CELValue], ruleNode: PolicyNode, what: String,
        file: String, errors: inout [PolicyError]
    ) -> [RuleExample] {
        guard let node, let items = node.items, !items.isEmpty else {
            errors.append(PolicyError(
                file: file, position: (node ?? ruleNode).position,
                message: "\(what.prefix(1).uppercased() + what.dropFirst()) needs 'examples': a list of `- fail: {facts}` and `- pass: {facts}`, at least one of each."))
            return []
        }
        var examples: [RuleExample] = []
        for item in items {
            guard let entries = item.entries, entries.count == 1, let entry = entries.first,
                let expectation = RuleExample.Expectation(rawValue: entry.key)
            else {
                errors.append(PolicyError(file: file, position: item.position, message: "Each example of \(what) must be `fail: {facts}` or `pass: {facts}`."))
                continue
            }
            switch FactValues.activation(for: subject, facts: entry.value, params: params) {
            case .success(let activation):
                examples.append(RuleExample(expectation: expectation, activation: activation, position: item.position))
            case .failure(let error):
                errors.append(PolicyError(file: file, position: error.position, message: "In an example of \(what): \(error.message)"))
            }
        }
        let kinds = Set(examples.map(\.expectation))
        if errors.isEmpty && kinds.count < 2 {
            errors.append(PolicyError(file: file, position: node.position, message: "\(what.prefix(1).uppercased() + what.dropFirst()) needs at least one failing and one passing example."))
        }
        return examples
    }
}

extension MessageTemplate {
    /// Where a message template is broken and why.
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    /// Splits `text` into literal text and `{{expression}}` parts and compiles each expression.
    static func compile(_ text: String, environment: CELEnvironment) -> Result<MessageTemplate, Failure> {
        var parts: [Part] = []
        let bytes = Array(text.utf8)
        var i = 0
        var literalStart = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") {
                if literalStart < i { parts.append(.text(String(decoding: bytes[literalStart..<i], as: UTF8.self))) }
                let exprStart = i + 2
                var j = exprStart
                while j + 1 < bytes.count && !(bytes[j] == UInt8(ascii: "}") && bytes[j + 1] == UInt8(ascii: "}")) { j += 1 }
                guard j + 1 < bytes.count else {
                    return .failure(Failure(offset: i, message: "A '{{' in the message is never closed with '}}'."))
                }
                let source = String(decoding: bytes[exprStart..<j], as: UTF8.self)
                do throws(CELCompileError) {
                    let program = try CELProgram.compile(source, environment: environment, expecting: nil)
                    parts.append(.expression(program, source: source))
                } catch {
                    return .failure(Failure(offset: exprStart + error.offset, message: error.message))
                }
                i = j + 2
                literalStart = i
            } else {
                i += 1
            }
        }
        if literalStart < bytes.count { parts.append(.text(String(decoding: bytes[literalStart...], as: UTF8.self))) }
        return .success(MessageTemplate(parts: parts))
    }
}
