extension CELFunction {
    /// The functions every environment has (cel-spec's standard definitions, less `uint` and
    /// `type`, plus a few of cel-go's string extensions and certlint's `days()` and `inDays()`):
    ///
    /// | function | forms |
    /// |---|---|
    /// | `size` | `size(x)` and `x.size()` for string (code points), bytes, list, map |
    /// | `contains`, `startsWith`, `endsWith` | `string.f(string) -> bool` |
    /// | `matches` | `string.matches(regex)`, `matches(string, regex)`; RE2 syntax, unanchored |
    /// | `lowerAscii`, `upperAscii`, `trim` | `string.f() -> string` |
    /// | `split` | `string.split(separator) -> list(string)`; an empty separator splits into characters |
    /// | `replace` | `string.replace(old, new) -> string`, every occurrence |
    /// | `join` | `list(string).join()`, `list(string).join(separator)` |
    /// | `int` | from int, double (truncated; out of range is an error), string, timestamp (Unix seconds) |
    /// | `double` | from double, int, string |
    /// | `string` | from string, int, double, bool, bytes (UTF-8), timestamp (RFC 3339), duration (`"60s"`) |
    /// | `bytes` | from bytes, string (UTF-8) |
    /// | `bool` | from bool, string (`true`, `false`, `1`, `0`, `t`, `f`, any case of `true`/`false`) |
    /// | `dyn` | `dyn(x)`: `x` unchanged, typed `dyn` for the checker |
    /// | `timestamp` | from an RFC 3339 string, a timestamp, Unix seconds |
    /// | `duration` | from a string such as `"720h"` or `"1h30m"`, a duration |
    /// | `days` | `days(int) -> duration` (certlint) |
    /// | duration methods | `inDays()` (certlint), `getHours()`, `getMinutes()`, `getSeconds()`: whole units, truncated |
    /// | timestamp methods | `getFullYear()`, `getMonth()` (0–11), `getDate()` (1–31), `getDayOfMonth()` (0–30), `getDayOfWeek()` (0 = Sunday), `getDayOfYear()` (0–365), `getHours()`, `getMinutes()`, `getSeconds()`; all in UTC |
    public static let standardLibrary: [CELFunction] = {
        var functions: [CELFunction] = []
        func add(_ name: String, method: Bool, _ parameters: [CELType], _ result: CELType, _ body: @escaping @Sendable ([CELValue]) -> CELValue?) {
            let arity = parameters.count
            functions.append(CELFunction(name, isMethod: method, parameters: parameters, result: result) { args in
                guard args.count == arity else { return CELFunction.mismatch(name, args) }
                return body(args) ?? CELFunction.mismatch(name, args)
            })
        }
        @Sendable func fail(_ code: CELEvaluationError.Code, _ message: String) -> CELValue { .error(CELEvaluationError(code, message)) }

        // size
        for method in [false, true] {
            add("size", method: method, [.string], .int) { a in
                if case .string(let s) = a[0] { return .int(Int64(s.unicodeScalars.count)) } else { return nil }
            }
            add("size", method: method, [.bytes], .int) { a in
                if case .bytes(let b) = a[0] { return .int(Int64(b.count)) } else { return nil }
            }
            add("size", method: method, [.list(.dyn)], .int) { a in
                if case .list(let l) = a[0] { return .int(Int64(l.count)) } else { return nil }
            }
            add("size", method: method, [.map(key: .dyn, value: .dyn)], .int) { a in
                if case .map(let m) = a[0] { return .int(Int64(m.count)) } else { return nil }
            }
        }

        // Strings.
        add("contains", method: true, [.string, .string], .bool) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return nil }
            return .bool(Strings.find(t, in: s) != nil)
        }
        add("startsWith", method: true, [.string, .string], .bool) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return nil }
            return .bool(s.utf8.starts(with: t.utf8))
        }
        add("endsWith", method: true, [.string, .string], .bool) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return nil }
            return .bool(s.utf8.count >= t.utf8.count && s.utf8.suffix(t.utf8.count).elementsEqual(t.utf8))
        }
        for method in [true, false] {
            var matches = CELFunction("matches", isMethod: method, parameters: [.string, .string], result: .bool) { a in
                guard a.count == 2, case .string(let s) = a[0], case .string(let pattern) = a[1] else { return CELFunction.mismatch("matches", a) }
                let regex: CELRegex
                switch CELRegex.compile(pattern) {
                case .success(let compiled): regex = compiled
                case .failure(let error):
                    return .error(CELEvaluationError(.invalidArgument, "the regular expression \(CELValue.quoted(pattern)) does not compile: \(error.message)"))
                }
                var steps = 0
                switch regex.matches(s, budget: CELProgram.defaultCostLimit, steps: &steps) {
                case .matched: return .bool(true)
                case .notMatched: return .bool(false)
                case .budgetExceeded: return .error(CELEvaluationError(.costLimitExceeded, "matching the regular expression took too many steps"))
                }
            }
            matches.builtin = .matches
            functions.append(matches)
        }
        add("lowerAscii", method: true, [.string], .string) { a in
            guard case .string(let s) = a[0] else { return nil }
            return .string(String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self))
        }
        add("upperAscii", method: true, [.string], .string) { a in
            guard case .string(let s) = a[0] else { return nil }
            return .string(String(decoding: s.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }, as: UTF8.self))
        }
        add("trim", method: true, [.string], .string) { a in
            guard case .string(let s) = a[0] else { return nil }
            var scalars = Substring(s).unicodeScalars[...]
            while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            return .string(String(scalars))
        }
        add("split", method: true, [.string, .string], .list(.string)) { a in
            guard case .string(let s) = a[0], case .string(let separator) = a[1] else { return nil }
            return .list(Strings.split(s, by: separator).map { .string($0) })
        }
        add("replace", method: true, [.string, .string, .string], .string) { a in
            guard case .string(let s) = a[0], case .string(let old) = a[1], case .string(let new) = a[2] else { return nil }
            guard !old.isEmpty else { return fail(.invalidArgument, "replace() needs a non-empty string to replace") }
            return .string(Strings.split(s, by: old).joined(separator: new))
        }
        add("join", method: true, [.list(.string)], .string) { a in
            guard case .list(let items) = a[0] else { return nil }
            return Strings.join(items, separator: "")
        }
        add("join", method: true, [.list(.string), .string], .string) { a in
            guard case .list(let items) = a[0], case .string(let separator) = a[1] else { return nil }
            return Strings.join(items, separator: separator)
        }

        // Conversions.
        add("int", method: false, [.int], .int) { a in a[0] }
        add("int", method: false, [.double], .int) { a in
            guard case .double(let d) = a[0] else { return nil }
            guard d.isFinite, d > -9_223_372_036_854_775_809.0, d < 9_223_372_036_854_775_808.0 else {
                return fail(.overflow, "int(\(CELValue.format(d))) is out of the range of int")
            }
            return .int(Int64(d.rounded(.towardZero)))
        }
        add("int", method: false, [.string], .int) { a in
            guard case .string(let s) = a[0] else { return nil }
            guard let i = Int64(s) else { return fail(.invalidArgument, "int(\(CELValue.quoted(s))): the string is not an integer") }
            return .int(i)
        }
        add("int", method: false, [.timestamp], .int) { a in
            guard case .timestamp(let t) = a[0] else { return nil }
            return .int(t)
        }
        add("double", method: false, [.double], .double) { a in a[0] }
        add("double", method: false, [.int], .double) { a in
            guard case .int(let i) = a[0] else { return nil }
            return .double(Double(i))
        }
        add("double", method: false, [.string], .double) { a in
            guard case .string(let s) = a[0] else { return nil }
            guard let d = Double(s) else { return fail(.invalidArgument, "double(\(CELValue.quoted(s))): the string is not a number") }
            return .double(d)
        }
        for type in [CELType.string, .int, .double, .bool, .timestamp, .duration] {
            add("string", method: false, [type], .string) { a in
                switch a[0] {
                case .string, .int, .double, .bool, .timestamp, .duration: return .string(a[0].messageText)
                default: return nil
                }
            }
        }
        add("string", method: false, [.bytes], .string) { a in
            guard case .bytes(let b) = a[0] else { return nil }
            guard let s = String(validating: b, as: UTF8.self) else { return fail(.invalidArgument, "string(bytes): the bytes are not valid UTF-8") }
            return .string(s)
        }
        add("bytes", method: false, [.bytes], .bytes) { a in a[0] }
        add("bytes", method: false, [.string], .bytes) { a in
            guard case .string(let s) = a[0] else { return nil }
            return .bytes(Array(s.utf8))
        }
        add("bool", method: false, [.bool], .bool) { a in a[0] }
        add("bool", method: false, [.string], .bool) { a in
            guard case .string(let s) = a[0] else { return nil }
            switch s {
            case "1", "t", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "false", "FALSE", "False": return .bool(false)
            default: return fail(.invalidArgument, "bool(\(CELValue.quoted(s))): the string is not a bool")
            }
        }
        add("dyn", method: false, [.dyn], .dyn) { a in a[0] }

        // Timestamps and durations.
        var timestamp = CELFunction("timestamp", parameters: [.string], result: .timestamp) { a in
            guard a.count == 1, case .string(let s) = a[0] else { return CELFunction.mismatch("timestamp", a) }
            guard let t = CELTime.parseTimestamp(s) else {
                return .error(CELEvaluationError(.invalidArgument, "timestamp(\(CELValue.quoted(s))): the string is not an RFC 3339 time such as 2026-03-15T00:00:00Z"))
            }
            return .timestamp(seconds: t)
        }
        timestamp.builtin = .timestamp
        functions.append(timestamp)
        add("timestamp", method: false, [.timestamp], .timestamp) { a in a[0] }
        add("timestamp", method: false, [.int], .timestamp) { a in
            guard case .int(let i) = a[0] else { return nil }
            return CELOperations.timestamp(i, overflow: false)
        }
        var duration = CELFunction("duration", parameters: [.string], result: .duration) { a in
            guard a.count == 1, case .string(let s) = a[0] else { return CELFunction.mismatch("duration", a) }
            guard let d = CELTime.parseDuration(s) else {
                return .error(CELEvaluationError(.invalidArgument, "duration(\(CELValue.quoted(s))): the string is not a duration such as \"720h\" or \"1h30m\""))
            }
            return .duration(seconds: d)
        }
        duration.builtin = .duration
        functions.append(duration)
        add("duration", method: false, [.duration], .duration) { a in a[0] }
        add("days", method: false, [.int], .duration) { a in
            guard case .int(let n) = a[0] else { return nil }
            let (seconds, o) = n.multipliedReportingOverflow(by: 86_400)
            return CELOperations.duration(seconds, overflow: o)
        }
        let durationGetters: [(String, Int64)] = [("inDays", 86_400), ("getHours", 3600), ("getMinutes", 60), ("getSeconds", 1)]
        for (name, unit) in durationGetters {
            add(name, method: true, [.duration], .int) { a in
                guard case .duration(let d) = a[0] else { return nil }
                return .int(d / unit)
            }
        }
        let timestampGetters: [(String, @Sendable (Int64) -> Int64)] = [
            ("getFullYear", { CELTime.components(of: $0).year }),
            ("getMonth", { CELTime.components(of: $0).month - 1 }),
            ("getDate", { CELTime.components(of: $0).day }),
            ("getDayOfMonth", { CELTime.components(of: $0).day - 1 }),
            ("getDayOfWeek", { CELTime.components(of: $0).dayOfWeek }),
            ("getDayOfYear", { CELTime.components(of: $0).dayOfYear }),
            ("getHours", { CELTime.components(of: $0).hour }),
            ("getMinutes", { CELTime.components(of: $0).minute }),
            ("getSeconds", { CELTime.components(of: $0).second }),
        ]
        for (name, getter) in timestampGetters {
            add(name, method: true, [.timestamp], .int) { a in
                guard case .timestamp(let t) = a[0] else { return nil }
                return .int(getter(t))
            }
        }
        return functions
    }()
}

