import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintX509
import Foundation

/// A fact object whose fields are fixed values, looked up by name (names, SANs, sources…).
public final class FactRecord: CELObject, @unchecked Sendable {
    /// The declared type name (a key of ``FactSchema/objectTypes``).
    public let typeName: String
    let fields: [String: CELValue]

    /// Creates a record; `fields` must use the names ``FactSchema`` declares for `typeName`.
    public init(typeName: String, fields: [String: CELValue]) {
        self.typeName = typeName
        self.fields = fields
    }

    /// The field's value, or `nil` when the record does not carry it.
    public func field(_ name: String) -> CELValue? { fields[name] }
}

extension CELValue {
    /// A list of strings.
    static func strings(_ values: [String]) -> CELValue { .list(values.map { .string($0) }) }

    /// A timestamp from a DER time.
    static func time(_ time: DERTime) -> CELValue { .timestamp(seconds: time.secondsSinceEpoch) }
}

/// Where a fact came from: a file, a line, and a position within the file (PEM block or
/// certificate index in a bundle).
public struct FactSource: Sendable, Hashable {
    /// Path relative to the repository root.
    public var path: String
    /// 1-based line, when the file is text.
    public var line: Int?
    /// Position within the file (0-based), for bundles and multi-block files.
    public var index: Int

    /// Creates a source.
    public init(path: String, line: Int?, index: Int) {
        self.path = path
        self.line = line
        self.index = index
    }

    /// As a fact object.
    public var value: CELValue { .object(SourceFacts(self)) }

    /// As a report location.
    public var location: SourceLocation { SourceLocation(path: path, line: line) }
}

/// The `Source` facts of a place.
final class SourceFacts: CELObject, @unchecked Sendable {
    var typeName: String { "Source" }
    let source: FactSource

    init(_ source: FactSource) { self.source = source }

    func field(_ name: String) -> CELValue? {
        switch name {
        case "path": return .string(source.path)
        case "line": return .int(Int64(source.line ?? 0))
        case "index": return .int(Int64(source.index))
        default: return nil
        }
    }
}
