import CertLintCore

/// The certificates a chain may end at without being served: the publicly trusted roots
/// certlint knows and the self-signed CA certificates of the repository (private roots that
/// clients are given some other way). It also knows the repository's intermediates, to say
/// where a missing one can be found.
public struct ChainAnchors: Sendable {
    /// The known public roots.
    public let publicRoots: PublicRoots
    private let repositoryRoots: [[UInt8]: [CertificateFacts]]
    private let intermediates: [[UInt8]: [CertificateFacts]]

    /// Anchors from the repository's certificates (each distinct certificate once).
    public init(repository certificates: [CertificateFacts], publicRoots: PublicRoots = .builtIn) {
        self.publicRoots = publicRoots
        var roots: [[UInt8]: [CertificateFacts]] = [:]
        var intermediates: [[UInt8]: [CertificateFacts]] = [:]
        for cert in certificates where cert.isCA {
            if cert.selfSigned {
                roots[Array(cert.certificate.subjectBytes), default: []].append(cert)
            } else {
                intermediates[Array(cert.certificate.subjectBytes), default: []].append(cert)
            }
        }
        self.repositoryRoots = roots
        self.intermediates = intermediates
    }

    /// No anchors but the public roots.
    public static let publicOnly = ChainAnchors(repository: [])

    /// Whether `cert` was issued by a root: a public one, or a self-signed CA of the repository.
    public func issuedByRoot(_ cert: CertificateFacts) -> Bool {
        if let aki = cert.authorityKeyIdentifier, publicRoots.contains(subjectKeyIdentifier: aki) { return true }
        if cert.authorityKeyIdentifier == nil, publicRoots.contains(subjectName: cert.certificate.issuerBytes) { return true }
        return repositoryRoots[Array(cert.certificate.issuerBytes)]?.contains { ChainFacts.issued(cert, by: $0) } ?? false
    }

    /// An intermediate of the repository that issued `cert`, if any.
    public func intermediate(issuing cert: CertificateFacts) -> CertificateFacts? {
        intermediates[Array(cert.certificate.issuerBytes)]?.first { ChainFacts.issued(cert, by: $0) }
    }
}

/// The `chain` facts of a usage: the certificates served with it, in the order served, and
/// whether they form a complete chain in the order a server must send it (RFC 8446 4.4.2:
/// the sender's certificate first, each following one certifying the one before it).
public enum ChainFacts {
    /// Whether `issuer` issued `subject`, by name and, where both are present, key identifier.
    public static func issued(_ subject: CertificateFacts, by issuer: CertificateFacts) -> Bool {
        guard subject.certificate.issuerBytes.elementsEqual(issuer.certificate.subjectBytes) else { return false }
        if let aki = subject.authorityKeyIdentifier, let ski = issuer.subjectKeyIdentifier { return aki.elementsEqual(ski) }
        return true
    }

    /// What a served bundle is, worked out once and turned into facts by ``value``.
    public struct Analysis: Sendable {
        /// The certificates as served.
        public let certificates: [CertificateFacts]
        /// Whether the first certificate is an end-entity certificate no other one in the bundle depends on.
        public let startsWithLeaf: Bool
        /// Whether each certificate is followed by its issuer.
        public let ordered: Bool
        /// Whether a self-signed certificate is served along with others.
        public let includesRoot: Bool
        /// The issuer (RFC 4514) the path from the first certificate stops at without reaching
        /// a root, when it is known to be an intermediate; empty when the chain is complete.
        public let missingIssuer: String
        /// Where the repository holds that missing intermediate, `path:line`, or empty.
        public let missingIssuerAt: String
        /// The subject (RFC 4514) of the first expired certificate after the first, or empty.
        public let expiredIssuer: String

        /// Whether the path from the first certificate reaches a root or ends at a certificate
        /// whose issuer is not known to be an intermediate.
        public var complete: Bool { missingIssuer.isEmpty }

        /// The `chain` object rules see.
        public var value: CELValue {
            .object(FactRecord(typeName: "Chain", fields: [
                "certificates": .list(certificates.map { .object($0) }),
                "complete": .bool(complete),
                "ordered": .bool(ordered),
                "startsWithLeaf": .bool(startsWithLeaf),
                "includesRoot": .bool(includesRoot),
                "missingIssuer": .string(missingIssuer),
                "missingIssuerAt": .string(missingIssuerAt),
                "expiredIssuer": .string(expiredIssuer),
            ]))
        }
    }

    /// Analyses `certificates` as served (the first is the one presented).
    ///
    /// The path is followed from the first certificate through the bundle by issuer name and
    /// key identifier. It is complete when it reaches a self-signed certificate or one a root
    /// issued. It is incomplete when it stops at a certificate whose issuer is known to be an
    /// intermediate: one the repository holds, or any issuer of a publicly trusted
    /// certificate other than a known root (public roots never issue end-entity certificates
    /// directly). A private issuer certlint has never seen may be a root the clients hold, so
    /// it is not called missing.
    public static func analyse(_ certificates: [CertificateFacts], anchors: ChainAnchors) -> Analysis {
        guard let first = certificates.first else {
            return Analysis(certificates: [], startsWithLeaf: false, ordered: true, includesRoot: false, missingIssuer: "", missingIssuerAt: "", expiredIssuer: "")
        }
        let rest = certificates.dropFirst()
        let startsWithLeaf = !first.isCA && !rest.contains { issued($0, by: first) && $0 !== first }
        var ordered = true
        for i in certificates.indices.dropLast() where !issued(certificates[i], by: certificates[i + 1]) {
            ordered = false
            break
        }
        let includesRoot = certificates.count > 1 && certificates.contains { $0.selfSigned && $0.isCA }

        // Follow the path from the first certificate.
        var missing = ""
        var missingAt = ""
        var current = first
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(first)]
        while !current.selfSigned && !anchors.issuedByRoot(current) {
            if let next = certificates.first(where: { $0 !== current && issued(current, by: $0) }), visited.insert(ObjectIdentifier(next)).inserted {
                current = next
                continue
            }
            if let known = anchors.intermediate(issuing: current) {
                missing = current.issuer.rfc4514String
                missingAt = known.source.path + (known.source.line.map { ":\($0)" } ?? "")
            } else if current.field("publiclyTrusted") == .bool(true) {
                missing = current.issuer.rfc4514String
            }
            break
        }
        let expired = rest.first { $0.expired }
        return Analysis(
            certificates: certificates, startsWithLeaf: startsWithLeaf, ordered: ordered, includesRoot: includesRoot,
            missingIssuer: missing, missingIssuerAt: missingAt, expiredIssuer: expired?.subject.rfc4514String ?? "")
    }

    /// The chain facts of `certificates` (leaf first, as served) against the public roots only.
    public static func build(_ certificates: [CertificateFacts]) -> CELValue {
        analyse(certificates, anchors: .publicOnly).value
    }
}

extension FactSchema {
    /// An object of `typeName` whose facts are all empty ("", 0, false, []), for a variable a
    /// subject does not have (the `cert` of a key that matches no certificate).
    public static func emptyObject(_ typeName: String) -> CELValue { FactValues.empty(.object(typeName)) }
}
