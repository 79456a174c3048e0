import CertLintDER

/// A signature algorithm identifier, with RSASSA-PSS parameters decoded.
///
/// ```
/// AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }
/// RSASSA-PSS-params ::= SEQUENCE {
///      hashAlgorithm      [0] HashAlgorithm    DEFAULT sha1,
///      maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
///      saltLength         [2] INTEGER          DEFAULT 20,
///      trailerField       [3] TrailerField     DEFAULT trailerFieldBC }
/// ```
public struct SignatureAlgorithm: Sendable, Hashable, CustomStringConvertible {
    /// RSASSA-PSS parameters (RFC 4055 3.1).
    public struct PSSParameters: Sendable, Hashable {
        /// The message digest.
        public let hash: OID
        /// The digest used by MGF1.
        public let maskGenerationHash: OID
        /// The salt length in bytes.
        public let saltLength: Int
        /// The trailer field (1 is the only value defined).
        public let trailerField: Int
    }

    /// The algorithm's identifier.
    public let oid: OID
    /// The DER of the parameters, if present (a slice of the bytes it was read from).
    public let parameters: ArraySlice<UInt8>?
    /// The PSS parameters, for RSASSA-PSS.
    public let pss: PSSParameters?

    /// Creates an identifier without parameters.
    public init(oid: OID) {
        self.oid = oid
        self.parameters = nil
        self.pss = nil
    }

