/// The engine's fast path: a checked program compiled a second time, into a tree of typed
/// closures that pass `Bool`, `Int64`, `String` and `[String]` instead of ``CELValue``s, read
/// object fields through the typed accessors of ``CELObject``, and take variables whose values
/// are fixed for a rule (its `params`) as constants.
///
/// It answers only when it is sure: whenever the general evaluator would produce an error (an
/// unset field, an overflow, a function that fails, the cost limit), or a value arrives with a
/// kind the fast path does not carry, it gives `nil`, and the caller evaluates the program with
/// the general evaluator, which gives the exact result and error. Expressions using constructs
/// it does not compile (`matches`, indexing, map literals, `has()`, overloaded calls, `dyn`)
/// have no fast program at all. Its steps are counted exactly as the general evaluator counts
/// them, so the cost limit falls at the same place; `CELFastProgramTests` compares the two on
/// every built-in rule over real certificates and generated facts.
struct CELFastProgram: Sendable {
    private let run: CELFastCompiler.Function<Bool>

    /// Compiles `program` (which must produce a bool), with the variables of `constants` (by
    /// slot) fixed; `nil` when the program uses something the fast path does not compile.
    init?(_ program: CELProgram, constants: [Int: CELValue] = [:]) {
        let compiler = CELFastCompiler(program: program, constants: constants)
        guard case .bool(let run)? = compiler.compile(program.root) else { return nil }
        self.run = run
    }

    /// The program's value, or `nil` when only the general evaluator can say. `frame.cost` is
    /// reset first.
    func evaluate(_ frame: inout CELFastFrame) -> Bool? {
        frame.cost = 0
        guard let value = run(&frame), frame.cost <= frame.limit else { return nil }
        return value
    }

    /// ``evaluate(_:)`` and the steps it counted (for tests).
    func evaluateWithCost(_ frame: inout CELFastFrame) -> (value: Bool, cost: Int)? {
        evaluate(&frame).map { ($0, frame.cost) }
    }
}

/// The state of a fast evaluation: the variables in layout order, the string values of macro
/// variables by slot, and the steps counted.
struct CELFastFrame {
    /// The variables' values, in ``CELEnvironment/variableLayout`` order.
    private(set) var variables: [CELValue]
    /// The first variable's object, when it is one (the subject's main fact: `cert` of every
    /// subject that has one, `keystore`, `file`). Fields of it are read straight from this
    /// property, which costs no reference counting, where reading an array element does.
    private(set) var object0: (any CELObject)?
    /// Macro variables' values, by slot (slots below the variables' count are unused): the
    /// string ones, and the object ones.
    var strings: [String]
    var objects: [(any CELObject)?]
    /// Steps counted, as ``CELEvaluationContext/cost`` counts them.
    var cost = 0
    /// Steps allowed.
    let limit: Int

    init(variables: [CELValue], slotCount: Int, limit: Int) {
        self.variables = []
        strings = Array(repeating: "", count: slotCount)
        objects = Array(repeating: nil, count: slotCount)
        self.limit = limit
        bind(variables)
    }

    /// Binds the variables of the next evaluations.
    mutating func bind(_ values: [CELValue]) {
        variables = values
        if case .object(let object)? = values.first { object0 = object } else { object0 = nil }
    }

    /// Binds `count` variables, the value of each given by `value`, reusing the variables'
    /// storage.
    mutating func bind(_ count: Int, _ value: (Int) -> CELValue) {
        variables.removeAll(keepingCapacity: true)
        for index in 0..<count { variables.append(value(index)) }
        if case .object(let object)? = variables.first { object0 = object } else { object0 = nil }
    }

    /// Sets one variable (for the general evaluator: the fast path takes fixed variables as
    /// constants).
    mutating func setVariable(_ index: Int, _ value: CELValue) {
        variables[index] = value
    }
}

/// Builds the closures of a ``CELFastProgram`` from a checked program's evaluation tree and
/// the static types the checker recorded for it.
struct CELFastCompiler {
    typealias Function<T> = @Sendable (inout CELFastFrame) -> T?

    /// A compiled node: its static kind and the closure that computes it.
    enum Compiled {
        case bool(Function<Bool>)
        case int(Function<Int64>)
        case timestamp(Function<Int64>)
        case duration(Function<Int64>)
        case string(Function<String>)
        case strings(Function<[String]>)
        case object(Function<any CELObject>)
        case objects(Function<[any CELObject]>)

