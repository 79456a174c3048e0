import Testing
@testable import CertLintCrypto

// Expected values: the eight test vectors of RFC 2268 §5, and the `openssl enc` recordings at
// the end of this file. OpenSSL's command line cannot set an arbitrary effective key length, so
// of the RFC vectors only those it can express were re-run with OpenSSL 3.0.19:
// 2 and 3 (`openssl enc -provider legacy -provider default -rc2-64-cbc -K KEY -iv 0000000000000000 -nopad`)
// and 7 (`… -rc2-ecb -K KEY -nopad`); all three agreed.

@Suite struct RC2Tests {
    // RFC 2268 §5: key, effective key bits, plaintext, ciphertext (all eight, in order).
    @Test(arguments: [
        ("0000000000000000", 63, "0000000000000000", "ebb773f993278eff"),
        ("ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49"),
        ("3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2"),
        ("88", 64, "0000000000000000", "61a8a244adacccf0"),
        ("88bca90e90875a", 64, "0000000000000000", "6ccf4308974c267f"),
        ("88bca90e90875a7f0f79c384627bafb2", 64, "0000000000000000", "1a807d272bbe5db1"),
        ("88bca90e90875a7f0f79c384627bafb2", 128, "0000000000000000", "2269552ab0f85ca6"),
        ("88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e", 129, "0000000000000000", "5b78d3a43dfff1f1"),
    ])
    func rfc2268(key: String, effectiveKeyBits: Int, plaintext: String, ciphertext: String) throws {
        let decrypted = try blockCipherDecryptECB(
            blockCipherBytes(hex: ciphertext), key: blockCipherBytes(hex: key), algorithm: .rc2(effectiveKeyBits: effectiveKeyBits)
        )
        #expect(decrypted.hexString == plaintext)
    }

    // RFC 2268 §2: PITABLE is a permutation of 0…255.
    @Test func piTableIsAPermutation() {
        #expect(Set(RC2Decryptor.piTable).count == 256)
        #expect(RC2Decryptor.piTable.count == 256)
    }

    // The whole range of effective key bits and key lengths is accepted, and nothing outside it.
    @Test func effectiveKeyBitsRange() {
        let block = [UInt8](repeating: 0x42, count: 8)
        let iv = [UInt8](repeating: 0, count: 8)
        for bits in [1, 7, 8, 9, 40, 64, 127, 128, 129, 1023, 1024] {
            for keyByteCount in [1, 5, 16, 128] {
                let key = [UInt8](repeating: 0xa5, count: keyByteCount)
                #expect(blockCipherErrorCode { () throws(CryptoError) in
                    try BlockCipher.decryptCBC(block, key: key, iv: iv, algorithm: .rc2(effectiveKeyBits: bits), padding: .keep)
                } == nil)
            }
        }
        for bits in [Int.min, -1, 0, 1025, Int.max] {
            #expect(blockCipherErrorCode { () throws(CryptoError) in
                try BlockCipher.decryptCBC(block, key: [1, 2, 3, 4, 5], iv: iv, algorithm: .rc2(effectiveKeyBits: bits), padding: .keep)
            } == .invalidEffectiveKeyBits)
        }
        for keyByteCount in [0, 129, 256] {
            let key = [UInt8](repeating: 0xa5, count: keyByteCount)
            #expect(blockCipherErrorCode { () throws(CryptoError) in
                try BlockCipher.decryptCBC(block, key: key, iv: iv, algorithm: .rc2(effectiveKeyBits: 128), padding: .keep)
            } == .invalidKeyLength)
        }
    }

    // `openssl enc -e` recordings: random key, IV and plaintext, made with OpenSSL 3.0.19 on the
    // development machine by
    //     key=$(openssl rand -hex 5) iv=$(openssl rand -hex 8); openssl rand N > pt.bin
    //     openssl enc -e -provider legacy -provider default -rc2-40-cbc -K $key -iv $iv [-nopad] -in pt.bin -out ct.bin
    // (5-byte key, 40 effective bits: PKCS #12's pbeWithSHAAnd40BitRC2-CBC), each checked to come
    // back with `openssl enc -d -provider legacy -provider default -rc2-40-cbc` and the same
    // flags. `nopad` lines were made with -nopad; `-` is an empty plaintext. Columns: padding,
    // key, IV, plaintext, ciphertext.
    static let openSSLRecordings40 = OpenSSLCBCRecording.parse(
        """
        nopad 8f746e002d 1733cc3db0d2d5eb 65e10b83ef2ba703 66117da0371431bd
        nopad 274ca183c1 a0a4e0c1d0787925 2d01cc3cfe109570ea2a639caf847422fa089f9a45709a2e 3cefd9cbe3d6575f4c35e5d9df85dd0d55121530ba2c7d99
        pad e4c6591e37 9316872108868b1f - 0ecadbdf485055bd
        pad 07e23ad77b bb46caf203469278 43 c4a414e4a425f20a
        pad e18327aeb7 f04f707321bba5e2 72802c536e0e77 e62604c9e696eeb5
        pad 15f9aee4d0 1bb4f089db19c100 aeb4df7d45db7f8f c8e906571c552242393847917e57effc
        pad 342b91c167 71ddfb313f1ce7bc 678d0ba672a4a02db08a475af4b8bacdb332f8 d449312271f00814ce76630b88659d23e0568fc8ae0411bc
        """
    )

    // As above with `-rc2-cbc` and `openssl rand -hex 16`: a 16-byte key at 128 effective bits,
    // PKCS #12's pbeWithSHAAnd128BitRC2-CBC.
    static let openSSLRecordings128 = OpenSSLCBCRecording.parse(
        """
        nopad b34d11b17b436fb7071f476e767f25a0 dbdba749f396d8e8 95c25db4d45bb5fb 54ce999a75e46a8d
        nopad 2890ec527fff71f36fdf331cdec76b2a 82b596d608de348b 34cfb2024c4b9d357718984380c206942747bb12ac3fbcff 6712123a735613421383bbc90dc9edcbce43dff9b70d8920
        pad 57ccd4cec078d90757166a50811755a8 c0fe1d5824d380f2 - a91fec099e657d4d
        pad fa2ea909a647e07a3801c85f4b992db8 d647921fdbc3ba80 c5 820b8c1eae779da4
        pad 31d201678559b208aae8a497460a4452 892496aad8ca814b ba38eb9e2fe049 716e000e596bf4b7
        pad 5b3ff20f2d1214d3c82bf26861dd3c5d 76f81b7508b08061 c4fe51aa72f63617 086d1d8aee66ede0c0e9ec1b08ed38a6
        pad c0de6b3d85c0bf23987f9098dcfce30d ea431ff529d95446 ef6034b4aa40e484a576abbcdd51245cb75237 b6f415f799cf41241e093ae47014152d6982da975662de18
        """
    )

    @Test(arguments: openSSLRecordings40)
    func agreesWithOpenSSL40Bit(recording: OpenSSLCBCRecording) throws {
        try expectDecryptsOpenSSLRecording(recording, algorithm: .rc2(effectiveKeyBits: 40))
    }

    @Test(arguments: openSSLRecordings128)
    func agreesWithOpenSSL128Bit(recording: OpenSSLCBCRecording) throws {
        try expectDecryptsOpenSSLRecording(recording, algorithm: .rc2(effectiveKeyBits: 128))
    }
}
