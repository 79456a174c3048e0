import Testing
@testable import CertLintCrypto

// Expected digests: the NIST vectors are cited where they are used. Every expected value in this
// file, NIST's included, was also recomputed with Python's hashlib
// (`python3 -c 'import hashlib; print(hashlib.sha1(MESSAGE).hexdigest())'`).
// `patternMessage` and `digestInChunks` live in SHA256Tests.swift.

@Suite struct SHA1Tests {
    // NIST, "Examples with Intermediate Values" for FIPS 180-4, SHA1.pdf: one-block message "abc".
    @Test func abc() {
        #expect(SHA1.hash(Array("abc".utf8)).hexString == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    // NIST CAVP SHAVS byte-oriented vectors, SHA1ShortMsg.rsp, Len = 0.
    @Test func emptyMessage() {
        #expect(SHA1.hash([UInt8]()).hexString == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1().finalize() == SHA1.hash([UInt8]()))
    }

    // NIST, "Examples with Intermediate Values", SHA1.pdf: the two-block 448-bit message.
    @Test func twoBlockMessage448Bits() {
        #expect(SHA1.hash(Array(nist448BitMessage.utf8)).hexString == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    // The 896-bit message of NIST's SHA-384/SHA-512 examples, hashed with SHA-1; value from hashlib.
    @Test func message896Bits() {
        #expect(SHA1.hash(Array(nist896BitMessage.utf8)).hexString == "a49b2446a02c645bf419f995b67091253a04a259")
    }

    // FIPS 180-2 Appendix A.3 (and RFC 3174 §7.3 TEST3): one million repetitions of "a".
    @Test func millionA() {
        let expected = "34aa973cd4c4daa4f61eeb2bdbad27316534016f"
        #expect(SHA1.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString == expected)
        #expect(SHA1.hash(repeatElement(UInt8(0x61), count: 1_000_000)).hexString == expected)
    }

    // Lengths around the padding boundary (55 fits in one block, 56 spills into two).
    // Values from hashlib over patternMessage(n).
    @Test(arguments: [
        (0, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (1, "5d1be7e9dda1ee8896be5b7e34a85ee16452a7b4"),
        (55, "749bbefb28edc4638b28b2b9a9e03ab9a4032b90"),
        (56, "a5b6e9c29d201c774753ff8e7fb64931656f5e63"),
        (57, "eb0737bed5451790722b2df351829ce117e3d9dd"),
        (63, "d1a454409359fc372b4d22b3cea6488d6ba1be00"),
        (64, "39a0d8b645ad85f1f976731ed112ac9455e28b78"),
        (65, "d0c96e18890114a14716e9686528d2e3fdba8d9e"),
        (111, "b7b42d19ae6be209c36efe0c5dfe5bde4d306c43"),
        (112, "11e920cd4ed45c60c05a916e48a942f9e39c770b"),
        (113, "2a7237734453edb508687d4fcec7e027f10be533"),
        (119, "562ecf8a430f8e1056e3619bae33628e9a1d0a4e"),
        (120, "353f6d2bf0e91aa91b74a2e0b3f297510f7d825f"),
        (127, "bebc42d2d3d1e5fb8ad8895c2dcef2d68a6c279a"),
        (128, "0060f2a7e34b6e4d459f560197ef93243732a400"),
        (129, "3a16082d1bf09b604907ec6908b9893ca3e937c0"),
        (255, "f469c0183d0b5f087087d696bdda863ffcce6de6"),
        (256, "4408d62c2a3b36fd719686a008d3c873b7e89ff2"),
    ])
    func paddingBoundary(length: Int, expected: String) {
        let message = patternMessage(count: length)
        #expect(SHA1.hash(message).hexString == expected)
        #expect(digestInChunks(SHA1.self, message, chunkSizes: [1]).hexString == expected)
    }

    // patternMessage(count: 3000) from hashlib.
    static let pattern3000Digest = "f673573aee1f6cac6d13162dea65bd01bf6701b1"

    @Test(arguments: [1, 2, 3, 7, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 2999, 3000, 4096])
    func streamingMatchesOneShot(chunkSize: Int) {
        let message = patternMessage(count: 3000)
        #expect(SHA1.hash(message).hexString == Self.pattern3000Digest)
        #expect(digestInChunks(SHA1.self, message, chunkSizes: [chunkSize]).hexString == Self.pattern3000Digest)
    }

    @Test func streamingWithIrregularAndEmptyChunks() {
        let message = patternMessage(count: 3000)
        let irregular = digestInChunks(SHA1.self, message, chunkSizes: [0, 1, 62, 0, 64, 65, 3, 128, 200, 0, 5])
        #expect(irregular.hexString == Self.pattern3000Digest)
    }

    @Test func finalizeLeavesTheHasherUsable() {
        let message = patternMessage(count: 200)
        var hasher = SHA1()
        hasher.update(message[..<100])
        #expect(hasher.finalize() == SHA1.hash(message[..<100]))
        hasher.update(message[100...])
        #expect(hasher.finalize() == SHA1.hash(message))
    }

    @Test func sizes() {
        #expect(SHA1.digestByteCount == 20)
        #expect(SHA1.blockByteCount == 64)
        #expect(SHA1.hash([UInt8]()).count == 20)
    }
}