    /// Reads an AlgorithmIdentifier from a validated node.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "AlgorithmIdentifier")
        var fields = DERReader(bytes, children: node)
        oid = try fields.read(.objectIdentifier, "algorithm").oid(in: bytes)
        let parameterNode = try fields.next()
        try fields.finish("AlgorithmIdentifier")
        parameters = parameterNode.map { bytes[$0.encodedRange] }
        if oid == .rsassaPss {
            guard let parameterNode else {
                throw DERError(.missingField, at: node.end, "An RSASSA-PSS algorithm identifier has no parameters", path: "parameters")
            }
            do throws(DERError) {
                pss = try SignatureAlgorithm.readPSS(bytes, parameterNode)
            } catch {
                throw error.inField("parameters")
            }
        } else {
            pss = nil
        }
    }

    private static func readPSS(_ bytes: [UInt8], _ node: DERNode) throws(DERError) -> PSSParameters {
        try node.expect(.sequence, "RSASSA-PSS-params")
        var fields = DERReader(bytes, children: node)
        var hash: OID = .sha1
        var mgfHash: OID = .sha1
        var salt = 20
        var trailer = 1
        if let wrapper = try fields.readIfPresent(.context(0, constructed: true)) {
            var inner = DERReader(bytes, children: wrapper)
            hash = try SignatureAlgorithm(bytes, try inner.read(.sequence, "hashAlgorithm")).oid
            try inner.finish("hashAlgorithm")
        }
        if let wrapper = try fields.readIfPresent(.context(1, constructed: true)) {
            var inner = DERReader(bytes, children: wrapper)
            let mgf = try inner.read(.sequence, "maskGenAlgorithm")
            try inner.finish("maskGenAlgorithm")
            var parts = DERReader(bytes, children: mgf)
            let mgfOID = try parts.read(.objectIdentifier, "maskGenAlgorithm.algorithm").oid(in: bytes)
            guard mgfOID == .mgf1 else {
                throw DERError(.invalidValue, at: mgf.start, "The PSS mask generation function is \(mgfOID.nameOrDotted); only MGF1 is defined", path: "maskGenAlgorithm")
            }
            mgfHash = try SignatureAlgorithm(bytes, try parts.read(.sequence, "maskGenAlgorithm.parameters")).oid
            try parts.finish("maskGenAlgorithm")
        }
        if let wrapper = try fields.readIfPresent(.context(2, constructed: true)) {
            var inner = DERReader(bytes, children: wrapper)
            salt = try inner.read(.integer, "saltLength").integer(in: bytes)
            try inner.finish("saltLength")
        }
        if let wrapper = try fields.readIfPresent(.context(3, constructed: true)) {
            var inner = DERReader(bytes, children: wrapper)
            trailer = try inner.read(.integer, "trailerField").integer(in: bytes)
            try inner.finish("trailerField")
        }
        try fields.finish("RSASSA-PSS-params")
        return PSSParameters(hash: hash, maskGenerationHash: mgfHash, saltLength: salt, trailerField: trailer)
    }

    /// The algorithm's name (`sha256WithRSAEncryption`, `ecdsa-with-SHA384`, `Ed25519`…).
    public var name: String { oid.nameOrDotted }

    /// The name, with the PSS digest for RSASSA-PSS (`rsassaPss(sha256)`).
    public var description: String {
        if let pss { return "rsassaPss(\(SignatureAlgorithm.hashName(pss.hash) ?? pss.hash.dotted))" }
        return name
    }

    /// The digest the signature uses, by its short name (`sha256`, `sha1`, `md5`); `nil` for
    /// EdDSA, which hashes internally.
    public var hashName: String? {
        if let pss { return SignatureAlgorithm.hashName(pss.hash) ?? pss.hash.dotted }
        return SignatureAlgorithm.digestBySignature[oid]
    }

    /// The key type that makes such signatures: `rsa`, `ecdsa`, `dsa`, `ed25519`, `ed448`.
    public var keyType: String? { SignatureAlgorithm.keyTypeBySignature[oid] }

    /// The short name of a digest OID (`sha256`), or `nil` when it is not a digest we know.
    public static func hashName(_ oid: OID) -> String? { digestNames[oid] }

    private static let digestNames: [OID: String] = [
        "1.2.840.113549.2.2": "md2", "1.2.840.113549.2.4": "md4", "1.2.840.113549.2.5": "md5",
        "1.3.14.3.2.26": "sha1", "2.16.840.1.101.3.4.2.4": "sha224", "2.16.840.1.101.3.4.2.1": "sha256",
        "2.16.840.1.101.3.4.2.2": "sha384", "2.16.840.1.101.3.4.2.3": "sha512",
        "2.16.840.1.101.3.4.2.5": "sha512-224", "2.16.840.1.101.3.4.2.6": "sha512-256",
        "2.16.840.1.101.3.4.2.8": "sha3-256", "2.16.840.1.101.3.4.2.9": "sha3-384", "2.16.840.1.101.3.4.2.10": "sha3-512",
        "1.2.156.10197.1.401": "sm3",
    ]

    private static let digestBySignature: [OID: String] = [
        "1.2.840.113549.1.1.2": "md2", "1.2.840.113549.1.1.3": "md4", "1.2.840.113549.1.1.4": "md5",
        "1.2.840.113549.1.1.5": "sha1", "1.3.14.3.2.29": "sha1", "1.2.840.113549.1.1.14": "sha224",
        "1.2.840.113549.1.1.11": "sha256", "1.2.840.113549.1.1.12": "sha384", "1.2.840.113549.1.1.13": "sha512",
        "1.2.840.113549.1.1.15": "sha512-224", "1.2.840.113549.1.1.16": "sha512-256",
        "1.2.840.10045.4.1": "sha1", "1.2.840.10045.4.3.1": "sha224", "1.2.840.10045.4.3.2": "sha256",
        "1.2.840.10045.4.3.3": "sha384", "1.2.840.10045.4.3.4": "sha512",
        "1.2.840.10040.4.3": "sha1", "2.16.840.1.101.3.4.3.1": "sha224", "2.16.840.1.101.3.4.3.2": "sha256",
        "2.16.840.1.101.3.4.3.3": "sha384", "2.16.840.1.101.3.4.3.4": "sha512",
        "2.16.840.1.101.3.4.3.10": "sha3-256", "2.16.840.1.101.3.4.3.11": "sha3-384", "2.16.840.1.101.3.4.3.12": "sha3-512",
        "2.16.840.1.101.3.4.3.14": "sha3-256", "2.16.840.1.101.3.4.3.15": "sha3-384", "2.16.840.1.101.3.4.3.16": "sha3-512",
        "1.2.156.10197.1.501": "sm3",
    ]

    private static let keyTypeBySignature: [OID: String] = {
        var table: [OID: String] = ["1.3.101.112": "ed25519", "1.3.101.113": "ed448", "1.2.840.113549.1.1.10": "rsa"]
        for (oid, _) in digestBySignature {
            let dotted = oid.dotted
            if dotted.hasPrefix("1.2.840.113549.1.1.") || dotted == "1.3.14.3.2.29" || dotted.hasPrefix("2.16.840.1.101.3.4.3.1") && dotted.count > 23 {
                table[oid] = "rsa"
            } else if dotted.hasPrefix("1.2.840.10045.4.") || ["2.16.840.1.101.3.4.3.10", "2.16.840.1.101.3.4.3.11", "2.16.840.1.101.3.4.3.12"].contains(dotted) {
                table[oid] = "ecdsa"
            } else if dotted.hasPrefix("1.2.840.10040.4.") || dotted.hasPrefix("2.16.840.1.101.3.4.3.") {
                table[oid] = "dsa"
            } else if dotted == "1.2.156.10197.1.501" {
                table[oid] = "sm2"
            }
        }
        return table
    }()
}

extension OID {
    /// SHA-1 (1.3.14.3.2.26).
    public static let sha1: OID = "1.3.14.3.2.26"
}
