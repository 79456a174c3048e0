/// The short-Weierstrass elliptic curves certlint derives EC public keys on.
///
/// The raw values are the names configuration files and facts use (`p256`, …).
public enum NamedCurve: String, Sendable, CaseIterable {
    /// NIST P-256 (secp256r1, prime256v1), FIPS 186-5 / SEC 2 §2.4.2.
    case p256
    /// NIST P-384 (secp384r1), FIPS 186-5 / SEC 2 §2.5.1.
    case p384
    /// NIST P-521 (secp521r1), FIPS 186-5 / SEC 2 §2.6.1.
    case p521
    /// secp256k1, SEC 2 §2.4.1 (the Bitcoin curve).
    case secp256k1

    /// The size in bytes of one coordinate of a point: 32, 48, 66 or 32.
    public var coordinateByteCount: Int {
        parameters.coordinateByteCount
    }

    /// The size in bytes of the group order, which is the size of an encoded private key:
    /// 32, 48, 66 or 32.
    public var privateKeyByteCount: Int {
        parameters.orderBytes.count
    }

    /// Returns the public key of the private scalar `privateKey` on `curve`, as the SEC 1 §2.3.3
    /// uncompressed point `04 || X || Y`, each coordinate big-endian and `coordinateByteCount`
    /// bytes long (65, 97, 133 or 65 bytes in all).
    ///
    /// `privateKey` is the big-endian scalar as SEC 1 `ECPrivateKey.privateKey` holds it: at
    /// most `privateKeyByteCount` bytes, shorter inputs (and leading zero bytes within that
    /// length) allowed. Returns nil when the input is longer than that, or the scalar is zero, or
    /// it is not less than the group order; such a key has no public key.
    public static func publicKey(curve: NamedCurve, privateKey: some Collection<UInt8>) -> [UInt8]? {
        let parameters = curve.parameters
        return parameters.publicKey(privateKey: privateKey)
    }

    /// The curve's parameters and arithmetic.
    var parameters: WeierstrassCurve {
        switch self {
        case .p256: WeierstrassCurve.p256
        case .p384: WeierstrassCurve.p384
        case .p521: WeierstrassCurve.p521
        case .secp256k1: WeierstrassCurve.secp256k1
        }
    }
}

/// A curve `y² = x³ + a·x + b` over a prime field, with a generator of prime order and
/// cofactor 1, and the scalar multiplication of its generator.
///
/// Points are handled in Jacobian coordinates `(X : Y : Z)`, standing for the affine point
/// `(X/Z², Y/Z³)`; `Z = 0` is the point at infinity. Doubling is `dbl-1998-cmo-2` of the
/// Explicit-Formulas Database (Cohen, Miyaji and Ono 1998), for any a; addition is the textbook
/// mixed Jacobian–affine addition (Hankerson, Menezes and Vanstone, "Guide to Elliptic Curve
/// Cryptography"); the one inversion happens at the end.
/// Not constant-time: it is for deriving the public key of a private key already in the clear.
struct WeierstrassCurve: Sendable {
    /// A point in Jacobian coordinates, each in the field's Montgomery form.
    struct JacobianPoint: Sendable {
        /// X, so that the affine x is X/Z².
        var x: MontgomeryField.Element
        /// Y, so that the affine y is Y/Z³.
        var y: MontgomeryField.Element
        /// Z; zero for the point at infinity.
        var z: MontgomeryField.Element
    }

    /// A point other than infinity in affine coordinates, each in the field's Montgomery form.
    typealias AffinePoint = (x: MontgomeryField.Element, y: MontgomeryField.Element)

    /// The prime field of the coordinates.
    let field: MontgomeryField
    /// The coefficient a.
    let a: MontgomeryField.Element
    /// The coefficient b.
    let b: MontgomeryField.Element
    /// The generator's affine x.
    let generatorX: MontgomeryField.Element
    /// The generator's affine y.
    let generatorY: MontgomeryField.Element
    /// The order n of the generator, big-endian, as many bytes as n needs.
    let orderBytes: [UInt8]
    /// The size in bytes of an encoded coordinate: the byte length of p.
    let coordinateByteCount: Int

