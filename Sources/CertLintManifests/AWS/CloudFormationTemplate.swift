/// One resource of a template: its logical ID, type and properties, and where it is declared.
struct CloudFormationResource: Sendable, Hashable {
    /// The logical ID (the key under `Resources`).
    var id: String
    /// `AWS::ElasticLoadBalancingV2::Listener`…
    var type: String
    /// `Properties`, or an empty mapping.
    var properties: CloudFormationNode
    /// Where the logical ID is written.
    var line: Int
    /// The logical ID's column.
    var column: Int
}

/// A template's sections, and the intrinsic functions evaluated over them.
///
/// Evaluation is bounded: every step through a parameter, mapping, condition or nested
/// function counts towards ``maxDepth``, beyond which a value is unknown. Nothing here throws
/// or traps; what the template alone cannot tell is ``CloudFormationValue/unknown(what:why:)``.
struct CloudFormationTemplate: Sendable {
    /// Resources by logical ID.
    var resources: [String: CloudFormationResource] = [:]
    /// Logical IDs in the order written.
    var order: [String] = []
    /// Parameter declarations by name.
    var parameters: [String: CloudFormationNode] = [:]
    /// The `Mappings` section.
    var mappings: CloudFormationNode?
    /// Condition declarations by name.
    var conditions: [String: CloudFormationNode] = [:]

    /// How deep evaluation goes before giving up.
    static let maxDepth = 32

    /// The template of a root node; `problems` receives what is malformed.
    init(root: CloudFormationNode, problems: inout [(line: Int, column: Int, message: String)]) {
        guard root.entries != nil else {
            problems.append((root.line, root.column, "The template is not a mapping of sections (Resources, Parameters…)."))
            return
        }
        for entry in root["Parameters"]?.entries ?? [] {
            parameters[entry.key] = entry.value
        }
        mappings = root["Mappings"]
        for entry in root["Conditions"]?.entries ?? [] {
            conditions[entry.key] = entry.value
        }
        guard let resourcesNode = root.entry("Resources") else {
            problems.append((root.line, root.column, "The template has no Resources section."))
            return
        }
        guard let entries = resourcesNode.value.entries else {
            problems.append(
                (resourcesNode.keyLine, resourcesNode.keyColumn, "The Resources section is not a mapping of logical IDs to resources."))
            return
        }
        for entry in entries {
            guard let type = entry.value["Type"]?.scalar else { continue }
            var properties = CloudFormationNode(kind: .mapping([]), line: entry.keyLine, column: entry.keyColumn)
            if let written = entry.value["Properties"], written.entries != nil { properties = written }
            let resource = CloudFormationResource(
                id: entry.key, type: type, properties: properties, line: entry.keyLine, column: entry.keyColumn)
            if resources[entry.key] == nil { order.append(entry.key) }
            resources[entry.key] = resource
        }
    }

    /// The resources of `type`, in written order.
    func resources(ofType type: String) -> [CloudFormationResource] {
        order.compactMap { resources[$0] }.filter { $0.type == type }
    }

    /// The resource a value refers to, when it is a `Ref`/`Fn::GetAtt` to one of `types`.
    func resource(_ value: CloudFormationValue, ofType types: Set<String>) -> CloudFormationResource? {
        guard case .resource(let id, _) = value, let resource = resources[id], types.contains(resource.type) else { return nil }
        return resource
    }

    /// The node a structural property stands for (a list of certificates, a block of
    /// settings): the branch an `Fn::If` chooses when the template decides its condition,
    /// `nil` for `AWS::NoValue`, else the node itself.
    func structure(_ node: CloudFormationNode?, depth: Int = 0) -> CloudFormationNode? {
        guard let node, depth < CloudFormationTemplate.maxDepth, let (name, argument) = node.intrinsic else { return node }
        if name == "Ref", argument.scalar == "AWS::NoValue" { return nil }
        if name == "Fn::If", let items = argument.sequence, items.count == 3, let condition = items[0].scalar,
            let holds = self.condition(condition)
        {
            return structure(items[holds ? 1 : 2], depth: depth + 1)
        }
        return node
    }

    // MARK: - Values

    /// The value of `node` with its intrinsic functions applied; `.absent` for `nil`.
    func resolve(_ node: CloudFormationNode?) -> CloudFormationValue {
        guard let node else { return .absent }
        return resolve(node, depth: 0)
    }

