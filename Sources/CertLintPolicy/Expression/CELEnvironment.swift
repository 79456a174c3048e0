import CertLintCore

/// Everything names in an expression can refer to: the variables, the declared object types with
/// their fields, and the functions.
///
/// Made once per kind of rule subject; checking an expression against it resolves every name at
/// load time, so that a typo is a configuration error, not a rule that never fires.
public struct CELEnvironment: Sendable {
    /// The top-level variables and their types (`cert: object("Certificate")`, `now: timestamp`).
    public let variables: [String: CELType]
    /// The declared object types: for each type name, its fields and their types.
    public let objectTypes: [String: [String: CELType]]
    /// Every function overload.
    public let functions: [CELFunction]
    private let overloadsByName: [String: [CELFunction]]

    /// Creates an environment. `functions` defaults to ``CELFunction/standardLibrary``; to add
    /// domain functions, pass `CELFunction.standardLibrary + [...]`.
    public init(variables: [String: CELType], objectTypes: [String: [String: CELType]], functions: [CELFunction] = CELFunction.standardLibrary) {
        self.variables = variables
        self.objectTypes = objectTypes
        self.functions = functions
        self.overloadsByName = Dictionary(grouping: functions, by: \.name)
    }

    /// The type of a variable, or `nil` when there is no such variable.
    public func type(ofVariable name: String) -> CELType? { variables[name] }

    /// The variables' names in a fixed order (sorted): the order ``CELProgram/evaluate(layout:costLimit:)``
    /// takes their values in.
    public var variableLayout: [String] { variables.keys.sorted() }

    /// The type of a field of an object type, or `nil` when the type or field is not declared.
    public func type(ofField field: String, in typeName: String) -> CELType? { objectTypes[typeName]?[field] }

    /// The overloads of a function or method name, in declaration order.
    public func overloads(of name: String) -> [CELFunction] { overloadsByName[name] ?? [] }

    /// The declared variable closest to a misspelled name (`crt` → `cert`), if one is close.
    public func suggestion(forVariable name: String) -> String? {
        Self.closest(to: name, among: variables.keys)
    }

    /// The declared field of `typeName` closest to a misspelled one (`subjct` → `subject`).
    public func suggestion(forField field: String, in typeName: String) -> String? {
        guard let fields = objectTypes[typeName] else { return nil }
        return Self.closest(to: field, among: fields.keys)
    }

    /// The function closest to a misspelled name (`startswith` → `startsWith`).
    public func suggestion(forFunction name: String) -> String? {
        Self.closest(to: name, among: overloadsByName.keys)
    }

    /// The candidate closest to `word` (``Spelling/suggestion(for:among:)``).
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        Spelling.suggestion(for: word, among: candidates)
    }
}