    /// Creates a curve from its SEC 2 parameters, each a big-endian hexadecimal number.
    init(p: String, a: String, b: String, gx: String, gy: String, n: String) {
        let field = MontgomeryField(modulusHex: p)
        self.field = field
        self.a = field.element(fromHex: a)
        self.b = field.element(fromHex: b)
        self.generatorX = field.element(fromHex: gx)
        self.generatorY = field.element(fromHex: gy)
        self.orderBytes = Array(MontgomeryField.bytes(fromHex: n).drop { $0 == 0 })
        self.coordinateByteCount = MontgomeryField.bytes(fromHex: p).drop { $0 == 0 }.count
    }

    /// The uncompressed public point of the big-endian scalar `privateKey`, or nil when it is
    /// longer than the order's byte length, zero, or not less than the order.
    func publicKey(privateKey: some Collection<UInt8>) -> [UInt8]? {
        // Check the length before copying: the input may be arbitrarily large.
        let orderByteCount = orderBytes.count
        guard privateKey.count <= orderByteCount else {
            return nil
        }
        let scalar = [UInt8](repeating: 0, count: orderByteCount - privateKey.count) + privateKey
        guard scalar.contains(where: { $0 != 0 }), scalar.lexicographicallyPrecedes(orderBytes) else {
            return nil
        }
        // 0 < k < n and n is prime, so k·G is never the point at infinity.
        guard let (x, y) = multiplyGenerator(bigEndianScalar: scalar) else {
            return nil
        }
        return [0x04]
            + field.bigEndianBytes(x, byteCount: coordinateByteCount)
            + field.bigEndianBytes(y, byteCount: coordinateByteCount)
    }

    /// `k·G` in affine coordinates (Montgomery form) for the big-endian scalar `k`, or nil when
    /// it is the point at infinity. Left-to-right double-and-add.
    func multiplyGenerator(bigEndianScalar scalar: [UInt8]) -> AffinePoint? {
        var accumulator = JacobianPoint(x: field.one, y: field.one, z: field.zero)
        for byte in scalar {
            for bit in stride(from: 7, through: 0, by: -1) {
                accumulator = double(accumulator)
                if (byte &>> UInt8(bit)) & 1 == 1 {
                    accumulator = addGenerator(to: accumulator)
                }
            }
        }
        return affine(accumulator)
    }

    /// The affine coordinates of `point`, or nil for the point at infinity.
    func affine(_ point: JacobianPoint) -> AffinePoint? {
        guard !field.isZero(point.z) else {
            return nil
        }
        let zInverse = field.inverse(point.z)
        let zInverseSquared = field.square(zInverse)
        let x = field.multiply(point.x, zInverseSquared)
        let y = field.multiply(point.y, field.multiply(zInverseSquared, zInverse))
        return (x, y)
    }

    /// `2·P`.
    ///
    /// S = 4·X·Y², M = 3·X² + a·Z⁴, X' = M² − 2·S, Y' = M·(S − X') − 8·Y⁴, Z' = 2·Y·Z.
    /// The point at infinity and points with Y = 0 (of order 2, absent from these prime-order
    /// curves) double to infinity.
    func double(_ point: JacobianPoint) -> JacobianPoint {
        guard !field.isZero(point.z), !field.isZero(point.y) else {
            return JacobianPoint(x: field.one, y: field.one, z: field.zero)
        }
        let f = field
        let ySquared = f.square(point.y)
        let xTimesYSquared = f.multiply(point.x, ySquared)
        let twoXYSquared = f.add(xTimesYSquared, xTimesYSquared)
        let s = f.add(twoXYSquared, twoXYSquared)
        let xSquared = f.square(point.x)
        var m = f.add(f.add(xSquared, xSquared), xSquared)
        if !f.isZero(a) {
            let zSquared = f.square(point.z)
            m = f.add(m, f.multiply(a, f.square(zSquared)))
        }
        let newX = f.subtract(f.square(m), f.add(s, s))
        let yFourth = f.square(ySquared)
        let twoYFourth = f.add(yFourth, yFourth)
        let fourYFourth = f.add(twoYFourth, twoYFourth)
        let eightYFourth = f.add(fourYFourth, fourYFourth)
        let newY = f.subtract(f.multiply(m, f.subtract(s, newX)), eightYFourth)
        let yz = f.multiply(point.y, point.z)
        let newZ = f.add(yz, yz)
        return JacobianPoint(x: newX, y: newY, z: newZ)
    }

