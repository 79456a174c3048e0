import CertLintCore
/// Builds expression values from rule-file data: parameter defaults (whose types they fix) and
/// examples' facts (over the schema's empty values, so an example names only what matters).
enum FactValues {
    struct Failure: Error {
        let position: FilePosition
        let message: String
    }

    /// Why a parameter default is not usable.
    struct InferenceFailure: Error {
        let message: String
    }

    /// A parameter default and the type it gives the parameter.
    static func inferred(_ node: PolicyNode) -> Result<(CELValue, CELType), InferenceFailure> {
        switch node.value {
        case .bool(let b): return .success((.bool(b), .bool))
        case .int(let i): return .success((.int(i), .int))
        case .double(let d): return .success((.double(d), .double))
        case .string(let s): return .success((.string(s), .string))
        case .list(let items):
            if items.allSatisfy({ $0.string != nil }) { return .success((.list(items.compactMap(\.string).map(CELValue.string)), .list(.string))) }
            if items.allSatisfy({ if case .int = $0.value { return true } else { return false } }) {
                return .success((.list(items.compactMap { if case .int(let i) = $0.value { return CELValue.int(i) } else { return nil } }), .list(.int)))
            }
            return .failure(InferenceFailure(message: "a list default must hold only strings or only integers."))
        case .null: return .failure(InferenceFailure(message: "a parameter needs a default value, which fixes its type."))
        case .map: return .failure(InferenceFailure(message: "a parameter's default must be a string, a number, a boolean or a list."))
        }
    }

    /// The empty value of a type: "", 0, false, [], the epoch, or an object of empty fields.
    static func empty(_ type: CELType) -> CELValue {
        switch type {
        case .bool: return .bool(false)
        case .int: return .int(0)
        case .double: return .double(0)
        case .string: return .string("")
        case .list: return .list([])
        case .timestamp: return .timestamp(seconds: 0)
        case .duration: return .duration(seconds: 0)
        case .object(let name): return .object(FactRecord(typeName: name, fields: emptyFields(name)))
        default: return .null
        }
    }

    static func emptyFields(_ typeName: String) -> [String: CELValue] {
        var fields: [String: CELValue] = [:]
        for (name, type) in FactSchema.objectTypes[typeName] ?? [:] {
            // Avoid infinite nesting: lists of objects start empty.
            fields[name] = empty(type)
        }
        return fields
    }

    /// The variables of an example: each subject variable as an object of empty fields with
    /// the example's facts laid over it, `now`, and `params`.
    static func activation(for subject: FactSchema.Subject, facts: PolicyNode, params: [String: CELValue]) -> Result<[String: CELValue], Failure> {
        guard let entries = facts.entries else {
            return .failure(Failure(position: facts.position, message: "the facts must be a mapping such as `{ cert: { expired: true } }`."))
        }
        var activation: [String: CELValue] = [:]
        for (name, type) in subject.variables { activation[name] = empty(type) }
        activation["now"] = .timestamp(seconds: RuleLoader.exampleTime)
        for entry in entries {
            if entry.key == "now" {
                guard let text = entry.value.string, let seconds = parseTime(text) else {
                    return .failure(Failure(position: entry.value.position, message: "'now' must be a time such as 2026-03-15T00:00:00Z."))
                }
                activation["now"] = .timestamp(seconds: seconds)
                continue
            }
            guard let type = subject.variables[entry.key] else {
                let names = Array(subject.variables.keys) + ["now"]
                return .failure(Failure(
                    position: entry.keyPosition,
                    message: "'\(entry.key)' is not a fact of a rule for \(subject.rawValue)\(Spelling.didYouMean(entry.key, among: names)); the facts are \(names.sorted().joined(separator: ", "))."))
            }
            switch value(entry.value, as: type, path: entry.key) {
            case .success(let v): activation[entry.key] = v
            case .failure(let f): return .failure(f)
            }
        }
        var paramFields: [String: CELValue] = [:]
        for (name, value) in params { paramFields[name] = value }
        activation["params"] = .object(FactRecord(typeName: "Params", fields: paramFields))
        return .success(activation)
    }

    /// Converts example data to a value of `type`, checking names and types against the schema.
    static func value(_ node: PolicyNode, as type: CELType, path: String) -> Result<CELValue, Failure> {
        func mismatch(_ expected: String) -> Result<CELValue, Failure> {
            .failure(Failure(position: node.position, message: "'\(path)' must be \(expected); it is \(node.kindName)."))
        }
        switch type {
        case .bool:
            if case .bool(let b) = node.value { return .success(.bool(b)) }
            return mismatch("true or false")
        case .int:
            if case .int(let i) = node.value { return .success(.int(i)) }
            return mismatch("an integer")
        case .double:
            if case .double(let d) = node.value { return .success(.double(d)) }
            if case .int(let i) = node.value { return .success(.double(Double(i))) }
            return mismatch("a number")
        case .string:
            switch node.value {
            case .string(let s): return .success(.string(s))
            case .int(let i): return .success(.string(String(i)))
            case .bool(let b): return .success(.string(b ? "true" : "false"))
            default: return mismatch("a string")
            }
        case .timestamp:
            if let text = node.string, let seconds = parseTime(text) { return .success(.timestamp(seconds: seconds)) }
            return mismatch("a time such as 2026-03-15T00:00:00Z")
        case .list(let element):
            guard let items = node.items else { return mismatch("a list") }
            var values: [CELValue] = []
            for (i, item) in items.enumerated() {
                switch value(item, as: element, path: "\(path)[\(i)]") {
                case .success(let v): values.append(v)
                case .failure(let f): return .failure(f)
                }
            }
            return .success(.list(values))
        case .object(let typeName):
            guard let entries = node.entries else { return mismatch("a mapping of \(typeName) facts") }
            let schema = FactSchema.objectTypes[typeName] ?? [:]
            var fields = emptyFields(typeName)
            for entry in entries {
                guard let fieldType = schema[entry.key] else {
                    let hint = Spelling.suggestion(for: entry.key, among: schema.keys).map { "; did you mean '\(path).\($0)'?" } ?? ""
                    return .failure(Failure(position: entry.keyPosition, message: "'\(path).\(entry.key)' is not a fact\(hint)."))
                }
                switch value(entry.value, as: fieldType, path: "\(path).\(entry.key)") {
                case .success(let v): fields[entry.key] = v
                case .failure(let f): return .failure(f)
                }
            }
            return .success(.object(FactRecord(typeName: typeName, fields: fields)))
        default:
            return mismatch("a value")
        }
    }

    /// Seconds since the epoch of `2026-03-15` or `2026-03-15T00:00:00Z`.
    static func parseTime(_ text: String) -> Int64? {
        let c = Array(text.utf8)
        func num(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= c.count else { return nil }
            var v = 0
            for b in c[from..<(from + n)] {
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard c.count == 10 || c.count == 20, let y = num(0, 4), c[4] == 45, let m = num(5, 2), c[7] == 45, let d = num(8, 2),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        var seconds = 0
        if c.count == 20 {
            guard c[10] == 84, let h = num(11, 2), c[13] == 58, let mi = num(14, 2), c[16] == 58, let s = num(17, 2), c[19] == 90,
                h < 24, mi < 60, s < 60
            else { return nil }
            seconds = h * 3600 + mi * 60 + s
        }
        let yy = Int64(m <= 2 ? y - 1 : y)
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mm = Int64(m)
        let doy = (153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400 + Int64(seconds)
    }
}
