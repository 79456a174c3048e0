/// The regular expressions of `matches()`: a subset of RE2's syntax, run by an NFA simulation so
/// that matching takes time linear in the input (never exponential backtracking) and every step
/// is counted against the evaluation's cost limit.
///
/// Supported: literals and escaped punctuation, `.`, `[…]` classes with ranges, negation, Perl
/// classes (`\d \w \s` and their negations) and POSIX classes (`[[:alpha:]]`), `\t \n \r \f \v
/// \a \xHH \x{H…}`, `\Q…\E`, anchors `^ $ \A \z \b \B`, groups `(…)`, `(?:…)`, `(?P<name>…)`,
/// `(?<name>…)`, flags `(?i)`, `(?s)`, `(?m)`, `(?U)` (alone or scoped, `(?i:…)`), alternation,
/// and the quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy, which a yes/no match ignores).
/// Like RE2, backreferences and lookaround are errors. A match succeeds if it matches any
/// substring; anchor the pattern for a whole-string match.
struct CELRegex: Sendable {
    /// Why a pattern does not compile.
    struct ParseError: Error, Sendable {
        /// A whole sentence.
        var message: String
    }

    /// The largest program a pattern may compile to.
    static let maxInstructions = 20_000
    /// The largest `{n,m}` bound, as in RE2.
    static let maxRepeat = 1000
    /// The deepest nesting of groups.
    static let maxNesting = 100

    enum Assertion: Sendable {
        case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary
    }

    enum Instruction: Sendable {
        case scalar(Unicode.Scalar, fold: Bool)
        case any(dotAll: Bool)
        case set([ClosedRange<UInt32>], negated: Bool, fold: Bool)
        case split(Int, Int)
        case jump(Int)
        case assert(Assertion)
        case match
    }

