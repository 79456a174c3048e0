import Testing
@testable import CertLintCrypto

// Every expected value in this file was recomputed with Python's `cryptography` package
// (`ec.derive_private_key(k, ec.SECP256R1()).public_key().public_numbers()` and likewise for
// SECP384R1, SECP521R1, SECP256K1); the published vectors are cited where they are used.

@Suite struct WeierstrassCurveTests {
    // MARK: Published vectors

    // RFC 6979 appendix A.2.5 (ECDSA, 256 bits (prime field)): private key x, public key U = xG.
    @Test func rfc6979P256() {
        expectPublicKey(
            .p256,
            privateKey: "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721",
            x: "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6",
            y: "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299"
        )
    }

    // RFC 6979 appendix A.2.6 (ECDSA, 384 bits (prime field)).
    @Test func rfc6979P384() {
        expectPublicKey(
            .p384,
            privateKey: "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5",
            x: "EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64DEF8F0EA9055866064A254515480BC13",
            y: "8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1288B231C3AE0D4FE7344FD2533264720"
        )
    }

    // RFC 6979 appendix A.2.7 (ECDSA, 521 bits (prime field)). The RFC prints x with 131 hex
    // digits; the private key is given here as the 66-byte SEC 1 encoding (leading 0 nibble).
    @Test func rfc6979P521() {
        expectPublicKey(
            .p521,
            privateKey: "00FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75C"
                + "AA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538",
            x: "01894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD37"
                + "1123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4",
            y: "00493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A28"
                + "A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5"
        )
        // The same scalar without its leading zero byte (65 bytes) gives the same key.
        let short = Self.bytes("FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75C"
            + "AA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538")
        let padded = [0] + short
        #expect(NamedCurve.publicKey(curve: .p521, privateKey: short) == NamedCurve.publicKey(curve: .p521, privateKey: padded))
    }

    // secp256k1: private key 1 gives the generator G of SEC 2 v2 §2.4.1; 2G and 3G are the
    // widely reproduced first multiples of G. All three recomputed with `cryptography`.
    @Test func secp256k1SmallMultiples() {
        expectPublicKey(
            .secp256k1,
            privateKey: "01",
            x: "79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798",
            y: "483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8"
        )
        expectPublicKey(
            .secp256k1,
            privateKey: "02",
            x: "C6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5",
            y: "1AE168FEA63DC339A3C58419466CEAEEF7F632653266D0E1236431A950CFE52A"
        )
        expectPublicKey(
            .secp256k1,
            privateKey: "03",
            x: "F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9",
            y: "388F7B0F632DE8140FE337E62A37F3566500A99934C2231B6CB9FD7584B8E672"
        )
    }

    // MARK: Generator, 2G and (n − 1)G on every curve

    /// Per curve: G, 2G and (n − 1)G = −G as uncompressed points, from `cryptography`; the
    /// generators are those of SEC 2 v2.
    static let smallMultiples: [(NamedCurve, generator: String, double: String, orderMinusOne: String)] = [
        (.p256,
         "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
         "047cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc4766997807775510db8ed040293d9ac69f7430dbba7dade63ce982299e04b79d227873d1",
         "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296b01cbd1c01e58065711814b583f061e9d431cca994cea1313449bf97c840ae0a"),
        (.p384,
         "04aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7"
            + "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f",
         "0408d999057ba3d2d969260045c55b97f089025959a6f434d651d207d19fb96e9e4fe0e86ebe0e64f85b96a9c75295df61"
            + "8e80f1fa5b1b3cedb7bfe8dffd6dba74b275d875bc6cc43e904e505f256ab4255ffd43e94d39e22d61501e700a940e80",
         "04aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7"
            + "c9e821b569d9d390a26167406d6d23d6070be242d765eb831625ceec4a0f473ef59f4e30e2817e6285bce2846f15f1a0"),
        (.p521,
         "0400c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66"
            + "011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650",
         "0400433c219024277e7e682fcb288148c282747403279b1ccc06352c6e5505d769be97b3b204da6ef55507aa104a3a35c5af41cf2fa364d60fd967f43e3933ba6d783d"
            + "00f4bb8cc7f86db26700a7f3eceeeed3f0b5c6b5107c4da97740ab21a29906c42dbbb3e377de9f251f6b93937fa99a3248f4eafcbe95edc0f4f71be356d661f41b02",
         "0400c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66"
            + "00e7c6d6958765c43ffba375a04bd382e426670abbb6a864bb97e85042e8d8c199d368118d66a10bd9bf3aaf46fec052f89ecac38f795d8d3dbf77416b89602e99af"),
        (.secp256k1,
         "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
         "04c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee51ae168fea63dc339a3c58419466ceaeef7f632653266d0e1236431a950cfe52a",
         "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798b7c52588d95c3b9aa25b0403f1eef75702e84bb7597aabe663b82f6f04ef2777"),
    ]

    @Test(arguments: smallMultiples)
    func generatorDoubleAndNegation(curve: NamedCurve, generator: String, double: String, orderMinusOne: String) {
        let size = curve.privateKeyByteCount
        let order = curve.parameters.orderBytes
        #expect(order.count == size)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [1])?.hexString == generator)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [UInt8](repeating: 0, count: size - 1) + [1])?.hexString == generator)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [2])?.hexString == double)
        // n − 1: −G, the same x as G and the other y.
        let orderMinusOneScalar = Self.subtractOne(order)
        let negated = NamedCurve.publicKey(curve: curve, privateKey: orderMinusOneScalar)
        #expect(negated?.hexString == orderMinusOne)
        #expect(negated?.prefix(1 + curve.coordinateByteCount) == Self.bytes(generator).prefix(1 + curve.coordinateByteCount))
        // n − 2 = −2G.
        let orderMinusTwo = Self.subtractOne(orderMinusOneScalar)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: orderMinusTwo)?.prefix(1 + curve.coordinateByteCount)
            == Self.bytes(double).prefix(1 + curve.coordinateByteCount))
    }

    // MARK: Scalars that have no public key, and lengths

    @Test(arguments: NamedCurve.allCases)
    func outOfRangeScalars(curve: NamedCurve) {
        let size = curve.privateKeyByteCount
        let order = curve.parameters.orderBytes
        // Zero, however it is spelled.
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [UInt8]()) == nil)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [0]) == nil)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [UInt8](repeating: 0, count: size)) == nil)
        // The order itself, the order + 1, and the largest value that fits.
        #expect(NamedCurve.publicKey(curve: curve, privateKey: order) == nil)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: Self.addOne(order)) == nil)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [UInt8](repeating: 0xff, count: size)) == nil)
        // Longer than the order's byte length: nil even when the extra bytes are zeros.
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [UInt8](repeating: 0, count: size) + [1]) == nil)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [0] + Self.subtractOne(order)) == nil)
        #expect(NamedCurve.publicKey(curve: curve, privateKey: [UInt8](repeating: 0x01, count: 100_000)) == nil)
    }

    @Test(arguments: NamedCurve.allCases)
    func outputShape(curve: NamedCurve) {
        let expectedSize = [NamedCurve.p256: 32, .p384: 48, .p521: 66, .secp256k1: 32][curve]
        #expect(curve.coordinateByteCount == expectedSize)
        #expect(curve.privateKeyByteCount == expectedSize)
        let point = NamedCurve.publicKey(curve: curve, privateKey: [0x2a])
        #expect(point?.count == 1 + 2 * curve.coordinateByteCount)
        #expect(point?.first == 0x04)
    }

    // Lengths around the order's byte length and beyond, with seeded pseudo-random contents
    // (some with the top byte forced to 0xff, so above the order): nil or a point on the curve,
    // never a trap; in-range inputs agree with their zero-padded form.
    @Test(arguments: NamedCurve.allCases)
    func arbitraryInputsNeverTrap(curve: NamedCurve) {
        var generator = SeededGenerator(seed: 0x5EC1_2345)
        let size = curve.privateKeyByteCount
        let parameters = curve.parameters
        for length in [0, 1, 2, 9, size / 2, size - 1, size, size, size + 1, size + 2, 2 * size, 1000] {
            var input = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if length == size, generator.next() & 1 == 1 {
                input[0] = 0xff
            }
            let point = NamedCurve.publicKey(curve: curve, privateKey: input)
            if length > size {
                #expect(point == nil)
                continue
            }
            let padded = [UInt8](repeating: 0, count: size - length) + input
            let expectedNil = padded.allSatisfy { $0 == 0 } || !padded.lexicographicallyPrecedes(parameters.orderBytes)
            #expect((point == nil) == expectedNil, "input \(input.hexString)")
            if length < size {
                #expect(NamedCurve.publicKey(curve: curve, privateKey: padded) == point)
            }
            if let point {
                #expect(Self.isOnCurve(point, curve))
            }
        }
    }

    // A collection that is not contiguous goes through the same path.
    @Test func nonContiguousInput() {
        let key = Self.bytes("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721")
        let expected = NamedCurve.publicKey(curve: .p256, privateKey: key)
        #expect(expected != nil)
        #expect(NamedCurve.publicKey(curve: .p256, privateKey: key.lazy.map { $0 }) == expected)
        #expect(NamedCurve.publicKey(curve: .p256, privateKey: key[...]) == expected)
    }

    // MARK: Differential against Python's cryptography

    @Test(arguments: NamedCurve.allCases)
    func agreesWithPythonCryptography(curve: NamedCurve) {
        let lines = Self.differentialVectors
            .split(separator: "\n")
            .drop { $0 != "# \(curve.rawValue)" }
            .dropFirst()
            .prefix { !$0.hasPrefix("#") }
        #expect(lines.count == 50)
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count == 2 else {
                Issue.record("malformed vector line: \(line)")
                continue
            }
            let point = NamedCurve.publicKey(curve: curve, privateKey: Self.bytes(String(fields[0])))
            #expect(point?.hexString == String(fields[1]), "private key \(fields[0])")
            if let point {
                #expect(Self.isOnCurve(point, curve))
            }
        }
    }

    // MARK: Field arithmetic

    // Inversion and the Montgomery round trip on every curve's field.
    @Test(arguments: NamedCurve.allCases)
    func fieldInverse(curve: NamedCurve) {
        let field = curve.parameters.field
        var generator = SeededGenerator(seed: 77)
        for _ in 0..<20 {
            let bytes = (0..<(8 * field.limbCount)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            guard let element = field.element(fromBigEndian: bytes), !field.isZero(element) else {
                continue
            }
            #expect(field.multiply(element, field.inverse(element)) == field.one)
            #expect(field.add(element, field.negate(element)) == field.zero)
            #expect(field.subtract(field.add(element, field.one), field.one) == element)
            #expect(field.bigEndianBytes(element, byteCount: bytes.count) == bytes)
        }
        #expect(field.plainLimbs(field.one) == [1] + [UInt64](repeating: 0, count: field.limbCount - 1))
        #expect(field.inverse(field.zero) == field.zero)
    }

    // MARK: Helpers

    /// Checks that `privateKey` (hex) on `curve` gives the public point (x, y) (hex).
    func expectPublicKey(_ curve: NamedCurve, privateKey: String, x: String, y: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let point = NamedCurve.publicKey(curve: curve, privateKey: Self.bytes(privateKey))
        #expect(point?.hexString == "04" + x.lowercased() + y.lowercased(), sourceLocation: sourceLocation)
    }

    /// Whether the uncompressed `point` satisfies `curve`'s equation.
    static func isOnCurve(_ point: [UInt8], _ curve: NamedCurve) -> Bool {
        let parameters = curve.parameters
        let size = curve.coordinateByteCount
        guard point.count == 1 + 2 * size, point.first == 0x04 else {
            return false
        }
        let field = parameters.field
        guard let x = field.element(fromBigEndian: Array(point[1...size])),
              let y = field.element(fromBigEndian: Array(point[(1 + size)...])) else {
            return false
        }
        return parameters.contains(x: x, y: y)
    }

    /// The big-endian number `bytes` plus one (same length; wraps to zero on overflow).
    static func addOne(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for index in result.indices.reversed() {
            result[index] &+= 1
            if result[index] != 0 {
                break
            }
        }
        return result
    }

    /// The big-endian number `bytes` minus one (same length; `bytes` must not be zero).
    static func subtractOne(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for index in result.indices.reversed() {
            result[index] &-= 1
            if result[index] != 0xff {
                break
            }
        }
        return result
    }

    /// The bytes of a hexadecimal string (test data only).
    static func bytes(_ hex: String) -> [UInt8] {
        MontgomeryField.bytes(fromHex: hex)
    }

    /// SplitMix64 (Steele, Lea and Flood 2014): a seeded generator, so "random" tests repeat.
    struct SeededGenerator: RandomNumberGenerator {
        /// The state, advanced by the golden-ratio increment on every draw.
        var state: UInt64

        /// Creates a generator from `seed`.
        init(seed: UInt64) {
            state = seed
        }

        /// The next pseudo-random 64-bit value.
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z &>> 31)
        }
    }
}