        /// The value as a general ``CELValue`` (for calls to functions' general implementations).
        var boxed: Function<CELValue> {
            switch self {
            case .bool(let f): return { c in f(&c).map(CELValue.bool) }
            case .int(let f): return { c in f(&c).map(CELValue.int) }
            case .timestamp(let f): return { c in f(&c).map { CELValue.timestamp(seconds: $0) } }
            case .duration(let f): return { c in f(&c).map { CELValue.duration(seconds: $0) } }
            case .string(let f): return { c in f(&c).map(CELValue.string) }
            case .strings(let f): return { c in f(&c).map { CELValue.list($0.map(CELValue.string)) } }
            case .object(let f): return { c in f(&c).map(CELValue.object) }
            case .objects(let f): return { c in f(&c).map { CELValue.list($0.map(CELValue.object)) } }
            }
        }
    }

    let program: CELProgram
    let constants: [Int: CELValue]

    /// The slot count of variables; macro variables come after.
    private var variableCount: Int { program.slots.prefix { if case .variable = $0 { return true } else { return false } }.count }

    func compile(_ node: any CELNode) -> Compiled? {
        switch node {
        case let n as CELConstantNode:
            return Self.constant(n.value, cost: 1)
        case let n as CELSlotNode:
            return slot(n)
        case let n as CELSelectNode:
            return select(n)
        case let n as CELUnaryNode:
            return unary(n)
        case let n as CELBinaryNode:
            return binary(n)
        case let n as CELLogicalNode:
            return logical(n)
        case let n as CELConditionalNode:
            return conditional(n)
        case let n as CELListNode:
            return list(n)
        case let n as CELCallNode:
            return call(n)
        case let n as CELComprehensionNode:
            return comprehension(n)
        case let n as CELResultTypeNode:
            // Only a bool inner value is compiled, and a bool needs no check.
            guard n.expected == .bool, case .bool(let f)? = compile(n.inner) else { return nil }
            return .bool(f)
        default:
            return nil
        }
    }

    private func type(of node: any CELNode) -> CELType? { program.nodeTypes[ObjectIdentifier(node)] }

    // MARK: Leaves

    /// A value known at compile time, charged `cost` steps.
    static func constant(_ value: CELValue, cost: Int) -> Compiled? {
        switch value {
        case .bool(let b): return .bool { c in c.cost &+= cost; return b }
        case .int(let i): return .int { c in c.cost &+= cost; return i }
        case .timestamp(let s): return .timestamp { c in c.cost &+= cost; return s }
        case .duration(let s): return .duration { c in c.cost &+= cost; return s }
        case .string(let s): return .string { c in c.cost &+= cost; return s }
        case .object(let o): return .object { c in c.cost &+= cost; return o }
        case .list:
            guard let list = value.stringList else { return nil }
            return .strings { c in c.cost &+= cost; return list }
        default: return nil
        }
    }

    private func slot(_ node: CELSlotNode) -> Compiled? {
        let slot = node.slot
        if let value = constants[slot] { return Self.constant(value, cost: 1) }
        guard let type = type(of: node) else { return nil }
        if slot >= variableCount {
            // A macro variable: strings and objects are carried.
            switch type {
            case .string: return .string { c in c.cost &+= 1; return c.strings[slot] }
            case .object: return .object { c in c.cost &+= 1; return c.objects[slot] }
            default: return nil
            }
        }
        switch type {
        case .bool: return .bool { c in c.cost &+= 1; if case .bool(let b) = c.variables[slot] { return b } else { return nil } }
        case .int: return .int { c in c.cost &+= 1; if case .int(let i) = c.variables[slot] { return i } else { return nil } }
        case .timestamp:
            return .timestamp { c in c.cost &+= 1; if case .timestamp(let s) = c.variables[slot] { return s } else { return nil } }
        case .duration:
            return .duration { c in c.cost &+= 1; if case .duration(let s) = c.variables[slot] { return s } else { return nil } }
        case .string: return .string { c in c.cost &+= 1; if case .string(let s) = c.variables[slot] { return s } else { return nil } }
        case .list(.string): return .strings { c in c.cost &+= 1; return c.variables[slot].stringList }
        case .object: return .object { c in c.cost &+= 1; if case .object(let o) = c.variables[slot] { return o } else { return nil } }
        default: return nil
        }
    }

