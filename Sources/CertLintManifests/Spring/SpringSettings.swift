import CertLintYAML

/// The flat `dotted.key → value` settings of one Spring Boot configuration document, read
/// from `.properties` or YAML, with where each key is written and Spring's relaxed binding
/// applied to the keys (`keyStore`, `key_store` and `key-store` are one key).
struct SpringSettings: Sendable {
    /// One setting.
    struct Setting: Sendable, Hashable {
        /// The key as written, dotted (`server.ssl.keyStore`).
        var key: String
        /// The canonical key: each segment lower-case kebab (`server.ssl.key-store`).
        var canonical: String
        /// The value as written (placeholders not resolved).
        var value: String
        /// The 1-based line of the key (of the leaf key in YAML).
        var line: Int
        /// The 1-based column of the key.
        var column: Int
    }

    /// Settings in the order written.
    private(set) var ordered: [Setting] = []
    /// The last setting of each canonical key.
    private(set) var byKey: [String: Setting] = [:]

    /// An empty document.
    init() {}

    /// The setting for a canonical key.
    subscript(key: String) -> Setting? { byKey[key] }

    /// Adds a setting (a later one with the same canonical key wins).
    mutating func add(_ setting: Setting) {
        ordered.append(setting)
        byKey[setting.canonical] = setting
    }

    /// These settings with `other`'s laid over them.
    func overlaid(with other: SpringSettings) -> SpringSettings {
        var result = self
        for setting in other.ordered { result.add(setting) }
        return result
    }

    // MARK: - Keys

    /// The canonical form of a dotted key: each segment in lower-case kebab case, so
    /// `keyStore`, `key_store` and `KEY-STORE` give `key-store`; `[0]` indices are kept.
    static func canonical(_ key: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in key.unicodeScalars {
            switch scalar {
            case "A"..."Z":
                if let previous, ("a"..."z").contains(previous) || ("0"..."9").contains(previous) { out.append("-") }
                out.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            case "_":
                out.append("-")
            default:
                out.append(scalar)
            }
            previous = scalar
        }
        return String(out)
    }

    // MARK: - Reading

    /// Settings documents from `.properties` text, with problems as (line, column, message).
    static func fromProperties(_ text: String) -> (documents: [SpringSettings], problems: [PropertiesParser.Problem]) {
        let parser = PropertiesParser(text)
        let documents = parser.documents.map { entries in
            var settings = SpringSettings()
            for entry in entries where !entry.key.isEmpty {
                settings.add(Setting(
                    key: entry.key, canonical: canonical(entry.key), value: entry.value, line: entry.line, column: entry.column))
            }
            return settings
        }
        return (documents, parser.problems)
    }

    /// At most this many settings are taken from one YAML document.
    static let maxSettings = 100_000

    /// Settings documents from YAML text.
    static func fromYAML(_ text: String) throws(YAMLError) -> [SpringSettings] {
        // Spring's YAML loader accepts duplicate keys (the last wins).
        let documents = try YAML.parseDocuments(text, options: YAMLOptions(rejectsDuplicateKeys: false))
        return documents.map { document in
            var settings = SpringSettings()
            if let root = document.root {
                flatten(root, prefix: "", keyPosition: root.position, into: &settings)
            }
            return settings
        }
    }

    /// Flattens a YAML node under `prefix`. Recursion is bounded by the YAML reader's depth cap.
    private static func flatten(_ node: YAMLNode, prefix: String, keyPosition: YAMLPosition, into settings: inout SpringSettings) {
        guard settings.ordered.count < maxSettings else { return }
        switch node.kind {
        case .mapping(let pairs):
            for pair in pairs {
                guard let rawKey = pair.key.scalarValue else { continue }
                var key = rawKey
                // `"[a.b]"` is one segment with dots in it.
                if key.hasPrefix("["), key.hasSuffix("]"), key.count >= 2 { key = String(key.dropFirst().dropLast()) }
                let full = prefix.isEmpty ? key : prefix + "." + key
                flatten(pair.value, prefix: full, keyPosition: pair.key.position, into: &settings)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                flatten(item, prefix: "\(prefix)[\(index)]", keyPosition: item.isScalar ? item.position : keyPosition, into: &settings)
            }
        case .scalar(let text, _):
            guard !prefix.isEmpty else { return }
            let value = node.isNull ? "" : text
            settings.add(Setting(
                key: prefix, canonical: canonical(prefix), value: value, line: keyPosition.line, column: keyPosition.column))
        }
    }

    // MARK: - Placeholders

    /// The value of `setting` with `${name}` and `${name:default}` placeholders resolved against
    /// these settings (then their defaults), and the names left unresolved.
    func resolve(_ value: String) -> (value: String, unresolved: [String]) {
        var unresolved: [String] = []
        var budget = Self.maxSubstitutions
        let result = resolve(value, depth: 0, budget: &budget, unresolved: &unresolved)
        return (result, unresolved)
    }

    private static let maxResolveDepth = 8
    private static let maxResolvedLength = 1 << 16
    /// Placeholders substituted per value at most: `a=${b}${b}…`, `b=${c}${c}…` chains would
    /// otherwise cost exponential time within the depth cap.
    private static let maxSubstitutions = 1_000

    private func resolve(_ value: String, depth: Int, budget: inout Int, unresolved: inout [String]) -> String {
        guard value.contains("${") else { return value }
        let scalars = Array(value.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "$", i + 1 < scalars.count, scalars[i + 1] == "{", let close = Self.matchingBrace(scalars, from: i + 2) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let inner = Array(scalars[(i + 2)..<close])
            // `name:default`, split at the first `:` outside nested braces.
            var depthInInner = 0
            var split: Int?
            for (offset, scalar) in inner.enumerated() {
                if scalar == "{" { depthInInner += 1 } else if scalar == "}" { depthInInner -= 1 }
                if scalar == ":", depthInInner == 0 {
                    split = offset
                    break
                }
            }
            let name = String(String.UnicodeScalarView(split.map { inner[..<$0] } ?? inner[...]))
            let fallback = split.map { String(String.UnicodeScalarView(inner[($0 + 1)...])) }
            var replacement: String?
            if depth < Self.maxResolveDepth, budget > 0 {
                budget -= 1
                if let setting = byKey[Self.canonical(name)] {
                    replacement = resolve(setting.value, depth: depth + 1, budget: &budget, unresolved: &unresolved)
                } else if let fallback {
                    replacement = resolve(fallback, depth: depth + 1, budget: &budget, unresolved: &unresolved)
                }
            }
            if let replacement, out.count + replacement.unicodeScalars.count <= Self.maxResolvedLength {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(contentsOf: scalars[i...close])
                unresolved.append(name)
            }
            i = close + 1
        }
        return String(String.UnicodeScalarView(out))
    }

    /// The index of the `}` closing a `${` whose content starts at `start`.
    private static func matchingBrace(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var i = start
        while i < scalars.count {
            if scalars[i] == "{" {
                depth += 1
            } else if scalars[i] == "}" {
                if depth == 0 { return i }
                depth -= 1
            }
            i += 1
        }
        return nil
    }
}
