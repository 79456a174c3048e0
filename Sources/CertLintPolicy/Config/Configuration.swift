import CertLintCore

/// `.certlint.yml`: what to read, which rules run and how, what is deployed where, and what is
/// waived. Loaded by ``ConfigurationLoader``; every mistake in it is a ``PolicyError`` with
/// file, line and column.
public struct Configuration: Sendable {
    /// A rule's settings.
    public struct RuleSetting: Sendable {
        /// A severity that replaces the rule's own, if given.
        public var severity: Severity?
        /// Whether the rule is switched off.
        public var off = false
        /// Parameter overrides, with where each is written (types are checked against the rule).
        public var params: [String: PolicyNode] = [:]
        /// Where the rule's entry is written.
        public var position: FilePosition
    }

    /// A certificate in the native inventory (`deployments:`): a usage written by hand.
    public struct Deployment: Sendable {
        /// The certificate file, relative to the repository root.
        public var certificate: String
        /// `server`, `client`, `client-ca` or `server-ca`.
        public var role: String
        /// The hostnames it serves (for servers).
        public var hostnames: [String]
        /// Where it is installed (`load-balancer`, `cdn`…), if said.
        public var installedOn: String?
        /// A name for the endpoint, if given.
        public var endpoint: String?
        /// Where the entry is written.
        public var position: FilePosition
    }

    /// A waiver: a finding that does not count until a date, for a reason.
    public struct Waiver: Sendable {
        /// The rule (or `*` for every rule).
        public var rule: String
        /// A certificate's SHA-256 fingerprint (hex, any case, colons allowed; a prefix of at
        /// least 16 hex digits is enough).
        public var certificate: String?
        /// A path pattern the finding's location must match.
        public var path: Glob?
        /// Why.
        public var reason: String
        /// The expiry date as written (`2026-06-30`).
        public var expires: String
        /// The expiry, seconds since the epoch (end of that day, UTC).
        public var expiresAt: Int64
        /// Where the waiver is written.
        public var position: FilePosition
    }

    /// The file it came from (`.certlint.yml`), or empty for the defaults.
    public var file = ""
    /// Paths to read (all files when empty).
    public var include: [Glob] = []
    /// Paths never read.
    public var exclude: [Glob] = []
    /// The packs that run (all built-in and loaded packs when `nil`).
    public var packs: [String]?
    /// Per-rule settings, by id.
    public var rules: [String: RuleSetting] = [:]
    /// Extra rule directories, relative to the repository root.
    public var ruleDirectories: [String] = []
    /// Where each of ``ruleDirectories`` is written.
    public var ruleDirectoryPositions: [FilePosition] = []
    /// The severity at or above which certlint fails (`nil` = never).
    public var failOn: Severity? = .error
    /// Whether `fail-on` was written (the command line overrides either way).
    public var failOnIsSet = false
    /// The native inventory.
    public var deployments: [Deployment] = []
    /// Keystore password variables: path pattern → environment variable name.
    public var keystores: [(path: Glob, variable: String)] = []
    /// Waivers.
    public var waivers: [Waiver] = []

    /// The defaults (no file).
    public init() {}
}