    private func select(_ node: CELSelectNode) -> Compiled? {
        guard node.fieldIndex >= 0, let type = type(of: node) else { return nil }
        let index = node.fieldIndex
        let name = node.field
        // A field of a fixed variable (a rule's parameter) is a constant: the two steps of
        // reading the variable and selecting the field are still counted.
        if let operand = node.operand as? CELSlotNode, case .object(let object)? = constants[operand.slot] {
            guard let value = object.field(at: index, named: name), value.conforms(to: type) else { return nil }
            return Self.constant(value, cost: 2)
        }
        if let operand = node.operand as? CELSlotNode, operand.slot == 0, constants[0] == nil, case .object? = self.type(of: operand) {
            return Self.selectOnFirst(type, index, name)
        }
        // A string or list field of an object field of the first variable (`cert.san.dns`):
        // three steps, as reading the variable and the two selections count.
        if let outer = node.operand as? CELSelectNode, outer.fieldIndex >= 0, let slot = outer.operand as? CELSlotNode, slot.slot == 0,
            constants[0] == nil, case .object? = self.type(of: slot)
        {
            let outerIndex = outer.fieldIndex
            let outerName = outer.field
            switch type {
            case .string:
                return .string { c in
                    c.cost &+= 3
                    return c.object0?.stringField(at: index, named: name, inField: outerIndex, named: outerName)
                }
            case .list(.string):
                return .strings { c in
                    c.cost &+= 3
                    return c.object0?.stringsField(at: index, named: name, inField: outerIndex, named: outerName)
                }
            default:
                break
            }
        }
        guard case .object(let operand)? = compile(node.operand) else { return nil }
        switch type {
        case .bool: return .bool { c in operand(&c).flatMap { c.cost &+= 1; return $0.boolField(at: index, named: name) } }
        case .int: return .int { c in operand(&c).flatMap { c.cost &+= 1; return $0.intField(at: index, named: name) } }
        case .timestamp: return .timestamp { c in operand(&c).flatMap { c.cost &+= 1; return $0.timestampField(at: index, named: name) } }
        case .string: return .string { c in operand(&c).flatMap { c.cost &+= 1; return $0.stringField(at: index, named: name) } }
        case .list(.string): return .strings { c in operand(&c).flatMap { c.cost &+= 1; return $0.stringsField(at: index, named: name) } }
        case .object: return .object { c in operand(&c).flatMap { c.cost &+= 1; return $0.objectField(at: index, named: name) } }
        case .list(.object): return Self.objectList(operand, index, name)
        default: return nil
        }
    }

    /// A `list(object)` field, through ``CELObject/field(at:named:)``.
    private static func objectList(_ operand: @escaping Function<any CELObject>, _ index: Int, _ name: String) -> Compiled {
        .objects { c in
            guard let object = operand(&c) else { return nil }
            c.cost &+= 1
            return object.field(at: index, named: name)?.objectList
        }
    }

    /// A field of the first variable: two steps, as reading the variable and selecting the
    /// field count.
    private static func selectOnFirst(_ type: CELType, _ index: Int, _ name: String) -> Compiled? {
        switch type {
        case .bool: return .bool { c in c.cost &+= 2; return c.object0?.boolField(at: index, named: name) }
        case .int: return .int { c in c.cost &+= 2; return c.object0?.intField(at: index, named: name) }
        case .timestamp: return .timestamp { c in c.cost &+= 2; return c.object0?.timestampField(at: index, named: name) }
        case .string: return .string { c in c.cost &+= 2; return c.object0?.stringField(at: index, named: name) }
        case .list(.string): return .strings { c in c.cost &+= 2; return c.object0?.stringsField(at: index, named: name) }
        case .object: return .object { c in c.cost &+= 2; return c.object0?.objectField(at: index, named: name) }
        default: return nil
        }
    }

    // MARK: Fused forms

    /// What a node is, when it is one of the operands the fused forms take.
    private enum Shape {
        /// A value known at compile time, and the steps reading it counts.
        case constant(CELValue, cost: Int)
        /// A field of the first variable (two steps).
        case firstField(index: Int, name: String)
    }

