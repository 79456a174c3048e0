import Testing
@testable import CertLintCrypto

// Expected digests: the NIST vectors are cited where they are used. Every expected value in this
// file, NIST's included, was also recomputed with Python's hashlib
// (`python3 -c 'import hashlib; print(hashlib.sha256(MESSAGE).hexdigest())'`).

@Suite struct SHA256Tests {
    // NIST, "Examples with Intermediate Values" for FIPS 180-4, SHA256.pdf: one-block message "abc".
    @Test func abc() {
        #expect(SHA256.hash(Array("abc".utf8)).hexString
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    // NIST CAVP SHAVS byte-oriented vectors, SHA256ShortMsg.rsp, Len = 0.
    @Test func emptyMessage() {
        #expect(SHA256.hash([UInt8]()).hexString
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256().finalize() == SHA256.hash([UInt8]()))
    }

    // NIST, "Examples with Intermediate Values", SHA256.pdf: the two-block 448-bit message.
    @Test func twoBlockMessage448Bits() {
        #expect(SHA256.hash(Array(nist448BitMessage.utf8)).hexString
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    // The 896-bit message of NIST's SHA-384/SHA-512 examples (SHA512.pdf), hashed with SHA-256;
    // value from hashlib.
    @Test func message896Bits() {
        #expect(SHA256.hash(Array(nist896BitMessage.utf8)).hexString
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    // FIPS 180-2 Appendix B.3 (and RFC 6234 §8.5 TEST3): one million repetitions of "a".
    @Test func millionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString == expected)
        // The same bytes through the non-contiguous path of `update(_:)`.
        #expect(SHA256.hash(repeatElement(UInt8(0x61), count: 1_000_000)).hexString == expected)
    }

    // Lengths around the padding boundary: at 55 bytes the 0x80 and the 8-byte length still fit
    // in the block, at 56 they spill into a second one. Values from hashlib over patternMessage(n).
    @Test(arguments: [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (1, "ca358758f6d27e6cf45272937977a748fd88391db679ceda7dc7bf1f005ee879"),
        (55, "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b"),
        (56, "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63"),
        (57, "5b46e502092be01b1100193e089fdda95638c12e19a1d24f308eb2c3d3ae849d"),
        (63, "280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076"),
        (64, "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd"),
        (65, "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0"),
        (111, "dd1413178fb627f9abbc041ffe39c44aa7aaa0e2e6d2ca5c4528ac7073a2da45"),
        (112, "a65c92dac124062d0ab951a42773cb04fc98d1d4bf8897b176f8cff3509d379e"),
        (113, "6f184b6619128e865ecb2b3ea96c03d461f0664d87689480988dbee53a449161"),
        (119, "3d610547d68216dedf7435a4fb6260353911f6b3fd3f18805ddb8be285d726fe"),
        (120, "1f80156a804cb7862ad113e8200e9d74499723e7c7854d5f48776d3148e09656"),
        (127, "192409cd280e14b743642ad1343fbd3e82d9305de72c078117745a679210cc3d"),
        (128, "cc548ca2dec1f6fe4f58b2e27aa9c7521607df1130d140b55a4dad0665302356"),
        (129, "81e89a7b2911aaa7795f9e3d4910cb47d6cd2b00d83b8399481527261a1a7519"),
        (255, "c9241bc45a34a7e4028b10346f6edc6336c11c4e2484dff4e4cff74a003b6da1"),
        (256, "c8c6e02d597fa6c407a5fec30c981c7bbad08972240eea89841b8f37e2fbf32c"),
    ])
    func paddingBoundary(length: Int, expected: String) {
        let message = patternMessage(count: length)
        #expect(SHA256.hash(message).hexString == expected)
        // Byte at a time, so the padding starts from a partly filled buffer.
        #expect(digestInChunks(SHA256.self, message, chunkSizes: [1]).hexString == expected)
    }

    // patternMessage(count: 3000) from hashlib.
    static let pattern3000Digest = "8b5fc0e9b559acd86a49017943707c53e283f26bb629cb20bce913bac9975c21"

    @Test(arguments: [1, 2, 3, 7, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 2999, 3000, 4096])
    func streamingMatchesOneShot(chunkSize: Int) {
        let message = patternMessage(count: 3000)
        #expect(SHA256.hash(message).hexString == Self.pattern3000Digest)
        #expect(digestInChunks(SHA256.self, message, chunkSizes: [chunkSize]).hexString == Self.pattern3000Digest)
    }

    @Test func streamingWithIrregularAndEmptyChunks() {
        let message = patternMessage(count: 3000)
        let irregular = digestInChunks(SHA256.self, message, chunkSizes: [0, 1, 62, 0, 64, 65, 3, 128, 200, 0, 5])
        #expect(irregular.hexString == Self.pattern3000Digest)
    }

