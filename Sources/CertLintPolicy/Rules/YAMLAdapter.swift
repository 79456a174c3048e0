import CertLintYAML

extension PolicyNode {
    /// Converts a YAML node (rule file, configuration) to a policy node: scalars resolved per
    /// the YAML 1.2 core schema, mapping keys as strings, positions kept.
    public init(_ node: YAMLNode) {
        let position = FilePosition(line: node.position.line, column: node.position.column)
        switch node.kind {
        case .scalar(let text, _):
            let value: Value
            switch node.resolved ?? .string(text) {
            case .null: value = .null
            case .bool(let b): value = .bool(b)
            case .int(let i): value = .int(Int64(i))
            case .float(let d): value = .double(d)
            case .string(let s): value = .string(s)
            }
            self.init(value, position: position) { offset in
                node.sourcePosition(ofScalarOffset: offset).map { FilePosition(line: $0.line, column: $0.column) }
            }
        case .sequence(let items):
            self.init(.list(items.map(PolicyNode.init)), position: position)
        case .mapping(let pairs):
            self.init(.map(pairs.map { pair in
                Entry(
                    key: pair.key.scalarValue ?? "",
                    keyPosition: FilePosition(line: pair.key.position.line, column: pair.key.position.column),
                    value: PolicyNode(pair.value))
            }), position: position)
        }
    }

    /// Parses YAML text into a policy node; a syntax error becomes a ``PolicyError`` at its
    /// line and column in `file`. An empty document gives `nil`.
    public static func parse(_ text: String, file: String) -> Result<PolicyNode?, PolicyError> {
        do throws(YAMLError) {
            let documents = try YAML.parseDocuments(text)
            guard let root = documents.first?.root else { return .success(nil) }
            if documents.count > 1, let second = documents.dropFirst().first {
                return .failure(PolicyError(
                    file: file, position: FilePosition(line: second.position.line, column: second.position.column),
                    message: "The file holds more than one YAML document; certlint reads one."))
            }
            return .success(PolicyNode(root))
        } catch {
            return .failure(PolicyError(file: file, position: FilePosition(line: error.line, column: error.column), message: error.message))
        }
    }
}
