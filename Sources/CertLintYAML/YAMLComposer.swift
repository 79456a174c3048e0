/// Builds nodes from events: resolves aliases (with the expansion and depth caps), applies
/// `<<` merge keys and rejects duplicate keys.
///
/// Collections under construction live on an explicit stack, so deep input costs heap, not
/// call stack.
struct YAMLComposer {
    /// What an anchor names: the finished node, how many nodes it holds, and how deep it goes.
    private struct Anchored {
        var node: YAMLNode
        var count: Int
        var height: Int
    }

    /// A key's identity for duplicate detection, computed once per key.
    private enum KeyIdentity: Hashable {
        case scalar(tag: String?, value: YAMLValue)
        case node(Box)

        /// Keeps collection keys out of line, so that identities stay small.
        final class Box: Hashable {
            let identity: YAMLNodeIdentity
            init(_ identity: YAMLNodeIdentity) { self.identity = identity }
            static func == (lhs: Box, rhs: Box) -> Bool { lhs.identity == rhs.identity }
            func hash(into hasher: inout Hasher) { identity.hash(into: &hasher) }
        }

        init(_ node: YAMLNode) {
            if case .scalar = node.kind, let value = node.resolved {
                let tag = node.tag.flatMap { $0.hasPrefix(YAMLValue.coreTagPrefix) || $0 == "!" ? nil : $0 }
                self = .scalar(tag: tag, value: value)
            } else {
                self = .node(Box(YAMLNodeIdentity(node)))
            }
        }
    }

    /// A key identity with its hash computed once, so that growing the index is cheap.
    private struct HashedKey: Hashable {
        let identity: KeyIdentity
        let hash: Int

        init(_ identity: KeyIdentity) {
            self.identity = identity
            hash = identity.hashValue
        }

        static func == (lhs: HashedKey, rhs: HashedKey) -> Bool { lhs.hash == rhs.hash && lhs.identity == rhs.identity }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// A collection under construction.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var tag: String?
        var anchor: String?
        var position: YAMLPosition
        var contentPosition: YAMLPosition
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var pendingKeyIsMerge = false
        /// Identities and positions of the explicit (non-merge) keys, in order.
        var keys: [(identity: KeyIdentity, position: YAMLPosition)] = []
        /// An index of the keys, built once a mapping grows past a few keys.
        var keyIndex: [HashedKey: YAMLPosition]?
        var hasMerge = false
        var count = 1
        var height = 1
    }

    private var parser: YAMLParser
    private let options: YAMLOptions
    private var anchors: [String: Anchored] = [:]
    /// Anchors of collections still open (an alias to one would make the tree infinite).
    private var openAnchors: [String: Int] = [:]
    private var frames: [Frame] = []
    /// Nodes copied by aliases so far, over the whole stream.
    private var expandedNodes = 0

    init(bytes: [UInt8], options: YAMLOptions) {
        parser = YAMLParser(bytes: bytes, maxDepth: options.maxDepth)
        self.options = options
    }

