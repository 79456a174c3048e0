import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintX509

/// Everything `inspect` says about one certificate, read once; a field that cannot be decoded
/// is left out and its error kept in ``problems``, so one malformed extension does not hide
/// the rest. JSON keys follow the design's `cert` fact names.
struct CertificateSummary: Sendable {
    let certificate: Certificate
    var subject: DistinguishedName?
    var issuer: DistinguishedName?
    var notBefore: DERTime?
    var notAfter: DERTime?
    var publicKey: SubjectPublicKeyInfo?
    var signature: SignatureAlgorithm?
    var extensions: [Extension] = []
    var san: GeneralNames?
    var eku: ExtendedKeyUsage?
    var keyUsage: KeyUsage?
    var basicConstraints: BasicConstraints?
    var ski: [UInt8]?
    var aki: AuthorityKeyIdentifier?
    var crl: CRLDistributionPoints?
    var aia: AuthorityInformationAccess?
    var policies: CertificatePolicies?
    var nameConstraints: NameConstraints?
    var scts: SignedCertificateTimestampList?
    var tlsFeature: TLSFeature?
    var problems: [DERError] = []
    let now: DERTime

    init(_ certificate: Certificate, now: DERTime) {
        self.certificate = certificate
        self.now = now
        func read<T>(_ body: () throws(DERError) -> T?) -> T? {
            do throws(DERError) {
                return try body()
            } catch {
                problems.append(error)
                return nil
            }
        }
        subject = read { () throws(DERError) in try certificate.subject() }
        issuer = read { () throws(DERError) in try certificate.issuer() }
        notBefore = read { () throws(DERError) in try certificate.notBefore() }
        notAfter = read { () throws(DERError) in try certificate.notAfter() }
        publicKey = read { () throws(DERError) in try certificate.publicKey() }
        signature = read { () throws(DERError) in try certificate.signatureAlgorithm() }
        extensions = read { () throws(DERError) in try certificate.extensions() } ?? []
        san = read { () throws(DERError) in try certificate.subjectAlternativeNames() }
        eku = read { () throws(DERError) in try certificate.extendedKeyUsage() }
        keyUsage = read { () throws(DERError) in try certificate.keyUsage() }
        basicConstraints = read { () throws(DERError) in try certificate.basicConstraints() }
        ski = read { () throws(DERError) in try certificate.subjectKeyIdentifier() }
        aki = read { () throws(DERError) in try certificate.authorityKeyIdentifier() }
        crl = read { () throws(DERError) in try certificate.crlDistributionPoints() }
        aia = read { () throws(DERError) in try certificate.authorityInformationAccess() }
        policies = read { () throws(DERError) in try certificate.certificatePolicies() }
        nameConstraints = read { () throws(DERError) in try certificate.nameConstraints() }
        scts = read { () throws(DERError) in try certificate.signedCertificateTimestamps() }
        tlsFeature = read { () throws(DERError) in try certificate.tlsFeature() }
    }

    /// Validity in days, notBefore through notAfter inclusive, as the CA/B Forum counts it:
    /// the period's seconds plus one, divided by 86,400, rounded up.
    var validityDays: Int? {
        guard let notBefore, let notAfter else { return nil }
        let seconds = notAfter.secondsSinceEpoch - notBefore.secondsSinceEpoch + 1
        guard seconds > 0 else { return 0 }
        return Int((seconds + 86_399) / 86_400)
    }

