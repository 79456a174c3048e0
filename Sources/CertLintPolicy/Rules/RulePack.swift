/// A rule pack: a YAML file of rules with a name and a summary.
public struct RulePack: Sendable {
    /// The pack's name (`tls-server`).
    public let name: String
    /// What the pack covers.
    public let summary: String
    /// The rules, in file order.
    public var rules: [Rule]
    /// The file it was loaded from (`rules/tls-server.yml` for built-in packs).
    public let file: String
}
