import Testing
@testable import CertLintCrypto

// Expected digests: the NIST vectors are cited where they are used. Every expected value in this
// file, NIST's included, was also recomputed with Python's hashlib
// (`python3 -c 'import hashlib; print(hashlib.sha512(MESSAGE).hexdigest())'`, and `sha384`).
// `patternMessage` and `digestInChunks` live in SHA256Tests.swift.

@Suite struct SHA512Tests {
    // NIST, "Examples with Intermediate Values" for FIPS 180-4, SHA512.pdf: one-block message "abc".
    @Test func abc() {
        #expect(SHA512.hash(Array("abc".utf8)).hexString
            == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
    }

    // NIST CAVP SHAVS byte-oriented vectors, SHA512ShortMsg.rsp, Len = 0.
    @Test func emptyMessage() {
        #expect(SHA512.hash([UInt8]()).hexString
            == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
        #expect(SHA512().finalize() == SHA512.hash([UInt8]()))
    }

    // The 448-bit message of NIST's SHA-1/SHA-256 examples, hashed with SHA-512; value from hashlib.
    @Test func message448Bits() {
        #expect(SHA512.hash(Array(nist448BitMessage.utf8)).hexString
            == "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
            + "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445")
    }

    // NIST, "Examples with Intermediate Values", SHA512.pdf: the two-block 896-bit message.
    @Test func twoBlockMessage896Bits() {
        #expect(SHA512.hash(Array(nist896BitMessage.utf8)).hexString
            == "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
            + "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
    }

    // FIPS 180-2 Appendix C.3 (and RFC 6234 §8.5 TEST3): one million repetitions of "a".
    @Test func millionA() {
        let expected = "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
            + "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
        #expect(SHA512.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString == expected)
        #expect(SHA512.hash(repeatElement(UInt8(0x61), count: 1_000_000)).hexString == expected)
    }

    // Lengths around the padding boundaries: 111 bytes leave room for the 0x80 and the 16-byte
    // length in one 128-byte block, 112 do not. Values from hashlib over patternMessage(n).
    @Test(arguments: [
        (0, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        (1, "365d11a1dfe610b60efa996136d37ab8afd2715b8c6bc2850dc5e6005b702bb9f59b0f306ecb2c43ee44c429967d45843524eb2f7c16aab9bde142ee268b51c6"),
        (55, "330eb5e81b4d722cae1e0efbf883efb180c3e346d2b3b797dafc90409583ed35af65dc2d7974a353f0c21663e196b60d3ee5a2c70c50b7b3bccdb93a5dbce6bf"),
        (56, "1b5b63bfd5420b2dc480abce3dbdb3e19e5f9d4fabffba7764883937eaae878a55362c938c141712c44c3076c3fabb2c60814c2994c311c33049a8d6de2a8898"),
        (57, "909cad7c59ce1bf85c5f52fa6ad3104cddccce5e380453f124c6a3c570c421dc6a6160c4d42abb0cf71f735bd81cbbe08355b400961361f5050f3fab673aa418"),
        (63, "b16f76c30db64b5ee1ef166d2d37e13ff6cee9fd88bae9ba283cd58e0a2133b220a76db56279406461f84ce2cffd1d116d38fd9f38fc5df18770a987ff695499"),
        (64, "4c7aba3659929c4fd87604c532a3b5f174d0626b2d661dbbbfac76c97a49a5a7789d2c68324c754f66bf629fa72054f334feaad8b1cf4c885ae03a1e634afc18"),
        (65, "31ad8ce60482e91ec7f83455c280f2dbb4940a400795ae90815bc86891210ebe07b51995eb2d123d6a55a79a998e20cc07716aea7848f6c955b4a4bf14ad0b0a"),
        (111, "da780d8338a8a920ceb6892cb4ecbb0cc0c66956269aadd5dd0f48790a00857bd975890f3b2955a317738cc7a770820c29f922ffbc22020f1909d594cc987d1b"),
        (112, "053182f7fa4e59f8636e415a77ed4fdc650f0a43834c9d35adf899599c3ab9c4153f02ff50bd01888060cd36a6fa12d9db242fc35164c80135613514186d5843"),
        (113, "766fea2f90094ecec1166ea4d6e9ddc6ae6fbe4a060e049300ecbe631a7d6547409b6ac39865409e6dd5dada112955fddf32698feb98806c1910f446ac5af7e3"),
        (119, "c6203c98db894a187e332570d8b0c317766be115afc7afa530e00ef42f2aa7492a7a4bba9b81762cf2a635c9bd22bde8fd85868d1214e48ae057cd7b69fdd7ff"),
        (120, "f138c42e1f58da8b1e7a14810a424cbe8b1baa4976b7853f4c9a856609fea684a6e9ee070abe81b88f3289b6711687eb751da453942e4eb6e5609212e8b08739"),
        (127, "a7a75593826fd37d4e60f6101eabb9f8ab1cf4d5319ebc805266d5da8deb5097de1a235fc5d9d3d73c50ac100ffc75089fb454674ab61232091bd19cbdc67396"),
        (128, "df007a08f3aaae47e0c92ef840ecd43645ae6098c819f2a4a66174ef1cd49e5c6dfccf0616895e570b7564af641de5863dff9f89c752913d30cf0ecf678e1635"),
        (129, "a10ea769b79831bca33e9efb29fc501ded6e9c88885d079acb76eecaa8ac58d68bdc7e00103053e1519352c0d064c87accc3d553a6039decc2c4f1e7667eef79"),
        (255, "ac1ecd53106f3dfba66b7b3fcac37652aad2aad2a291c354eaca03928e74853d53c0e8c7f2fa05025efdb262fd4b51103747d3dafd53e1feefc590bf2617b30a"),
        (256, "7629794792236644c8c5792257d9a64320b887aae34806f9bc3713c494ea7f17602e0a9a9009b1e69b31d189d89a4f599dd30891fa04a1668ff31e30d0719df4"),
    ])
    func paddingBoundary(length: Int, expected: String) {
        let message = patternMessage(count: length)
        #expect(SHA512.hash(message).hexString == expected)
        #expect(digestInChunks(SHA512.self, message, chunkSizes: [1]).hexString == expected)
    }

    // patternMessage(count: 3000) from hashlib.
    static let pattern3000Digest = "230a919a322fbb970f6fc511dc9a338c04a81538b1e83dd3913afe08c1a06b00"
        + "7d22ec1e7a175131f52d4607041739805dadfc125fde0693b477fd12a1b65057"

    @Test(arguments: [1, 2, 3, 7, 63, 64, 65, 111, 112, 127, 128, 129, 1000, 2999, 3000, 4096])
    func streamingMatchesOneShot(chunkSize: Int) {
        let message = patternMessage(count: 3000)
        #expect(SHA512.hash(message).hexString == Self.pattern3000Digest)
        #expect(digestInChunks(SHA512.self, message, chunkSizes: [chunkSize]).hexString == Self.pattern3000Digest)
    }

    @Test func streamingWithIrregularAndEmptyChunks() {
        let message = patternMessage(count: 3000)
        let irregular = digestInChunks(SHA512.self, message, chunkSizes: [0, 1, 126, 0, 128, 129, 3, 256, 200, 0, 5])
        #expect(irregular.hexString == Self.pattern3000Digest)
    }

    @Test func finalizeLeavesTheHasherUsable() {
        let message = patternMessage(count: 300)
        var hasher = SHA512()
        hasher.update(message[..<150])
        #expect(hasher.finalize() == SHA512.hash(message[..<150]))
        hasher.update(message[150...])
        #expect(hasher.finalize() == SHA512.hash(message))
    }

    @Test func sizes() {
        #expect(SHA512.digestByteCount == 64)
        #expect(SHA512.blockByteCount == 128)
        #expect(SHA512.hash([UInt8]()).count == 64)
    }
}

