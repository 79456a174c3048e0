import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintX509
import Foundation

/// The `cert` facts of one certificate.
///
/// The fields rules use most are decoded once, when the facts are built, and kept as plain
/// values (the engine's fast path reads them through the typed accessors, the general
/// evaluator as expression values); the rest (the issuer's name, key usage, hex identifiers,
/// URLs, policies, the extension list) are decoded when something asks for them, but checked
/// when the facts are built. A field that cannot be decoded is left at its empty value and its
/// error is kept in ``problems`` (with the errors of the fields decoded on demand in
/// ``allProblems``, which `cert.unreadableFields` names), so one malformed extension does not
/// hide the rest. The SHA-256 fingerprint and the issuer's name are computed once, on first
/// use.
public final class CertificateFacts: CELObject, @unchecked Sendable {
    /// "Certificate".
    public var typeName: String { "Certificate" }
    // The values rules read, decoded when the facts are built and declared first, so that
    // they share the object's first cache lines (the engine reads them long after the facts
    // were built, when the rest of the object has left the cache).
    /// Whether it had expired at the evaluation time.
    public private(set) var expired = false
    private var notYetValid = false
    private var hasSAN = false
    private var hasEKU = false
    /// Whether the certificate is a CA (basic constraints).
    public private(set) var isCA = false
    /// Whether its issuer is its subject and its signature key its own (by key identifiers).
    public private(set) var selfSigned = false
    private var selfIssued = false
    private var publiclyTrusted = false
    private var hasKeyUsage = false
    private var hasSCTs = false
    private var mustStaple = false
    private var validityDays: Int64 = 0
    private var daysUntilExpiry: Int64 = 0
    private var keyBits: Int64 = 0
    private var rsaExponent: Int64 = 0
    private var usageCount: Int64 = 0
    private var pathLen: Int64 = -1
    private var notBeforeSeconds: Int64 = 0
    private var notAfterSeconds: Int64 = 0
    private var keyAlgorithm = ""
    private var curve = ""
    private var signatureHash = ""
    private var ekuNames: [String] = []
    private var roles: [String] = []
    private var cachedSubjectFacts: NameFacts?
    private var cachedSANFacts: SANFacts?
    private var sanDNS: [String] = []
    private var sanIP: [String] = []
    /// ``allProblems``.
    private var unreadable: [(field: String, error: DERError)] = []

    /// The certificate.
    public let certificate: Certificate
    /// Where it is.
    public let source: FactSource
    /// Fields that could not be decoded, with why.
    public private(set) var problems: [(field: String, error: DERError)] = []

    /// The subject's name (decoded on first use: rules about leaves read its CN, but most
    /// facts are decided without it; it is checked when the facts are built).
    public var subject: DistinguishedName {
        lock.lock()
        defer { lock.unlock() }
        if let cachedSubject { return cachedSubject }
        let name = (try? certificate.subject()) ?? DistinguishedName()
        cachedSubject = name
        return name
    }
    private var cachedSubject: DistinguishedName?

    /// The decoded SAN extension.
    private var sanNames: GeneralNames?

    /// The `SAN` facts (made on first use: the fast path reads the lists straight from here).
    private var sanFacts: SANFacts {
        lock.lock()
        defer { lock.unlock() }
        if let cachedSANFacts { return cachedSANFacts }
        let facts = SANFacts(sanNames, dns: sanDNS, ip: sanIP)
        cachedSANFacts = facts
        return facts
    }

