/// A checked, compiled expression, made once per rule expression at load time and evaluated many
/// times (once per subject).
///
/// ```swift
/// let program = try CELProgram.compile(#"!cert.hasEKU || "serverAuth" in cert.eku"#,
///                                      environment: environment, expecting: .bool)
/// let verdict = program.evaluate(["cert": .object(facts)])   // .bool(true), or .error(…)
/// ```
public struct CELProgram: Sendable {
    /// The longest source accepted, in UTF-8 bytes.
    public static let maxSourceBytes = 32_768
    /// The deepest nesting accepted: syntax-tree height, and nested parentheses, lists and calls.
    public static let maxNestingDepth = 100
    /// The default number of evaluation steps an evaluation may take.
    public static let defaultCostLimit = 100_000

    /// What a slot of the evaluation's locals holds.
    enum Slot: Sendable {
        case variable(String)
        case macroVariable
    }

    /// The source the program was compiled from.
    public let source: String
    /// The parsed syntax tree.
    public let expression: CELExpression
    /// The type the checker inferred for the result (`dyn` when it depends on the data).
    public let resultType: CELType
    /// The variables the expression reads, in order of first use.
    public let variables: [String]
    private let root: any CELNode
    private let slots: [Slot]

    /// Parses and checks `source` against `environment`. With `expecting`, the result must have
    /// that type (`.bool` for conditions): a result of another type is a compile error, and a
    /// `dyn` result is checked when the program runs (a `wrong-result-type` error value).
    public static func compile(_ source: String, environment: CELEnvironment, expecting: CELType? = nil) throws(CELCompileError) -> CELProgram {
        let expression = try CELParser.parse(source)
        var checker = CELChecker(environment: environment, source: source)
        var (type, root) = try checker.check(expression)
        if let expecting {
            guard expecting.accepts(type) else {
                throw CELCompileError(
                    .wrongResultType, "the expression must produce a \(expecting), but it produces \(type)", offset: expression.offset, source: source)
            }
            if type == .dyn || type != expecting {
                root = CELResultTypeNode(root, expected: expecting)
            }
            if type == .dyn { type = expecting }
        }
        let variables = checker.slots.compactMap { slot -> String? in
            if case .variable(let name) = slot { return name }
            return nil
        }
        return CELProgram(source: source, expression: expression, resultType: type, variables: variables, root: root, slots: checker.slots)
    }

    /// Evaluates the program with the given variable values. Never throws and never traps: a
    /// runtime error, a missing variable or passing `costLimit` steps gives an
    /// ``CELValue/error(_:)`` value.
    public func evaluate(_ activation: [String: CELValue], costLimit: Int = CELProgram.defaultCostLimit) -> CELValue {
        evaluateWithCost(activation, costLimit: costLimit).value
    }

    /// Evaluates the program as ``evaluate(_:costLimit:)`` does, and also reports the steps taken.
    public func evaluateWithCost(_ activation: [String: CELValue], costLimit: Int = CELProgram.defaultCostLimit) -> (value: CELValue, cost: Int) {
        var locals: [CELValue] = []
        locals.reserveCapacity(slots.count)
        for slot in slots {
            switch slot {
            case .variable(let name):
                locals.append(activation[name] ?? .error(CELEvaluationError(.unboundVariable, "no value was given for the variable '\(name)'")))
            case .macroVariable:
                locals.append(.null)
            }
        }
        var context = CELEvaluationContext(locals: locals, limit: costLimit)
        let value = root.evaluate(&context)
        if context.exceeded { return (costLimitError(costLimit), context.cost) }
        return (value, context.cost)
    }
}
