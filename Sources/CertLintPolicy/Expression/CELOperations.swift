/// The runtime semantics of the operators: equality, ordering, arithmetic with overflow checks,
/// membership. Values are compared as CEL does: numbers by numeric value across `int` and
/// `double`, strings by code point, values of different types unequal.
enum CELOperations {
    /// The result of comparing two values.
    enum Ordering {
        case less, equal, greater
        /// A NaN is involved: every ordering test is false.
        case unordered
        /// The types have no common ordering: an error.
        case incomparable
    }

    // MARK: - Equality

    /// Whether two values are equal: numbers by value, lists element-wise, maps by keys and
    /// values, objects by ``CELObject/isEqual(to:)``; values of different types are unequal.
    static func equals(_ a: CELValue, _ b: CELValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.int(let x), .double(let y)): return compare(x, y) == .equal
        case (.double(let x), .int(let y)): return compare(y, x) == .equal
        case (.string(let x), .string(let y)): return stringEquals(x, y)
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for (l, r) in zip(x, y) where !equals(l, r) { return false }
            return true
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for key in x.keys {
                guard let l = x[key], let r = y[key], equals(l, r) else { return false }
            }
            return true
        case (.object(let x), .object(let y)): return x.isEqual(to: y)
        default: return false
        }
    }

    /// Code-point equality (no Unicode normalization, as cel-spec requires).
    static func stringEquals(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var x = a
        var y = b
        return x.withUTF8 { px in y.withUTF8 { py in px.elementsEqual(py) } }
    }

    // MARK: - Ordering

    /// Compares an int with a double exactly (no rounding of large ints).
    static func compare(_ i: Int64, _ d: Double) -> Ordering {
        if d.isNaN { return .unordered }
        if d >= 9_223_372_036_854_775_808.0 { return .less }
        if d < -9_223_372_036_854_775_808.0 { return .greater }
        let floor = d.rounded(.down)
        let f = Int64(floor)
        if i < f { return .less }
        if i > f { return .greater }
        return d > floor ? .less : .equal
    }

    private static func order<T: Comparable>(_ x: T, _ y: T) -> Ordering {
        x < y ? .less : (x == y ? .equal : .greater)
    }

    /// Orders two values of the same (or both numeric) type.
    static func compare(_ a: CELValue, _ b: CELValue) -> Ordering {
        switch (a, b) {
        case (.int(let x), .int(let y)): return order(x, y)
        case (.double(let x), .double(let y)): return x.isNaN || y.isNaN ? .unordered : order(x, y)
        case (.int(let x), .double(let y)): return compare(x, y)
        case (.double(let x), .int(let y)):
            switch compare(y, x) {
            case .less: return .greater
            case .greater: return .less
            case let other: return other
            }
        case (.bool(let x), .bool(let y)): return x == y ? .equal : (x ? .greater : .less)
        case (.string(let x), .string(let y)):
            if stringEquals(x, y) { return .equal }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? .less : .greater
        case (.bytes(let x), .bytes(let y)):
            if x == y { return .equal }
            return x.lexicographicallyPrecedes(y) ? .less : .greater
        case (.timestamp(let x), .timestamp(let y)), (.duration(let x), .duration(let y)): return order(x, y)
        default: return .incomparable
        }
    }

    // MARK: - Operators

    static func overflow(_ what: String) -> CELValue {
        .error(CELEvaluationError(.overflow, "\(what) overflows"))
    }

    static func noOverload(_ op: String, _ a: CELValue, _ b: CELValue) -> CELValue {
        .error(CELEvaluationError(.noMatchingOverload, "'\(op)' cannot be applied to \(a.typeName) and \(b.typeName)"))
    }

    static func timestamp(_ seconds: Int64, overflow: Bool) -> CELValue {
        guard !overflow, seconds >= CELTime.minTimestamp, seconds <= CELTime.maxTimestamp else {
            return .error(CELEvaluationError(.overflow, "the timestamp is outside the years 0001 to 9999"))
        }
        return .timestamp(seconds: seconds)
    }

    static func duration(_ seconds: Int64, overflow: Bool) -> CELValue {
        guard !overflow, seconds >= -CELTime.maxDuration, seconds <= CELTime.maxDuration else {
            return .error(CELEvaluationError(.overflow, "the duration is longer than 10,000 years"))
        }
        return .duration(seconds: seconds)
    }

    /// Applies a binary operator to two values that are not errors. `cost` grows by the size of
    /// the work (bytes concatenated, elements compared).
    static func apply(_ op: CELBinaryOperator, _ a: CELValue, _ b: CELValue, cost: inout Int) -> CELValue {
        switch op {
        case .equal, .notEqual:
            cost += min(size(a), size(b))
            return .bool(equals(a, b) == (op == .equal))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            cost += min(size(a), size(b))
            let ordering = compare(a, b)
            switch (ordering, op) {
            case (.incomparable, _): return noOverload(op.rawValue, a, b)
            case (.unordered, _): return .bool(false)
            case (.less, .less), (.less, .lessOrEqual), (.equal, .lessOrEqual), (.equal, .greaterOrEqual),
                (.greater, .greater), (.greater, .greaterOrEqual):
                return .bool(true)
            default: return .bool(false)
            }
        case .in:
            switch b {
            case .list(let items):
                cost += items.count * max(1, size(a))
                for item in items where equals(a, item) { return .bool(true) }
                return .bool(false)
            case .map(let map):
                guard let key = CELMapKey(a) else { return .bool(false) }
                return .bool(map[key] != nil)
            default:
                return .error(CELEvaluationError(.noMatchingOverload, "'in' needs a list or a map on its right, not \(b.typeName)"))
            }
        case .add:
            switch (a, b) {
            case (.int(let x), .int(let y)):
                let (r, o) = x.addingReportingOverflow(y)
                return o ? overflow("\(x) + \(y)") : .int(r)
            case (.double(let x), .double(let y)): return .double(x + y)
            case (.string(let x), .string(let y)):
                cost += x.utf8.count + y.utf8.count
                return .string(x + y)
            case (.bytes(let x), .bytes(let y)):
                cost += x.count + y.count
                return .bytes(x + y)
            case (.list(let x), .list(let y)):
                cost += x.count + y.count
                return .list(x + y)
            case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
                let (r, o) = t.addingReportingOverflow(d)
                return timestamp(r, overflow: o)
            case (.duration(let x), .duration(let y)):
                let (r, o) = x.addingReportingOverflow(y)
                return duration(r, overflow: o)
            default: return noOverload("+", a, b)
            }
        case .subtract:
            switch (a, b) {
            case (.int(let x), .int(let y)):
                let (r, o) = x.subtractingReportingOverflow(y)
                return o ? overflow("\(x) - \(y)") : .int(r)
            case (.double(let x), .double(let y)): return .double(x - y)
            case (.timestamp(let x), .timestamp(let y)):
                let (r, o) = x.subtractingReportingOverflow(y)
                return duration(r, overflow: o)
            case (.timestamp(let t), .duration(let d)):
                let (r, o) = t.subtractingReportingOverflow(d)
                return timestamp(r, overflow: o)
            case (.duration(let x), .duration(let y)):
                let (r, o) = x.subtractingReportingOverflow(y)
                return duration(r, overflow: o)
            default: return noOverload("-", a, b)
            }
        case .multiply:
            switch (a, b) {
            case (.int(let x), .int(let y)):
                let (r, o) = x.multipliedReportingOverflow(by: y)
                return o ? overflow("\(x) * \(y)") : .int(r)
            case (.double(let x), .double(let y)): return .double(x * y)
            default: return noOverload("*", a, b)
            }
        case .divide:
            switch (a, b) {
            case (.int(let x), .int(let y)):
                guard y != 0 else { return .error(CELEvaluationError(.divisionByZero, "\(x) / 0 divides by zero")) }
                let (r, o) = x.dividedReportingOverflow(by: y)
                return o ? overflow("\(x) / \(y)") : .int(r)
            case (.double(let x), .double(let y)): return .double(x / y)
            default: return noOverload("/", a, b)
            }
        case .remainder:
            switch (a, b) {
            case (.int(let x), .int(let y)):
                guard y != 0 else { return .error(CELEvaluationError(.divisionByZero, "\(x) % 0 divides by zero")) }
                let (r, o) = x.remainderReportingOverflow(dividingBy: y)
                return o ? overflow("\(x) % \(y)") : .int(r)
            default: return noOverload("%", a, b)
            }
        }
    }

    /// `-x`.
    static func negate(_ v: CELValue) -> CELValue {
        switch v {
        case .int(let x):
            let (r, o) = Int64(0).subtractingReportingOverflow(x)
            return o ? overflow("-(\(x))") : .int(r)
        case .double(let x): return .double(-x)
        case .error: return v
        default: return .error(CELEvaluationError(.noMatchingOverload, "'-' cannot be applied to \(v.typeName)"))
        }
    }

    /// `!x`.
    static func not(_ v: CELValue) -> CELValue {
        switch v {
        case .bool(let b): return .bool(!b)
        case .error: return v
        default: return .error(CELEvaluationError(.noMatchingOverload, "'!' cannot be applied to \(v.typeName)"))
        }
    }

    /// The abstract size of a value for cost accounting: bytes of strings and bytes, elements of
    /// lists and maps, 0 for the rest.
    static func size(_ v: CELValue) -> Int {
        switch v {
        case .string(let s): return s.utf8.count
        case .bytes(let b): return b.count
        case .list(let l): return l.count
        case .map(let m): return m.count
        default: return 0
        }
    }
}