    private func tooDeep(_ node: CloudFormationNode) -> CloudFormationValue {
        .unknown(what: "an expression at line \(node.line)", why: "Its functions nest deeper than \(CloudFormationTemplate.maxDepth) steps.")
    }

    private func resolve(_ node: CloudFormationNode, depth: Int) -> CloudFormationValue {
        guard depth < CloudFormationTemplate.maxDepth else { return tooDeep(node) }
        switch node.kind {
        case .null:
            return .absent
        case .scalar(let text):
            if text.contains("{{resolve:") {
                return .unknown(
                    what: text, why: "The value is a dynamic reference that CloudFormation resolves when the stack deploys.")
            }
            return .text(text)
        case .sequence(let items):
            return .list(items.map { resolve($0, depth: depth + 1) })
        case .mapping:
            guard let (name, argument) = node.intrinsic else {
                return .unknown(what: "a mapping at line \(node.line)", why: "A mapping is not a string.")
            }
            return call(name, argument, at: node, depth: depth + 1)
        }
    }

    private func call(_ name: String, _ argument: CloudFormationNode, at node: CloudFormationNode, depth: Int) -> CloudFormationValue {
        switch name {
        case "Ref":
            guard let target = argument.scalar else {
                return .unknown(what: "Ref", why: "The Ref at line \(node.line) does not name a resource or parameter.")
            }
            return ref(target, depth: depth)
        case "Fn::GetAtt":
            return getAtt(argument, at: node, depth: depth)
        case "Fn::Sub":
            return sub(argument, at: node, depth: depth)
        case "Fn::Join":
            return join(argument, at: node, depth: depth)
        case "Fn::If":
            guard let items = argument.sequence, items.count == 3, let condition = items[0].scalar else {
                return .unknown(what: "Fn::If", why: "The Fn::If at line \(node.line) is not [condition, value if true, value if false].")
            }
            guard let holds = self.condition(condition, depth: depth) else {
                return .unknown(
                    what: "Fn::If \(condition)",
                    why: "The condition \(condition) depends on values known only when the stack deploys.")
            }
            return resolve(items[holds ? 1 : 2], depth: depth)
        case "Fn::Select":
            guard let items = argument.sequence, items.count == 2, let index = resolve(items[0], depth: depth).text.flatMap({ Int($0) })
            else {
                return .unknown(what: "Fn::Select", why: "The Fn::Select at line \(node.line) cannot be evaluated from the template alone.")
            }
            if case .list(let list) = resolve(items[1], depth: depth), list.indices.contains(index) { return list[index] }
            return .unknown(what: "Fn::Select", why: "The Fn::Select at line \(node.line) cannot be evaluated from the template alone.")
        case "Fn::Split":
            guard let items = argument.sequence, items.count == 2, let delimiter = resolve(items[0], depth: depth).text, !delimiter.isEmpty,
                let source = resolve(items[1], depth: depth).text
            else {
                return .unknown(what: "Fn::Split", why: "The Fn::Split at line \(node.line) cannot be evaluated from the template alone.")
            }
            return .list(AWSText.split(source, by: delimiter).map(CloudFormationValue.text))
        case "Fn::FindInMap":
            return findInMap(argument, at: node, depth: depth)
        case "Fn::Base64":
            return resolve(argument, depth: depth)
        case "Fn::ImportValue":
            let export = resolve(argument, depth: depth).summary
            return .unknown(what: "Fn::ImportValue \(export)", why: "The value is the export \(export) of another stack.")
        default:
            return .unknown(what: name, why: "\(name) at line \(node.line) cannot be evaluated from the template alone.")
        }
    }

    private func ref(_ target: String, depth: Int) -> CloudFormationValue {
        if parameters[target] != nil { return parameter(target, depth: depth) }
        if resources[target] != nil { return .resource(id: target, attribute: nil) }
        if target == "AWS::NoValue" { return .absent }
        if target.hasPrefix("AWS::") {
            return .unknown(what: target, why: "The pseudo parameter \(target) is known only when the stack deploys.")
        }
        return .unknown(what: "Ref \(target)", why: "The template declares no resource or parameter named \(target).")
    }

