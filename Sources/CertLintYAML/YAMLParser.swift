/// Turns tokens into events: checks that the tokens form YAML's grammar (documents, block
/// and flow collections, node properties) and resolves tags against the `%TAG` directives.
///
/// A state machine with an explicit stack of states (the design of libyaml's parser), so
/// nesting costs heap, not call stack.
struct YAMLParser {
    private enum State {
        case streamStart
        case implicitDocumentStart
        case documentStart
        case documentContent
        case documentEnd
        case blockNode
        case blockSequenceFirstEntry
        case blockSequenceEntry
        case indentlessSequenceEntry
        case blockMappingFirstKey
        case blockMappingKey
        case blockMappingValue
        case flowSequenceFirstEntry
        case flowSequenceEntry
        case flowSequenceEntryMappingKey
        case flowSequenceEntryMappingEmptyKey
        case flowSequenceEntryMappingValue
        case flowSequenceEntryMappingEnd
        case flowMappingFirstKey
        case flowMappingKey
        case flowMappingValue
        case flowMappingEmptyValue
        case end
    }

    private var scanner: YAMLScanner
    private var state = State.streamStart
    private var states: [State] = []
    /// The current token, valid when `hasToken` (inspected in place: tokens are not copied).
    private var token = YAMLToken(kind: .streamStart, start: .start, end: .start)
    private var hasToken = false
    /// The end of the last token consumed, to tell whether a token starts a new line.
    private var previousEnd = YAMLPosition.start
    /// The `%TAG` handles of the current document.
    private var tagHandles: [String: String] = [:]
    /// Where each open block collection starts, innermost last.
    private var blockCollections: [YAMLPosition] = []

    /// A parser over `bytes` (which hold no NUL byte).
    init(bytes: [UInt8], maxDepth: Int) {
        scanner = YAMLScanner(bytes: bytes, maxDepth: maxDepth)
    }

    // MARK: - Tokens

    /// Makes `token` the next unconsumed token.
    @inline(__always) private mutating func load() throws(YAMLError) {
        if !hasToken {
            token = try scanner.next()
            hasToken = true
        }
    }

    private mutating func skip() {
        previousEnd = token.end
        hasToken = false
    }

    private mutating func popState() {
        state = states.popLast() ?? .end
    }

    private func emptyScalar(at position: YAMLPosition, anchor: String? = nil, tag: String? = nil) -> YAMLEvent {
        YAMLEvent(
            kind: .scalar(YAMLScannedScalar(text: "", style: .plain, contentStart: position, segments: [])),
            anchor: anchor, tag: tag, start: position, contentStart: position)
    }

    // MARK: - Events

    /// The next event; after the stream end, the stream end again.
    mutating func next() throws(YAMLError) -> YAMLEvent {
        switch state {
        case .streamStart:
            try load()
            let start = token.start
            skip()
            state = .implicitDocumentStart
            return YAMLEvent(kind: .streamStart, start: start)
        case .implicitDocumentStart: return try documentStart(implicitAllowed: true)
        case .documentStart: return try documentStart(implicitAllowed: false)
        case .documentContent: return try documentContent()
        case .documentEnd: return try documentEnd()
        case .blockNode: return try parseNode(block: true, indentlessSequence: false, isValue: true)
        case .blockSequenceFirstEntry: return try blockSequenceEntry(first: true)
        case .blockSequenceEntry: return try blockSequenceEntry(first: false)
        case .indentlessSequenceEntry: return try indentlessSequenceEntry()
        case .blockMappingFirstKey: return try blockMappingKey(first: true)
        case .blockMappingKey: return try blockMappingKey(first: false)
        case .blockMappingValue: return try blockMappingValue()
        case .flowSequenceFirstEntry: return try flowSequenceEntry(first: true)
        case .flowSequenceEntry: return try flowSequenceEntry(first: false)
        case .flowSequenceEntryMappingKey: return try flowSequenceEntryMappingKey()
        case .flowSequenceEntryMappingEmptyKey:
            try load()
            state = .flowSequenceEntryMappingValue
            return emptyScalar(at: token.start)
        case .flowSequenceEntryMappingValue: return try flowSequenceEntryMappingValue()
        case .flowSequenceEntryMappingEnd:
            state = .flowSequenceEntry
            return YAMLEvent(kind: .mappingEnd, start: previousEnd)
        case .flowMappingFirstKey: return try flowMappingKey(first: true)
        case .flowMappingKey: return try flowMappingKey(first: false)
        case .flowMappingValue: return try flowMappingValue(empty: false)
        case .flowMappingEmptyValue: return try flowMappingValue(empty: true)
        case .end:
            return YAMLEvent(kind: .streamEnd, start: previousEnd)
        }
    }

