import Testing
@testable import CertLintCrypto

// Expected keys: RFC 6070 §2 (PBKDF2-HMAC-SHA1) and RFC 7914 §11 (PBKDF2-HMAC-SHA256), typed
// from the RFCs; every one recomputed with Python's hashlib
// (`python3 -c 'import hashlib; print(hashlib.pbkdf2_hmac("sha1", P, S, c, dkLen).hex())'`) and
// with OpenSSL 3.0.19 (`openssl kdf -keylen dkLen -kdfopt digest:SHA1 -kdfopt pass:P
// -kdfopt salt:S -kdfopt iter:c PBKDF2`, hexpass:/hexsalt: for the NUL-containing case).
// The other values come from those two tools, as noted next to them.

/// One PBKDF2 case: password, salt, iteration count, key length and expected key in hex.
struct PBKDF2TestCase: Sendable, CustomTestStringConvertible {
    let password: [UInt8]
    let salt: [UInt8]
    let iterations: Int
    let keyByteCount: Int
    let expected: String

    init(_ password: String, _ salt: String, iterations: Int, keyByteCount: Int, _ expected: String) {
        self.init(bytes: Array(password.utf8), Array(salt.utf8), iterations: iterations, keyByteCount: keyByteCount, expected)
    }

    init(bytes password: [UInt8], _ salt: [UInt8], iterations: Int, keyByteCount: Int, _ expected: String) {
        self.password = password
        self.salt = salt
        self.iterations = iterations
        self.keyByteCount = keyByteCount
        self.expected = expected
    }

    var testDescription: String { "c=\(iterations) dkLen=\(keyByteCount) P=\(password.count) bytes" }
}

