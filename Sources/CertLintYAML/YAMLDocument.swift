/// One document of a YAML stream.
public struct YAMLDocument: Sendable, Hashable {
    /// The document's root node, or `nil` when the document is empty (`---` followed by nothing).
    public var root: YAMLNode?
    /// Where the document's `---` marker is, or `nil` when the document starts implicitly.
    public var startMarker: YAMLPosition?
    /// Where the document begins: its first directive, its `---` marker, or its first node.
    public var position: YAMLPosition
    /// The version of its `%YAML` directive (`"1.2"`), if it has one.
    public var version: String?

    /// Creates a document.
    public init(root: YAMLNode?, startMarker: YAMLPosition? = nil, position: YAMLPosition, version: String? = nil) {
        self.root = root
        self.startMarker = startMarker
        self.position = position
        self.version = version
    }
}