    private func parameter(_ name: String, depth: Int) -> CloudFormationValue {
        guard depth < CloudFormationTemplate.maxDepth, let declaration = parameters[name] else {
            return .unknown(what: "Ref \(name)", why: "The parameter \(name) cannot be evaluated.")
        }
        let type = declaration["Type"]?.scalar ?? "String"
        let defaultValue = declaration["Default"].map { resolve($0, depth: depth + 1) }
        if type.hasPrefix("AWS::SSM::Parameter::Value") {
            let key = defaultValue?.summary ?? "named when the stack deploys"
            return .unknown(what: name, why: "The parameter \(name) is read from the SSM parameter \(key) when the stack deploys.")
        }
        guard let defaultValue, defaultValue != .absent else {
            return .unknown(what: name, why: "The parameter \(name) has no default; its value is given when the stack deploys.")
        }
        if type == "CommaDelimitedList" || type.hasPrefix("List<"), let text = defaultValue.text {
            return .list(AWSText.split(text, by: ",").map { .text(AWSText.trim($0)) })
        }
        return defaultValue
    }

    private func getAtt(_ argument: CloudFormationNode, at node: CloudFormationNode, depth: Int) -> CloudFormationValue {
        var id: String?
        var attribute: String?
        if let text = argument.scalar, let dot = text.firstIndex(of: ".") {
            id = String(text[..<dot])
            attribute = String(text[text.index(after: dot)...])
        } else if let items = argument.sequence, items.count == 2, let first = items[0].scalar {
            id = first
            attribute = resolve(items[1], depth: depth).text
        }
        guard let id, let attribute else {
            return .unknown(what: "Fn::GetAtt", why: "The Fn::GetAtt at line \(node.line) does not name a resource and attribute.")
        }
        guard resources[id] != nil else {
            return .unknown(what: "\(id).\(attribute)", why: "The template declares no resource named \(id).")
        }
        return .resource(id: id, attribute: attribute)
    }

    private func sub(_ argument: CloudFormationNode, at node: CloudFormationNode, depth: Int) -> CloudFormationValue {
        var template: String?
        var variables: [String: CloudFormationNode] = [:]
        if let text = argument.scalar {
            template = text
        } else if let items = argument.sequence, items.count == 2, let text = items[0].scalar {
            template = text
            for entry in items[1].entries ?? [] { variables[entry.key] = entry.value }
        }
        guard let template else {
            return .unknown(what: "Fn::Sub", why: "The Fn::Sub at line \(node.line) is neither a string nor [string, variables].")
        }
        var out = ""
        var exact = true
        var parts: [CloudFormationValue] = []
        var literalText = false
        var rest = Substring(template)
        while let open = rest.firstRange(of: "${") {
            out += rest[..<open.lowerBound]
            if open.lowerBound != rest.startIndex { literalText = true }
            let after = rest[open.upperBound...]
            if after.first == "!" {
                // `${!Name}` is the literal text `${Name}`.
                out += "${"
                literalText = true
                rest = after.dropFirst()
                continue
            }
            guard let close = after.firstIndex(of: "}") else {
                out += rest[open.lowerBound...]
                literalText = true
                rest = ""
                break
            }
            let name = AWSText.trim(after[..<close])
            let value: CloudFormationValue
            if let variable = variables[name] {
                value = resolve(variable, depth: depth)
            } else if parameters[name] != nil || resources[name] != nil || name.hasPrefix("AWS::") {
                value = ref(name, depth: depth)
            } else if let dot = name.firstIndex(of: "."), resources[String(name[..<dot])] != nil {
                value = .resource(id: String(name[..<dot]), attribute: String(name[name.index(after: dot)...]))
            } else {
                value = .unknown(what: name, why: "The Fn::Sub at line \(node.line) names \(name), which the template does not declare.")
            }
            parts.append(value)
            if let text = value.text {
                out += text
            } else {
                exact = false
                out += "${" + name + "}"
            }
            rest = after[after.index(after: close)...]
        }
        out += rest
        if !rest.isEmpty { literalText = true }
        if exact { return .text(out) }
        if !literalText, parts.count == 1, let only = parts.first { return only }
        return .partial(out)
    }