    // MARK: - Documents

    private mutating func documentStart(implicitAllowed: Bool) throws(YAMLError) -> YAMLEvent {
        try load()
        while case .documentEnd = token.kind {
            skip()
            try load()
        }
        switch token.kind {
        case .streamEnd:
            let start = token.start
            skip()
            state = .end
            return YAMLEvent(kind: .streamEnd, start: start)
        case .versionDirective, .tagDirective, .reservedDirective, .documentStart:
            break
        default:
            if implicitAllowed {
                tagHandles = [:]
                states.append(.documentEnd)
                state = .blockNode
                return YAMLEvent(kind: .documentStart(explicit: false, version: nil, marker: nil), start: token.start)
            }
            throw YAMLError(
                .unexpectedToken,
                "\(token.kind.summary.capitalizedFirst) at \(token.start) follows the end of the document; start a new document with '---'.",
                at: token.start)
        }
        // An explicit document: directives, then `---`.
        let start = token.start
        var version: String?
        tagHandles = [:]
        while true {
            try load()
            switch token.kind {
            case .versionDirective(let value):
                if version != nil {
                    throw YAMLError(
                        .invalidDirective, "The %YAML directive at \(token.start) repeats an earlier one in the same document.",
                        at: token.start)
                }
                version = value
            case .tagDirective(let handle, let prefix):
                if tagHandles[handle] != nil {
                    throw YAMLError(
                        .invalidDirective,
                        "The %TAG directive at \(token.start) declares the handle \(handle) a second time in the same document.",
                        at: token.start)
                }
                tagHandles[handle] = prefix
            case .reservedDirective:
                break
            case .documentStart:
                let marker = token.start
                skip()
                states.append(.documentEnd)
                state = .documentContent
                return YAMLEvent(kind: .documentStart(explicit: true, version: version, marker: marker), start: start)
            default:
                throw YAMLError(
                    .invalidDirective,
                    "Directives must be followed by a document start marker '---'; found \(token.kind.summary) at \(token.start).",
                    at: token.start)
            }
            skip()
        }
    }

    private mutating func documentContent() throws(YAMLError) -> YAMLEvent {
        try load()
        switch token.kind {
        case .versionDirective, .tagDirective, .reservedDirective, .documentStart, .documentEnd, .streamEnd:
            popState()
            return emptyScalar(at: token.start)
        default:
            return try parseNode(block: true, indentlessSequence: false, isValue: true)
        }
    }

    private mutating func documentEnd() throws(YAMLError) -> YAMLEvent {
        try load()
        let start = token.start
        var explicit = false
        switch token.kind {
        case .documentEnd:
            skip()
            explicit = true
            state = .implicitDocumentStart
        case .versionDirective, .tagDirective, .reservedDirective:
            throw YAMLError(
                .invalidDirective,
                "The directive at \(token.start) follows a document that is not ended with '...'; end the document before a directive.",
                at: token.start)
        default:
            state = .documentStart
        }
        return YAMLEvent(kind: .documentEnd(explicit: explicit), start: start)
    }

    // MARK: - Nodes

