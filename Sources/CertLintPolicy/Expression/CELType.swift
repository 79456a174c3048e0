/// A type in the expression checker.
///
/// The checker gives every sub-expression one of these types at load time. `dyn` stands for
/// "any type, checked when the expression runs": a value of type `dyn` is accepted wherever a
/// value is expected, and every operation on it is checked against the runtime value instead.
/// Lists and maps carry their element types (`list(string)`, `map(string, int)`); objects are the
/// declared fact types, named (`object("Certificate")`).
public indirect enum CELType: Hashable, Sendable {
    /// `true` or `false`.
    case bool
    /// A 64-bit signed integer.
    case int
    /// A 64-bit IEEE double.
    case double
    /// A string of Unicode code points.
    case string
    /// A sequence of bytes.
    case bytes
    /// The type of `null`.
    case null
    /// A point in time, to the second, in UTC.
    case timestamp
    /// A signed span of time, to the second.
    case duration
    /// Any type; checked at evaluation instead of at load time.
    case dyn
    /// A list whose elements have the given type.
    case list(CELType)
    /// A map from keys of one type (`int`, `string`, `bool` or `dyn`) to values of another.
    case map(key: CELType, value: CELType)
    /// A declared object type, by name (a key of ``CELEnvironment/objectTypes``).
    case object(String)
}

extension CELType: CustomStringConvertible {
    /// The type as rule writers see it in messages: `int`, `list(string)`, `map(string, dyn)`,
    /// `Certificate`.
    public var description: String {
        switch self {
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .null: return "null"
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        case .dyn: return "dyn"
        case .list(let element): return "list(\(element))"
        case .map(let key, let value): return "map(\(key), \(value))"
        case .object(let name): return name
        }
    }
}

extension CELType {
    /// Whether a value of type `other` may be passed where `self` is expected: equal types, or
    /// `dyn` on either side (at any depth of a list or map).
    func accepts(_ other: CELType) -> Bool {
        switch (self, other) {
        case (.dyn, _), (_, .dyn):
            return true
        case (.list(let a), .list(let b)):
            return a.accepts(b)
        case (.map(let ka, let va), .map(let kb, let vb)):
            return ka.accepts(kb) && va.accepts(vb)
        default:
            return self == other
        }
    }

    /// Whether `==` / `!=` / `in` may compare values of these two types: the same type, `dyn`
    /// on either side, `int` with `double` (compared by numeric value), or `null` with anything
    /// (a fact that may be absent can be compared with `null`).
    func isComparable(with other: CELType) -> Bool {
        switch (self, other) {
        case (.dyn, _), (_, .dyn), (.null, _), (_, .null):
            return true
        case (.int, .double), (.double, .int):
            return true
        case (.list(let a), .list(let b)):
            return a.isComparable(with: b)
        case (.map(let ka, let va), .map(let kb, let vb)):
            return ka.isComparable(with: kb) && va.isComparable(with: vb)
        default:
            return self == other
        }
    }

    /// Whether `<`, `<=`, `>`, `>=` are defined between the two types.
    func isOrderable(with other: CELType) -> Bool {
        switch (self, other) {
        case (.dyn, .dyn):
            return true
        case (.dyn, let t), (let t, .dyn):
            return t.isOrderedKind || t == .dyn
        case (.int, .double), (.double, .int):
            return true
        default:
            return self == other && isOrderedKind
        }
    }

    /// Types with an ordering.
    var isOrderedKind: Bool {
        switch self {
        case .bool, .int, .double, .string, .bytes, .timestamp, .duration: return true
        default: return false
        }
    }

    /// Whether values of this type may be map keys.
    var isValidMapKey: Bool {
        switch self {
        case .int, .string, .bool, .dyn: return true
        default: return false
        }
    }

    /// The common type of two values that end up in one list or map: equal types stay, `null`
    /// joins anything, everything else becomes `dyn`.
    func joined(with other: CELType) -> CELType {
        if self == other { return self }
        switch (self, other) {
        case (.null, let t), (let t, .null): return t
        case (.list(let a), .list(let b)): return .list(a.joined(with: b))
        case (.map(let ka, let va), .map(let kb, let vb)): return .map(key: ka.joined(with: kb), value: va.joined(with: vb))
        default: return .dyn
        }
    }
}
