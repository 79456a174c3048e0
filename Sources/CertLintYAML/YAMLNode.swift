/// One node of a YAML document — a scalar, a sequence or a mapping — with its tag, its
/// anchor and where it was written.
///
/// Nodes are values. An alias (`*name`) becomes a copy of the node it names: the copy keeps
/// the original's ``position`` (where the anchored node is written) and records where the
/// alias itself is in ``aliasPosition``.
///
/// Equality compares everything, positions included; ``isEquivalent(to:)`` compares content
/// (kind, text, tags) only.
public struct YAMLNode: Sendable, Hashable {
    /// What a node holds.
    public enum Kind: Sendable, Hashable {
        /// A scalar: its text (after unescaping, folding and chomping) and how it was written.
        case scalar(String, YAMLScalarStyle)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping, as its pairs in the order they were written.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var kind: Kind
    /// The tag as resolved from what was written, or `nil` when no tag was written.
    ///
    /// `!Ref` stays `!Ref`, `!!str` becomes `tag:yaml.org,2002:str`, `%TAG` handles are
    /// expanded, a verbatim `!<uri>` gives `uri`, and the non-specific `!` stays `!`.
    public var tag: String?
    /// The anchor written on the node (`&name` gives `name`), if any.
    public var anchor: String?
    /// Where the node's first character is: its tag or anchor when it has one, else its
    /// content (the quote, the `[`, the first key, the `-` of the first entry).
    public var position: YAMLPosition
    /// Where the content starts: for a quoted scalar the character after the opening quote,
    /// for a block scalar the first character of its first content line, for a plain scalar
    /// its first character; for a collection the `[`/`{` or first entry.
    public var contentPosition: YAMLPosition
    /// Where the alias was written when this node is a copy made for an alias, else `nil`.
    public var aliasPosition: YAMLPosition?
    /// Whether a collection was written in flow style (`[…]`, `{…}`); `false` for scalars.
    public var isFlow: Bool
    /// Where the scalar's text stops mapping linearly to the source (line folds, escapes).
    ///
    /// Pairs of (UTF-8 offset in the text, position in the source); empty when the text is a
    /// verbatim copy of the source from ``contentPosition``.
    var segments: [YAMLScalarSegment]

    /// Creates a node.
    ///
    /// Positions default to the start of the text, which suits nodes built in code.
    public init(
        _ kind: Kind, tag: String? = nil, anchor: String? = nil, position: YAMLPosition = .start,
        contentPosition: YAMLPosition? = nil, aliasPosition: YAMLPosition? = nil, isFlow: Bool = false
    ) {
        self.kind = kind
        self.tag = tag
        self.anchor = anchor
        self.position = position
        self.contentPosition = contentPosition ?? position
        self.aliasPosition = aliasPosition
        self.isFlow = isFlow
        self.segments = []
    }

    /// A plain scalar built in code, at the start of the text.
    public static func scalar(_ text: String, style: YAMLScalarStyle = .plain) -> YAMLNode {
        YAMLNode(.scalar(text, style))
    }
}

/// A point where a scalar's text and its source stop being in step.
struct YAMLScalarSegment: Sendable, Hashable {
    /// The UTF-8 offset in the scalar's text.
    var textOffset: Int
    /// The source position of that text offset.
    var position: YAMLPosition
}

// MARK: - Reading the content

extension YAMLNode {
    /// The scalar's text as written (after unescaping and folding), or `nil` for a collection.
    ///
    /// This is the text whatever it resolves to: `42` gives "42".
    public var scalarValue: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// How the scalar was written, or `nil` for a collection.
    public var scalarStyle: YAMLScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    /// The entries of a sequence, or `nil` for a scalar or mapping.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs of a mapping, or `nil` for a scalar or sequence.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// Whether the node is a scalar.
    public var isScalar: Bool { scalarValue != nil }
    /// Whether the node is a sequence.
    public var isSequence: Bool { sequence != nil }
    /// Whether the node is a mapping.
    public var isMapping: Bool { mapping != nil }
    /// Whether the node is a copy made for an alias.
    public var isAlias: Bool { aliasPosition != nil }

