import Foundation

/// Writes `rules/README.md`: the catalogue of built-in rules and the facts rules can use,
/// generated from the packs themselves (a test fails when the committed file is stale).
public enum RuleCatalogue {
    /// The catalogue as Markdown.
    public static func markdown(_ packs: [RulePack]) -> String {
        var out = """
            # Built-in rules

            Generated from the packs in this folder by `CERTLINT_REGENERATE=1 swift test --filter GeneratedFilesTests`;
            edit the YAML, not this file. `certlint rules` lists the rules that run with your configuration and
            `certlint explain ID` tells one in full. Turn a rule off, change its severity or its parameters under
            `rules:` in `.certlint.yml`.


            """
        let total = packs.reduce(0) { $0 + $1.rules.count }
        out += "\(packs.count) packs, \(total) rules.\n\n"
        out += "| rule | pack | severity | for | summary |\n|---|---|---|---|---|\n"
        for pack in packs.sorted(by: { $0.name < $1.name }) {
            for rule in pack.rules {
                out += "| [`\(rule.id)`](#\(rule.id)) | \(pack.name) | \(rule.descriptor.severity.rawValue) | \(rule.subject.rawValue) | \(escape(rule.descriptor.summary)) |\n"
            }
        }
        for pack in packs.sorted(by: { $0.name < $1.name }) {
            out += "\n## \(pack.name)\n\n\(pack.summary)\n"
            for rule in pack.rules {
                let d = rule.descriptor
                out += "\n### \(rule.id)\n\n**\(d.severity.rawValue)**, for each \(rule.subject.rawValue). \(d.summary)\n"
                if let rationale = d.rationale { out += "\n\(rationale)\n" }
                if let help = d.help { out += "\n*Fix:* \(help)\n" }
                if !rule.params.isEmpty {
                    out += "\n*Parameters:* " + rule.params.keys.sorted().map { "`\($0)` = `\(literal(rule.params[$0] ?? .null))`" }.joined(separator: ", ") + "\n"
                }
                if !d.references.isEmpty { out += "\n*References:* \(d.references.joined(separator: "; "))\n" }
            }
        }
        out += "\n## Facts\n\nThe names expressions can use. `now` is the evaluation time (`--at`), `params` the rule's parameters.\n"
        for subject in FactSchema.Subject.allCases {
            let variables = subject.variables.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
            out += "\n- rules `for: \(subject.rawValue)` see \(variables)"
        }
        out += "\n"
        for typeName in FactSchema.objectTypes.keys.sorted() {
            let fields = FactSchema.objectTypes[typeName] ?? [:]
            out += "\n### \(typeName)\n\n"
            if let descriptions = FactSchema.descriptions[typeName] {
                out += fields.keys.sorted().map { name in
                    "- `\(name)` (\(fields[name].map { "\($0)" } ?? ""))" + (descriptions[name].map { ": \($0)" } ?? "")
                }.joined(separator: "\n") + "\n"
            } else {
                out += fields.keys.sorted().map { "`\($0)` (\(fields[$0].map { "\($0)" } ?? ""))" }.joined(separator: ", ") + "\n"
            }
        }
        out += "\n## Functions\n\nBesides CEL's standard functions: `coversHostname(cert, host)` (RFC 9525 matching against the SANs), `isValidWildcard(name)`, `isHostname(text)`, `days(n)`.\n"
        return out
    }

    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    static func literal(_ value: CELValue) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return String(i)
        case .bool(let b): return String(b)
        case .double(let d): return String(d)
        case .list(let items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        default: return "\(value)"
        }
    }
}
