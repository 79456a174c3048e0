/// Resolves every name of a parsed expression against an environment, infers and checks types,
/// and builds the evaluation tree, in one pass.
///
/// Names are variables (or macro variables in scope), object fields, and function overloads; each
/// unknown one is an error that suggests the closest valid name. Operators follow cel-spec's
/// overloads, with `int` and `double` comparable with each other (by value) but not mixed in
/// arithmetic, and `null` comparable with anything with `==` and `!=` (a fact may be absent).
/// `dyn` turns checking off for a value: anything is accepted and checked at evaluation.
struct CELChecker {
    private let environment: CELEnvironment
    private let source: String
    /// The slots of the compiled program: variables in order of first use, then macro variables.
    private(set) var slots: [CELProgram.Slot] = []
    private var variableSlots: [String: Int] = [:]
    private var scope: [(name: String, type: CELType, slot: Int)] = []

    /// The variables the expression reads, in order of first use.
    private(set) var usedVariables: [String] = []

    /// The static type of every node built, by node identity (for ``CELFastCompiler``).
    private(set) var nodeTypes: [ObjectIdentifier: CELType] = [:]

    init(environment: CELEnvironment, source: String) {
        self.environment = environment
        self.source = source
        // Every variable of the environment has a slot, in layout order, so a program can run
        // directly on a layout-ordered array of values; macro variables come after.
        for name in environment.variableLayout {
            variableSlots[name] = slots.count
            slots.append(.variable(name))
        }
    }

    private func error(_ code: CELCompileError.Code, _ message: String, at offset: Int) -> CELCompileError {
        CELCompileError(code, message, offset: offset, source: source)
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Checks a node and builds its evaluation tree, recording the node's type.
    mutating func check(_ e: CELExpression) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        let checked = try checkKind(e)
        nodeTypes[ObjectIdentifier(checked.node)] = checked.type
        return checked
    }

