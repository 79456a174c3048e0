import CertLintDER
import CertLintCrypto

/// An X.509 certificate (RFC 5280), read lazily over its DER bytes.
///
/// Creating one validates the whole DER tree (framing, minimal lengths, depth) and the shape
/// of the certificate: the three top-level fields and the TBSCertificate fields in order.
/// Field values are decoded on demand by the accessors, so reading a subject and a SAN costs
/// nothing for the fields not read, and a malformed extension spoils that extension only.
///
/// ```
/// Certificate  ::=  SEQUENCE  {
///      tbsCertificate       TBSCertificate,
///      signatureAlgorithm   AlgorithmIdentifier,
///      signatureValue       BIT STRING  }
///
/// TBSCertificate  ::=  SEQUENCE  {
///      version         [0]  EXPLICIT Version DEFAULT v1,
///      serialNumber         CertificateSerialNumber,
///      signature            AlgorithmIdentifier,
///      issuer               Name,
///      validity             Validity,
///      subject              Name,
///      subjectPublicKeyInfo SubjectPublicKeyInfo,
///      issuerUniqueID  [1]  IMPLICIT UniqueIdentifier OPTIONAL,
///      subjectUniqueID [2]  IMPLICIT UniqueIdentifier OPTIONAL,
///      extensions      [3]  EXPLICIT Extensions OPTIONAL }
/// ```
public struct Certificate: Sendable {
    /// The buffer holding the certificate (possibly a larger file, such as a PKCS#7 bundle).
    public let buffer: [UInt8]
    /// The range of the certificate's DER encoding within ``buffer``.
    public let range: Range<Int>

    let tbsNode: DERNode
    /// The version as encoded: 0 for v1, 1 for v2, 2 for v3.
    let versionValue: Int
    let versionExplicit: Bool
    let serialNode: DERNode
    let innerSignatureNode: DERNode
    let issuerNode: DERNode
    let notBeforeNode: DERNode
    let notAfterNode: DERNode
    let subjectNode: DERNode
    let spkiNode: DERNode
    let extensionsNode: DERNode?
    let hasUniqueIdentifiers: Bool
    let signatureAlgorithmNode: DERNode
    let signatureNode: DERNode

    /// Reads the certificate occupying `range` of `buffer` (all of it by default).
    public init(derEncoded buffer: [UInt8], range: Range<Int>? = nil) throws(DERError) {
        let range = range ?? 0..<buffer.count
        let signed = try SignedStructure(
            buffer, range: range, name: "Certificate",
            fieldNames: ("tbsCertificate", "signatureAlgorithm", "signatureValue"))
        let tbs = signed.toBeSigned
        signatureAlgorithmNode = signed.algorithm
        signatureNode = signed.signature

        do throws(DERError) {
            var reader = DERReader(buffer, children: tbs)
            if let versionWrapper = try reader.readIfPresent(.context(0, constructed: true)) {
                var inner = DERReader(buffer, children: versionWrapper)
                let versionNode = try inner.read(.integer, "version")
                try inner.finish("version")
                let value = try versionNode.integer(in: buffer)
                guard (0...2).contains(value) else {
                    throw DERError(.invalidValue, at: versionNode.start, "The certificate version is \(value + 1); only 1, 2 and 3 exist", path: "version")
                }
                versionValue = value
                versionExplicit = true
            } else {
                versionValue = 0
                versionExplicit = false
            }
            serialNode = try reader.read(.integer, "serialNumber")
            innerSignatureNode = try reader.read(.sequence, "signature")
            issuerNode = try reader.read(.sequence, "issuer")
            let validity = try reader.read(.sequence, "validity")
            var times = DERReader(buffer, children: validity)
            notBeforeNode = try times.readAny("validity.notBefore")
            notAfterNode = try times.readAny("validity.notAfter")
            try times.finish("validity")
            // Checked one after the other, not by looping over a list, which would allocate.
            func checkTime(_ node: DERNode, _ name: String) throws(DERError) {
                if node.tag != .utcTime && node.tag != .generalizedTime {
                    throw DERError(.unexpectedTag, at: node.start, "Expected a UTCTime or GeneralizedTime for \(name) but found \(node.tag.withArticle)", path: name)
                }
            }
            try checkTime(notBeforeNode, "validity.notBefore")
            try checkTime(notAfterNode, "validity.notAfter")
            subjectNode = try reader.read(.sequence, "subject")
            spkiNode = try reader.read(.sequence, "subjectPublicKeyInfo")
            let issuerUID = try reader.readIfPresent(.context(1, constructed: false))
            let subjectUID = try reader.readIfPresent(.context(2, constructed: false))
            hasUniqueIdentifiers = issuerUID != nil || subjectUID != nil
            if let wrapper = try reader.readIfPresent(.context(3, constructed: true)) {
                var inner = DERReader(buffer, children: wrapper)
                let list = try inner.read(.sequence, "extensions")
                try inner.finish("extensions")
                extensionsNode = list
            } else {
                extensionsNode = nil
            }
            try reader.finish("tbsCertificate")
        } catch {
            throw error.inField("tbsCertificate")
        }
        self.tbsNode = tbs
        self.buffer = buffer
        self.range = range
    }

