@testable import CertLintYAML

/// Writes events in the yaml-test-suite's `test.event` notation (`+MAP {} &a <tag>`,
/// `=VAL :plain`, `=ALI *a`…), so a stream can be compared with the suite's line by line.
enum YAMLEventFormatter {
    static func format(_ events: [YAMLEvent]) -> String {
        var lines: [String] = []
        for event in events {
            var properties = ""
            if let anchor = event.anchor { properties += " &\(anchor)" }
            if let tag = event.tag { properties += " <\(tag)>" }
            switch event.kind {
            case .streamStart: lines.append("+STR")
            case .streamEnd: lines.append("-STR")
            case .documentStart(let explicit, _, _): lines.append(explicit ? "+DOC ---" : "+DOC")
            case .documentEnd(let explicit): lines.append(explicit ? "-DOC ..." : "-DOC")
            case .alias(let name): lines.append("=ALI *\(name)")
            case .scalar(let scalar):
                let indicator: String
                switch scalar.style {
                case .plain: indicator = ":"
                case .singleQuoted: indicator = "'"
                case .doubleQuoted: indicator = "\""
                case .literal: indicator = "|"
                case .folded: indicator = ">"
                }
                lines.append("=VAL\(properties) \(indicator)\(escape(scalar.text))")
            case .sequenceStart(let flow): lines.append("+SEQ" + (flow ? " []" : "") + properties)
            case .sequenceEnd: lines.append("-SEQ")
            case .mappingStart(let flow): lines.append("+MAP" + (flow ? " {}" : "") + properties)
            case .mappingEnd: lines.append("-MAP")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{8}": out += "\\b"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
