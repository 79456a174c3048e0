/// A JSON value that knows where it was written, with the members of objects kept in order
/// and with the positions of their keys.
///
/// Numbers keep their text (RFC 8259 sets no precision); ``doubleValue`` and ``intValue``
/// read it on demand.
struct ManifestJSONValue: Sendable, Hashable {
    /// What a value holds.
    enum Kind: Sendable, Hashable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number, as written.
        case number(String)
        /// A string, unescaped.
        case string(String)
        /// An array.
        case array([ManifestJSONValue])
        /// An object's members, in the order written (duplicates included).
        case object([ManifestJSONMember])
    }

    /// What the value holds.
    var kind: Kind
    /// Where its first character is (the quote, the `[`, the `{`, the digit or sign).
    var position: ManifestJSONPosition

    /// Creates a value.
    init(_ kind: Kind, at position: ManifestJSONPosition = .start) {
        self.kind = kind
        self.position = position
    }
}

/// One member of a JSON object: its key, where the key is written, and its value.
struct ManifestJSONMember: Sendable, Hashable {
    /// The key, unescaped.
    var key: String
    /// Where the key's opening quote is.
    var keyPosition: ManifestJSONPosition
    /// The value.
    var value: ManifestJSONValue

    /// Creates a member.
    init(key: String, keyPosition: ManifestJSONPosition, value: ManifestJSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

extension ManifestJSONValue {
    /// The string, or `nil` for anything else.
    var stringValue: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The boolean, or `nil` for anything else.
    var boolValue: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    /// The number's text as written, or `nil` for anything else.
    var numberText: String? {
        if case .number(let text) = kind { return text }
        return nil
    }

    /// The number as a `Double`, or `nil` for anything else.
    var doubleValue: Double? { numberText.flatMap(Double.init) }

    /// The number as an `Int` when it is written as an integer that fits, else `nil`.
    var intValue: Int? { numberText.flatMap { Int($0) } }

    /// Whether the value is `null`.
    var isNull: Bool { kind == .null }

    /// The elements of an array, or `nil` for anything else.
    var array: [ManifestJSONValue]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    /// The members of an object, or `nil` for anything else.
    var members: [ManifestJSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// A scalar as text: a string as is, a number as written, a boolean as `true`/`false`;
    /// `nil` for null, arrays and objects.
    var scalarText: String? {
        switch kind {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// The last member named `key` of an object (JavaScript's rule for duplicates), or `nil`.
    func member(_ key: String) -> ManifestJSONMember? {
        guard case .object(let members) = kind else { return nil }
        return members.last { $0.key == key }
    }

    /// The value of the last member named `key` of an object, or `nil`.
    subscript(key: String) -> ManifestJSONValue? { member(key)?.value }

    /// The element at `index` of an array, or `nil` when out of range or not an array.
    subscript(index: Int) -> ManifestJSONValue? {
        guard case .array(let items) = kind, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// "null", "a boolean", "a number", "a string", "an array" or "an object", for messages.
    var kindDescription: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
