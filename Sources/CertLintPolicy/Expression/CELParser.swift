/// Parses an expression into a ``CELExpression`` tree, by precedence climbing over cel-spec's
/// grammar:
///
/// ```
/// Expr           = ConditionalOr ["?" ConditionalOr ":" Expr]
/// ConditionalOr  = ConditionalAnd {"||" ConditionalAnd}
/// ConditionalAnd = Relation {"&&" Relation}
/// Relation       = Addition {("<" | "<=" | ">" | ">=" | "==" | "!=" | "in") Addition}
/// Addition       = Multiplication {("+" | "-") Multiplication}
/// Multiplication = Unary {("*" | "/" | "%") Unary}
/// Unary          = {"!" | "-"} Member
/// Member         = Primary {"." IDENT ["(" [ExprList] ")"] | "[" Expr "]"}
/// Primary        = IDENT ["(" [ExprList] ")"] | "(" Expr ")" | "[" [ExprList] [","] "]"
///                | "{" [MapInits] [","] "}" | LITERAL
/// ```
///
/// Macros are recognised here: `has(e.f)` becomes a presence test and `e.all(x, p)`, `exists`,
/// `exists_one`, `filter` and `map` become comprehensions. Not supported (a clear error each):
/// unsigned literals, object construction `T{…}`, names with a leading dot. Nesting is capped at
/// ``CELProgram/maxNestingDepth`` and the source at ``CELProgram/maxSourceBytes``.
public struct CELParser {
    private let source: String
    private let tokens: [CELToken]
    private var position = 0
    private var nesting = 0
    private let maxDepth: Int

    /// Parses a whole expression.
    public static func parse(_ source: String, maxDepth: Int = CELProgram.maxNestingDepth) throws(CELCompileError) -> CELExpression {
        if source.utf8.count > CELProgram.maxSourceBytes {
            throw CELCompileError(
                .sourceTooLarge, "the expression is \(source.utf8.count) bytes long; the limit is \(CELProgram.maxSourceBytes)",
                offset: 0, source: "")
        }
        var parser = CELParser(source: source, tokens: try CELLexer.tokenize(source), maxDepth: maxDepth)
        if parser.current.kind == .end {
            throw parser.error(.syntax, "the expression is empty", at: parser.current)
        }
        let expression = try parser.parseExpression()
        guard parser.current.kind == .end else {
            throw parser.error(.syntax, "unexpected \(parser.describe(parser.current)) after the end of the expression", at: parser.current)
        }
        return expression
    }

    private init(source: String, tokens: [CELToken], maxDepth: Int) {
        self.source = source
        self.tokens = tokens
        self.maxDepth = maxDepth
    }

    // MARK: - Tokens

    private var current: CELToken { tokens[min(position, tokens.count - 1)] }

    private func peek(_ ahead: Int) -> CELToken { tokens[min(position + ahead, tokens.count - 1)] }

