import CertLintDER

/// What one file holds, classified by content rather than by name: certificates, requests,
/// private and public keys, PKCS#7 bundles, keystores, CRLs — in PEM (any number of blocks,
/// text around them) or as a single DER value.
///
/// Reading never throws: an unreadable block or file becomes an ``PKIItem/Content/unreadable(_:)``
/// item with the precise error, and the other blocks of the file are still read.
public struct PKIFile: Sendable {
    /// How the file is encoded.
    public enum Encoding: String, Sendable, Hashable {
        /// Text with at least one PEM block.
        case pem
        /// A binary DER (or BER) value, or a binary keystore.
        case der
        /// Zero bytes.
        case empty
        /// Text without any PEM block.
        case text
        /// Bytes that are neither text nor a value certlint recognizes.
        case binary
    }

    /// The kinds of keystore recognized by their first bytes (read by CertLintKeystores).
    public enum KeystoreFormat: String, Sendable, Hashable {
        /// PKCS#12 (`.pfx`, `.p12`).
        case pkcs12
        /// Java KeyStore (magic FEEDFEED).
        case jks
        /// Java Cryptography Extension KeyStore (magic CECECECE).
        case jceks
    }

    /// The file's encoding.
    public let encoding: Encoding
    /// The items in file order.
    public let items: [PKIItem]
    /// Whether the file held more PEM blocks than ``PEM/maxBlocks`` (the rest were not read).
    public let hasTooManyBlocks: Bool

    /// The most bytes read from one file.
    public static let maxInputSize = 64 << 20

    /// Classifies and reads `bytes`.
    public static func read(_ bytes: [UInt8]) -> PKIFile {
        if bytes.isEmpty {
            return PKIFile(encoding: .empty, items: [], hasTooManyBlocks: false)
        }
        if bytes.count > maxInputSize {
            let error = DERError(.inputTooLarge, at: maxInputSize, "The file is \(bytes.count) bytes; certlint reads at most \(maxInputSize)")
            return PKIFile(encoding: .binary, items: [PKIItem(content: .unreadable(error), pemBlock: nil, label: nil, range: 0..<bytes.count)], hasTooManyBlocks: false)
        }
        if PEM.containsPEM(bytes) {
            let (blocks, truncated) = PEM.blocks(in: bytes)
            return PKIFile(encoding: .pem, items: blocks.map { readBlock($0) }, hasTooManyBlocks: truncated)
        }
        if let format = keystoreMagic(bytes) {
            return PKIFile(encoding: .der, items: [PKIItem(content: .keystore(format), pemBlock: nil, label: nil, range: 0..<bytes.count)], hasTooManyBlocks: false)
        }
        if bytes[0] == 0x30 {
            return PKIFile(encoding: .der, items: [readDER(bytes, label: nil, pemBlock: nil, range: 0..<bytes.count)], hasTooManyBlocks: false)
        }
        let looksLikeText = bytes.prefix(4096).allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
        if looksLikeText {
            return PKIFile(encoding: .text, items: [], hasTooManyBlocks: false)
        }
        let error = DERError(
            .unrecognizedFormat, at: 0,
            "The file is neither PEM text nor DER: its first byte is 0x\(bytes[0] < 16 ? "0" : "")\(String(bytes[0], radix: 16, uppercase: true)), and DER certificates, keys and bundles start with 0x30")
        return PKIFile(encoding: .binary, items: [PKIItem(content: .unreadable(error), pemBlock: nil, label: nil, range: 0..<bytes.count)], hasTooManyBlocks: false)
    }

    /// Every certificate in the file, bundles included, in file order.
    public var certificates: [Certificate] {
        items.flatMap { item -> [Certificate] in
            switch item.content {
            case .certificate(let cert): return [cert]
            case .pkcs7(let bundle): return bundle.certificates
            default: return []
            }
        }
    }

    static func keystoreMagic(_ bytes: [UInt8]) -> KeystoreFormat? {
        guard bytes.count >= 4 else { return nil }
        switch (bytes[0], bytes[1], bytes[2], bytes[3]) {
        case (0xFE, 0xED, 0xFE, 0xED): return .jks
        case (0xCE, 0xCE, 0xCE, 0xCE): return .jceks
        default: return nil
        }
    }

