import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintX509
import Foundation

/// The `cert` facts of one certificate, decoded once and kept as expression values.
///
/// A field that cannot be decoded is left at its empty value and its error is kept in
/// ``problems`` (and named in `cert.unreadableFields`), so one malformed extension does not
/// hide the rest. The SHA-256 fingerprint is computed on first use.
public final class CertificateFacts: CELObject, @unchecked Sendable {
    /// "Certificate".
    public let typeName = "Certificate"
    /// The certificate.
    public let certificate: Certificate
    /// Where it is.
    public let source: FactSource
    /// Fields that could not be decoded, with why.
    public private(set) var problems: [(field: String, error: DERError)] = []

    /// The decoded parts other code (chains, matching, messages) uses directly.
    public private(set) var subject = DistinguishedName()
    /// The issuer name.
    public private(set) var issuer = DistinguishedName()
    /// The public key, when readable.
    public private(set) var publicKey: SubjectPublicKeyInfo?
    /// The subject key identifier.
    public private(set) var subjectKeyIdentifier: [UInt8]?
    /// The authority key identifier's key identifier.
    public private(set) var authorityKeyIdentifier: [UInt8]?
    /// Whether the certificate is a CA (basic constraints).
    public private(set) var isCA = false
    /// The SAN DNS names and IP addresses, for hostname matching.
    public private(set) var identity = HostnameMatcher.CertificateIdentity(hasSubjectAltName: false)
    /// notAfter, when readable.
    public private(set) var notAfter: DERTime?

    private var values: [String: CELValue] = [:]
    private let lock = NSLock()
    private var cachedFingerprint: String?

