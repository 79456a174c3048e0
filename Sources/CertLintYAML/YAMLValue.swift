/// The value of a scalar as the YAML 1.2 core schema resolves it.
///
/// Plain scalars are resolved by their text (`~`, `null`, `true`, `0x1F`, `.inf`…); quoted
/// and block scalars are strings; tags choose for themselves (`!!int "42"` is 42, `!!str 42`
/// is "42", a tag the core schema does not know — `!Ref`, `!` — gives a string).
public enum YAMLValue: Sendable, Hashable {
    /// `null`, `Null`, `NULL`, `~` or empty text.
    case null
    /// `true`/`True`/`TRUE` or `false`/`False`/`FALSE`.
    case bool(Bool)
    /// A decimal, `0o` octal or `0x` hexadecimal integer that fits in an `Int`.
    case int(Int)
    /// A decimal float, `.inf`, `-.inf` or `.nan`; also integers too large for an `Int`.
    case float(Double)
    /// Anything else.
    case string(String)
}

extension YAMLValue {
    /// The tag prefix of the YAML core types, which `!!` expands to.
    static let coreTagPrefix = "tag:yaml.org,2002:"

    /// Resolves scalar text as the core schema does for a plain scalar (YAML 1.2.2 §10.3.2).
    public static func resolvingPlain(_ text: String) -> YAMLValue {
        if let value = coreValue(text) { return value }
        return .string(text)
    }

    /// Resolves a scalar with its tag and style.
    static func resolve(_ text: String, style: YAMLScalarStyle, tag: String?) -> YAMLValue {
        guard let tag else {
            return style == .plain ? resolvingPlain(text) : .string(text)
        }
        guard tag.hasPrefix(coreTagPrefix) else { return .string(text) }
        switch tag.dropFirst(coreTagPrefix.count) {
        case "null": return isNull(text) ? .null : .string(text)
        case "bool": return bool(text).map(YAMLValue.bool) ?? .string(text)
        case "int": return integer(text) ?? .string(text)
        case "float":
            if let value = integer(text) {
                if case .int(let int) = value { return .float(Double(int)) }
                return value
            }
            return float(text).map(YAMLValue.float) ?? .string(text)
        default: return .string(text)
        }
    }

    /// The null, bool, int or float that `text` spells, or `nil` for a string.
    static func coreValue(_ text: String) -> YAMLValue? {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        // Only a few first characters can start anything but a string; test them first so
        // that the common case (a word) costs one comparison.
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isNull(text) ? .null : nil
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(text).map(YAMLValue.bool)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let value = integer(text) { return value }
            return float(text).map(YAMLValue.float)
        default:
            return nil
        }
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; a decimal too large for `Int` is a float.
    static func integer(_ text: String) -> YAMLValue? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            var value = 0
            for byte in bytes[2...] {
                guard let digit = digitValue(byte), digit < radix else { return nil }
                let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
                let (sum, overflow2) = shifted.addingReportingOverflow(digit)
                if overflow1 || overflow2 { return nil }
                value = sum
            }
            return .int(value)
        }
        var start = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { start = 1 }
        guard start < bytes.count else { return nil }
        for byte in bytes[start...] where byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") { return nil }
        if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .int(value) }
        return Double(text).map(YAMLValue.float)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` (three spellings), `.nan`.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let bytes = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let begin = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - begin
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        let whole = digits()
        var fraction = 0
        var hasPoint = false
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            hasPoint = true
            i += 1
            fraction = digits()
        }
        // `.5`, `5.`, `5.5` and `5` are numbers; `.` alone is not.
        guard whole > 0 || (hasPoint && fraction > 0) else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == bytes.count else { return nil }
        // Swift's parser does not take "5." or a leading "+"; give it a form it reads.
        var normalized = text
        if normalized.hasPrefix("+") { normalized.removeFirst() }
        normalized = normalized.replacingOccurrences(ofDot: ".e", with: ".0e")
        if normalized.hasSuffix(".") { normalized += "0" }
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        if normalized.hasPrefix("-.") { normalized = "-0" + normalized.dropFirst() }
        return Double(normalized)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}

extension String {
    /// The string with each `target` replaced (a standard-library stand-in for Foundation's
    /// `replacingOccurrences(of:with:)`, for the short numeric strings it is used on).
    fileprivate func replacingOccurrences(ofDot target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
