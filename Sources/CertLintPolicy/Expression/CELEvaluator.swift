/// The state of one evaluation: the values of the variables and macro variables by slot, and the
/// cost spent so far.
struct CELEvaluationContext {
    /// Values by slot: the expression's variables, then its macros' variables.
    var locals: [CELValue]
    /// Steps taken.
    var cost: Int = 0
    /// Steps allowed.
    let limit: Int

    /// Whether the cost limit has been passed; evaluation then unwinds as fast as it can and the
    /// program reports the overrun, whatever value the unwinding produced.
    @inline(__always) var exceeded: Bool { cost > limit }
}

/// A compiled node of an expression: the checker turns each syntax node into one of these, with
/// names resolved to slots and calls to overloads.
protocol CELNode: AnyObject, Sendable {
    /// The node's value; never traps, errors are values.
    func evaluate(_ context: inout CELEvaluationContext) -> CELValue
}

/// Attaches a node's source offset to an error that has none.
@inline(__always)
private func located(_ value: CELValue, _ offset: Int) -> CELValue {
    if case .error(var e) = value, e.offset == nil {
        e.offset = offset
        return .error(e)
    }
    return value
}

private func failure(_ code: CELEvaluationError.Code, _ message: String, _ offset: Int) -> CELValue {
    .error(CELEvaluationError(code, message, offset: offset))
}

/// The error that ends an evaluation over its cost limit.
func costLimitError(_ limit: Int) -> CELValue {
    .error(CELEvaluationError(.costLimitExceeded, "the expression exceeded its cost limit of \(limit) evaluation steps"))
}

/// A literal or folded constant.
final class CELConstantNode: CELNode {
    let value: CELValue
    init(_ value: CELValue) { self.value = value }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        c.cost &+= 1
        return value
    }
}

/// A variable or macro variable, by slot.
final class CELSlotNode: CELNode {
    let slot: Int
    init(slot: Int) { self.slot = slot }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        c.cost &+= 1
        return c.locals[slot]
    }
}

/// `operand.field` on an object or a map.
final class CELSelectNode: CELNode {
    let operand: any CELNode
    let field: String
    /// The field's position among its declared type's fields (sorted by name), or -1.
    let fieldIndex: Int
    let offset: Int
    init(_ operand: any CELNode, field: String, fieldIndex: Int = -1, offset: Int) {
        self.operand = operand
        self.field = field
        self.fieldIndex = fieldIndex
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let value = operand.evaluate(&c)
        c.cost &+= 1
        switch value {
        case .object(let object):
            guard let result = fieldIndex >= 0 ? object.field(at: fieldIndex, named: field) : object.field(field) else {
                return failure(.noSuchField, "field '\(field)' of \(object.typeName) is not set (test it with has() first)", offset)
            }
            return located(result, offset)
        case .map(let map):
            guard let result = map[.string(field)] else { return failure(.noSuchKey, "the map has no key \(CELValue.quoted(field))", offset) }
            return result
        case .error:
            return value
        default:
            return failure(.noMatchingOverload, "cannot select field '\(field)' of a \(value.typeName) value", offset)
        }
    }
}

/// `has(operand.field)`.
final class CELPresenceNode: CELNode {
    let operand: any CELNode
    let field: String
    let offset: Int
    init(_ operand: any CELNode, field: String, offset: Int) {
        self.operand = operand
        self.field = field
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let value = operand.evaluate(&c)
        c.cost &+= 1
        switch value {
        case .object(let object): return .bool(object.field(field) != nil)
        case .map(let map): return .bool(map[.string(field)] != nil)
        case .error: return value
        default: return failure(.noMatchingOverload, "has() cannot test field '\(field)' of a \(value.typeName) value", offset)
        }
    }
}

/// `operand[index]` on a list or a map.
final class CELIndexNode: CELNode {
    let operand: any CELNode
    let index: any CELNode
    let offset: Int
    init(_ operand: any CELNode, _ index: any CELNode, offset: Int) {
        self.operand = operand
        self.index = index
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let container = operand.evaluate(&c)
        if container.isError { return container }
        let key = index.evaluate(&c)
        if key.isError { return key }
        c.cost &+= 1
        switch container {
        case .list(let items):
            let position: Int64
            switch key {
            case .int(let i): position = i
            case .double(let d):
                guard let i = CELValue.exactInt(d) else { return failure(.invalidArgument, "the list index \(CELValue.format(d)) is not a whole number", offset) }
                position = i
            default: return failure(.noMatchingOverload, "a list cannot be indexed by a \(key.typeName)", offset)
            }
            guard position >= 0, position < Int64(items.count) else {
                return failure(.indexOutOfRange, "index \(position) is out of range for a list of \(items.count) elements", offset)
            }
            return items[Int(position)]
        case .map(let map):
            guard let mapKey = CELMapKey(key) else { return failure(.noMatchingOverload, "a map cannot be indexed by a \(key.typeName)", offset) }
            guard let value = map[mapKey] else { return failure(.noSuchKey, "the map has no key \(key.description)", offset) }
            return value
        default:
            return failure(.noMatchingOverload, "a \(container.typeName) value cannot be indexed", offset)
        }
    }
}

