/// An error found while reading DER, BER, PEM or Base64 input.
///
/// Every error carries the byte offset where the problem was found and the field path that
/// was being read (`tbsCertificate.extensions[3].extnValue`), so a message can say exactly
/// where a file is broken: "the length of this INTEGER runs past the end of the input at
/// byte 412 (tbsCertificate.serialNumber)".
public struct DERError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for each kind of problem; tests and reporters match on it.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The input ends before a header or a value is complete.
        case truncated
        /// A length uses the indefinite form, which DER forbids.
        case indefiniteLength
        /// A length or tag is not in its shortest form, which DER requires.
        case nonMinimalEncoding
        /// A length is larger than the input or than this reader accepts.
        case lengthTooLarge
        /// Bytes follow the end of the outermost value.
        case trailingBytes
        /// Values are nested deeper than the reader's cap.
        case tooDeep
        /// A structure holds more elements than the reader's cap.
        case tooMany
        /// A value has a tag other than the one its field requires.
        case unexpectedTag
        /// A required field is missing.
        case missingField
        /// A value is well framed but its content is not valid for its type.
        case invalidValue
        /// A constructed value holds children after its last field.
        case unexpectedElement
        /// PEM armour is malformed (no END line, mismatched label, bad header).
        case invalidPEM
        /// Base64 text holds a character outside the alphabet or wrong padding.
        case invalidBase64
        /// The input is not of any kind this reader understands.
        case unrecognizedFormat
        /// The input is larger than the reader accepts.
        case inputTooLarge
    }

    /// What went wrong, as a stable code.
    public var code: Code
    /// Byte offset in the input (the file, or the decoded PEM block) where the problem is.
    public var offset: Int
    /// Dotted field path being read when the problem was found; empty at the top level.
    public var path: String
    /// A whole sentence describing the problem and naming the offending value.
    public var reason: String

    /// Creates an error at `offset` with a `reason` sentence; the path is filled in by callers.
    public init(_ code: Code, at offset: Int, _ reason: String, path: String = "") {
        self.code = code
        self.offset = offset
        self.reason = reason
        self.path = path
    }

    /// The same error with `component` prepended to its field path.
    ///
    /// Decoders wrap each field they read, so the path grows from the innermost field
    /// outwards: `extnValue` becomes `extensions[3].extnValue`, then
    /// `tbsCertificate.extensions[3].extnValue`.
    public func inField(_ component: String) -> DERError {
        var copy = self
        if copy.path.isEmpty {
            copy.path = component
        } else if copy.path.hasPrefix("[") {
            copy.path = component + copy.path
        } else {
            copy.path = component + "." + copy.path
        }
        return copy
    }

    /// The same error with an index (`[3]`) prepended to its field path.
    public func atIndex(_ index: Int) -> DERError {
        var copy = self
        copy.path = "[\(index)]" + (copy.path.isEmpty || copy.path.hasPrefix("[") ? copy.path : "." + copy.path)
        return copy
    }

    /// The same error with its offset moved by `delta`, for values decoded from a sub-range
    /// that was copied out of a larger input (a PEM block inside a file, say).
    public func shifted(by delta: Int) -> DERError {
        var copy = self
        copy.offset += delta
        return copy
    }

    /// One sentence: the reason, then the byte offset and, when known, the field path:
    /// `A SEQUENCE claims 1234 bytes but only 1000 remain (at byte 412 in tbsCertificate.extensions[3].extnValue).`
    public var description: String {
        let trimmed = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        if path.isEmpty {
            return "\(trimmed) (at byte \(offset))."
        }
        return "\(trimmed) (at byte \(offset) in \(path))."
    }
}

extension String {
    /// The string with its first character upper-cased ("a SEQUENCE" → "A SEQUENCE").
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
