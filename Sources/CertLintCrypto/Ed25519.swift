/// Ed25519 (RFC 8032 §5.1): public keys from private keys.
///
/// An Ed25519 private key is a 32-byte seed; PKCS#8 files (`openssl genpkey -algorithm
/// ed25519`) usually carry only the seed, so the public key has to be derived to compare the key
/// with a certificate. Derivation only: certlint neither signs nor verifies with Ed25519, and the
/// arithmetic is not constant-time, since the keys it sees are already in the clear.
public enum Ed25519 {
    /// 32: the size of a private key (the seed) in bytes.
    public static let seedByteCount = 32

    /// 32: the size of an encoded public key in bytes.
    public static let publicKeyByteCount = 32

    /// Returns the public key of the private key `seed`, encoded as RFC 8032 §5.1.2 says, or nil
    /// when `seed` is not exactly 32 bytes.
    ///
    /// RFC 8032 §5.1.5: hash the seed with SHA-512, prune the low 32 bytes of the digest into the
    /// scalar s (clear bits 0–2 and 255, set bit 254), compute s·B, and encode the point.
    public static func publicKey(fromSeed seed: some Collection<UInt8>) -> [UInt8]? {
        // Check the length before hashing: the input may be arbitrarily large.
        guard seed.count == seedByteCount else {
            return nil
        }
        var scalar = Array(SHA512.hash(seed).prefix(32))
        scalar[0] &= 0b1111_1000
        scalar[31] &= 0b0111_1111
        scalar[31] |= 0b0100_0000
        return Ed25519Curve.shared.encode(Ed25519Curve.shared.multiplyBase(littleEndianScalar: scalar))
    }
}

/// The twisted Edwards curve edwards25519, `−x² + y² = 1 + d·x²·y²` over GF(2²⁵⁵ − 19), in
/// extended coordinates (RFC 8032 §5.1.4; Hisil, Wong, Carter and Dawson 2008).
struct Ed25519Curve: Sendable {
    /// A point `(X : Y : Z : T)` with x = X/Z, y = Y/Z, x·y = T/Z; coordinates in Montgomery form.
    struct ExtendedPoint: Sendable {
        /// X, so that x = X/Z.
        var x: MontgomeryField.Element
        /// Y, so that y = Y/Z.
        var y: MontgomeryField.Element
        /// Z, never zero.
        var z: MontgomeryField.Element
        /// T = X·Y/Z.
        var t: MontgomeryField.Element
    }

    /// The curve the module uses.
    static let shared = Ed25519Curve()

    /// GF(p), p = 2²⁵⁵ − 19.
    let field: MontgomeryField
    /// 2·d, d = −121665/121666 (RFC 8032 §5.1).
    let twoD: MontgomeryField.Element
    /// The base point B (RFC 8032 §5.1: y = 4/5, x even).
    let base: ExtendedPoint
    /// The neutral element (0, 1).
    let identity: ExtendedPoint

    /// Builds the field and the constants of RFC 8032 §5.1.
    init() {
        let field = MontgomeryField(modulusHex: "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed")
        self.field = field
        let d = field.element(fromHex: "52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3")
        self.twoD = field.add(d, d)
        let baseX = field.element(fromHex: "216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a")
        let baseY = field.element(fromHex: "6666666666666666666666666666666666666666666666666666666666666658")
        self.base = ExtendedPoint(x: baseX, y: baseY, z: field.one, t: field.multiply(baseX, baseY))
        self.identity = ExtendedPoint(x: field.zero, y: field.one, z: field.one, t: field.zero)
    }

    /// `P + Q` by the complete addition formulas of RFC 8032 §5.1.4, which also double.
    func add(_ p: ExtendedPoint, _ q: ExtendedPoint) -> ExtendedPoint {
        let f = field
        let a = f.multiply(f.subtract(p.y, p.x), f.subtract(q.y, q.x))
        let b = f.multiply(f.add(p.y, p.x), f.add(q.y, q.x))
        let c = f.multiply(f.multiply(p.t, twoD), q.t)
        let zz = f.multiply(p.z, q.z)
        let d = f.add(zz, zz)
        let e = f.subtract(b, a)
        let ff = f.subtract(d, c)
        let g = f.add(d, c)
        let h = f.add(b, a)
        return ExtendedPoint(x: f.multiply(e, ff), y: f.multiply(g, h), z: f.multiply(ff, g), t: f.multiply(e, h))
    }

    /// `s·B` for the little-endian scalar `s`; left-to-right double-and-add.
    func multiplyBase(littleEndianScalar scalar: [UInt8]) -> ExtendedPoint {
        var accumulator = identity
        for byte in scalar.reversed() {
            for bit in stride(from: 7, through: 0, by: -1) {
                accumulator = add(accumulator, accumulator)
                if (byte &>> UInt8(bit)) & 1 == 1 {
                    accumulator = add(accumulator, base)
                }
            }
        }
        return accumulator
    }

    /// The RFC 8032 §5.1.2 encoding: y little-endian in 32 bytes, the low bit of x in the top bit.
    func encode(_ point: ExtendedPoint) -> [UInt8] {
        let zInverse = field.inverse(point.z)
        let x = field.plainLimbs(field.multiply(point.x, zInverse))
        var encoded = field.littleEndianBytes(field.multiply(point.y, zInverse), byteCount: 32)
        encoded[31] |= UInt8(truncatingIfNeeded: x[0] & 1) &<< 7
        return encoded
    }
}
