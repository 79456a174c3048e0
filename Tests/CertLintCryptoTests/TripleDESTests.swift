import Testing
@testable import CertLintCrypto

// Expected values: published known-answer vectors, cited where used, every one re-run with
// OpenSSL 3.0.19 before it was committed (`openssl enc -des-ede3-ecb -K K1K2K3 -nopad`, and for the
// single-DES ones also `openssl enc -provider legacy -provider default -des-ecb -K KEY -nopad`);
// and the `openssl enc` recordings at the end of this file.

@Suite struct TripleDESTests {
    // NIST SP 800-67 (Rev. 1, Appendix B) example: K1 = 0123456789ABCDEF, K2 = 23456789ABCDEF01,
    // K3 = 456789ABCDEF0123, three ECB blocks of "The qufck brown fox jump" (sic).
    @Test func sp80067Example() throws {
        let key = blockCipherBytes(hex: "0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123")
        let ciphertext = blockCipherBytes(hex: "A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900")
        let plaintext = try blockCipherDecryptECB(ciphertext, key: key, algorithm: .desEDE3)
        #expect(plaintext == Array("The qufck brown fox jump".utf8))
        #expect(plaintext.hexString == "54686520717566636b2062726f776e20666f78206a756d70")
    }

    // Single-DES known-answer vectors run as EDE with K1 = K2 = K3, where E_K(D_K(E_K(x))) = E_K(x).
    // Rows 1–19: the DES ECB vectors of Eric Young's libdes, kept in OpenSSL's test/destest.c
    // (key_data / plain_data / cipher_data, first 19 rows minus the repeated all-zero one).
    // 133457799BBCDFF1: the worked example in J. O. Grabbe, "The DES Algorithm Illustrated".
    // 0101…01 / 8000…00 and 8001…01 / 0000…00: the first entries of the variable-plaintext and
    // variable-key known-answer tests of NIST SP 800-17 (repeated for TDEA in SP 800-20).
    static let singleDESVectors = """
        0000000000000000 0000000000000000 8CA64DE9C1B123A7
        FFFFFFFFFFFFFFFF FFFFFFFFFFFFFFFF 7359B2163E4EDC58
        3000000000000000 1000000000000001 958E6E627A05557B
        1111111111111111 1111111111111111 F40379AB9E0EC533
        0123456789ABCDEF 1111111111111111 17668DFC7292532D
        1111111111111111 0123456789ABCDEF 8A5AE1F81AB8F2DD
        FEDCBA9876543210 0123456789ABCDEF ED39D950FA74BCC4
        7CA110454A1A6E57 01A1D6D039776742 690F5B0D9A26939B
        0131D9619DC1376E 5CD54CA83DEF57DA 7A389D10354BD271
        07A1133E4A0B2686 0248D43806F67172 868EBB51CAB4599A
        3849674C2602319E 51454B582DDF440A 7178876E01F19B2A
        04B915BA43FEB5B6 42FD443059577FA2 AF37FB421F8C4095
        0113B970FD34F2CE 059B5E0851CF143A 86A560F10EC6D85B
        0170F175468FB5E6 0756D8E0774761D2 0CD3DA020021DC09
        43297FAD38E373FE 762514B829BF486A EA676B2CB7DB2B7A
        07A7137045DA2A16 3BDD119049372802 DFD64A815CAF1A0F
        04689104C2FD3B2F 26955F6835AF609A 5C513C9C4886C088
        37D06BB516CB7546 164D5E404F275232 0A2AEEAE3FF4AB77
        1F08260D1AC2465E 6B056E18759F5CCA EF1BF03E5DFA575A
        133457799BBCDFF1 0123456789ABCDEF 85E813540F0AB405
        0101010101010101 8000000000000000 95F8A5E5DD31D900
        8001010101010101 0000000000000000 95A8D72813DAA94D
        """

    @Test func singleDESKnownAnswersWithThreeEqualKeys() throws {
        for line in Self.singleDESVectors.split(separator: "\n") {
            let fields = line.split(separator: " ").map { blockCipherBytes(hex: String($0)) }
            let (key, plaintext, ciphertext) = (fields[0], fields[1], fields[2])
            #expect(try blockCipherDecryptECB(ciphertext, key: key + key + key, algorithm: .desEDE3) == plaintext, "key \(key.hexString)")
        }
    }

    // Two-key EDE (K3 = K1): OpenSSL test/destest.c cipher_ecb2, rows 1–3, where
    // K1 = key_data[i], K2 = key_data[i + 1] and the plaintext is plain_data[i].
    @Test(arguments: [
        ("0000000000000000", "FFFFFFFFFFFFFFFF", "0000000000000000", "9295B59BB384736E"),
        ("FFFFFFFFFFFFFFFF", "3000000000000000", "FFFFFFFFFFFFFFFF", "199E9D6DF39AA816"),
        ("3000000000000000", "1111111111111111", "1000000000000001", "2A4B4D2452438427"),
    ])
    func twoKeyKnownAnswers(k1: String, k2: String, plaintext: String, ciphertext: String) throws {
        let key = blockCipherBytes(hex: k1 + k2 + k1)
        #expect(try blockCipherDecryptECB(blockCipherBytes(hex: ciphertext), key: key, algorithm: .desEDE3) == blockCipherBytes(hex: plaintext))
    }

