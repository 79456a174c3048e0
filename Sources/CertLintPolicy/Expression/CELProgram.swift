/// A checked, compiled expression, made once per rule expression at load time and evaluated many
/// times (once per subject).
///
/// ```swift
/// let program = try CELProgram.compile(#"!cert.hasEKU || "serverAuth" in cert.eku"#,
///                                      environment: environment, expecting: .bool)
/// let verdict = program.evaluate(["cert": .object(facts)])   // .bool(true), or .error(…)
/// ```
///
/// ## The language
///
/// A subset of CEL (cel-spec's langdef.md), with the same grammar, precedence and semantics:
///
/// - Literals: `42`, `0x2A`, `-9223372036854775808`, `1.5`, `1e3`, `.5`; strings in single,
///   double or triple quotes with C-style escapes (`\n`, `\x41`, `\u00e9`, `\101`…), raw strings
///   `r"\d+"`, bytes `b"…"`; `true`, `false`, `null`; lists `[a, b]`; maps `{"k": v}`.
///   Not supported: unsigned literals (`1u`), object construction (`Name{…}`), leading-dot names.
/// - Operators, loosest first: `?:` (right-associative); `||`; `&&`; `== != < <= > >= in`;
///   `+ -`; `* / %`; prefix `! -`; member `a.b`, call `a.f(x)`, index `a[i]`.
/// - `&&` and `||` are commutative about errors: `false && error` and `error && false` are both
///   `false`; `true || error` and `error || true` are both `true`. `?:` evaluates one branch.
/// - Equality is by value across `int` and `double` (`1 == 1.0`), by code point for strings, and
///   `false` between values of different types at run time; the checker rejects comparing
///   different static types (`"1" == 1`) except with `dyn` or `null`. `<` and friends work on
///   numbers (across `int`/`double`), strings, bytes, bools, timestamps and durations.
///   Arithmetic never mixes `int` and `double` (convert with `double()` or `int()`).
/// - `int` overflow, division or remainder by zero, a missing map key, an index out of range, an
///   unset field are errors, not traps. Double arithmetic follows IEEE 754.
/// - `has(x.f)`: whether the object `x` carries field `f` (its provider returns non-nil) or the
///   map `x` has key `"f"`. Reading an unset field is a `no-such-field` error.
/// - Macros over a list's elements or a map's keys: `all`, `exists`, `exists_one`, `filter`,
///   `map`, as in `cert.eku.all(e, e != "anyExtendedKeyUsage")`. `all` and `exists` absorb errors
///   like `&&` and `||`; the others fail on the first error.
/// - Timestamps (UTC, to the second, years 1–9999) and durations (to the second, ±10,000 years):
///   `timestamp("2026-03-15T00:00:00Z")`, `duration("720h")`, `days(30)`; timestamp − timestamp =
///   duration, timestamp ± duration = timestamp, duration ± duration = duration; `d.inDays()`;
///   out-of-range results are `overflow` errors. A literal that does not parse is a compile error.
/// - Functions: see ``CELFunction/standardLibrary``; `matches` uses RE2 syntax (a linear-time
///   engine); a literal pattern is compiled once, and a bad one is a compile error.
/// - Limits: ``maxSourceBytes`` of source, ``maxNestingDepth`` levels of nesting, and a cost limit
///   per evaluation (one step per node, per macro iteration, per byte or element of string, list
///   and regex work), past which the result is a `cost-limit-exceeded` error that nothing absorbs.
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

    /// Everything a program holds, in one reference: copying a program (as every rule
    /// evaluation does) then costs one retain, not one per field.
    final class Storage: Sendable {
        let source: String
        let expression: CELExpression
        let resultType: CELType
        let variables: [String]
        let root: any CELNode
        let slots: [Slot]
        /// The static type of each node of `root`, by identity.
        let nodeTypes: [ObjectIdentifier: CELType]

        init(
            source: String, expression: CELExpression, resultType: CELType, variables: [String], root: any CELNode, slots: [Slot],
            nodeTypes: [ObjectIdentifier: CELType]
        ) {
            self.source = source
            self.expression = expression
            self.resultType = resultType
            self.variables = variables
            self.root = root
            self.slots = slots
            self.nodeTypes = nodeTypes
        }
    }

    private let storage: Storage

    private init(
        source: String, expression: CELExpression, resultType: CELType, variables: [String], root: any CELNode, slots: [Slot],
        nodeTypes: [ObjectIdentifier: CELType]
    ) {
        storage = Storage(
            source: source, expression: expression, resultType: resultType, variables: variables, root: root, slots: slots, nodeTypes: nodeTypes)
    }

    /// The source the program was compiled from.
    public var source: String { storage.source }
    /// The parsed syntax tree.
    public var expression: CELExpression { storage.expression }
    /// The type the checker inferred for the result (`dyn` when it depends on the data).
    public var resultType: CELType { storage.resultType }
    /// The variables the expression reads, in order of first use.
    public var variables: [String] { storage.variables }
    var root: any CELNode { storage.root }
    var slots: [Slot] { storage.slots }
    var nodeTypes: [ObjectIdentifier: CELType] { storage.nodeTypes }

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
        let variables = checker.usedVariables
        return CELProgram(
            source: source, expression: expression, resultType: type, variables: variables, root: root, slots: checker.slots,
            nodeTypes: checker.nodeTypes)
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
                if let value = activation[name] {
                    locals.append(value)
                } else if variables.contains(name) {
                    locals.append(.error(CELEvaluationError(.unboundVariable, "no value was given for the variable '\(name)'")))
                } else {
                    locals.append(.null)
                }
            case .macroVariable:
                locals.append(.null)
            }
        }
        var context = CELEvaluationContext(locals: locals, limit: costLimit)
        let value = root.evaluate(&context)
        if context.exceeded { return (costLimitError(costLimit), context.cost) }
        return (value, context.cost)
    }

    /// Evaluates the program with the variables given in the order of the environment's
    /// ``CELEnvironment/variableLayout`` (the fast path for evaluating many programs compiled in
    /// environments with the same variables over the same values). A variable missing from
    /// `values` is an unbound-variable error value.
    public func evaluate(layout values: [CELValue], costLimit: Int = CELProgram.defaultCostLimit) -> CELValue {
        var scratch: [CELValue] = []
        return evaluate(layout: values, scratch: &scratch, costLimit: costLimit)
    }

    /// ``evaluate(layout:costLimit:)`` with a caller-owned buffer for the locals of programs
    /// that have macro variables, so evaluating many programs in a row allocates nothing.
    /// Variables occupy the first slots in layout order, so a program without macros runs on
    /// `values` itself.
    public func evaluate(layout values: [CELValue], scratch: inout [CELValue], costLimit: Int = CELProgram.defaultCostLimit) -> CELValue {
        let value: CELValue
        let exceeded: Bool
        if slots.count == values.count {
            var context = CELEvaluationContext(locals: values, limit: costLimit)
            value = root.evaluate(&context)
            exceeded = context.exceeded
        } else {
            scratch.removeAll(keepingCapacity: true)
            for (i, slot) in slots.enumerated() {
                if i < values.count, case .variable = slot {
                    scratch.append(values[i])
                } else if case .variable(let name) = slot {
                    scratch.append(variables.contains(name) ? .error(CELEvaluationError(.unboundVariable, "no value was given for the variable '\(name)'")) : .null)
                } else {
                    scratch.append(.null)
                }
            }
            var context = CELEvaluationContext(locals: scratch, limit: costLimit)
            scratch = []
            value = root.evaluate(&context)
            exceeded = context.exceeded
            swap(&scratch, &context.locals)
        }
        if exceeded { return costLimitError(costLimit) }
        return value
    }
}