    private func resolveTag(handle: String, suffix: String, at position: YAMLPosition) throws(YAMLError) -> String {
        if handle.isEmpty { return suffix }
        if handle == "!" && suffix.isEmpty { return "!" }
        if let prefix = tagHandles[handle] { return prefix + suffix }
        if handle == "!!" { return YAMLValue.coreTagPrefix + suffix }
        if handle == "!" { return "!" + suffix }
        throw YAMLError(
            .invalidTag,
            "The tag \(handle)\(suffix) at \(position) uses the handle \(handle), which no %TAG directive of this document declares.",
            at: position)
    }

    private mutating func parseNode(block: Bool, indentlessSequence: Bool, isValue: Bool) throws(YAMLError) -> YAMLEvent {
        try load()
        if case .alias(let name) = token.kind {
            let start = token.start
            popState()
            skip()
            return YAMLEvent(kind: .alias(name), start: start)
        }
        var anchor: String?
        var tag: String?
        var start: YAMLPosition?
        var propertiesEnd = token.start
        properties: while true {
            switch token.kind {
            case .anchor(let name):
                if anchor != nil {
                    throw YAMLError(
                        .unexpectedToken, "The node at \(start ?? token.start) has two anchors; a node has at most one.",
                        at: token.start)
                }
                anchor = name
            case .tag(let handle, let suffix):
                if tag != nil {
                    throw YAMLError(
                        .unexpectedToken, "The node at \(start ?? token.start) has two tags; a node has at most one.",
                        at: token.start)
                }
                tag = try resolveTag(handle: handle, suffix: suffix, at: token.start)
            default:
                break properties
            }
            // Properties that start a line must be indented deeper than the block collection
            // the node belongs to.
            if start == nil, block, isValue, token.start.line > previousEnd.line,
                let parent = blockCollections.last, token.start.column <= parent.column
            {
                throw YAMLError(
                    .invalidIndentation,
                    "\(token.kind.summary.capitalizedFirst) at \(token.start) must be indented more than the collection at \(parent) that holds it.",
                    at: token.start)
            }
            if start == nil { start = token.start }
            propertiesEnd = token.end
            skip()
            try load()
        }
        let nodeStart = start ?? token.start
        let contentStart = token.start
        switch token.kind {
        case .alias:
            throw YAMLError(
                .unexpectedToken, "The alias at \(token.start) has an anchor or tag; an alias cannot have properties.",
                at: token.start)
        case .blockEntry where indentlessSequence:
            state = .indentlessSequenceEntry
            blockCollections.append(contentStart)
            return YAMLEvent(
                kind: .sequenceStart(flow: false), anchor: anchor, tag: tag, start: nodeStart, contentStart: contentStart)
        case .scalar(let scalar):
            popState()
            skip()
            return YAMLEvent(
                kind: .scalar(scalar), anchor: anchor, tag: tag, start: nodeStart, contentStart: scalar.contentStart)
        case .flowSequenceStart:
            state = .flowSequenceFirstEntry
            return YAMLEvent(
                kind: .sequenceStart(flow: true), anchor: anchor, tag: tag, start: nodeStart, contentStart: contentStart)
        case .flowMappingStart:
            state = .flowMappingFirstKey
            return YAMLEvent(
                kind: .mappingStart(flow: true), anchor: anchor, tag: tag, start: nodeStart, contentStart: contentStart)
        case .blockSequenceStart where block:
            state = .blockSequenceFirstEntry
            return YAMLEvent(
                kind: .sequenceStart(flow: false), anchor: anchor, tag: tag, start: nodeStart, contentStart: contentStart)
        case .blockMappingStart where block:
            state = .blockMappingFirstKey
            return YAMLEvent(
                kind: .mappingStart(flow: false), anchor: anchor, tag: tag, start: nodeStart, contentStart: contentStart)
        default:
            if anchor != nil || tag != nil {
                // Properties on an empty node: `!!str`, `&a` alone.
                popState()
                var event = emptyScalar(at: propertiesEnd, anchor: anchor, tag: tag)
                event.start = nodeStart
                return event
            }
            throw YAMLError(
                .unexpectedToken, "Expected a value at \(token.start) but found \(token.kind.summary).", at: token.start)
        }
    }

