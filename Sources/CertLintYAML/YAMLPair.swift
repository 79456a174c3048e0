/// One entry of a mapping: a key node and its value node, in the order they were written.
public struct YAMLPair: Sendable, Hashable {
    /// The key: usually a scalar, though YAML allows any node (`? [a, b] : c`).
    public var key: YAMLNode
    /// The value; an empty value is a plain scalar with empty text (which resolves to null).
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
