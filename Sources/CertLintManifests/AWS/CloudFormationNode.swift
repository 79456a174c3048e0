import CertLintYAML

/// One node of a CloudFormation template, whether it was written in YAML or JSON.
///
/// YAML short tags become the long form they abbreviate, so one resolver serves both
/// syntaxes: `!Ref X` is `{"Ref": "X"}`, `!GetAtt A.B` is `{"Fn::GetAtt": "A.B"}`,
/// `!Condition C` is `{"Condition": "C"}`, and any other `!Name v` is `{"Fn::Name": v}`. The
/// entry made for a tag is positioned at the tag.
struct CloudFormationNode: Sendable, Hashable {
    /// What a node holds.
    enum Kind: Sendable, Hashable {
        /// A scalar's text: strings, numbers and booleans alike (CloudFormation reads them as text).
        case scalar(String)
        /// YAML `null`/`~`/an empty value, or JSON `null`.
        case null
        /// A list.
        case sequence([CloudFormationNode])
        /// A map, in written order.
        case mapping([Entry])
    }

    /// One key and value of a map, with where the key is written.
    struct Entry: Sendable, Hashable {
        /// The key.
        var key: String
        /// Where the key is (1-based line and column).
        var keyLine: Int
        /// The key's column.
        var keyColumn: Int
        /// The value.
        var value: CloudFormationNode
    }

    /// What the node holds.
    var kind: Kind
    /// The node's line.
    var line: Int
    /// The node's column.
    var column: Int

    /// The text of a scalar, or `nil`.
    var scalar: String? {
        if case .scalar(let text) = kind { return text }
        return nil
    }

    /// The items of a sequence, or `nil`.
    var sequence: [CloudFormationNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The entries of a mapping, or `nil`.
    var entries: [Entry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The entry named `key` of a mapping (the last, should JSON repeat it), or `nil`.
    func entry(_ key: String) -> Entry? {
        entries?.last { $0.key == key }
    }

    /// The value named `key` of a mapping, or `nil`.
    subscript(key: String) -> CloudFormationNode? { entry(key)?.value }

    /// The function a one-entry mapping calls (`Ref`, `Fn::Sub`, `Condition`…) and its
    /// argument, or `nil` for any other node.
    var intrinsic: (name: String, argument: CloudFormationNode)? {
        guard case .mapping(let entries) = kind, entries.count == 1, let only = entries.first else { return nil }
        let name = only.key
        guard name == "Ref" || name == "Condition" || name.hasPrefix("Fn::") else { return nil }
        return (name, only.value)
    }
}

// MARK: - From YAML and JSON

extension CloudFormationNode {
    /// The node for a YAML node, with short tags expanded.
    init(yaml node: YAMLNode) {
        let line = node.position.line
        let column = node.position.column
        let content: CloudFormationNode
        switch node.kind {
        case .scalar(let text, _):
            content = CloudFormationNode(kind: node.isNull ? .null : .scalar(text), line: line, column: column)
        case .sequence(let items):
            content = CloudFormationNode(kind: .sequence(items.map { CloudFormationNode(yaml: $0) }), line: line, column: column)
        case .mapping(let pairs):
            var entries: [Entry] = []
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                // Only scalar keys mean anything in a template.
                guard let key = pair.key.scalarValue else { continue }
                entries.append(
                    Entry(key: key, keyLine: pair.key.position.line, keyColumn: pair.key.position.column, value: CloudFormationNode(yaml: pair.value)))
            }
            content = CloudFormationNode(kind: .mapping(entries), line: line, column: column)
        }
        guard let tag = node.tag, let function = CloudFormationNode.longForm(ofTag: tag) else {
            self = content
            return
        }
        let inner = CloudFormationNode(kind: content.kind, line: node.contentPosition.line, column: node.contentPosition.column)
        self = CloudFormationNode(
            kind: .mapping([Entry(key: function, keyLine: line, keyColumn: column, value: inner)]), line: line, column: column)
    }

    /// `Ref` for `!Ref`, `Condition` for `!Condition`, `Fn::Name` for `!Name`; `nil` for
    /// core-schema tags (`!!str`) and the non-specific `!`.
    static func longForm(ofTag tag: String) -> String? {
        guard tag.hasPrefix("!"), tag.count > 1, !tag.hasPrefix("!!") else { return nil }
        let name = String(tag.dropFirst())
        switch name {
        case "Ref": return "Ref"
        case "Condition": return "Condition"
        default: return "Fn::" + name
        }
    }

    /// The node for a JSON value.
    init(json value: ManifestJSONValue) {
        let line = value.position.line
        let column = value.position.column
        switch value.kind {
        case .null:
            self.init(kind: .null, line: line, column: column)
        case .bool(let flag):
            self.init(kind: .scalar(flag ? "true" : "false"), line: line, column: column)
        case .number(let text), .string(let text):
            self.init(kind: .scalar(text), line: line, column: column)
        case .array(let items):
            self.init(kind: .sequence(items.map { CloudFormationNode(json: $0) }), line: line, column: column)
        case .object(let members):
            let entries = members.map {
                Entry(key: $0.key, keyLine: $0.keyPosition.line, keyColumn: $0.keyPosition.column, value: CloudFormationNode(json: $0.value))
            }
            self.init(kind: .mapping(entries), line: line, column: column)
        }
    }
}
