import CertLintDER
import CertLintX509

/// What a walk over a PKCS#12 file's safes found: certificates, keys described without their
/// secret, secret bags, and how each was protected. Every certificate owns a copy of its own
/// DER only, never the buffer it was found in (which may be decrypted contents, or a file
/// whose key bags are in the clear).
struct PKCS12Contents {
    struct CertificateItem {
        let certificate: Certificate
        let friendlyName: String?
        let localKeyID: [UInt8]?
        /// Whether the bag carries Java's trusted-key-usage attribute (a trusted certificate entry).
        let javaTrusted: Bool
        let order: Int
    }

    struct KeyItem {
        /// `nil` when the key could not be decrypted (its MAC verified, its encryption did not).
        let key: PrivateKeyInfo?
        let friendlyName: String?
        let localKeyID: [UInt8]?
        let order: Int
    }

    struct SecretItem {
        let friendlyName: String?
        let localKeyID: [UInt8]?
        let order: Int
    }

    var certificates: [CertificateItem] = []
    var keys: [KeyItem] = []
    var secrets: [SecretItem] = []
    /// Distinct protections, in the order first seen.
    var encryption: [KeystoreEncryption] = []
    /// Bags read so far, nested ones included.
    var bagCount = 0
    /// Whether some part needed a password and one decrypted it.
    var usedPassword = false

    mutating func record(_ protection: KeystoreEncryption) {
        if !encryption.contains(protection) { encryption.append(protection) }
    }
}

/// Walks the authenticated safe of a PKCS#12 file with a given list of password forms.
///
/// ```
/// AuthenticatedSafe ::= SEQUENCE OF ContentInfo   -- data or encryptedData
/// EncryptedData ::= SEQUENCE { version INTEGER, encryptedContentInfo EncryptedContentInfo,
///                              unprotectedAttrs [1] IMPLICIT Attributes OPTIONAL }
/// EncryptedContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER,
///      contentEncryptionAlgorithm AlgorithmIdentifier, encryptedContent [0] IMPLICIT OCTET STRING OPTIONAL }
/// SafeContents ::= SEQUENCE OF SafeBag
/// SafeBag ::= SEQUENCE { bagId OBJECT IDENTIFIER, bagValue [0] EXPLICIT ANY,
///                        bagAttributes SET OF PKCS12Attribute OPTIONAL }
/// CertBag ::= SEQUENCE { certId OBJECT IDENTIFIER, certValue [0] EXPLICIT ANY }
/// SecretBag ::= SEQUENCE { secretTypeId OBJECT IDENTIFIER, secretValue [0] EXPLICIT ANY }
/// PKCS12Attribute ::= SEQUENCE { attrId OBJECT IDENTIFIER, attrValues SET OF ANY }
/// ```
/// Decrypted bytes live only in local buffers, are zeroed once read, and never reach a value
/// the walk returns.
struct PKCS12Walker {
    /// The most bags (nested ones included) one file may hold.
    static let maxBags = 10_000
    /// The most ContentInfos of the authenticated safe.
    static let maxSafes = 10_000
    /// The deepest nesting of safeContentsBags.
    static let maxNesting = 8
    /// The most private keys described (each may cost a key derivation and a scalar
    /// multiplication; real files hold a handful).
    static let maxKeys = 256

    /// The password forms to try on each encrypted part; empty when none is available, so
    /// that any encrypted part throws `passwordRequired`.
    let passwords: [PKCS12Password]
    /// `true` when no MAC vouched for the password: a part that does not decrypt rejects it
    /// (`wrongPassword`). `false` after a MAC verified: an encrypted safe that does not decrypt
    /// is reported, a shrouded key that does not decrypt is described as unknown.
    let strict: Bool
    var budget: PKCS12WorkBudget
    private(set) var contents = PKCS12Contents()

    init(passwords: [PKCS12Password], strict: Bool, budget: PKCS12WorkBudget) {
        self.passwords = passwords
        self.strict = strict
        self.budget = budget
    }

