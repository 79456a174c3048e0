/// One resource or data source of a Terraform configuration or plan, whichever file it came from.
struct TerraformResource: Sendable {
    /// `managed` (a `resource`) or `data`.
    var isData: Bool
    /// `aws_lb_listener`…
    var type: String
    /// The name given in the configuration.
    var name: String
    /// The address without instance keys: `aws_lb_listener.front`, `data.aws_acm_certificate.x`,
    /// `module.web.aws_lb.main`.
    var address: String
    /// The address with its instance keys, as Terraform prints it (`aws_lb_listener.front[0]`).
    var instanceAddress: String
    /// The module path the resource lives in (`""` for the root, `module.web` for a child),
    /// which its references are relative to.
    var module: String
    /// Its arguments.
    var body: TerraformBlock
    /// Where it is declared (its name key, or the plan entry's address).
    var position: ManifestJSONPosition
}

/// A block's arguments: in a `.tf.json` file the written values; in a plan the planned
/// values, with the configuration's expressions for what is known only after apply.
struct TerraformBlock: Sendable {
    /// The values (an object), if any.
    var values: ManifestJSONValue?
    /// The configuration expressions of a plan (an object of `{references: […]}` or
    /// `{constant_value: …}` per argument), if any.
    var expressions: ManifestJSONValue?

    /// One argument.
    func attribute(_ name: String) -> TerraformAttribute {
        TerraformAttribute(name: name, member: values?.member(name), expression: expressions?.member(name))
    }

    /// The nested blocks named `name`: an object or an array of objects in either form.
    func blocks(_ name: String) -> [TerraformBlock] {
        let valueBlocks = TerraformBlock.objects(values?[name])
        let expressionBlocks = TerraformBlock.objects(expressions?[name])
        let count = max(valueBlocks.count, expressionBlocks.count)
        return (0..<count).map { i in
            TerraformBlock(
                values: valueBlocks.indices.contains(i) ? valueBlocks[i] : nil,
                expressions: expressionBlocks.indices.contains(i) ? expressionBlocks[i] : nil)
        }
    }

    /// An object as a list of one, the objects of an array, or nothing.
    static func objects(_ value: ManifestJSONValue?) -> [ManifestJSONValue] {
        guard let value else { return [] }
        if value.members != nil { return [value] }
        return (value.array ?? []).filter { $0.members != nil }
    }
}

/// One argument of a block, as written or planned.
struct TerraformAttribute: Sendable {
    /// The argument's name.
    var name: String
    /// The member holding its value, if any.
    var member: ManifestJSONMember?
    /// The member holding its plan expression, if any.
    var expression: ManifestJSONMember?

    /// Whether the argument is given at all (a `null` value counts as not given).
    var isPresent: Bool {
        if let member, !member.value.isNull { return true }
        return expression != nil
    }

    /// Where the argument's key is written: the value's key, else the expression's.
    var keyPosition: ManifestJSONPosition? {
        if let member, !member.value.isNull { return member.keyPosition }
        return expression?.keyPosition ?? member?.keyPosition
    }
}

/// What an argument comes to, as far as the file alone tells.
enum TerraformValue: Sendable, Hashable {
    /// A string known exactly.
    case text(String)
    /// A string with parts known only when Terraform runs, kept as `${…}`.
    case partial(String)
    /// An attribute of another resource or data source (`aws_acm_certificate.web.arn`):
    /// the address and the attribute.
    case reference(address: String, attribute: String)
    /// `file("path")`: a path relative to the module's folder.
    case file(String)
    /// A list.
    case list([TerraformValue])
    /// Something the file cannot tell: `what` renders it, `why` says why.
    case unknown(what: String, why: String)
    /// Not given, or `null`.
    case absent
}

extension TerraformValue {
    /// The string when known exactly.
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The strings of a list known exactly (a single string counts as a list of one).
    var texts: [String] {
        switch self {
        case .text(let text): return [text]
        case .list(let items): return items.compactMap(\.text)
        default: return []
        }
    }

    /// A short description for messages and external references.
    var summary: String {
        switch self {
        case .text(let text), .partial(let text): return text
        case .reference(let address, let attribute): return "\(address).\(attribute)"
        case .file(let path): return "file(\"\(path)\")"
        case .list(let items): return items.map(\.summary).joined(separator: ",")
        case .unknown(let what, _): return what
        case .absent: return "no value"
        }
    }
}
