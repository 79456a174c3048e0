import CertLintCore

/// Reads and validates `.certlint.yml`.
public enum ConfigurationLoader {
    static let topKeys = ["version", "include", "exclude", "packs", "rules", "rule-dirs", "fail-on", "deployments", "keystores", "waivers"]
    static let ruleKeys = ["severity", "params", "off"]
    static let deploymentKeys = ["certificate", "role", "hostnames", "installed-on", "endpoint"]
    static let waiverKeys = ["rule", "certificate", "path", "reason", "expires"]
    static let roles = ["server", "client", "client-ca", "server-ca"]
    static let installedOn = ["load-balancer", "cdn", "api-gateway", "app-server", "application", "secret-store"]

    /// Loads a configuration from its parsed YAML; `file` names it in errors.
    public static func load(_ root: PolicyNode?, file: String) -> Result<Configuration, PolicyErrors> {
        var config = Configuration()
        config.file = file
        var errors: [PolicyError] = []
        func fail(_ position: FilePosition, _ message: String) { errors.append(PolicyError(file: file, position: position, message: message)) }
        guard let root else { return .success(config) }
        if case .null = root.value { return .success(config) }
        guard let entries = root.entries else {
            return .failure(PolicyErrors([PolicyError(file: file, position: root.position, message: "The configuration must be a mapping of settings; it is \(root.kindName).")]))
        }
        func strings(_ node: PolicyNode, _ key: String) -> [String]? {
            if let s = node.string { return [s] }
            guard let items = node.items, items.allSatisfy({ $0.string != nil }) else {
                fail(node.position, "'\(key)' must be a list of strings; it is \(node.kindName).")
                return nil
            }
            return items.compactMap(\.string)
        }
        for entry in entries {
            let node = entry.value
            // A key whose entries are all commented out (`rules:` and nothing else) means none.
            if case .null = node.value, topKeys.contains(entry.key), entry.key != "fail-on", entry.key != "version" { continue }
            switch entry.key {
            case "version":
                if case .int(1) = node.value {} else {
                    fail(node.position, "'version' must be 1, the only configuration version there is.")
                }
            case "include":
                config.include = (strings(node, "include") ?? []).map(Glob.init)
            case "exclude":
                config.exclude = (strings(node, "exclude") ?? []).map(Glob.init)
            case "packs":
                config.packs = strings(node, "packs")
            case "rule-dirs":
                config.ruleDirectories = strings(node, "rule-dirs") ?? []
                config.ruleDirectoryPositions = node.items?.map(\.position) ?? [node.position]
            case "fail-on":
                config.failOnIsSet = true
                switch node.string {
                case "never"?: config.failOn = nil
                case let text? where Severity(rawValue: text) != nil: config.failOn = Severity(rawValue: text)
                default:
                    let text = node.string ?? node.kindName
                    fail(node.position, "'fail-on' must be error, warning, note or never, not \(text)\(Spelling.didYouMean(text, among: ["error", "warning", "note", "never"])).")
                }
            case "rules":
                guard let ruleEntries = node.entries else {
                    fail(node.position, "'rules' must map rule ids to settings (severity, params, off); it is \(node.kindName).")
                    continue
                }
                for ruleEntry in ruleEntries {
                    var setting = Configuration.RuleSetting(position: ruleEntry.keyPosition)
                    let value = ruleEntry.value
                    if let text = value.string {
                        // Shorthand: `rule-id: warning` or `rule-id: off`.
                        if text == "off" {
                            setting.off = true
                        } else if let severity = Severity(rawValue: text) {
                            setting.severity = severity
                        } else {
                            fail(value.position, "The setting for \(ruleEntry.key) must be error, warning, note or off (or a mapping), not '\(text)'\(Spelling.didYouMean(text, among: ["error", "warning", "note", "off"])).")
                        }
                    } else if case .bool(false) = value.value {
                        setting.off = true
                    } else if let settingEntries = value.entries {
                        for settingEntry in settingEntries {
                            switch settingEntry.key {
                            case "severity":
                                if let text = settingEntry.value.string, let severity = Severity(rawValue: text) {
                                    setting.severity = severity
                                } else {
                                    let text = settingEntry.value.string ?? settingEntry.value.kindName
                                    fail(settingEntry.value.position, "The severity of \(ruleEntry.key) must be error, warning or note, not '\(text)'\(Spelling.didYouMean(text, among: ["error", "warning", "note"])).")
                                }
                            case "off":
                                if case .bool(let b) = settingEntry.value.value {
                                    setting.off = b
                                } else {
                                    fail(settingEntry.value.position, "'off' must be true or false.")
                                }
                            case "params":
                                guard let paramEntries = settingEntry.value.entries else {
                                    fail(settingEntry.value.position, "The params of \(ruleEntry.key) must be a mapping of parameter names to values.")
                                    continue
                                }
                                for param in paramEntries { setting.params[param.key] = param.value }
                            default:
                                fail(settingEntry.keyPosition, "Unknown key '\(settingEntry.key)' in the settings of \(ruleEntry.key)\(Spelling.didYouMean(settingEntry.key, among: ruleKeys)); the keys are \(ruleKeys.joined(separator: ", ")).")
                            }
                        }
                    } else {
                        fail(value.position, "The setting for \(ruleEntry.key) must be a severity, off, or a mapping with severity, params and off.")
                    }
                    config.rules[ruleEntry.key] = setting
                }
            case "deployments":
                guard let items = node.items else {
                    fail(node.position, "'deployments' must be a list of entries with certificate, role and hostnames.")
                    continue
                }
                for item in items {
                    guard let fields = item.entries else {
                        fail(item.position, "Each deployment must be a mapping with certificate, role and hostnames.")
                        continue
                    }
                    for field in fields where !deploymentKeys.contains(field.key) {
                        fail(field.keyPosition, "Unknown key '\(field.key)' in a deployment\(Spelling.didYouMean(field.key, among: deploymentKeys)); the keys are \(deploymentKeys.joined(separator: ", ")).")
                    }
                    guard let certificate = item["certificate"]?.string else {
                        fail(item.position, "A deployment needs 'certificate': the path of the certificate file.")
                        continue
                    }
                    let role = item["role"]?.string ?? ""
                    if !roles.contains(role) {
                        fail((item["role"] ?? item).position, "The role '\(role)' of the deployment of \(certificate) must be one of \(roles.joined(separator: ", "))\(Spelling.didYouMean(role, among: roles)).")
                    }
                    let where_ = item["installed-on"]?.string
                    if let where_, !installedOn.contains(where_) {
                        fail((item["installed-on"] ?? item).position, "'installed-on: \(where_)' must be one of \(installedOn.joined(separator: ", "))\(Spelling.didYouMean(where_, among: installedOn)).")
                    }
                    let hostnames = item["hostnames"].flatMap { strings($0, "hostnames") } ?? []
                    config.deployments.append(Configuration.Deployment(
                        certificate: certificate, role: role, hostnames: hostnames, installedOn: where_, endpoint: item["endpoint"]?.string,
                        position: item.position))
                }
            case "keystores":
                guard let keystoreEntries = node.entries else {
                    fail(node.position, "'keystores' must map keystore paths (or patterns) to the environment variables that hold their passwords.")
                    continue
                }
                for keystore in keystoreEntries {
                    guard let variable = keystore.value.string, variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !variable.isEmpty else {
                        fail(keystore.value.position, "The keystore \(keystore.key) must name an environment variable (letters, digits, _), never a password itself.")
                        continue
                    }
                    config.keystores.append((Glob(keystore.key), variable))
                }
            case "waivers":
                guard let items = node.items else {
                    fail(node.position, "'waivers' must be a list of waivers with rule, certificate or path, reason and expires.")
                    continue
                }
                for item in items {
                    if let waiver = loadWaiver(item, file: file, errors: &errors) { config.waivers.append(waiver) }
                }
            default:
                fail(entry.keyPosition, "Unknown key '\(entry.key)' in the configuration\(Spelling.didYouMean(entry.key, among: topKeys)); the keys are \(topKeys.joined(separator: ", ")).")
            }
        }
        return errors.isEmpty ? .success(config) : .failure(PolicyErrors(errors))
    }

