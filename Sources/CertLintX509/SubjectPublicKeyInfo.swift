import CertLintDER

/// A public key with its algorithm (RFC 5280 4.1.2.7), decoded far enough to tell its type,
/// size and curve, and to compare it with a private key.
///
/// ```
/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
/// ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER, implicitCurve NULL, specifiedCurve ... }
/// Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }
/// ```
public struct SubjectPublicKeyInfo: Sendable, Hashable {
    /// The key, by algorithm.
    public enum Key: Sendable, Hashable {
        /// An RSA key (also under the RSASSA-PSS algorithm identifier); modulus and exponent
        /// as unsigned big-endian bytes without leading zeros.
        case rsa(modulus: ArraySlice<UInt8>, exponent: ArraySlice<UInt8>)
        /// An elliptic-curve key: the named curve (nil for explicit parameters) and the point.
        case ec(curve: OID?, point: [UInt8])
        /// Ed25519 (32 bytes).
        case ed25519([UInt8])
        /// Ed448 (57 bytes).
        case ed448([UInt8])
        /// X25519 (32 bytes).
        case x25519([UInt8])
        /// X448 (56 bytes).
        case x448([UInt8])
        /// DSA, with the size of p when the parameters are present.
        case dsa(pBits: Int?)
        /// Any other algorithm, kept raw.
        case other([UInt8])
    }

    /// The algorithm's identifier.
    public let algorithm: OID
    /// The decoded key.
    public let key: Key