    /// The certificate's DER encoding.
    public var derBytes: ArraySlice<UInt8> { buffer[range] }

    /// The DER encoding of the TBSCertificate (what the issuer signed).
    public var tbsBytes: ArraySlice<UInt8> { buffer[tbsNode.encodedRange] }

    /// The version: 1, 2 or 3.
    public var version: Int { versionValue + 1 }

    /// Whether a v1 certificate spells out its version, which DER forbids (DEFAULT v1).
    public var encodesDefaultVersion: Bool { versionExplicit && versionValue == 0 }

    /// Whether the certificate carries issuer or subject unique identifiers (v2 fields).
    public var hasUniqueIdentifierFields: Bool { hasUniqueIdentifiers }

    /// The serial number as encoded (two's complement, big-endian).
    public var serialNumberBytes: ArraySlice<UInt8> { buffer[serialNode.contentRange] }

    /// The serial number's properties that linters check.
    public func serialNumber() -> SerialNumber {
        SerialNumber(bytes: Array(serialNumberBytes))
    }

    /// The issuer's distinguished name.
    public func issuer() throws(DERError) -> DistinguishedName {
        do throws(DERError) { return try DistinguishedName(buffer, issuerNode) } catch { throw error.inField("tbsCertificate.issuer") }
    }

    /// The subject's distinguished name.
    public func subject() throws(DERError) -> DistinguishedName {
        do throws(DERError) { return try DistinguishedName(buffer, subjectNode) } catch { throw error.inField("tbsCertificate.subject") }
    }

    /// Throws what ``subject()`` throws, without building the name.
    public func validateSubject() throws(DERError) {
        do throws(DERError) { try DistinguishedName.validate(buffer, subjectNode) } catch { throw error.inField("tbsCertificate.subject") }
    }

    /// Throws what ``issuer()`` throws, without building the name.
    public func validateIssuer() throws(DERError) {
        do throws(DERError) { try DistinguishedName.validate(buffer, issuerNode) } catch { throw error.inField("tbsCertificate.issuer") }
    }

    /// The DER encoding of the issuer name, for exact comparisons.
    public var issuerBytes: ArraySlice<UInt8> { buffer[issuerNode.encodedRange] }

    /// The DER encoding of the subject name, for exact comparisons.
    public var subjectBytes: ArraySlice<UInt8> { buffer[subjectNode.encodedRange] }

    /// Whether subject and issuer are byte-for-byte the same name (a self-issued certificate).
    public var isSelfIssued: Bool {
        let issuer = issuerNode.encodedRange
        let subject = subjectNode.encodedRange
        guard issuer.count == subject.count else { return false }
        // Over the buffer's memory: comparing the two slices element by element is generic
        // and several times slower.
        return buffer.withUnsafeBytes { p in
            var i = 0
            while i + 8 <= issuer.count {
                if p.loadUnaligned(fromByteOffset: issuer.lowerBound + i, as: UInt64.self)
                    != p.loadUnaligned(fromByteOffset: subject.lowerBound + i, as: UInt64.self)
                {
                    return false
                }
                i += 8
            }
            while i < issuer.count {
                if p[issuer.lowerBound + i] != p[subject.lowerBound + i] { return false }
                i += 1
            }
            return true
        }
    }

    /// The start of the validity period.
    public func notBefore() throws(DERError) -> DERTime {
        do throws(DERError) { return try notBeforeNode.time(in: buffer) } catch { throw error.inField("tbsCertificate.validity.notBefore") }
    }

    /// The end of the validity period (inclusive).
    public func notAfter() throws(DERError) -> DERTime {
        do throws(DERError) { return try notAfterNode.time(in: buffer) } catch { throw error.inField("tbsCertificate.validity.notAfter") }
    }

    /// The subject's public key.
    public func publicKey() throws(DERError) -> SubjectPublicKeyInfo {
        do throws(DERError) { return try SubjectPublicKeyInfo(buffer, spkiNode) } catch { throw error.inField("tbsCertificate.subjectPublicKeyInfo") }
    }

