/// The resources of a Terraform file and how to evaluate their arguments: written
/// expressions for a `.tf.json` configuration, planned values (with the configuration's
/// references for what is known only after apply) for `terraform show -json` output.
struct TerraformSources: Sendable {
    /// How arguments are evaluated.
    enum Mode: Sendable {
        /// A `.tf.json` configuration: arguments are templates.
        case configuration(TerraformExpression)
        /// Plan or state JSON: arguments are values; root variables' values by name.
        case plan(variables: [String: ManifestJSONValue])
    }

    /// The resources and data sources, in file order.
    var resources: [TerraformResource] = [] {
        didSet { indexAddresses() }
    }
    /// The index of the first resource at each address.
    private var byAddress: [String: Int] = [:]
    /// How arguments are evaluated.
    var mode: Mode
    /// Problems found while loading.
    var problems: [(position: ManifestJSONPosition, message: String)] = []

    /// The deepest module nesting followed in a plan.
    static let maxModuleDepth = 16

    /// The resource at an address (instance keys dropped); the first of several instances.
    func resource(_ address: String) -> TerraformResource? {
        byAddress[address].map { resources[$0] }
    }

    private mutating func indexAddresses() {
        byAddress = [:]
        for (i, resource) in resources.enumerated() where byAddress[resource.address] == nil {
            byAddress[resource.address] = i
        }
    }

    /// The value of an argument of `resource`.
    func evaluate(_ attribute: TerraformAttribute, in resource: TerraformResource) -> TerraformValue {
        switch mode {
        case .configuration(let expression):
            return expression.evaluate(attribute.member?.value)
        case .plan(let variables):
            if let member = attribute.member, !member.value.isNull {
                return TerraformSources.planned(member.value)
            }
            guard let expression = attribute.expression?.value else { return .absent }
            if let constant = expression["constant_value"] { return TerraformSources.planned(constant) }
            for reference in (expression["references"]?.array ?? []).compactMap(\.stringValue) {
                let parts = TerraformExpression.traversal(reference)
                if parts.count == 2, parts[0] == "var", resource.module.isEmpty, let value = variables[parts[1]]?["value"] {
                    return TerraformSources.planned(value)
                }
                let prefix = resource.module.isEmpty ? "" : resource.module + "."
                if parts.count >= 4, parts[0] == "data" {
                    return .reference(address: prefix + "data.\(parts[1]).\(parts[2])", attribute: parts[3...].joined(separator: "."))
                }
                if parts.count >= 3, parts[0].contains("_") {
                    return .reference(address: prefix + "\(parts[0]).\(parts[1])", attribute: parts[2...].joined(separator: "."))
                }
            }
            return .unknown(what: "\(resource.address).\(attribute.name)", why: "The value is known only after apply.")
        }
    }

    /// A planned value: already evaluated by Terraform.
    static func planned(_ value: ManifestJSONValue) -> TerraformValue {
        switch value.kind {
        case .null: return .absent
        case .array(let items): return .list(items.map(planned))
        case .object: return .unknown(what: "an object at \(value.position)", why: "An object is not a string.")
        default: return .text(value.scalarText ?? "")
        }
    }

