import CertLintCore

/// A small, strict parser for certlint's command line: options are declared per command, and
/// a mistyped option or value is a usage error that names the closest valid word.
struct ArgumentParser {
    /// One declared option.
    struct Option {
        let name: String
        let takesValue: Bool
        let allowedValues: [String]?
        let repeatable: Bool

        init(_ name: String, value: Bool = true, allowed: [String]? = nil, repeatable: Bool = false) {
            self.name = name
            self.takesValue = value
            self.allowedValues = allowed
            self.repeatable = repeatable
        }
    }

    /// The parsed options and positional arguments.
    struct Result {
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var positional: [String] = []

        func value(_ name: String) -> String? { values[name]?.last }
        func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }
    }

    let command: String
    let options: [Option]

    func parse(_ arguments: [String]) throws(UsageError) -> Result {
        var result = Result()
        var i = 0
        var onlyPositional = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                result.positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                let suggestion = Suggestions.closest(to: name, among: options.map(\.name))
                throw UsageError("\(command): unknown option '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "."))
            }
            if !option.takesValue {
                if inlineValue != nil { throw UsageError("\(command): option '\(name)' takes no value.") }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i < arguments.count else { throw UsageError("\(command): option '\(name)' needs a value.") }
                value = arguments[i]
                i += 1
            }
            if let allowed = option.allowedValues, !allowed.contains(value) {
                let suggestion = Suggestions.closest(to: value, among: allowed)
                throw UsageError(
                    "\(command): '\(value)' is not a valid value for \(name); use one of \(allowed.joined(separator: ", "))"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + ".")
            }
            if !option.repeatable, result.values[name] != nil {
                throw UsageError("\(command): option '\(name)' is given twice.")
            }
            result.values[name, default: []].append(value)
        }
        return result
    }
}

/// A mistake on the command line or in configuration: exit status 2 with one clear sentence.
struct UsageError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Closest-word suggestions for mistyped commands, options and values.
enum Suggestions {
    /// The candidate within a small edit distance of `word`, if any.
    static func closest(to word: String, among candidates: [String]) -> String? {
        Spelling.suggestion(for: word, among: candidates)
    }
}
