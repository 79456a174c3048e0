/// The limits of a JSON read. The defaults suit files from untrusted repositories.
struct ManifestJSONOptions: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted (a container at the root is depth 1).
    var maxDepth: Int
    /// The largest input accepted, in UTF-8 bytes.
    var maxInputBytes: Int
    /// Whether an object with the same key twice is an error. RFC 8259 only says keys
    /// SHOULD be unique; when accepted, every member is kept and lookups find the last.
    var rejectsDuplicateKeys: Bool

    /// Creates options.
    init(maxDepth: Int = 256, maxInputBytes: Int = 64 << 20, rejectsDuplicateKeys: Bool = false) {
        self.maxDepth = maxDepth
        self.maxInputBytes = maxInputBytes
        self.rejectsDuplicateKeys = rejectsDuplicateKeys
    }
}