    /// The `Name` facts of the subject (made on first use).
    private var subjectFacts: NameFacts {
        let name = subject
        lock.lock()
        defer { lock.unlock() }
        if let cachedSubjectFacts { return cachedSubjectFacts }
        let facts = NameFacts(name)
        cachedSubjectFacts = facts
        return facts
    }
    /// The issuer's name (decoded on first use: chains compare the encoded names, and no
    /// built-in rule reads it, so most certificates never need it).
    public var issuer: DistinguishedName {
        lock.lock()
        defer { lock.unlock() }
        if let cachedIssuer { return cachedIssuer }
        let name = (try? certificate.issuer()) ?? DistinguishedName()
        cachedIssuer = name
        return name
    }
    /// The public key, when readable (decoded again on first use: the facts keep only its
    /// algorithm, size, curve and exponent).
    public var publicKey: SubjectPublicKeyInfo? {
        lock.lock()
        defer { lock.unlock() }
        if let cachedPublicKey { return cachedPublicKey.key }
        let key = try? certificate.publicKey()
        cachedPublicKey = PublicKeyBox(key: key)
        return key
    }
    /// Boxed, so the facts keep a pointer, not the key's 96 bytes, until it is read.
    private var cachedPublicKey: PublicKeyBox?
    private final class PublicKeyBox: Sendable {
        let key: SubjectPublicKeyInfo?
        init(key: SubjectPublicKeyInfo?) { self.key = key }
    }
    /// The subject key identifier.
    public private(set) var subjectKeyIdentifier: ArraySlice<UInt8>?
    /// The authority key identifier's key identifier.
    public private(set) var authorityKeyIdentifier: ArraySlice<UInt8>?
    /// The SAN DNS names and IP addresses (and the CN), for hostname matching.
    public var identity: HostnameMatcher.CertificateIdentity {
        var names: GeneralNames?
        names = sanNames
        return HostnameMatcher.CertificateIdentity(
            dnsNames: names?.dnsNames ?? [], ipAddresses: names?.ipAddresses ?? [],
            commonNames: subject.values(of: .commonName), hasSubjectAltName: hasSAN)
    }
    /// notAfter, when readable.
    public private(set) var notAfter: DERTime?
    /// The extensions, as listed (decoded again on first use: the list is most of the memory
    /// facts would keep, and rules read what the facts decode from it).
    public var extensions: [Extension] {
        lock.lock()
        defer { lock.unlock() }
        if let cachedExtensions { return cachedExtensions }
        let list = (try? certificate.extensions()) ?? []
        cachedExtensions = list
        return list
    }
    private var cachedExtensions: [Extension]?

    /// The lock guarding this object's caches: one of a fixed set shared by all facts, picked
    /// by address, so building facts allocates no lock (contention is negligible: the caches
    /// are filled once). Two facts may share a lock, so nothing done while holding it may
    /// touch another facts object, and it is not recursive: take it for the cache alone.
    private var lock: NSLock { CertificateFacts.locks[Int(bitPattern: UInt(bitPattern: ObjectIdentifier(self).hashValue) >> 4) & 63] }
    private static let locks = (0..<64).map { _ in NSLock() }
    private var cachedFingerprint: String?
    private var cachedIssuer: DistinguishedName?