    private func shape(of node: any CELNode) -> Shape? {
        if let constant = node as? CELConstantNode { return .constant(constant.value, cost: 1) }
        if let list = node as? CELListNode {
            var items: [CELValue] = []
            for item in list.items {
                guard let constant = item as? CELConstantNode, case .string = constant.value else { return nil }
                items.append(constant.value)
            }
            return .constant(.list(items), cost: items.count + 1)
        }
        guard let select = node as? CELSelectNode, select.fieldIndex >= 0, let operand = select.operand as? CELSlotNode else { return nil }
        if case .object(let object)? = constants[operand.slot] {
            guard let value = object.field(at: select.fieldIndex, named: select.field) else { return nil }
            return .constant(value, cost: 2)
        }
        if operand.slot == 0, constants[0] == nil, case .object? = type(of: operand) {
            return .firstField(index: select.fieldIndex, name: select.field)
        }
        return nil
    }

    /// `field op constant` and `constant op field` on a field of the first variable, in one
    /// closure, counting the steps the general evaluator counts for the operands and operator.
    private func fusedBinary(_ node: CELBinaryNode) -> Compiled? {
        guard let lhs = shape(of: node.lhs), let rhs = shape(of: node.rhs), let lhsType = type(of: node.lhs), let rhsType = type(of: node.rhs) else {
            return nil
        }
        let op = node.op
        switch (lhs, rhs) {
        case (.firstField(let index, let name), .constant(let value, let cost)):
            return Self.fused(op, fieldOnLeft: true, index, name, lhsType, value, cost)
        case (.constant(let value, let cost), .firstField(let index, let name)):
            return Self.fused(op, fieldOnLeft: false, index, name, rhsType, value, cost)
        default:
            return nil
        }
    }

    private static func fused(
        _ op: CELBinaryOperator, fieldOnLeft: Bool, _ index: Int, _ name: String, _ fieldType: CELType, _ constant: CELValue, _ constantCost: Int
    ) -> Compiled? {
        // Reading the field is two steps, the operator one.
        let steps = constantCost &+ 3
        switch (fieldType, constant, op) {
        case (.int, .int(let k), _) where op.isComparison, (.timestamp, .timestamp(seconds: let k), _) where op.isComparison:
            let timestamp = fieldType == .timestamp
            return .bool { c in
                c.cost &+= steps
                guard let x = timestamp ? c.object0?.timestampField(at: index, named: name) : c.object0?.intField(at: index, named: name) else { return nil }
                return fieldOnLeft ? Self.compare(op, x, k) : Self.compare(op, k, x)
            }
        case (.string, .string(let k), .equal), (.string, .string(let k), .notEqual):
            let equal = op == .equal
            let kCount = k.utf8.count
            return .bool { c in
                guard let x = c.object0?.stringField(at: index, named: name) else { return nil }
                c.cost &+= steps &+ min(x.utf8.count, kCount)
                return CELOperations.stringEquals(x, k) == equal
            }
        case (.list(.string), .string(let k), .in) where !fieldOnLeft:
            let size = max(1, k.utf8.count)
            return .bool { c in
                guard let items = c.object0?.stringsField(at: index, named: name) else { return nil }
                c.cost &+= steps &+ items.count &* size
                for item in items where CELOperations.stringEquals(k, item) { return true }
                return false
            }
        case (.string, .list(let values), .in) where fieldOnLeft:
            var items: [String] = []
            for value in values {
                guard case .string(let item) = value else { return nil }
                items.append(item)
            }
            let list = items
            return .bool { c in
                guard let x = c.object0?.stringField(at: index, named: name) else { return nil }
                c.cost &+= steps &+ list.count &* max(1, x.utf8.count)
                for item in list where CELOperations.stringEquals(x, item) { return true }
                return false
            }
        default:
            return nil
        }
    }

