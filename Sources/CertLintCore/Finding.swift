/// One thing a rule found: what is wrong, where, how serious, and how to fix it.
public struct Finding: Sendable, Hashable {
    /// The rule that fired, such as `server-eku`.
    public var ruleID: String
    /// How serious it is (after configuration overrides).
    public var severity: Severity
    /// One or more sentences saying what is wrong, naming the certificate and the place.
    public var message: String
    /// Where to look: a manifest line for a usage, the certificate's PEM block otherwise.
    public var location: SourceLocation
    /// Other places involved (the certificate file a manifest line points at, say).
    public var relatedLocations: [RelatedLocation]
    /// A stable identity of this finding across runs (the rule, the subject's identity such as
    /// a certificate fingerprint, and the usage), for SARIF `partialFingerprints` and waivers.
    public var fingerprint: String
    /// The SHA-256 fingerprint of the certificate concerned, if any (waivers can name it).
    public var certificateFingerprint: String?
    /// Why the finding does not count, when a waiver or an inline comment suppresses it.
    public var suppression: Suppression?

    /// Creates a finding.
    public init(
        ruleID: String, severity: Severity, message: String, location: SourceLocation,
        relatedLocations: [RelatedLocation] = [], fingerprint: String, certificateFingerprint: String? = nil,
        suppression: Suppression? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.relatedLocations = relatedLocations
        self.fingerprint = fingerprint
        self.certificateFingerprint = certificateFingerprint
        self.suppression = suppression
    }

    /// Whether a waiver or inline comment suppresses it.
    public var isSuppressed: Bool { suppression != nil }
}

/// A place related to a finding, with a word on how.
public struct RelatedLocation: Sendable, Hashable {
    /// The place.
    public var location: SourceLocation
    /// What it is ("the certificate", "the issuer").
    public var message: String

    /// Creates a related location.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }
}

/// Why a finding is suppressed.
public struct Suppression: Sendable, Hashable {
    /// How it was suppressed.
    public enum Kind: String, Sendable, Hashable {
        /// A `# certlint:ignore RULE-ID reason` comment in the source.
        case inline
        /// A waiver in `.certlint.yml`.
        case waiver
    }

    /// How it was suppressed.
    public var kind: Kind
    /// The reason given.
    public var justification: String
    /// When the waiver expires (ISO 8601 date), for waivers.
    public var expires: String?

    /// Creates a suppression.
    public init(kind: Kind, justification: String, expires: String? = nil) {
        self.kind = kind
        self.justification = justification
        self.expires = expires
    }
}

/// What a rule is, for reports, `certlint rules` and `certlint explain`.
public struct RuleDescriptor: Sendable, Hashable {
    /// The rule's identifier, unique across packs (`server-eku`).
    public var id: String
    /// The pack it belongs to (`tls-server`).
    public var pack: String
    /// One sentence: what the rule requires.
    public var summary: String
    /// Why it matters (a paragraph), if given.
    public var rationale: String?
    /// How to fix a finding.
    public var help: String?
    /// The severity it reports at (after configuration).
    public var severity: Severity
    /// Standards and documents it follows ("RFC 5280 4.2.1.12").
    public var references: [String]

    /// Creates a descriptor.
    public init(
        id: String, pack: String, summary: String, rationale: String? = nil, help: String? = nil,
        severity: Severity, references: [String] = []
    ) {
        self.id = id
        self.pack = pack
        self.summary = summary
        self.rationale = rationale
        self.help = help
        self.severity = severity
        self.references = references
    }
}

/// Everything a reporter renders: the findings, the rules that produced them, and totals.
public struct LintReport: Sendable {
    /// The tool's version.
    public var toolVersion: String
    /// The evaluation time (`--at` or now), ISO 8601.
    public var evaluatedAt: String
    /// Findings, sorted by location then rule (suppressed ones included, marked).
    public var findings: [Finding]
    /// The descriptors of every rule that ran, sorted by id.
    public var rules: [RuleDescriptor]
    /// Totals for the summary line.
    public var summary: LintSummary

    /// Creates a report.
    public init(toolVersion: String, evaluatedAt: String, findings: [Finding], rules: [RuleDescriptor], summary: LintSummary) {
        self.toolVersion = toolVersion
        self.evaluatedAt = evaluatedAt
        self.findings = findings
        self.rules = rules
        self.summary = summary
    }
}

/// Totals of a run, for the summary line.
public struct LintSummary: Sendable, Hashable {
    /// Files read.
    public var files: Int
    /// Distinct certificates.
    public var certificates: Int
    /// Usages found in manifests.
    public var usages: Int
    /// Wall-clock seconds, when timing is shown (never in golden output).
    public var seconds: Double?

    /// Creates totals.
    public init(files: Int, certificates: Int, usages: Int, seconds: Double? = nil) {
        self.files = files
        self.certificates = certificates
        self.usages = usages
        self.seconds = seconds
    }
}