    private mutating func advance() -> CELToken {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func error(_ code: CELCompileError.Code, _ message: String, at token: CELToken) -> CELCompileError {
        CELCompileError(code, message, offset: token.offset, source: source)
    }

    /// A token as a message names it: `'foo'`, `')'`, or "the end of the expression".
    private func describe(_ token: CELToken) -> String {
        if token.kind == .end { return "the end of the expression" }
        let utf8 = Array(source.utf8)
        let end = min(token.offset + token.length, utf8.count)
        var text = String(decoding: utf8[token.offset..<end], as: UTF8.self)
        if text.count > 40 { text = String(text.prefix(37)) + "..." }
        return "'\(text)'"
    }

    private mutating func expect(_ kind: CELToken.Kind, _ what: String, _ context: String) throws(CELCompileError) -> CELToken {
        guard current.kind == kind else {
            let found = current.kind == .end ? "the expression ends" : "found \(describe(current))"
            throw error(.syntax, "expected \(what) \(context), but \(found)", at: current)
        }
        return advance()
    }

    /// A node, checking the depth limit.
    private func node(_ kind: CELExpression.Kind, at offset: Int, children: [CELExpression]) throws(CELCompileError) -> CELExpression {
        let depth = 1 + children.reduce(0) { max($0, $1.depth) }
        guard depth <= maxDepth else {
            throw CELCompileError(.nestingTooDeep, "the expression is nested more than \(maxDepth) levels deep", offset: offset, source: source)
        }
        return CELExpression(kind, offset: offset, depth: depth)
    }

    // MARK: - Grammar

    private mutating func parseExpression() throws(CELCompileError) -> CELExpression {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= maxDepth else {
            throw error(.nestingTooDeep, "the expression is nested more than \(maxDepth) levels deep", at: current)
        }
        let condition = try parseOr()
        guard current.kind == .question else { return condition }
        let question = advance()
        let then = try parseOr()
        _ = try expect(.colon, "':'", "after the '?' branch of a conditional")
        let otherwise = try parseExpression()
        return try node(.conditional(condition, then: then, else: otherwise), at: question.offset, children: [condition, then, otherwise])
    }

    private mutating func parseOr() throws(CELCompileError) -> CELExpression {
        let first = try parseAnd()
        guard current.kind == .or else { return first }
        let offset = current.offset
        var operands = [first]
        while current.kind == .or {
            _ = advance()
            let operand = try parseAnd()
            if case .or(let inner) = operand.kind { operands += inner } else { operands.append(operand) }
        }
        return try node(.or(operands), at: offset, children: operands)
    }

    private mutating func parseAnd() throws(CELCompileError) -> CELExpression {
        let first = try parseBinary(minimumPrecedence: 3)
        guard current.kind == .and else { return first }
        let offset = current.offset
        var operands = [first]
        while current.kind == .and {
            _ = advance()
            operands.append(try parseBinary(minimumPrecedence: 3))
        }
        return try node(.and(operands), at: offset, children: operands)
    }

    private static func binaryOperator(_ kind: CELToken.Kind) -> CELBinaryOperator? {
        switch kind {
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .remainder
        case .plus: return .add
        case .minus: return .subtract
        case .less: return .less
        case .lessEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterOrEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .inKeyword: return .in
        default: return nil
        }
    }

    /// Left-associative binary operators of at least the given precedence.
    private mutating func parseBinary(minimumPrecedence: Int) throws(CELCompileError) -> CELExpression {
        var lhs = try parseUnary()
        while let op = Self.binaryOperator(current.kind), op.precedence >= minimumPrecedence {
            let token = advance()
            let rhs = try parseBinary(minimumPrecedence: op.precedence + 1)
            lhs = try node(.binary(op, lhs, rhs), at: token.offset, children: [lhs, rhs])
        }
        return lhs
    }

    private mutating func parseUnary() throws(CELCompileError) -> CELExpression {
        var operators: [CELToken] = []
        while current.kind == .not || current.kind == .minus {
            operators.append(advance())
        }
        var operand: CELExpression
        // `-` directly before a number literal folds into a negative literal, so that
        // -9223372036854775808 is the smallest int, as in cel-spec.
        if let last = operators.last, last.kind == .minus, isNegatableLiteral() {
            let literal = advance()
            switch literal.kind {
            case .int(let magnitude):
                guard magnitude <= UInt64(Int64.max) + 1 else {
                    throw error(.invalidLiteral, "the integer literal -\(magnitude) is out of range", at: literal)
                }
                let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
                operand = try node(.literal(.int(value)), at: last.offset, children: [])
            case .double(let d):
                operand = try node(.literal(.double(-d)), at: last.offset, children: [])
            default:
                throw error(.syntax, "unexpected \(describe(literal))", at: literal)
            }
            operators.removeLast()
        } else {
            operand = try parseMember()
        }
        for op in operators.reversed() {
            operand = try node(.unary(op.kind == .not ? .not : .negate, operand), at: op.offset, children: [operand])
        }
        return operand
    }

    /// Whether the current token is a number literal not followed by a member suffix.
    private func isNegatableLiteral() -> Bool {
        switch current.kind {
        case .int, .double: break
        default: return false
        }
        switch peek(1).kind {
        case .dot, .leftBracket, .leftParen, .leftBrace: return false
        default: return true
        }
    }

    private mutating func parseMember() throws(CELCompileError) -> CELExpression {
        var expression = try parsePrimary()
        while true {
            switch current.kind {
            case .dot:
                _ = advance()
                let name = current
                guard case .identifier(let field) = name.kind else {
                    if case .reserved(let word) = name.kind {
                        throw error(.unsupported, "'\(word)' is a reserved word and cannot be a field or function name", at: name)
                    }
                    let found = name.kind == .end ? "the expression ends" : "found \(describe(name))"
                    throw error(.syntax, "expected a field or method name after '.', but \(found)", at: name)
                }
                _ = advance()
                if current.kind == .leftParen {
                    expression = try parseMethodCall(target: expression, name: field, nameToken: name)
                } else {
                    expression = try node(.select(expression, field: field), at: name.offset, children: [expression])
                }
            case .leftBracket:
                let open = advance()
                let index = try parseExpression()
                _ = try expect(.rightBracket, "']'", "to close the index")
                expression = try node(.index(expression, index), at: open.offset, children: [expression, index])
            case .leftBrace:
                throw error(.unsupported, "object construction such as 'Name{field: value}' is not supported", at: current)
            default:
                return expression
            }
        }
    }

    private mutating func parseArguments(of name: String) throws(CELCompileError) -> [CELExpression] {
        _ = try expect(.leftParen, "'('", "after \(name)")
        var arguments: [CELExpression] = []
        if current.kind == .rightParen {
            _ = advance()
            return arguments
        }
        while true {
            arguments.append(try parseExpression())
            if current.kind == .comma {
                _ = advance()
                continue
            }
            _ = try expect(.rightParen, "',' or ')'", "in the arguments of \(name)()")
            return arguments
        }
    }

    private mutating func parseMethodCall(target: CELExpression, name: String, nameToken: CELToken) throws(CELCompileError) -> CELExpression {
        let arguments = try parseArguments(of: name)
        if let macro = CELMacro(rawValue: name) {
            let example = macro == .map ? "list.map(x, x + 1)" : "list.\(name)(x, x > 0)"
            guard arguments.count == 2 else {
                throw error(
                    .invalidMacro, "\(name)() takes two arguments, a variable name and an expression, as in \(example); it was given \(arguments.count)",
                    at: nameToken)
            }
            guard case .identifier(let variable) = arguments[0].kind else {
                throw CELCompileError(
                    .invalidMacro, "the first argument of \(name)() must be a variable name, as in \(example)", offset: arguments[0].offset, source: source)
            }
            return try node(
                .comprehension(macro, range: target, variable: variable, body: arguments[1]), at: nameToken.offset,
                children: [target, arguments[1]])
        }
        return try node(.call(function: name, target: target, arguments: arguments), at: nameToken.offset, children: [target] + arguments)
    }

    private mutating func parsePrimary() throws(CELCompileError) -> CELExpression {
        let token = current
        switch token.kind {
        case .int(let magnitude):
            _ = advance()
            guard magnitude <= UInt64(Int64.max) else {
                throw error(.invalidLiteral, "the integer literal \(describe(token)) is out of range", at: token)
            }
            return try node(.literal(.int(Int64(magnitude))), at: token.offset, children: [])
        case .uint:
            throw error(.unsupported, "unsigned integer literals such as \(describe(token)) are not supported; write an int without the 'u'", at: token)
        case .double(let d):
            _ = advance()
            return try node(.literal(.double(d)), at: token.offset, children: [])
        case .string(let s):
            _ = advance()
            return try node(.literal(.string(s)), at: token.offset, children: [])
        case .bytes(let b):
            _ = advance()
            return try node(.literal(.bytes(b)), at: token.offset, children: [])
        case .trueLiteral, .falseLiteral:
            _ = advance()
            return try node(.literal(.bool(token.kind == .trueLiteral)), at: token.offset, children: [])
        case .nullLiteral:
            _ = advance()
            return try node(.literal(.null), at: token.offset, children: [])
        case .identifier(let name):
            _ = advance()
            guard current.kind == .leftParen else {
                return try node(.identifier(name), at: token.offset, children: [])
            }
            let arguments = try parseArguments(of: name)
            if name == "has" {
                guard arguments.count == 1, case .select(let operand, let field) = arguments[0].kind else {
                    throw error(.invalidMacro, "has() takes one field selection, such as has(cert.subject.cn)", at: token)
                }
                return try node(.presenceTest(operand, field: field), at: token.offset, children: [operand])
            }
            return try node(.call(function: name, target: nil, arguments: arguments), at: token.offset, children: arguments)
        case .leftParen:
            _ = advance()
            let inner = try parseExpression()
            _ = try expect(.rightParen, "')'", "to close '('")
            return inner
        case .leftBracket:
            _ = advance()
            var items: [CELExpression] = []
            while current.kind != .rightBracket {
                items.append(try parseExpression())
                if current.kind == .comma {
                    _ = advance()
                } else {
                    break
                }
            }
            _ = try expect(.rightBracket, "',' or ']'", "in the list")
            return try node(.list(items), at: token.offset, children: items)
        case .leftBrace:
            _ = advance()
            var entries: [CELMapEntryExpression] = []
            var children: [CELExpression] = []
            while current.kind != .rightBrace {
                let key = try parseExpression()
                _ = try expect(.colon, "':'", "after a map key")
                let value = try parseExpression()
                entries.append(CELMapEntryExpression(key: key, value: value))
                children += [key, value]
                if current.kind == .comma {
                    _ = advance()
                } else {
                    break
                }
            }
            _ = try expect(.rightBrace, "',' or '}'", "in the map")
            return try node(.map(entries), at: token.offset, children: children)
        case .dot:
            throw error(.unsupported, "names with a leading '.' are not supported", at: token)
        case .reserved(let word):
            throw error(.unsupported, "'\(word)' is a reserved word and cannot be used as a name", at: token)
        case .end:
            throw error(.syntax, "the expression ends where a value was expected", at: token)
        default:
            throw error(.syntax, "expected a value, but found \(describe(token))", at: token)
        }
    }
}
