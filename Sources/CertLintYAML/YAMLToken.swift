/// A token of the YAML scanner (YAML 1.2.2 chapter 5–8 indicators, scalars and properties).
struct YAMLToken: Sendable {
    /// What the token is.
    enum Kind: Sendable {
        case streamStart
        case streamEnd
        /// `%YAML major.minor`.
        case versionDirective(String)
        /// `%TAG handle prefix`.
        case tagDirective(handle: String, prefix: String)
        /// Any other `%` directive, which YAML reserves and readers ignore.
        case reservedDirective(String)
        /// `---`.
        case documentStart
        /// `...`.
        case documentEnd
        case blockSequenceStart
        case blockMappingStart
        case blockEnd
        case flowSequenceStart
        case flowSequenceEnd
        case flowMappingStart
        case flowMappingEnd
        /// `-` in a block sequence.
        case blockEntry
        /// `,` in a flow collection.
        case flowEntry
        /// `?`, or inserted before a simple key once its `:` is found.
        case key
        /// `:`.
        case value
        case alias(String)
        case anchor(String)
        /// A tag as written: the handle (`!`, `!!`, `!name!`, or empty for verbatim) and the
        /// suffix (percent-escapes decoded).
        case tag(handle: String, suffix: String)
        case scalar(YAMLScannedScalar)
    }

    var kind: Kind
    /// Where the token starts.
    var start: YAMLPosition
    /// Where the token ends (one past its last character).
    var end: YAMLPosition
}

/// A scalar as the scanner read it.
struct YAMLScannedScalar: Sendable {
    var text: String
    var style: YAMLScalarStyle
    /// Where the content starts (after the quote, on the first content line of a block scalar).
    var contentStart: YAMLPosition
    var segments: [YAMLScalarSegment]
}

extension YAMLToken.Kind {
    /// A short description for messages: "a ':'", "the end of a flow sequence".
    var summary: String {
        switch self {
        case .streamStart: return "the start of the stream"
        case .streamEnd: return "the end of the input"
        case .versionDirective: return "a %YAML directive"
        case .tagDirective: return "a %TAG directive"
        case .reservedDirective: return "a directive"
        case .documentStart: return "a document start marker '---'"
        case .documentEnd: return "a document end marker '...'"
        case .blockSequenceStart: return "a nested block sequence"
        case .blockMappingStart: return "a nested block mapping"
        case .blockEnd: return "the end of a block collection"
        case .flowSequenceStart: return "a '['"
        case .flowSequenceEnd: return "a ']'"
        case .flowMappingStart: return "a '{'"
        case .flowMappingEnd: return "a '}'"
        case .blockEntry: return "a '-' sequence entry"
        case .flowEntry: return "a ','"
        case .key: return "a mapping key"
        case .value: return "a ':'"
        case .alias(let name): return "the alias *\(name)"
        case .anchor(let name): return "the anchor &\(name)"
        case .tag(let handle, let suffix): return "the tag \(handle)\(suffix)"
        // Scalar text is not quoted: a manifest's values may be secrets, and error messages
        // end up in logs. The position names the scalar.
        case .scalar(let scalar):
            switch scalar.style {
            case .plain: return "a plain scalar"
            case .singleQuoted, .doubleQuoted: return "a quoted scalar"
            case .literal, .folded: return "a block scalar"
            }
        }
    }
}