    /// `x op y` for a comparison operator.
    @inline(__always)
    private static func compare(_ op: CELBinaryOperator, _ x: Int64, _ y: Int64) -> Bool {
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .greater: return x > y
        default: return x >= y
        }
    }

    // MARK: Operators

    private func unary(_ node: CELUnaryNode) -> Compiled? {
        // `!field` on a bool field of the first variable: three steps.
        if node.op == .not, case .firstField(let index, let name)? = shape(of: node.operand), type(of: node.operand) == .bool {
            return .bool { c in
                c.cost &+= 3
                return c.object0?.boolField(at: index, named: name).map { !$0 }
            }
        }
        switch (node.op, compile(node.operand)) {
        case (.not, .bool(let f)?):
            return .bool { c in f(&c).map { c.cost &+= 1; return !$0 } }
        case (.negate, .int(let f)?):
            return .int { c in
                guard let x = f(&c) else { return nil }
                c.cost &+= 1
                let (r, overflow) = Int64(0).subtractingReportingOverflow(x)
                return overflow ? nil : r
            }
        default:
            return nil
        }
    }

    private func binary(_ node: CELBinaryNode) -> Compiled? {
        if let fused = fusedBinary(node) { return fused }
        guard let lhs = compile(node.lhs), let rhs = compile(node.rhs), let resultType = type(of: node) else { return nil }
        let op = node.op
        // The frequent forms, without boxing.
        switch (op, lhs, rhs) {
        case (.equal, .int(let a), .int(let b)), (.equal, .timestamp(let a), .timestamp(let b)), (.equal, .duration(let a), .duration(let b)),
            (.notEqual, .int(let a), .int(let b)), (.notEqual, .timestamp(let a), .timestamp(let b)), (.notEqual, .duration(let a), .duration(let b)),
            (.less, .int(let a), .int(let b)), (.less, .timestamp(let a), .timestamp(let b)), (.less, .duration(let a), .duration(let b)),
            (.lessOrEqual, .int(let a), .int(let b)), (.lessOrEqual, .timestamp(let a), .timestamp(let b)),
            (.lessOrEqual, .duration(let a), .duration(let b)),
            (.greater, .int(let a), .int(let b)), (.greater, .timestamp(let a), .timestamp(let b)), (.greater, .duration(let a), .duration(let b)),
            (.greaterOrEqual, .int(let a), .int(let b)), (.greaterOrEqual, .timestamp(let a), .timestamp(let b)),
            (.greaterOrEqual, .duration(let a), .duration(let b)):
            return Self.compareIntegers(op, a, b)
        case (.equal, .bool(let a), .bool(let b)), (.notEqual, .bool(let a), .bool(let b)):
            let equal = op == .equal
            return .bool { c in
                guard let x = a(&c), let y = b(&c) else { return nil }
                c.cost &+= 1
                return (x == y) == equal
            }
        case (.equal, .string(let a), .string(let b)), (.notEqual, .string(let a), .string(let b)):
            let equal = op == .equal
            return .bool { c in
                guard let x = a(&c), let y = b(&c) else { return nil }
                // One step, and the size of the shorter string, as CELOperations.apply counts.
                c.cost &+= 1 &+ min(x.utf8.count, y.utf8.count)
                return CELOperations.stringEquals(x, y) == equal
            }
        case (.in, .string(let a), .strings(let b)):
            return .bool { c in
                guard let x = a(&c), let items = b(&c) else { return nil }
                c.cost &+= 1 &+ items.count &* max(1, x.utf8.count)
                for item in items where CELOperations.stringEquals(x, item) { return true }
                return false
            }
        default:
            break
        }
        // The rest, on scalars, through the general operations (which count their own work).
        guard Self.isScalar(lhs), Self.isScalar(rhs) else { return nil }
        let boxedA = lhs.boxed
        let boxedB = rhs.boxed
        let apply: Function<CELValue> = { c in
            guard let x = boxedA(&c), let y = boxedB(&c) else { return nil }
            c.cost &+= 1
            let value = CELOperations.apply(op, x, y, cost: &c.cost)
            return value.isError ? nil : value
        }
        return Self.unboxed(apply, as: resultType)
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=` on ints, timestamps or durations (seconds): one step.
    private static func compareIntegers(_ op: CELBinaryOperator, _ a: @escaping Function<Int64>, _ b: @escaping Function<Int64>) -> Compiled {
        // Comparing as `x < y`, `y < x` or `x == y`, possibly negated.
        let (swapped, less, negated): (Bool, Bool, Bool)
        switch op {
        case .less: (swapped, less, negated) = (false, true, false)
        case .greaterOrEqual: (swapped, less, negated) = (false, true, true)
        case .greater: (swapped, less, negated) = (true, true, false)
        case .lessOrEqual: (swapped, less, negated) = (true, true, true)
        case .notEqual: (swapped, less, negated) = (false, false, true)
        default: (swapped, less, negated) = (false, false, false)
        }
        return .bool { c in
            guard let x = a(&c), let y = b(&c) else { return nil }
            c.cost &+= 1
            let (l, r) = swapped ? (y, x) : (x, y)
            return (less ? l < r : l == r) != negated
        }
    }

    private static func isScalar(_ compiled: Compiled) -> Bool {
        switch compiled {
        case .bool, .int, .timestamp, .duration, .string: return true
        case .strings, .object, .objects: return false
        }
    }

    /// A general value read back as the kind of `type`; `nil` (fall back) for any other kind.
    private static func unboxed(_ f: @escaping Function<CELValue>, as type: CELType) -> Compiled? {
        switch type {
        case .bool: return .bool { c in if case .bool(let b)? = f(&c) { return b } else { return nil } }
        case .int: return .int { c in if case .int(let i)? = f(&c) { return i } else { return nil } }
        case .timestamp: return .timestamp { c in if case .timestamp(let s)? = f(&c) { return s } else { return nil } }
        case .duration: return .duration { c in if case .duration(let s)? = f(&c) { return s } else { return nil } }
        case .string: return .string { c in if case .string(let s)? = f(&c) { return s } else { return nil } }
        case .list(.string): return .strings { c in f(&c)?.stringList }
        case .object: return .object { c in if case .object(let o)? = f(&c) { return o } else { return nil } }
        default: return nil
        }
    }

    private func logical(_ node: CELLogicalNode) -> Compiled? {
        var operands: [Function<Bool>] = []
        for operand in node.operands {
            guard case .bool(let f)? = compile(operand) else { return nil }
            operands.append(f)
        }
        let isAnd = node.isAnd
        if operands.count == 2 {
            let first = operands[0]
            let second = operands[1]
            return .bool { c in
                guard let x = first(&c) else { return nil }
                c.cost &+= 1
                if x != isAnd { return x }
                guard let y = second(&c) else { return nil }
                c.cost &+= 1
                return y
            }
        }
        let all = operands
        return .bool { c in
            for operand in all {
                guard let x = operand(&c) else { return nil }
                c.cost &+= 1
                if x != isAnd { return x }
            }
            return isAnd
        }
    }

    private func conditional(_ node: CELConditionalNode) -> Compiled? {
        guard case .bool(let test)? = compile(node.condition), let then = compile(node.then), let otherwise = compile(node.otherwise) else { return nil }
        func choose<T>(_ a: @escaping Function<T>, _ b: @escaping Function<T>) -> Function<T> {
            { c in
                guard let t = test(&c) else { return nil }
                c.cost &+= 1
                return t ? a(&c) : b(&c)
            }
        }
        switch (then, otherwise) {
        case (.bool(let a), .bool(let b)): return .bool(choose(a, b))
        case (.int(let a), .int(let b)): return .int(choose(a, b))
        case (.timestamp(let a), .timestamp(let b)): return .timestamp(choose(a, b))
        case (.duration(let a), .duration(let b)): return .duration(choose(a, b))
        case (.string(let a), .string(let b)): return .string(choose(a, b))
        case (.strings(let a), .strings(let b)): return .strings(choose(a, b))
        case (.object(let a), .object(let b)): return .object(choose(a, b))
        default: return nil
        }
    }

    private func list(_ node: CELListNode) -> Compiled? {
        // Lists of literal strings are constants (one step per item and one for the list).
        var literal: [String] = []
        for item in node.items {
            guard let constant = item as? CELConstantNode, case .string(let s) = constant.value else { break }
            literal.append(s)
        }
        if literal.count == node.items.count {
            return Self.constant(.list(literal.map(CELValue.string)), cost: literal.count + 1)
        }
        var items: [Function<String>] = []
        for item in node.items {
            guard case .string(let f)? = compile(item) else { return nil }
            items.append(f)
        }
        let parts = items
        return .strings { c in
            var values: [String] = []
            values.reserveCapacity(parts.count)
            for item in parts {
                guard let value = item(&c) else { return nil }
                values.append(value)
            }
            c.cost &+= 1
            return values
        }
    }

    // MARK: Calls and macros

    private func call(_ node: CELCallNode) -> Compiled? {
        guard node.overloads.count == 1, let resultType = type(of: node) else { return nil }
        let overload = node.overloads[0]
        var arguments: [Compiled] = []
        for argument in node.arguments {
            guard let compiled = compile(argument) else { return nil }
            arguments.append(compiled)
        }
        // size(list) without building the list's general value.
        if overload.name == "size", arguments.count == 1, overload.parameters == [.list(.dyn)] {
            let count: Function<Int>
            switch arguments[0] {
            case .strings(let list): count = { c in list(&c)?.count }
            case .objects(let list): count = { c in list(&c)?.count }
            default: return nil
            }
            return .int { c in
                guard let n = count(&c) else { return nil }
                c.cost &+= 1 &+ n
                return c.cost > c.limit ? nil : Int64(n)
            }
        }
        let boxed = arguments.map(\.boxed)
        let implementation = overload.implementation
        let apply: Function<CELValue> = { c in
            var values: [CELValue] = []
            values.reserveCapacity(boxed.count)
            var work = 1
            for argument in boxed {
                guard let value = argument(&c) else { return nil }
                work &+= CELOperations.size(value)
                values.append(value)
            }
            c.cost &+= work
            if c.cost > c.limit { return nil }
            let result = implementation(values)
            return result.isError ? nil : result
        }
        return Self.unboxed(apply, as: resultType)
    }

    private func comprehension(_ node: CELComprehensionNode) -> Compiled? {
        guard let source = compile(node.range), let body = compile(node.body) else { return nil }
        let slot = node.slot
        let macro = node.macro
        if case .objects(let range) = source {
            guard case .bool(let predicate) = body, macro == .all || macro == .exists || macro == .existsOne else { return nil }
            return .bool(Self.quantifier(macro, range, { c, item in c.objects[slot] = item }, predicate))
        }
        guard case .strings(let range) = source else { return nil }
        switch (macro, body) {
        case (.map, .string(let transform)):
            return .strings { c in
                guard let items = range(&c) else { return nil }
                c.cost &+= 1
                var results: [String] = []
                results.reserveCapacity(items.count)
                for item in items {
                    c.cost &+= 1
                    if c.cost > c.limit { return nil }
                    c.strings[slot] = item
                    guard let value = transform(&c), c.cost <= c.limit else { return nil }
                    results.append(value)
                }
                return results
            }
        case (.all, .bool(let predicate)), (.exists, .bool(let predicate)), (.existsOne, .bool(let predicate)):
            return .bool(Self.quantifier(macro, range, { c, item in c.strings[slot] = item }, predicate))
        case (.filter, .bool(let predicate)):
            return .strings { c in
                guard let items = range(&c) else { return nil }
                c.cost &+= 1
                var results: [String] = []
                for item in items {
                    c.cost &+= 1
                    if c.cost > c.limit { return nil }
                    c.strings[slot] = item
                    guard let b = predicate(&c), c.cost <= c.limit else { return nil }
                    if b { results.append(item) }
                }
                return results
            }
        default:
            return nil
        }
    }

    /// `all`, `exists` or `exists_one` over the elements of `range`, each bound by `bind`.
    private static func quantifier<Element>(
        _ macro: CELMacro, _ range: @escaping Function<[Element]>, _ bind: @escaping @Sendable (inout CELFastFrame, Element) -> Void,
        _ predicate: @escaping Function<Bool>
    ) -> Function<Bool> {
        { c in
            guard let items = range(&c) else { return nil }
            c.cost &+= 1
            var count = 0
            for item in items {
                c.cost &+= 1
                if c.cost > c.limit { return nil }
                bind(&c, item)
                guard let b = predicate(&c), c.cost <= c.limit else { return nil }
                switch macro {
                case .all: if !b { return false }
                case .exists: if b { return true }
                default: if b { count += 1 }
                }
            }
            switch macro {
            case .all: return true
            case .exists: return false
            default: return count == 1
            }
        }
    }
}

extension CELBinaryOperator {
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
    fileprivate var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
}
