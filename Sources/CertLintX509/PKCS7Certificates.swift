import CertLintDER

/// The certificates of a PKCS#7 / CMS SignedData (RFC 5652), as `.p7b`/`.p7c` files carry
/// certificate chains ("certs-only", with no content and no signers).
///
/// ```
/// ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY }
/// SignedData ::= SEQUENCE {
///      version CMSVersion,
///      digestAlgorithms SET OF DigestAlgorithmIdentifier,
///      encapContentInfo EncapsulatedContentInfo,
///      certificates [0] IMPLICIT CertificateSet OPTIONAL,
///      crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
///      signerInfos SET OF SignerInfo }
/// ```
/// The container may use BER (indefinite lengths), as some Windows and Java writers do; the
/// certificates inside are read as strict DER.
public struct PKCS7Certificates: Sendable {
    /// The certificates, in the order the file lists them.
    public let certificates: [Certificate]
    /// Entries of the certificate set that could not be read (with their index), so one bad
    /// certificate does not hide the others.
    public let failures: [(index: Int, error: DERError)]
    /// The number of CRLs the bundle carries.
    public let crlCount: Int
    /// The number of signers (0 for a certs-only bundle).
    public let signerCount: Int

    /// Whether `bytes[range]` looks like a PKCS#7 SignedData ContentInfo.
    public static func looksLikePKCS7(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        guard let root = try? DER.readNode(bytes, at: range.lowerBound, limit: range.upperBound, rules: .ber, depth: 0),
            root.tag == .sequence,
            let first = try? DER.readNode(bytes, at: root.contentStart, limit: root.contentEnd, rules: .ber, depth: 1),
            first.tag == .objectIdentifier
        else { return false }
        return OID.pkcs7SignedData.matches(bytes, first.contentRange)
    }

    /// Reads the SignedData occupying `range` of `bytes`.
    public init(berEncoded bytes: [UInt8], range: Range<Int>? = nil) throws(DERError) {
        let range = range ?? 0..<bytes.count
        let root = try DER.parse(bytes, in: range, rules: .ber)
        try root.expect(.sequence, "ContentInfo")
        var contentInfo = DERReader(bytes, children: root, rules: .ber)
        let type = try contentInfo.read(.objectIdentifier, "contentType")
        guard OID.pkcs7SignedData.matches(bytes, type.contentRange) else {
            let oid = (try? type.oid(in: bytes))?.nameOrDotted ?? "unreadable"
            throw DERError(.unrecognizedFormat, at: type.start, "The PKCS#7 content type is \(oid); only signedData carries certificates", path: "contentType")
        }
        let wrapper = try contentInfo.read(.context(0, constructed: true), "content")
        try contentInfo.finish("ContentInfo")
        var explicit = DERReader(bytes, children: wrapper, rules: .ber)
        let signedData = try explicit.read(.sequence, "content")
        var fields = DERReader(bytes, children: signedData, rules: .ber)
        _ = try fields.read(.integer, "SignedData.version")
        _ = try fields.read(.set, "SignedData.digestAlgorithms")
        _ = try fields.read(.sequence, "SignedData.encapContentInfo")
        var certificates: [Certificate] = []
        var failures: [(Int, DERError)] = []
        if let set = try fields.readIfPresent(.context(0, constructed: true)) {
            var reader = DERReader(bytes, children: set, rules: .ber)
            var index = 0
            while let node = try reader.next() {
                defer { index += 1 }
                guard node.tag == .sequence else {
                    // Attribute certificates and other choices are not X.509 certificates.
                    continue
                }
                do throws(DERError) {
                    certificates.append(try Certificate(derEncoded: bytes, range: node.encodedRange))
                } catch {
                    failures.append((index, error.atIndex(index).inField("SignedData.certificates")))
                }
                if certificates.count + failures.count > PKCS7Certificates.maxCertificates {
                    throw DERError(.tooMany, at: node.start, "The bundle holds more than \(PKCS7Certificates.maxCertificates) certificates")
                }
            }
        }
        var crls = 0
        if let crlSet = try fields.readIfPresent(.context(1, constructed: true)) {
            var reader = DERReader(bytes, children: crlSet, rules: .ber)
            while try reader.next() != nil { crls += 1 }
        }
        let signers = try fields.read(.set, "SignedData.signerInfos")
        var signerReader = DERReader(bytes, children: signers, rules: .ber)
        var signerCount = 0
        while try signerReader.next() != nil { signerCount += 1 }
        try fields.finish("SignedData")
        self.certificates = certificates
        self.failures = failures
        self.crlCount = crls
        self.signerCount = signerCount
    }

    /// The most certificates read from one bundle.
    public static let maxCertificates = 10_000
}
