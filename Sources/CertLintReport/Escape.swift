/// The escaping each output format needs, as pure functions of strings.
///
/// Messages carry text from hostile input (a certificate's subject, a file name), so every
/// format escapes what its consumer would otherwise interpret: terminals and CI logs obey
/// control characters and bidirectional overrides, GitHub workflow commands end at a newline,
/// XML breaks on `<` and `&`, and a URI reference cannot hold a space.
public enum Escape {
    /// Makes invisible control characters visible as `\u{1B}`: C0 controls except tab and the
    /// line breaks, DEL, C1 controls, and the bidirectional formatting characters that can make
    /// a line read differently from its bytes (U+061C, U+200E, U+200F, U+202A–U+202E,
    /// U+2066–U+2069). Line breaks (CR, LF, NEL) pass unchanged; the callers decide about them.
    public static func visibleControls(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{85}" || !isHiddenControl(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// One line for a terminal or a log: hidden controls made visible (``visibleControls(_:)``),
    /// and every line break (CR LF, CR, LF, NEL, U+2028, U+2029) folded into one space, so
    /// that a message can never start a line that looks like another diagnostic.
    public static func terminalLine(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in visibleControls(text).unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                previousWasCR = false
            case "\r":
                out += " "
                previousWasCR = true
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                out += " "
                previousWasCR = false
            default:
                out.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        return out
    }

    /// The message of a GitHub Actions workflow command (after `::`): `%` → `%25`,
    /// CR → `%0D`, LF (and NEL, U+2028, U+2029) → `%0A`, with hidden controls made visible first.
    public static func gitHubMessage(_ text: String) -> String {
        var out = ""
        for scalar in visibleControls(text).unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n", "\u{85}", "\u{2028}", "\u{2029}": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value of a GitHub Actions workflow command (`file=`, `title=`): as
    /// ``gitHubMessage(_:)``, and also `:` → `%3A` and `,` → `%2C`.
    public static func gitHubProperty(_ text: String) -> String {
        var out = ""
        for scalar in gitHubMessage(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Character data for XML 1.0: `&`, `<`, `>` as entities, CR as `&#13;` (a parser would
    /// otherwise turn it into LF), and the characters XML 1.0 forbids (C0 controls other than
    /// tab, LF and CR; U+FFFE; U+FFFF) written visibly as `\u{1B}`.
    public static func xmlText(_ text: String) -> String {
        xml(text, attribute: false)
    }

    /// An attribute value for XML 1.0 in double or single quotes: as ``xmlText(_:)``, and also
    /// `"`, `'`, and tab, LF and CR as character references (a parser would otherwise turn them
    /// into spaces).
    public static func xmlAttribute(_ text: String) -> String {
        xml(text, attribute: true)
    }

    /// Plain text as CommonMark that renders as the same text: a backslash before each ASCII
    /// character Markdown could read as syntax (backslash, backtick, `* _ [ ] < > # | ~ &`), so
    /// `<control>` is not taken for an HTML tag nor `*.example.org` for emphasis.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A repository-relative path as a URI reference (RFC 3986): `/` separators kept, every
    /// other character outside the unreserved set (`A–Z a–z 0–9 - . _ ~`) percent-encoded as
    /// UTF-8, so `certs/my cert:1%.pem` becomes `certs/my%20cert%3A1%25.pem`.
    public static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexByte(byte)
            }
        }
        return out
    }

    private static func xml(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF:
                out += "\\u{" + String(c.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