    /// Reads every ContentInfo of the AuthenticatedSafe.
    mutating func readAuthenticatedSafe(_ region: PKCS12Region) throws(KeystoreError) {
        let root = try region.parse("authenticated safe")
        let infos: [DERNode]
        do throws(DERError) {
            try root.expect(.sequence, "AuthenticatedSafe")
            var reader = DERReader(region.bytes, children: root, rules: .ber)
            var nodes: [DERNode] = []
            while let node = try reader.next() {
                nodes.append(node)
                if nodes.count > PKCS12Walker.maxSafes {
                    throw DERError(.tooMany, at: node.start, "The authenticated safe holds more than \(PKCS12Walker.maxSafes) safes")
                }
            }
            infos = nodes
        } catch {
            throw region.malformed(error, "authenticated safe")
        }
        for (index, info) in infos.enumerated() {
            try readContentInfo(region, info, index: index)
        }
    }

    /// One safe: plain (`data`) or password-encrypted (`encryptedData`).
    private mutating func readContentInfo(_ region: PKCS12Region, _ node: DERNode, index: Int) throws(KeystoreError) {
        let bytes = region.bytes
        let what = "safe \(index + 1) of the authenticated safe"
        enum Safe {
            case plain(DERNode)
            case encrypted(algorithm: DERNode, content: DERNode?)
            case empty
        }
        let safe: Safe
        do throws(DERError) {
            try node.expect(.sequence, "ContentInfo")
            var fields = DERReader(bytes, children: node, rules: .ber)
            let typeNode = try fields.read(.objectIdentifier, "ContentInfo.contentType")
            let type = try typeNode.oid(in: bytes)
            let wrapper = try fields.readIfPresent(.context(0, constructed: true))
            try fields.finish("ContentInfo")
            switch type {
            case .pkcs7Data:
                guard let wrapper else {
                    safe = .empty
                    break
                }
                safe = .plain(try pkcs12Explicit(bytes, wrapper, "ContentInfo.content"))
            case .pkcs7EncryptedData:
                guard let wrapper else {
                    throw DERError(.missingField, at: node.start, "An encryptedData safe has no content", path: "ContentInfo.content")
                }
                let encryptedData = try pkcs12Explicit(bytes, wrapper, "ContentInfo.content")
                try encryptedData.expect(.sequence, "EncryptedData")
                var data = DERReader(bytes, children: encryptedData, rules: .ber)
                _ = try data.read(.integer, "EncryptedData.version").integer(in: bytes)
                let contentInfo = try data.read(.sequence, "EncryptedData.encryptedContentInfo")
                _ = try data.readIfPresent(.context(1, constructed: true))
                try data.finish("EncryptedData")
                var info = DERReader(bytes, children: contentInfo, rules: .ber)
                _ = try info.read(.objectIdentifier, "EncryptedContentInfo.contentType")
                let algorithm = try info.read(.sequence, "EncryptedContentInfo.contentEncryptionAlgorithm")
                var content = try info.readIfPresent(.context(0, constructed: false))
                if content == nil { content = try info.readIfPresent(.context(0, constructed: true)) }
                try info.finish("EncryptedContentInfo")
                safe = .encrypted(algorithm: algorithm, content: content)
            case PKCS12OID.envelopedData:
                throw DERError(
                    .unrecognizedFormat, at: typeNode.start,
                    "A safe of the PKCS#12 file is encrypted to a public key (envelopedData), which certlint does not implement")
            default:
                throw DERError(
                    .unrecognizedFormat, at: typeNode.start,
                    "A safe of the PKCS#12 file has the content type \(type.nameOrDotted), which certlint does not implement")
            }
        } catch {
            throw region.malformed(error, what)
        }
        switch safe {
        case .empty:
            return
        case .plain(let octets):
            guard octets.tag.tagClass == .universal, octets.tag.number == 4 else {
                throw region.malformed(PKCS12TagError.expected("an OCTET STRING", octets), what)
            }
            let inner = try region.octetStringContent(octets, label: "safe \(index + 1)", what)
            let root = try inner.parse(what)
            try readSafeContents(inner, root, enclosing: nil, depth: 0)
        case .encrypted(let algorithmNode, let contentNode):
            let encryption: PKCS12Encryption
            do throws(DERError) {
                encryption = try PKCS12Encryption(bytes, algorithmNode)
            } catch {
                throw region.malformed(error, what)
            }
            try PKCS12WorkBudget.checkIterations(encryption.iterations, "the encryption of \(what)", offset: region.fileOffset(algorithmNode.start))
            guard let contentNode else { return }
            let ciphertext: [UInt8]
            do throws(DERError) {
                ciphertext = try contentNode.octetStringBytes(in: bytes, rules: .ber)
            } catch {
                throw region.malformed(error, what)
            }
            guard var plaintext = try decrypt(encryption, ciphertext[...], region: region, what: what, required: true) else { return }
            defer { PKCS12Password.wipe(&plaintext) }
            try readDecryptedSafe(plaintext, origin: region.fileOffset(contentNode.start), index: index, encryption: encryption)
        }
    }

