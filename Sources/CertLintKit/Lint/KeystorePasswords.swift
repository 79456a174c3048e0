import CertLintPolicy

/// Where the password of each keystore comes from: never from a file of the repository, only
/// from environment variables that `.certlint.yml` (`keystores:`) or `--keystore-password-env
/// PATTERN=VAR` name for the keystore's path. The empty password is always tried first.
struct KeystorePasswords: Sendable {
    /// Path patterns and the variables named for them, configuration first.
    let mappings: [(pattern: Glob, variable: String)]
    /// The process's environment variables.
    let variables: [String: String]

    /// No mapping: only the empty password.
    static let none = KeystorePasswords(mappings: [], variables: [:])

    /// The passwords to try for the keystore at `path` (relative to the repository root), and
    /// the variables named for it (set or not), for messages.
    func candidates(for path: String) -> (passwords: [String], variables: [String]) {
        var passwords = [""]
        var named: [String] = []
        for mapping in mappings where mapping.pattern.matches(path) && !named.contains(mapping.variable) {
            named.append(mapping.variable)
            if let value = variables[mapping.variable], !value.isEmpty, !passwords.contains(value) { passwords.append(value) }
        }
        return (passwords, named)
    }

    /// Whether `mapping` is `PATTERN=VARIABLE` with a variable name of letters, digits and `_`.
    static func isValidMapping(_ mapping: String) -> Bool {
        let parts = mapping.split(separator: "=", maxSplits: 1)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && parts[1].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The mappings of `configuration` and of `--keystore-password-env` (already validated as
    /// `PATTERN=VARIABLE`).
    static func from(_ configuration: Configuration, options: [String], variables: [String: String]) -> KeystorePasswords {
        var mappings = configuration.keystores.map { (pattern: $0.path, variable: $0.variable) }
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { mappings.append((Glob(parts[0]), parts[1])) }
        }
        return KeystorePasswords(mappings: mappings, variables: variables)
    }
}