    static func readBlock(_ block: PEMBlock) -> PKIItem {
        let der: [UInt8]
        switch block.decoded {
        case .failure(let error):
            return PKIItem(content: .unreadable(error), pemBlock: block.index, label: block.label, range: block.range)
        case .success(let bytes):
            der = bytes
        }
        func item(_ content: PKIItem.Content) -> PKIItem {
            PKIItem(content: content, pemBlock: block.index, label: block.label, range: block.range)
        }
        do throws(DERError) {
            switch block.label {
            case "CERTIFICATE", "X509 CERTIFICATE":
                return item(.certificate(try Certificate(derEncoded: der)))
            case "TRUSTED CERTIFICATE":
                // OpenSSL's trusted form: a certificate followed by its trust settings.
                let first = try DER.parsePrefix(der, in: 0..<der.count)
                return item(.certificate(try Certificate(derEncoded: der, range: first.encodedRange)))
            case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST":
                return item(.certificateRequest(try CertificateSigningRequest(derEncoded: der)))
            case "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY":
                return item(.privateKey(try PrivateKeyInfo.read(label: block.label, headers: block.headers, der: der)))
            case "PUBLIC KEY":
                return item(.publicKey(try SubjectPublicKeyInfo(der, try DER.parse(der))))
            case "RSA PUBLIC KEY":
                let key = try SubjectPublicKeyInfo.readRSAPublicKey(der, try DER.parse(der))
                return item(.publicKey(SubjectPublicKeyInfo(algorithm: .rsaEncryption, key: key)))
            case "PKCS7", "CMS", "PKCS #7 SIGNED DATA":
                return item(.pkcs7(try PKCS7Certificates(berEncoded: der)))
            case "X509 CRL":
                _ = try DER.parse(der)
                return item(.crl)
            case "PKCS12":
                return item(.keystore(.pkcs12))
            default:
                // A label we do not know: classify the bytes themselves.
                var sniffed = readDER(der, label: block.label, pemBlock: block.index, range: block.range)
                if case .unreadable = sniffed.content {
                    sniffed = item(.unsupported(block.label))
                }
                return sniffed
            }
        } catch {
            return item(.unreadable(error))
        }
    }

    /// Reads a single DER value whose kind is told by the shape of its first few headers.
    static func readDER(_ bytes: [UInt8], label: String?, pemBlock: Int?, range: Range<Int>) -> PKIItem {
        func item(_ content: PKIItem.Content) -> PKIItem {
            PKIItem(content: content, pemBlock: pemBlock, label: label, range: range)
        }
        let kind = DERShape.sniff(bytes)
        do throws(DERError) {
            switch kind {
            case .certificate:
                return item(.certificate(try Certificate(derEncoded: bytes)))
            case .certificateRequest:
                return item(.certificateRequest(try CertificateSigningRequest(derEncoded: bytes)))
            case .pkcs7:
                return item(.pkcs7(try PKCS7Certificates(berEncoded: bytes)))
            case .pkcs12:
                return item(.keystore(.pkcs12))
            case .pkcs8:
                return item(.privateKey(try PrivateKeyInfo.readPKCS8(bytes)))
            case .encryptedPKCS8:
                return item(.privateKey(try PrivateKeyInfo.readEncryptedPKCS8(bytes)))
            case .rsaPrivateKey:
                return item(.privateKey(try PrivateKeyInfo.readPKCS1(bytes, in: 0..<bytes.count)))
            case .ecPrivateKey:
                return item(.privateKey(try PrivateKeyInfo.readSEC1(bytes, in: 0..<bytes.count, curve: nil, format: .sec1)))
            case .dsaPrivateKey:
                return item(.privateKey(try PrivateKeyInfo.readDSA(bytes)))
            case .publicKey:
                return item(.publicKey(try SubjectPublicKeyInfo(bytes, try DER.parse(bytes))))
            case .rsaPublicKey:
                let key = try SubjectPublicKeyInfo.readRSAPublicKey(bytes, try DER.parse(bytes))
                return item(.publicKey(SubjectPublicKeyInfo(algorithm: .rsaEncryption, key: key)))
            case .crl:
                _ = try DER.parse(bytes)
                return item(.crl)
            case .unknown:
                // Report the framing problem if there is one, else say what it is not.
                let root = try DER.parse(bytes, rules: .ber)
                throw DERError(.unrecognizedFormat, at: root.start, "The DER value is a \(root.tag) that is not a certificate, request, key, bundle or keystore")
            }
        } catch {
            return item(.unreadable(error))
        }
    }
}