@Suite struct SHA384Tests {
    // NIST, "Examples with Intermediate Values" for FIPS 180-4, SHA384.pdf: one-block message "abc".
    @Test func abc() {
        #expect(SHA384.hash(Array("abc".utf8)).hexString
            == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
            + "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
    }

    // NIST CAVP SHAVS byte-oriented vectors, SHA384ShortMsg.rsp, Len = 0.
    @Test func emptyMessage() {
        #expect(SHA384.hash([UInt8]()).hexString
            == "38b060a751ac96384cd9327eb1b1e36a21fdb71114be0743"
            + "4c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
    }

    // The 448-bit message of NIST's SHA-1/SHA-256 examples, hashed with SHA-384; value from hashlib.
    @Test func message448Bits() {
        #expect(SHA384.hash(Array(nist448BitMessage.utf8)).hexString
            == "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05ab"
            + "fe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b")
    }

    // NIST, "Examples with Intermediate Values", SHA384.pdf: the two-block 896-bit message.
    @Test func twoBlockMessage896Bits() {
        #expect(SHA384.hash(Array(nist896BitMessage.utf8)).hexString
            == "09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
            + "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039")
    }

    // FIPS 180-2 Appendix D.3 (and RFC 6234 §8.5 TEST3): one million repetitions of "a".
    @Test func millionA() {
        let expected = "9d0e1809716474cb086e834e310a4a1ced149e9c00f24852"
            + "7972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985"
        #expect(SHA384.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString == expected)
    }

    // Lengths around the padding boundaries; values from hashlib over patternMessage(n).
    @Test(arguments: [
        (0, "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
        (1, "f12be95011fa37de81bf76bee4e73a992f431a7c69b60d2495c7383ae0545569842a0c019d89c208ae48f843562b56ff"),
        (55, "c3fc2efb3f7f03957fed594638fc1a9e5b790844913e7fd43ad29a26bd5e5aaf494a137cc3f282d73e778d77d3c1c036"),
        (56, "29d62ede666ed78653a8f02f92eb8a02b4b627d15f0e6d61291f63b0ec159586316fbe3f2450d01c82d86e52ae754483"),
        (57, "f7db52ed07c2679044cee4a215e70c297be5e66bf91ad434b413e1db829b35495116027c13ef994460e046e6f955b53e"),
        (63, "cd8621421f3eca8f41d9d35b21009846018e276278195798fb84e46700baddd94dd0ae8e8230d1f3bac66997fb62a369"),
        (64, "5a7c058de8f3c7e5eb66aca0f99b51860f936baca131c77d90de19fa1bbf7c208408b6dbe4354a9b279ef4eab09acd6e"),
        (65, "d4209320edae695766368cc942300d25931a7695a9af8885e950e1757d66da8ae1eb51a4ffb13b49745204ca84a1b217"),
        (111, "5922d169e553267e1846ae2128a026407faf487dab98dfb383e751d3846f82f6edbe70b48b6202327516159d340c56a9"),
        (112, "b42aff1d6d298152801480cb2b5851c32afe5e5fbae583b0a9b52fe955440c3f276fd812c0f4439cf94c3f9e03068a21"),
        (113, "8cb479a9a1e2abe9e271a31f09534a46ea438842744703904558ca5849e7dc5ee7b62594e008962e4dac5da8b746bed6"),
        (119, "1a2bd69d2b680db1d83eb9b0c9ecf947c3fe4792965833e3de4785dabcddd726d997be6cc0abedb7b6d3455ccb936596"),
        (120, "7f33a13dc302aa532d01170692b78535d5c846eb9543de7a8d13a97054ddb7357abc5edf28eb6d0321634b81253df229"),
        (127, "e0cc0da38b3a32572851d199e9e485afe1e62f5c24ac1c7f0b6680a1ea9febbe49d02923617d02074dd2ad70b5671389"),
        (128, "95ab88109cbf117548a8ad35909ffefa175d06a9c42614b9d359548cff5d550b30affb36ff638cd32aa5f5409066c68a"),
        (129, "1d0599fa8c2d4e8d626778051da62b78a0ecc76cbfdc5687302048373d1f8a5e772f19aeaf7be25f68e0ccf4f0b7f8a8"),
        (255, "8d67a20eb619e87bd1083a1b616eb5406d77c8fc2b0894b7082e316d67e5b4d48fb45d3ca824fd204a8d47896a95368f"),
        (256, "1309811305efc73654ede73c40aaff0f19353c321689dcbb04138ab3fff3a6eabbc5a65af08da09fe44766d9e223826e"),
    ])
    func paddingBoundary(length: Int, expected: String) {
        let message = patternMessage(count: length)
        #expect(SHA384.hash(message).hexString == expected)
        #expect(digestInChunks(SHA384.self, message, chunkSizes: [1]).hexString == expected)
    }

    // patternMessage(count: 3000) from hashlib.
    static let pattern3000Digest = "a957e6e1465eda230bba5dc4327421cf2d29d40651933d94"
        + "3334064cb9eb4578fa40c62e7b608ae75fd71dadfacf2a2b"

    @Test(arguments: [1, 63, 111, 112, 127, 128, 129, 1000])
    func streamingMatchesOneShot(chunkSize: Int) {
        let message = patternMessage(count: 3000)
        #expect(SHA384.hash(message).hexString == Self.pattern3000Digest)
        #expect(digestInChunks(SHA384.self, message, chunkSizes: [chunkSize]).hexString == Self.pattern3000Digest)
    }

    @Test func sizes() {
        #expect(SHA384.digestByteCount == 48)
        #expect(SHA384.blockByteCount == 128)
        #expect(SHA384.hash([UInt8]()).count == 48)
    }
}