    /// `P + G`, G the generator in affine coordinates (mixed addition).
    ///
    /// U2 = Gx·Z², S2 = Gy·Z³, H = U2 − X, R = S2 − Y, X' = R² − H³ − 2·X·H²,
    /// Y' = R·(X·H² − X') − Y·H³, Z' = Z·H; with the special cases P = ∞, P = G, P = −G.
    func addGenerator(to point: JacobianPoint) -> JacobianPoint {
        let f = field
        guard !f.isZero(point.z) else {
            return JacobianPoint(x: generatorX, y: generatorY, z: f.one)
        }
        let zSquared = f.square(point.z)
        let u2 = f.multiply(generatorX, zSquared)
        let s2 = f.multiply(generatorY, f.multiply(zSquared, point.z))
        let h = f.subtract(u2, point.x)
        let r = f.subtract(s2, point.y)
        if f.isZero(h) {
            if f.isZero(r) {
                return double(point)
            }
            return JacobianPoint(x: f.one, y: f.one, z: f.zero)
        }
        let hSquared = f.square(h)
        let hCubed = f.multiply(hSquared, h)
        let v = f.multiply(point.x, hSquared)
        let newX = f.subtract(f.subtract(f.square(r), hCubed), f.add(v, v))
        let newY = f.subtract(f.multiply(r, f.subtract(v, newX)), f.multiply(point.y, hCubed))
        let newZ = f.multiply(point.z, h)
        return JacobianPoint(x: newX, y: newY, z: newZ)
    }

    /// Whether the affine point `(x, y)` (Montgomery form) satisfies the curve equation.
    func contains(x: MontgomeryField.Element, y: MontgomeryField.Element) -> Bool {
        let f = field
        let rightSide = f.add(f.add(f.multiply(f.square(x), x), f.multiply(a, x)), b)
        return f.square(y) == rightSide
    }
}

extension WeierstrassCurve {
    /// NIST P-256: SEC 2 v2 §2.4.2 (secp256r1), FIPS 186-5, NIST SP 800-186 §3.2.1.3.
    static let p256 = WeierstrassCurve(
        p: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        a: "ffffffff00000001000000000000000000000000fffffffffffffffffffffffc",
        b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
        gx: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
        gy: "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
        n: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"
    )

    /// NIST P-384: SEC 2 v2 §2.5.1 (secp384r1), NIST SP 800-186 §3.2.1.4.
    static let p384 = WeierstrassCurve(
        p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        a: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc",
        b: "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
        gx: "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
        gy: "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f",
        n: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973"
    )

    /// NIST P-521: SEC 2 v2 §2.6.1 (secp521r1), NIST SP 800-186 §3.2.1.5. p = 2⁵²¹ − 1.
    static let p521 = WeierstrassCurve(
        p: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        a: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc",
        b: "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109"
            + "e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
        gx: "00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3d"
            + "baa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
        gy: "011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e66"
            + "2c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650",
        n: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
            + "fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409"
    )

    /// secp256k1: SEC 2 v2 §2.4.1. a = 0, b = 7.
    static let secp256k1 = WeierstrassCurve(
        p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
        a: "0",
        b: "7",
        gx: "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
        gy: "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
        n: "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
    )
}
