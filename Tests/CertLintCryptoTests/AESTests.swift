import Testing
@testable import CertLintCrypto

// Expected values: FIPS 197 Appendix C and NIST SP 800-38A Appendix F.2, cited where used, each
// also re-run with OpenSSL 3.0.19 before it was committed
// (`openssl enc -aes-128-ecb -K KEY -nopad` for Appendix C, `openssl enc -aes-128-cbc -K KEY -iv IV
// -nopad` for F.2); and the `openssl enc` recordings at the end of this file.

@Suite struct AESTests {
    /// The AES variant that takes keys of `count` bytes.
    static func algorithm(forKeyByteCount count: Int) -> BlockCipherAlgorithm {
        switch count {
        case 16: return .aes128
        case 24: return .aes192
        default: return .aes256
        }
    }

    // FIPS 197 Appendix C.1 (AES-128), C.2 (AES-192), C.3 (AES-256): the example vectors, plaintext
    // 00112233445566778899aabbccddeeff under the keys 000102…, decrypted back.
    @Test(arguments: [
        ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
        ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
        ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
    ])
    func fips197AppendixC(key: String, ciphertext: String) throws {
        let key = blockCipherBytes(hex: key)
        let plaintext = try blockCipherDecryptECB(
            blockCipherBytes(hex: ciphertext), key: key, algorithm: Self.algorithm(forKeyByteCount: key.count)
        )
        #expect(plaintext.hexString == "00112233445566778899aabbccddeeff")
    }

    // NIST SP 800-38A Appendix F.2.2 (CBC-AES128.Decrypt), F.2.4 (CBC-AES192.Decrypt) and F.2.6
    // (CBC-AES256.Decrypt): four blocks, IV 000102…0f.
    static let sp80038aPlaintext = """
        6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
        30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
        """

    @Test(arguments: [
        (
            "2b7e151628aed2a6abf7158809cf4f3c",
            "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2 73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"
        ),
        (
            "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
            "4f021db243bc633d7178183a9fa071e8 b4d9ada9ad7dedf4e5e738763f69145a 571b242012fb7ae07fa9baac3df102e0 08b0e27988598881d920a9e64f5615cd"
        ),
        (
            "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d 39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b"
        ),
    ])
    func sp80038aCBCDecrypt(key: String, ciphertext: String) throws {
        let key = blockCipherBytes(hex: key)
        let algorithm = Self.algorithm(forKeyByteCount: key.count)
        let iv = blockCipherBytes(hex: "000102030405060708090a0b0c0d0e0f")
        let ciphertext = blockCipherBytes(hex: ciphertext)
        let expected = blockCipherBytes(hex: Self.sp80038aPlaintext)
        #expect(try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: algorithm, padding: .keep) == expected)

        // Block by block, each chained from the previous ciphertext block, as a reader of a
        // stream would: CBC decryption of block i needs only Cᵢ₋₁.
        var previous = iv
        var pieced: [UInt8] = []
        for start in stride(from: 0, to: ciphertext.count, by: 16) {
            let block = Array(ciphertext[start..<start + 16])
            pieced += try BlockCipher.decryptCBC(block, key: key, iv: previous, algorithm: algorithm, padding: .keep)
            previous = block
        }
        #expect(pieced == expected)

        // A slice (contiguous, offset storage) and a lazy map (not contiguous, copied) read the same.
        let padded = [0xAA] + ciphertext + [0xBB]
        #expect(try BlockCipher.decryptCBC(padded[1..<(padded.count - 1)], key: key[...], iv: iv, algorithm: algorithm, padding: .keep) == expected)
        #expect(try BlockCipher.decryptCBC(ciphertext.lazy.map { $0 }, key: key, iv: iv.lazy.map { $0 }, algorithm: algorithm, padding: .keep) == expected)
    }

    // FIPS 197 §5.1.1: S-box(53) = ed, and Figure 7's first entries; the inverse S-box (Figure 14)
    // undoes it everywhere.
    @Test func substitutionBoxes() {
        #expect(AESTables.sBox[0x53] == 0xed)
        #expect(Array(AESTables.sBox.prefix(4)) == [0x63, 0x7c, 0x77, 0x7b])
        #expect(Array(AESTables.inverseSBox.prefix(4)) == [0x52, 0x09, 0x6a, 0xd5])
        for x in 0..<256 {
            #expect(Int(AESTables.inverseSBox[Int(AESTables.sBox[x])]) == x)
        }
    }

