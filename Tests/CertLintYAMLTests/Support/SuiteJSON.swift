import Foundation

@testable import CertLintYAML

/// A JSON value as the yaml-test-suite's `in.json` files hold it, compared as data: numbers
/// by value (`1` equals `1.0`), objects without regard to key order.
indirect enum SuiteJSON: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SuiteJSON])
    case object([String: SuiteJSON])

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): return "\"" + value.replacingOccurrences(of: "\n", with: "\\n") + "\""
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    // MARK: - Reading JSON

    /// Every JSON value of `text`, one after another (the suite writes one per document).
    static func parseAll(_ text: String) throws -> [SuiteJSON] {
        var reader = Reader(bytes: Array(text.utf8))
        var values: [SuiteJSON] = []
        reader.skipWhitespace()
        while !reader.atEnd {
            values.append(try reader.value(depth: 0))
            reader.skipWhitespace()
        }
        return values
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "malformed JSON at byte \(offset)" }
    }

    /// A small recursive reader: the suite's files are trusted and shallow.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func expect(_ literal: String) throws {
            for byte in literal.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw SyntaxError(offset: index) }
                index += 1
            }
        }

        mutating func value(depth: Int) throws -> SuiteJSON {
            guard depth < 200 else { throw SyntaxError(offset: index) }
            skipWhitespace()
            guard index < bytes.count else { throw SyntaxError(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "["):
                index += 1
                var values: [SuiteJSON] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(values)
                }
                while true {
                    values.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw SyntaxError(offset: index) }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect("]")
                    return .array(values)
                }
            case UInt8(ascii: "{"):
                index += 1
                var members: [String: SuiteJSON] = [:]
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipWhitespace()
                    let key = try string()
                    skipWhitespace()
                    try expect(":")
                    members[key] = try value(depth: depth + 1)
                    skipWhitespace()
                    guard index < bytes.count else { throw SyntaxError(offset: index) }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect("}")
                    return .object(members)
                }
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                    throw SyntaxError(offset: start)
                }
                return .number(number)
            }
        }

        mutating func string() throws -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            var run: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll()
            }
            while true {
                guard index < bytes.count else { throw SyntaxError(offset: index) }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    flush()
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else {
                    run.append(byte)
                    continue
                }
                flush()
                guard index < bytes.count else { throw SyntaxError(offset: index) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw SyntaxError(offset: index) }
                    index += 4
                    if (0xD800..<0xDC00).contains(code) {
                        pendingHigh = code
                    } else if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                        if let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)) {
                            scalars.append(scalar)
                        }
                        pendingHigh = nil
                    } else if let scalar = Unicode.Scalar(code) {
                        scalars.append(scalar)
                    }
                default:
                    throw SyntaxError(offset: index)
                }
            }
        }
    }

    // MARK: - From YAML

    /// Why a YAML node has no JSON form.
    struct NotRepresentable: Error, CustomStringConvertible {
        var description: String
    }

    /// The JSON form of a node: scalars by their core-schema value (quoted scalars and
    /// `!!str` are strings), mapping keys by their scalar text.
    static func from(_ node: YAMLNode?) throws -> SuiteJSON {
        guard let node else { return .null }
        switch node.kind {
        case .scalar:
            switch node.resolved {
            case .null, .none: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .number(Double(value))
            case .float(let value):
                guard value.isFinite else { throw NotRepresentable(description: "the float \(value)") }
                return .number(value)
            case .string(let value): return .string(value)
            }
        case .sequence(let items):
            return .array(try items.map { try from($0) })
        case .mapping(let pairs):
            var members: [String: SuiteJSON] = [:]
            for pair in pairs {
                guard let key = pair.key.scalarValue else {
                    throw NotRepresentable(description: "a \(pair.key.kindDescription) key at \(pair.key.position)")
                }
                members[pair.key.isNull ? "" : key] = try from(pair.value)
            }
            return .object(members)
        }
    }
}
