/// One event of a YAML stream, as the yaml-test-suite's `test.event` files list them:
/// stream, document, collection starts and ends, scalars and aliases.
struct YAMLEvent: Sendable {
    /// What the event is.
    enum Kind: Sendable {
        case streamStart
        case streamEnd
        /// A document begins; `explicit` when it has a `---` marker.
        case documentStart(explicit: Bool, version: String?, marker: YAMLPosition?)
        /// A document ends; `explicit` when it has a `...` marker.
        case documentEnd(explicit: Bool)
        case alias(String)
        case scalar(YAMLScannedScalar)
        case sequenceStart(flow: Bool)
        case sequenceEnd
        case mappingStart(flow: Bool)
        case mappingEnd
    }

    var kind: Kind
    /// The node's anchor name, for scalars and collection starts.
    var anchor: String?
    /// The node's resolved tag, for scalars and collection starts.
    var tag: String?
    /// Where the event's text starts (the node's properties, when it has some).
    var start: YAMLPosition
    /// Where a node's content starts, after its properties.
    var contentStart: YAMLPosition

    init(kind: Kind, anchor: String? = nil, tag: String? = nil, start: YAMLPosition, contentStart: YAMLPosition? = nil) {
        self.kind = kind
        self.anchor = anchor
        self.tag = tag
        self.start = start
        self.contentStart = contentStart ?? start
    }
}