    private indirect enum Node {
        case empty
        case scalar(Unicode.Scalar, fold: Bool)
        case any(dotAll: Bool)
        case set([ClosedRange<UInt32>], negated: Bool, fold: Bool)
        case assert(Assertion)
        case concat([Node])
        case alternate([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    private struct Flags {
        var caseInsensitive = false
        var dotAll = false
        var multiLine = false
    }

    let program: [Instruction]

    /// Compiles a pattern.
    init(_ pattern: String) throws(ParseError) {
        var parser = Parser(pattern: Array(pattern.unicodeScalars))
        var flags = Flags()
        let node = try parser.parseAlternation(&flags, depth: 0)
        if parser.position < parser.pattern.count {
            throw ParseError(message: "unexpected ')'")
        }
        var compiler = Compiler()
        try compiler.emit(node)
        try compiler.append(.match)
        program = compiler.program
    }

    /// Compiles a pattern, as a result.
    static func compile(_ pattern: String) -> Result<CELRegex, ParseError> {
        do throws(ParseError) {
            return .success(try CELRegex(pattern))
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Matching

    /// The outcome of a match under a step budget.
    enum Outcome: Equatable, Sendable {
        case matched, notMatched, budgetExceeded
    }

    /// Whether the pattern matches some substring of `input`, taking at most `budget` steps;
    /// `steps` is set to the steps taken.
    func matches(_ input: String, budget: Int, steps: inout Int) -> Outcome {
        let text = Array(input.unicodeScalars)
        let count = program.count
        var current = SparseSet(capacity: count)
        var next = SparseSet(capacity: count)
        var stack: [Int] = []
        steps = 0

        func isWord(_ s: Unicode.Scalar?) -> Bool {
            guard let s, s.isASCII else { return false }
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        func holds(_ a: Assertion, at position: Int) -> Bool {
            let before: Unicode.Scalar? = position > 0 ? text[position - 1] : nil
            let after: Unicode.Scalar? = position < text.count ? text[position] : nil
            switch a {
            case .beginText: return position == 0
            case .endText: return position == text.count
            case .beginLine: return position == 0 || before == "\n"
            case .endLine: return position == text.count || after == "\n"
            case .wordBoundary: return isWord(before) != isWord(after)
            case .notWordBoundary: return isWord(before) == isWord(after)
            }
        }
        // Adds the thread at `pc` and everything reachable from it without consuming input.
        func add(_ list: inout SparseSet, _ pc: Int, at position: Int, steps: inout Int) {
            stack.append(pc)
            while let top = stack.popLast() {
                guard !list.contains(top) else { continue }
                list.insert(top)
                steps += 1
                switch program[top] {
                case .jump(let target):
                    stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .assert(let a):
                    if holds(a, at: position) { stack.append(top + 1) }
                default:
                    break
                }
            }
        }

        for position in 0...text.count {
            add(&current, 0, at: position, steps: &steps)
            if steps > budget { return .budgetExceeded }
            let scalar: Unicode.Scalar? = position < text.count ? text[position] : nil
            for pc in current.dense {
                steps += 1
                switch program[pc] {
                case .match:
                    return .matched
                case .scalar(let s, let fold):
                    if let scalar, scalar == s || (fold && Self.foldEqual(scalar, s)) {
                        add(&next, pc + 1, at: position + 1, steps: &steps)
                    }
                case .any(let dotAll):
                    if let scalar, dotAll || scalar != "\n" { add(&next, pc + 1, at: position + 1, steps: &steps) }
                case .set(let ranges, let negated, let fold):
                    if let scalar, Self.setContains(ranges, scalar, fold: fold) != negated {
                        add(&next, pc + 1, at: position + 1, steps: &steps)
                    }
                default:
                    break
                }
            }
            if steps > budget { return .budgetExceeded }
            swap(&current, &next)
            next.removeAll()
        }
        return .notMatched
    }

    private static func setContains(_ ranges: [ClosedRange<UInt32>], _ s: Unicode.Scalar, fold: Bool) -> Bool {
        if ranges.contains(where: { $0.contains(s.value) }) { return true }
        guard fold else { return false }
        for variant in caseVariants(s) where ranges.contains(where: { $0.contains(variant.value) }) { return true }
        return false
    }

    private static func foldEqual(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        caseVariants(a).contains(b)
    }

    /// The simple upper- and lower-case forms of a scalar.
    private static func caseVariants(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        if s.isASCII {
            let v = s.value
            if v >= 0x41 && v <= 0x5A { return [Unicode.Scalar(UInt8(v + 32))] }
            if v >= 0x61 && v <= 0x7A { return [Unicode.Scalar(UInt8(v - 32))] }
            return []
        }
        var out: [Unicode.Scalar] = []
        for mapping in [s.properties.lowercaseMapping, s.properties.uppercaseMapping] {
            let scalars = mapping.unicodeScalars
            if scalars.count == 1, let only = scalars.first, only != s { out.append(only) }
        }
        return out
    }

    /// A set of program counters with O(1) insert, lookup and clear, in insertion order.
    private struct SparseSet {
        var dense: [Int] = []
        var sparse: [Int]

        init(capacity: Int) {
            sparse = Array(repeating: 0, count: capacity)
            dense.reserveCapacity(capacity)
        }

        func contains(_ v: Int) -> Bool {
            let i = sparse[v]
            return i < dense.count && dense[i] == v
        }

        mutating func insert(_ v: Int) {
            sparse[v] = dense.count
            dense.append(v)
        }

        mutating func removeAll() { dense.removeAll(keepingCapacity: true) }
    }

    // MARK: - Compiling

    private struct Compiler {
        var program: [Instruction] = []

        mutating func append(_ instruction: Instruction) throws(ParseError) {
            guard program.count < CELRegex.maxInstructions else {
                throw ParseError(message: "the regular expression is too large (more than \(CELRegex.maxInstructions) instructions once repetitions are expanded)")
            }
            program.append(instruction)
        }

        mutating func emit(_ node: Node) throws(ParseError) {
            switch node {
            case .empty:
                break
            case .scalar(let s, let fold):
                try append(.scalar(s, fold: fold))
            case .any(let dotAll):
                try append(.any(dotAll: dotAll))
            case .set(let ranges, let negated, let fold):
                try append(.set(ranges, negated: negated, fold: fold))
            case .assert(let a):
                try append(.assert(a))
            case .concat(let items):
                for item in items { try emit(item) }
            case .alternate(let branches):
                var jumpsToEnd: [Int] = []
                for (index, branch) in branches.enumerated() {
                    if index < branches.count - 1 {
                        let split = program.count
                        try append(.split(split + 1, -1))
                        try emit(branch)
                        jumpsToEnd.append(program.count)
                        try append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        try emit(branch)
                    }
                }
                for j in jumpsToEnd { program[j] = .jump(program.count) }
            case .repeated(let inner, let min, let max):
                for _ in 0..<min { try emit(inner) }
                if let max {
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        try append(.split(program.count + 1, -1))
                        try emit(inner)
                    }
                    for s in splits { program[s] = .split(s + 1, program.count) }
                } else {
                    let loop = program.count
                    try append(.split(loop + 1, -1))
                    try emit(inner)
                    try append(.jump(loop))
                    program[loop] = .split(loop + 1, program.count)
                }
            }
        }
    }

    // MARK: - Parsing

    private struct Parser {
        let pattern: [Unicode.Scalar]
        var position = 0

        init(pattern: [Unicode.Scalar]) { self.pattern = pattern }

        var atEnd: Bool { position >= pattern.count }
        func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
            position + ahead < pattern.count ? pattern[position + ahead] : nil
        }

        mutating func parseAlternation(_ flags: inout Flags, depth: Int) throws(ParseError) -> Node {
            guard depth <= CELRegex.maxNesting else {
                throw ParseError(message: "the regular expression nests groups more than \(CELRegex.maxNesting) deep")
            }
            var branches: [Node] = [try parseConcatenation(&flags, depth: depth)]
            while peek() == "|" {
                position += 1
                branches.append(try parseConcatenation(&flags, depth: depth))
            }
            return branches.count == 1 ? branches[0] : .alternate(branches)
        }

        mutating func parseConcatenation(_ flags: inout Flags, depth: Int) throws(ParseError) -> Node {
            var items: [Node] = []
            while let c = peek(), c != "|", c != ")" {
                if c == "*" || c == "+" || c == "?" {
                    throw ParseError(message: "missing argument to repetition operator '\(c)'")
                }
                if c == "(", peek(1) == "?", let kind = peek(2), kind != ":", kind != "P", kind != "<" {
                    // A flag group: (?flags) changes the rest of this group; (?flags:re) scopes them.
                    position += 2
                    var scoped = flags
                    let closesGroup = try parseFlags(&scoped)
                    if closesGroup {
                        flags = scoped
                        continue
                    }
                    let inner = try parseAlternation(&scoped, depth: depth + 1)
                    guard peek() == ")" else { throw ParseError(message: "missing ')' to close a group") }
                    position += 1
                    items.append(try parseQuantifiers(inner))
                    continue
                }
                let atom = try parseAtom(&flags, depth: depth)
                items.append(try parseQuantifiers(atom))
            }
            return items.count == 1 ? items[0] : .concat(items)
        }

        /// Parses the flags after `(?`; returns true for `(?flags)`, false for `(?flags:`.
        mutating func parseFlags(_ flags: inout Flags) throws(ParseError) -> Bool {
            var negate = false
            var sawFlag = false
            while let c = peek() {
                position += 1
                switch c {
                case "i":
                    flags.caseInsensitive = !negate
                    sawFlag = true
                case "s":
                    flags.dotAll = !negate
                    sawFlag = true
                case "m":
                    flags.multiLine = !negate
                    sawFlag = true
                case "U": sawFlag = true
                case "-":
                    guard !negate else { throw ParseError(message: "invalid flags in a '(?…)' group") }
                    negate = true
                    sawFlag = false
                case ")", ":":
                    guard sawFlag else {
                        throw ParseError(message: "invalid or unsupported '(?…)' group (lookaround and other Perl groups are not supported)")
                    }
                    return c == ")"
                default:
                    throw ParseError(message: "invalid or unsupported '(?\(c)…' group (lookaround and other Perl groups are not supported)")
                }
            }
            throw ParseError(message: "missing ')' to close a group")
        }

        mutating func parseQuantifiers(_ atom: Node) throws(ParseError) -> Node {
            var node = atom
            var quantified = false
            while let c = peek() {
                var minimum = 0
                var maximum: Int? = nil
                if c == "*" {
                    position += 1
                } else if c == "+" {
                    minimum = 1
                    position += 1
                } else if c == "?" {
                    maximum = 1
                    position += 1
                } else if c == "{", let bounds = try parseBounds() {
                    (minimum, maximum) = bounds
                } else {
                    break
                }
                if quantified { throw ParseError(message: "bad repetition operator: a quantifier follows another") }
                quantified = true
                if peek() == "?" { position += 1 }  // lazy: the same for a yes/no match
                node = .repeated(node, min: minimum, max: maximum)
            }
            return node
        }

        /// `{n}`, `{n,}`, `{n,m}`; `nil` (consuming nothing) when the brace is a literal.
        mutating func parseBounds() throws(ParseError) -> (Int, Int?)? {
            var i = position + 1
            func number() -> Int? {
                var value = 0
                let start = i
                while i < pattern.count, pattern[i].value >= 0x30, pattern[i].value <= 0x39 {
                    value = min(value * 10 + Int(pattern[i].value - 0x30), 100_000)
                    i += 1
                }
                return i > start ? value : nil
            }
            guard let low = number() else { return nil }
            var high: Int? = low
            if i < pattern.count, pattern[i] == "," {
                i += 1
                high = number()
            }
            guard i < pattern.count, pattern[i] == "}" else { return nil }
            position = i + 1
            if low > CELRegex.maxRepeat || (high ?? 0) > CELRegex.maxRepeat {
                throw ParseError(message: "bad repetition operator: counts above \(CELRegex.maxRepeat) are not allowed")
            }
            if let high, high < low { throw ParseError(message: "bad repetition operator: {\(low),\(high)} has its maximum below its minimum") }
            return (low, high)
        }

        mutating func parseAtom(_ flags: inout Flags, depth: Int) throws(ParseError) -> Node {
            guard let c = peek() else { return .empty }
            position += 1
            switch c {
            case "(":
                if peek() == "?" {
                    if peek(1) == ":" {
                        position += 2
                    } else if peek(1) == "P", peek(2) == "<" {
                        position += 3
                        try parseGroupName()
                    } else if peek(1) == "<" {
                        if peek(2) == "=" || peek(2) == "!" {
                            throw ParseError(message: "lookbehind groups are not supported")
                        }
                        position += 2
                        try parseGroupName()
                    } else {
                        throw ParseError(message: "invalid or unsupported '(?' group")
                    }
                }
                var inner = flags
                let node = try parseAlternation(&inner, depth: depth + 1)
                guard peek() == ")" else { throw ParseError(message: "missing ')' to close a group") }
                position += 1
                return node
            case ".":
                return .any(dotAll: flags.dotAll)
            case "^":
                return .assert(flags.multiLine ? .beginLine : .beginText)
            case "$":
                return .assert(flags.multiLine ? .endLine : .endText)
            case "[":
                return try parseClass(flags)
            case "\\":
                return try parseEscape(flags)
            default:
                return .scalar(c, fold: flags.caseInsensitive && c.properties.changesWhenCaseMapped)
            }
        }

        /// The `name>` of a named group (the name is not used: a yes/no match has no captures).
        mutating func parseGroupName() throws(ParseError) {
            var sawName = false
            while let n = peek(), n != ">" {
                guard n.isASCII, n.properties.isAlphabetic || n == "_" || ("0"..."9").contains(n) else {
                    throw ParseError(message: "invalid character in a group name")
                }
                sawName = true
                position += 1
            }
            guard sawName, peek() == ">" else { throw ParseError(message: "invalid named group") }
            position += 1
        }

        mutating func parseEscape(_ flags: Flags) throws(ParseError) -> Node {
            guard let c = peek() else { throw ParseError(message: "trailing '\\' at the end of the regular expression") }
            switch c {
            case "A":
                position += 1
                return .assert(.beginText)
            case "z":
                position += 1
                return .assert(.endText)
            case "b":
                position += 1
                return .assert(.wordBoundary)
            case "B":
                position += 1
                return .assert(.notWordBoundary)
            case "Q":
                position += 1
                var items: [Node] = []
                while let s = peek() {
                    if s == "\\", peek(1) == "E" {
                        position += 2
                        break
                    }
                    items.append(.scalar(s, fold: flags.caseInsensitive && s.properties.changesWhenCaseMapped))
                    position += 1
                }
                return .concat(items)
            default:
                let (ranges, negated) = try parseClassEscape()
                if ranges.count == 1, !negated, ranges[0].lowerBound == ranges[0].upperBound, let s = Unicode.Scalar(ranges[0].lowerBound) {
                    return .scalar(s, fold: flags.caseInsensitive && s.properties.changesWhenCaseMapped)
                }
                return .set(ranges, negated: negated, fold: flags.caseInsensitive)
            }
        }

        /// An escape that stands for a set of scalars (a single one for `\n`, `\.` …).
        mutating func parseClassEscape() throws(ParseError) -> ([ClosedRange<UInt32>], Bool) {
            guard let c = peek() else { throw ParseError(message: "trailing '\\' at the end of the regular expression") }
            position += 1
            func one(_ v: UInt32) -> ([ClosedRange<UInt32>], Bool) { ([v...v], false) }
            switch c {
            case "d": return (Self.digits, false)
            case "D": return (Self.digits, true)
            case "w": return (Self.word, false)
            case "W": return (Self.word, true)
            case "s": return (Self.space, false)
            case "S": return (Self.space, true)
            case "n": return one(0x0A)
            case "t": return one(0x09)
            case "r": return one(0x0D)
            case "f": return one(0x0C)
            case "v": return one(0x0B)
            case "a": return one(0x07)
            case "x":
                var value: UInt32 = 0
                if peek() == "{" {
                    position += 1
                    var digits = 0
                    while let h = peek(), h != "}" {
                        guard h.isASCII, let d = UInt32(String(h), radix: 16) else {
                            throw ParseError(message: "invalid hexadecimal escape")
                        }
                        value = value &* 16 &+ d
                        digits += 1
                        guard digits <= 8, value <= 0x10FFFF else { throw ParseError(message: "invalid hexadecimal escape") }
                        position += 1
                    }
                    guard digits > 0, peek() == "}" else { throw ParseError(message: "invalid hexadecimal escape") }
                    position += 1
                } else {
                    for _ in 0..<2 {
                        guard let h = peek(), h.isASCII, let d = UInt32(String(h), radix: 16) else {
                            throw ParseError(message: "invalid hexadecimal escape")
                        }
                        value = value * 16 + d
                        position += 1
                    }
                }
                guard Unicode.Scalar(value) != nil else { throw ParseError(message: "invalid hexadecimal escape") }
                return one(value)
            case "p", "P":
                throw ParseError(message: "Unicode classes such as \\p{…} are not supported")
            case "1"..."9":
                throw ParseError(message: "backreferences such as \\\(c) are not supported")
            case "0":
                throw ParseError(message: "octal escapes such as \\0 are not supported; use \\x")
            default:
                if c.isASCII, !c.properties.isAlphabetic, !("0"..."9").contains(c) {
                    return one(c.value)  // escaped punctuation stands for itself
                }
                throw ParseError(message: "invalid escape '\\\(c)'")
            }
        }

        static let digits: [ClosedRange<UInt32>] = [0x30...0x39]
        static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        static let space: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]

        static let posix: [String: [ClosedRange<UInt32>]] = [
            "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A], "alpha": [0x41...0x5A, 0x61...0x7A], "ascii": [0x00...0x7F],
            "blank": [0x09...0x09, 0x20...0x20], "cntrl": [0x00...0x1F, 0x7F...0x7F], "digit": [0x30...0x39],
            "graph": [0x21...0x7E], "lower": [0x61...0x7A], "print": [0x20...0x7E],
            "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E], "space": [0x09...0x0D, 0x20...0x20],
            "upper": [0x41...0x5A], "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
            "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
        ]

        /// The complement of a set of ranges over all scalars.
        static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
            var out: [ClosedRange<UInt32>] = []
            var next: UInt32 = 0
            for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
                if r.upperBound >= next { next = r.upperBound + 1 }
            }
            if next <= 0x10FFFF { out.append(next...0x10FFFF) }
            return out
        }

        mutating func parseClass(_ flags: Flags) throws(ParseError) -> Node {
            var negated = false
            if peek() == "^" {
                negated = true
                position += 1
            }
            var ranges: [ClosedRange<UInt32>] = []
            var first = true
            while true {
                guard let c = peek() else { throw ParseError(message: "missing ']' to close a character class") }
                if c == "]", !first {
                    position += 1
                    break
                }
                first = false
                if c == "[", peek(1) == ":" {
                    // [:name:] or [:^name:]
                    var j = position + 2
                    var negatedPosix = false
                    if j < pattern.count, pattern[j] == "^" {
                        negatedPosix = true
                        j += 1
                    }
                    var name = ""
                    while j < pattern.count, pattern[j] != ":" {
                        name.unicodeScalars.append(pattern[j])
                        j += 1
                    }
                    guard j + 1 < pattern.count, pattern[j + 1] == "]", let set = Self.posix[name] else {
                        throw ParseError(message: "invalid character class name '[:\(name):]'")
                    }
                    ranges += negatedPosix ? Self.complement(set) : set
                    position = j + 2
                    continue
                }
                var low: UInt32
                if c == "\\" {
                    position += 1
                    let (set, setNegated) = try parseClassEscape()
                    if setNegated || set.count != 1 || set[0].lowerBound != set[0].upperBound {
                        ranges += setNegated ? Self.complement(set) : set
                        continue
                    }
                    low = set[0].lowerBound
                } else {
                    low = c.value
                    position += 1
                }
                if peek() == "-", let after = peek(1), after != "]" {
                    position += 1
                    var high: UInt32
                    if after == "\\" {
                        position += 1
                        let (set, setNegated) = try parseClassEscape()
                        guard !setNegated, set.count == 1, set[0].lowerBound == set[0].upperBound else {
                            throw ParseError(message: "invalid character class range")
                        }
                        high = set[0].lowerBound
                    } else {
                        high = after.value
                        position += 1
                    }
                    guard low <= high else { throw ParseError(message: "invalid character class range: its end comes before its start") }
                    ranges.append(low...high)
                } else {
                    ranges.append(low...low)
                }
            }
            return .set(ranges, negated: negated, fold: flags.caseInsensitive)
        }
    }
}
