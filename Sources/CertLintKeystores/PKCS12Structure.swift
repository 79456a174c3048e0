import CertLintDER

/// Bytes the PKCS#12 reader parses: the file itself, or a buffer made from it (the joined
/// segments of a BER constructed OCTET STRING, or decrypted contents). Offsets inside a made
/// buffer mean nothing to the user, so errors there report the offset in the file of the value
/// the buffer came from, and say where inside it the problem is.
struct PKCS12Region {
    /// The bytes.
    let bytes: [UInt8]
    /// The range of `bytes` that holds the value.
    let range: Range<Int>
    /// `nil` when `bytes` is the file; otherwise the file offset of the value `bytes` came from.
    let origin: Int?
    /// What the buffer is, for messages ("the decrypted certificate safe").
    let label: String

    /// A region that is the file, or a range of it.
    init(file bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.range = range
        self.origin = nil
        self.label = "the file"
    }

    /// A region over a buffer made from the value at file offset `origin`.
    init(made bytes: [UInt8], origin: Int, label: String) {
        self.bytes = bytes
        self.range = 0..<bytes.count
        self.origin = origin
        self.label = label
    }

    /// A region over another range of the same bytes.
    func subregion(_ range: Range<Int>) -> PKCS12Region {
        PKCS12Region(bytes: bytes, range: range, origin: origin, label: label)
    }

    private init(bytes: [UInt8], range: Range<Int>, origin: Int?, label: String) {
        self.bytes = bytes
        self.range = range
        self.origin = origin
        self.label = label
    }

    /// The file offset to report for `offset` in these bytes.
    func fileOffset(_ offset: Int) -> Int { origin ?? offset }

    /// `error` as a `malformed` keystore error: one sentence, the file offset, and where in a
    /// made buffer the problem is.
    /// A DER error of code `unrecognizedFormat` is how the grammar readers say "well formed,
    /// but not implemented": it becomes `unsupported`.
    func malformed(_ error: DERError, _ what: String) -> KeystoreError {
        let reason = error.reason.hasSuffix(".") ? String(error.reason.dropLast()) : error.reason
        let path = error.path.isEmpty ? "" : " in \(error.path)"
        if error.code == .unrecognizedFormat {
            let place = origin.map { _ in " (at byte \(error.offset) of \(label))" } ?? " (at byte \(error.offset))"
            return KeystoreError(.unsupported, "\(reason)\(place).", offset: fileOffset(error.offset))
        }
        if let origin {
            return KeystoreError(
                .malformed, "The PKCS#12 \(what) is malformed: \(reason) (at byte \(error.offset) of \(label)\(path)).", offset: origin)
        }
        return KeystoreError(.malformed, "The PKCS#12 \(what) is malformed: \(reason) (at byte \(error.offset)\(path)).", offset: error.offset)
    }

    /// A `malformed` error with a sentence of our own at `offset` in these bytes.
    func malformed(_ sentence: String, at offset: Int) -> KeystoreError {
        if origin != nil {
            let trimmed = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
            return KeystoreError(.malformed, "\(trimmed) (at byte \(offset) of \(label)).", offset: fileOffset(offset))
        }
        return KeystoreError(.malformed, sentence, offset: offset)
    }

    /// Parses the whole region as one BER value (PKCS#12 writers use BER); `what` names it.
    func parse(_ what: String) throws(KeystoreError) -> DERNode {
        do throws(DERError) {
            return try DER.parse(bytes, in: range, rules: .ber)
        } catch {
            throw malformed(error, what)
        }
    }

    /// The content of an OCTET STRING node of this region: in place when it is primitive,
    /// joined into a new buffer when it is a BER constructed string.
    func octetStringContent(_ node: DERNode, label newLabel: String, _ what: String) throws(KeystoreError) -> PKCS12Region {
        if !node.tag.isConstructed {
            guard node.tag.number == 4 || node.tag.tagClass == .contextSpecific else {
                throw malformed(PKCS12TagError.expected("an OCTET STRING", node), what)
            }
            return subregion(node.contentRange)
        }
        do throws(DERError) {
            let joined = try node.octetStringBytes(in: bytes, rules: .ber)
            return PKCS12Region(made: joined, origin: fileOffset(node.start), label: newLabel)
        } catch {
            throw malformed(error, what)
        }
    }
}

/// Messages for tags the PKCS#12 grammar does not allow.
enum PKCS12TagError {
    /// "Expected an OCTET STRING but found a SEQUENCE".
    static func expected(_ what: String, _ node: DERNode) -> DERError {
        DERError(.unexpectedTag, at: node.start, "Expected \(what) but found \(node.tag.withArticle)")
    }
}