    /// `module.web[0].aws_lb.main["a"]` without its instance keys: `module.web.aws_lb.main`.
    static func withoutInstanceKeys(_ address: String) -> String {
        var out = ""
        var depth = 0
        var inQuote = false
        for c in address.unicodeScalars {
            if depth > 0 {
                if inQuote {
                    if c == "\"" { inQuote = false }
                } else if c == "\"" {
                    inQuote = true
                } else if c == "[" {
                    depth += 1
                } else if c == "]" {
                    depth -= 1
                }
                continue
            }
            if c == "[" {
                depth = 1
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    // MARK: - Loading a .tf.json configuration

    /// The resources, variables and locals of a `.tf.json` file.
    static func configuration(_ root: ManifestJSONValue) -> TerraformSources {
        var expression = TerraformExpression()
        var sources = TerraformSources(mode: .configuration(expression))
        var resources: [TerraformResource] = []
        guard root.members != nil else {
            sources.problems.append((root.position, "A Terraform JSON file must hold an object of blocks (resource, variable…), not \(root.kindDescription)."))
            return sources
        }
        for block in root.members ?? [] {
            switch block.key {
            case "resource", "data":
                let isData = block.key == "data"
                for typeObject in TerraformBlock.objects(block.value) {
                    for typeMember in typeObject.members ?? [] where typeMember.key != "//" {
                        for nameObject in TerraformBlock.objects(typeMember.value) {
                            for nameMember in nameObject.members ?? [] where nameMember.key != "//" {
                                for body in TerraformBlock.objects(nameMember.value) {
                                    let address = (isData ? "data." : "") + "\(typeMember.key).\(nameMember.key)"
                                    resources.append(
                                        TerraformResource(
                                            isData: isData, type: typeMember.key, name: nameMember.key, address: address, instanceAddress: address, module: "",
                                            body: TerraformBlock(values: body, expressions: nil), position: nameMember.keyPosition))
                                }
                            }
                        }
                    }
                }
            case "variable":
                for object in TerraformBlock.objects(block.value) {
                    for variable in object.members ?? [] where variable.key != "//" {
                        expression.declared.insert(variable.key)
                        for body in TerraformBlock.objects(variable.value) {
                            if let value = body["default"] { expression.defaults[variable.key] = value }
                        }
                    }
                }
            case "locals":
                for object in TerraformBlock.objects(block.value) {
                    for local in object.members ?? [] where local.key != "//" {
                        expression.locals[local.key] = local.value
                    }
                }
            default:
                break
            }
        }
        sources.mode = .configuration(expression)
        sources.resources = resources
        return sources
    }

    // MARK: - Loading plan or state JSON

    /// The resources of `terraform show -json` output: `planned_values` of a plan (or
    /// `values` of a state), with the plan's `configuration` expressions.
    static func plan(_ root: ManifestJSONValue) -> TerraformSources {
        var variables: [String: ManifestJSONValue] = [:]
        for member in root["variables"]?.members ?? [] { variables[member.key] = member.value }
        var sources = TerraformSources(mode: .plan(variables: variables))
        var expressions: [String: ManifestJSONValue] = [:]
        if let configuration = root["configuration"]?["root_module"] {
            collectExpressions(configuration, prefix: "", depth: 0, into: &expressions)
        }
        guard let module = root["planned_values"]?["root_module"] ?? root["values"]?["root_module"] else {
            sources.problems.append((root.position, "The Terraform JSON output has neither planned_values nor values; it holds no resources to read."))
            return sources
        }
        var resources: [TerraformResource] = []
        collectResources(module, depth: 0, expressions: expressions, into: &resources)
        sources.resources = resources
        return sources
    }

    private static func collectExpressions(_ module: ManifestJSONValue, prefix: String, depth: Int, into expressions: inout [String: ManifestJSONValue]) {
        guard depth < maxModuleDepth else { return }
        for resource in module["resources"]?.array ?? [] {
            guard let address = resource["address"]?.stringValue, let body = resource["expressions"] else { continue }
            expressions[prefix + withoutInstanceKeys(address)] = body
        }
        for call in module["module_calls"]?.members ?? [] {
            guard let child = call.value["module"] else { continue }
            collectExpressions(child, prefix: prefix + "module.\(call.key).", depth: depth + 1, into: &expressions)
        }
    }

    private static func collectResources(
        _ module: ManifestJSONValue, depth: Int, expressions: [String: ManifestJSONValue], into resources: inout [TerraformResource]
    ) {
        guard depth < maxModuleDepth else { return }
        let modulePath = withoutInstanceKeys(module["address"]?.stringValue ?? "")
        for entry in module["resources"]?.array ?? [] {
            guard let type = entry["type"]?.stringValue, let name = entry["name"]?.stringValue else { continue }
            let isData = entry["mode"]?.stringValue == "data"
            let local = (isData ? "data." : "") + "\(type).\(name)"
            let address = modulePath.isEmpty ? local : modulePath + "." + local
            resources.append(
                TerraformResource(
                    isData: isData, type: type, name: name, address: address,
                    instanceAddress: entry["address"]?.stringValue ?? address, module: modulePath,
                    body: TerraformBlock(values: entry["values"], expressions: expressions[address]),
                    position: entry.member("address")?.keyPosition ?? entry.position))
        }
        for child in module["child_modules"]?.array ?? [] {
            collectResources(child, depth: depth + 1, expressions: expressions, into: &resources)
        }
    }
}
