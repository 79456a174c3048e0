import CertLintCore
import CertLintDER

/// One thing a rule runs over: its variables, where findings about it point, and how it is
/// identified across runs.
public final class SubjectInstance: Sendable {
    /// How a subject is identified across runs (for finding fingerprints).
    public enum Identity: Sendable {
        /// By the certificate's SHA-256 fingerprint (computed only when a finding needs it).
        case certificate(CertificateFacts)
        /// By the certificate and a place (a usage).
        case certificateAt(CertificateFacts, String)
        /// By a text (a file path, a key's place).
        case text(String)

        /// The identity as text.
        var text: String {
            switch self {
            case .certificate(let facts): return facts.fingerprint
            case .certificateAt(let facts, let place): return facts.fingerprint + "|" + place
            case .text(let text): return text
            }
        }
    }

    /// The subject kind.
    public let subject: FactSchema.Subject
    /// The subject's variables (`cert`, `usage`…), without `now` and `params`, sorted by name.
    public var variables: [(name: String, value: CELValue)] {
        if bindsOnlyCertificate, let certificate { return [(name: "cert", value: .object(certificate))] }
        return storedVariables
    }
    /// The variables, unless the only one is `cert`, bound to ``certificate`` (so that building
    /// the many `certificate` subjects allocates no list).
    private let storedVariables: [(name: String, value: CELValue)]
    private let bindsOnlyCertificate: Bool
    /// Where findings point.
    public let location: SourceLocation
    /// Other places a finding mentions.
    public let related: [RelatedLocation]
    /// A stable identity.
    public let identity: Identity
    /// The certificate concerned, for waivers that name a fingerprint.
    public let certificate: CertificateFacts?

    /// Creates an instance.
    public convenience init(
        subject: FactSchema.Subject, variables: [String: CELValue], location: SourceLocation, related: [RelatedLocation] = [],
        certificate: CertificateFacts? = nil, identity: Identity
    ) {
        self.init(
            subject: subject, sortedVariables: variables.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) },
            bindsOnlyCertificate: false, location: location, related: related, certificate: certificate, identity: identity)
    }

    /// The `certificate` subject of `facts`: the variable `cert`, findings at the certificate
    /// (and `related` places), identified by its fingerprint.
    public convenience init(certificate facts: CertificateFacts, related: [RelatedLocation] = []) {
        self.init(
            subject: .certificate, sortedVariables: [], bindsOnlyCertificate: true, location: facts.source.location,
            related: related, certificate: facts, identity: .certificate(facts))
    }

    private init(
        subject: FactSchema.Subject, sortedVariables: [(name: String, value: CELValue)], bindsOnlyCertificate: Bool, location: SourceLocation,
        related: [RelatedLocation], certificate: CertificateFacts?, identity: Identity
    ) {
        self.subject = subject
        storedVariables = sortedVariables
        self.bindsOnlyCertificate = bindsOnlyCertificate
        self.location = location
        self.related = related
        self.certificate = certificate
        self.identity = identity
    }

    /// The value of variable `name`, if the subject has it.
    public func variable(_ name: String) -> CELValue? {
        if bindsOnlyCertificate, let certificate { return name == "cert" ? .object(certificate) : nil }
        return storedVariables.first { $0.name == name }?.value
    }
}

/// Everything the rules run over, by subject kind.
public struct FactInventory: Sendable {
    /// The instances of each subject kind.
    public var instances: [FactSchema.Subject: [SubjectInstance]]

    /// An empty inventory.
    public init() { instances = [:] }

    /// Adds an instance.
    public mutating func add(_ instance: SubjectInstance) {
        instances[instance.subject, default: []].append(instance)
    }

    /// The number of instances of `subject`.
    public func count(_ subject: FactSchema.Subject) -> Int { instances[subject]?.count ?? 0 }
}
