import Testing
@testable import CertLintCrypto

// PKCS #7 padding (RFC 5652 §6.3) and the error paths of `BlockCipher.decryptCBC`. The only
// ciphertexts used are OpenSSL recordings from AESTests and TripleDESTests; the altered ones are
// derived from them through CBC's malleability (flipping a bit of the IV flips the same bit of the
// first plaintext block), so every expected plaintext follows from a recorded one.

@Suite struct CBCPaddingTests {
    // MARK: The padding check on its own

    @Test func validPadding() throws {
        #expect(try CBCPadding.pkcs7PaddingLength(of: [UInt8](repeating: 16, count: 16), blockByteCount: 16) == 16)
        #expect(try CBCPadding.pkcs7PaddingLength(of: [UInt8](repeating: 0xee, count: 31) + [1], blockByteCount: 16) == 1)
        #expect(try CBCPadding.pkcs7PaddingLength(of: [0xaa, 0xbb, 0xcc, 0xdd, 0xee, 3, 3, 3], blockByteCount: 8) == 3)
        #expect(try CBCPadding.pkcs7PaddingLength(of: [UInt8](repeating: 8, count: 8), blockByteCount: 8) == 8)
        // Only the last block is looked at: a full block of padding after data.
        #expect(try CBCPadding.pkcs7PaddingLength(of: [UInt8](repeating: 0, count: 8) + [UInt8](repeating: 8, count: 8), blockByteCount: 8) == 8)
    }