    /// Reads a decrypted safe; a separate function so that no reference to `plaintext`
    /// outlives it and the caller can zero the buffer in place.
    private mutating func readDecryptedSafe(_ plaintext: [UInt8], origin: Int, index: Int, encryption: PKCS12Encryption) throws(KeystoreError) {
        let inner = PKCS12Region(made: plaintext, origin: origin, label: "decrypted safe \(index + 1)")
        let root = try inner.parse("decrypted safe \(index + 1)")
        try readSafeContents(inner, root, enclosing: encryption, depth: 0)
    }

    /// Decrypts one part, trying each password form. `nil` when it does not decrypt and that
    /// is not an error (a shrouded key once the MAC has verified).
    private mutating func decrypt(
        _ encryption: PKCS12Encryption, _ ciphertext: ArraySlice<UInt8>, region: PKCS12Region, what: String, required: Bool
    ) throws(KeystoreError) -> [UInt8]? {
        guard !passwords.isEmpty else {
            throw KeystoreError(.passwordRequired, "The \(what) is encrypted and no password was tried.", offset: region.fileOffset(encryption.offset))
        }
        for password in passwords {
            switch try encryption.decrypt(ciphertext, in: region, password: password, budget: &budget, what: what) {
            case .plaintext(let plaintext):
                contents.usedPassword = true
                return plaintext
            case .wrongPassword:
                continue
            }
        }
        if strict {
            throw KeystoreError(.wrongPassword, "The password does not decrypt the \(what).", offset: region.fileOffset(encryption.offset))
        }
        if required {
            throw KeystoreError(
                .wrongPassword,
                "The integrity MAC verifies with the password, but the \(what) does not decrypt with it; the file may use a second password for its contents.",
                offset: region.fileOffset(encryption.offset))
        }
        return nil
    }

    /// One parsed SafeBag, before it is acted on.
    private struct Bag {
        let type: OID
        let value: DERNode
        let friendlyName: String?
        let localKeyID: [UInt8]?
        let javaTrusted: Bool
        let start: Int
    }

    /// Reads every bag of a SafeContents; `enclosing` is the encryption of the safe it is in.
    private mutating func readSafeContents(
        _ region: PKCS12Region, _ root: DERNode, enclosing: PKCS12Encryption?, depth: Int
    ) throws(KeystoreError) {
        let bytes = region.bytes
        var bags: [Bag] = []
        do throws(DERError) {
            try root.expect(.sequence, "SafeContents")
            var reader = DERReader(bytes, children: root, rules: .ber)
            while let node = try reader.next() {
                if contents.bagCount + bags.count >= PKCS12Walker.maxBags {
                    throw DERError(.tooMany, at: node.start, "The file holds more than \(PKCS12Walker.maxBags) bags")
                }
                do throws(DERError) {
                    bags.append(try PKCS12Walker.parseBag(bytes, node))
                } catch {
                    throw error.inField("SafeContents[\(bags.count)]")
                }
            }
        } catch {
            throw region.malformed(error, "safe contents")
        }
        contents.bagCount += bags.count
        for bag in bags {
            try readBag(region, bag, enclosing: enclosing, depth: depth)
        }
    }