    // Three distinct keys in CBC mode: OpenSSL test/destest.c test_ede_cbc, keys cbc_key,
    // cbc2_key, cbc3_key, IV cbc_iv, expected cbc3_ok; the plaintext is "7654321 Now is the time
    // for " and a NUL, zero-filled to 32 bytes. Also checked with
    //     openssl enc -d -des-ede3-cbc -K 0123456789abcdeff1e0d3c2b5a49786fedcba9876543210 -iv fedcba9876543210 -nopad
    @Test func openSSLDestestEDE3CBC() throws {
        let key = blockCipherBytes(hex: "0123456789abcdef f1e0d3c2b5a49786 fedcba9876543210")
        let iv = blockCipherBytes(hex: "fedcba9876543210")
        let ciphertext = blockCipherBytes(hex: "3FE301C962AC01D0 2213763C1CBD4CDC 799657C064ECF5D4 1C673812CFDE9675")
        let plaintext = try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: .desEDE3, padding: .keep)
        #expect(plaintext == Array("7654321 Now is the time for ".utf8) + [0, 0, 0, 0])
    }

    // FIPS 46-3: IP⁻¹ undoes IP, and the key schedule of an all-zero key is all zero (every
    // round key is a selection of zero bits), of 0101…01 likewise (only parity bits are set).
    @Test func tablesAndKeySchedule() {
        for x in [UInt64(0x0123_4567_89ab_cdef), 0x8000_0000_0000_0001, 0xffff_0000_ffff_0000] {
            let permuted = DESTables.permute(x, width: 64, by: DESTables.initialPermutation)
            #expect(DESTables.permute(permuted, width: 64, by: DESTables.finalPermutation) == x)
        }
        #expect(TripleDESDecryptor.roundKeys(forDESKey: [0, 0, 0, 0, 0, 0, 0, 0][...]).allSatisfy { $0 == 0 })
        #expect(TripleDESDecryptor.roundKeys(forDESKey: [1, 1, 1, 1, 1, 1, 1, 1][...]).allSatisfy { $0 == 0 })
    }

    @Test(arguments: [0, 1, 7, 8, 16, 23, 25, 32])
    func rejectsOtherKeyLengths(keyByteCount: Int) {
        let key = [UInt8](repeating: 0x5a, count: keyByteCount)
        #expect(blockCipherErrorCode { () throws(CryptoError) in
            try BlockCipher.decryptCBC([UInt8](repeating: 0, count: 16), key: key, iv: [UInt8](repeating: 0, count: 8), algorithm: .desEDE3)
        } == .invalidKeyLength)
    }

    // `openssl enc -e` recordings: random key, IV and plaintext, made with OpenSSL 3.0.19 on the
    // development machine by
    //     key=$(openssl rand -hex 24) iv=$(openssl rand -hex 8); openssl rand N > pt.bin
    //     openssl enc -e -des-ede3-cbc -K $key -iv $iv [-nopad] -in pt.bin -out ct.bin
    // each checked to come back with `openssl enc -d -des-ede3-cbc` and the same flags. `nopad`
    // lines were made with -nopad; `-` is an empty plaintext. Columns: padding, key, IV,
    // plaintext, ciphertext.
    static let openSSLRecordings = OpenSSLCBCRecording.parse(
        """
        nopad f9482ff6a4b3ca6b646f944a4abe00d9819ea8d87062122d 0d1ad3f579b5f7a6 d4e05c01134a6165 894212315ba3b1d3
        nopad 607019a7d2c478a81d7ff322c5182e36a10e2bf553903019 5a52ee913c73e7a0 2c209e31fcdbd31817233e068ae963e39ec63032e1e5bd19 d3881b10441624536f27f628838f0030e3e20e34a9e17889
        pad 35747d4f4a7a9fb868fb0db5f6ed09ac50dd8e2da9c55f64 d0cd5ce27276cccb - 8d754d4267214ff7
        pad 6e43e2073e03374a201be751806e5eef3bb5c0c563cba8cb 2fef032d1486f36b b5 8ea047deab019d81
        pad 75de258930b34ba727502738d89d43ab7df06744361351d9 0d6ce7a9f2bcab48 309a7c1595d3e6 d06042a003c2f505
        pad 967249c81cd383c268011050b78834df7579f5fc4d637a70 fffefdf51724426f 6bf8487387f77e01 5a7341b84ddbf010d5996c2f64fdeb69
        pad 62ac8afb0f10f784d666ef1662e531c036a99d9c3293be68 fddafa6bd322ced1 97e5f2dedbcb74f8fd57980832397d397e0b02 35d679f046212018a33e93e5c2f1776d377783f55197dd92
        """
    )

    @Test(arguments: openSSLRecordings)
    func agreesWithOpenSSL(recording: OpenSSLCBCRecording) throws {
        try expectDecryptsOpenSSLRecording(recording, algorithm: .desEDE3)
    }
}