    @Test(arguments: [
        // The last byte is 0: no padding length is 0.
        [UInt8](repeating: 0xaa, count: 15) + [0],
        // The last byte is larger than a block.
        [UInt8](repeating: 0xaa, count: 15) + [17],
        [UInt8](repeating: 0xff, count: 16),
        // The last byte says 3 but the two before it are not both 3.
        [UInt8](repeating: 0xaa, count: 13) + [2, 3, 3],
        [UInt8](repeating: 0xaa, count: 13) + [3, 2, 3],
        // A full block of 16 with one byte off.
        [15] + [UInt8](repeating: 16, count: 15),
    ])
    func invalidPadding(plaintext: [UInt8]) {
        #expect(throws: CryptoError.self) {
            try CBCPadding.pkcs7PaddingLength(of: plaintext, blockByteCount: 16)
        }
        do {
            _ = try CBCPadding.pkcs7PaddingLength(of: plaintext, blockByteCount: 16)
        } catch {
            #expect(error.code == .badPadding)
            #expect(error.description.hasSuffix("."))
        }
    }

    @Test func paddingNeedsWholeBlocks() {
        for plaintext in [[], [UInt8](repeating: 1, count: 15), [UInt8](repeating: 1, count: 17)] {
            do {
                _ = try CBCPadding.pkcs7PaddingLength(of: plaintext, blockByteCount: 16)
                Issue.record("a \(plaintext.count)-byte plaintext passed the padding check")
            } catch {
                #expect(error.code == .invalidCiphertextLength)
            }
        }
    }

    // MARK: Padding through decryption

    // AESTests' recording of `openssl enc -e -aes-128-cbc` on the one byte 04: the plaintext
    // block is 04 followed by fifteen 0f.
    static let aesKey = blockCipherBytes(hex: "54cc8c537faa67b5ab35fc4d3a2abf4b")
    static let aesIV = blockCipherBytes(hex: "4779a9487c1253326ca065ff316e685a")
    static let aesCiphertext = blockCipherBytes(hex: "3b96053b21bb4b2387aa792c003d00ad")

    /// The recording's IV with byte `index` XORed with `mask`, which XORs the same plaintext byte.
    static func aesIV(flipping index: Int, by mask: UInt8) -> [UInt8] {
        var iv = aesIV
        iv[index] ^= mask
        return iv
    }

    @Test func recordedPaddingIsRemovedOrKept() throws {
        #expect(try BlockCipher.decryptCBC(Self.aesCiphertext, key: Self.aesKey, iv: Self.aesIV, algorithm: .aes128) == [0x04])
        #expect(
            try BlockCipher.decryptCBC(Self.aesCiphertext, key: Self.aesKey, iv: Self.aesIV, algorithm: .aes128, padding: .keep)
                == [0x04] + [UInt8](repeating: 0x0f, count: 15)
        )
    }

    @Test(arguments: [
        (15, 0x0f),  // last byte 0f → 00
        (15, 0x0f ^ 0x11),  // last byte 0f → 11, more than a block
        (15, 0xf0),  // last byte 0f → ff
        (14, 0x01),  // a padding byte 0f → 0e
        (1, 0x0f),  // the first padding byte 0f → 00
    ] as [(Int, UInt8)])
    func alteredPaddingIsBadPadding(index: Int, mask: UInt8) {
        let iv = Self.aesIV(flipping: index, by: mask)
        #expect(blockCipherErrorCode { () throws(CryptoError) in
            try BlockCipher.decryptCBC(Self.aesCiphertext, key: Self.aesKey, iv: iv, algorithm: .aes128)
        } == .badPadding)
        // Keeping the padding skips the check and shows the altered byte.
        #expect(throws: Never.self) {
            let kept = try BlockCipher.decryptCBC(Self.aesCiphertext, key: Self.aesKey, iv: iv, algorithm: .aes128, padding: .keep)
            #expect(kept[index] == ([0x04] + [UInt8](repeating: 0x0f, count: 15))[index] ^ mask)
        }
    }

    // Turning the last byte 0f into 01 leaves valid one-byte padding over 04 and fourteen 0f.
    @Test func alteredPaddingCanStillBeValid() throws {
        let iv = Self.aesIV(flipping: 15, by: 0x0f ^ 0x01)
        let plaintext = try BlockCipher.decryptCBC(Self.aesCiphertext, key: Self.aesKey, iv: iv, algorithm: .aes128)
        #expect(plaintext == [0x04] + [UInt8](repeating: 0x0f, count: 14))
    }

    // TripleDESTests' recording of `openssl enc -e -des-ede3-cbc` on the one byte b5: the block is
    // b5 and seven 07. Making the last byte 09 asks for more than an 8-byte block.
    @Test func paddingLongerThanAnEightByteBlock() {
        let key = blockCipherBytes(hex: "6e43e2073e03374a201be751806e5eef3bb5c0c563cba8cb")
        var iv = blockCipherBytes(hex: "2fef032d1486f36b")
        let ciphertext = blockCipherBytes(hex: "8ea047deab019d81")
        #expect((try? BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: .desEDE3)) == [0xb5])
        iv[7] ^= 0x07 ^ 0x09
        #expect(blockCipherErrorCode { () throws(CryptoError) in
            try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: .desEDE3)
        } == .badPadding)
    }

    // A wrong key (a wrong password, in a keystore) gives noise: it either fails the padding check
    // or, rarely, passes it with the wrong plaintext. It never traps.
    @Test func wrongKeysFailThePaddingCheckOrGiveOtherBytes() {
        // AESTests' recording of a 35-byte plaintext under AES-128.
        let key = blockCipherBytes(hex: "033f5f519a822d841cfe5fe7e04a778b")
        let iv = blockCipherBytes(hex: "5bf2e1957f5ab03af2e691fcce1d6cf9")
        let ciphertext = blockCipherBytes(
            hex: "04b4a5c682bde695c48134f114aa79fd3021b64b51a368c82239c01a4a8fb7532675ef20a011cab4393dc074e1bcebe7"
        )
        let plaintext = blockCipherBytes(hex: "c8c9b01133a0e4043d1c00274e89766d0f0dd4e46c676af5820f72caf58db5128dcd80")
        #expect((try? BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: .aes128)) == plaintext)
        var badPaddingCount = 0
        for bit in 0..<128 {
            var wrongKey = key
            wrongKey[bit / 8] ^= 1 << (bit % 8)
            do {
                let decrypted = try BlockCipher.decryptCBC(ciphertext, key: wrongKey, iv: iv, algorithm: .aes128)
                #expect(decrypted != plaintext)
            } catch {
                #expect(error.code == .badPadding)
                badPaddingCount += 1
            }
        }
        // About 255 in 256 wrong keys fail the check; all 128 passing would mean no check at all.
        #expect(badPaddingCount > 64)
    }

    // MARK: Shapes

    static let algorithms: [BlockCipherAlgorithm] = [.aes128, .aes192, .aes256, .desEDE3, .rc2(effectiveKeyBits: 40), .rc2(effectiveKeyBits: 128)]

    /// A key of the right length for `algorithm` (16 bytes for RC2).
    static func someKey(for algorithm: BlockCipherAlgorithm) -> [UInt8] {
        let count = algorithm.keyByteCounts.count == 1 ? algorithm.keyByteCounts.lowerBound : 16
        return (0..<count).map { UInt8(truncatingIfNeeded: 0x35 &* $0 &+ 7) }
    }

    @Test func algorithmShapes() {
        #expect(Self.algorithms.map(\.blockByteCount) == [16, 16, 16, 8, 8, 8])
        #expect(Self.algorithms.map(\.keyByteCounts) == [16...16, 24...24, 32...32, 24...24, 1...128, 1...128])
        #expect(Self.algorithms.map(\.name) == ["AES-128", "AES-192", "AES-256", "DES-EDE3", "RC2 (40 effective bits)", "RC2 (128 effective bits)"])
    }

    @Test(arguments: algorithms)
    func truncatedCiphertext(algorithm: BlockCipherAlgorithm) {
        let key = Self.someKey(for: algorithm)
        let iv = [UInt8](repeating: 0, count: algorithm.blockByteCount)
        for count in [1, algorithm.blockByteCount - 1, algorithm.blockByteCount + 1, 3 * algorithm.blockByteCount - 1] {
            let ciphertext = [UInt8](repeating: 0x5c, count: count)
            for padding in [CBCPadding.pkcs7, .keep] {
                #expect(blockCipherErrorCode { () throws(CryptoError) in
                    try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: algorithm, padding: padding)
                } == .invalidCiphertextLength)
            }
        }
        // Empty: nothing to decrypt, which is fine without padding and an error with it.
        #expect(blockCipherErrorCode { () throws(CryptoError) in
            try BlockCipher.decryptCBC([UInt8](), key: key, iv: iv, algorithm: algorithm)
        } == .invalidCiphertextLength)
        #expect((try? BlockCipher.decryptCBC([UInt8](), key: key, iv: iv, algorithm: algorithm, padding: .keep)) == [])
    }

    @Test(arguments: algorithms)
    func wrongIVLength(algorithm: BlockCipherAlgorithm) {
        let key = Self.someKey(for: algorithm)
        let ciphertext = [UInt8](repeating: 0x5c, count: 2 * algorithm.blockByteCount)
        for count in [0, 1, algorithm.blockByteCount - 1, algorithm.blockByteCount + 1, 2 * algorithm.blockByteCount] {
            let iv = [UInt8](repeating: 0, count: count)
            #expect(blockCipherErrorCode { () throws(CryptoError) in
                try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: algorithm, padding: .keep)
            } == .invalidIVLength)
        }
    }

    @Test(arguments: algorithms)
    func wrongKeyLength(algorithm: BlockCipherAlgorithm) {
        let iv = [UInt8](repeating: 0, count: algorithm.blockByteCount)
        let ciphertext = [UInt8](repeating: 0x5c, count: algorithm.blockByteCount)
        for count in [0, 1, 7, 8, 15, 16, 17, 23, 24, 25, 31, 32, 33, 128, 129] where !algorithm.keyByteCounts.contains(count) {
            let key = [UInt8](repeating: 0x11, count: count)
            #expect(blockCipherErrorCode { () throws(CryptoError) in
                try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: algorithm, padding: .keep)
            } == .invalidKeyLength)
        }
    }

    // Every error is a whole sentence with a stable code.
    @Test func errorCodesAreStable() {
        #expect(CryptoError.Code.allCases.map(\.rawValue) == [
            "invalidKeyLength", "invalidIVLength", "invalidEffectiveKeyBits", "invalidCiphertextLength", "badPadding",
            "iterationCountOutOfRange", "keyByteCountOutOfRange",
        ])
        do {
            _ = try BlockCipher.decryptCBC([UInt8](repeating: 0, count: 17), key: [UInt8](repeating: 0, count: 16), iv: [UInt8](repeating: 0, count: 16), algorithm: .aes128)
            Issue.record("17 bytes of AES ciphertext were accepted")
        } catch {
            #expect(error.code == .invalidCiphertextLength)
            #expect(error.description.contains("17 bytes"))
            #expect(error.description.hasSuffix("."))
        }
    }

    // Seeded random shapes and bytes: every call returns or throws a CryptoError; none traps.
    @Test func arbitraryInputsNeverTrap() {
        var generator = SplitMix64(seed: 0x6365_7274_6c69_6e74)
        var returned = 0
        var thrown = 0
        for _ in 0..<3000 {
            let algorithm: BlockCipherAlgorithm
            switch generator.next() % 6 {
            case 0: algorithm = .aes128
            case 1: algorithm = .aes192
            case 2: algorithm = .aes256
            case 3: algorithm = .desEDE3
            default: algorithm = .rc2(effectiveKeyBits: Int(generator.next() % 1100) - 20)
            }
            // Mostly valid lengths, so the decryption and padding paths are reached too.
            let validShapes = generator.next() % 4 != 0
            let blockByteCount = algorithm.blockByteCount
            let keyCount = validShapes ? Self.someKey(for: algorithm).count : Int(generator.next() % 40)
            let ivCount = validShapes ? blockByteCount : Int(generator.next() % 20)
            let ciphertextCount = validShapes ? blockByteCount * Int(generator.next() % 5) : Int(generator.next() % 80)
            let key = (0..<keyCount).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let iv = (0..<ivCount).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let ciphertext = (0..<ciphertextCount).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let padding: CBCPadding = generator.next() % 2 == 0 ? .pkcs7 : .keep
            do {
                let plaintext = try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: algorithm, padding: padding)
                #expect(padding == .keep ? plaintext.count == ciphertext.count : plaintext.count < ciphertext.count)
                returned += 1
            } catch {
                #expect(!error.reason.isEmpty)
                thrown += 1
            }
        }
        #expect(returned > 0 && thrown > 0)
    }

    /// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator for reproducible test inputs.
    struct SplitMix64 {
        var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }
}