    static func loadWaiver(_ item: PolicyNode, file: String, errors: inout [PolicyError]) -> Configuration.Waiver? {
        func fail(_ position: FilePosition, _ message: String) { errors.append(PolicyError(file: file, position: position, message: message)) }
        guard let fields = item.entries else {
            fail(item.position, "Each waiver must be a mapping with rule, certificate or path, reason and expires.")
            return nil
        }
        for field in fields where !waiverKeys.contains(field.key) {
            fail(field.keyPosition, "Unknown key '\(field.key)' in a waiver\(Spelling.didYouMean(field.key, among: waiverKeys)); the keys are \(waiverKeys.joined(separator: ", ")).")
        }
        guard let rule = item["rule"]?.string else {
            fail(item.position, "A waiver needs 'rule': the id of the rule it waives (or \"*\").")
            return nil
        }
        var certificate = item["certificate"]?.string
        if let text = certificate {
            let hex = text.lowercased().filter { $0 != ":" }
            if hex.count < 16 || !hex.allSatisfy({ $0.isHexDigit }) {
                fail((item["certificate"] ?? item).position, "The waiver's 'certificate' must be a SHA-256 fingerprint (at least 16 hex digits), as `certlint inspect` prints it.")
                return nil
            }
            certificate = hex
        }
        let path = item["path"]?.string.map(Glob.init)
        if certificate == nil && path == nil {
            fail(item.position, "The waiver for \(rule) must say what it covers: 'certificate' (a fingerprint) or 'path' (a pattern).")
            return nil
        }
        guard let reason = item["reason"]?.string, !reason.allSatisfy({ $0 == " " || $0 == "\t" }) else {
            fail(item.position, "The waiver for \(rule) needs a 'reason': a waiver without one cannot be reviewed.")
            return nil
        }
        guard let expiresNode = item["expires"] else {
            fail(item.position, "The waiver for \(rule) needs 'expires' (a date such as 2026-06-30): waivers do not last forever.")
            return nil
        }
        let text: String
        switch expiresNode.value {
        case .string(let s): text = s
        default:
            fail(expiresNode.position, "'expires' must be a date such as 2026-06-30.")
            return nil
        }
        guard let day = FactValues.parseTime(String(text.prefix(10))), text.count == 10 || FactValues.parseTime(text) != nil else {
            fail(expiresNode.position, "'expires: \(text)' is not a date such as 2026-06-30.")
            return nil
        }
        let expiresAt = text.count == 10 ? day + 86_399 : (FactValues.parseTime(text) ?? day)
        return Configuration.Waiver(
            rule: rule, certificate: certificate, path: path, reason: reason, expires: text, expiresAt: expiresAt, position: item.position)
    }
}
