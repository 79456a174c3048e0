import CertLintDER
import CertLintCrypto

/// A PKCS#10 certificate signing request (RFC 2986).
///
/// ```
/// CertificationRequest ::= SEQUENCE {
///      certificationRequestInfo CertificationRequestInfo,
///      signatureAlgorithm       AlgorithmIdentifier,
///      signature                BIT STRING }
/// CertificationRequestInfo ::= SEQUENCE {
///      version       INTEGER { v1(0) },
///      subject       Name,
///      subjectPKInfo SubjectPublicKeyInfo,
///      attributes    [0] IMPLICIT SET OF Attribute }
/// Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET SIZE(1..MAX) OF ANY }
/// ```
public struct CertificateSigningRequest: Sendable {
    /// The buffer holding the request.
    public let buffer: [UInt8]
    /// The range of the request's DER encoding within ``buffer``.
    public let range: Range<Int>
    let subjectNode: DERNode
    let spkiNode: DERNode
    let attributesNode: DERNode?
    let signatureAlgorithmNode: DERNode

    /// Reads the request occupying `range` of `buffer` (all of it by default).
    public init(derEncoded buffer: [UInt8], range: Range<Int>? = nil) throws(DERError) {
        let range = range ?? 0..<buffer.count
        let signed = try SignedStructure(
            buffer, range: range, name: "CertificationRequest",
            fieldNames: ("certificationRequestInfo", "signatureAlgorithm", "signature"))
        let info = signed.toBeSigned
        signatureAlgorithmNode = signed.algorithm
        do throws(DERError) {
            var fields = DERReader(buffer, children: info)
            let version = try fields.read(.integer, "version").integer(in: buffer)
            guard version == 0 else {
                throw DERError(.invalidValue, at: info.contentStart, "The request version is \(version); only 0 (v1) exists", path: "version")
            }
            subjectNode = try fields.read(.sequence, "subject")
            spkiNode = try fields.read(.sequence, "subjectPKInfo")
            attributesNode = try fields.readIfPresent(.context(0, constructed: true))
            try fields.finish("certificationRequestInfo")
        } catch {
            throw error.inField("certificationRequestInfo")
        }
        self.buffer = buffer
        self.range = range
    }

    /// The request's DER encoding.
    public var derBytes: ArraySlice<UInt8> { buffer[range] }

    /// The requested subject name.
    public func subject() throws(DERError) -> DistinguishedName {
        do throws(DERError) { return try DistinguishedName(buffer, subjectNode) } catch { throw error.inField("certificationRequestInfo.subject") }
    }

    /// The public key to be certified.
    public func publicKey() throws(DERError) -> SubjectPublicKeyInfo {
        do throws(DERError) { return try SubjectPublicKeyInfo(buffer, spkiNode) } catch { throw error.inField("certificationRequestInfo.subjectPKInfo") }
    }

    /// The signature algorithm.
    public func signatureAlgorithm() throws(DERError) -> SignatureAlgorithm {
        do throws(DERError) { return try SignatureAlgorithm(buffer, signatureAlgorithmNode) } catch { throw error.inField("signatureAlgorithm") }
    }

    /// The extensions requested through the PKCS#9 extensionRequest attribute, in order.
    public func requestedExtensions() throws(DERError) -> [Extension] {
        guard let attributesNode else { return [] }
        do throws(DERError) {
            var attributes = DERReader(buffer, children: attributesNode)
            while let attribute = try attributes.next() {
                try attribute.expect(.sequence, "Attribute")
                var fields = DERReader(buffer, children: attribute)
                let type = try fields.read(.objectIdentifier, "type")
                let values = try fields.read(.set, "values")
                try fields.finish("Attribute")
                guard OID.extensionRequest.matches(buffer, type.contentRange) else { continue }
                var valueReader = DERReader(buffer, children: values)
                let list = try valueReader.read(.sequence, "extensionRequest")
                var extensions: [Extension] = []
                var reader = DERReader(buffer, children: list)
                while let node = try reader.next() {
                    do throws(DERError) {
                        extensions.append(try Extension(buffer, node, index: extensions.count))
                    } catch {
                        throw error.atIndex(extensions.count).inField("extensions")
                    }
                }
                return extensions
            }
            return []
        } catch {
            throw error.inField("certificationRequestInfo.attributes")
        }
    }

    /// The requested subject alternative names, or `nil` when none are requested.
    public func subjectAlternativeNames() throws(DERError) -> GeneralNames? {
        guard let ext = try requestedExtensions().first(where: { $0.oid == .subjectAltName }) else { return nil }
        do throws(DERError) {
            return try ext.decode(in: buffer) { b, n throws(DERError) in try GeneralNames(b, n) }
        } catch {
            throw error.inField("certificationRequestInfo.attributes.extensionRequest")
        }
    }

    /// The SHA-256 of the request's DER encoding.
    public var sha256Fingerprint: [UInt8] { SHA256.hash(derBytes) }
}