extension WeierstrassCurveTests {
    /// 50 random private keys per curve and their public keys, one `private public` pair per
    /// line in hex (private key padded to the order's byte length, public key uncompressed),
    /// under a `# curve` header. Made once with Python 3 and `cryptography` 48.0.0 by running
    /// `python3 gen_vectors.py` with this program (its Ed25519 and Ed448 lines are in
    /// Ed25519Tests.swift and Ed448Tests.swift):
    ///
    ///     import os
    ///     from cryptography.hazmat.primitives.asymmetric import ec, ed25519, ed448
    ///     from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    ///     for name, curve, size in [("p256", ec.SECP256R1(), 32), ("p384", ec.SECP384R1(), 48),
    ///                               ("p521", ec.SECP521R1(), 66), ("secp256k1", ec.SECP256K1(), 32)]:
    ///         print("#", name)
    ///         for _ in range(50):
    ///             key = ec.generate_private_key(curve)
    ///             point = key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    ///             print(key.private_numbers().private_value.to_bytes(size, "big").hex(), point.hex())
    ///     for name, module, size in [("ed25519", ed25519.Ed25519PrivateKey, 32), ("ed448", ed448.Ed448PrivateKey, 57)]:
    ///         print("#", name)
    ///         for _ in range(50):
    ///             seed = os.urandom(size)
    ///             print(seed.hex(), module.from_private_bytes(seed).public_key().public_bytes_raw().hex())
    static let differentialVectors = """
        # p256
        b308fb58f085e624d667e98d3c369e00e7a4d80b3302314326cdd9b9acbc087b 04d1d33488fce64ec4e3d75d18f1e439ca1ae94a8c3dcdd5567346288eed81978d4e94e038b7c831a88402ac178740e781f720cbc6b15911ab31f1e00387f2c855
        15b21893aed6340051b60107f65b901c3b0b6a05a643d0d116074e8896cbdfa2 040d2f44c9d43850be870081f9fe7857373d8022690178774986bc687a7a9036f9e8bd799922af1eeae5f0777587c6dcc05c82c29aed95ab77825d46c383843ab9
        29b3b9e276c7afe64c1e7a114debaca4edad0ecf510268b9680efe045b1dbd29 04313ce287a0c4ef3e85418d8d8cb28939ea8a76563dc83511823c67aecfca7be173625ede8dee985bec2022a2cdbbf92b588e56e6ac3fcef590991328da658d60
        2627bb45540d6102006f40a4296695348b9742f20cad2e0887465ce7c392aee8 04d8240060cfe9f3fbac658d662bd01a34b8a0b774ca67c4216edb640703cca7c665c851fe379eabcfb17bb4953dbb0f99a34658c8afb791372430fccaf94bee9a
        c6ac0aab0118c70ac3a5c13112e0c89c4f4fea63a86c81956238305d971f917d 04678f73a29f9b0ace1e3c33890ee09b3fa4ad25e805ff88c75ddded47c043a4e4bdd18cbb37402091f22e6a5f8f0e55303c7ea17c73464c8d4bed86863620edeb
        b5f1263b9faff63c5adf5fd96a4d7bd39f62c421d59c019b5b6944f202ff2979 043c8f2fc205215eca34f10fa60e53c74e29a9ef9b1e1c54a9a7669edc7bc9e250afa91943d10a0af96cc7fdfeecde038517ef36264c604446830819e2825af07c
        79f16aaf33aa6e85b7f13519d04fff381232c6496a1afd8415ae87cba5500a7b 0482fda5c689a122ecefe3e09d3029d256fc708bb86d0e93816c07dd86559da5999d6edcf86207a03aef489ce656735f29779bc746e5896f9f168ec4f75af4878e
        00d2ca8c9b293bbbb072e9bf5fbf8f12b9de0ac7527ecd58b9bf928690550db6 04e7ca9228a86e4286c348a28553f27845f9d783e62b944942f10a8ff9169137187f349b84b5af4107766c6a0763bcb5ea61509911f1aee49a602c6a050e0145b7
        b8166953c6d781ed93be8bc6dae1079dd2de16741961f31626a11ce0e41f281b 04aa648af9f14e166505fccfcb61621619671ee669ac5f08eefdc5d2adfb54724162d95f950b9d6f2f4f127321e2174cc9057ad187deaae7c9c176fde14dd8b83e
        33a8dfaf83ed075d6d42d67fdc597b58cb8144b807cfb5c9d3f7b15d01a17077 043866a5bb6a0f5cc5de68fef6dcf48f779486c9ac4501748883e553925520c555bace7950766a86fc14b356c5bd0bfc303b1d301007e4c94dc07564242880da7f
        57d783917fe77a2fa7dbd06f46cee6b843dbd32a7570a2d67a34be9aa5cc5252 04062ac9ed7ccb955ee37369252192a1de018fa1f49318fabce3c44952dbebedf416e932c5e7efeb77048012545f2571908fe358f00b320427538e30be57c6f1f0
        075e8b87765a2696a54efd057f686f3249e58b1a4e4610c56f02faf346d911a2 04eb0a0d859de32d22bbd7af2b4deb1d699c28b4518c7f7bf4435ac2c9b7838e2196f3d2ab60adc749602373b2801080a27737731ab5d1088ecaabf25839059859
        3350cb8bb7857674431aad9b1487583cef0ba1b0459a95f5ce918ecfb4f618b0 04b455de916d2eaf5dd71d964d000d5bf375848a09fbf2e0c1e8568557cb2c32e82fdebd9d7c2bd04d9c617b298d214d6acad53dee9b4d3b74cabc7bbf689f595c
        95e07aad3d472ef31fdb5147197714b0a8837f7b75e6d6a2f68fde1b76e87fe3 04085cbd366a6bfaf614f16feab911afbd43fee6ff53de32a24dc4b89710e07c04ba89ec7408b0267b2e0f0636915a350dc7f816ec894c7f2d30e52354b2f4c493
        7706820cb0177fe52c793ccba172b14d5ceb1d6bda9ea654ce6170849036b2cd 04345edc68061bb7907621a308aedb4c6a527d9a955e31926d36df2128dd8babf21cfc3e9109e13c5e174dff0333e2f7040ecec4327c822b06a9aac9f167cd6d4b
        750b907ca7a3ae999c3463bf7439ef027ad8eb78be273edd6af67ca54e5d259f 044ae1f56e297f92db8b8e3daf67c30acf31fe8f5b4c2da0a3d1dc51f203a37c6375123d348b23d769419cbdd83fb9dbc9be14f62ff921b225784c324d2be31685
        1f38eff6a5c86f6f6ed6443df171b91463ca16030db342750efbeb20b76ec14f 04b17f4e443bc1a573d5c9fe117892be71dbaedeab90b625e8a272ec1d3a4ecd5115629abce4b38999373263df89c5ad4b040bbb58018f62c1c6c6a8a89c8fb93f
        555f4df1715612f9c801cfa67221304f9009ec42f245e829a9aca2bba5bb8464 04ac4800b38b63e04f03cf065cd6b2d37c09e3ff8cc222419537b5340a1b7cb537025b8e97c77dd0285cf77c7bc933291fc3af4a69078f5980942b83e0e083c20e
        412229ceae2ff6b05e8236a0265774df5df57960d4ee6f66cadd05c69088a299 04e44e9bc43e2ba0dc1f3efc2a96712df8803cb725862de94eafee0678deddc44021a9c90ba953decddb93badb1e02c6f308120fa1863ed35a750b63336ee0c7a0
        ce25df1c3de6bf96f13869fd3b466003c1974239d085a8fc55dc591bfa45acd5 0492a73ec12bbda0d1ce9ccf7ad52699389efd5ca974fd4f5c0da450ed876916b51c88b6fbb8896f107ad5d13c669f899ae5ac7d55b24e657a253873ebb3b12319
        b7a7dce0e097c71d3fd4ceb9ec1979496b9bedeefdb458eb26e71ba3704c93b0 04d0666069a1620bfa3fbe87dd246ba370014c800f3989790f4db7d7583fe1e72b1d58309186d92626aa4d774a66ec2eb774b08d0c7ad2274663ad6b3e509ef434
        e49b7f46e0ffe63d1f90d9918c22ec9309f875a021c8834bd2b3240de58f1c4d 04a2beb305303b90e73623ba80264259f8ad8b815a80cc223ee15a97b58c0fe98f91887cba4adbddf5cf54a5f10facb75451b0f11c1dadd80b6904bc3735e58fb1
        a38d3f99fdc98c9414f4f7fc6d55ca13808e6ba06c730e5f94ac7009091ffd36 04c5db5e5593a01f2e0fdcb25b579db83ae8479da113b77e75bcc1a2d438d1e62d38b46a656a43bed661a02a600537f93af4a0dad7518119f381e9c8caa7ca4413
        161e734d44877b0bfe258c388b2cbc3440f1f737c2c108f0b134296186bba7cf 0464226f447f5a96cebec482fadbbee884c85710496d13ff8f2305fccfb9a82c6702020b6f1c9271668b03c7b667d2ec7ceef8244d71f3ab3713317cf36e783e15
        15a02dde6d042406e0c327cbb770bfdf9c0ee2ff22af99666985e0a99d9b018d 041ac25454c75ef6969591efaee86ddaeb958ca58c90e53e25f06625b5f2d61c893fde50616c680bcc5c2389939cf2454cc5600c1e0dcf7f290e6779fa5f1205d7
        a8e1dc5c220694a856147e1b74df565973c2e99fca55b0a5f081080f5b8cb4e0 041eb5ba2f9f27863f1f4232bea3ad6b304a775d7c378e1cbbe3b99e1078d5a870e37c40eb03bea69080a22af38d4427697264a47525eb25bd10a66d577b8b3a0a
        ebfb0b8dfa412e9d0168eca6798795e9e8d6e0e1ecc5b7658acae75cf3e6e920 04777d16eb0367617d61c009d23aeda38f30ccc365a55d8251445099c75ad8cfc22c9b9312b8897ba9e64597a8502cdcea47f05664732284c7ccf6ce46dd002411
        38cdcf43574039f93db0ca33e5478139438b471580977c7ce9c4294f07f0b586 04cbbbaf0a4a8060bd4f094d0c6f97e043f4bce801efaf28a61232189196be6d89d52de0970be303eb038902bfd3a3efebcdc96d4fc5269ca997276206dea1bcfb
        e809c3319228e94ec94153e7708e75525ce99871b17fbe734383f0b2ebc24c3b 0465bddb25a683e03a1471009961bd1081e406720269941bc5e5820211cec6536bada461015f32ae2d903a60eee3646704df0bc4d80c10ef79e44e0bcceb644a43
        f233459308f08c9af7453cffe6d4dadbd868d9ffe71863407e8effea66ea4ca1 040d5b0dfd793d5a112319a97960d0aa2dccc2090390e328431ed82659a3b1cacbfb09790d1164a464e5007087cfe128afb52db6967f8b0734155beab5dce9f137
        cdc3e859a6697102a59217f47e04915cd673c51a495a2c8136e59eba6229906e 04d117cb8b743a60d9c7bfd1203b3c96bcd4c1318637c0c095188a85448c7a72af1b61ddb252f04e812402d43374aa8e46ac6230171f61663910034527199197f3
        42a0b9ebbf246d6e69e83ae3cd2f9be8646476304df7396d8db30578469f1320 043533ad9c4780ff9cdcbca4a370a0a9e479deff0cedb7d2d818a7166178b938256e3f24352e83b537ae721a57a8ab1945bbfb87d353eb5695817d17aa0dca94c0
        e310919f9429e9c4a37af06bd90f348a3b53c71c57e1d3d66ad37ba4820d0669 0432d89fab5fa9ea8e5adbc48ff05bc84a10ee4854456dba98c63fdde1d079cca1f74212e801778f7e8bfdc127b9fd368d0776b283718cd22adcbdaeb93d79a4a1
        2f8f0f7532e34f6a8926f438a7700c8687c19eb282046f840db6884edcd57523 0426a4e5b8b001e21be2285a73995fbec624f882c751e20d457ea013699a3003ec8ea8579b9544a1ff2d9023c93adc55e21c950c926a11e0fe8fae4f4fc6013380
        f88632b84dc97936a19aab9551fabd00efff9a9e28d7add89dae3811db5b80cb 04157dac15efe0101073ee6238c8a3e90de53f24dc162f020301dc836d4933e0bc20b4b3c11b8d0935ee9cf96aad19742fc57a22f1addc19825b56526e78884a26
        34afe8cb1c4aebff36aeb42e9b79c64be54ceae66ae4adaae9debe09924068e5 0434e621ffd4e959d59a132af46f27f668590c859a64b3fedc8086ff4fb8302c9729e60716b1c2d7b7d509e8298ea66dfaf64cdd9ac389bd7f64b615947785fc5e
        11493459c971a7a8e8f5a24f91c417cc0b20814c5cc27ee10574ce5a02d39f29 04fc68c3586eab00877ab8b6b3a0d73c92b51b61865ce52fd552e2f6981d583a100d480bd484c709ba8738d89d9ab56057bd8ad03f240dc56643a905a6d9f3ba3f
        b9d35725032c9da6aae74385a73ddaf72e12fe8fe0abea49f8429a9fd85d9c44 0440a18e004601d1f74d39e36e09048e1f51030c2c2de69dfaa725f40e4be364c2f5353407cd7eb19844d3a0225edf0ae337fbc90225ac50c9e5a6a9361c5b3eae
        83ecede198b02c5a6be9f09228df9dfa59976efa7b023e8185897a130d847388 049062ef0c515595559f847f685a48665dec274e303f0bda5ecfc046bd2046b61f905f43a1477c88eb5dcad7ba88cdecc4e1c7643fe237e67be697d8cd387b4f83
        ca9044fe72e036f49bf75c87d62c5fe0a3b1fa8ab7ca6b7eb6d0971ab9e26958 04a9d975e6a24d50e1feccc4132a356cf6d176a2af6468ead546cdcf4992fb6f4b21c8e0933b1cb9a82023133f92fdc3cd00a2f18871e1f09e7f88d471dcf422ad
        8a697b5819ca3c324b84bbf40c4ec4c55ee3fcbf2d8065f7f5585cb92369ba31 04f64812b730208f91e7450524bc1d7222b4254d3f0fce014f64ae9f72e61552a5995283ef18ef98d5143c243baee09b390e93f6b30a6abd43bca55dade669d908
        95b669ab580b1fe71e11cb0b3cdc0b88685e50abe9e11cf0c1eec815159c6302 046bf0f678098ae0e91c884649c89f84f467ef76ce853eed6fde468d7762d961ab285105a704055b5a9b298b6c6b79fd0adb31f172201d3199308f362669eee102
        defb35af6e80cb6a2dda453541dc625e6230782d7911d953b4b9a7d0657e8dee 04f011a9bf183856f61c52b57fa85481c6d02af7ccc8f9ea357bc90ec7b8fba92be848216b709e89bf5bf2de93ef9f6b2202799acf8f25997ab98b02a8918ed82f
        9c2cc9d03f1f3f6b13ccfcda9e6fc9cd5eae48871acc2997cee6358225069a66 043deb9d04376e7f4d7a385199353387aa1be5804c35d65988ce9823626385fc5389c22186ef0c6f08a68d37712173cdfb4376165b83d8e98fddc0b80b0dc58e96
        8f52224c404b0363578285882596276f4711d9c8e84a2610d563f867ba9f91aa 0482dfe9d001d4aaf2c8586a386b329a561536da6a56901be221202766f904511ff767330707dc563f9ea31ecd3ea64b4bc9d32cdb1e76fe7944c97ad581126ced
        e329fc3c58b81b5302995415437cb85a391c2c23a8e475488f2a40f8320b27b6 04bb79f60845d795b29d6163f1378c210eeb59ad4397d901cbe4f1f789d13d8da752b47009b314c7ae00be0b51f356036e1197ae3fa0e0725b359b5fe1149f5d24
        d4d5d0d0304cef0cad6c70e754d14abd55355ab1744479a303fc9a496a110930 04ebd03872f7231ad2be2f454a2025204048cb7806a1482cdd071ce0f36c201475547d6a7d09c1e3cf31964a5ffdf3e00d080c98c0208cce3845da522a95c7a9c2
        f7d8aa39684da1aebc8a8ed32c1e6f5b83cd6fcb13b1966bd21bf11e0837a279 0494e21aad8cab36749231b81bb3aac466fb22b658da914a2f9cb7dfe44ace2abe75b270e9221da68b664512342d7fdd914a9ba6b30b970f508c7b6380c94a7ec1
        35d329280787d1d04dc80f4909d23aa92164edf43bcba05644467f6f287eed1f 046a38354e226f75ca9a328dcfb8bad11651dc02b702efe8c903dfcc1043c384dc25b67e14709350faea1ec906e885b19e89d759e35ba7b778d2276bb1582cc9af
        ae1109b65de26bd09c0d22061c9c35f7a0faf0eddafd5e71ca30025c5d47e000 04774c573e7e3ed8fd20cec48a09db5287721991fb0591814d752bf516c0396f02280aab2f80f50273c36ef4628197989f1b6ffe046af6c8c7cb03b54d08980930
        # p384
        af92a7e07ec05f19af43e6c3c8d103ee941d18986eda7d1d6680be0aa19e2c809c299e8fe3d9d30a0a3e19216d03eee7 046c2fd838862107710bbb715c89083b2bd476eda0d203c4a179d462f6667dcc0d8ae38f7699f48a7c92b817e9cd89bb14607d527cb38eb09eee413bec05ca802026215d853f15d72fa7e856796756816de34e38757a11b5adfebe9585c6ef7845
        70f87889d5aeef69f3e207bdd45ceec308911e3759c3bdd4e9e23be5a4944ac833fa42e42afdfffb88209a2b97a078d9 0418cbe3072ef4958ee6b2ab0774038d8bfee3e889443f3645080ea299759823be36ed9e77de27f913eb0c583cc77e3bb7ee3b60c2acf87fd73177c6bdb951c3a9a44d393999b280ef684aa12a39f946ed9787ae82a6e67694f1bd448e1915208c
        db82506564ed7c25bee47c720c796542f6abfa86fd36c6bd73b7be8e4f3817ee85a79ac31f94fc1e225667ea86e4f868 048547fecc2dab186c6c91c1040db02a63c19b2f8b8209d0332fd703918c7621a5d6a4d5bfbfcb77e5c2d460944e3b5e0f62bcaa248e1c90450ba503b51d2a4e50c53cd21942d8d41c7cf6cfb3f1d495266d439cee8be6ae759f776dcf935d0993
        2d4cdc3decc51ac2b6baf936eb0d0142a12703c84dee154a5429f5cff923665f16049efa4e375202f6d78765bb14ec90 04de3572ed9074a36bdef75b987bea26e9f84f342519243fc4d669032484d7c1911147135e50d2e6f42f2ee451849d3e5dfe09fb5d2100abd54c5d0d4eaca2c07882b2b656809259deb37b00d62ca9d290b8f4d08da28137d524b632bf14db54d1
        bc682c8c9fed292089292bc09dabf0972e3ae44ce44e3b78fa8a875864ed7eae293dabb85395348a9e1b98267750db46 04ebfc6d478ebcd143ce6fbc3a2a395c1125fd528212a40fdd2f73c53891a0db12e781742e4cc78c3871d7ae50d48e34dc3c25686e5526f77d0d43a2b6a306b7c2a1550c27d01d0de0a06344497d530125d4e7ef5d2982823c6cda28c2805a0765
        7d573e03fb22d2cf4a56b6f51006ee461a603eda3b31a9c3daf3476c9a8eba3776eb41a7ea7f6fdffd6c45840d3cc35c 04bbb0d512924f5a1636c25f8234611df79a17941636d1264644988b488144a1f94616f69cc72e620bcdf242f28a1533407d49629e238e7356cfab0c308735fd17dbcfba62a97136c6bbf885c205459cf0a1a41329d2412331568a21172e488748
        37f964079bcde90753684df1daee563b797892189b6794e8adab1ec3b74762eae6d061c62bd1055c90e068835794b005 04619780fb511177fb537a48627bfb71e201890dd0f81fe647b71ff5531b617d5379f7fd17c5492aba73bf0d0728bedb1cb88ad7c5be47c025ea44b20e1e4e350a72869c977707f86b48050af4471d9ca70ca3f0d8e8a72db67a1cff1ac99368e2
        f6086313e258800b4c5912a6127161ca5f48f7f4d2c4699a91fafd67a9b7c9b6dc3271cebbcd6b7231cc63191578a012 048322391bae4e4c4d02a2152d84b90aee5131a27638e5c4725f23d28498d4bffdb5b5b4eb031888c25c22ee7a7cde509c70d5d9f4d2884e386057b9032f73825cecc00f1023726c81f496a96b445511f4c95bde14303112781ca8233070d1508d
        8b11598761c71c970d19f6795324bdfad6d1a6397ed30f382553f8d0c073d1600e6bacc58185779061930c416ad9f14a 040f0824303a565fd3560d8ff60aca347aaff33a6bad6bbb33fffa3c49d149d0349ed6748e028ab17e3d18bc73076ddc21fbf0fec0386fab0615b5bdf925b8330cb18692c19dcde5889b6e7115d87383ed37cfaaf9c58a937189e61a68b791214e
        49c636d8dcc4fe57f7adc5a31f33b705c93fab82eb304f7d9263585023781d0a719858ebeea9ad9e136f01565b26c37b 0499a642b937af99ddd764ebd8057f5a2e1b5d50107dd3d5f9720c5040fcdfcc90fb94f466cf804021cbbb63cd2f46602d02a4cec570b8d921c1c496b36762bca2c5a55cf39644aa9c4ab67faf2e8f21d003309bf3dc12794acec89f79cd978760
        cf9e59765960a82d2b357207841cf3f09027e755ec38c7205661eabfbf1cdcf486f587b742c85791032788ce436e8577 047b595be9893e7175bcb86a046e877e4cc73843ce2ef9a06fd238702ba3570bf59f18f8737e670fd5d9d5a49fa33c1ba5ddfd823c5da03b34b37d1c9c85c07685a45bfad7ea0f056f039766a35c44cecce60d115f09c8f24c5197540444aa2bfc
        1b3b93728bc014d17ca8dd8513718713b1e8d85949d430d7d285a87971f86dd01f2782eeb8ff558fa0205839c77f3b4a 04dec24f38ed0f89136b78455763ef8eac458eaf9c8af96ac5ecaa8bcec9dfc6beb6f02f9f7ed282d3d4bfdc255d71e56cbcd182debc1dfe10034c81de44f511f7cdf789dbe9b26df54f1e2c18ba4fab784663587f5659b1ca47dcca0992feaae6
        60b22fd8ea45c940eeb38bc304b97154bc8e6023a062a8e8db253b8be52dee9e05ce840b6a86a583179557ed5baf7634 0425d68ba4be8dba1be08497e0a1bbbfddc4260bc07438d2a88421721de82053b096aa8c0f53d9a08638f30d8ae1c3844d507bd6c1dfcdd2b0da5c41069bda69ef4d4ee286170f24f33efea2366ece85caeaf80f313d4c5250898032f9e8badea2
        eb0305bd0d08b2aa1e9468bc2c41c3d4d05a05987a80fd7ab9fdf5252e255a4a5218b44b0cbac4602aa1acd46dcdb93b 0483bf787744027cf448bafbf9b0229fe9b848272b0ff3e12ba17b8b23674adebb0900dd276960952ec65a5c4ce83c5db62cf0d03bb728e5013cf57b9edf4d95b62459b69a94b911761a2fe1451387682a0d3b3078c23e2d2bcf9d5b9193f24cd8
        dbe4a4827d70b28e1c82b3a5018346ca2498c0845e5fc11844e8be2bb48770c5331c9655a5c3d6b395eee146ff034b92 04ffa67232a53313778a20d36015494c107dbc25066d97f8002510715cf5929fc3b398377790be31cf67c3eded3aa288904f8f6707b51643b7ad81cfefe7c3c22145c04e3a2224f49b440dd0a262b4e4c36815fe51953f56d999158177b1cb2bcf
        d52c8d3c197a3d6b03417e1eea71bfab17a73609518f465ceea6541b267206bd4637e2accc0ad1f704f2362b0008a05f 044d2302926f31fe3399b2f55bbf4c464b0d236d7cb13da50e4d75bef897c67fa6384614f20bb86df8bdb8e7bbfabe76a205f17715fc0bad1d672d864bf050c7876524ea09b929dd2ceb5605868e62d914ac6e6cd196ed9f92c496184aa3c445fb
        d84700681cfe5dfbab69799ba8de5f1a7a3a3d38aab6f3e926f53bc11f0148d0031be73cae6539de2862b997aeff55b2 04138608b91c8889b0cb8c45d14c2dc93acdb366a40b9cb215fe4083f106260d92b19db9a276f630e8386387adf8a59ed2c4b38d52cc8b0ceb42b63c375379c8d0385f33778775b4ce1974c19e08c57cc1b35f224e49e88324921270aa9d8e7ec7
        48bfa301a7a09215e83a6d3e50e7a511aec9e1ef42928da364b02e7e1f0ecfd173ee4b16c520b7930cbee85d71ccc584 04f3fdaf51f9c5bacf76b10b553c3838afa6e9d9f76fe45c532e7fd877ecc593392277330d8dc6d0baff8284d3e30c51ee07ed4297ce72b2f4ece29889f9c0fdc00278eefcece4b849b213e4a92183ee3110dc73be60e4d36d66aa396d2a208542
        750ebbba5a30c8a59b6c1d83e9d130cd5ccf05d82976a727697277e66304e5623aa4d59ab3675591b7824f6885f7d0d0 04b19c63fcf65612958de7efb9e003e21d5c29a2822ef2e24bf759c68344fe02c1ebbab3358e5a34d8e7735ea220e58fbd0f3f42240874fba47f1d82ecc3116988911f9671ecd91a637e1e49e1f27e2fd68c9c15db5885685f2640269ab72bfcc7
        8105080e3af9b3fcc0dc285839d09dd05a29b6b870d36913b51fed03273e7d6defc277552eb455fc68200f336b04004a 046269d61937ff9ad4498d726dea229718c22ee6c228bf4ede76a149bead612b0a84be1ae2270bcaa571750fb5d1e6e041bca4aa095cce175480101ba295b3c5cf2a3db5bd340a1573778cee33b9ac75ed111dc6eb17075e943c68c1c414c5243b
        54262181dd0da9cf03ab287d4eb5d816d529d25fffca6599a9f5fd8fa1ea03b0b8c365eb1617286c6b23529e381b66a7 04d3b8cbb708ced610605419557a1c7300df72a6c1e23ef1842b63f78d85ef9ad6fdaf19f7ae3f671bcd23a76639cb2c479d062e39a7a02f7b68d17daf06458b0ca6125efef77df400c1904048ce9657287d3bd3c356304825848567b213a73cda
        190ee61b8d6f6b0fa93a892b029614f214dd14ebb430f077cd14437e15c0d5aa098fdb22bb536e5054936c6e9ccc9666 040c03b023a3036f80141bd188eb6e6a749548d5f6e8f49883ab7069ade2d64904166019e0b0a48ebb126088c7bb11f6009c94b101ba6d3aaf480a8ab33f41009e1394ea576ec277565c2e3e64ae672336e26780108c2309386e482f0b4ab268a6
        a231da0c7a6c1258662d89c7a5b12f7f641a0645ae0dbbd049d6513cb95facd0fe7d749546724dadeb569b6419a5c396 04e1146f3d70a29b1e2133fc74571622fe8fca84b1d9d2a1f6169226db6cd6b2d90c14bd7d2eeea00ed5dc38042f8f929080f376f2f0832de23941a5a1b10e2e013339c43daea992abf2a06bc2159549c445a423b8f692871f0a3d6a90a07f9f90
        34fd98cf7e6f1ef46f26a5451b528ce8b3717ec0045fd86e722fdd9523e2b455596e67a0c3fe600a405651ab92e49abd 04af0af675d3bc4e6f8c5713f69445743f88b69f0fd7ea325471d5050599ec3e6d2223484cf551350c01e7c55fdcc81794a2aef7eb087f2b8e58241c4b1252dabc4c3456466e89b0a5167f0e9837bc0599b43d42f9f38e43c25a406e955a516f03
        7c959d7448d8d45456496d2f4f8534d81c052d3ecf7df9dd901fd7e35b7a8489fd10763b1e4d3fe25362d5bf46c4e425 0465e82b822027f4d5723ac0817e8e7f610a68a8d903a7d38577cbf7ad18e200c52d3127ad9fd995bde6447fbd8d375c87a8bb3f2393a0d97682ec307e2c3cf5d89886068bae5792a044bbd8058218a479af96ca6242bba773c07cc89c920b82ac
        571e7757d4a94be17ea7783157bb8ce08b383c3acd0e3181027524b2fd107f0e4e11adc34562e4dbe37d3f9bc87bc124 04cd74e97ce0ae266143a20058ef48bcc12db96a5d9467f8f9fb0ffc5fa8974d49cad282e1ff34f3bb63a120e44ad762ffbbd92c4f0811addc9134603c70ccd98fa1d504f3ead16229db5853b83f802744e360881e1b0df3dad8ca28bb01cb501f
        976571bdac67ea0d87d877f17db579771ec107a2c25f35afc6229104412800ff93028b4150ee052f3d75e58f980bbb40 0436788a9a5441686f1771d46f7f71348bcbe84bbf776726455c511908c881c26f821e47d3b13836e4b89c5bfac38f32e77db394539363b9c9a4a79ee1a7e903f447c76de5a167c870b6e90143a51b29205ee94939be5d2a4631870c88014b4fc4
        c4604734fc62bae1c46a56bffd19df66ddfb1e97e42b43bceaa49f5f6308a85ed62ffd365962ac193fd7391d46e00a9b 043115eba99b9dc711765682b82d854fd31fcea1909e33488ec5792843e2c49ecc108b5e71861eb95e0a733304bd4d3e4d1cd2e14707c97298f3f83f3b16488a3f012722659059034280e0666831d2a5ff7ec4f9451ad6d9e60c20afd01080bbe8
        d636a5629a242197d575edb411932959a3f360e5a513b4760e8def8c7323d80278a11b047fd6c6980172d9e58d496d9e 0411fbfcf3302342b9e1d6d326c17bbf1547f57ae995113d8c919635883adc6b2f5f7788df7a3cc82ed87c4a3e3b2aedc0d664d50967301ed8c16421d86bb912b10e24658dd170be439a397b190972db8971d70061a19651a96cf8bb9066c5d008
        de23b9485cf8e6a8d703a2f0868ea7ee00c4bb64895e969eed692d8066956ace77e5765204272743e1037210e0a26b4f 0483f139329750bc26fc09a0c15ef7130e9112425529d407ec5e8a758be218286d102f1e8b40e2c70f9de5799c0acf4140126b11bccbd7276b342d96f2a51ed7a318841614a61d5d7def8e0526ecdd9b40910868b2bdfd9a81629c2fdac7bb4c56
        5856f82dd758a4a610308e3449994f799f802820a6d75e4c843c17c9b7983b43e354e965bc4a9f873142b92c61757990 04ffe6234f5349b0622f17436552642ac77d0467bbae6689b17d695a592fffd9412dd3e3211df751322dc37dd4d07e3ddec95407c525a12fc5ea1610246adc48b47d7f7da8bb241d6f484cb33e79bcb1201e4d7001a51e02f2e54b0a9077644982
        b702327d5be5c7f9b04daa381a937b31cda86ffab3b969a7b942b4365ee1da2e9ca8e0125b43445e6c3f288b3ce550a6 04efd6e038ad3ae36b153a43b64990ada208c589f0667f5290b4f4ea93e6b9911776b63c29811f8071e86b2f7693e2983e2a9da029a881689b83c83d9e6f47fe6e97912fcf105609bf49c1d2bc66590da975845790cc78118bdcd56b8876c0e88d
        93bade6cb1d94b7ee3a7525c46ce3aaecdd4e4ed8f21779fe40e14da87c01b87d9344b90a375ff75c3cf27f8e05ea4d8 044b26fa2fd09505c8bbe1965314442b7769d8572a2dd7a00575d0cfb455708caeea27f317b612cd5708408b19b3db6ed0df71ce0c96438ac74bc75ea753497ef3d37422dd64a82f3916d32c49a1bdc32ea019d376b3ff783c3aae849eb778b930
        8e0f94428601822ec1107fb9755b49097bb18ea46d5238040936ca917e825a547103290aff05dd55857de63a49b1520a 04a56efca068dafc3ade314802abd8bcd128d3e386fcd1234afe1dd4acbb331fbc2c9da69473d0e384e0eac6b30260dd0fb9eb5ecb2fa8ce8e15c00ca84d43503292f3318c4d70c1da2424ea8af5770b279165f4568ca415e67f95a29a5200eb8f
        a34ffde5ea3ce6efd7077c7dc98edc0157298a04f121b2b2316d459459f50a8c3c06e41dcd3f784eb3607e92430c625b 04b5f19ffaaf0d89b558d990383fc01b75b8dc3f7e6cbde788207a9369cda877b8f6a5ada5703e04a47c82c5a115ee7afec29d86499e4653ffcd8f9f5e0bae46d4532527f580fadca9fce6b6a0953d62929984cfcbd76c83beda6256e8c7386ada
        8700a6cac1c7e1557cef60ccb2d429ac2f1d0bf28c537784a441018f638226ec5a02859a1e950154498a17ca04dfa88b 04c1777aac57cb09f727bac6046df0d607a51e1755b2c1ee8d85462d70d6c06e60097715e68ebdf4ff490bf1a8a93fd04c2610da1fa68cc3adaa86fb9ef5107b746253014c44eeada1d82eb712b2d186d4d78e93e8fba524eb1b61a32ad572e2c8
        df65a8ae05d636b75dfa507ca1ea83911f7bbe38595465ff64a4830af41d81fe519f65b272e50f5a999f5c976e5524f7 0400289f19de31f5488d647fbad4f7617bfd74d07a0532688df41edffe2616d9e98a856ad2c63e8acf7e42810603b9234121c72c26dbcef0f14f23643f9e879cb863d2d743c3b9f57b1256dbe68658ae97e707e2afe12671428e72cb6b6f36ab73
        0cc727989500684ce5d55f1014e0d984de4787a962a94f7c70cc290fea6eee2c8b5f1071e7ceff7a54c777d6695ca3f6 04aba191889f45cfc6d9d74cfd44ad59ef3fbaa1ed676f8282a2cbaa4f9ad612f0f7faa760566ec38745558e4f200322fb926562f33e51e7cdd05162126e2a172915b6b9bf9a0555d4fcde0d610135ead12985e918942d9779691d6e2ca9ce4ca3
        a23b9acbe75ecfee88f61cb608871b8487fddac39de06b6805bc743fbc4ff6990bd1a39340de492e97364d98a7639deb 0404843c2a6fd9476d13a1c24073a88c81269a9d39dc8cebd41d8f09cecc57e2b45d0dca26a421c851a56bc90f2f60328575a24a3d056917c55bbc2052eeb56b39d8a849a39104105c36d390865bf271ebfe3697c8619027173164b07739c47466
        bab2fc9b10977467ed2efb1994ca40371a91e342b76c3591ec0aa6b1e38762150c0a09d54fab144a39fa1b7e61b1215d 0484feabb63d03012db4edd2c812a515c0af382f162337e239d3adc9b15a77fd27454492e0160ac21904bde731431fbd24aaee9762cd9467ead57ca074b1529ce30218aa37ecb8fea096ce7e74e99cfeb342c143b44b6358ea04ad3c0f0e7648c7
        1f25e90923ee6bbf22e9ccd95d032fb36a978e406997e7f69fe967af82df3a8ee30602560a282175fd170bb24610abe7 048f58a5e963473bc36758349034fc9c888d418a51ae6cc9bd02285347e0724bc534148e80f99cc4173bfbbe77031fa11ebd33b31f0d9a8df86e9d8fd6bbb928fc47c042c4eb575a16d6598293fe2394fe3fcad3c0431a2e18e1013e33667546af
        8e66f439de42da6d65a843be9b19ecc5c39f1ce1182d054cfcae832aa7fa44aab519594bb88e02a78fea7d2f119061d4 04ef714c2342322a85ec2a556bb6ad549a5e3786a3bb37c8890a72229552d854aac2c779de104eba7d421b7d592ba7c6ca35989218f138853e5c2fa7b65806a7d2aaad6f0f15de6d4f766373ba02b2d58b5977179800be143a04e79489add2eb19
        69166f4587b4cd72a823e86dbc2d057db62e62ce7411fbcde727f60af67bb0c4107786c32539b7d598eb53853f5c4b2c 042d8ef02427be7b6606e81d7a5213b23395565529c067032d733cb5253ba64936602c35c8b3c43ed5751ebf9669e5ce948eee7007b52c4ebaa537b23ecc7cf19d8017dbc772c3a60bed6100959d7637a214227481b468a84ce4cd977c6d09fade
        ec2fb991b8e7b36cb1a80b61cb7cc788a7b7e7e136752ad25e6f4435462124f62cbaaeebefb88142a096e1f697632cc3 04be1bb1e4dc21120e2bef7a96823a70d323a5981f22ef77d4be4a1de24a8a41a1b2acb761956e2d39fd7904efbcf4f6276597d4aed5de5af1436c83265c3d403e364d31e0a1a2867a6738f1c44c0482d3266351acfd397576dc426d15293aa4d4
        1d5bc17f79ce89ca867f3a14d743399b27a9ec1f37ce8f55df9d49b11be5605b9a76557799b7cb6cf12997eb6b76b3e0 040f06ef37385e2d325fd80783c8d2cbeead566eadb4b17e3b66a22273144a47c102e01fe56a2c79901e2606cd79ca7e5487ec7b1d67c0fbe624dfc4265412400702791424c78356e8dd0411219c3c0490bf092f918023e1babaa113700a321eaf
        e5468f2fca973fb2f73d24edba244e8ab5212713b9bf628208a8014455a0391e63f742fa96e2a7873f0bc7e587a73b72 043c9fdae8dcfdb219ee64275e58f8e9a60f8f46750a2ae79c85d5696004873b680fa5513909ba2a4e1895d0a433eb350f8de8d0ba5c86873452191b32929bda062106887994e96821a7da9cddfb58a915e8bcee5379cbd1481c4c7a11da72955e
        bf9c508d831f2c47ea153d13a8be33fa6ff1b01d1da7a16cd31ce3ed345ce6e1731bac4c0eddf06dbd76bf8853495805 04624b259bf969a511228a6d86090b1b3ba89874579fab838f59589444b77a1f5fbba8919dc777d951305d361612c9ac41a18feda87d972796d8cfd2f83d1b8cd0aa9e039d4ab7635b06b34d08275380dc27cc21951f317ea5c818f4bd64aa9c9c
        80df8cd52c8d7425f3f124801dabb0b8c74007fa590abade14685697e1c48a4504dd1d98bda56eb35fc6fb4e08fed6f0 042e70f3138e123d4363cbabc5060d73c4ad66aca924330919b463a2a9a2c791952f44a69bac4434e55fee8e30e75a8f30808b41b37a4fc07c1e83f73c798b34417789ec06d8014a571fadd99f357175302900ccbc3583da1f64218ca24cf5446c
        f6a1844482bd18b6a1572babcf433bae99bd438c430e72f851468a3a2b5e57809e28be0656fabff61cd71f8ea486619f 049a62ce08b9c7bd790eb5d1f88e54a2ac841566a4240627849e25db52a6aebbd06aa1f25c3564357d894a19fb13fc860bd5d810bcfb5f42826e478d63ef98029b2984529b2199787159ccab1f86e8c2b1c673af2170eac2ec55b897436164fb0c
        c2c5bd1a7ac767c6d20c4bb184e7eb2517b4be105eb81c28b9be3660f64b813c5ef88041faf3169da5777f0dacf6839d 04879c24693d83e1a513315cea4ee43f470d5686f30853ad0b46b2d7139dc95500494f1522226379e0a75e00ae309d1ade45312873857b6627f4414a750bad0c036aa651f690b0abe70db17b2bfdfab789bada695fabcabc9585dedfc4dbf43515
        # p521
        0017f54bb584e3f730de45a9d6ca89fa136ce9b79ede3b4b2c5a9704435ef2326c27189f7d925ef8cd0f4926cbf4d5f78273c420fffc5922125e0016be72ddff9058 04014a39d73b83fb8ed711b393a292d4798b6160d56b10a87993b670ed875b32484aa322c93f4b58b2b035b044ba6f47fbe36121513f3aee880c97815bd95de3883b9d01f98d246fd4282ba8604f7c2566664233918710eb5cb22af566eb2177465da0128e7227302b0df58b82ec9ee3d7c448d4150c08085adc54afae121c1b4f1f21acb8
        0014a6d3d34472abce4d0d4f6af127261f6970b3963ab4eecf1cc09c420ff00a694066a9a01a68822e86cff1146d47cc659bb43cf872bf9c67247091b15ed33ae49b 0400280f31bd3e41e59bd399b77af8ed90ee2fc222e112b6dd5394844d3f72761d8935e68f2d8a33b3f415e6aaad34d2e95d8b00adc31d15ce67f01987caa1a3cee409009b39efe1ee2361b59f884fbff8a90c5911ffa68930a4e890c807ceaf45fcc33e163bad86fb52e2654616f9130999adde95cb5befd60b64628e2adde245f7ebb33c
        01fbded5445e417b151e38a1f77e3a37e17974f58fd48644163f77edc9143ded641f4b2b171fb517d9b04ec0369f064dac57d92376893d1be1af39ca2fd2efa83b4a 0401a23a2d6df23711d55a0dc40ac9f14ec94877c3e32885f2f584cd2fbdb1dcabff2d649fc3b2e58c05197f872ca592542010837b1f47908526a9249b4848bc2adec701507a24744936932e61398fc4e8709d48eb083063180cb916af696174e1f15892d51b6d82742a13a477e1f86ec82d2227b020e971b4d74c6fc0b6aa5355809e7b9e
        01e3238b0b677f04af0e4db9cae575171fd46ab6e534b4929f13e6df7aee9ccf6bc2e8cf6e19311f7f662c6e024d77b47a028c949bfce8e5706c8224c8635053ded0 0400a2c7db7fffebcd2acb2de27793e1c4fbd840b57d67af1d1910f36831f683e0956b4aa185611d5e9fcff39701953c784c83bbf5677100358cb64a97ea8d2f6dc1a800fb63a025fd10d9569419ee3a2b43d724e991f63f401622ed1947e85126f2b1676b11f2ea194c54803fb44ff3528e1261f2db547a785c5425d0cbd6a5e2f2dbb38c
        01cc35d35e1f4d637002c5bb64f45e913b2fa5fd20ad338b5c7daabc78bfebc14747a0c4197069aedf52d59512d9c68e7d232a8f578eef16638997d0fff61e5e95dc 04002b99197c12213a80200355a6023041c61959e6b1dbcf1f1dd173c263337373de11bdf27ec8bb95bfa548ff4c4167899cb103101ecd69325ac6e480fffa7fb8dbb601bb7e44ed7ff2d81cf8e3dca2670db4c14f9812a505a3e9a5d65991d157f5f74f1a025b762dd37713c5bde842bfce8a84b5e4a9520bd4c0a46e00b153664b12793d
        0112c81f8817aacfe4366c6385ce94d9dd973fdeec9fb8aca8f817d555cee2b2e9d1fe9079a0d00ec6cb576b15c277ebc66fec1d924ba8525c1aac5476e5b4f7b6fc 0401c2f0968202773541989a1e59d83473990ae147ed413b7b0bd547f465f637347727fccead168f11b1547208b6211e057467444691d1d8077443f4ac38658e13034f00c2afe77021312babf34538d8c78e747bab84aa17a468fe497ade33281aed216f85304abaa6b28bd9e5abc9e98c07777e9a0794447ca89f431c04f3c1ed0ab4a386
        0087cdbb25bba3280270e52e0e0fb14e41e18fdb8760d37ee4f1c78d4f3ea7c2e1565c4820e5417bd1a505515da1059b0dde08165abdef6c1888946eb799f8ce422c 040068ba5741b64ad41ad61c1a717b40caabab1cd858b77e56151e4ff9259341feddc6e4c0bd8caf823f12232e2bb55bcdb5913bb00e730558bc7ec3aa8413ff1fa25300d011ae10de23cabc8511b7c7f5fc22a828b3782b6b5ee9ac0c21d3e0ac8e19ab20bf48414b0c86b1c3a1538c2a0084eb7692255a8b0f0357e1df5a39128d3f9826
        01b2cc666fe69899ed13ba3e296bcd837c5690cf07004e82c503f48420064b38d8935d9d687d344f56dc7008694434830f162cc4799bead525f4b390c8c169b04312 0401d539e40d82fcc106ffeba7209e69f0c716973bc30dbec0f680b6dabce77f57c74c60dc48ec5881eaf5d532bc3e88a18982e3e42ba6cb2ba1ef21f5ba4785bc53a601485218b4ce4aca55b88fafd3c7f74905b5980d91a69e41de48daffb158f2209c8f78d0ae511c44d8bc067ff8e8cb5caf2cea85d0170f7cfd95f752b214800b6d6a
        0182fdba0c51f20c4364a849c14f880d8546ee4a1cd24e6535eb65fecfe4d56a6975ed8e056438d944c562537bc38c3d308ba5387a3727d07c09823125f50ec54cb0 040060db933aeeff12c5dd070ceba703619fba762521badcd67402dd07ca9aa5ffb00c2ef0f8ff88d450bdc5f595158edb2c350c37de76b64101c36759b17fa77589bf0034a4aae01cf3574f29c4f6bfd08f4d7d73e2d0bded44df034a2aa16433c6f9476a364056c036e2d0511e62801fe57f5c286a5fe8ed171ff00c42e96c83663ebca1
        00e6de1320c60101747553ed5fe283114fd0e001bdfd4c29b48fc4cc46f6986a763c72a568e7e6c75a06d87290899aa15a774d23794307603520779eab70d14da6da 0400757250b313c38694ef2894ae2b25477d48852f8aa77f790216ff8707ee5bd03c9075676ef76648424f3d2f0ecd91c351ff6c686de374312b8050ed9d8b4a88df3d009e80561d0c631f7c50fda8fdc099249a74d93ea031343e2c5ec97191d3643ce91a1ca58ade5262279915bf9c57a08bdb0b703f7ceef3c7f323a13d062e8368c3df
        01101744ea904ec97b88200867123342da731513e363d41bac3d4ae173b1ed64c0e6c8d44668c3e336d780aac211138ca7868b822d3446da786db695899d47826d19 0401246e9557adf6bd80b122ae65bfda16363cb9052acb92cde1d538334aee885be4f63143a77fed0b578ed64a9e1264c1c4dee06d4e0dd2ac66ee1a6e1788f6d1db8e01707876f6423896a92ca5b90036c4d160c0ee3173d33098b47f2732075261fd2285892b830788d570fb1603cfd5c0f8d8f29fa0ff0445cbe9986305ae7340fd1b66
        00960eed12b53e43f0b92965810637bd62c4fbcb58b031b9bb1f4887a763ce15b7fede6ce1ce0e1def647a08bd97c14c4c26e5a06edbd62db575d5e646aa7e528661 04000ced8bec0f6b2d1cf137b68eb59d6f82147c047f6760a001923b819b0fc22b1b0f2a29eeee0b5bde95ec0917598675b645f6e171697aef7e2bf37a3b92a4b44129004200800b830cfcbcf0fcd5dc976e40132b86337e9638259bb995dc6e65832c1874c9fe22041d47a0eb6972fa09689584b55fb501eab6f97c12dcf475091653dd31
        0012b35ffdde35d75fe730f8ba19eb95f29683c0b4418acdb23fa97376725cf35bc6f94eec0f159275fb13b212e0514d322addd2662c95507ec62142636573bb4c2f 040004a6ba63983373689b81007ac166c53103f76cbd69f08e50634e0e8c10d98ddd233a52d593845ed2552013a2a91a52b123c6d0aee364c21489975e4747325f632c00b056a81a2c8b6f8eb8e6f55ff2bea92300b4347928bb5e3589bf155d0ca0e578d8799775660b0cfa4ce4da266e370113dffa7b8698cfcb25c350243968e69434ba
        0019456aac0961de99845e57b8d1c543205839bb4e7ba1e2e84b4cc8763b667efceab5efe144bf8dee2c57faf6a0fa5dc7b00c3da6b6cdb04b1e3faa0e8ff2aaed95 040181560c89d6ef68753840f2c6dd1e3bf60e5b1cbb90105e3448377f39eb8268e423daf4d381552016acdc373b32bd162b8fe25a6809c5e284fe8c31215cd5090443007b70933d13f911cf5b311d8c115956809485dc156f3de64fa132c110c57cbbfa00d75bb7380f87231bb0b86eb2bf79ed7dc4fde68dc636e9524c51d8db591acd38
        011b2ae3e12325929ab02428bfa05f5cf2754680a5f062319375cc372c2d2e5b6024f1a781e01d7bd22ef53afbb808dcb38f1d98441c678d6844b1f1cd2bff45f8ac 04019263ea1dc56f59dd04efe806ad5806a0190ff12c27733b796ab5ab7dc6ac8c0fee661e289eb549d6934a90daf9d72137d6d2c4ba8aac4bbc9f442ade97bc7574e8017f999cbfd4625deddd9ee9232790c1f040347a020b636d52e7a64b1cd72aba597c2ceb77bd8eb5f5c539fc1eec665735764ef2a47ec4ec8adc64ebc97747b2de3b
        0153a2cd38440221a7fc25f8746971beae8e359021f83367ef56a9ce7611262f9d9e6adbd82875385ce7d194bc2ba4206e78024e3deab2e4b39e6de13f5006715d39 0401201f084153f2e937eadf23ce9b3cb707561a7eeafb2ad3be92516d2a01f463ef56d8f6b0ebac6d26002eb93df2aff80de34f78f81326e08a556297d18f1d94d1820120a6499153746a81377c2e73fff11fd111ecbbe8d279454d06cbb2137f30ac820de3753eefedb011737c69e584090dad050e116e7850ad8fb0219c89565275ceee
        016eaed67dbec30638c8ae47800152a83f5b97e10cf82bd5f2313341e1d057aaeeb3e3074e76cf2ab3e79ae7a161b1a6b96125626e81a631be674f6a3b5a9726d067 04000087e4027855e6f44f3ee80e61a9ce5645183f5ced29e2cef48880f2a58b0784d83fc744268882a3eb8d3a80f9b97e11acaac2ecf7b6ab9dfd8dca7e0ee9df034f00efbc2aae0c8612b51cbd6ee0bcd84da63b93af811a6031131377a4735c6eaaebace264cc46a24d6a80d58ed718d299d3f80cbfc8560d03e5e67e4be110886e00aa
        0057a665c6f03d04b620c9831d88f67203ec2f3cb6ea241a5eb0568aa57d6221232fd42ac42fcb6a8a4d4acdfc812501a59e4c7ad72a688e124b1b197c9ea63a21ed 04013d7df37a783bcf5497784d9c77b73d25ea80c3fe7f09a7928cc9c4e40cb32410877e80f05c497f1f7d5af4486733c87b7c902f7475b037f411c49f16db41abe98900587343a3063c9c44e958c8f0ab0373a64a5773a907bd9e524746847657571328ffa63a95a4cb81fa006d0d13965f0fcf0875425f55126b63a44001a75b4be97067
        01b7b06f76e2ae2bf46b2f4e3925e57a3f3957aa9def49c99337edfd6138ab5e0d80a922e12854e3b88b1152823fe206fcdf47534c339b5b956e97b297c631a03295 04017dee4985d1871a4e7b35fb3e42ea912070d087d4f7fc8d99dca80c27b33ae6c393c1014928d20f0cf09777ae29bcc3258f579f5667c6fddab372e90877e7515015018b0490328c80d5201a8e3ce5594620d8e45bb0925e80f9a4a7c0fccd39c33c2e9169b68916cf876e707652d705b3bbdb47024bc43433cd811825b492e5e65297fb
        0182f217eb7efef296cbf9494600578e6fa9cda7bec92dcba2a9d9c2a4ede0d49c800930778f39239a9f45dd635c58c6ea2e8b02275e0c53ac5670e35e9eafd01d94 0400570639e5c0eb0854c8dc29f758ed4cfd476cb6b9094e067b4e0a3683bf3f7dbee3b37c3cea0a4a0151fb1478c56a547fb030aa5fc1cd28cc923016894ff5f5d6ba0165d0bf68c2dee7133d7442540f4156c2b624b83c666072b25ed9b6d7648ab1453f9c24589c49e9c381aeb2faad40ecf6928f821f2c5f903a0bbe388468e45bb9b4
        0066fb399c29867df63f61652bcba9a8117a2aba583df71e3f51b24130dc6b41245e5a0df4969bb1949471b585acaa9952ac5cc8132047ff99aa623d4503829ccc2e 0400e8edeec9ea9a54e8c9ca0cccf5e7119727cbaeb8996914c8077f488881d86833e95f592b027091039e62b9dcabe606e943c2d866494e35e14ad7d05cd7a416e886018037a85fd7f03dbdf2f3e51a9f0c06bf0712a48e11a462658adfc5bad6ade3c5fc47277abb4b5bf9314a9af63bc66b1eef16ce7b0dc8f3e28f5df3657b7e9a1590
        00d6a08e0ecc8f457570c3ae0903388e47f4b76a77cefb15fff8f107c0c74d94e655f6585e53161f49d8f5e65a95c04c7f44a240a692e93e1532099a5116f3aa7e73 040096f462871b08b40390f0cfd461ce1dd7073446a8212cc1681051bc8365013d566ead3eee9c41dc6f23ba0f106e81daac73a3f8d19eddfaeba3b7a532422b6bbda30001a24edee183a8462919295af31508e3f3265f2a8514c782b66889ecb262e6ab17e75a6f7518a6795dd32542697ea14d3062ff78d0bd0d263857ba54c0682eb8c4
        018a5b375bc318ced7beb30838c702094eeebd95de03b33a341ded4e92315b58a5a2531cd92c6d193ee1588f175fc57294845149dd93f2fd92da2c8343c5a51eddb8 04012d6a6dd8ca4db0e3c803ee58b8808e3472e938ce28297c422e5915ed65e16536b2007bdc6fb3cd88df9346fe57f9710a9226e61cabfa4bb8fe29598a4cf9888f7d00e50b6951418f7b7cd6aced4d899a18a2e567ca35047e0d3ff6e41e55c0d9c1a79d22f133c65715158fe5ea77bf08cf86e3154cecc58c2a365ed7b2914616b108fc
        00cad739c2bc81a176aff18f66a23a50bc1bf0992dd04ccdab81333443ab4f0af64513e30f16d2b793606945220cd873676c89158f4a7e84b0eed3193f38a6d666a7 04018aa4f6075b152eedb609a1093bfe75b41a5e2d7de1f8bc12648e291372a3888f200a787b6da765a2bb5045ff1f549e2db74a90fa3a40dd961bb3155977f5c5b33b010cc5a721a9ea60fc6942da0ec53228b76b62a9d47635467d6f77818cbd12776a6208981e0b9ff6004738cb1fa61337b1f15381a2ec6f4e7d043f48567caafe34a5
        01987405b133003d7ba97fcc34b98cfb9ad09159ac534ae5263a9a0cf63796132fb281a8d662aa5da7c5f16b9e053e2a55fd8915c66e555eae273d6394f8a715974d 040106b376603314ad052e72d5ab0774c95e89c25f78da9b277d47bb5cff2d68fffdfeee08098765b19dbf8e21876702b4e2131f3dbdc352ea95b394839fb6c36bf34d0136f466b27d7f71522d708b2ee76bba6fa24d5bd9e73d393793fb14e3688e6eb43be3f7851af59134bc617d1491d81ca0d6da81e8e62e73e1ff9d1c5036e3a17479
        012b4dbe86b9554364f7ca47ec969a0e4dec566efa1a41c2acd6f919d471c34a8874d13496738530ed530f829b98c223c70c8c4032a064d0f0b4e6f30cc53ef23367 04000e3c5952314687c3cbb32dc475451401e185b7bbc2a4853eff180d3eab8e1e980212e4cffe11c20f4122b4007d1651e69bbe1e908ac0cf064cb6a81e2e20a90b4c002e4beac600e1305994f0982b09b64bb6db51fcb3c59d86700f428762008edbdc8b15a6261bb5b98542fb72c7c5030574d2085a87d486cd8cca9e70986340831426
        01806296e41b80af7b30ed7bcf270224b8d7c9f4285f82fcfb556d154b4cb60f4c1b975363fc64151b944b4cf8cd7360207c9ac444e874c0fb17a81ce82139d9eb5a 040060ecaaa205c4852cc0df7e99d0bc414119ecc04b44ffdda302aa5b7de07d151e2ac88421f9e5e5b96be8d768a4392d0e98f68f9425b480204387dee86db8d8d605004c469a421e1d27b17aeabd0cf6e82871f2350da133f6fb2f7af0e5e0773c1e3fb86ffa41959b26517e1f00a378f475c667768874d92aa4b3f4569eddd08c10be0e
        01b590b1861c6bcc2e1f2df57e4ec975ab69e34b9e322a862932da8136005615da50406c1e37004b431349c8053209af06800786b29076d3a8be0cd4d28f6c6c285e 0401810f575e993b8b0c114dbf3e945210574c9d404f042bc5f0cdac005284c99deb31e80e97678aa54679946906336c039ca4286c983f482bf910c5fa826df174910700c5490384f79bbc4e661db94b233fe80fcfdae0a649059b78d1c921f226a85ec3b7903ca79a9611363b60f6a555cecad7d136596c60dc95c7eeae60c4c9a94dd282
        002b89a2ef4fb37d4daddd75734e7bfc173047ad1306fa4f77f4706643502df6aad96f605bc6827c3185b70e20f9837a00f0ff97172b5298b2c48d1c3560b0dc46fa 0400234a6fcead37175e98cce990e0fa65bfd634cdbe54d8de16c58d9bf29f84cb29eef9fbc950c356c94fd6854a4ef941893d88c28185e4e6acc5bc28bcbe9004e3b7018ac49af3f97678ae75b01628217b19bebf92716718212fe3fc22fb50f66c969ae08828ba04d7ce00afcd1b34ce5286175b58f72bdb61de714f9a41850170c971ac
        006fb9af6677a5a4776d890a7545cb3aec87ab64f359df456b461d8ce98cd7cda6bdb4ed7296b8025b927cbde63be80eb0cabc856c32124f19a290bc86fb125b7d4a 0401c5b5fe6f896f7b4c788cc8f72fe8b6ff8a68594f5b14286533fd1b585a00dc9fca561ef9c741185a4e12c90b618653f1afed63d539f5e271039a67e0e4cf8f758701299be10c22a70a4d9577d597c01ea712df0ba6ccf5c9b126466ba1766312d40f70fd1656cbbefd0387f091b0d8cfc2de919ea42e843f276e903896643ee1f3eecc
        017b6cba4de1464a6d681710caa7afcf733d566864842417f1588c3bc350d4644851541c740545b8e250d56610786dfe29fd9f46ffc96792eabc32aa948578eae1c3 0400a583d70625eecf745222ef104bc8c111166be788ffca8bb32a3fa281d891de981d0818a0f592514d464b68bfdda231a6c9f817bdd8ac620bd47d59ec0d27239dc501cdf7d125e077d38c3d65d61ff8ed859b962cb8000083b4e92c1d16921f237ee3f5dd2e9a256cb57130e068eed50f3c7931057a138e930d0e52c0274da099b93778
        01c48c8ac15519afb119b8cbb425c05ac48083d62a6d3a54f1f27b96017e50783a442ec21855efd35bf6fdc239259c40e366cc2688f3e895cfc5633ea736f7fbf5bc 040074124cc4ce33066876ad9b006e71309099d961d8dfc53f3e983f35ffde42364ff8ffc28ca5c0dd68a55e1fb4742ed68218219cfb19bb22b52a98c1ee8a797875ab000d7a0670cd401082f911194695821903555dc343024be3209a37f058ee048d67fc19d72e1ff908750b940582ada0ae080871c241b35c84df9917189f920620ac57
        014e3fd41d92d4087255bf0fdb72b0f5f1796c4b78f89e42b97f6e3ee951ad65d51f24a3f01d127a5620454a65364fd4adc03857abe91cebbdad95820877a7780305 0401d45f478a0b9791c782006910923cb46d846fcdf762fadeb0c7ddea65d5de994464a7134dd50f76eb36b115841267dfdf776072f59506e4155cb5ca26343ca8cff7006a371b20f7162b32158ebf70b25bdd56bbe2527391b5724ecbbcb3e0bdce9f5f5be2944f4f3233ad0452e6748dd93fd510b4bfc9651954c9abe8a415d6b8e0d6f1
        01724ddd5026ff5063aba7b4ee825799e35e88f9293d53a3a0346aa4497f8c1c17292edfdb706d29436a1a11ca9cb3f2f874017abcecddeacdb61a2be296aa41dcda 04013702d43518e37ba7357457aceae13d47e232b2f880497a554309fb39f4ef248ca691cbbe4847e33d7b02273bc757ffe3c79444eaeb46ba3385cbac73feb7005f9c004551a7007c05eb9e53df5260bb06ded8eb1b1c49bc1aee608092221bda89171959ecfdab5a2eb208afbbb4f8269b12b923e86304c5a9b19a4990bdcf9f203d4ec8
        0096baaaf25752ccad392bb30723f82e7d67f8401f2676eeb2b864b77c9c24fd40c8bf667c742a11d0fa7619426fbdabf30055955f9b8dc3dbb0f396f52e25fbb2bf 04005d31b154eb9e4f1d8c37e5d9add0c10b19efcb87bdf2042a2a19746e08b8d0197112c78a43c4bd288402507c18a1cd9e614f624e8f7d5f915bd3c63c5080fa496f01896649874835e7e4f4698b8a0cd5e43f837f1ed96f531d83810daa4cbdeee5e6a40c1468df4c66e20fb920bce21b851c3fafb41baca2badc78a137888265ec51ad
        002dce67239ea9d24659a524017f87f4877d797385ca7a7c9352d3b5848d0f2bcd3aa26ecb4cff1e41490ba10701d98e639aa66cdbc8472f855e5ee5c29ca689d5b1 0400027715c20730b4c95fde434f4b38a78896dd658a330e2d79cbb71555ccdaa9ce8cc70a3064de857f133c56d82db8f9490577cab26e3fbb23804773fc418e0c1bd201e0b0d4e0e83f01fd163485f00923eb9f7aafe700fa122fcb0f3c41a2caf6287295e3c4f4ed6f33517a4aa5145c79ae9efb46982565d379d665196dcada5912ce09
        010fe43e9b96b143c8c77578a9443b6419afce5b617d0bc430d4cd3b00b2f17eb0b776936c220ad87122638f414f4fc8cbda91ce58d75cd22a104d2c8d59b08dc334 0400ca0bcf2946de8d6ee9debd38ec9dd16686ec561903beec865ae5eff66b8445977dfabfe866cd884b4f3fa5c0f7e2e170f34384d5420f4b8c7dd2b99ad7610e33c10064ac741e5beb3305e1a6fb11e0c2a048d46a7b5ae27727f7bfe4866d56da6dc072ed157755c732aa7c23d002819b2505e911fdca844b301da37a09ff52c57f7d77
        00083a3102eb5ab41b2d8d50d88021bb028178fa04c0f9a9f4f438ccd67250dfc7466b9d967d38f76a77e999523ac0124f86d9444be0f8603be5679c25254a40346a 040026147f27271d6309ac637a810cfb455f87bbae8451d9326b6fc655fa4506f26a3ce27aaddaffc871339a63bfdfeaac77fa29dd85572d14a6e704c13d9cf42e70e1006c558fa8670848d3a076fd710e4c4e30765458173556834d059147c217f00b1a1a60b43177cc28efab93403173b4bac41b36bbd54b6ef81ff264f786fb12077769
        00a0b6dd60ce4fecd467f3487178647e1b9cdd949042e62c5b5c7fc8d2834e1ef27856fb9a4b6d64a65b7b0c6338e389b6f9e771f6fd9e8dbd37ec2455c6d66c2f51 040108516b51808388a7fc97c2470f788829455bab2822b33b1f7c91a558f36671af42afce1e495153e9e06b01a93ddf44d5e40d523b34f3a3b69ea97cbec254fce7ba01b4aa8f97259c717aadd3187798a1aff77e5a61eb0d2c5e35e3f449bbf5cc679773aec50f4c2529a8acb22a739ee7afdea9ad1b9774da37310e44cad2a3163151a3
        00b9023ccc4823cea33af2fa3b662a2585eb8eec59d14941e15649a5e813601deafbe2bcd319f36a47c58fa66981441fb055c761b3cc4538004f7008f9abe2270702 04016a8613d54cb432bc1f16753e40e1de2c996250714c560a9901d86a3e82358b2f7b86ad0908b42413565efe5fd757c912dd64cb8c509b1f708379334685ca6315ad01dc42076d15a8172c025b9ff8308abecd79b04fcbe63dcc93dd5a95008f8d6ab6e3b63e350e99e7c56acde3a45f07d533c545a4ab0b7afc6e73c59fb9ae4baf039a
        01f160102da1a1ea855ce72bcd8fba4630d2a121e1f7172d2f1379fb57fe1d6d2ea28e22652ee23f0331906b261634b3887a4581f6bdf8c0269d1660d008bcdbefa0 0401e012d4e8f8d8872245fcd8ea8fc52c4785d91c33d17a7c810d2cac338502f77a1e5653d5ef5b6bed8150d558aba6ab69473331832e1468e83071cdc5cc8bfa057000e47d5d46aad0fb25cf6d27025072e357f1062ef1ee6a26c2d7b7bee5c09da11e09bc452ef231b59942c2cc3ea0ee0920b2a1b70467fad187872712d65a9af6bd0d
        017450647219619e44244821638535ef2d2a4a8a76eabc4e33386ece01fed5bc62fd5b775e146e2ff148a34bfd78da93881992ccda8df767e6f18f428823346f216c 04019d9d27a3dbda6bcdab13a02618473405d2498b58a24cf740d4be34fbe21df11e4b1183e5f807c340e3f5afa3ded561966df6091c02610ba120b87db00d8f9e3dd60084b3c450272bb3c840dc136c0b4e3554ea8ed529f43ea47a848431e6448ecf61b2e179bf46f3a910d68244b4585a10bc4d5e5d1561184bfdf09e1a2f61e649a230
        0097f16207a54413dad309d7f6f1d8cbc37cd6a0dc5a2988b2ff745dd77d47d045979098469e00b24a509872954049c48c4c63ad2da3a89d123d1ff7a81ee028ec9e 04008ac0482da8758139f6ced22fba2f3f6aab2cbe235c594ca69297faf91fe0310f18cf19c9221044c3563fff8990bbd557cb58fa75cdf70c37e17da97f8453ff66d5010314d11f24049831f7dde376a84865d11174f51c487949ec005b70245186190b1adb859e1681918040298727cfe01e729cdf83bf74318325d24a22c7d4a0a1ae83
        01ecbdaaa41425e4bd35bc8e9944bc301fa7a939832404f3e164988f49c343435cbc5763ca133384df10eb0b7bc3b0747b90a46aed00a504cd755c40ed7ddcf94b0a 04001706782c729b937c8a09719c600dd1730f76316bbc355bf0ffbf6613390c4d4d9c95eaefe439925a8a31ae33dad941922cca22a8dd40e125becadd5bd8c554c00e00f86a1e3b1bdfcf23110bb89dc74f048341171d2db81aa434c59c2124333c6e7102deb2d444c4229806f0ff51871a7c8dc43a560a93440bae7674081ea6d9a7bcd0
        00ab682a8444ae8000b3d139150aab6d1dcd5b4e1b3ec959fbc6a4ae458942449f9976cd6f248b084d493ae7df9120111bad38c35b0b5a490ed01db891f549659769 040149d2dec8107b841a3fb6385206984eacab95b0043edf46e3ecf4647a300c5c22106cd92619ed36343fa0712313a458a6b74bb40c91806e9c96546cda21b16326220005dd38b0cbce6127ebb8eb26bf7f4446a75f66e782a62e2c7b72965c1d0fdee4f8239708cc43d685d70cb98abb796b424d5a9ea83b9037d79348710fb203d78576
        01d90898a77c00df90816a36acdd02d998bbe215f76b7abb8ce3b07812bd84781a9c97172bf258d5d14569b9c1c7bec7580174f4313366a40b8cfbdb57bd5d7c637e 0401dceea73f73c00c8e2d96380f3bdbcb4a9dd283e543f3a261214288bc82389cdc18b9e1cf3fb87725884e8921f5e1701491e013a10958b64d7983bac4dedf2658de01ae7f2f09a907b53a565adc52706273bc6ced594fe145659c14b6dd9576a0af1700f8abc2c063cef14144b081905ba63a3f6231b4e217d5cbe617e5a54f8411a162
        00ebf715bb9f70b363167781e7b22a0f67ef13ac0fd0cdfe42d4f64be6a16197d392c1e2ec59a37d7ff6e85c2353aae074feadde7c3bd740a9b6b826c0c8ccc8e1c6 040075ab299df6f94c32fefd8d666292aae2b58f8ada57c139a5b956407914d7a6df4b24012de8d8e3ee34a8d90127a96c6ede780f8df5e78fc8ecef8f05465714561f01abb62f0859d0d3efcb1d8e19b9084652ef6e9d0343424084d067304485dbdc1fc29eacc1e84a99d2dbf0ab40a117f2d197985500a45e6d8aebce437985b6494f66
        012bcd563fc63228d07829a016acab17db2d59edb7a5aac44d8d338efb27bddb45fb64bb77e808e18600deaf89a66a914a6117c573ac5bccc742bf3ac0b3a9d0a107 04011d3a0437caa6ca982610e85da88c0e918dcf6f6ecfcaea8b7146efa09ee734a44c82129f3a259e98cf06b8424e432def7459d35d5426a7dde4c0a6d7044c3495cb01f338f91dedd20d31baf6dd380ad6b42673bc4542924c3227317bf36a557ecc84d58b0defe4ec62cf178afb23e818339c76c26dddf42128689607297f982032e955
        01dcd5dc8c3d24d9e134c28beca25dedf1175d1fa7e2e0e97cb7ac6e6ec412908724a3d3c6a84506f336eb4d0bf021294c14dd93281249d712432aac08558414921d 0400e4cd802c123af5fc0694fbff31e1c2e30806f7032d2fb6491610236a6b247c76c7e3cd1aaeea82450565cbfba7e0af2ebd9ba5295d6d4e3f677c7c551dd17f03990199cfdb74643ebac218d74e14989850077197f12d857e3c73692d355917585491cadbd062290667ded4c6f4fae0f48c05470ce7e85cf82d7e70744e298b59d6ef5e
        01fb0a69ed5cfc7d4b1eb2310b3c6108ab3e6de0df5f2b871c63a0458f1bd36c3a26ffac04a4bc2b9d3e713cc1b39e7bd3ea1c93c7c0d9fda1ed7e343779e50ea0e5 04007fd45daf34108d582f1acc528629c6feb7dafd9d03d91acae0194c2d94789a18f7d7ca8778f44a355016f388117bd711c171a280c29f6d38c4001f84eccef1958201f722373cd9b67a5a8b97d84b96a5121dd3e65e77a428ecdf425c4b9c8b86fd9af1d1287f06d49e9660700dc70c248211ddccc5fdab9857edcf567071bc9e8f0f08
        # secp256k1
        16e189d3835e4dbe19972c3136efedcc538770dd981ed5f3198bbcde42e7f564 0403d59423136fd84913c754caecc9286519f096074b1e32bcdbb1fc636e2ce837c51cc70ed4d64f51535864488378f003b58ae66a393622a1ac7aa47f3173da18
        29a0cc141a642e49ac182afa98222b85efb2d0ab011789bcecbc0ade3449ec4e 04ae47852b03cc15bfed6695d7981d0576fb5aab32feb1007a58ea641dddf57f18682a93ecd5aff3f4c79ac44a8b80af712c83e2c0a9a327b18bdb098c28c25582
        01d95b30cff1d5345c02e4771abdb16c3b279b11f5d1c1ae760ef2b48afc5cda 04590ffecb7ab6c35f24ec5314a5254ae853b63e208993aa5a145f91cc02207dd620b315aa26c044c1ce4dd10032ee4c590f0fe3d4e9657bdcc6282e17a703fa8d
        2498b68916d70b8ea8ed49971414a9e8818654a85358d881e0c57b0dbd1a6dbb 047e80fc9ea5e4e76dc4fd7e19ea4d478b88a107d1f8f10349a68e4890ce9a2c82125b0d6ce8de50cf1067ec1336bc619088a5c7cee4872ca3199793e2b7f73721
        def8e7f488ebc202b36b9cb7b8a1f59f0fbc885991c5e8f2d96246d266c4a738 04d8c550f358c444c18139ba8e370559f92c6a56e2467b011984b0b063408379832387bd427bd8a590da79864fcafa7f69afe056221efa77e41e77ca7469f4ecd8
        8904d1b363b3ef0ddac66bbb0667c0eb50b9a643b385a86921d9bd0f400dc2ac 04cf4f3967302a26a1932fc1e0b9fcd904e536cc70a3bac4134406d92e6f7bdf89be2fd643b8d64972e8b6a4380af1ef4bcdc1875229578c04fea515dff9241f90
        4aea49c4d31f07fba63302ab9fb04713616fcee5e5b4a6d4c584b22e5475db02 0431804cc1f1c0eb806bb3c26e8a0d25ce8cf7fff36d9fce528a0ca9602a67f37a28cdc10b0ecadd9550e3463a3abc27b4f9a69eb4edc5fec7c34cfef41f183787
        1fa267522e6513c7f364bceb89880bcee13fb27e5ca35e9b1040310d78ee7e46 04525ad34012b6721ed38ea6efa7a958e2cc5c6665ebac0893f6ed17f12d75f7bee2992b9edc2eed71ca15f36355a592350af4722c31149234f2be4037ed1289b2
        477b1f0a7daa366bb0d6789eeff8e030f0c0b016d74adde1026ece7668a3c2ee 042e732dc93ad90ed3e3b85be6545cc94e4f124562f903007e0634cf6a38d002d8aebbb67c773191f429e66eabd692520a323062477db969dd070ff24d9e16b5fc
        3e4e706cb2f695cf9b8a486c009b980b5a96694a4704de8e89143f7fe7f7f5ed 048864cf74bb42932ef3059f88bcd0b161ab6363bad4904d9db2ce89d602649fe1cf3c77e86cbe6cbdd12e055b981f0290507e3c5dba7ecedf710928f787668f7c
        ad6c518c4789ec45f0a7aca02e5c0d2ffe71d393917d0f183dcd872984b9ced0 041c20eb618b4c96c2965b169ce47495b571628399eeb0a4c33793e64b6d01a6ea33f5b77d9d3d7deb5ed0aed500f9f7638e7045b8a9f2a46dbad73b1accf0caeb
        9ceb3bce4ce654386660beca43c02c8a5020b920d6e78a073c27fb1460c849e7 04470efa6d3c9daba733f3b89a829a625dce9fb5a53875b2e6e6712566fd3f93c0a8bdf26e931805c181aa69ff4e49eb223c7a15b218f931479fcc3aeab74951ad
        018fc5d67b7916fc99f65864c338cd4144dca9666da13d5d7bd10ccca017cca1 049b6fe610d207fcfcb76ae643c2d2cf857edeb621f1fd8b2a4e56dfd71f13a5d74931173a3fa4c690b7466ab52e575863ef7339fd767f038f346eb919576063b0
        66064fa93d7c69ce36322e77e2527970d97f6b44f2615ac179c6a427c6bb6db7 0440d339e0c7b647409e52e4ee190413722ead397cb33164d8537151b76e9d31d861ac42848da481c99c61f14a2289119a6b49ff7fefa4c671f360fc5dc5e2819d
        fa0be7645031cca624da8e1051a947552c838e53de65a702785f15009ef3f770 0408d6f2f888684664eb81074eb53c5aba21e7216a8e605fef5406abda8d2ad22d70f91ce1ad0204dc2c2c23434d3a99bba5ef67f72e2786a6e2f2ac75b1b68214
        5c8ecfd7e4182dee2f4ac592b3cebb0b7ed663c29b779329d1dfd9216dba2279 047927e4a7c6c8d2df55195891732069b35a083fbb37a9a56d5d677938ae8f1e2269a8b128f11c7acd248b264de852a0c488bd7e99f4cde01075002d3bade73aad
        7273c143ac0f92732d7871e8e3be6af22e861ab80e38f6178b0f69fd49f5446a 04dd2ee60169d0e572d282d406fcd1e804eda3a65493d6a1025fa16709a2016c06dee7b0a47bb32fd7f8a66a518e91e5ccb30f3bcf01efb14ea01ddc767624161a
        c165966783a680fd412e4c5d1671449678f209388f4df085cb98118215bdbf8a 0432eea3ddc14a71e002bb3102e934d8746701b663abea949d170399fd55d3c4650ce03367701d8e9672e12ca99e6732810e85dbd31f60c9c004334eeddcf336ee
        d31736a8766cc62285221ffdc27d89837206bf4c5d3a84ec8df178f190ea8450 0496fdc730256a60ab8302277a0c6e89b8875f41df4da105be6c9df5e67baabf7943248d81f538647d379cecf4f8f1f2228016227907bc6ecf7044dfbc62056bd5
        17db05592ac54156aebd4c94073b62df186ac1f767163b53404d292e000d1e62 04a22ff910a16c4b58bab91042f49bf1e0612c6ca72b3ea867ed80cb25f643fcce388dee978f5368b93822b0615c0110f4cb8c7eb5cb431f24489308f9ed5ea3a1
        e5470a451f99622120e1a2264e349d80ddd12f01cc32f9f45318e46b6ca3087e 04a7f25abc321e4ce3ecc6c303b79ce2e55a8fc140a1c66180bba4ede59ead2413d804a1fe67238434fbeb63edd4a0783cd4d6926cbd49f5dc1e1d933ceb3227b3
        7dddfe122eb6df2ca54f3f4182ca8a871dde4d1b056640fdca999be043355caa 04689452b559f5ee92eeccbe318e44f11befd8f25d78daad33d761096057a60964e84c1e713c91cc41e45e1698b1272c67942894eed1c240fb24dff321869db846
        8af1115f97c45c16e966643c30899aae9f01a2ac54105dec21f1b32851598605 048c2c0c0bade5a7c7853311e01a1bbc9b91c0af867dafc52345535bec107fc0a8a9a0eecfd31fec8dda9122f225653486f30ba520c66b9611f4dabfdaa979b862
        02966cad8acf41f3dc9fc3b13ec52fe2041dae8f974fd38029dcd9f247c733ad 0489de99246b429d826b70c58e4209c09d6927fefb5fba8851064716744aaa640b3d12769e228ac161c347823606d01e8291f648101bd31e5bae5905500c4f910b
        aeedb1d0d5bd1a13c05f48b1fb021f8d9d3cde3bc4d2064837fc1b8159260592 0427ddcfdbc17f1b382ebed9c743db78ddd80925cbcd85c04f22f4e4160766c11de7e3bb32690b301805723051e25da037940f18280f984f61e4cc57cefeb7c3d9
        cd6b266d41ca9b0b7e4b0fb5e141dcef1bc79510a3837fb0126ad36bd2ef9fbf 041ff240ba7927ed1bc913715a4f16ad56a35d3e4b4727974e3d002333e16cfbce63377733983fc0b717d4538915ffb7c48db92e04c39edbea34f05b45ac074a39
        50903e5e19043027530729e44b6526dcee4f4d29b4a837ea1e1ca99179a2add3 041b4a2de533669219ef489e1a347edfc105e21d4d204c4cdfdd0c2e1d684161e64fee215838ab24d80aaeb5b5c39838e8eafced1cf8804f4893959da1493cdf19
        204398e37df6df9cc39e5d782c4b3231babefe5df9ce5daf66954d1a0aba2521 04cdafb1dee1674c7db66dd4e19440dbef8f44968eddae4d9039054bfe25516b5976dfaf9f0996eeb8c391e3f7e0e406979ff3e2060936147953d070b0e8bb032a
        8b48f9d4230ba177ad0b4697e1fc7d2996ec7d102e3d22d4d3094f6e94c6b916 04bb28a78cfe4b691a2e522e0aa289d3f26e1f5d1f33ddec7ceff7a139229033d702283b8739d7fb4a58c7d6018f1169a4ff3a543d5641e21cb9b8b1d0d9d86217
        d41ddefa57629b8339a045386b8a0625bf179da40eaba578e71ab396309f5ced 04c08ce8053d64b2adae51a3b80bee1eeb771f438d799178c8f9ac2c092b1b2952e38b387a8432a4af02a8217f6cd6ec0f4be21b825b0e4a424f68e5a3d0923acd
        40b735edf5d49b9d748a81da3be7a9811d85d457e23c10d847f5b6686f9495fe 04ab2ca747e6446a38391cb0b8adc3732a6f93b01c1c146f9edc169af95bff246f27c401ac6e78aa2d39fe91676208825f6dad7cbf36b19fdb45018fa5a33819f0
        51a6e78b384db688dafbc73f5e78c574ab0e77192ab51000c5a06555e227341c 0437c4ca6e89b582cc0eb83a82ddff926a0ee2b80b8e2153cd40e00d77835a4660835253db26524559af9dd44181a699e3e4a52360070780d2ebe827e5813f0708
        02b8bca5e13083a37c309308b0f80b2ef20f8359151442a21cdb0771aa47c85f 04dfb0598a174f8e3ddcf4d6fbadf77e629eb5e71ad9482b1999f6765b89086df586275d7ca01f66777ffb4082600dec5e4af86483e3655f25e23b01f09d54caf1
        0b7c76668956c8de071ed393390f65e35c28989bc6790fbaa49a04c970a98b78 046d5120b0a73fae31607a056b57943bcf1f5e64888c2c3a62a0b733c3f53635850125172dbdca275f3b846240733be5c758fbb69ae18c9cf9eb7cd9bcd6de2e2d
        36f520c93c7b4a7df17b2b66cc42e01d0506a0b27a927c44ad1c81d223954039 04ae3a248107e527bd605c01790e8ebe73db7788cddd3879d784507f7eb11d59018d0476ab025a0f049dfab2cba94c3eec3997d6526d160857f60433140e83f5fc
        14724190cffb2d1cb155ecec9c465c65152dfac5fce0661607f8d93afd8852fb 043a364ea8b386df4eef89d617daca346cf2d88b1d4422d69af8ff6378523515d6a8cd6328f5d4128d6cbabe31b830dcdec54691e8c4ac36aed5835b3f984f5964
        e80ee0a1ddb70bf60bae81634252434769428b3e8f46b8014ca94bb049cc75d1 040b7601999aa1312c5bc020a5250356929ad877c0c695cce25cf5a49cace84b1d8f07573c8f8e4f405a2a06eb05a2692191c7cc370834b64a11d5e2a2d6d8fb28
        48445b3b1ac66de764094e69256559928794bb6a0f046ef5120fe3c0c97d8c2a 04efd8447468c604b29164871993f9b39e20707068407abe05a6aa0ff1a9375e325a4c81b4393c9368d6bf5126d9a9cd547e90d05d9bd1890fb6e6d8b4587b5a72
        65d3e0c1f84a9e1eaf6c793e3a29797a325e487c2fe546543bfae3e7e64f0b1a 040399aff3c5196cb76b40db4947e7eaa7279414b02f3bea99eb5adf5a67d39ec06faf4da2df42b99ed22d113a3cf15a7fb67d39aed27dbb5bc3361e37e46311d4
        e97fca5b53c45c145d46e561c2785b2599f4fdf1307e0aa9e91106cc386423db 0438d7b06284ae19870cacc22bc766ee011103f6e7e4a7f94cc257444214e099374c85a06c3bc8b0a8194c8c45919518dc8f1ea1fe369bed96e9c94d632d5c596d
        986077840be7427184a741429ac0d572c3329ad14d5e4e50dfe5344186b8afa7 04408b498777ad9063ac6e6b9b702b78be994e0849dd3554200169e99b024a98e6d69babaf197e8cc191451b2f5a3154c5cbe74fb53f0f7278ce8407ee580194ad
        c409b91a2576b3d76ce058e75bf180a7be58a86b66cda9f88da0f19f828d585e 04f5bb02910e90eb9c420aa861a79cefafd45fe578383d9d9e9c6e5ae0de17ef91296d40ab04070b54b4952de0777141fd65d07b9626b6c726dd6863e6761c9a40
        35bbab08dc7d5b205cbe2b16572f342aabfcdfdd606a361e6822be60b3f8abf5 0462439197838abe98929d432071a6aec1f22144d33cb0b3cc1cdc5d11ebee6d151bb98e1e33b96921d7f391fccacd44a04d45453f171416cff169d8029033d71b
        415d5fb945723b621c8fb3498fb072ace0599bd659f50c72218e443aeb0bba48 04ba1351e30fe860a4ccbd9e044cc7066e7f48ef166cc4a4b8c6ec51b1860146176c40f51666c34acb96647566f6d1fb18d830b45bc9bc978ef72f53a75a4ecf57
        542bfc4be8b65521a1253f8717fb3dda857bb2dae38f708f54eb241f6407d275 046c5f84a42cade94f88f9c271d6ce807f1507a2769c0ddbfe289f78739d509533ddabdde59f0510607cf1c4df5f4f74e2a4eaf494a85689b25bac542ffafe0aac
        24d49bf7f08a4f0cf5501974b938e7097c2832662d30ac117d0b601f25d2dfd1 048d4b53a48b308b4397371127e9f680ef25f324dbdbb97098cb6e2af18d5674b06c5caefd69e905d23ad836c7ad00ae74602a18ec2ff54dacb3004c407238fedc
        b7cc74713baa7e985b36c82e46190e36ce2653c3fac5f3d429b28168c60bb915 047fb4f489ae93bce649e8b48c6dfa539a15fc05713a3370be2ab0a83ee971c61de614f39b42654eabf1a218d4d95fd095c65dc190d168e10cbce07eae0bd8fbd6
        c0782e3a138a7e09ced4ecea721e749b9bd56a3d353c4ac6c18db250cbb1892e 040bdee74a1801463ebd08b36da98b961ae335eb1cc060d19b4034f40a3b61a617d3602d27264ca128303d3f023cf73478a3673ff1f8f9b976bb3a0a47f5315df9
        f1b0f5235ef9d7e9e195a71b14444c4ed6ebeb164da918f7b67f1fb6eae7b4d0 04e580b2b69445052e3b3f8b49c2cf7925c3678ec96ed41aed6e8869919d1fb1a927df340c3f07054e65e1fbe4c3b0ec68c77f0a5cdeeb659430d7abf63b0612f7
        6042150ede6bed5e56519334106200a179bf7d35623c3f40f3b78182b08fb835 0424154aa910677c547ce9dfd21a8b8bb8f0e74772f818b912977e973164ff4d6ba0b13180f9acb3855ade5d9250ec9c97f0195eb72e873359b03394718fd44547
        """
}
