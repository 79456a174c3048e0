/// A key of a ``CELMap``: maps are keyed by `int`, `string` or `bool`, as in CEL.
public enum CELMapKey: Hashable, Sendable {
    /// An integer key.
    case int(Int64)
    /// A string key.
    case string(String)
    /// A boolean key.
    case bool(Bool)

    /// The key as a value.
    public var value: CELValue {
        switch self {
        case .int(let v): return .int(v)
        case .string(let v): return .string(v)
        case .bool(let v): return .bool(v)
        }
    }

    /// The key for a value, or `nil` when the value cannot be a map key. A double with an
    /// integral value finds the integer key (`m[1.0]` is `m[1]`), as CEL's numeric equality does.
    public init?(_ value: CELValue) {
        switch value {
        case .int(let v): self = .int(v)
        case .string(let v): self = .string(v)
        case .bool(let v): self = .bool(v)
        case .double(let d):
            guard let i = CELValue.exactInt(d) else { return nil }
            self = .int(i)
        default: return nil
        }
    }
}

extension CELMapKey: ExpressibleByStringLiteral {
    /// A string key.
    public init(stringLiteral value: String) { self = .string(value) }
}

/// An associative array that keeps its keys in insertion order, so that iterating a map (the
/// macros over map keys, rendering a map in a message) is deterministic.
public struct CELMap: Sendable {
    /// The keys, in insertion order.
    public private(set) var keys: [CELMapKey]
    private var storage: [CELMapKey: CELValue]

    /// An empty map.
    public init() {
        keys = []
        storage = [:]
    }

    /// A map of the given entries; a repeated key keeps its first position and its last value.
    public init(_ entries: [(key: CELMapKey, value: CELValue)]) {
        self.init()
        for (key, value) in entries { self[key] = value }
    }

    /// A map of string keys, in the order of the sorted keys (dictionaries have no order).
    public init(_ dictionary: [String: CELValue]) {
        self.init()
        for key in dictionary.keys.sorted() { self[.string(key)] = dictionary[key] }
    }

    /// The value for a key; setting a new key appends it, setting `nil` removes it.
    public subscript(key: CELMapKey) -> CELValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// Whether the map has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries, in insertion order.
    public var entries: [(key: CELMapKey, value: CELValue)] {
        keys.compactMap { key in storage[key].map { (key: key, value: $0) } }
    }
}

extension CELMap: Equatable {
    /// The same keys (in any order) with structurally equal values.
    public static func == (lhs: CELMap, rhs: CELMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.storage {
            guard let other = rhs.storage[key], other == value else { return false }
        }
        return true
    }
}

extension CELMap: ExpressibleByDictionaryLiteral {
    /// A map of the literal's entries, in the literal's order.
    public init(dictionaryLiteral elements: (CELMapKey, CELValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
