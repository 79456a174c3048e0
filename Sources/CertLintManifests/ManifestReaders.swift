/// Every manifest reader, in the order they are tried (more specific formats first).
public enum ManifestReaders {
    /// The readers.
    public static let all: [any ManifestReader.Type] = []
}
