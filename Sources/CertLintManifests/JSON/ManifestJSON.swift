/// Reads JSON text (RFC 8259) into values that know their line and column.
///
/// Foundation's `JSONSerialization` gives no positions; manifests need them so that a finding
/// points at the key that installs a certificate. Every read is bounded by
/// ``ManifestJSONOptions`` (input size, nesting depth), nothing recurses on the input's
/// structure, and malformed input is a ``ManifestJSONError`` with a position — never a crash
/// or a hang.
///
/// Beyond RFC 8259: a leading byte-order mark is skipped; an escaped lone surrogate
/// (`"\uD800"`) becomes U+FFFD, as Swift strings cannot hold one.
enum ManifestJSON {
    /// The one value of `text`.
    static func parse(_ text: String, options: ManifestJSONOptions = ManifestJSONOptions()) throws(ManifestJSONError) -> ManifestJSONValue {
        let byteCount = text.utf8.count
        if byteCount > options.maxInputBytes {
            throw ManifestJSONError(
                .inputTooLarge, "The text is \(byteCount) bytes long; this reader accepts at most \(options.maxInputBytes).",
                at: .start)
        }
        var parser = ManifestJSONParser(bytes: Array(text.utf8), options: options)
        return try parser.parseDocument()
    }
}