    /// The DER encoding of the SubjectPublicKeyInfo (for key matching and SPKI pins).
    public var publicKeyInfoBytes: ArraySlice<UInt8> { buffer[spkiNode.encodedRange] }

    /// The algorithm the issuer signed with (the outer `signatureAlgorithm` field).
    public func signatureAlgorithm() throws(DERError) -> SignatureAlgorithm {
        do throws(DERError) { return try SignatureAlgorithm(buffer, signatureAlgorithmNode) } catch { throw error.inField("signatureAlgorithm") }
    }

    /// Whether the outer and inner (`tbsCertificate.signature`) algorithm identifiers are
    /// byte-for-byte equal, as RFC 5280 4.1.1.2 requires.
    public var signatureAlgorithmsAgree: Bool {
        buffer[signatureAlgorithmNode.encodedRange].elementsEqual(buffer[innerSignatureNode.encodedRange])
    }

    /// The signature's bytes.
    public var signatureBytes: ArraySlice<UInt8> {
        buffer[min(signatureNode.contentStart + 1, signatureNode.contentEnd)..<signatureNode.contentEnd]
    }

    /// Whether the certificate has an extensions field (v3).
    public var hasExtensions: Bool { extensionsNode != nil }

    /// Every extension, in encoded order, with its OID, criticality and value.
    ///
    /// Throws only when the list itself is malformed (an Extension that is not
    /// `SEQUENCE { OID, BOOLEAN?, OCTET STRING }`); a malformed *value* is found by the
    /// typed accessor for that extension.
    public func extensions() throws(DERError) -> [Extension] {
        var result: [Extension] = []
        // Room for a typical certificate's extensions, so the array is allocated once.
        result.reserveCapacity(12)
        try forEachExtension { result.append($0) }
        return result
    }

    /// Calls `body` with each extension in order, without collecting them; throws what
    /// ``extensions()`` throws (after calling `body` with the extensions before the bad one).
    public func forEachExtension(_ body: (Extension) -> Void) throws(DERError) {
        guard let list = extensionsNode else { return }
        var reader = DERReader(buffer, children: list)
        var index = 0
        while let node = try reader.next() {
            do throws(DERError) {
                body(try Extension(buffer, node, index: index))
            } catch {
                throw error.atIndex(index).inField("tbsCertificate.extensions")
            }
            index += 1
        }
    }

    /// The extension with `oid`, or `nil`; found without decoding the others.
    public func findExtension(_ oid: OID) throws(DERError) -> Extension? {
        guard let list = extensionsNode else { return nil }
        var reader = DERReader(buffer, children: list)
        var index = 0
        while let node = try reader.next() {
            defer { index += 1 }
            // Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, ... }: the OID's header is the
            // first two content bytes whenever its length is short (every OID in practice).
            let start = node.contentStart
            if node.tag == .sequence, start + 2 <= node.contentEnd, buffer[start] == 0x06, buffer[start + 1] < 0x80 {
                let oidEnd = start + 2 + Int(buffer[start + 1])
                guard oidEnd <= node.contentEnd, oid.matches(buffer, (start + 2)..<oidEnd) else { continue }
            }
            do throws(DERError) {
                let ext = try Extension(buffer, node, index: index)
                if ext.oid == oid { return ext }
            } catch {
                throw error.atIndex(index).inField("tbsCertificate.extensions")
            }
        }
        return nil
    }

    /// Decodes the value of the extension `oid` with `decode`, adding the field path to errors.
    func decodeExtension<T>(
        _ oid: OID, _ decode: ([UInt8], DERNode) throws(DERError) -> T
    ) throws(DERError) -> T? {
        guard let ext = try findExtension(oid) else { return nil }
        do throws(DERError) {
            return try ext.decode(in: buffer, decode)
        } catch {
            throw error.inField("tbsCertificate")
        }
    }

    /// The subject alternative names, or `nil` when the extension is absent.
    public func subjectAlternativeNames() throws(DERError) -> GeneralNames? {
        try decodeExtension(.subjectAltName) { b, n throws(DERError) in try GeneralNames(b, n) }
    }

    /// The extended key usage purposes, or `nil` when the extension is absent.
    public func extendedKeyUsage() throws(DERError) -> ExtendedKeyUsage? {
        try decodeExtension(.extKeyUsage) { b, n throws(DERError) in try ExtendedKeyUsage(b, n) }
    }

    /// The key usage bits, or `nil` when the extension is absent.
    public func keyUsage() throws(DERError) -> KeyUsage? {
        try decodeExtension(.keyUsage) { b, n throws(DERError) in try KeyUsage(b, n) }
    }

