/// What a template value comes to once its intrinsic functions are applied as far as a
/// template alone allows (parameter defaults, mappings, conditions over defaults).
enum CloudFormationValue: Sendable, Hashable {
    /// A string known exactly.
    case text(String)
    /// A string with parts that cannot be known before deployment, kept as `${…}`
    /// placeholders (`arn:aws:acm:${AWS::Region}:…`).
    case partial(String)
    /// A `Ref` or `Fn::GetAtt` to a resource of the same template.
    case resource(id: String, attribute: String?)
    /// A list.
    case list([CloudFormationValue])
    /// Something the template alone cannot tell: `what` renders the expression briefly
    /// (`Fn::ImportValue shared-cert`), `why` is a sentence that says why.
    case unknown(what: String, why: String)
    /// `AWS::NoValue`, a null, or a missing property.
    case absent
}

extension CloudFormationValue {
    /// The string when known exactly, else `nil`.
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

    /// The value written into a longer string: itself when known, else a `${…}` placeholder.
    var placeholder: String {
        switch self {
        case .text(let text), .partial(let text): return text
        case .resource(let id, let attribute): return "${" + id + (attribute.map { "." + $0 } ?? "") + "}"
        case .list(let items): return items.map(\.placeholder).joined(separator: ",")
        case .unknown(let what, _): return "${" + what + "}"
        case .absent: return ""
        }
    }

    /// The value as a short description for messages and external references.
    var summary: String {
        switch self {
        case .text(let text), .partial(let text): return text
        case .resource(let id, let attribute): return attribute.map { "\(id).\($0)" } ?? id
        case .list(let items): return items.map(\.summary).joined(separator: ",")
        case .unknown(let what, _): return what
        case .absent: return "no value"
        }
    }
}
