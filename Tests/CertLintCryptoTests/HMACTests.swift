import Testing
@testable import CertLintCrypto

// Expected codes: RFC 2202 §3 (HMAC-SHA-1) and RFC 4231 §4 (HMAC-SHA-256/384/512), typed from
// the RFCs. Every one was recomputed with Python's hmac module
// (`python3 -c 'import hmac,hashlib; print(hmac.new(KEY, DATA, hashlib.sha256).hexdigest())'`),
// and a sample also with `openssl dgst -sha256 -mac HMAC -macopt hexkey:KEYHEX` (OpenSSL 3.0.19):
// RFC 4231 case 1 SHA-256, case 2 SHA-512, case 4 SHA-384, case 7 SHA-512 and RFC 2202 case 7.
// The values under "Beyond the RFCs" come from Python's hmac module only, as noted there.

/// The bytes of a hexadecimal string (test vectors only; traps on a non-hex character).
func kdfTestBytes(hex: String) -> [UInt8] {
    let digits: [UInt8] = hex.utf8.map { character in
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: preconditionFailure("not a hexadecimal digit in a test vector")
        }
    }
    precondition(digits.count % 2 == 0, "odd number of hexadecimal digits in a test vector")
    return stride(from: 0, to: digits.count, by: 2).map { digits[$0] &<< 4 | digits[$0 + 1] }
}

/// One RFC 2202 / RFC 4231 test case: key and data.
struct HMACTestCase: Sendable, CustomTestStringConvertible {
    let number: Int
    let key: [UInt8]
    let data: [UInt8]

    var testDescription: String { "test case \(number)" }
}

/// The key and data of RFC 4231 §4.2–4.8, test cases 1–7.
let rfc4231Cases: [HMACTestCase] = [
    HMACTestCase(number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8)),
    HMACTestCase(number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8)),
    HMACTestCase(number: 3, key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50)),
    HMACTestCase(number: 4, key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50)),
    HMACTestCase(number: 5, key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8)),
    HMACTestCase(
        number: 6, key: [UInt8](repeating: 0xaa, count: 131),
        data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
    ),
    HMACTestCase(
        number: 7, key: [UInt8](repeating: 0xaa, count: 131),
        data: Array(
            ("This is a test using a larger than block-size key and a larger than block-size data. "
                + "The key needs to be hashed before being used by the HMAC algorithm.").utf8
        )
    ),
]

/// The code of `data` under `key`, fed to an incremental `HMAC` one byte at a time.
func hmacByteAtATime<H: HashFunction>(_: H.Type, key: [UInt8], data: [UInt8]) -> [UInt8] {
    var mac = HMAC<H>(key: key)
    for byte in data {
        mac.update([byte])
    }
    return mac.finalize()
}

@Suite struct HMACTests {
    // MARK: RFC 2202 §3, HMAC-SHA-1, all seven test cases