/// `!x` and `-x`.
final class CELUnaryNode: CELNode {
    let op: CELUnaryOperator
    let operand: any CELNode
    let offset: Int
    init(_ op: CELUnaryOperator, _ operand: any CELNode, offset: Int) {
        self.op = op
        self.operand = operand
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let value = operand.evaluate(&c)
        c.cost &+= 1
        return located(op == .not ? CELOperations.not(value) : CELOperations.negate(value), offset)
    }
}

/// Every binary operator but `&&` and `||`: strict in both operands.
final class CELBinaryNode: CELNode {
    let op: CELBinaryOperator
    let lhs: any CELNode
    let rhs: any CELNode
    let offset: Int
    init(_ op: CELBinaryOperator, _ lhs: any CELNode, _ rhs: any CELNode, offset: Int) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let a = lhs.evaluate(&c)
        if a.isError { return a }
        let b = rhs.evaluate(&c)
        if b.isError { return b }
        c.cost &+= 1
        return located(CELOperations.apply(op, a, b, cost: &c.cost), offset)
    }
}

/// `a && b && …` (`isAnd`) or `a || b || …`: the deciding value (`false` for and, `true` for
/// or) wins over errors in any operand, in either order; otherwise an error wins over the
/// other value.
final class CELLogicalNode: CELNode {
    let isAnd: Bool
    let operands: [any CELNode]
    let offsets: [Int]
    init(isAnd: Bool, operands: [any CELNode], offsets: [Int]) {
        self.isAnd = isAnd
        self.operands = operands
        self.offsets = offsets
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        var firstError: CELValue?
        for (index, operand) in operands.enumerated() {
            let value = operand.evaluate(&c)
            c.cost &+= 1
            switch value {
            case .bool(let b):
                if b != isAnd { return value }  // false for &&, true for ||: decided
            case .error:
                if firstError == nil { firstError = value }
                if c.exceeded { return value }
            default:
                if firstError == nil {
                    firstError = failure(.noMatchingOverload, "'\(isAnd ? "&&" : "||")' needs bool operands, but got a \(value.typeName)", offsets[index])
                }
            }
        }
        return firstError ?? .bool(isAnd)
    }
}

/// `condition ? then : else`: only the chosen branch is evaluated.
final class CELConditionalNode: CELNode {
    let condition: any CELNode
    let then: any CELNode
    let otherwise: any CELNode
    let offset: Int
    init(_ condition: any CELNode, _ then: any CELNode, _ otherwise: any CELNode, offset: Int) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let test = condition.evaluate(&c)
        c.cost &+= 1
        switch test {
        case .bool(true): return then.evaluate(&c)
        case .bool(false): return otherwise.evaluate(&c)
        case .error: return test
        default: return failure(.noMatchingOverload, "the condition of '?:' must be a bool, but it is a \(test.typeName)", offset)
        }
    }
}

/// A list literal.
final class CELListNode: CELNode {
    let items: [any CELNode]
    init(_ items: [any CELNode]) { self.items = items }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(items.count)
        for item in items {
            let value = item.evaluate(&c)
            if value.isError { return value }
            values.append(value)
        }
        c.cost &+= 1
        return .list(values)
    }
}

/// A map literal; a repeated key is an error.
final class CELMapNode: CELNode {
    let keys: [any CELNode]
    let values: [any CELNode]
    let keyOffsets: [Int]
    init(keys: [any CELNode], values: [any CELNode], keyOffsets: [Int]) {
        self.keys = keys
        self.values = values
        self.keyOffsets = keyOffsets
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        var map = CELMap()
        for index in keys.indices {
            let key = keys[index].evaluate(&c)
            if key.isError { return key }
            let value = values[index].evaluate(&c)
            if value.isError { return value }
            guard let mapKey = CELMapKey(key) else {
                return failure(.noMatchingOverload, "a map key must be an int, string or bool, not a \(key.typeName)", keyOffsets[index])
            }
            guard map[mapKey] == nil else { return failure(.duplicateKey, "the map literal repeats the key \(key.description)", keyOffsets[index]) }
            map[mapKey] = value
        }
        c.cost &+= 1 + keys.count
        return .map(map)
    }
}

/// A call to a function or method: strict in its arguments, dispatched to the one overload the
/// checker resolved, or among several by the runtime argument types.
final class CELCallNode: CELNode {
    let name: String
    let overloads: [CELFunction]
    let arguments: [any CELNode]
    let offset: Int
    init(name: String, overloads: [CELFunction], arguments: [any CELNode], offset: Int) {
        self.name = name
        self.overloads = overloads
        self.arguments = arguments
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(arguments.count)
        var work = 1
        for argument in arguments {
            let value = argument.evaluate(&c)
            if value.isError { return value }
            work += CELOperations.size(value)
            values.append(value)
        }
        c.cost &+= work
        if c.exceeded { return costLimitError(c.limit) }
        if overloads.count == 1 { return located(overloads[0].implementation(values), offset) }
        for overload in overloads where overload.accepts(values) {
            return located(overload.implementation(values), offset)
        }
        return failure(.noMatchingOverload, "no overload of '\(name)' accepts (\(values.map(\.typeName).joined(separator: ", ")))", offset)
    }
}

