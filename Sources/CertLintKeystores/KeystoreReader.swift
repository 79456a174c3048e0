/// Opens a keystore of any format certlint reads, told apart by its first bytes: JKS
/// (`FEEDFEED`) and JCEKS (`CECECECE`) go to ``JavaKeystoreReader``, anything else to
/// ``PKCS12Reader``.
public enum KeystoreReader {
    /// The most bytes of a keystore read (real ones are a few kilobytes).
    public static let maxSize = 4 << 20

    /// Reads `bytes`, trying `passwords` in order (put the empty password first).
    public static func read(_ bytes: [UInt8], passwords: [String]) throws(KeystoreError) -> Keystore {
        guard bytes.count <= maxSize else {
            throw KeystoreError(.unsupported, "The keystore is \(bytes.count) bytes; certlint reads keystores of at most \(maxSize) bytes.")
        }
        if bytes.starts(with: [0xFE, 0xED, 0xFE, 0xED]) || bytes.starts(with: [0xCE, 0xCE, 0xCE, 0xCE]) {
            return try JavaKeystoreReader.read(bytes, passwords: passwords)
        }
        return try PKCS12Reader.read(bytes, passwords: passwords)
    }
}