    /// Reads the facts of `certificate` at `source`, as of `now`.
    public init(_ certificate: Certificate, source: FactSource, now: DERTime, publicRoots: PublicRoots = .builtIn) {
        self.certificate = certificate
        self.source = source
        // The closures below read `self.certificate`, which they borrow; capturing the
        // parameter would copy the certificate into each of them.
        func read<T>(_ field: String, _ body: () throws(DERError) -> T) -> T? {
            do throws(DERError) {
                return try body()
            } catch {
                problems.append((field, error))
                return nil
            }
        }
        _ = read("subject", { () throws(DERError) in try self.certificate.validateSubject() })
        let notBefore = read("notBefore", { () throws(DERError) in try self.certificate.notBefore() })
        notAfter = read("notAfter", { () throws(DERError) in try self.certificate.notAfter() })
        notBeforeSeconds = notBefore?.secondsSinceEpoch ?? 0
        notAfterSeconds = notAfter?.secondsSinceEpoch ?? 0
        if let notBefore, let notAfter {
            let seconds = notAfter.secondsSinceEpoch - notBefore.secondsSinceEpoch + 1
            validityDays = seconds > 0 ? (seconds + 86_399) / 86_400 : 0
        }
        if let notAfter {
            let left = notAfter.secondsSinceEpoch - now.secondsSinceEpoch
            daysUntilExpiry = left >= 0 ? left / 86_400 : -((-left + 86_399) / 86_400)
            expired = left < 0
        }
        notYetValid = (notBefore?.secondsSinceEpoch ?? Int64.min) > now.secondsSinceEpoch

        let publicKey = read("subjectPublicKeyInfo", { () throws(DERError) in try self.certificate.publicKey() })
        keyAlgorithm = publicKey?.algorithmName ?? ""
        keyBits = Int64(publicKey?.bits ?? 0)
        curve = publicKey?.curveName ?? ""
        rsaExponent = Int64(clamping: publicKey?.rsaExponent ?? 0)
        let signature = read("signatureAlgorithm", { () throws(DERError) in try self.certificate.signatureAlgorithm() })
        signatureHash = signature?.hashName ?? ""

        // One pass over the extensions, keeping the first of each kind the facts read (all or
        // none: a list with a bad extension is an `extensions` problem, as a whole).
        var known = KnownExtensions()
        let listed: Bool? = read("extensions", { () throws(DERError) in
            try self.certificate.forEachExtension { known.note($0) }
            return true
        })
        if listed == nil { known = KnownExtensions() }
        let san = decode(known.subjectAltName, "san") { b, n throws(DERError) in try GeneralNames(b, n) }
        hasSAN = known.subjectAltName != nil
        sanNames = san
        sanDNS = san?.dnsNames ?? []
        sanIP = san?.ipAddresses.map(\.description) ?? []
        let eku = decode(known.extKeyUsage, "eku") { b, n throws(DERError) in try ExtendedKeyUsage(b, n) }
        hasEKU = known.extKeyUsage != nil
        ekuNames = eku?.names ?? []
        hasKeyUsage = known.keyUsage != nil
        let basic = decode(known.basicConstraints, "basicConstraints") { b, n throws(DERError) in try BasicConstraints(b, n) }
        isCA = basic?.isCA ?? false
        pathLen = Int64(basic?.pathLength ?? -1)
        subjectKeyIdentifier = decode(known.subjectKeyIdentifier, "ski") { b, n throws(DERError) in
            try n.expect(.octetString, "SubjectKeyIdentifier")
            return b[n.contentRange]
        }
        authorityKeyIdentifier = decode(known.authorityKeyIdentifier, "aki") { b, n throws(DERError) in try AuthorityKeyIdentifier(b, n) }?.keyIdentifier
        selfIssued = certificate.isSelfIssued
        selfSigned = selfIssued && (authorityKeyIdentifier == nil || subjectKeyIdentifier == nil || authorityKeyIdentifier?.elementsEqual(subjectKeyIdentifier ?? []) == true)
        hasSCTs = known.signedCertificateTimestampList != nil
        mustStaple = decode(known.tlsFeature, "tlsFeature") { b, n throws(DERError) in try TLSFeature(b, n) }?.mustStaple ?? false
        publiclyTrusted =
            hasSCTs
            || (selfSigned
                ? publicRoots.contains(subjectKeyIdentifier: subjectKeyIdentifier) : publicRoots.contains(subjectKeyIdentifier: authorityKeyIdentifier))
        unreadable = checkFieldsReadOnDemand(known)
    }

    /// The first extension of each kind the facts read.
    private struct KnownExtensions {
        var subjectAltName: Extension?
        var extKeyUsage: Extension?
        var keyUsage: Extension?
        var basicConstraints: Extension?
        var subjectKeyIdentifier: Extension?
        var authorityKeyIdentifier: Extension?
        var signedCertificateTimestampList: Extension?
        var tlsFeature: Extension?
        var crlDistributionPoints: Extension?
        var authorityInfoAccess: Extension?
        var certificatePolicies: Extension?