    private mutating func checkKind(_ e: CELExpression) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        switch e.kind {
        case .literal(let value):
            return (Self.literalType(value), CELConstantNode(value))
        case .identifier(let name):
            return try identifier(name, at: e.offset)
        case .select(let operand, let field):
            return try select(operand, field: field, at: e.offset)
        case .presenceTest(let operand, let field):
            return try presence(operand, field: field, at: e.offset)
        case .index(let operand, let index):
            return try self.index(operand, index, at: e.offset)
        case .call(let function, let target, let arguments):
            return try call(function, target: target, arguments: arguments, at: e.offset)
        case .unary(let op, let operand):
            let (type, node) = try check(operand)
            let result: CELType?
            switch (op, type) {
            case (.not, .bool), (.not, .dyn): result = .bool
            case (.negate, .int), (.negate, .double), (.negate, .dyn): result = type
            default: result = nil
            }
            guard let result else {
                throw error(.noMatchingOverload, "'\(op.rawValue)' cannot be applied to \(type)", at: e.offset)
            }
            return (result, CELUnaryNode(op, node, offset: e.offset))
        case .binary(let op, let lhs, let rhs):
            let (l, ln) = try check(lhs)
            let (r, rn) = try check(rhs)
            guard let result = try binaryType(op, l, r, at: e.offset) else {
                var hint = ""
                if (l == .int && r == .double) || (l == .double && r == .int) {
                    hint = "; convert one side with double() or int()"
                } else if op == .in, r == .string {
                    hint = "; to test for a substring, use text.contains(part)"
                }
                throw error(.noMatchingOverload, "'\(op.rawValue)' cannot be applied to \(l) and \(r)\(hint)", at: e.offset)
            }
            return (result, CELBinaryNode(op, ln, rn, offset: e.offset))
        case .and(let operands), .or(let operands):
            let isAnd: Bool
            if case .and = e.kind { isAnd = true } else { isAnd = false }
            var nodes: [any CELNode] = []
            for operand in operands {
                let (type, node) = try check(operand)
                guard type == .bool || type == .dyn else {
                    throw error(.noMatchingOverload, "the operands of '\(isAnd ? "&&" : "||")' must be bool, but this one is \(type)", at: operand.offset)
                }
                nodes.append(node)
            }
            return (.bool, CELLogicalNode(isAnd: isAnd, operands: nodes, offsets: operands.map(\.offset)))
        case .conditional(let condition, let then, let otherwise):
            let (ct, cn) = try check(condition)
            guard ct == .bool || ct == .dyn else {
                throw error(.noMatchingOverload, "the condition of '?:' must be bool, but it is \(ct)", at: condition.offset)
            }
            let (tt, tn) = try check(then)
            let (ot, on) = try check(otherwise)
            let result: CELType
            if tt == ot {
                result = tt
            } else if tt == .null || ot == .null || tt.accepts(ot) {
                result = tt.joined(with: ot)
            } else {
                throw error(.noMatchingOverload, "the branches of '?:' have different types, \(tt) and \(ot)", at: e.offset)
            }
            return (result, CELConditionalNode(cn, tn, on, offset: e.offset))
        case .list(let items):
            var element: CELType?
            var nodes: [any CELNode] = []
            for item in items {
                let (type, node) = try check(item)
                element = element.map { $0.joined(with: type) } ?? type
                nodes.append(node)
            }
            return (.list(element ?? .dyn), CELListNode(nodes))
        case .map(let entries):
            var keyType: CELType?
            var valueType: CELType?
            var keys: [any CELNode] = []
            var values: [any CELNode] = []
            for entry in entries {
                let (kt, kn) = try check(entry.key)
                guard kt.isValidMapKey else {
                    throw error(.noMatchingOverload, "map keys must be int, string or bool, not \(kt)", at: entry.key.offset)
                }
                let (vt, vn) = try check(entry.value)
                keyType = keyType.map { $0.joined(with: kt) } ?? kt
                valueType = valueType.map { $0.joined(with: vt) } ?? vt
                keys.append(kn)
                values.append(vn)
            }
            return (.map(key: keyType ?? .dyn, value: valueType ?? .dyn), CELMapNode(keys: keys, values: values, keyOffsets: entries.map(\.key.offset)))
        case .comprehension(let macro, let range, let variable, let body):
            return try comprehension(macro, range: range, variable: variable, body: body, at: e.offset)
        }
    }

    static func literalType(_ value: CELValue) -> CELType {
        switch value {
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .null: return .null
        default: return .dyn
        }
    }

    // MARK: - Names

    private mutating func identifier(_ name: String, at offset: Int) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        if let local = scope.last(where: { $0.name == name }) {
            return (local.type, CELSlotNode(slot: local.slot))
        }
        if let type = environment.type(ofVariable: name) {
            let slot: Int
            if let existing = variableSlots[name] {
                slot = existing
            } else {
                slot = slots.count
                slots.append(.variable(name))
                variableSlots[name] = slot
            }
            if !usedVariables.contains(name) { usedVariables.append(name) }
            return (type, CELSlotNode(slot: slot))
        }
        if !environment.overloads(of: name).isEmpty {
            throw error(.unknownName, "'\(name)' is a function, not a value; call it as \(name)(…)", at: offset)
        }
        let candidates = Array(environment.variables.keys) + scope.map(\.name)
        if let suggestion = CELEnvironment.closest(to: name, among: candidates) {
            throw error(.unknownName, "unknown name '\(name)'; did you mean '\(suggestion)'?", at: offset)
        }
        let available = Set(candidates).sorted()
        let list = available.isEmpty ? "" : available.count <= 20 ? "; the names available here are \(available.joined(separator: ", "))" : ""
        throw error(.unknownName, "unknown name '\(name)'\(list)", at: offset)
    }

    private mutating func select(_ operand: CELExpression, field: String, at offset: Int) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        let (type, node) = try check(operand)
        let result: CELType
        var fieldIndex = -1
        switch type {
        case .object(let name):
            result = try fieldType(field, of: name, at: offset)
            fieldIndex = environment.objectTypes[name]?.keys.sorted().firstIndex(of: field) ?? -1
        case .map(let key, let value) where key == .string || key == .dyn:
            result = value
        case .dyn:
            result = .dyn
        default:
            var hint = ""
            if environment.overloads(of: field).contains(where: \.isMethod) { hint = "; '\(field)' is a method, call it as .\(field)()" }
            throw error(.noMatchingOverload, "cannot select field '\(field)' of a value of type \(type)\(hint)", at: offset)
        }
        return (result, CELSelectNode(node, field: field, fieldIndex: fieldIndex, offset: offset))
    }

    private func fieldType(_ field: String, of typeName: String, at offset: Int) throws(CELCompileError) -> CELType {
        guard let fields = environment.objectTypes[typeName] else {
            throw error(.unknownField, "the type \(typeName) has no declared fields, so '\(field)' cannot be selected", at: offset)
        }
        guard let type = fields[field] else {
            throw error(.unknownField, "unknown field '\(field)' of \(typeName)\(Self.didYouMean(environment.suggestion(forField: field, in: typeName)))", at: offset)
        }
        return type
    }

    private mutating func presence(_ operand: CELExpression, field: String, at offset: Int) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        let (type, node) = try check(operand)
        switch type {
        case .object(let name):
            _ = try fieldType(field, of: name, at: offset)
        case .map(let key, _) where key == .string || key == .dyn:
            break
        case .dyn:
            break
        default:
            throw error(.noMatchingOverload, "has() needs an object or a map with string keys, but the value before '.\(field)' is \(type)", at: offset)
        }
        return (.bool, CELPresenceNode(node, field: field, offset: offset))
    }

    private mutating func index(_ operand: CELExpression, _ index: CELExpression, at offset: Int) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        let (ot, on) = try check(operand)
        let (it, inode) = try check(index)
        let result: CELType
        switch ot {
        case .list(let element):
            guard it == .int || it == .dyn else {
                throw error(.noMatchingOverload, "a list must be indexed by an int, not \(it)", at: offset)
            }
            result = element
        case .map(let key, let value):
            guard key.isComparable(with: it), it != .null else {
                throw error(.noMatchingOverload, "a \(ot) must be indexed by \(key), not \(it)", at: offset)
            }
            result = value
        case .dyn:
            result = .dyn
        default:
            throw error(.noMatchingOverload, "a value of type \(ot) cannot be indexed", at: offset)
        }
        return (result, CELIndexNode(on, inode, offset: offset))
    }

    // MARK: - Operators

    private func binaryType(_ op: CELBinaryOperator, _ l: CELType, _ r: CELType, at offset: Int) throws(CELCompileError) -> CELType? {
        switch op {
        case .equal, .notEqual:
            return l.isComparable(with: r) ? .bool : nil
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return l.isOrderable(with: r) ? .bool : nil
        case .in:
            switch r {
            case .list(let element): return l.isComparable(with: element) ? .bool : nil
            case .map(let key, _): return l.isComparable(with: key) ? .bool : nil
            case .dyn: return .bool
            default: return nil
            }
        case .add:
            switch (l, r) {
            case (.int, .int), (.double, .double), (.string, .string), (.bytes, .bytes), (.duration, .duration): return l
            case (.list(let a), .list(let b)): return .list(a.joined(with: b))
            case (.timestamp, .duration), (.duration, .timestamp): return .timestamp
            case (.dyn, let t), (let t, .dyn):
                switch t {
                case .int, .double, .string, .bytes, .list, .timestamp, .duration, .dyn: return .dyn
                default: return nil
                }
            default: return nil
            }
        case .subtract:
            switch (l, r) {
            case (.int, .int), (.double, .double), (.duration, .duration): return l
            case (.timestamp, .timestamp): return .duration
            case (.timestamp, .duration): return .timestamp
            case (.dyn, let t), (let t, .dyn):
                switch t {
                case .int, .double, .timestamp, .duration, .dyn: return .dyn
                default: return nil
                }
            default: return nil
            }
        case .multiply, .divide:
            switch (l, r) {
            case (.int, .int), (.double, .double): return l
            case (.dyn, .int), (.dyn, .double), (.dyn, .dyn): return r
            case (.int, .dyn), (.double, .dyn): return l
            default: return nil
            }
        case .remainder:
            switch (l, r) {
            case (.int, .int), (.int, .dyn), (.dyn, .int): return .int
            case (.dyn, .dyn): return .dyn
            default: return nil
            }
        }
    }

    // MARK: - Calls

    private mutating func call(_ name: String, target: CELExpression?, arguments: [CELExpression], at offset: Int) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        var types: [CELType] = []
        var nodes: [any CELNode] = []
        var targetType: CELType?
        if let target {
            let (t, n) = try check(target)
            targetType = t
            types.append(t)
            nodes.append(n)
        }
        let all = environment.overloads(of: name)
        guard !all.isEmpty else {
            if target == nil, CELMacro(rawValue: name) != nil {
                throw error(.invalidMacro, "\(name)() is a macro; call it on a list, as list.\(name)(x, …)", at: offset)
            }
            if case .object(let typeName)? = targetType, environment.type(ofField: name, in: typeName) != nil {
                throw error(.unknownFunction, "'\(name)' is a field of \(typeName), not a method; remove the parentheses", at: offset)
            }
            throw error(.unknownFunction, "unknown function '\(name)'\(Self.didYouMean(environment.suggestion(forFunction: name)))", at: offset)
        }
        for argument in arguments {
            let (t, n) = try check(argument)
            types.append(t)
            nodes.append(n)
        }
        let styled = all.filter { $0.isMethod == (target != nil) }
        guard !styled.isEmpty else {
            if target != nil { throw error(.unknownFunction, "'\(name)' is not a method; call it as \(name)(…)", at: offset) }
            throw error(.unknownFunction, "'\(name)' is a method; call it on a value, as value.\(name)(…)", at: offset)
        }
        let arity = styled.filter { $0.parameters.count == types.count }
        guard !arity.isEmpty else {
            let counts = Set(styled.map { $0.parameters.count - ($0.isMethod ? 1 : 0) }).sorted().map(String.init)
            let takes = counts.count == 1 ? counts[0] : counts.dropLast().joined(separator: ", ") + " or " + (counts.last ?? "")
            throw error(
                .noMatchingOverload,
                "'\(name)' takes \(takes) argument\(counts == ["1"] ? "" : "s"), but was given \(arguments.count)", at: offset)
        }
        let matching = arity.filter { overload in zip(overload.parameters, types).allSatisfy { $0.accepts($1) } }
        guard !matching.isEmpty else {
            let given: String
            if target != nil, let receiver = types.first {
                given = "\(receiver).\(name)(\(types.dropFirst().map(\.description).joined(separator: ", ")))"
            } else {
                given = "\(name)(\(types.map(\.description).joined(separator: ", ")))"
            }
            var hint = ""
            if name == "contains", case .list? = targetType { hint = "; to test list membership, write value in list" }
            let forms = arity.map(\.signature).joined(separator: ", ")
            throw error(.noMatchingOverload, "'\(name)' cannot be applied as \(given); its forms are \(forms)\(hint)", at: offset)
        }
        let results = Set(matching.map(\.result))
        let resultType = results.count == 1 ? matching[0].result : .dyn

        if matching.count == 1, let builtin = matching[0].builtin {
            let argumentExpressions = (target.map { [$0] } ?? []) + arguments
            switch builtin {
            case .matches:
                let patternExpression = argumentExpressions[1]
                if case .literal(.string(let pattern)) = patternExpression.kind {
                    switch CELRegex.compile(pattern) {
                    case .success(let regex):
                        return (.bool, CELMatchesNode(text: nodes[0], pattern: .compiled(regex), offset: offset))
                    case .failure(let error):
                        throw self.error(
                            .invalidArgument, "the regular expression \(CELValue.quoted(pattern)) does not compile: \(error.message)",
                            at: patternExpression.offset)
                    }
                }
                return (.bool, CELMatchesNode(text: nodes[0], pattern: .dynamic(nodes[1]), offset: offset))
            case .timestamp, .duration:
                if case .literal(let literal) = argumentExpressions[0].kind {
                    let value = matching[0].implementation([literal])
                    if case .error(let e) = value {
                        throw error(.invalidArgument, e.message, at: argumentExpressions[0].offset)
                    }
                    return (resultType, CELConstantNode(value))
                }
            }
        }
        return (resultType, CELCallNode(name: name, overloads: matching, arguments: nodes, offset: offset))
    }

    // MARK: - Macros

    private mutating func comprehension(
        _ macro: CELMacro, range: CELExpression, variable: String, body: CELExpression, at offset: Int
    ) throws(CELCompileError) -> (type: CELType, node: any CELNode) {
        let (rangeType, rangeNode) = try check(range)
        let element: CELType
        switch rangeType {
        case .list(let e): element = e
        case .map(let key, _): element = key
        case .dyn: element = .dyn
        default:
            throw error(.noMatchingOverload, "\(macro.rawValue)() needs a list or a map, but it is called on \(rangeType)", at: offset)
        }
        let slot = slots.count
        slots.append(.macroVariable)
        scope.append((variable, element, slot))
        let (bodyType, bodyNode) = try check(body)
        scope.removeLast()
        let result: CELType
        switch macro {
        case .all, .exists, .existsOne, .filter:
            guard bodyType == .bool || bodyType == .dyn else {
                throw error(.invalidMacro, "the predicate of \(macro.rawValue)() must be bool, but it is \(bodyType)", at: body.offset)
            }
            result = macro == .filter ? .list(element) : .bool
        case .map:
            result = .list(bodyType)
        }
        return (result, CELComprehensionNode(macro, range: rangeNode, slot: slot, body: bodyNode, offset: offset))
    }
}
