import CertLintCore

/// A rule, loaded from a pack and compiled: what it applies to, the condition it asserts, how
/// it reports, and its examples.
public struct Rule: Sendable {
    /// Identity, summary, rationale, help, severity and references.
    public var descriptor: RuleDescriptor
    /// What the rule runs over.
    public let subject: FactSchema.Subject
    /// The optional precondition.
    public let when: CELProgram?
    /// The condition that must hold; a finding is reported when it does not.
    public let assertion: CELProgram
    /// The finding's message.
    public let message: MessageTemplate
    /// Parameters with their current values (defaults, then configuration overrides).
    public var params: [String: CELValue] {
        didSet { paramsObject = Rule.object(id: descriptor.id, params: params) }
    }
    /// The parameters as the `params` variable (built once, shared by every evaluation).
    public private(set) var paramsObject: CELValue
    /// The parameters' types, fixed by their defaults.
    public let paramTypes: [String: CELType]
    /// The examples: facts that must make the rule fail or pass.
    public let examples: [RuleExample]
    /// The rule file.
    public let file: String
    /// Where the rule's `id` is written.
    public let position: FilePosition

    /// The rule's id.
    public var id: String { descriptor.id }

    /// Creates a rule.
    public init(
        descriptor: RuleDescriptor, subject: FactSchema.Subject, when: CELProgram?, assertion: CELProgram,
        message: MessageTemplate, params: [String: CELValue], paramTypes: [String: CELType], examples: [RuleExample],
        file: String, position: FilePosition
    ) {
        self.descriptor = descriptor
        self.subject = subject
        self.when = when
        self.assertion = assertion
        self.message = message
        self.params = params
        self.paramsObject = Rule.object(id: descriptor.id, params: params)
        self.paramTypes = paramTypes
        self.examples = examples
        self.file = file
        self.position = position
    }

    static func object(id: String, params: [String: CELValue]) -> CELValue {
        .object(FactRecord(typeName: "Params(\(id))", fields: params))
    }
}

/// One example of a rule: partial facts and whether the rule must report them.
public struct RuleExample: Sendable {
    /// Whether the rule must fail (report a finding) or pass.
    public enum Expectation: String, Sendable {
        /// A finding is expected.
        case fail
        /// No finding is expected.
        case pass
    }

    /// What is expected.
    public let expectation: Expectation
    /// The variables, built from the example's facts over the schema's defaults.
    public let activation: [String: CELValue]
    /// Where the example is written.
    public let position: FilePosition
}

/// A message with `{{expression}}` parts, compiled with the rule.
public struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case expression(CELProgram, source: String)
    }

    let parts: [Part]

    /// Renders the message: each expression's value as text (lists joined with ", ",
    /// timestamps as ISO 8601), or `‹error›` when it cannot be evaluated.
    public func render(_ activation: [String: CELValue]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .expression(let program, _): out += MessageTemplate.text(of: program.evaluate(activation))
            }
        }
        return out
    }

    /// ``render(_:)`` with the variables in layout order (``CELEnvironment/variableLayout``, as
    /// the engine holds them), without building a dictionary.
    func render(layout values: [CELValue], scratch: inout [CELValue]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .expression(let program, _): out += MessageTemplate.text(of: program.evaluate(layout: values, scratch: &scratch))
            }
        }
        return out
    }

    /// The text of a value in a message.
    static func text(of value: CELValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): return s
        case .bytes(let b): return b.map { String(format: "%02x", $0) }.joined()
        case .list(let items): return items.isEmpty ? "none" : items.map(text(of:)).joined(separator: ", ")
        case .map(let map): return map.entries.map { "\(text(of: $0.key.value)): \(text(of: $0.value))" }.joined(separator: ", ")
        case .timestamp(let seconds): return ISOTime.format(seconds)
        case .duration(let seconds): return "\(seconds / 86_400) days"
        case .object(let object): return object.typeName
        case .error(let error): return "‹\(error.message)›"
        }
    }
}

/// ISO 8601 formatting of epoch seconds without Foundation's calendar.
enum ISOTime {
    static func format(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ v: Int64, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        let time = rest == 0 ? "" : "T\(pad(Int64(rest / 3600), 2)):\(pad(Int64(rest / 60 % 60), 2)):\(pad(Int64(rest % 60), 2))Z"
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))" + time
    }
}
