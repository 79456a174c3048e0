/// One overload of a function or method that expressions may call.
///
/// A global function is called `name(a, b)`; a method `a.name(b)`, with the receiver as the first
/// of `parameters`. Overloads share a name and differ in style, arity or parameter types (for
/// example `size(string)`, `size(list(dyn))`, `string.size()`). A parameter of type `dyn` accepts
/// anything, `list(dyn)` any list. The checker picks the overloads whose parameters accept the
/// argument types; when arguments are `dyn`, the evaluator picks among them by the runtime values.
///
/// The implementation is strict: it is never called with an error argument (the call evaluates to
/// that error instead). It must not trap and must return ``CELValue/error(_:)`` for arguments it
/// cannot handle. It should be cheap; the evaluator charges one step per call plus the size of
/// string, bytes, list and map arguments.
public struct CELFunction: Sendable {
    /// The function's name, an identifier (`coversHostname`).
    public var name: String
    /// Whether it is called as a method, `receiver.name(…)`.
    public var isMethod: Bool
    /// The parameter types; for a method the first is the receiver's.
    public var parameters: [CELType]
    /// The result type.
    public var result: CELType
    /// Computes the result from the argument values (receiver first for a method).
    public var implementation: @Sendable ([CELValue]) -> CELValue
    /// Marks the standard overloads the compiler specialises (literal folding, regex caching).
    var builtin: Builtin?

    /// Standard overloads with compile-time behaviour.
    enum Builtin: Sendable {
        case matches, timestamp, duration
    }

    /// Creates an overload.
    public init(
        _ name: String, isMethod: Bool = false, parameters: [CELType], result: CELType,
        implementation: @escaping @Sendable ([CELValue]) -> CELValue
    ) {
        self.name = name
        self.isMethod = isMethod
        self.parameters = parameters
        self.result = result
        self.implementation = implementation
        self.builtin = nil
    }

    /// The overload as messages show it: `string.contains(string) -> bool`, `days(int) -> duration`.
    public var signature: String {
        if isMethod, let receiver = parameters.first {
            return "\(receiver).\(name)(\(parameters.dropFirst().map(\.description).joined(separator: ", "))) -> \(result)"
        }
        return "\(name)(\(parameters.map(\.description).joined(separator: ", "))) -> \(result)"
    }

    /// Whether every argument value conforms to its parameter type.
    func accepts(_ arguments: [CELValue]) -> Bool {
        guard arguments.count == parameters.count else { return false }
        for (parameter, argument) in zip(parameters, arguments) where !argument.conforms(to: parameter) { return false }
        return true
    }

    /// The error for arguments an implementation cannot handle.
    static func mismatch(_ name: String, _ arguments: [CELValue]) -> CELValue {
        .error(CELEvaluationError(
            .noMatchingOverload, "no overload of '\(name)' accepts (\(arguments.map(\.typeName).joined(separator: ", ")))"))
    }
}