    private func join(_ argument: CloudFormationNode, at node: CloudFormationNode, depth: Int) -> CloudFormationValue {
        guard let items = argument.sequence, items.count == 2, let delimiter = resolve(items[0], depth: depth).text else {
            return .unknown(what: "Fn::Join", why: "The Fn::Join at line \(node.line) is not [delimiter, [values]].")
        }
        var values: [CloudFormationValue]
        switch resolve(items[1], depth: depth) {
        case .list(let list): values = list
        case let other: return other == .absent ? .text("") : other
        }
        values.removeAll { $0 == .absent }
        if values.allSatisfy({ $0.text != nil }) {
            return .text(values.compactMap(\.text).joined(separator: delimiter))
        }
        let meaningful = values.filter { $0 != .text("") }
        if meaningful.count == 1, let only = meaningful.first, only.text == nil { return only }
        return .partial(values.map(\.placeholder).joined(separator: delimiter))
    }

    private func findInMap(_ argument: CloudFormationNode, at node: CloudFormationNode, depth: Int) -> CloudFormationValue {
        guard let items = argument.sequence, items.count >= 3 else {
            return .unknown(what: "Fn::FindInMap", why: "The Fn::FindInMap at line \(node.line) is not [map, key, key].")
        }
        let keys = items.prefix(3).map { resolve($0, depth: depth) }
        guard let map = keys[0].text, let top = keys[1].text, let second = keys[2].text else {
            return .unknown(
                what: "Fn::FindInMap", why: "The Fn::FindInMap at line \(node.line) uses keys known only when the stack deploys.")
        }
        guard let found = mappings?[map]?[top]?[second] else {
            return .unknown(what: "Fn::FindInMap", why: "The mapping \(map) has no entry \(top).\(second).")
        }
        return resolve(found, depth: depth)
    }

    // MARK: - Conditions

    /// Whether the condition `name` holds, when the template alone can tell.
    func condition(_ name: String, depth: Int = 0) -> Bool? {
        guard depth < CloudFormationTemplate.maxDepth, let node = conditions[name] else { return nil }
        return evaluate(condition: node, depth: depth + 1)
    }

    private func evaluate(condition node: CloudFormationNode, depth: Int) -> Bool? {
        guard depth < CloudFormationTemplate.maxDepth, let (name, argument) = node.intrinsic else { return nil }
        let items = argument.sequence ?? []
        switch name {
        case "Fn::Equals":
            guard items.count == 2, let a = resolve(items[0], depth: depth).text, let b = resolve(items[1], depth: depth).text else { return nil }
            return a == b
        case "Fn::Not":
            guard items.count == 1, let value = evaluate(condition: items[0], depth: depth + 1) else { return nil }
            return !value
        case "Fn::And", "Fn::Or":
            let values = items.map { evaluate(condition: $0, depth: depth + 1) }
            let isAnd = name == "Fn::And"
            if values.contains(!isAnd) { return !isAnd }
            return values.contains(nil) ? nil : isAnd
        case "Condition":
            guard let other = argument.scalar else { return nil }
            return condition(other, depth: depth + 1)
        default:
            return nil
        }
    }

    // MARK: - References

    /// Every resource a subtree refers to with `Ref`, `Fn::GetAtt` or `${…}` in `Fn::Sub`,
    /// with the attribute named (or `nil` for `Ref`).
    func references(in node: CloudFormationNode?, depth: Int = 0) -> [(id: String, attribute: String?)] {
        guard let node, depth < CloudFormationTemplate.maxDepth * 4 else { return [] }
        switch node.kind {
        case .null, .scalar:
            return []
        case .sequence(let items):
            return items.flatMap { references(in: $0, depth: depth + 1) }
        case .mapping(let entries):
            if let (name, argument) = node.intrinsic {
                switch name {
                case "Ref":
                    if let id = argument.scalar, resources[id] != nil { return [(id, nil)] }
                    return []
                case "Fn::GetAtt":
                    if case .resource(let id, let attribute) = getAtt(argument, at: node, depth: 0) { return [(id, attribute)] }
                    return []
                case "Fn::Sub":
                    let text = argument.scalar ?? argument.sequence?.first?.scalar ?? ""
                    var found: [(id: String, attribute: String?)] = []
                    var rest = Substring(text)
                    while let open = rest.firstRange(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
                        let name = String(rest[open.upperBound..<close])
                        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
                        if let id = parts.first, resources[id] != nil { found.append((id, parts.count > 1 ? parts[1] : nil)) }
                        rest = rest[rest.index(after: close)...]
                    }
                    return found + references(in: argument.sequence?.last, depth: depth + 1)
                default:
                    break
                }
            }
            return entries.flatMap { references(in: $0.value, depth: depth + 1) }
        }
    }
}