    /// "a scalar", "a sequence" or "a mapping", for messages.
    public var kindDescription: String {
        switch kind {
        case .scalar: return "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// The number of entries of a collection; 0 for a scalar.
    public var count: Int {
        switch kind {
        case .scalar: return 0
        case .sequence(let items): return items.count
        case .mapping(let pairs): return pairs.count
        }
    }

    /// The scalar's value per the YAML 1.2 core schema and its tag; `nil` for a collection.
    public var resolved: YAMLValue? {
        guard case .scalar(let text, let style) = kind else { return nil }
        return YAMLValue.resolve(text, style: style, tag: tag)
    }

    /// The text of a scalar that resolves to a string; `nil` for anything else.
    ///
    /// Strings are quoted scalars, block scalars, plain words, and scalars tagged `!!str` or
    /// with an application tag such as `!Ref`; null, booleans, numbers and collections give
    /// `nil`. Use ``scalarValue`` to get the text whatever it resolves to.
    public var stringValue: String? {
        if case .string(let text) = resolved { return text }
        return nil
    }

    /// The boolean a scalar resolves to, if it resolves to one.
    public var boolValue: Bool? {
        if case .bool(let value) = resolved { return value }
        return nil
    }

    /// The integer a scalar resolves to, if it resolves to one.
    public var intValue: Int? {
        if case .int(let value) = resolved { return value }
        return nil
    }

    /// The number a scalar resolves to (an integer or a float), if it resolves to one.
    public var doubleValue: Double? {
        switch resolved {
        case .int(let value): return Double(value)
        case .float(let value): return value
        default: return nil
        }
    }

    /// Whether the node is a scalar that resolves to null (`~`, `null`, or nothing at all).
    public var isNull: Bool { resolved == .null }

    /// The key nodes of a mapping, with their positions, in order; empty for other nodes.
    public var keys: [YAMLNode] { mapping?.map(\.key) ?? [] }

    /// The pair whose key is a scalar with the text `key`, if the node is a mapping that has one.
    public func pair(forKey key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key.scalarValue == key }
    }

    /// The value for the scalar key `key` in a mapping; `nil` when the node is not a mapping
    /// or has no such key.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// The entry at `index` of a sequence; `nil` when the node is not a sequence or the index
    /// is out of range.
    public subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items) = kind, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Whether two nodes have the same content: the same kind, text, style-independent value
    /// and tags, recursively; positions, anchors and styles are ignored.
    public func isEquivalent(to other: YAMLNode) -> Bool {
        YAMLNodeIdentity(self) == YAMLNodeIdentity(other)
    }
}

// MARK: - Mapping offsets in a scalar back to the source

extension YAMLNode {
    /// The source position of the UTF-8 offset `offset` in the scalar's text.
    ///
    /// An error found inside a scalar (an expression in a rule file, say) can so be reported
    /// at its file line and column. Exact for every style, across line folds and escapes; an
    /// offset inside the text an escape produced maps to the escape's backslash. `nil` for
    /// collections and offsets outside the text (the end of the text is allowed).
    public func sourcePosition(ofScalarOffset offset: Int) -> YAMLPosition? {
        guard case .scalar(let text, _) = kind, offset >= 0, offset <= text.utf8.count else { return nil }
        var anchor = YAMLScalarSegment(textOffset: 0, position: contentPosition)
        // Segments are in text order; find the last one at or before the offset.
        var low = 0
        var high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].textOffset <= offset { low = mid + 1 } else { high = mid }
        }
        if low > 0 { anchor = segments[low - 1] }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: anchor.textOffset)
        let to = utf8.index(utf8.startIndex, offsetBy: offset)
        var columns = 0
        for byte in utf8[from..<to] where byte & 0xC0 != 0x80 { columns += 1 }
        return YAMLPosition(
            line: anchor.position.line, column: anchor.position.column + columns,
            offset: anchor.position.offset + (offset - anchor.textOffset))
    }
}

/// A node's content without positions, anchors or styles.
///
/// Used for duplicate-key checks and ``YAMLNode/isEquivalent(to:)``. Scalars compare by
/// resolved value, so `1` and `0x1` are the same key, and `"1"` and `1` are not.
struct YAMLNodeIdentity: Hashable {
    let node: YAMLNode

    init(_ node: YAMLNode) { self.node = node }

    static func == (lhs: YAMLNodeIdentity, rhs: YAMLNodeIdentity) -> Bool {
        equal(lhs.node, rhs.node)
    }

    func hash(into hasher: inout Hasher) {
        YAMLNodeIdentity.hash(node, into: &hasher)
    }

    /// The tag that decides equality: the written one, or the core type a plain scalar
    /// resolves to.
    private static func effectiveValue(_ node: YAMLNode) -> (tag: String?, value: YAMLValue?) {
        guard case .scalar = node.kind else { return (node.tag, nil) }
        let value = node.resolved
        let tag = node.tag.flatMap { $0.hasPrefix(YAMLValue.coreTagPrefix) || $0 == "!" ? nil : $0 }
        return (tag, value)
    }

    private static func equal(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a.kind, b.kind) {
        case (.scalar, .scalar):
            let (tagA, valueA) = effectiveValue(a)
            let (tagB, valueB) = effectiveValue(b)
            return tagA == tagB && valueA == valueB
        case (.sequence(let itemsA), .sequence(let itemsB)):
            guard a.tag == b.tag, itemsA.count == itemsB.count else { return false }
            return zip(itemsA, itemsB).allSatisfy { equal($0, $1) }
        case (.mapping(let pairsA), .mapping(let pairsB)):
            guard a.tag == b.tag, pairsA.count == pairsB.count else { return false }
            // Mappings are unordered. Alias copies and most equal mappings list their keys in
            // the same order: try that first, then look keys up by hash (linear, not n²).
            if zip(pairsA, pairsB).allSatisfy({ equal($0.key, $1.key) && equal($0.value, $1.value) }) {
                return true
            }
            var valuesB: [YAMLNodeIdentity: YAMLNode] = [:]
            for pair in pairsB { valuesB[YAMLNodeIdentity(pair.key)] = pair.value }
            guard valuesB.count == pairsB.count else { return false }
            return pairsA.allSatisfy { pair in
                guard let value = valuesB[YAMLNodeIdentity(pair.key)] else { return false }
                return equal(value, pair.value)
            }
        default:
            return false
        }
    }

    private static func hash(_ node: YAMLNode, into hasher: inout Hasher) {
        switch node.kind {
        case .scalar:
            let (tag, value) = effectiveValue(node)
            hasher.combine(0)
            hasher.combine(tag)
            hasher.combine(value)
        case .sequence(let items):
            hasher.combine(1)
            hasher.combine(node.tag)
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .mapping(let pairs):
            // Order-independent: the pairs' own hashes are summed.
            hasher.combine(2)
            hasher.combine(node.tag)
            hasher.combine(pairs.count)
            var sum = 0
            for pair in pairs {
                var pairHasher = Hasher()
                hash(pair.key, into: &pairHasher)
                hash(pair.value, into: &pairHasher)
                sum = sum &+ pairHasher.finalize()
            }
            hasher.combine(sum)
        }
    }
}