    @Test(arguments: [0, 1, 8, 15, 17, 20, 23, 25, 31, 33, 64])
    func rejectsOtherKeyLengths(keyByteCount: Int) {
        let ciphertext = [UInt8](repeating: 0, count: 32)
        let iv = [UInt8](repeating: 0, count: 16)
        for algorithm in [BlockCipherAlgorithm.aes128, .aes192, .aes256] {
            let key = [UInt8](repeating: 1, count: keyByteCount)
            #expect(blockCipherErrorCode { () throws(CryptoError) in
                try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: algorithm)
            } == .invalidKeyLength)
        }
    }

    // Each AES variant takes exactly its own length: a 16-byte key is not an AES-256 key.
    @Test func keyLengthMustMatchTheVariant() {
        let ciphertext = [UInt8](repeating: 0, count: 32)
        let iv = [UInt8](repeating: 0, count: 16)
        for (algorithm, keyByteCount) in [(BlockCipherAlgorithm.aes128, 24), (.aes192, 32), (.aes256, 16)] {
            let key = [UInt8](repeating: 1, count: keyByteCount)
            #expect(blockCipherErrorCode { () throws(CryptoError) in
                try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: algorithm)
            } == .invalidKeyLength)
        }
        do {
            _ = try BlockCipher.decryptCBC(ciphertext, key: [UInt8](repeating: 1, count: 16), iv: iv, algorithm: .aes256)
            Issue.record("a 16-byte AES-256 key was accepted")
        } catch {
            #expect(error.description == "A key for AES-256 is 32 bytes, not 16.")
        }
    }

    // `openssl enc -e` recordings: random key, IV and plaintext, made with OpenSSL 3.0.19 on the
    // development machine by
    //     key=$(openssl rand -hex 16) iv=$(openssl rand -hex 16); openssl rand N > pt.bin
    //     openssl enc -e -aes-128-cbc -K $key -iv $iv [-nopad] -in pt.bin -out ct.bin
    // (-aes-192-cbc / -aes-256-cbc with 24- / 32-byte keys), each checked to come back with
    // `openssl enc -d` and the same flags. `nopad` lines were made with -nopad; `-` is an empty
    // plaintext. Columns: padding, key, IV, plaintext, ciphertext.
    static let openSSLRecordings = OpenSSLCBCRecording.parse(
        """
        nopad ca103d6b3cc37d4e0cf2e7c690ff5328 1a416bad032a7e1d884ef737eb29760c f8985c3b06a0b10066ac4ca73ff3a7d2 873c70c5e98a063293bc261139366d38
        nopad 73717b98b80bdfa98bdd2f44b7764f90 6dbf75f5e60396bc82b8347211d24865 62424b28d09728966eaef35d5564fdaf69c73df8c571f8488cecd93d35d7f035b06dfd87b8fddd5b29bf9d5f2112b246 902fa35b699d0e185f11242b9f185894002910c0354c64e96b5bf3852cb1001563114ac94b15aef4e3ee6ee5cde2c66a
        pad 41b4f5b328eacd1c8aea88a85abfc94f 678fc936958ece06106557100b56c469 - 21fe2eda5047ff6881ee46eccd4417f1
        pad 54cc8c537faa67b5ab35fc4d3a2abf4b 4779a9487c1253326ca065ff316e685a 04 3b96053b21bb4b2387aa792c003d00ad
        pad 321e8232ef853f9e6b07f1400a5796bc 1f009104e9b90bb224c5f9db2b06b4ae e667618799fb547d769ed04b2fed2d 699a3a3c01c645f87d9e3ff06a2fc595
        pad cad5bfb7e9fb5cc16ce0f7eb5fa57d76 e94be2550b3c5880f6e91a462bf86188 6862945fc78ca87fc8e8b85ff8a4f7b0 b79b3f870bdc48e2144883e9096f2e1d23903d0edc7e467c5e2b9d947314435f
        pad 033f5f519a822d841cfe5fe7e04a778b 5bf2e1957f5ab03af2e691fcce1d6cf9 c8c9b01133a0e4043d1c00274e89766d0f0dd4e46c676af5820f72caf58db5128dcd80 04b4a5c682bde695c48134f114aa79fd3021b64b51a368c82239c01a4a8fb7532675ef20a011cab4393dc074e1bcebe7
        nopad fc5be8a029467312aa726e69c4126c8955bbb901d5a661ae 590515614f7bd9aa9dd70cac733340d2 bdf6df62629d6b94ddefd8c008337dbb f9c9b8772edb1b85536431065654dc32
        nopad 92072ae27d266c09762d40970b34a9dc67acd934ca67c44a 63b8c1359cc7d2372951cca7b4a98c54 5fb75becb4b8698c0ce55802f29fa48ac58446041e10a16424e461bdcf067d1b0e91f57ce8f0b4aef83119ce14eeaccb 001f3330005dc8b0fcfe08ad9f2f1348256332642fc0538b7f438e8a98ef28fe771e4c0446770ffbcb783bab98b4edb4
        pad ac57a33c10c3cb7fdb8cedf8fd2c002e35eb998daebce7ab 44caff4a5a9181e1c2bd0c5e53e05f90 - 4a66fc0689791ebf9fda625cbcb87a43
        pad aa2b561c1f5a6cf6533dbcaa777fbc0303d0961355a6bd1b 23f069742b47fac64d239303da52a85d 28 12c374ab4b807635af445a78b310a6df
        pad 3ae9b049e5019acf50ab9f6a144c0242c1920506683bbd89 61fb932f9845f53766dbbafa109c9d25 958baf659a93d43d3943aa9b55be52 bc93a85080272c666184f73daa539363
        pad 4ea552b01d0fb53f81d2445b0e25510c173c9bb36b8831e3 96904005cab7bfac78e95a9c1d1a3fc8 8002890ba814899f8caca91ed2b4940b ca8d947b627fbc21e5c5dcbdbe3b7faa13644194bdc5769c2544c6e8308f632c
        pad 8c96e0cdbf60adc2609e38a53249e770e7b54656488c07a5 11a0b8ca51eea7beff14af30d432ae65 7181cddfd1838490eb90c4c2ff150e1c631ddf4b98880e24e864d164e5f40585f355f3 dff79fdf168f19f945ecbeb3d79e5f55840cc841c6145f3a9110312209086aedf7c6aa6e4cefb5ec223a9879a0ab4484
        nopad beff925e8b928be6729622fc2fc002b23d42d43d017b2d7a2117f8ecb8a7a7ee 9ad539e92beb77245258d006ecf33d45 d3e2bd1cb13b8626c57903d7e027476b c9c65e5029fd59630ae6aea2e0759d35
        nopad 0ed85173c236ec89e9a813611f7c7f3c10ed3747f61f3645e3c13a23acf83b41 04b6b6cad8c7240779cc0124e8ca2fcd 4b0f7880f99e659ba2cba0618da614dbaacbebef6278fbba144efa2b1635c8f73f215440e4ddbf4403392bb6f79db7ce 911c36d811962f2994e3e7c98d5f0a2078ff0772efff1f05bc748305cc722f31aa20713a44611dd59e46cba4cdd523a1
        pad 1b435f112e31828edf5e6025494667420c075ae3c01a35f46e4dfb8a72a02d30 6dd98bb536a0a74df8302c8277af57ad - 2205fd90f6b28bdbade908c44a5ed12c
        pad 4ca8610ad366d498f4db691e901a417540836b69b6f1511f71d1822a1a248fbf 3e2e3424e8de539a23c25cd11785362b 5f 16ca578c62d0cf8c9d601b2c0886a30e
        pad d171c4032a5b03f60d4528d1ca87c517f0b880a3d4264bcdeff254461cc47596 4c98c4c665df8ec04650e347ff34b1ef 6845173c9d1f493c1c5c4296c99f14 273a7f26be567f56f8d740b8e8582cb5
        pad ac435db94936b4ead72357a25dbe9923c1096c685148113cafcb534c067ecddb 599da062c06f9eaa83710f48f17ba87c 78b9c5de624574549e97eb3d3b6b365b f8d17760d978f489c5d0ad352eaaa42dacece9c85b6e179072e390f1408b568b
        pad 4f49821a8478b520ce96d079ebac43847d0ef0d7f96d4afa364c0a024f530f2c 191ee0b2453f8116e3d8264374f49436 5bfef0374a5f8b0ee301b5bda2ae0939be3c45e231a1b6f1bb6e89d9a7f1e372cf6bfa 6f1c0d71112dfc58705fd934d76cab454345ae6dcf3fdfa43dfd64cf16fa719d17d174802fa3737ac7941afce8d687e6
        """
    )

    @Test(arguments: openSSLRecordings)
    func agreesWithOpenSSL(recording: OpenSSLCBCRecording) throws {
        try expectDecryptsOpenSSLRecording(recording, algorithm: Self.algorithm(forKeyByteCount: recording.key.count))
    }
}