        mutating func note(_ ext: Extension) {
            func keep(_ slot: inout Extension?) { if slot == nil { slot = ext } }
            switch ext.oid {
            case .subjectAltName: keep(&subjectAltName)
            case .extKeyUsage: keep(&extKeyUsage)
            case .keyUsage: keep(&keyUsage)
            case .basicConstraints: keep(&basicConstraints)
            case .subjectKeyIdentifier: keep(&subjectKeyIdentifier)
            case .authorityKeyIdentifier: keep(&authorityKeyIdentifier)
            case .signedCertificateTimestampList: keep(&signedCertificateTimestampList)
            case .tlsFeature: keep(&tlsFeature)
            case .crlDistributionPoints: keep(&crlDistributionPoints)
            case .authorityInfoAccess: keep(&authorityInfoAccess)
            case .certificatePolicies: keep(&certificatePolicies)
            default: break
            }
        }
    }

    /// The position of extension `oid` in `extensions`.
    private func extensionIndex(_ oid: OID, in extensions: [Extension]) -> Int? {
        var i = 0
        while i < extensions.count {
            if extensions[i].oid == oid { return i }
            i += 1
        }
        return nil
    }

    /// The extensions decoded only on demand, checked by ``allProblems`` in this order.
    private enum FieldReadOnDemand {
        case keyUsage, scts, crlDistributionPoints, authorityInfoAccess, certificatePolicies

        static let all: [FieldReadOnDemand] = [.keyUsage, .scts, .crlDistributionPoints, .authorityInfoAccess, .certificatePolicies]

        /// The field's extension, if the certificate has one.
        func find(in known: KnownExtensions) -> Extension? {
            switch self {
            case .keyUsage: return known.keyUsage
            case .scts: return known.signedCertificateTimestampList
            case .crlDistributionPoints: return known.crlDistributionPoints
            case .authorityInfoAccess: return known.authorityInfoAccess
            case .certificatePolicies: return known.certificatePolicies
            }
        }

        /// The field's name in ``CertificateFacts/allProblems``.
        var name: String {
            switch self {
            case .keyUsage: return "keyUsage"
            case .scts: return "scts"
            case .crlDistributionPoints: return "crlDistributionPoints"
            case .authorityInfoAccess: return "authorityInfoAccess"
            case .certificatePolicies: return "certificatePolicies"
            }
        }

        /// Throws what decoding the extension would.
        func check(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
            switch self {
            case .keyUsage: try KeyUsage.validate(bytes, node)
            case .scts: _ = try SignedCertificateTimestampList(bytes, node)
            case .crlDistributionPoints: _ = try CRLDistributionPoints(bytes, node)
            case .authorityInfoAccess: _ = try AuthorityInformationAccess(bytes, node)
            case .certificatePolicies: _ = try CertificatePolicies(bytes, node)
            }
        }
    }

    /// ``problems`` plus those of the fields no fact is decoded from (the issuer's name, key
    /// usage, SCTs, CRL distribution points, authority information access, policies).
    public var allProblems: [(field: String, error: DERError)] { unreadable }

    /// Checks the fields no fact is decoded from, for ``allProblems``. Done while the facts are
    /// built, when the certificate's bytes are in the cache, rather than when a rule asks.
    private func checkFieldsReadOnDemand(_ known: KnownExtensions) -> [(field: String, error: DERError)] {
        var result = problems
        // A self-issued certificate's issuer is the same bytes as its subject, already decoded
        // (when that failed, the issuer is decoded for its own error).
        if !selfIssued || problems.contains(where: { $0.field == "subject" }) {
            do throws(DERError) {
                try certificate.validateIssuer()
            } catch {
                result.insert(("issuer", error), at: result.firstIndex { $0.field != "subject" } ?? result.endIndex)
            }
        }
        for field in FieldReadOnDemand.all {
            guard let ext = field.find(in: known) else { continue }
            do throws(DERError) {
                try ext.decode(in: certificate.buffer) { b, n throws(DERError) in try field.check(b, n) }
            } catch {
                result.append((field.name, error.inField("tbsCertificate")))
            }
        }
        return result
    }