    /// Parses a SafeBag's fields and its friendlyName and localKeyId attributes.
    private static func parseBag(_ bytes: [UInt8], _ node: DERNode) throws(DERError) -> Bag {
        try node.expect(.sequence, "SafeBag")
        var fields = DERReader(bytes, children: node, rules: .ber)
        let type = try fields.read(.objectIdentifier, "bagId").oid(in: bytes)
        let wrapper = try fields.read(.context(0, constructed: true), "bagValue")
        let value = try pkcs12Explicit(bytes, wrapper, "bagValue")
        let attributes = try fields.readIfPresent(.set)
        try fields.finish("SafeBag")
        var friendlyName: String?
        var localKeyID: [UInt8]?
        var javaTrusted = false
        if let attributes {
            var reader = DERReader(bytes, children: attributes, rules: .ber)
            while let attribute = try reader.next() {
                try attribute.expect(.sequence, "bagAttributes")
                var attributeFields = DERReader(bytes, children: attribute, rules: .ber)
                let id = try attributeFields.read(.objectIdentifier, "bagAttributes.attrId").oid(in: bytes)
                let values = try attributeFields.read(.set, "bagAttributes.attrValues")
                try attributeFields.finish("bagAttributes")
                var valueReader = DERReader(bytes, children: values, rules: .ber)
                guard let first = try valueReader.next() else { continue }
                if id == PKCS12OID.javaTrustedKeyUsage {
                    javaTrusted = true
                } else if id == PKCS12OID.friendlyName, friendlyName == nil {
                    friendlyName = try? first.string(in: bytes).value
                } else if id == PKCS12OID.localKeyID, localKeyID == nil {
                    localKeyID = try first.octetStringBytes(in: bytes, rules: .ber)
                }
            }
        }
        return Bag(type: type, value: value, friendlyName: friendlyName, localKeyID: localKeyID, javaTrusted: javaTrusted, start: node.start)
    }

