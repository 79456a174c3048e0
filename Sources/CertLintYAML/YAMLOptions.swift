/// The limits and policies of a YAML read.
///
/// The defaults suit files from untrusted repositories: every cap is far above what real
/// manifests need and low enough that a hostile file fails fast with an error.
public struct YAMLOptions: Sendable, Hashable {
    /// The deepest nesting of collections accepted (a collection at the root is depth 1).
    public var maxDepth: Int
    /// The most nodes that aliases may copy into a stream, counted over the whole copies.
    ///
    /// The "billion laughs" needs billions; real files need hundreds.
    public var maxAliasExpansion: Int
    /// The largest input accepted, in UTF-8 bytes (at most 2³²−1, positions being 32-bit).
    public var maxInputBytes: Int
    /// Whether two equal keys in one mapping are an error (YAML requires unique keys).
    public var rejectsDuplicateKeys: Bool
    /// Whether `<<` keys merge mappings into the mapping that holds them, as the YAML 1.1
    /// merge type does and as Kubernetes and Compose tools apply it.
    public var appliesMergeKeys: Bool

    /// Creates options; every argument defaults to the value of ``YAMLOptions/init()``.
    public init(
        maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000, maxInputBytes: Int = 64 << 20,
        rejectsDuplicateKeys: Bool = true, appliesMergeKeys: Bool = true
    ) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxInputBytes = maxInputBytes
        self.rejectsDuplicateKeys = rejectsDuplicateKeys
        self.appliesMergeKeys = appliesMergeKeys
    }
}