    /// Decodes extension `ext` (nil when absent), recording a failure under `field`.
    private func decode<T>(_ ext: Extension?, _ field: String, _ body: ([UInt8], DERNode) throws(DERError) -> T) -> T? {
        guard let ext else { return nil }
        do throws(DERError) {
            return try ext.decode(in: certificate.buffer, body)
        } catch {
            if !problems.contains(where: { $0.field == field }) { problems.append((field, error.inField("tbsCertificate"))) }
            return nil
        }
    }

    /// Decodes extension `oid` again, without recording anything (for fields read on demand).
    private func quietly<T>(_ oid: OID, _ body: ([UInt8], DERNode) throws(DERError) -> T) -> T? {
        let extensions = self.extensions
        guard let index = extensionIndex(oid, in: extensions) else { return nil }
        return try? extensions[index].decode(in: certificate.buffer, body)
    }

    /// The signature algorithm's name (read again: the facts keep only its hash's name, which
    /// rules read).
    private var signatureAlgorithmName: String { (try? certificate.signatureAlgorithm())?.description ?? "" }

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
        usageCount = Int64(count)
        self.roles = roles
    }

    /// The fields in the order the expression checker numbers them (sorted by name); a test
    /// checks it against ``FactSchema``.
    enum Field: Int, CaseIterable {
        case aki
        case caIssuers
        case crlURLs
        case curve
        case daysUntilExpiry
        case eku
        case expired
        case extensions
        case fingerprint
        case hasEKU
        case hasKeyUsage
        case hasSAN
        case hasSCTs
        case isCA
        case issuer
        case keyAlgorithm
        case keyBits
        case keyUsage
        case mustStaple
        case notAfter
        case notBefore
        case notYetValid
        case ocspURLs
        case pathLen
        case policies
        case publiclyTrusted
        case roles
        case rsaExponent
        case san
        case selfIssued
        case selfSigned
        case serial
        case signatureAlgorithm
        case signatureHash
        case ski
        case source
        case subject
        case unreadableFields
        case usageCount
        case validityDays
        case version
    }

    /// The fields by name.
    static let fieldsByName: [String: Field] = Dictionary(uniqueKeysWithValues: Field.allCases.map { ("\($0)", $0) })

    /// A field by its position (the checker resolves names to positions at load time).
    public func field(at index: Int, named name: String) -> CELValue? {
        guard let field = Field(rawValue: index) else { return self.field(name) }
        return value(of: field)
    }

    /// A field by its fact name (``FactSchema/objectTypes``'s `Certificate`).
    public func field(_ name: String) -> CELValue? {
        guard let field = CertificateFacts.fieldsByName[name] else { return nil }
        return value(of: field)
    }

    private func value(of field: Field) -> CELValue {
        switch field {
        case .subject: return .object(subjectFacts)
        case .issuer: return .object(NameFacts(issuer))
        case .notBefore: return .timestamp(seconds: notBeforeSeconds)
        case .notAfter: return .timestamp(seconds: notAfterSeconds)
        case .validityDays: return .int(validityDays)
        case .daysUntilExpiry: return .int(daysUntilExpiry)
        case .expired: return .bool(expired)
        case .notYetValid: return .bool(notYetValid)
        case .keyAlgorithm: return .string(keyAlgorithm)
        case .keyBits: return .int(keyBits)
        case .curve: return .string(curve)
        case .rsaExponent: return .int(rsaExponent)
        case .signatureAlgorithm: return .string(signatureAlgorithmName)
        case .signatureHash: return .string(signatureHash)
        case .san: return .object(sanFacts)
        case .hasSAN: return .bool(hasSAN)
        case .hasEKU: return .bool(hasEKU)
        case .eku: return .strings(ekuNames)
        case .hasKeyUsage: return .bool(hasKeyUsage)
        case .keyUsage: return .strings(quietly(.keyUsage) { b, n throws(DERError) in try KeyUsage(b, n) }?.names ?? [])
        case .isCA: return .bool(isCA)
        case .pathLen: return .int(pathLen)
        case .selfSigned: return .bool(selfSigned)
        case .selfIssued: return .bool(selfIssued)
        case .hasSCTs: return .bool(hasSCTs)
        case .mustStaple: return .bool(mustStaple)
        case .publiclyTrusted: return .bool(publiclyTrusted)
        case .source: return source.value
        case .usageCount: return .int(usageCount)
        case .roles: return .strings(roles)
        case .version: return .int(Int64(certificate.version))
        case .serial: return .string(certificate.serialNumber().hex)
        case .fingerprint: return .string(fingerprint)
        case .ski: return .string(subjectKeyIdentifier?.hexString ?? "")
        case .aki: return .string(authorityKeyIdentifier?.hexString ?? "")
        case .unreadableFields: return .strings(allProblems.map(\.field))
        case .crlURLs: return .strings(quietly(.crlDistributionPoints) { b, n throws(DERError) in try CRLDistributionPoints(b, n) }?.uris ?? [])
        case .ocspURLs: return .strings(quietly(.authorityInfoAccess) { b, n throws(DERError) in try AuthorityInformationAccess(b, n) }?.ocspURIs ?? [])
        case .caIssuers: return .strings(quietly(.authorityInfoAccess) { b, n throws(DERError) in try AuthorityInformationAccess(b, n) }?.caIssuersURIs ?? [])
        case .policies: return .strings(quietly(.certificatePolicies) { b, n throws(DERError) in try CertificatePolicies(b, n) }?.oids.map(\.nameOrDotted) ?? [])
        case .extensions:
            return .list(extensions.map { ext in
                .object(FactRecord(typeName: "Extension", fields: ["oid": .string(ext.oid.dotted), "name": .string(ext.name), "critical": .bool(ext.isCritical)]))
            })
        }
    }
}