    /// Reads a SubjectPublicKeyInfo from a validated node.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "SubjectPublicKeyInfo")
        var fields = DERReader(bytes, children: node)
        let algorithmNode = try fields.read(.sequence, "algorithm")
        let keyNode = try fields.read(.bitString, "subjectPublicKey")
        try fields.finish("SubjectPublicKeyInfo")
        var algorithmFields = DERReader(bytes, children: algorithmNode)
        algorithm = try algorithmFields.read(.objectIdentifier, "algorithm.algorithm").oid(in: bytes)
        let parameters = try algorithmFields.next()
        try algorithmFields.finish("algorithm")
        let bitString = try keyNode.bitString(in: bytes)
        guard bitString.unusedBits == 0 else {
            throw DERError(.invalidValue, at: keyNode.start, "The public key BIT STRING has \(bitString.unusedBits) unused bits", path: "subjectPublicKey")
        }
        let keyRange = bitString.bytes
        key = try SubjectPublicKeyInfo.decodeKey(algorithm, parameters, bytes, keyRange)
    }

    /// Creates a key description directly (used for keys read from private-key files).
    public init(algorithm: OID, key: Key) {
        self.algorithm = algorithm
        self.key = key
    }

    static func decodeKey(_ algorithm: OID, _ parameters: DERNode?, _ bytes: [UInt8], _ keyRange: Range<Int>) throws(DERError) -> Key {
        switch algorithm {
        case .rsaEncryption, .rsassaPss:
            do throws(DERError) {
                let keyNode = try DER.parse(bytes, in: keyRange)
                return try readRSAPublicKey(bytes, keyNode)
            } catch {
                throw error.inField("subjectPublicKey (RSAPublicKey)")
            }
        case .ecPublicKey:
            var curve: OID?
            if let parameters, parameters.tag == .objectIdentifier {
                curve = try parameters.oid(in: bytes)
            }
            let point = Array(bytes[keyRange])
            try checkPoint(point, curve: curve, at: keyRange.lowerBound)
            return .ec(curve: curve, point: point)
        case .ed25519:
            guard keyRange.count == 32 else {
                throw DERError(.invalidValue, at: keyRange.lowerBound, "An Ed25519 public key is \(keyRange.count) bytes; it must be 32")
            }
            return .ed25519(Array(bytes[keyRange]))
        case .ed448:
            guard keyRange.count == 57 else {
                throw DERError(.invalidValue, at: keyRange.lowerBound, "An Ed448 public key is \(keyRange.count) bytes; it must be 57")
            }
            return .ed448(Array(bytes[keyRange]))
        case .x25519:
            return .x25519(Array(bytes[keyRange]))
        case .x448:
            return .x448(Array(bytes[keyRange]))
        case .dsa:
            var pBits: Int?
            if let parameters, parameters.tag == .sequence {
                var dss = DERReader(bytes, children: parameters)
                let p = try dss.read(.integer, "Dss-Parms.p").unsignedIntegerBytes(in: bytes)
                pBits = SubjectPublicKeyInfo.bitLength(p)
            }
            return .dsa(pBits: pBits)
        default:
            return .other(Array(bytes[keyRange]))
        }
    }

    static func readRSAPublicKey(_ bytes: [UInt8], _ node: DERNode) throws(DERError) -> Key {
        try node.expect(.sequence, "RSAPublicKey")
        var fields = DERReader(bytes, children: node)
        let modulus = try fields.read(.integer, "modulus").unsignedIntegerBytes(in: bytes)
        let exponent = try fields.read(.integer, "publicExponent").unsignedIntegerBytes(in: bytes)
        try fields.finish("RSAPublicKey")
        // Slices of the certificate's bytes: no copy.
        return .rsa(modulus: modulus, exponent: exponent)
    }

    static func checkPoint(_ point: [UInt8], curve: OID?, at offset: Int) throws(DERError) {
        guard let first = point.first else {
            throw DERError(.invalidValue, at: offset, "An EC public key is empty")
        }
        guard let curve, let bits = SubjectPublicKeyInfo.curveBits[curve] else { return }
        let fieldBytes = (bits + 7) / 8
        switch first {
        case 0x04 where point.count == 1 + 2 * fieldBytes: return
        case 0x02 where point.count == 1 + fieldBytes, 0x03 where point.count == 1 + fieldBytes: return
        default:
            throw DERError(
                .invalidValue, at: offset,
                "An EC public key on \(SubjectPublicKeyInfo.curveDisplayName(curve)) is \(point.count) bytes starting 0x\(String(first, radix: 16)); that is not a valid point encoding")
        }
    }

    /// The key algorithm as facts name it: `rsa`, `ec`, `ed25519`, `ed448`, `x25519`, `x448`,
    /// `dsa`, or the OID's name.
    public var algorithmName: String {
        switch key {
        case .rsa: return "rsa"
        case .ec: return "ec"
        case .ed25519: return "ed25519"
        case .ed448: return "ed448"
        case .x25519: return "x25519"
        case .x448: return "x448"
        case .dsa: return "dsa"
        case .other: return algorithm.nameOrDotted
        }
    }

    /// The key size in bits: the modulus for RSA, the field for EC, 256/456 for Ed25519/Ed448
    /// (as OpenSSL reports them), p for DSA.
    public var bits: Int? {
        switch key {
        case .rsa(let modulus, _): return SubjectPublicKeyInfo.bitLength(modulus)
        case .ec(let curve, _): return curve.flatMap { SubjectPublicKeyInfo.curveBits[$0] }
        case .ed25519, .x25519: return 256
        case .ed448: return 456
        case .x448: return 448
        case .dsa(let pBits): return pBits
        case .other: return nil
        }
    }

    /// The RSA public exponent, when it fits in 64 bits.
    public var rsaExponent: UInt64? {
        guard case .rsa(_, let exponent) = key, exponent.count <= 8 else { return nil }
        return exponent.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The EC curve as facts name it (`P-256`, `P-384`, `P-521`, `secp256k1`…), `explicit`
    /// for explicit parameters, `nil` for non-EC keys.
    public var curveName: String? {
        guard case .ec(let curve, _) = key else { return nil }
        guard let curve else { return "explicit" }
        return SubjectPublicKeyInfo.curveDisplayName(curve)
    }

    /// The display name of a curve OID.
    public static func curveDisplayName(_ curve: OID) -> String {
        curveDisplayNames[curve] ?? curve.nameOrDotted
    }

    static let curveDisplayNames: [OID: String] = [
        "1.2.840.10045.3.1.7": "P-256", "1.3.132.0.34": "P-384", "1.3.132.0.35": "P-521", "1.3.132.0.33": "P-224",
        "1.2.840.10045.3.1.1": "P-192",
    ]

    static let curveBits: [OID: Int] = [
        "1.2.840.10045.3.1.7": 256, "1.3.132.0.34": 384, "1.3.132.0.35": 521, "1.3.132.0.10": 256,
        "1.3.132.0.33": 224, "1.2.840.10045.3.1.1": 192,
        "1.3.36.3.3.2.8.1.1.7": 256, "1.3.36.3.3.2.8.1.1.11": 384, "1.3.36.3.3.2.8.1.1.13": 512,
        "1.2.156.10197.1.301": 256,
    ]

    /// The number of significant bits in an unsigned big-endian number.
    static func bitLength(_ magnitude: ArraySlice<UInt8>) -> Int {
        guard let index = magnitude.firstIndex(where: { $0 != 0 }) else { return 0 }
        let rest = magnitude.endIndex - index - 1
        return rest * 8 + (8 - magnitude[index].leadingZeroBitCount)
    }

    /// Whether `other` is the same public key (same RSA modulus and exponent, same EC point
    /// once both are in the same form, same Ed25519/Ed448 bytes); `nil` when it cannot be told.
    public func sameKey(as other: SubjectPublicKeyInfo.Key) -> Bool? {
        switch (key, other) {
        case (.rsa(let m1, let e1), .rsa(let m2, let e2)):
            return m1 == m2 && e1 == e2
        case (.ec(let c1, let p1), .ec(let c2, let p2)):
            if let c1, let c2, c1 != c2 { return false }
            if p1 == p2 { return true }
            // Compare a compressed point with an uncompressed one by x and the parity of y.
            func xAndParity(_ p: [UInt8]) -> ([UInt8], UInt8)? {
                guard let first = p.first else { return nil }
                if first == 0x04, p.count % 2 == 1 {
                    let n = (p.count - 1) / 2
                    return (Array(p[1...n]), (p.last ?? 0) & 1)
                }
                if first == 0x02 || first == 0x03 { return (Array(p.dropFirst()), first & 1) }
                return nil
            }
            guard let a = xAndParity(p1), let b = xAndParity(p2) else { return false }
            return a.0 == b.0 && a.1 == b.1
        case (.ed25519(let a), .ed25519(let b)), (.ed448(let a), .ed448(let b)), (.x25519(let a), .x25519(let b)), (.x448(let a), .x448(let b)):
            return a == b
        case (.dsa, .dsa), (.other, .other):
            return nil
        default:
            return false
        }
    }
}