    static let rfc2202Cases: [(HMACTestCase, String)] = [
        (HMACTestCase(number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8)),
         "b617318655057264e28bc0b6fb378c8ef146be00"),
        (HMACTestCase(number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8)),
         "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        (HMACTestCase(number: 3, key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50)),
         "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        (HMACTestCase(number: 4, key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50)),
         "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
        (HMACTestCase(number: 5, key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8)),
         "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
        (HMACTestCase(
            number: 6, key: [UInt8](repeating: 0xaa, count: 80),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
         "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
        (HMACTestCase(
            number: 7, key: [UInt8](repeating: 0xaa, count: 80),
            data: Array("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data".utf8)),
         "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
    ]

    @Test(arguments: rfc2202Cases)
    func rfc2202SHA1(testCase: HMACTestCase, expected: String) {
        #expect(HMAC<SHA1>.authenticationCode(for: testCase.data, key: testCase.key).hexString == expected)
        #expect(hmacByteAtATime(SHA1.self, key: testCase.key, data: testCase.data).hexString == expected)
    }

    // RFC 2202 test case 5 also gives the code truncated to 96 bits.
    @Test func rfc2202TruncatedTo96Bits() {
        let code = HMAC<SHA1>.authenticationCode(
            for: Array("Test With Truncation".utf8), key: [UInt8](repeating: 0x0c, count: 20)
        )
        #expect(code.prefix(12).hexString == "4c1a03424b55e07fe7f27be1")
    }

    // MARK: RFC 4231 §4.2–4.8, HMAC-SHA-256/384/512, test cases 1–7

    // Test case 5 lists only the first 128 bits of each code: RFC 4231 §4.6 says the output
    // is truncated to 128 bits, so those cases compare the 16-byte prefix.

    static let expectedSHA256: [String] = [
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "a3b6167473100ee06e0c796c2955552b",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ]

    static let expectedSHA384: [String] = [
        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
        "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
        "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
        "3abf34c3503b2a23a46efc619baef897",
        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
        "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
    ]

    static let expectedSHA512: [String] = [
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
            + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
            + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
            + "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
            + "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
        "415fad6271580a531d4179bc891d87a6",
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
            + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
            + "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
    ]

    /// Checks `H`'s code for one RFC 4231 case: whole, or its first 128 bits for test case 5.
    func check<H: HashFunction>(_: H.Type, _ testCase: HMACTestCase, _ expected: String) {
        let oneShot = HMAC<H>.authenticationCode(for: testCase.data, key: testCase.key)
        let incremental = hmacByteAtATime(H.self, key: testCase.key, data: testCase.data)
        #expect(oneShot.count == H.digestByteCount)
        #expect(incremental == oneShot)
        if testCase.number == 5 {
            #expect(oneShot.prefix(16).hexString == expected)
        } else {
            #expect(oneShot.hexString == expected)
        }
    }

    @Test(arguments: zip(rfc4231Cases, expectedSHA256))
    func rfc4231SHA256(testCase: HMACTestCase, expected: String) {
        check(SHA256.self, testCase, expected)
    }

    @Test(arguments: zip(rfc4231Cases, expectedSHA384))
    func rfc4231SHA384(testCase: HMACTestCase, expected: String) {
        check(SHA384.self, testCase, expected)
    }

    @Test(arguments: zip(rfc4231Cases, expectedSHA512))
    func rfc4231SHA512(testCase: HMACTestCase, expected: String) {
        check(SHA512.self, testCase, expected)
    }

    // MARK: Beyond the RFCs

    // Keys at the block-size boundary (64 bytes for SHA-256, 128 for SHA-512: at the block size
    // the key is padded, one byte more and it is hashed first) and the empty key and message.
    // Key and message are patternMessage(n); values from Python:
    // `hmac.new(bytes((i*31+7)&255 for i in range(K)), bytes((i*31+7)&255 for i in range(M)), hashlib.sha256).hexdigest()`.
    @Test(arguments: [
        (0, 0, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
        (64, 100, "6acbb72513a84e0c6d8d401bba15366c410b2e28876695f429e91dfe263c052a"),
        (65, 100, "db92068d831c34935eb8459e2d25d41d8397adb5e7ccf260d75cb43ed29c897e"),
    ])
    func sha256KeyLengths(keyLength: Int, messageLength: Int, expected: String) {
        let code = HMAC<SHA256>.authenticationCode(
            for: patternMessage(count: messageLength), key: patternMessage(count: keyLength)
        )
        #expect(code.hexString == expected)
    }

    // As above with hashlib.sha512; the 129-byte key case also with
    // `openssl dgst -sha512 -mac HMAC -macopt hexkey:<patternMessage(129) in hex>`.
    @Test(arguments: [
        (
            128, 300,
            "9e5379350b6592f783c136156c1032d9db8768b32559d7d4089a01b1586ff7ac"
                + "430d1b7c8d58ded4f3a39001995f707fb3c2fb21e3de84b652ebb70e60fa0b4f"
        ),
        (
            129, 300,
            "99bf47872bd29b1ba6c968515c47573ba65c51aa6c9751f62d132a04c0169993"
                + "79a5cb8fd598c199c2f812c8b580fcf229fc7c737b0f676c04e8b3222f8265cf"
        ),
    ])
    func sha512KeyLengths(keyLength: Int, messageLength: Int, expected: String) {
        let code = HMAC<SHA512>.authenticationCode(
            for: patternMessage(count: messageLength), key: patternMessage(count: keyLength)
        )
        #expect(code.hexString == expected)
    }

    // Updating in uneven pieces, finalizing twice, and forking a keyed MAC by copying it.
    @Test func incrementalUseMatchesOneShot() {
        let key = Array("key".utf8)
        let message = patternMessage(count: 1000)
        let expected = HMAC<SHA256>.authenticationCode(for: message, key: key)

        var mac = HMAC<SHA256>(key: key)
        mac.update(message[0..<3])
        mac.update(message[3..<200])
        let fork = mac
        mac.update(message[200...])
        #expect(mac.finalize() == expected)
        #expect(mac.finalize() == expected)

        var other = fork
        other.update(message[200..<500])
        message[500...].withUnsafeBytes { other.update(bufferPointer: $0) }
        #expect(other.finalize() == expected)

        // The non-contiguous path of update(_:).
        var lazy = HMAC<SHA256>(key: key)
        lazy.update(message.lazy.map { $0 })
        #expect(lazy.finalize() == expected)
    }

    // The internal non-allocating finalize PBKDF2 uses agrees with finalize(), for every hash,
    // also when the buffer is the one the message was read from.
    @Test func finalizeIntoBufferMatchesFinalize() {
        func check<H: DigestWritingHashFunction>(_: H.Type) {
            var mac = HMAC<H>(key: patternMessage(count: 70))
            var buffer = patternMessage(count: H.digestByteCount)
            buffer.withUnsafeBytes { mac.update(bufferPointer: $0) }
            let expected = mac.finalize()
            buffer.withUnsafeMutableBytes { mac.finalize(into: $0) }
            #expect(buffer == expected)
            #expect(mac.finalize() == expected)
        }
        check(SHA1.self)
        check(SHA256.self)
        check(SHA384.self)
        check(SHA512.self)
        #expect(HMAC<SHA384>.authenticationCodeByteCount == 48)
    }

    // The hashers' internal finalize(into:) writes exactly finalize()'s bytes, for message
    // lengths on both sides of every padding boundary, and nothing past the digest.
    @Test func hasherFinalizeIntoBufferMatchesFinalize() {
        func check<H: DigestWritingHashFunction>(_: H.Type) {
            for length in 0...260 {
                var hasher = H()
                hasher.update(patternMessage(count: length))
                var buffer = [UInt8](repeating: 0xee, count: H.digestByteCount + 8)
                buffer.withUnsafeMutableBytes { hasher.finalize(into: $0) }
                #expect(Array(buffer.prefix(H.digestByteCount)) == hasher.finalize())
                #expect(buffer.suffix(8).allSatisfy { $0 == 0xee })
            }
        }
        check(SHA1.self)
        check(SHA256.self)
        check(SHA384.self)
        check(SHA512.self)
    }
}
