/// A parsed expression: one node of the syntax tree, with the position of the token that names it.
///
/// `offset` is the UTF-8 offset in the source of the node's own token: the operator of a unary or
/// binary expression, the field name of a selection, the function or method name of a call, the
/// `?` of a conditional, the opening bracket of a list, map or index, the first token of a literal
/// or name. Errors about a node point there.
public struct CELExpression: Sendable {
    /// The kinds of node.
    public indirect enum Kind: Sendable {
        /// A literal: `null`, a bool, int, double, string or bytes.
        case literal(CELValue)
        /// A name: a variable, or a macro's variable in scope.
        case identifier(String)
        /// A field selection, `operand.field`.
        case select(CELExpression, field: String)
        /// A presence test, `has(operand.field)`.
        case presenceTest(CELExpression, field: String)
        /// An index, `operand[index]`.
        case index(CELExpression, CELExpression)
        /// A call: `function(arguments…)`, or `target.function(arguments…)` in receiver style.
        case call(function: String, target: CELExpression?, arguments: [CELExpression])
        /// `!x` or `-x`.
        case unary(CELUnaryOperator, CELExpression)
        /// A binary operator other than `&&` and `||`.
        case binary(CELBinaryOperator, CELExpression, CELExpression)
        /// `a && b && …`, flattened: false if any operand is false, whatever the others are.
        case and([CELExpression])
        /// `a || b || …`, flattened: true if any operand is true, whatever the others are.
        case or([CELExpression])
        /// `condition ? then : else`.
        case conditional(CELExpression, then: CELExpression, else: CELExpression)
        /// A list literal, `[a, b]`.
        case list([CELExpression])
        /// A map literal, `{k: v, …}`.
        case map([CELMapEntryExpression])
        /// A macro over a list or map: `range.all(variable, body)` and the like.
        case comprehension(CELMacro, range: CELExpression, variable: String, body: CELExpression)
    }

    /// What the node is.
    public var kind: Kind
    /// The UTF-8 offset of the node's token in the source.
    public var offset: Int
    /// The height of the subtree (a leaf is 1); bounded by ``CELProgram/maxNestingDepth``.
    public var depth: Int

    /// Creates a node.
    public init(_ kind: Kind, offset: Int, depth: Int) {
        self.kind = kind
        self.offset = offset
        self.depth = depth
    }
}

/// One `key: value` entry of a map literal.
public struct CELMapEntryExpression: Sendable {
    /// The key expression.
    public var key: CELExpression
    /// The value expression.
    public var value: CELExpression

    /// Creates an entry.
    public init(key: CELExpression, value: CELExpression) {
        self.key = key
        self.value = value
    }
}

/// The prefix operators.
public enum CELUnaryOperator: String, Sendable, CaseIterable {
    /// `!`: logical not.
    case not = "!"
    /// `-`: arithmetic negation.
    case negate = "-"
}

/// The binary operators, other than `&&` and `||` (which are ``CELExpression/Kind/and(_:)`` and
/// ``CELExpression/Kind/or(_:)``).
public enum CELBinaryOperator: String, Sendable, CaseIterable {
    /// `*`
    case multiply = "*"
    /// `/`
    case divide = "/"
    /// `%`
    case remainder = "%"
    /// `+`
    case add = "+"
    /// `-`
    case subtract = "-"
    /// `<`
    case less = "<"
    /// `<=`
    case lessOrEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterOrEqual = ">="
    /// `==`
    case equal = "=="
    /// `!=`
    case notEqual = "!="
    /// `in`: list membership or map key membership.
    case `in` = "in"

    /// Higher binds tighter: multiplication 5, addition 4, relations 3 (`&&` is 2, `||` 1).
    var precedence: Int {
        switch self {
        case .multiply, .divide, .remainder: return 5
        case .add, .subtract: return 4
        default: return 3
        }
    }
}

/// The comprehension macros.
public enum CELMacro: String, Sendable, CaseIterable {
    /// `e.all(x, p)`: whether `p` holds for every element (or key).
    case all
    /// `e.exists(x, p)`: whether `p` holds for some element (or key).
    case exists
    /// `e.exists_one(x, p)`: whether `p` holds for exactly one element (or key).
    case existsOne = "exists_one"
    /// `e.filter(x, p)`: the elements (or keys) for which `p` holds.
    case filter
    /// `e.map(x, t)`: `t` for every element (or key).
    case map
}

extension CELExpression: CustomStringConvertible {
    /// The expression, fully parenthesized: `(a + (b * c))`. Shows how the parser grouped it.
    public var description: String {
        switch kind {
        case .literal(let v): return v.description
        case .identifier(let name): return name
        case .select(let operand, let field): return "\(operand).\(field)"
        case .presenceTest(let operand, let field): return "has(\(operand).\(field))"
        case .index(let operand, let index): return "\(operand)[\(index)]"
        case .call(let function, let target, let arguments):
            let args = arguments.map(\.description).joined(separator: ", ")
            if let target { return "\(target).\(function)(\(args))" }
            return "\(function)(\(args))"
        case .unary(let op, let operand): return "(\(op.rawValue)\(operand))"
        case .binary(let op, let l, let r): return "(\(l) \(op.rawValue) \(r))"
        case .and(let operands): return "(" + operands.map(\.description).joined(separator: " && ") + ")"
        case .or(let operands): return "(" + operands.map(\.description).joined(separator: " || ") + ")"
        case .conditional(let c, let t, let e): return "(\(c) ? \(t) : \(e))"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .comprehension(let macro, let range, let variable, let body): return "\(range).\(macro.rawValue)(\(variable), \(body))"
        }
    }
}