    /// An error for content where a block collection expects its next entry.
    private func misplaced(in kind: String) -> YAMLError {
        guard let parent = blockCollections.last else {
            return YAMLError(.unexpectedToken, "Unexpected \(token.kind.summary) at \(token.start).", at: token.start)
        }
        return YAMLError(
            .invalidIndentation,
            "Expected the next \(kind) of the block \(kind == "key" ? "mapping" : "sequence") at \(parent) (column \(parent.column)), but \(token.kind.summary) at \(token.start) is indented to column \(token.start.column); check its indentation.",
            at: token.start)
    }

    // MARK: - Block collections

    private mutating func blockSequenceEntry(first: Bool) throws(YAMLError) -> YAMLEvent {
        try load()
        if first {
            blockCollections.append(token.start)
            skip()
            try load()
        }
        switch token.kind {
        case .blockEnd:
            let start = token.start
            popState()
            skip()
            blockCollections.removeLast()
            return YAMLEvent(kind: .sequenceEnd, start: start)
        case .blockEntry:
            let entryEnd = token.end
            skip()
            try load()
            switch token.kind {
            case .blockEntry, .blockEnd:
                state = .blockSequenceEntry
                return emptyScalar(at: entryEnd)
            default:
                states.append(.blockSequenceEntry)
                return try parseNode(block: true, indentlessSequence: false, isValue: true)
            }
        default:
            throw misplaced(in: "'-' entry")
        }
    }

    private mutating func indentlessSequenceEntry() throws(YAMLError) -> YAMLEvent {
        try load()
        guard case .blockEntry = token.kind else {
            popState()
            blockCollections.removeLast()
            return YAMLEvent(kind: .sequenceEnd, start: token.start)
        }
        let entryEnd = token.end
        skip()
        try load()
        switch token.kind {
        case .blockEntry, .key, .value, .blockEnd:
            state = .indentlessSequenceEntry
            return emptyScalar(at: entryEnd)
        default:
            states.append(.indentlessSequenceEntry)
            return try parseNode(block: true, indentlessSequence: false, isValue: true)
        }
    }

    private mutating func blockMappingKey(first: Bool) throws(YAMLError) -> YAMLEvent {
        try load()
        if first {
            blockCollections.append(token.start)
            skip()
            try load()
        }
        switch token.kind {
        case .key:
            let keyEnd = token.end
            skip()
            try load()
            switch token.kind {
            case .key, .value, .blockEnd:
                state = .blockMappingValue
                return emptyScalar(at: keyEnd)
            default:
                states.append(.blockMappingValue)
                return try parseNode(block: true, indentlessSequence: true, isValue: false)
            }
        case .value:
            state = .blockMappingValue
            return emptyScalar(at: token.start)
        case .blockEnd:
            let start = token.start
            popState()
            skip()
            blockCollections.removeLast()
            return YAMLEvent(kind: .mappingEnd, start: start)
        default:
            throw misplaced(in: "key")
        }
    }

    private mutating func blockMappingValue() throws(YAMLError) -> YAMLEvent {
        try load()
        guard case .value = token.kind else {
            state = .blockMappingKey
            return emptyScalar(at: token.start)
        }
        let valueEnd = token.end
        skip()
        try load()
        switch token.kind {
        case .key, .value, .blockEnd:
            state = .blockMappingKey
            return emptyScalar(at: valueEnd)
        default:
            states.append(.blockMappingKey)
            return try parseNode(block: true, indentlessSequence: true, isValue: true)
        }
    }

    // MARK: - Flow collections

