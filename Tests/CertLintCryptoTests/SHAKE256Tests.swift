import Testing
@testable import CertLintCrypto

// Every expected value in this file was recomputed with Python's hashlib
// (`python3 -c 'import hashlib; print(hashlib.shake_256(MESSAGE).hexdigest(LENGTH))'`); NIST's
// examples are cited where they are used.

@Suite struct SHAKE256Tests {
    // NIST, "Examples with Intermediate Values" for FIPS 202, SHAKE256_Msg0.pdf: the empty
    // message (first 32 bytes of the output).
    @Test func emptyMessage() {
        #expect(SHAKE256.hash([UInt8](), outputByteCount: 32).hexString
            == "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f")
    }

    // NIST, SHAKE256_Msg1600.pdf: 200 bytes of 0xA3, more than one 136-byte block (first 32
    // bytes of the output).
    @Test func message1600Bits() {
        #expect(SHAKE256.hash([UInt8](repeating: 0xa3, count: 200), outputByteCount: 32).hexString
            == "cd8a920ed141aa0407a22d59288652e9d9f1a7ee0c1e7c1ca699424da84a904d")
    }

    // "abc" read to 300 bytes, past two squeezed blocks; every shorter length is a prefix.
    @Test func longOutput() {
        let expected = "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd88"
            + "01e751e41385141204f329979fd3047a13c5657724ada64d2470157b3cdc288620944d78dbcddbd912993f0913f164fb2ce95131a2d09a3e6d51cbfc"
            + "622720d7a75c6334e8a2d7ec71a7cc29cf0ea610eeff1a588290a53000faa79932becec0bd3cd0b33a7e5d397fed1ada9442b99903f4dcfd8559ed39"
            + "50faf40fe6f3b5d710ed3b677513771af6bfe11934817e8762d9896ba579d88d84ba7aa3cdc7055f6796f195bd9ae788f2f5bb96100d6bbaff7fbc6e"
            + "ea24d4449a2477d172a5507dcc931412fc346b1bb39b878330e026b12ddf384af3334560ea1d363966caa7d8ddcbec7da52b42215c11d5f8ee57f341"
        let message = Array("abc".utf8)
        #expect(SHAKE256.hash(message, outputByteCount: 300).hexString == expected)
        for length in [0, 1, 114, 135, 136, 137, 272, 273] {
            #expect(SHAKE256.hash(message, outputByteCount: length).hexString == String(expected.prefix(2 * length)))
        }
    }

    // Message lengths around the 136-byte rate; the message is byte i = 7·i + 3 (mod 256).
    @Test(arguments: [
        (1, "db4252337900d8ab7f609d170135d459a6798945d5a574d4a9db7b623c754d07"),
        (135, "0213fc98352f009fafdf8ee1ea36391485a85aa6f6c07a5cd81266d21eb17f9a"),
        (136, "c00f43811e5b4a38e14e3c06d8a5ce34115a19cd604ce5bac6c3823b76046d5c"),
        (137, "3c983983487bcbe74feba53b35bb1e05812379cb4116d9761f78d2ce3177866e"),
        (271, "bcb97927f18cf6a655d69f2eae4345f8899213b35283d8fc5bca40dca12fdc1c"),
        (272, "fbb7df100461f5db3224c3b715603b5a52f92bd0f761d9361d4aa0613d47033b"),
        (273, "d01f8849ec840a934bacdae9e04bde8a676d6fbe4751deb78ac32ba288476271"),
        (1000, "980bf59987a720e516297296f92a27bba960e48a40bd01a0415b2e5dee26313d"),
    ])
    func rateBoundary(length: Int, expected: String) {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: 7 &* $0 &+ 3) }
        #expect(SHAKE256.hash(message, outputByteCount: 32).hexString == expected)
        // Absorbing in two pieces is the same as in one.
        var sponge = SHAKE256()
        sponge.absorb(message.prefix(length / 3))
        sponge.absorb(message.dropFirst(length / 3))
        #expect(sponge.squeeze(outputByteCount: 32).hexString == expected)
    }
}