/// Byte-level string helpers: UTF-8 substrings match exactly when code-point substrings do.
enum Strings {
    /// The byte offset of the first occurrence of `needle` in `haystack`.
    static func find(_ needle: String, in haystack: String, from start: Int = 0) -> Int? {
        var h = haystack
        var n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb -> Int? in
                if nb.isEmpty { return start <= hb.count ? start : nil }
                guard hb.count >= nb.count, start <= hb.count - nb.count else { return nil }
                let first = nb[0]
                var i = start
                let last = hb.count - nb.count
                while i <= last {
                    if hb[i] == first {
                        var k = 1
                        while k < nb.count, hb[i + k] == nb[k] { k += 1 }
                        if k == nb.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// Splits on every occurrence of a non-empty separator; an empty one splits into scalars.
    static func split(_ s: String, by separator: String) -> [String] {
        if separator.isEmpty { return s.unicodeScalars.map { String($0) } }
        let bytes = Array(s.utf8)
        var parts: [String] = []
        var start = 0
        while let found = find(separator, in: s, from: start) {
            parts.append(String(decoding: bytes[start..<found], as: UTF8.self))
            start = found + separator.utf8.count
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Joins a list that must hold strings.
    static func join(_ items: [CELValue], separator: String) -> CELValue {
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else {
                return .error(CELEvaluationError(.noMatchingOverload, "join() needs a list of strings, but it holds a \(item.typeName)"))
            }
            parts.append(s)
        }
        return .string(parts.joined(separator: separator))
    }
}