    private mutating func flowSequenceEntry(first: Bool) throws(YAMLError) -> YAMLEvent {
        try load()
        if first {
            skip()
            try load()
        }
        if case .flowSequenceEnd = token.kind {
            let start = token.start
            popState()
            skip()
            return YAMLEvent(kind: .sequenceEnd, start: start)
        }
        if !first {
            guard case .flowEntry = token.kind else {
                throw YAMLError(
                    .unexpectedToken, "Expected ',' or ']' in the flow sequence at \(token.start) but found \(token.kind.summary).",
                    at: token.start)
            }
            skip()
            try load()
        }
        switch token.kind {
        case .flowSequenceEnd:
            let start = token.start
            popState()
            skip()
            return YAMLEvent(kind: .sequenceEnd, start: start)
        case .key:
            // A single-pair mapping inside a flow sequence: [a: b].
            let start = token.start
            skip()
            state = .flowSequenceEntryMappingKey
            return YAMLEvent(kind: .mappingStart(flow: true), start: start)
        case .value:
            // A single pair with an empty key: [: b].
            state = .flowSequenceEntryMappingEmptyKey
            return YAMLEvent(kind: .mappingStart(flow: true), start: token.start)
        default:
            states.append(.flowSequenceEntry)
            return try parseNode(block: false, indentlessSequence: false, isValue: true)
        }
    }

    private mutating func flowSequenceEntryMappingKey() throws(YAMLError) -> YAMLEvent {
        try load()
        switch token.kind {
        case .value, .flowEntry, .flowSequenceEnd:
            state = .flowSequenceEntryMappingValue
            return emptyScalar(at: token.start)
        default:
            states.append(.flowSequenceEntryMappingValue)
            return try parseNode(block: false, indentlessSequence: false, isValue: false)
        }
    }

    private mutating func flowSequenceEntryMappingValue() throws(YAMLError) -> YAMLEvent {
        try load()
        guard case .value = token.kind else {
            state = .flowSequenceEntryMappingEnd
            return emptyScalar(at: token.start)
        }
        let valueEnd = token.end
        skip()
        try load()
        switch token.kind {
        case .flowEntry, .flowSequenceEnd:
            state = .flowSequenceEntryMappingEnd
            return emptyScalar(at: valueEnd)
        default:
            states.append(.flowSequenceEntryMappingEnd)
            return try parseNode(block: false, indentlessSequence: false, isValue: true)
        }
    }

    private mutating func flowMappingKey(first: Bool) throws(YAMLError) -> YAMLEvent {
        try load()
        if first {
            skip()
            try load()
        }
        if case .flowMappingEnd = token.kind {
            let start = token.start
            popState()
            skip()
            return YAMLEvent(kind: .mappingEnd, start: start)
        }
        if !first {
            guard case .flowEntry = token.kind else {
                throw YAMLError(
                    .unexpectedToken, "Expected ',' or '}' in the flow mapping at \(token.start) but found \(token.kind.summary).",
                    at: token.start)
            }
            skip()
            try load()
        }
        switch token.kind {
        case .key:
            let keyEnd = token.end
            skip()
            try load()
            switch token.kind {
            case .value, .flowEntry, .flowMappingEnd:
                state = .flowMappingValue
                return emptyScalar(at: keyEnd)
            default:
                states.append(.flowMappingValue)
                return try parseNode(block: false, indentlessSequence: false, isValue: false)
            }
        case .value:
            state = .flowMappingValue
            return emptyScalar(at: token.start)
        case .flowMappingEnd:
            let start = token.start
            popState()
            skip()
            return YAMLEvent(kind: .mappingEnd, start: start)
        default:
            states.append(.flowMappingEmptyValue)
            return try parseNode(block: false, indentlessSequence: false, isValue: false)
        }
    }

    private mutating func flowMappingValue(empty: Bool) throws(YAMLError) -> YAMLEvent {
        try load()
        if empty {
            state = .flowMappingKey
            return emptyScalar(at: token.start)
        }
        guard case .value = token.kind else {
            state = .flowMappingKey
            return emptyScalar(at: token.start)
        }
        let valueEnd = token.end
        skip()
        try load()
        switch token.kind {
        case .flowEntry, .flowMappingEnd:
            state = .flowMappingKey
            return emptyScalar(at: valueEnd)
        default:
            states.append(.flowMappingKey)
            return try parseNode(block: false, indentlessSequence: false, isValue: true)
        }
    }
}