    /// The basic constraints, or `nil` when the extension is absent.
    public func basicConstraints() throws(DERError) -> BasicConstraints? {
        try decodeExtension(.basicConstraints) { b, n throws(DERError) in try BasicConstraints(b, n) }
    }

    /// The subject key identifier, or `nil` when the extension is absent.
    public func subjectKeyIdentifier() throws(DERError) -> [UInt8]? {
        try decodeExtension(.subjectKeyIdentifier) { b, n throws(DERError) in
            try n.expect(.octetString, "SubjectKeyIdentifier")
            return Array(b[n.contentRange])
        }
    }

    /// The authority key identifier, or `nil` when the extension is absent.
    public func authorityKeyIdentifier() throws(DERError) -> AuthorityKeyIdentifier? {
        try decodeExtension(.authorityKeyIdentifier) { b, n throws(DERError) in try AuthorityKeyIdentifier(b, n) }
    }

    /// The CRL distribution points, or `nil` when the extension is absent.
    public func crlDistributionPoints() throws(DERError) -> CRLDistributionPoints? {
        try decodeExtension(.crlDistributionPoints) { b, n throws(DERError) in try CRLDistributionPoints(b, n) }
    }

    /// The authority information access descriptions, or `nil` when the extension is absent.
    public func authorityInformationAccess() throws(DERError) -> AuthorityInformationAccess? {
        try decodeExtension(.authorityInfoAccess) { b, n throws(DERError) in try AuthorityInformationAccess(b, n) }
    }

    /// The certificate policies, or `nil` when the extension is absent.
    public func certificatePolicies() throws(DERError) -> CertificatePolicies? {
        try decodeExtension(.certificatePolicies) { b, n throws(DERError) in try CertificatePolicies(b, n) }
    }

    /// The name constraints, or `nil` when the extension is absent.
    public func nameConstraints() throws(DERError) -> NameConstraints? {
        try decodeExtension(.nameConstraints) { b, n throws(DERError) in try NameConstraints(b, n) }
    }

    /// The embedded Certificate Transparency SCTs, or `nil` when the extension is absent.
    public func signedCertificateTimestamps() throws(DERError) -> SignedCertificateTimestampList? {
        try decodeExtension(.signedCertificateTimestampList) { b, n throws(DERError) in try SignedCertificateTimestampList(b, n) }
    }

    /// The TLS features (RFC 7633), or `nil` when the extension is absent.
    public func tlsFeature() throws(DERError) -> TLSFeature? {
        try decodeExtension(.tlsFeature) { b, n throws(DERError) in try TLSFeature(b, n) }
    }

    /// The SHA-256 fingerprint of the DER encoding.
    public var sha256Fingerprint: [UInt8] { SHA256.hash(derBytes) }

    /// The SHA-1 fingerprint (the Windows "thumbprint").
    public var sha1Fingerprint: [UInt8] { SHA1.hash(derBytes) }
}

/// A certificate serial number as encoded, with the checks RFC 5280 4.1.2.2 asks for.
public struct SerialNumber: Sendable, Hashable, CustomStringConvertible {
    /// The INTEGER's content bytes (two's complement, big-endian).
    public let bytes: [UInt8]

    /// Creates a serial from its content bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Whether the serial is negative (RFC 5280 requires a positive integer).
    public var isNegative: Bool { (bytes.first ?? 0) & 0x80 != 0 }

    /// Whether the serial is zero.
    public var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

    /// Whether the encoding is minimal (no redundant leading 00 or FF byte), as DER requires.
    public var isMinimallyEncoded: Bool {
        guard bytes.count > 1 else { return !bytes.isEmpty }
        return !((bytes[0] == 0 && bytes[1] & 0x80 == 0) || (bytes[0] == 0xFF && bytes[1] & 0x80 != 0))
    }

    /// The number of content octets (RFC 5280 allows at most 20).
    public var encodedLength: Int { bytes.count }

    /// The value in lowercase hexadecimal without leading zeros, with a `-` for negative values.
    public var hex: String {
        var magnitude = bytes
        if isNegative {
            // Two's complement negation.
            var carry = 1
            for i in magnitude.indices.reversed() {
                let v = Int(~magnitude[i]) + carry
                magnitude[i] = UInt8(v & 0xFF)
                carry = v >> 8
            }
        }
        let text = magnitude.hexString.drop { $0 == "0" }
        return (isNegative ? "-" : "") + (text.isEmpty ? "0" : String(text))
    }

    /// The colon-separated form operators see in certificate viewers (`0A:1B:…`).
    public var description: String { bytes.colonHexString }
}