    @Test func finalizeLeavesTheHasherUsable() {
        let message = patternMessage(count: 200)
        var hasher = SHA256()
        hasher.update(message[..<100])
        let prefixDigest = hasher.finalize()
        #expect(prefixDigest == SHA256.hash(message[..<100]))
        #expect(hasher.finalize() == prefixDigest)
        var fork = hasher
        hasher.update(message[100...])
        #expect(hasher.finalize() == SHA256.hash(message))
        // The copy kept its own state.
        #expect(fork.finalize() == prefixDigest)
        fork.update([0x00])
        #expect(fork.finalize() == SHA256.hash(message[..<100] + [0x00]))
    }

    @Test func updateFromBufferPointer() {
        let message = patternMessage(count: 300)
        var hasher = SHA256()
        message.withUnsafeBytes { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<150]))
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[150...]))
        }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    @Test func sizes() {
        #expect(SHA256.digestByteCount == 32)
        #expect(SHA256.blockByteCount == 64)
        #expect(SHA256.hash([UInt8]()).count == 32)
    }
}

@Suite struct DigestAlgorithmTests {
    @Test(arguments: DigestAlgorithm.allCases)
    func dispatchesToItsHashFunction(algorithm: DigestAlgorithm) {
        let message = patternMessage(count: 150)
        #expect(algorithm.hash(message) == algorithm.hashFunction.hash(message))
        #expect(algorithm.hash(message).count == algorithm.digestByteCount)
        #expect(algorithm.digestByteCount == algorithm.hashFunction.digestByteCount)
        #expect(algorithm.blockByteCount == algorithm.hashFunction.blockByteCount)
    }

    @Test func namesSizesAndAbc() {
        #expect(DigestAlgorithm.allCases.map(\.rawValue) == ["sha1", "sha256", "sha384", "sha512"])
        #expect(DigestAlgorithm.allCases.map(\.digestByteCount) == [20, 32, 48, 64])
        #expect(DigestAlgorithm.allCases.map(\.blockByteCount) == [64, 64, 128, 128])
        #expect(DigestAlgorithm(rawValue: "sha256") == .sha256)
        #expect(DigestAlgorithm(rawValue: "SHA-256") == nil)
        let abc = Array("abc".utf8)
        #expect(DigestAlgorithm.sha1.hash(abc) == SHA1.hash(abc))
        #expect(DigestAlgorithm.sha256.hash(abc) == SHA256.hash(abc))
        #expect(DigestAlgorithm.sha384.hash(abc) == SHA384.hash(abc))
        #expect(DigestAlgorithm.sha512.hash(abc) == SHA512.hash(abc))
    }
}

@Suite struct HexTests {
    @Test func lowercaseHex() {
        #expect([UInt8]().hexString == "")
        #expect([0x00].hexString == "00")
        #expect([0xab, 0x01, 0xff, 0x10].hexString == "ab01ff10")
        #expect(Array(0...255 as ClosedRange<UInt8>).hexString.count == 512)
    }

    @Test func colonSeparatedUppercaseHex() {
        #expect([UInt8]().colonHexString == "")
        #expect([0x0a].colonHexString == "0A")
        #expect([0xab, 0x01, 0xff, 0x10].colonHexString == "AB:01:FF:10")
        #expect(SHA1.hash(Array("abc".utf8)).colonHexString
            == "A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D")
    }

    @Test func worksOnSlicesAndOtherCollections() {
        let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04]
        #expect(bytes[1...2].hexString == "0203")
        #expect(bytes[1...2].colonHexString == "02:03")
        #expect(repeatElement(UInt8(0xee), count: 3).colonHexString == "EE:EE:EE")
    }
}

// MARK: - Helpers shared by the digest tests

/// NIST's 448-bit two-block example message (SHA-1 and SHA-256 examples).
let nist448BitMessage = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"

/// NIST's 896-bit two-block example message (SHA-384 and SHA-512 examples).
let nist896BitMessage = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

/// `count` bytes where byte i is (31·i + 7) mod 256; in Python,
/// `bytes((i * 31 + 7) & 0xff for i in range(count))`.
func patternMessage(count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
}

/// The digest of `message` fed to a fresh `H` in chunks whose sizes cycle through `chunkSizes`.
func digestInChunks<H: HashFunction>(_: H.Type, _ message: [UInt8], chunkSizes: [Int]) -> [UInt8] {
    var hasher = H()
    var start = 0
    var turn = 0
    while start < message.count {
        let end = min(start + chunkSizes[turn % chunkSizes.count], message.count)
        hasher.update(message[start..<end])
        start = end
        turn += 1
    }
    return hasher.finalize()
}