    private mutating func readBag(_ region: PKCS12Region, _ bag: Bag, enclosing: PKCS12Encryption?, depth: Int) throws(KeystoreError) {
        let bytes = region.bytes
        let order = contents.certificates.count + contents.keys.count + contents.secrets.count
        if bag.type == PKCS12OID.keyBag || bag.type == PKCS12OID.pkcs8ShroudedKeyBag, contents.keys.count >= PKCS12Walker.maxKeys {
            throw KeystoreError(
                .unsupported, "The PKCS#12 file holds more than \(PKCS12Walker.maxKeys) private keys; certlint describes at most that many.",
                offset: region.fileOffset(bag.start))
        }
        switch bag.type {
        case PKCS12OID.keyBag:
            // A PrivateKeyInfo in the clear (or protected only by the safe it is in).
            var der = Array(bytes[bag.value.encodedRange])
            defer { PKCS12Password.wipe(&der) }
            let key = try PKCS12Walker.describeKey(der, region: region, at: bag.start)
            record(enclosing, protects: "private-keys")
            contents.keys.append(.init(key: key, friendlyName: bag.friendlyName, localKeyID: bag.localKeyID, order: order))
        case PKCS12OID.pkcs8ShroudedKeyBag:
            let algorithmNode: DERNode
            let ciphertext: [UInt8]
            let encryption: PKCS12Encryption
            do throws(DERError) {
                try bag.value.expect(.sequence, "EncryptedPrivateKeyInfo")
                var fields = DERReader(bytes, children: bag.value, rules: .ber)
                algorithmNode = try fields.read(.sequence, "EncryptedPrivateKeyInfo.encryptionAlgorithm")
                let data = try fields.readAny("EncryptedPrivateKeyInfo.encryptedData")
                try fields.finish("EncryptedPrivateKeyInfo")
                guard data.tag.tagClass == .universal, data.tag.number == 4 else {
                    throw PKCS12TagError.expected("an OCTET STRING", data)
                }
                ciphertext = try data.octetStringBytes(in: bytes, rules: .ber)
                encryption = try PKCS12Encryption(bytes, algorithmNode)
            } catch {
                throw region.malformed(error, "shrouded key bag")
            }
            try PKCS12WorkBudget.checkIterations(encryption.iterations, "a shrouded key", offset: region.fileOffset(algorithmNode.start))
            record(encryption, protects: "private-keys")
            if let enclosing { record(enclosing, protects: "private-keys") }
            var key: PrivateKeyInfo?
            if var plaintext = try decrypt(encryption, ciphertext[...], region: region, what: "shrouded private key", required: false) {
                defer { PKCS12Password.wipe(&plaintext) }
                key = try PKCS12Walker.describeKey(plaintext, region: region, at: bag.start)
            }
            contents.keys.append(.init(key: key, friendlyName: bag.friendlyName, localKeyID: bag.localKeyID, order: order))
        case PKCS12OID.certBag:
            var certificateBytes: [UInt8]?
            do throws(DERError) {
                try bag.value.expect(.sequence, "CertBag")
                var fields = DERReader(bytes, children: bag.value, rules: .ber)
                let type = try fields.read(.objectIdentifier, "CertBag.certId").oid(in: bytes)
                let wrapper = try fields.read(.context(0, constructed: true), "CertBag.certValue")
                try fields.finish("CertBag")
                if type == PKCS12OID.x509Certificate {
                    let octets = try pkcs12Explicit(bytes, wrapper, "CertBag.certValue")
                    guard octets.tag.tagClass == .universal, octets.tag.number == 4 else {
                        throw PKCS12TagError.expected("an OCTET STRING", octets)
                    }
                    certificateBytes = try octets.octetStringBytes(in: bytes, rules: .ber)
                }
            } catch {
                throw region.malformed(error, "certificate bag")
            }
            // Other certificate types (SDSI) are not X.509 and are skipped.
            guard let certificateBytes else { return }
            let certificate: Certificate
            do throws(DERError) {
                certificate = try Certificate(derEncoded: certificateBytes)
            } catch {
                throw region.malformed(error.inField("certificate"), "certificate bag")
            }
            record(enclosing, protects: "certificates")
            contents.certificates.append(
                .init(
                    certificate: certificate, friendlyName: bag.friendlyName, localKeyID: bag.localKeyID, javaTrusted: bag.javaTrusted, order: order))
        case PKCS12OID.secretBag:
            contents.secrets.append(.init(friendlyName: bag.friendlyName, localKeyID: bag.localKeyID, order: order))
        case PKCS12OID.safeContentsBag:
            guard depth + 1 <= PKCS12Walker.maxNesting else {
                throw region.malformed("Safe contents bags are nested more than \(PKCS12Walker.maxNesting) deep.", at: bag.start)
            }
            try readSafeContents(region, bag.value, enclosing: enclosing, depth: depth + 1)
        default:
            // CRL bags and bag types of other vendors carry no certificate or key.
            return
        }
    }

    private mutating func record(_ encryption: PKCS12Encryption?, protects what: String) {
        if let encryption {
            contents.record(encryption.description(protecting: what))
        } else {
            contents.record(KeystoreEncryption(scheme: "none", iterations: 0, protects: what))
        }
    }

    /// Describes a PKCS#8 PrivateKeyInfo without keeping any of it.
    private static func describeKey(_ der: [UInt8], region: PKCS12Region, at offset: Int) throws(KeystoreError) -> PrivateKeyInfo {
        do throws(DERError) {
            return try PrivateKeyInfo.readPKCS8(der)
        } catch {
            // Neither the reason nor the position inside the key is reported: either could
            // say something about the secret.
            throw region.malformed("A private key of the PKCS#12 file is not a valid PKCS#8 PrivateKeyInfo.", at: offset)
        }
    }
}