extension CertificateFacts {
    // The fast path's typed reads (``CELObject/boolField(at:named:)``): the fields rules read
    // most, straight from the stored properties, with the values ``value(of:)`` gives; the
    // rest through it.

    /// A `bool` field, from the stored properties (``CELObject/boolField(at:named:)``).
    public func boolField(at index: Int, named name: String) -> Bool? {
        switch Field(rawValue: index) {
        case .expired: return expired
        case .notYetValid: return notYetValid
        case .hasSAN: return hasSAN
        case .hasEKU: return hasEKU
        case .hasKeyUsage: return hasKeyUsage
        case .isCA: return isCA
        case .selfSigned: return selfSigned
        case .selfIssued: return selfIssued
        case .hasSCTs: return hasSCTs
        case .mustStaple: return mustStaple
        case .publiclyTrusted: return publiclyTrusted
        default:
            if case .bool(let b)? = field(at: index, named: name) { return b }
            return nil
        }
    }

    /// An `int` field, from the stored properties (``CELObject/intField(at:named:)``).
    public func intField(at index: Int, named name: String) -> Int64? {
        switch Field(rawValue: index) {
        case .validityDays: return validityDays
        case .daysUntilExpiry: return daysUntilExpiry
        case .keyBits: return keyBits
        case .rsaExponent: return rsaExponent
        case .pathLen: return pathLen
        case .usageCount: return usageCount
        case .version: return Int64(certificate.version)
        default:
            if case .int(let i)? = field(at: index, named: name) { return i }
            return nil
        }
    }

    /// A `timestamp` field, from the stored properties (``CELObject/timestampField(at:named:)``).
    public func timestampField(at index: Int, named name: String) -> Int64? {
        switch Field(rawValue: index) {
        case .notBefore: return notBeforeSeconds
        case .notAfter: return notAfterSeconds
        default:
            if case .timestamp(let s)? = field(at: index, named: name) { return s }
            return nil
        }
    }