    /// Reads the facts of `certificate` at `source`, as of `now`.
    public init(_ certificate: Certificate, source: FactSource, now: DERTime, publicRoots: PublicRoots = .builtIn) {
        self.certificate = certificate
        self.source = source
        func read<T>(_ field: String, _ body: () throws(DERError) -> T) -> T? {
            do throws(DERError) {
                return try body()
            } catch {
                problems.append((field, error))
                return nil
            }
        }
        var v: [String: CELValue] = [:]
        v.reserveCapacity(48)
        if let subject = read("subject", { () throws(DERError) in try certificate.subject() }) { self.subject = subject }
        if let issuer = read("issuer", { () throws(DERError) in try certificate.issuer() }) { self.issuer = issuer }
        v["subject"] = CertificateFacts.name(subject)
        v["issuer"] = CertificateFacts.name(issuer)
        v["serial"] = .string(certificate.serialNumber().hex)
        v["version"] = .int(Int64(certificate.version))
        let notBefore = read("notBefore", { () throws(DERError) in try certificate.notBefore() })
        notAfter = read("notAfter", { () throws(DERError) in try certificate.notAfter() })
        v["notBefore"] = .timestamp(seconds: notBefore?.secondsSinceEpoch ?? 0)
        v["notAfter"] = .timestamp(seconds: notAfter?.secondsSinceEpoch ?? 0)
        if let notBefore, let notAfter {
            let seconds = notAfter.secondsSinceEpoch - notBefore.secondsSinceEpoch + 1
            v["validityDays"] = .int(seconds > 0 ? (seconds + 86_399) / 86_400 : 0)
        } else {
            v["validityDays"] = .int(0)
        }
        if let notAfter {
            let left = notAfter.secondsSinceEpoch - now.secondsSinceEpoch
            v["daysUntilExpiry"] = .int(left >= 0 ? left / 86_400 : -((-left + 86_399) / 86_400))
            v["expired"] = .bool(left < 0)
        } else {
            v["daysUntilExpiry"] = .int(0)
            v["expired"] = .bool(false)
        }
        v["notYetValid"] = .bool((notBefore?.secondsSinceEpoch ?? Int64.min) > now.secondsSinceEpoch)

        publicKey = read("subjectPublicKeyInfo", { () throws(DERError) in try certificate.publicKey() })
        v["keyAlgorithm"] = .string(publicKey?.algorithmName ?? "")
        v["keyBits"] = .int(Int64(publicKey?.bits ?? 0))
        v["curve"] = .string(publicKey?.curveName ?? "")
        v["rsaExponent"] = .int(Int64(clamping: publicKey?.rsaExponent ?? 0))
        let signature = read("signatureAlgorithm", { () throws(DERError) in try certificate.signatureAlgorithm() })
        v["signatureAlgorithm"] = .string(signature?.description ?? "")
        v["signatureHash"] = .string(signature?.hashName ?? "")

        let extensions = read("extensions", { () throws(DERError) in try certificate.extensions() }) ?? []
        v["extensions"] = .list(extensions.map { ext in
            .object(FactRecord(typeName: "Extension", fields: ["oid": .string(ext.oid.dotted), "name": .string(ext.name), "critical": .bool(ext.isCritical)]))
        })
        func decode<T>(_ oid: OID, _ field: String, _ body: ([UInt8], DERNode) throws(DERError) -> T) -> T? {
            guard let ext = extensions.first(where: { $0.oid == oid }) else { return nil }
            return read(field, { () throws(DERError) in
                do throws(DERError) {
                    return try ext.decode(in: certificate.buffer, body)
                } catch {
                    throw error.inField("tbsCertificate")
                }
            })
        }
        let san = decode(.subjectAltName, "san") { b, n throws(DERError) in try GeneralNames(b, n) }
        v["hasSAN"] = .bool(extensions.contains { $0.oid == .subjectAltName })
        v["san"] = .object(FactRecord(typeName: "SAN", fields: [
            "dns": .strings(san?.dnsNames ?? []),
            "ip": .strings(san?.ipAddresses.map(\.description) ?? []),
            "email": .strings(san?.emailAddresses ?? []),
            "uri": .strings(san?.uris ?? []),
            "upn": .strings(san?.userPrincipalNames ?? []),
        ]))
        identity = HostnameMatcher.CertificateIdentity(
            dnsNames: san?.dnsNames ?? [], ipAddresses: san?.ipAddresses ?? [],
            commonNames: subject.values(of: .commonName), hasSubjectAltName: extensions.contains { $0.oid == .subjectAltName })
        let eku = decode(.extKeyUsage, "eku") { b, n throws(DERError) in try ExtendedKeyUsage(b, n) }
        v["hasEKU"] = .bool(extensions.contains { $0.oid == .extKeyUsage })
        v["eku"] = .strings(eku?.names ?? [])
        let keyUsage = decode(.keyUsage, "keyUsage") { b, n throws(DERError) in try KeyUsage(b, n) }
        v["hasKeyUsage"] = .bool(extensions.contains { $0.oid == .keyUsage })
        v["keyUsage"] = .strings(keyUsage?.names ?? [])
        let basic = decode(.basicConstraints, "basicConstraints") { b, n throws(DERError) in try BasicConstraints(b, n) }
        isCA = basic?.isCA ?? false
        v["isCA"] = .bool(isCA)
        v["pathLen"] = .int(Int64(basic?.pathLength ?? -1))
        subjectKeyIdentifier = decode(.subjectKeyIdentifier, "ski") { b, n throws(DERError) in
            try n.expect(.octetString, "SubjectKeyIdentifier")
            return Array(b[n.contentRange])
        }
        authorityKeyIdentifier = decode(.authorityKeyIdentifier, "aki") { b, n throws(DERError) in try AuthorityKeyIdentifier(b, n) }?.keyIdentifier
        v["ski"] = .string(subjectKeyIdentifier?.hexString ?? "")
        v["aki"] = .string(authorityKeyIdentifier?.hexString ?? "")
        let selfIssued = certificate.isSelfIssued
        v["selfIssued"] = .bool(selfIssued)
        let selfSigned = selfIssued && (authorityKeyIdentifier == nil || subjectKeyIdentifier == nil || authorityKeyIdentifier == subjectKeyIdentifier)
        v["selfSigned"] = .bool(selfSigned)
        v["crlURLs"] = .strings(decode(.crlDistributionPoints, "crlDistributionPoints") { b, n throws(DERError) in try CRLDistributionPoints(b, n) }?.uris ?? [])
        let aia = decode(.authorityInfoAccess, "authorityInfoAccess") { b, n throws(DERError) in try AuthorityInformationAccess(b, n) }
        v["ocspURLs"] = .strings(aia?.ocspURIs ?? [])
        v["caIssuers"] = .strings(aia?.caIssuersURIs ?? [])
        let policies = decode(.certificatePolicies, "certificatePolicies") { b, n throws(DERError) in try CertificatePolicies(b, n) }
        v["policies"] = .strings(policies?.oids.map(\.nameOrDotted) ?? [])
        let hasSCTs = extensions.contains { $0.oid == .signedCertificateTimestampList }
        if hasSCTs { _ = decode(.signedCertificateTimestampList, "scts") { b, n throws(DERError) in try SignedCertificateTimestampList(b, n) } }
        v["hasSCTs"] = .bool(hasSCTs)
        v["mustStaple"] = .bool(decode(.tlsFeature, "tlsFeature") { b, n throws(DERError) in try TLSFeature(b, n) }?.mustStaple ?? false)
        v["publiclyTrusted"] = .bool(
            hasSCTs || publicRoots.contains(subjectKeyIdentifier: selfSigned ? subjectKeyIdentifier : authorityKeyIdentifier)
                || (selfSigned && publicRoots.contains(subjectKeyIdentifier: subjectKeyIdentifier)))
        v["source"] = source.value
        v["unreadableFields"] = .strings(problems.map(\.field))
        v["usageCount"] = .int(0)
        v["roles"] = .list([])
        values = v
    }

    /// The SHA-256 fingerprint in lowercase hex (computed once).
    public var fingerprint: String {
        lock.lock()
        defer { lock.unlock() }
        if let cachedFingerprint { return cachedFingerprint }
        let value = certificate.sha256Fingerprint.hexString
        cachedFingerprint = value
        return value
    }

    /// The CN, else the whole subject, for messages.
    public var displayName: String {
        if let cn = subject.commonName { return cn }
        return subject.isEmpty ? "(empty subject)" : subject.rfc4514String
    }

    /// Records how the certificate is used. Call it while building the inventory, before any
    /// rule runs: fields are read without locking once evaluation starts.
    public func setUsages(count: Int, roles: [String]) {
        values["usageCount"] = .int(Int64(count))
        values["roles"] = .strings(roles)
    }

    /// A field by its fact name.
    public func field(_ name: String) -> CELValue? {
        if name == "fingerprint" { return .string(fingerprint) }
        return values[name]
    }

    static func name(_ name: DistinguishedName) -> CELValue {
        .object(FactRecord(typeName: "Name", fields: [
            "cn": .string(name.commonName ?? ""),
            "o": .strings(name.values(of: .organizationName)),
            "ou": .strings(name.values(of: .organizationalUnitName)),
            "c": .strings(name.values(of: .countryName)),
            "dn": .string(name.rfc4514String),
        ]))
    }
}