    /// Whole days from now until notAfter (negative once expired).
    var daysUntilExpiry: Int? {
        guard let notAfter else { return nil }
        let seconds = notAfter.secondsSinceEpoch - now.secondsSinceEpoch
        return Int(seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400))
    }

    /// Whether the certificate carries the extension `oid` (readable or not).
    func has(_ oid: OID) -> Bool { extensions.contains { $0.oid == oid } }

    var isExpired: Bool { notAfter.map { $0.secondsSinceEpoch < now.secondsSinceEpoch } ?? false }
    var isNotYetValid: Bool { notBefore.map { $0.secondsSinceEpoch > now.secondsSinceEpoch } ?? false }
    var isCA: Bool { basicConstraints?.isCA ?? false }

    /// Self-signed: issued by itself by name and, where both identifiers exist, by key.
    var isSelfSigned: Bool {
        guard certificate.isSelfIssued else { return false }
        if let keyID = aki?.keyIdentifier, let ski { return keyID.elementsEqual(ski) }
        return true
    }

    var commonName: String? { subject?.commonName }

    /// `CN=…` when there is a CN, else the whole DN, else a placeholder.
    var displayName: String {
        if let cn = commonName { return cn }
        if let subject, !subject.isEmpty { return subject.rfc4514String }
        return "(empty subject)"
    }

    var keyDescription: String {
        guard let publicKey else { return "unreadable" }
        switch publicKey.key {
        case .rsa: return "RSA \(publicKey.bits.map(String.init) ?? "?") bits" + (publicKey.rsaExponent.map { $0 == 65537 ? "" : ", exponent \($0)" } ?? "")
        case .ec: return "EC \(publicKey.curveName ?? "?") (\(publicKey.bits.map(String.init) ?? "?") bits)"
        case .ed25519: return "Ed25519"
        case .ed448: return "Ed448"
        case .x25519: return "X25519"
        case .x448: return "X448"
        case .dsa: return "DSA \(publicKey.bits.map(String.init) ?? "?") bits"
        case .other: return publicKey.algorithm.nameOrDotted
        }
    }

    static func nameJSON(_ name: DistinguishedName?) -> JSONValue {
        guard let name else { return .null }
        return .object([
            "cn": .optional(name.commonName),
            "o": .strings(name.values(of: .organizationName)),
            "ou": .strings(name.values(of: .organizationalUnitName)),
            "c": .strings(name.values(of: .countryName)),
            "dn": .string(name.rfc4514String),
        ])
    }

    var json: JSONValue {
        var v: [String: JSONValue] = [
            "subject": Self.nameJSON(subject),
            "issuer": Self.nameJSON(issuer),
            "serial": .string(certificate.serialNumber().hex),
            "version": .int(certificate.version),
            "notBefore": .optional(notBefore?.iso8601),
            "notAfter": .optional(notAfter?.iso8601),
            "validityDays": .optional(validityDays),
            "daysUntilExpiry": .optional(daysUntilExpiry),
            "expired": .bool(isExpired),
            "notYetValid": .bool(isNotYetValid),
            "keyAlgorithm": .optional(publicKey?.algorithmName),
            "keyBits": .optional(publicKey?.bits),
            "curve": .optional(publicKey?.curveName),
            "signatureAlgorithm": .optional(signature?.description),
            "signatureHash": .optional(signature?.hashName),
            "san": .object([
                "dns": .strings(san?.dnsNames ?? []),
                "ip": .strings(san?.ipAddresses.map(\.description) ?? []),
                "email": .strings(san?.emailAddresses ?? []),
                "uri": .strings(san?.uris ?? []),
                "upn": .strings(san?.userPrincipalNames ?? []),
            ]),
            "hasSAN": .bool(extensions.contains { $0.oid == .subjectAltName }),
            "hasEKU": .bool(eku != nil),
            "eku": .strings(eku?.names ?? []),
            "keyUsage": .strings(keyUsage?.names ?? []),
            "isCA": .bool(isCA),
            "pathLen": .optional(basicConstraints?.pathLength),
            "selfSigned": .bool(isSelfSigned),
            "ski": .optional(ski?.hexString),
            "aki": .optional(aki?.keyIdentifier?.hexString),
            "crlURLs": .strings(crl?.uris ?? []),
            "ocspURLs": .strings(aia?.ocspURIs ?? []),
            "caIssuers": .strings(aia?.caIssuersURIs ?? []),
            "policies": .strings(policies?.oids.map(\.nameOrDotted) ?? []),
            "hasSCTs": .bool(scts != nil),
            "mustStaple": .bool(tlsFeature?.mustStaple ?? false),
            "fingerprint": .string(certificate.sha256Fingerprint.hexString),
            "fingerprintSHA1": .string(certificate.sha1Fingerprint.hexString),
            "extensions": .array(extensions.map { .object(["oid": .string($0.oid.dotted), "name": .string($0.name), "critical": .bool($0.isCritical)]) }),
        ]
        if let nameConstraints {
            v["nameConstraints"] = .object([
                "permitted": .strings(nameConstraints.permitted?.map { "\($0.kind):\($0.text)" } ?? []),
                "excluded": .strings(nameConstraints.excluded?.map { "\($0.kind):\($0.text)" } ?? []),
            ])
        }
        if !problems.isEmpty {
            v["problems"] = .strings(problems.map(\.description))
        }
        return .object(v)
    }
}
