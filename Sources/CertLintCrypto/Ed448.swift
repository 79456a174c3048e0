/// Ed448 (RFC 8032 §5.2): public keys from private keys.
///
/// An Ed448 private key is a 57-byte seed; PKCS#8 files (`openssl genpkey -algorithm ed448`)
/// usually carry only the seed, so the public key has to be derived to compare the key with a
/// certificate. Derivation only: certlint neither signs nor verifies with Ed448, and the
/// arithmetic is not constant-time, since the keys it sees are already in the clear.
public enum Ed448 {
    /// 57: the size of a private key (the seed) in bytes.
    public static let seedByteCount = 57

    /// 57: the size of an encoded public key in bytes.
    public static let publicKeyByteCount = 57

    /// Returns the public key of the private key `seed`, encoded as RFC 8032 §5.2.2 says, or nil
    /// when `seed` is not exactly 57 bytes.
    ///
    /// RFC 8032 §5.2.5: hash the seed with SHAKE256 to 114 bytes, prune the low 57 bytes into
    /// the scalar s (clear the two lowest bits and the whole last byte, set the top bit of the
    /// byte before it), compute s·B, and encode the point.
    public static func publicKey(fromSeed seed: some Collection<UInt8>) -> [UInt8]? {
        // Check the length before hashing: the input may be arbitrarily large.
        guard seed.count == seedByteCount else {
            return nil
        }
        var scalar = Array(SHAKE256.hash(seed, outputByteCount: 114).prefix(57))
        scalar[0] &= 0b1111_1100
        scalar[56] = 0
        scalar[55] |= 0b1000_0000
        return Ed448Curve.shared.encode(Ed448Curve.shared.multiplyBase(littleEndianScalar: scalar))
    }
}

/// The Edwards curve edwards448, `x² + y² = 1 + d·x²·y²` with d = −39081 over
/// GF(2⁴⁴⁸ − 2²²⁴ − 1), in projective coordinates (RFC 8032 §5.2.4).
struct Ed448Curve: Sendable {
    /// A point `(X : Y : Z)` with x = X/Z, y = Y/Z; coordinates in Montgomery form.
    struct ProjectivePoint: Sendable {
        /// X, so that x = X/Z.
        var x: MontgomeryField.Element
        /// Y, so that y = Y/Z.
        var y: MontgomeryField.Element
        /// Z, never zero.
        var z: MontgomeryField.Element
    }

    /// The curve the module uses.
    static let shared = Ed448Curve()

    /// GF(p), p = 2⁴⁴⁸ − 2²²⁴ − 1.
    let field: MontgomeryField
    /// d = −39081 (RFC 8032 §5.2).
    let d: MontgomeryField.Element
    /// The base point B of RFC 8032 §5.2.
    let base: ProjectivePoint
    /// The neutral element (0, 1).
    let identity: ProjectivePoint

    /// Builds the field and the constants of RFC 8032 §5.2.
    init() {
        let field = MontgomeryField(
            modulusHex: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffe"
                + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        )
        self.field = field
        self.d = field.negate(field.element(39081))
        self.base = ProjectivePoint(
            x: field.element(
                fromHex: "4f1970c66bed0ded221d15a622bf36da9e146570470f1767ea6de324"
                    + "a3d3a46412ae1af72ab66511433b80e18b00938e2626a82bc70cc05e"
            ),
            y: field.element(
                fromHex: "693f46716eb6bc248876203756c9c7624bea73736ca3984087789c1e"
                    + "05a0c2d73ad3ff1ce67c39c4fdbd132c4ed7c8ad9808795bf230fa14"
            ),
            z: field.one
        )
        self.identity = ProjectivePoint(x: field.zero, y: field.one, z: field.one)
    }

    /// `P + Q` by the complete addition formulas of RFC 8032 §5.2.4, which also double.
    func add(_ p: ProjectivePoint, _ q: ProjectivePoint) -> ProjectivePoint {
        let f = field
        let a = f.multiply(p.z, q.z)
        let b = f.square(a)
        let c = f.multiply(p.x, q.x)
        let dd = f.multiply(p.y, q.y)
        let e = f.multiply(d, f.multiply(c, dd))
        let ff = f.subtract(b, e)
        let g = f.add(b, e)
        let h = f.multiply(f.add(p.x, p.y), f.add(q.x, q.y))
        return ProjectivePoint(
            x: f.multiply(a, f.multiply(ff, f.subtract(f.subtract(h, c), dd))),
            y: f.multiply(a, f.multiply(g, f.subtract(dd, c))),
            z: f.multiply(ff, g)
        )
    }

    /// `s·B` for the little-endian scalar `s`; left-to-right double-and-add.
    func multiplyBase(littleEndianScalar scalar: [UInt8]) -> ProjectivePoint {
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

    /// The RFC 8032 §5.2.2 encoding: y little-endian in 57 bytes (the last one zero), the low
    /// bit of x in the top bit of the last byte.
    func encode(_ point: ProjectivePoint) -> [UInt8] {
        let zInverse = field.inverse(point.z)
        let x = field.plainLimbs(field.multiply(point.x, zInverse))
        var encoded = field.littleEndianBytes(field.multiply(point.y, zInverse), byteCount: 57)
        encoded[56] |= UInt8(truncatingIfNeeded: x[0] & 1) &<< 7
        return encoded
    }
}
