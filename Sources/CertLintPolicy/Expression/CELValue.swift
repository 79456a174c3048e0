/// A runtime value of the expression language.
///
/// Values are what variables are bound to (``CELProgram/evaluate(_:costLimit:)``), what functions
/// receive and return, and what an evaluation produces. Errors are values too: an expression that
/// divides by zero evaluates to ``error(_:)``, which the logical operators may absorb.
///
/// Swift's `==` on values is structural (used by tests): `.int(1) == .double(1)` is `false`,
/// although the expression `1 == 1.0` is `true` (CEL compares numbers by value).
public enum CELValue: Sendable {
    /// `null`: an absent value.
    case null
    /// A boolean.
    case bool(Bool)
    /// A 64-bit signed integer.
    case int(Int64)
    /// A 64-bit IEEE double.
    case double(Double)
    /// A string.
    case string(String)
    /// Bytes.
    case bytes([UInt8])
    /// A list, possibly of mixed types.
    case list([CELValue])
    /// A map with `int`, `string` or `bool` keys, in insertion order.
    case map(CELMap)
    /// A point in time: seconds since 1970-01-01T00:00:00Z (UTC), between the years 1 and 9999.
    case timestamp(seconds: Int64)
    /// A signed span of time in seconds, at most 10,000 years either way.
    case duration(seconds: Int64)
    /// An object of a declared type, whose fields are read lazily.
    case object(any CELObject)
    /// A runtime error.
    case error(CELEvaluationError)
}

extension CELValue {
    /// The runtime type's name as messages show it: `int`, `list`, `Certificate`…
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .list: return "list"
        case .map: return "map"
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        case .object(let object): return object.typeName
        case .error: return "error"
        }
    }

    /// Whether the value is an error.
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// The strings of a list value whose elements are all strings; `nil` for any other value.
    var stringList: [String]? {
        guard case .list(let items) = self else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else { return nil }
            strings.append(s)
        }
        return strings
    }

    /// The objects of a list value whose elements are all objects; `nil` for any other value.
    var objectList: [any CELObject]? {
        guard case .list(let items) = self else { return nil }
        var objects: [any CELObject] = []
        objects.reserveCapacity(items.count)
        for item in items {
            guard case .object(let o) = item else { return nil }
            objects.append(o)
        }
        return objects
    }

    /// The error, when the value is one.
    public var errorValue: CELEvaluationError? {
        if case .error(let error) = self { return error }
        return nil
    }

    /// Whether the value has the given static type: lists and maps are checked element by element
    /// (an empty list has every list type); `dyn` accepts everything but errors.
    public func conforms(to type: CELType) -> Bool {
        switch (type, self) {
        case (_, .error): return false
        case (.dyn, _): return true
        case (.bool, .bool), (.int, .int), (.double, .double), (.string, .string), (.bytes, .bytes),
            (.null, .null), (.timestamp, .timestamp), (.duration, .duration):
            return true
        case (.list(let element), .list(let items)):
            return element == .dyn || items.allSatisfy { $0.conforms(to: element) }
        case (.map(let key, let value), .map(let map)):
            if key == .dyn && value == .dyn { return true }
            return map.entries.allSatisfy { $0.key.value.conforms(to: key) && $0.value.conforms(to: value) }
        case (.object(let name), .object(let object)):
            return object.typeName == name
        default:
            return false
        }
    }

    /// The integer a double holds exactly, or `nil` when it has a fraction or is out of range.
    static func exactInt(_ d: Double) -> Int64? {
        guard d.isFinite, d == d.rounded(.towardZero), d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else { return nil }
        return Int64(d)
    }
}

extension CELValue: Equatable {
    /// Structural equality: same case and equal payloads (objects by ``CELObject/isEqual(to:)``).
    public static func == (lhs: CELValue, rhs: CELValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.object(let a), .object(let b)): return a.isEqual(to: b)
        case (.error(let a), .error(let b)): return a == b
        default: return false
        }
    }
}

extension CELValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    /// A bool.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An int.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A double.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A list.
    public init(arrayLiteral elements: CELValue...) { self = .list(elements) }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}

extension CELValue: CustomStringConvertible {
    /// The value written as an expression would write it: strings quoted, `timestamp("…")`,
    /// `duration("…s")`, objects as `<Certificate>`, errors as `error(…)`.
    public var description: String {
        switch self {
        case .string(let s): return CELValue.quoted(s)
        case .bytes(let b): return "b" + CELValue.quoted(String(decoding: b, as: UTF8.self))
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let map): return "{" + map.entries.map { "\($0.key.value.description): \($0.value.description)" }.joined(separator: ", ") + "}"
        case .timestamp: return "timestamp(\(CELValue.quoted(messageText)))"
        case .duration: return "duration(\(CELValue.quoted(messageText)))"
        case .error(let e): return "error(\(e.message))"
        default: return messageText
        }
    }

    /// The value as a rule message shows it: strings without quotes, numbers in decimal, lists as
    /// their elements joined by ", ", maps as `key: value` pairs, timestamps in RFC 3339
    /// (`2026-03-15T00:00:00Z`), durations in seconds (`2592000s`), objects as `<Type>`, errors
    /// as their message.
    public var messageText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return CELValue.format(d)
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .list(let items): return items.map(\.messageText).joined(separator: ", ")
        case .map(let map): return map.entries.map { "\($0.key.value.messageText): \($0.value.messageText)" }.joined(separator: ", ")
        case .timestamp(let s): return CELTime.format(timestamp: s)
        case .duration(let s): return "\(s)s"
        case .object(let o): return "<\(o.typeName)>"
        case .error(let e): return e.message
        }
    }

    /// A double as text: integral values keep a trailing `.0`; infinities and NaN are named.
    static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }

    /// A string in double quotes with `\`, `"` and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