    /// A `string` field, from the stored properties (``CELObject/stringField(at:named:)``).
    public func stringField(at index: Int, named name: String) -> String? {
        switch Field(rawValue: index) {
        case .keyAlgorithm: return keyAlgorithm
        case .curve: return curve
        case .signatureAlgorithm: return signatureAlgorithmName
        case .signatureHash: return signatureHash
        default:
            if case .string(let s)? = field(at: index, named: name) { return s }
            return nil
        }
    }

    /// A `list(string)` field, from the stored properties (``CELObject/stringsField(at:named:)``).
    public func stringsField(at index: Int, named name: String) -> [String]? {
        switch Field(rawValue: index) {
        case .eku: return ekuNames
        case .roles: return roles
        case .unreadableFields: return allProblems.map(\.field)
        default:
            return field(at: index, named: name)?.stringList
        }
    }

    /// `subject.cn` without making the subject's `Name` object when it exists already, else
    /// through the intermediate object (``CELObject/stringField(at:named:inField:named:)``).
    public func stringField(at index: Int, named name: String, inField outer: Int, named outerName: String) -> String? {
        if Field(rawValue: outer) == .subject && name == "cn" { return subjectFacts.cn }
        return objectField(at: outer, named: outerName)?.stringField(at: index, named: name)
    }

    /// `san.dns` and `san.ip` from the stored lists, without making the `SAN` object; other
    /// nested lists through it (``CELObject/stringsField(at:named:inField:named:)``).
    public func stringsField(at index: Int, named name: String, inField outer: Int, named outerName: String) -> [String]? {
        if Field(rawValue: outer) == .san {
            switch name {
            case "dns": return sanDNS
            case "ip": return sanIP
            default: break
            }
        }
        return objectField(at: outer, named: outerName)?.stringsField(at: index, named: name)
    }

    /// An object field (``CELObject/objectField(at:named:)``).
    public func objectField(at index: Int, named name: String) -> (any CELObject)? {
        switch Field(rawValue: index) {
        case .subject: return subjectFacts
        case .san: return sanFacts
        default:
            if case .object(let o)? = field(at: index, named: name) { return o }
            return nil
        }
    }
}

/// The `Name` facts of a distinguished name.
final class NameFacts: CELObject, @unchecked Sendable {
    var typeName: String { "Name" }
    let cn: String
    let name: DistinguishedName

    init(_ name: DistinguishedName) {
        self.name = name
        cn = name.commonName ?? ""
    }

    func field(_ field: String) -> CELValue? {
        switch field {
        case "cn": return .string(cn)
        case "dn": return .string(name.rfc4514String)
        case "o": return .strings(name.values(of: .organizationName))
        case "ou": return .strings(name.values(of: .organizationalUnitName))
        case "c": return .strings(name.values(of: .countryName))
        default: return nil
        }
    }

    func stringField(at index: Int, named name: String) -> String? {
        name == "cn" ? cn : field(name).flatMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
}

/// The `SAN` facts of a subject alternative name extension.
final class SANFacts: CELObject, @unchecked Sendable {
    var typeName: String { "SAN" }
    let dns: [String]
    let ip: [String]
    let names: GeneralNames?

    init(_ names: GeneralNames?, dns: [String], ip: [String]) {
        self.names = names
        self.dns = dns
        self.ip = ip
    }

    func field(_ field: String) -> CELValue? {
        switch field {
        case "dns": return .strings(dns)
        case "ip": return .strings(ip)
        case "email": return .strings(names?.emailAddresses ?? [])
        case "uri": return .strings(names?.uris ?? [])
        case "upn": return .strings(names?.userPrincipalNames ?? [])
        default: return nil
        }
    }

    func stringsField(at index: Int, named name: String) -> [String]? {
        switch name {
        case "dns": return dns
        case "ip": return ip
        case "email": return names?.emailAddresses ?? []
        case "uri": return names?.uris ?? []
        case "upn": return names?.userPrincipalNames ?? []
        default: return nil
        }
    }
}
