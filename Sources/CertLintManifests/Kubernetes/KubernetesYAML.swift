import CertLintYAML

/// Small readers over YAML nodes shared by the Kubernetes interpreters.
enum KubernetesYAML {
    /// The text of a scalar that is not null or empty, whatever it resolves to (`443` gives "443").
    static func text(_ node: YAMLNode?) -> String? {
        guard let node, let value = node.scalarValue, !node.isNull else { return nil }
        let result = trimmed(value)
        return result.isEmpty ? nil : result
    }

    /// The entries of a sequence, or none.
    static func items(_ node: YAMLNode?) -> [YAMLNode] { node?.sequence ?? [] }

    /// The pairs of a mapping, or none.
    static func pairs(_ node: YAMLNode?) -> [YAMLPair] { node?.mapping ?? [] }

    /// The texts of a sequence of scalars (entries that are not scalars are skipped).
    static func texts(_ node: YAMLNode?) -> [String] { items(node).compactMap { text($0) } }

    /// The position of the key `key` of `mapping`, else the position of `fallback`.
    static func keyPosition(_ key: String, in mapping: YAMLNode?, or fallback: YAMLNode) -> YAMLPosition {
        mapping?.pair(forKey: key)?.key.position ?? fallback.position
    }

    /// `value` without leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ value: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = value.firstIndex(where: { !isSpace($0) }), let last = value.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(value[first...last])
    }
}