/// The object identifiers of RFC 7292 and the algorithms PKCS#12 files use.
enum PKCS12OID {
    // Bag types (RFC 7292 4.2).
    static let keyBag: OID = "1.2.840.113549.1.12.10.1.1"
    static let pkcs8ShroudedKeyBag: OID = "1.2.840.113549.1.12.10.1.2"
    static let certBag: OID = "1.2.840.113549.1.12.10.1.3"
    static let crlBag: OID = "1.2.840.113549.1.12.10.1.4"
    static let secretBag: OID = "1.2.840.113549.1.12.10.1.5"
    static let safeContentsBag: OID = "1.2.840.113549.1.12.10.1.6"
    // Certificate types and attributes (PKCS#9).
    static let x509Certificate: OID = "1.2.840.113549.1.9.22.1"
    static let friendlyName: OID = "1.2.840.113549.1.9.20"
    static let localKeyID: OID = "1.2.840.113549.1.9.21"
    /// Oracle's trusted-key-usage attribute, which Java puts on trusted certificate entries.
    static let javaTrustedKeyUsage: OID = "2.16.840.1.113894.746875.1.1"
    // Content types (PKCS#7).
    static let envelopedData: OID = "1.2.840.113549.1.7.3"
    // PKCS#12 password-based encryption (RFC 7292 Appendix C).
    static let pbeSHA1RC4128: OID = "1.2.840.113549.1.12.1.1"
    static let pbeSHA1RC440: OID = "1.2.840.113549.1.12.1.2"
    static let pbeSHA13DES: OID = "1.2.840.113549.1.12.1.3"
    static let pbeSHA12DES: OID = "1.2.840.113549.1.12.1.4"
    static let pbeSHA1RC2128: OID = "1.2.840.113549.1.12.1.5"
    static let pbeSHA1RC240: OID = "1.2.840.113549.1.12.1.6"
    // PKCS#5 (RFC 8018).
    static let pbmac1: OID = "1.2.840.113549.1.5.14"
    static let hmacWithSHA1: OID = "1.2.840.113549.2.7"
    static let hmacWithSHA224: OID = "1.2.840.113549.2.8"
    static let hmacWithSHA256: OID = "1.2.840.113549.2.9"
    static let hmacWithSHA384: OID = "1.2.840.113549.2.10"
    static let hmacWithSHA512: OID = "1.2.840.113549.2.11"
    static let aes128CBC: OID = "2.16.840.1.101.3.4.1.2"
    static let aes192CBC: OID = "2.16.840.1.101.3.4.1.22"
    static let aes256CBC: OID = "2.16.840.1.101.3.4.1.42"
    static let desEDE3CBC: OID = "1.2.840.113549.3.7"
    // Digests of the classic MAC.
    static let sha1: OID = "1.3.14.3.2.26"
    static let sha256: OID = "2.16.840.1.101.3.4.2.1"
    static let sha384: OID = "2.16.840.1.101.3.4.2.2"
    static let sha512: OID = "2.16.840.1.101.3.4.2.3"
}

/// The outer structure of a PKCS#12 file: the authenticated safe and its MAC.
///
/// ```
/// PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }
/// ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY OPTIONAL }
/// ```
/// In password integrity mode `authSafe` is a `data` ContentInfo whose OCTET STRING holds the
/// DER (or BER) of an AuthenticatedSafe; the MAC covers those octets.
struct PKCS12File {
    /// The octets of the AuthenticatedSafe (what the MAC covers).
    let authenticatedSafe: PKCS12Region
    /// The MAC, when the file has one.
    let mac: PKCS12MAC?

    init(_ bytes: [UInt8]) throws(KeystoreError) {
        guard !bytes.isEmpty else {
            throw KeystoreError(.malformed, "The PKCS#12 file is empty.", offset: 0)
        }
        let file = PKCS12Region(file: bytes, range: 0..<bytes.count)
        let root = try file.parse("file")
        let octets: DERNode
        do throws(DERError) {
            try root.expect(.sequence, "PFX")
            var pfx = DERReader(bytes, children: root, rules: .ber)
            let versionNode = try pfx.read(.integer, "PFX.version")
            let version = try versionNode.integer(in: bytes)
            guard version == 3 else {
                throw DERError(.invalidValue, at: versionNode.start, "The PFX version is \(version); PKCS#12 files have version 3", path: "PFX.version")
            }
            let authSafe = try pfx.read(.sequence, "PFX.authSafe")
            let macNode = try pfx.readIfPresent(.sequence)
            try pfx.finish("PFX")

            var contentInfo = DERReader(bytes, children: authSafe, rules: .ber)
            let typeNode = try contentInfo.read(.objectIdentifier, "PFX.authSafe.contentType")
            let type = try typeNode.oid(in: bytes)
            guard type == .pkcs7Data else {
                if type == .pkcs7SignedData {
                    throw DERError(
                        .unrecognizedFormat, at: typeNode.start,
                        "The PKCS#12 file uses public-key integrity mode (a signedData authenticated safe); certlint reads password integrity mode only")
                }
                throw DERError(
                    .invalidValue, at: typeNode.start,
                    "The authenticated safe has content type \(type.nameOrDotted); it must be data (1.2.840.113549.1.7.1)",
                    path: "PFX.authSafe.contentType")
            }
            let wrapper = try contentInfo.read(.context(0, constructed: true), "PFX.authSafe.content")
            try contentInfo.finish("PFX.authSafe")
            octets = try pkcs12Explicit(bytes, wrapper, "PFX.authSafe.content")
            guard octets.tag.tagClass == .universal, octets.tag.number == 4 else {
                throw PKCS12TagError.expected("an OCTET STRING", octets)
            }
            mac = try macNode.map { node throws(DERError) in try PKCS12MAC(file, node) }
        } catch {
            throw file.malformed(error, "file")
        }
        authenticatedSafe = try file.octetStringContent(octets, label: "the authenticated safe", "authenticated safe")
    }
}

/// Reads the one value inside an EXPLICIT tag.
func pkcs12Explicit(_ bytes: [UInt8], _ wrapper: DERNode, _ field: String) throws(DERError) -> DERNode {
    var reader = DERReader(bytes, children: wrapper, rules: .ber)
    let inner = try reader.readAny(field)
    try reader.finish(field)
    return inner
}