@Suite struct PBKDF2Tests {
    // RFC 6070 §2. The fourth vector there (c = 16,777,216, "eefe3d61cd4da4e4e9945b3d6ba2158c2634e984",
    // also confirmed with hashlib) is left out: it took 95 s in a debug build on the 2-core
    // development machine (7.4 s in release), far over the ~10 s a unit test may take.
    static let rfc6070: [PBKDF2TestCase] = [
        PBKDF2TestCase("password", "salt", iterations: 1, keyByteCount: 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
        PBKDF2TestCase("password", "salt", iterations: 2, keyByteCount: 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
        PBKDF2TestCase("password", "salt", iterations: 4096, keyByteCount: 20, "4b007901b765489abead49d926f721d065a429c1"),
        PBKDF2TestCase(
            "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", iterations: 4096, keyByteCount: 25,
            "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"
        ),
        PBKDF2TestCase("pass\0word", "sa\0lt", iterations: 4096, keyByteCount: 16, "56fa6aa75548099dcc37d7f03425e0c3"),
    ]

    @Test(arguments: rfc6070)
    func rfc6070SHA1(testCase: PBKDF2TestCase) throws {
        let key = try PBKDF2.deriveKey(
            password: testCase.password, salt: testCase.salt, iterations: testCase.iterations,
            keyByteCount: testCase.keyByteCount, hash: .sha1
        )
        #expect(key.hexString == testCase.expected)
    }

    // RFC 7914 §11, the two PBKDF2-HMAC-SHA256 vectors.
    static let rfc7914: [PBKDF2TestCase] = [
        PBKDF2TestCase(
            "passwd", "salt", iterations: 1, keyByteCount: 64,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        ),
        PBKDF2TestCase(
            "Password", "NaCl", iterations: 80000, keyByteCount: 64,
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
        ),
    ]

    @Test(arguments: rfc7914)
    func rfc7914SHA256(testCase: PBKDF2TestCase) throws {
        let key = try PBKDF2.deriveKey(
            password: testCase.password, salt: testCase.salt, iterations: testCase.iterations,
            keyByteCount: testCase.keyByteCount, hash: .sha256
        )
        #expect(key.hexString == testCase.expected)
        // The generic entry point, named by type, is the same function.
        let generic = try PBKDF2.deriveKey(
            password: testCase.password, salt: testCase.salt, iterations: testCase.iterations,
            keyByteCount: testCase.keyByteCount, using: SHA256.self
        )
        #expect(generic == key)
    }

    // Beyond the RFCs: SHA-384 and SHA-512, keys spanning several blocks with the last one cut
    // short, passwords longer than the hash block (so HMAC hashes them first), empty password
    // and salt. Each value printed by
    // `python3 -c 'import hashlib; print(hashlib.pbkdf2_hmac(H, bytes.fromhex(P), bytes.fromhex(S), c, dkLen).hex())'`
    // and identical from `openssl kdf -keylen dkLen -kdfopt digest:H -kdfopt hexpass:P
    // -kdfopt hexsalt:S -kdfopt iter:c PBKDF2` (OpenSSL 3.0.19). "pattern(n)" is
    // patternMessage(count: n).
    static let crossChecked: [(DigestAlgorithm, PBKDF2TestCase)] = [
        (.sha384, PBKDF2TestCase(
            "password", "salt", iterations: 1, keyByteCount: 48,
            "c0e14f06e49e32d73f9f52ddf1d0c5c7191609233631dadd76a567db42b78676b38fc800cc53ddb642f5c74442e62be4"
        )),
        (.sha384, PBKDF2TestCase(
            "password", "salt", iterations: 4096, keyByteCount: 48,
            "559726be38db125bc85ed7895f6e3cf574c7a01c080c3447db1e8a76764deb3c307b94853fbe424f6488c5f4f1289626"
        )),
        // Password pattern(200), longer than SHA-384's 128-byte block.
        (.sha384, PBKDF2TestCase(
            bytes: patternMessage(count: 200), Array("salt".utf8), iterations: 1000, keyByteCount: 48,
            "7ca03c953096da5010ad5e958b8a3f2911b59311ec23f49573452aae5cc2d0d2a5a8f023b3c35d9d43bb08f026f24150"
        )),
        (.sha512, PBKDF2TestCase(
            "password", "salt", iterations: 1, keyByteCount: 64,
            "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                + "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"
        )),
        (.sha512, PBKDF2TestCase(
            "password", "salt", iterations: 4096, keyByteCount: 64,
            "d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5"
                + "143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5"
        )),
        (.sha512, PBKDF2TestCase(
            "password", "salt", iterations: 1000, keyByteCount: 100,
            "afe6c5530785b6cc6b1c6453384731bd5ee432ee549fd42fb6695779ad8a1c5b"
                + "f59de69c48f774efc4007d5298f9033c0241d5ab69305e7b64eceeb8d834cfec"
                + "6afdec3c1c23982a121f2d4be008889378a49a0dfb104f0d2856e38f44271cda"
                + "f6de4341"
        )),
        (.sha256, PBKDF2TestCase(
            "password", "salt", iterations: 1000, keyByteCount: 100,
            "632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3"
                + "88b3b1131f741bcbeb02541c8c2e97bd8bed62ab6425542e45512b7312f440eb"
                + "c6e21f4356a5edf32cf0394e0d5be940e0e930cfe21e38a3ff94e28d26c23fac"
                + "7701ac92"
        )),
        // Password pattern(100), longer than SHA-256's 64-byte block.
        (.sha256, PBKDF2TestCase(
            bytes: patternMessage(count: 100), Array("salt".utf8), iterations: 1000, keyByteCount: 32,
            "4e53ce8918f0b79b3597843f3efc29f673c10d83639fd12d261497d4791bcb77"
        )),
        // Empty password, empty salt.
        (.sha256, PBKDF2TestCase(
            "", "", iterations: 1000, keyByteCount: 32,
            "4fc58a21c100ce1835b8f9991d738b56965d14b24e1761fbdffc69ac5e0b667a"
        )),
        (.sha1, PBKDF2TestCase(
            "password", "salt", iterations: 1000, keyByteCount: 45,
            "6e88be8bad7eae9d9e10aa061224034fed48d03fcbad968b56006784539d5214ce970d912ec2049b04231d47c2"
        )),
    ]

    @Test(arguments: crossChecked)
    func crossCheckedWithPythonAndOpenSSL(hash: DigestAlgorithm, testCase: PBKDF2TestCase) throws {
        let key = try PBKDF2.deriveKey(
            password: testCase.password, salt: testCase.salt, iterations: testCase.iterations,
            keyByteCount: testCase.keyByteCount, hash: hash
        )
        #expect(key.count == testCase.keyByteCount)
        #expect(key.hexString == testCase.expected)
    }

    // A shorter key is a prefix of a longer one (RFC 8018 §5.2 step 4: T_1 ‖ … cut short).
    @Test func shorterKeysArePrefixes() throws {
        let long = try PBKDF2.deriveKey(
            password: Array("password".utf8), salt: Array("salt".utf8), iterations: 3, keyByteCount: 100, hash: .sha256
        )
        for length in [0, 1, 31, 32, 33, 64, 65, 99] {
            let short = try PBKDF2.deriveKey(
                password: Array("password".utf8), salt: Array("salt".utf8), iterations: 3, keyByteCount: length,
                hash: .sha256
            )
            #expect(short == Array(long.prefix(length)))
        }
    }

    // A hash from outside the module (no non-allocating finalize) takes the copying path and
    // gets the same key; the RFC 6070 c = 2 vector.
    @Test func hashWithoutBufferFinalizeGivesTheSameKey() throws {
        let key = try PBKDF2.deriveKey(
            password: Array("password".utf8), salt: Array("salt".utf8), iterations: 2, keyByteCount: 20,
            using: ForeignSHA1.self
        )
        #expect(key.hexString == "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")
    }

    // Invalid parameters throw; nothing traps.
    @Test(arguments: [0, -1, Int.min])
    func iterationCountBelowOneThrows(iterations: Int) {
        let error = #expect(throws: CryptoError.self) {
            try PBKDF2.deriveKey(password: [1], salt: [2], iterations: iterations, keyByteCount: 16, hash: .sha256)
        }
        #expect(error?.code == .iterationCountOutOfRange)
        #expect(error?.description == "The iteration count \(iterations) is less than 1.")
    }

    @Test(arguments: [-1, Int.min, CryptoError.maximumKeyByteCount + 1, Int.max])
    func keyByteCountOutOfRangeThrows(keyByteCount: Int) {
        let error = #expect(throws: CryptoError.self) {
            try PBKDF2.deriveKey(password: [1], salt: [2], iterations: 1, keyByteCount: keyByteCount, hash: .sha1)
        }
        #expect(error?.code == .keyByteCountOutOfRange)
        #expect(error?.description == "The key length \(keyByteCount) bytes is outside 0...1048576.")
    }

    @Test func boundaryKeyLengthsAreAccepted() throws {
        #expect(try PBKDF2.deriveKey(password: [1], salt: [2], iterations: 1, keyByteCount: 0, hash: .sha512) == [])
        let largest = try PBKDF2.deriveKey(
            password: [1], salt: [2], iterations: 1, keyByteCount: CryptoError.maximumKeyByteCount, hash: .sha512
        )
        #expect(largest.count == 1 << 20)
    }
}

/// SHA-1 seen as a hash function from another module: it conforms to `HashFunction` only, so
/// the key derivation functions cannot use the non-allocating finalize on it.
struct ForeignSHA1: HashFunction {
    static let digestByteCount = 20
    static let blockByteCount = 64

    private var base = SHA1()

    init() {}

    mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        base.update(bufferPointer: bufferPointer)
    }

    func finalize() -> [UInt8] {
        base.finalize()
    }
}
