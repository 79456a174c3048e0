import CertLintCore

/// Turns loaded packs and a configuration into the rules that run: packs chosen, rules switched
/// off, severities and parameters overridden, `--only`/`--disable` applied. Every setting that
/// names an unknown pack, rule or parameter, or gives a parameter the wrong type, is an error.
public enum RuleConfigurator {
    /// The rules that run.
    public static func configure(
        _ packs: [RulePack], with config: Configuration, only: [String] = [], disable: [String] = [], checks: [String] = []
    ) -> Result<[Rule], PolicyErrors> {
        var errors: [PolicyError] = []
        let allRules = packs.flatMap(\.rules)
        let ids = allRules.map(\.id) + checks
        let packNames = packs.map(\.name)
        if let chosen = config.packs {
            for name in chosen where !packNames.contains(name) {
                errors.append(PolicyError(file: config.file, position: FilePosition(line: 1, column: 1), message: "The pack '\(name)' in 'packs' does not exist\(Spelling.didYouMean(name, among: packNames)); the packs are \(packNames.joined(separator: ", "))."))
            }
        }
        for (id, setting) in config.rules where !ids.contains(id) {
            errors.append(PolicyError(file: config.file, position: setting.position, message: "There is no rule '\(id)'\(Spelling.didYouMean(id, among: ids)); `certlint rules` lists them."))
        }
        for id in only + disable where !ids.contains(id) {
            errors.append(PolicyError(file: "command line", position: FilePosition(line: 1, column: 1), message: "There is no rule '\(id)'\(Spelling.didYouMean(id, among: ids)); `certlint rules` lists them."))
        }
        var result: [Rule] = []
        for pack in packs {
            if let chosen = config.packs, !chosen.contains(pack.name) { continue }
            for var rule in pack.rules {
                if !only.isEmpty && !only.contains(rule.id) { continue }
                if disable.contains(rule.id) { continue }
                if let setting = config.rules[rule.id] {
                    if setting.off { continue }
                    if let severity = setting.severity { rule.descriptor.severity = severity }
                    var params = rule.params
                    for (name, node) in setting.params {
                        guard let type = rule.paramTypes[name] else {
                            let names = Array(rule.paramTypes.keys).sorted()
                            errors.append(PolicyError(file: config.file, position: node.position, message: "The rule \(rule.id) has no parameter '\(name)'\(Spelling.didYouMean(name, among: names))\(names.isEmpty ? "; it takes none" : "; its parameters are \(names.joined(separator: ", "))")."))
                            continue
                        }
                        switch FactValues.value(node, as: type, path: "\(rule.id).params.\(name)") {
                        case .success(let value): params[name] = value
                        case .failure(let failure): errors.append(PolicyError(file: config.file, position: failure.position, message: failure.message))
                        }
                    }
                    rule.params = params
                }
                result.append(rule)
            }
        }
        return errors.isEmpty ? .success(result) : .failure(PolicyErrors(errors))
    }

    /// The findings of checks made outside rule packs (the inventory's, the waivers'), with the
    /// configuration applied as to rules: dropped when turned off or not among `--only`, with
    /// the configured severity.
    public static func apply(_ config: Configuration, only: [String], disable: [String], to findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            if !only.isEmpty && !only.contains(finding.ruleID) { return nil }
            if disable.contains(finding.ruleID) { return nil }
            guard let setting = config.rules[finding.ruleID] else { return finding }
            if setting.off { return nil }
            var changed = finding
            if let severity = setting.severity { changed.severity = severity }
            return changed
        }
    }
}