    /// Every document of the stream.
    mutating func documents() throws(YAMLError) -> [YAMLDocument] {
        var documents: [YAMLDocument] = []
        while true {
            let event = try parser.next()
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return documents
            case .documentStart(_, let version, let marker):
                anchors = [:]
                openAnchors = [:]
                let root = try composeNode()
                documents.append(YAMLDocument(root: root, startMarker: marker, position: event.start, version: version))
            default:
                throw YAMLError(.unexpectedToken, "Unexpected content at \(event.start).", at: event.start)
            }
        }
    }

    // MARK: - Nodes

    /// Reads one whole node (the document's root); `nil` for an empty document.
    private mutating func composeNode() throws(YAMLError) -> YAMLNode? {
        while true {
            let event = try parser.next()
            switch event.kind {
            case .scalar(let scalar):
                if frames.isEmpty, scalar.text.isEmpty, scalar.style == .plain, event.tag == nil, event.anchor == nil {
                    return nil
                }
                var node = YAMLNode(
                    .scalar(scalar.text, scalar.style), tag: event.tag, anchor: event.anchor, position: event.start,
                    contentPosition: scalar.contentStart)
                node.segments = scalar.segments
                if let anchor = event.anchor { anchors[anchor] = Anchored(node: node, count: 1, height: 0) }
                if let root = try attach(node, count: 1, height: 0) { return root }
            case .alias(let name):
                if openAnchors[name, default: 0] > 0 {
                    throw YAMLError(
                        .recursiveAlias,
                        "The alias *\(name) at \(event.start) refers to a collection that contains it; recursive structures are not supported.",
                        at: event.start)
                }
                guard let anchored = anchors[name] else {
                    throw YAMLError(
                        .undefinedAlias,
                        "The alias *\(name) at \(event.start) refers to no anchor &\(name) defined before it in this document.",
                        at: event.start)
                }
                expandedNodes += anchored.count
                if expandedNodes > options.maxAliasExpansion {
                    throw YAMLError(
                        .aliasExpansionLimit,
                        "The alias *\(name) at \(event.start) brings the nodes copied by aliases past \(options.maxAliasExpansion); the document expands too much.",
                        at: event.start)
                }
                if frames.count + anchored.height > options.maxDepth {
                    throw YAMLError(
                        .tooDeep,
                        "The alias *\(name) at \(event.start) nests collections deeper than \(options.maxDepth) levels.",
                        at: event.start)
                }
                var copy = anchored.node
                copy.aliasPosition = event.start
                if let root = try attach(copy, count: anchored.count, height: anchored.height) { return root }
            case .sequenceStart(let flow), .mappingStart(let flow):
                if frames.count >= options.maxDepth {
                    throw YAMLError(
                        .tooDeep, "The collection at \(event.start) is nested deeper than \(options.maxDepth) levels.",
                        at: event.start)
                }
                var isMapping = false
                if case .mappingStart = event.kind { isMapping = true }
                if let anchor = event.anchor { openAnchors[anchor, default: 0] += 1 }
                frames.append(
                    Frame(
                        isMapping: isMapping, isFlow: flow, tag: event.tag, anchor: event.anchor, position: event.start,
                        contentPosition: event.contentStart))
            case .sequenceEnd, .mappingEnd:
                guard let frame = frames.popLast() else {
                    throw YAMLError(.unexpectedToken, "Unexpected end of a collection at \(event.start).", at: event.start)
                }
                let node = try finish(frame)
                if let anchor = frame.anchor {
                    openAnchors[anchor, default: 1] -= 1
                    anchors[anchor] = Anchored(node: node, count: frame.count, height: frame.height)
                }
                if let root = try attach(node, count: frame.count, height: frame.height) { return root }
            default:
                throw YAMLError(.unexpectedToken, "Unexpected content at \(event.start).", at: event.start)
            }
        }
    }

    /// Adds a finished node to the collection under construction; returns it when it is the root.
    private mutating func attach(_ node: consuming YAMLNode, count: Int, height: Int) throws(YAMLError) -> YAMLNode? {
        guard !frames.isEmpty else { return node }
        let top = frames.count - 1
        frames[top].count += count
        frames[top].height = max(frames[top].height, height + 1)
        guard frames[top].isMapping else {
            frames[top].items.append(node)
            return nil
        }
        guard let key = frames[top].pendingKey.take() else {
            // A key.
            if options.appliesMergeKeys, YAMLComposer.isMergeKey(node) {
                frames[top].pendingKeyIsMerge = true
                frames[top].hasMerge = true
            } else {
                frames[top].pendingKeyIsMerge = false
                if options.rejectsDuplicateKeys { try checkDuplicate(node, in: top) }
            }
            frames[top].pendingKey = node
            return nil
        }
        if frames[top].pendingKeyIsMerge {
            try checkMergeSource(node, key: key)
        }
        if frames[top].pairs.isEmpty { frames[top].pairs.reserveCapacity(4) }
        frames[top].pairs.append(YAMLPair(key: key, value: node))
        return nil
    }

    private static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, let style) = node.kind, text == "<<" else { return false }
        if let tag = node.tag { return tag == YAMLValue.coreTagPrefix + "merge" }
        return style == .plain
    }

    private mutating func checkDuplicate(_ key: YAMLNode, in top: Int) throws(YAMLError) {
        let identity = KeyIdentity(key)
        var earlier: YAMLPosition?
        if frames[top].keyIndex != nil {
            earlier = frames[top].keyIndex?.updateValue(key.position, forKey: HashedKey(identity))
        } else if let i = frames[top].keys.firstIndex(where: { $0.identity == identity }) {
            earlier = frames[top].keys[i].position
        }
        if let earlier {
            throw YAMLError(
                .duplicateKey,
                "The key \(YAMLComposer.describe(key)) at \(key.position) repeats the key at \(earlier) of the same mapping; keys must be unique.",
                at: key.position)
        }
        if frames[top].keys.isEmpty { frames[top].keys.reserveCapacity(8) }
        frames[top].keys.append((identity, key.position))
        if frames[top].keyIndex == nil, frames[top].keys.count >= 12 {
            var index: [HashedKey: YAMLPosition] = [:]
            for entry in frames[top].keys { index[HashedKey(entry.identity)] = entry.position }
            frames[top].keyIndex = index
        }
    }

    private func checkMergeSource(_ value: YAMLNode, key: YAMLNode) throws(YAMLError) {
        let valid: Bool
        switch value.kind {
        case .mapping: valid = true
        case .sequence(let items): valid = items.allSatisfy(\.isMapping)
        case .scalar: valid = false
        }
        if !valid {
            let position = value.aliasPosition ?? value.position
            throw YAMLError(
                .invalidMerge,
                "The merge key '<<' at \(key.position) has \(value.kindDescription) as its value at \(position); it must be a mapping or a sequence of mappings.",
                at: position)
        }
    }

    /// The node a finished frame makes, with merge keys applied.
    private func finish(_ frame: Frame) throws(YAMLError) -> YAMLNode {
        guard frame.isMapping else {
            return YAMLNode(
                .sequence(frame.items), tag: frame.tag, anchor: frame.anchor, position: frame.position,
                contentPosition: frame.contentPosition, isFlow: frame.isFlow)
        }
        var pairs = frame.pairs
        if frame.hasMerge {
            // Explicit keys win over merged ones; among merged mappings, the earlier wins.
            var seen = Set(frame.keys.map(\.identity))
            var merged: [YAMLPair] = []
            merged.reserveCapacity(pairs.count)
            for pair in pairs {
                guard YAMLComposer.isMergeKey(pair.key) else {
                    merged.append(pair)
                    continue
                }
                let sources = pair.value.isMapping ? [pair.value] : (pair.value.sequence ?? [])
                for source in sources {
                    for entry in source.mapping ?? [] where seen.insert(KeyIdentity(entry.key)).inserted {
                        merged.append(entry)
                    }
                }
            }
            pairs = merged
        }
        return YAMLNode(
            .mapping(pairs), tag: frame.tag, anchor: frame.anchor, position: frame.position,
            contentPosition: frame.contentPosition, isFlow: frame.isFlow)
    }

    /// A key for a message: its text in quotes, or its kind.
    static func describe(_ key: YAMLNode) -> String {
        if let text = key.scalarValue { return YAMLScanner.quoteForMessage(text) }
        return "(\(key.kindDescription))"
    }
}
