import CertLintCore
import CertLintDER

/// One thing a rule runs over: its variables, where findings about it point, and how it is
/// identified across runs.
public final class SubjectInstance: Sendable {
    /// The subject kind.
    public let subject: FactSchema.Subject
    /// The subject's variables (`cert`, `usage`…), without `now` and `params`.
    public let variables: [String: CELValue]
    /// Where findings point.
    public let location: SourceLocation
    /// Other places a finding mentions.
    public let related: [RelatedLocation]
    /// A stable identity (a certificate fingerprint plus a place), computed when a finding needs it.
    public let identity: @Sendable () -> String
    /// The certificate concerned, for waivers that name a fingerprint.
    public let certificate: CertificateFacts?

    /// Creates an instance.
    public init(
        subject: FactSchema.Subject, variables: [String: CELValue], location: SourceLocation, related: [RelatedLocation] = [],
        certificate: CertificateFacts? = nil, identity: @escaping @Sendable () -> String
    ) {
        self.subject = subject
        self.variables = variables
        self.location = location
        self.related = related
        self.certificate = certificate
        self.identity = identity
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