/// `text.matches(pattern)`, with the pattern compiled once when it is a literal; every step of
/// the match counts against the cost limit.
final class CELMatchesNode: CELNode {
    enum Pattern: Sendable {
        case compiled(CELRegex)
        case dynamic(any CELNode)
    }
    let text: any CELNode
    let pattern: Pattern
    let offset: Int
    init(text: any CELNode, pattern: Pattern, offset: Int) {
        self.text = text
        self.pattern = pattern
        self.offset = offset
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let subject = text.evaluate(&c)
        if subject.isError { return subject }
        let regex: CELRegex
        switch pattern {
        case .compiled(let compiled):
            regex = compiled
        case .dynamic(let node):
            let value = node.evaluate(&c)
            if value.isError { return value }
            guard case .string(let source) = value else { return failure(.noMatchingOverload, "matches() needs a string pattern, not a \(value.typeName)", offset) }
            c.cost &+= source.utf8.count
            switch CELRegex.compile(source) {
            case .success(let compiled): regex = compiled
            case .failure(let error):
                return failure(.invalidArgument, "the regular expression \(CELValue.quoted(source)) does not compile: \(error.message)", offset)
            }
        }
        guard case .string(let s) = subject else { return failure(.noMatchingOverload, "matches() needs a string, not a \(subject.typeName)", offset) }
        var steps = 0
        let outcome = regex.matches(s, budget: max(0, c.limit - c.cost), steps: &steps)
        c.cost &+= 1 + steps
        switch outcome {
        case .matched: return .bool(true)
        case .notMatched: return .bool(false)
        case .budgetExceeded: return costLimitError(c.limit)
        }
    }
}

/// The macros `all`, `exists`, `exists_one`, `filter` and `map` over a list's elements or a
/// map's keys, binding each in turn to the macro's variable slot.
final class CELComprehensionNode: CELNode {
    let macro: CELMacro
    let range: any CELNode
    let slot: Int
    let body: any CELNode
    let offset: Int
    init(_ macro: CELMacro, range: any CELNode, slot: Int, body: any CELNode, offset: Int) {
        self.macro = macro
        self.range = range
        self.slot = slot
        self.body = body
        self.offset = offset
    }

    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let source = range.evaluate(&c)
        let elements: [CELValue]
        switch source {
        case .list(let items): elements = items
        case .map(let map): elements = map.keys.map(\.value)
        case .error: return source
        default: return failure(.noMatchingOverload, "\(macro.rawValue)() needs a list or a map, not a \(source.typeName)", offset)
        }
        c.cost &+= 1
        var firstError: CELValue?
        var count = 0
        var results: [CELValue] = []
        for element in elements {
            c.cost &+= 1
            if c.exceeded { return costLimitError(c.limit) }
            c.locals[slot] = element
            let value = body.evaluate(&c)
            if c.exceeded { return costLimitError(c.limit) }
            if macro == .map {
                if value.isError { return value }
                results.append(value)
                continue
            }
            guard case .bool(let b) = value else {
                if value.isError {
                    if macro == .all || macro == .exists {
                        if firstError == nil { firstError = value }
                        continue
                    }
                    return value
                }
                let error = failure(.noMatchingOverload, "the predicate of \(macro.rawValue)() must produce a bool, but produced a \(value.typeName)", offset)
                if macro == .all || macro == .exists {
                    if firstError == nil { firstError = error }
                    continue
                }
                return error
            }
            switch macro {
            case .all: if !b { return .bool(false) }
            case .exists: if b { return .bool(true) }
            case .existsOne: if b { count += 1 }
            case .filter: if b { results.append(element) }
            case .map: break
            }
        }
        switch macro {
        case .all: return firstError ?? .bool(true)
        case .exists: return firstError ?? .bool(false)
        case .existsOne: return .bool(count == 1)
        case .filter, .map: return .list(results)
        }
    }
}

/// Checks at run time that a `dyn` result has the type the caller expects.
final class CELResultTypeNode: CELNode {
    let inner: any CELNode
    let expected: CELType
    init(_ inner: any CELNode, expected: CELType) {
        self.inner = inner
        self.expected = expected
    }
    func evaluate(_ c: inout CELEvaluationContext) -> CELValue {
        let value = inner.evaluate(&c)
        if value.isError || value.conforms(to: expected) { return value }
        return .error(CELEvaluationError(.wrongResultType, "the expression must produce a \(expected), but produced a \(value.typeName)", offset: 0))
    }
}