/// One thing found in a file.
public struct PKIItem: Sendable {
    /// What the item is.
    public enum Content: Sendable {
        /// An X.509 certificate.
        case certificate(Certificate)
        /// A PKCS#10 certificate signing request.
        case certificateRequest(CertificateSigningRequest)
        /// A private key (described, never kept).
        case privateKey(PrivateKeyInfo)
        /// A public key.
        case publicKey(SubjectPublicKeyInfo)
        /// A PKCS#7 certificate bundle.
        case pkcs7(PKCS7Certificates)
        /// A keystore, recognized but read by CertLintKeystores.
        case keystore(PKIFile.KeystoreFormat)
        /// A certificate revocation list.
        case crl
        /// A PEM block whose label certlint does not read (`DH PARAMETERS`, say).
        case unsupported(String)
        /// Something that could not be read, and why.
        case unreadable(DERError)
    }

    /// What the item is.
    public let content: Content
    /// The index of its PEM block, for PEM files.
    public let pemBlock: Int?
    /// Its PEM label, for PEM files.
    public let label: String?
    /// The item's bytes in the file (the PEM block, or the whole DER file).
    public let range: Range<Int>
}

/// Tells which PKI structure a DER value is from the tags of its first few fields, reading
/// headers leniently so that a truncated file is still recognized (and then reported by the
/// strict reader for its kind, with a precise error).
enum DERShape {
    enum Kind {
        case certificate, certificateRequest, crl, pkcs7, pkcs12, pkcs8, encryptedPKCS8
        case rsaPrivateKey, ecPrivateKey, dsaPrivateKey, publicKey, rsaPublicKey, unknown
    }

    struct Header {
        let tag: DERTag
        let contentStart: Int
        let contentEnd: Int
    }

    /// Reads a header at `offset`, clamping its content to the bytes available.
    static func header(_ bytes: [UInt8], at offset: Int, limit: Int) -> Header? {
        guard offset < limit, let (tag, afterTag) = try? DER.readTag(bytes, at: offset, limit: limit), afterTag < limit else { return nil }
        let first = bytes[afterTag]
        var i = afterTag + 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else if first == 0x80 {
            length = limit - i
        } else {
            let count = Int(first & 0x7F)
            guard count <= 4, i + count <= limit else { return nil }
            for _ in 0..<count {
                length = length << 8 | Int(bytes[i])
                i += 1
            }
        }
        length = min(length, limit - i)
        return Header(tag: tag, contentStart: i, contentEnd: i + length)
    }

    /// The headers of the first `count` children of `parent`.
    static func children(_ bytes: [UInt8], of parent: Header, count: Int) -> [Header] {
        var result: [Header] = []
        var offset = parent.contentStart
        while result.count < count, let child = header(bytes, at: offset, limit: parent.contentEnd) {
            result.append(child)
            offset = child.contentEnd
        }
        return result
    }

    static func sniff(_ bytes: [UInt8]) -> Kind {
        guard let root = header(bytes, at: 0, limit: bytes.count), root.tag == .sequence else { return .unknown }
        let top = children(bytes, of: root, count: 9)
        guard let c0 = top.first else { return .unknown }
        func tags(_ hs: [Header]) -> [DERTag] { hs.map(\.tag) }
        switch c0.tag {
        case .objectIdentifier:
            return OID.pkcs7SignedData.matches(bytes, c0.contentStart..<c0.contentEnd) ? .pkcs7 : .unknown
        case .sequence:
            let inner = children(bytes, of: c0, count: 4)
            guard let first = inner.first else { return .unknown }
            if first.tag == .context(0, constructed: true) { return .certificate }
            if first.tag == .objectIdentifier {
                if top.count > 1 && top[1].tag == .bitString { return .publicKey }
                if top.count > 1 && top[1].tag == .octetString { return .encryptedPKCS8 }
                return .unknown
            }
            if first.tag == .sequence { return .crl }
            if first.tag == .integer && inner.count >= 4 {
                switch inner[3].tag {
                case .context(0, constructed: true): return .certificateRequest
                case .utcTime, .generalizedTime: return .crl
                case .sequence: return .certificate
                default: return .unknown
                }
            }
            return .unknown
        case .integer:
            let value = c0.contentEnd - c0.contentStart == 1 ? Int(bytes[c0.contentStart]) : -1
            let rest = tags(Array(top.dropFirst()))
            if value == 3, rest.first == .sequence { return .pkcs12 }
            if value == 0 || value == 1, rest.count >= 2, rest[0] == .sequence, rest[1] == .octetString { return .pkcs8 }
            if value == 1, rest.first == .octetString { return .ecPrivateKey }
            if value == 0, rest.count >= 8, rest.allSatisfy({ $0 == .integer }) { return .rsaPrivateKey }
            if value == 0, rest.count == 5, rest.allSatisfy({ $0 == .integer }) { return .dsaPrivateKey }
            if top.count == 2, rest == [.integer] { return .rsaPublicKey }
            return .unknown
        default:
            return .unknown
        }
    }
}
