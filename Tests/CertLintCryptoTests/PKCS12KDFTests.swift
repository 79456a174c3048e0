import Testing
@testable import CertLintCrypto

// RFC 7292 Appendix B.2 has no test vectors of its own. The published ones used here:
// - Dr S. Henson's test.txt (http://www.drh-consultancy.demon.co.uk/test.txt, the vectors
//   Bouncy Castle's Pkcs12Test and many other libraries carry): SHA-1, passwords "smeg" and
//   "queeg", IDs 1, 2, 3, 1 and 1000 iterations.
// - golang.org/x/crypto/pkcs12 pbkdf_test.go: "sesame" at 2048 iterations, and an empty
//   password whose intermediate I_j gets a leading zero byte.
// Every one of them, and every other value in this file, was produced or checked with
// OpenSSL 3.0.19's PKCS12KDF, with the exact command next to it. OpenSSL's `pass:` option
// passes the password bytes as they are (EVP_KDF-PKCS12KDF(7): "simply treated as a byte
// sequence"), so the commands give the BMPString with `hexpass:`, computed by
// `python3 -c 'print((PASSWORD.encode("utf-16-be") + b"\0\0").hex())'`. That `openssl pkcs12
// -export -passout pass:PASSWORD` uses the same form (UTF-16BE, surrogate pairs beyond the
// BMP, two zero bytes; "" as just the two zero bytes) was checked by recomputing the MacData
// HMAC of files it wrote for "", "changeit", "Pässwörd€" and "🔑sesame", SHA-1 and SHA-256.

/// One PKCS #12 KDF case.
struct PKCS12KDFTestCase: Sendable, CustomTestStringConvertible {
    let hash: DigestAlgorithm
    /// The password bytes as given to the KDF (already BMPString, or empty for a null password).
    let password: [UInt8]
    let saltHex: String
    let iterations: Int
    let purpose: PKCS12KDF.Purpose
    let keyByteCount: Int
    let expected: String

    init(
        _ hash: DigestAlgorithm, password: [UInt8], salt: String, iterations: Int, id purpose: PKCS12KDF.Purpose,
        keyByteCount: Int, _ expected: String
    ) {
        self.hash = hash
        self.password = password
        self.saltHex = salt
        self.iterations = iterations
        self.purpose = purpose
        self.keyByteCount = keyByteCount
        self.expected = expected
    }

    var testDescription: String {
        "\(hash.rawValue) id \(purpose.rawValue) r=\(iterations) n=\(keyByteCount) salt \(saltHex)"
    }
}

/// `PKCS12KDF.bmpPassword(_:)`, shortened for the tables below.
private func bmp(_ password: String) -> [UInt8] {
    PKCS12KDF.bmpPassword(password)
}

@Suite struct PKCS12KDFTests {
    static let published: [PKCS12KDFTestCase] = [
        // Henson test set 1, "smeg".
        // openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:0073006D006500670000 -kdfopt hexsalt:0A58CF64530D823F -kdfopt iter:1 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("smeg"), salt: "0A58CF64530D823F", iterations: 1, id: .encryptionKey, keyByteCount: 24,
            "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"
        ),
        // openssl kdf -keylen 8 -kdfopt digest:SHA1 -kdfopt hexpass:0073006D006500670000 -kdfopt hexsalt:0A58CF64530D823F -kdfopt iter:1 -kdfopt id:2 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("smeg"), salt: "0A58CF64530D823F", iterations: 1, id: .initializationVector,
            keyByteCount: 8, "79993dfe048d3b76"
        ),
        // openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:0073006D006500670000 -kdfopt hexsalt:642B99AB44FB4B1F -kdfopt iter:1 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("smeg"), salt: "642B99AB44FB4B1F", iterations: 1, id: .encryptionKey, keyByteCount: 24,
            "f3a95fec48d7711e985cfe67908c5ab79fa3d7c5caa5d966"
        ),
        // openssl kdf -keylen 8 -kdfopt digest:SHA1 -kdfopt hexpass:0073006D006500670000 -kdfopt hexsalt:642B99AB44FB4B1F -kdfopt iter:1 -kdfopt id:2 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("smeg"), salt: "642B99AB44FB4B1F", iterations: 1, id: .initializationVector,
            keyByteCount: 8, "c0a38d64a79bea1d"
        ),
        // openssl kdf -keylen 20 -kdfopt digest:SHA1 -kdfopt hexpass:0073006D006500670000 -kdfopt hexsalt:3D83C0E4546AC140 -kdfopt iter:1 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("smeg"), salt: "3D83C0E4546AC140", iterations: 1, id: .macKey, keyByteCount: 20,
            "8d967d88f6caa9d714800ab3d48051d63f73a312"
        ),
        // Henson test set 2, "queeg".
        // openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:05DEC959ACFF72F7 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("queeg"), salt: "05DEC959ACFF72F7", iterations: 1000, id: .encryptionKey,
            keyByteCount: 24, "ed2034e36328830ff09df1e1a07dd357185dac0d4f9eb3d4"
        ),
        // openssl kdf -keylen 8 -kdfopt digest:SHA1 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:05DEC959ACFF72F7 -kdfopt iter:1000 -kdfopt id:2 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("queeg"), salt: "05DEC959ACFF72F7", iterations: 1000, id: .initializationVector,
            keyByteCount: 8, "11dedad7758d4860"
        ),
        // openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:1682C0FC5B3F7EC5 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("queeg"), salt: "1682C0FC5B3F7EC5", iterations: 1000, id: .encryptionKey,
            keyByteCount: 24, "483dd6e919d7de2e8e648ba8f862f3fbfbdc2bcb2c02957f"
        ),
        // openssl kdf -keylen 8 -kdfopt digest:SHA1 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:1682C0FC5B3F7EC5 -kdfopt iter:1000 -kdfopt id:2 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("queeg"), salt: "1682C0FC5B3F7EC5", iterations: 1000, id: .initializationVector,
            keyByteCount: 8, "9d461d1b00355c50"
        ),
        // openssl kdf -keylen 20 -kdfopt digest:SHA1 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:263216FCC2FAB31C -kdfopt iter:1000 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("queeg"), salt: "263216FCC2FAB31C", iterations: 1000, id: .macKey, keyByteCount: 20,
            "5ec4c7a80df652294c3925b6489a7ab857c83476"
        ),
        // Go, TestThatPBKDFWorksCorrectlyForLongKeys: "sesame", 3DES key.
        // openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:0073006500730061006D00650000 -kdfopt hexsalt:FFFFFFFFFFFFFFFF -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("sesame"), salt: "FFFFFFFFFFFFFFFF", iterations: 2048, id: .encryptionKey,
            keyByteCount: 24, "7cd9fd3e2b3be7691a44e3bef0f9ea0fb9b897d4e325d9d1"
        ),
        // Go, TestThatPBKDFHandlesLeadingZeros: the empty password (BMPString 00 00).
        // openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:0000 -kdfopt hexsalt:F37E05B518324B4B -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: [0, 0], salt: "F37E05B518324B4B", iterations: 2048, id: .encryptionKey, keyByteCount: 24,
            "00f759ff47d14dd03665d5943cb3c4a39a2555c02aed66e1"
        ),
    ]

    @Test(arguments: published)
    func publishedVectors(testCase: PKCS12KDFTestCase) throws {
        try check(testCase)
    }

    // Parameters chosen here, values from OpenSSL only (no published vector covers SHA-256).
    static let openSSLOnly: [PKCS12KDFTestCase] = [
        // SHA-1: 40- and 128-bit RC2 keys, 3DES IV, MAC key, a 32-byte key (two SHA-1 blocks).
        // openssl kdf -keylen 5 -kdfopt digest:SHA1 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 2048, id: .encryptionKey,
            keyByteCount: 5, "e1c9001cc5"
        ),
        // openssl kdf -keylen 16 -kdfopt digest:SHA1 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 2048, id: .encryptionKey,
            keyByteCount: 16, "e1c9001cc534899dcf76b35fce220d2a"
        ),
        // openssl kdf -keylen 8 -kdfopt digest:SHA1 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:2 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 2048, id: .initializationVector,
            keyByteCount: 8, "f76be4102ff530aa"
        ),
        // openssl kdf -keylen 20 -kdfopt digest:SHA1 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:2048 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("changeit"), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 2048,
            id: .macKey, keyByteCount: 20, "d52cb1fe2bcda771168b43fd24a22c0260baaa49"
        ),
        // openssl kdf -keylen 32 -kdfopt digest:SHA1 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 2048, id: .encryptionKey,
            keyByteCount: 32, "e1c9001cc534899dcf76b35fce220d2a7742f3d08d94cc0d3847771ae4a7279a"
        ),
        // SHA-256: AES-256 key, AES IV, HMAC-SHA256 key, then 1 and 1000 iterations, 24, 5 and
        // 20 bytes, and 100 bytes (four SHA-256 blocks, three rounds of step 6C).
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 2048,
            id: .encryptionKey, keyByteCount: 32, "3e312be8290e51b48f099032248c756a158e86985fdb39be01f8206889568f20"
        ),
        // openssl kdf -keylen 16 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:2048 -kdfopt id:2 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 2048,
            id: .initializationVector, keyByteCount: 16, "c52348ab0c928fcd1623f196ae1d6860"
        ),
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:2048 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 2048,
            id: .macKey, keyByteCount: 32, "bc3f4e56eb8cfa4c56975db392a6b69184fa8d57fe0f8fcac374b9d98788e628"
        ),
        // openssl kdf -keylen 24 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:1 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 1, id: .encryptionKey,
            keyByteCount: 24, "ca01721a75061a1d24cf1d4bc774df290fde93891cd2936a"
        ),
        // openssl kdf -keylen 5 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 1000, id: .encryptionKey,
            keyByteCount: 5, "51ad1f8e82"
        ),
        // openssl kdf -keylen 20 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:1000 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 1000, id: .macKey,
            keyByteCount: 20, "8e8d12637c56d35d26dbb9b9b110962c7e495603"
        ),
        // openssl kdf -keylen 100 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "A1B2C3D4E5F60718", iterations: 2048, id: .encryptionKey,
            keyByteCount: 100,
            "ff1e77fbf67a7b903c2495bda14d9cc74e263600342a25cbd333b1edca1f3c9a"
                + "3ff9075f15128f57b61399c3bcaf65ea10ac8c297eafac3a98eba0452eff879c"
                + "3f09d258bdbb9672de1b581a66a7667250838ba9af0919ee298b84eec8c3082d"
                + "ff288258"
        ),
        // Empty password: BMPString 00 00.
        // openssl kdf -keylen 20 -kdfopt digest:SHA1 -kdfopt hexpass:0000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp(""), salt: "A1B2C3D4E5F60718", iterations: 2048, id: .macKey, keyByteCount: 20,
            "ed96d1443bc5331c4268ea60dea67508331cc84c"
        ),
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass:0000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp(""), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 1000,
            id: .encryptionKey, keyByteCount: 32, "228225f738c1630195dfde49551a3786312216ce9f65c5100179879dc8723a53"
        ),
        // Null password: no bytes at all, a different key from the empty password's.
        // openssl kdf -keylen 20 -kdfopt digest:SHA1 -kdfopt hexpass: -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: [], salt: "A1B2C3D4E5F60718", iterations: 2048, id: .macKey, keyByteCount: 20,
            "f73162aad591274f604f4709b2b73d1b3dee6310"
        ),
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass: -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: [], salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 1000,
            id: .encryptionKey, keyByteCount: 32, "9b176a62ed682acb13ed6c73cad784c9022a5452553a0a42306cb918df9bd07c"
        ),
        // Non-ASCII password "Pässwörd€" (BMPString 0050 00E4 0073 0073 0077 00F6 0072 0064 20AC 0000).
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass:005000E400730073007700F60072006420AC0000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("Pässwörd€"), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 1000,
            id: .encryptionKey, keyByteCount: 32, "21820ac06e6d37360cca8eb1b6421a7d0c5fa8ad81855f5c729a791e1b8e82b5"
        ),
        // openssl kdf -keylen 8 -kdfopt digest:SHA1 -kdfopt hexpass:005000E400730073007700F60072006420AC0000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:1000 -kdfopt id:2 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp("Pässwörd€"), salt: "A1B2C3D4E5F60718", iterations: 1000, id: .initializationVector,
            keyByteCount: 8, "7286cfb48e7ecee2"
        ),
        // A character beyond the BMP, "🔑sesame": U+1F511 as the surrogate pair D83D DD11.
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass:D83DDD110073006500730061006D00650000 -kdfopt hexsalt:A1B2C3D4E5F60718 -kdfopt iter:2048 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("🔑sesame"), salt: "A1B2C3D4E5F60718", iterations: 2048, id: .macKey,
            keyByteCount: 32, "f284b40889298a4495300fd29c11cc8f437db265edcd3e5d6a0d0aff7a82e974"
        ),
        // Salt (70 bytes) and password (82 bytes) both longer than the 64-byte block, 64 bytes out.
        // openssl kdf -keylen 64 -kdfopt digest:SHA1 -kdfopt hexpass:00780078007800780078007800780078007800780078007800780078007800780078007800780078007800780078007800780078007800780078007800780078007800780078007800780078007800780000 -kdfopt hexsalt:5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A -kdfopt iter:1 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha1, password: bmp(String(repeating: "x", count: 40)), salt: String(repeating: "5A", count: 70),
            iterations: 1, id: .encryptionKey, keyByteCount: 64,
            "7c7ba3a6c5b679530c3cb508ad4a081977ddf6392e00e6e22011a8bfb26635d4"
                + "77282c4f036bba2e5880f96310523afe226d4543512c30e6585f20e05f87f686"
        ),
        // No salt at all.
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt: -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha256, password: bmp("changeit"), salt: "", iterations: 1000, id: .encryptionKey, keyByteCount: 32,
            "2ed235eeb56e5b91cb982a32d0bc7222b1b01212b5d85e54ef042121ee5652ce"
        ),
        // SHA-384 and SHA-512: 128-byte blocks (v = 128).
        // openssl kdf -keylen 48 -kdfopt digest:SHA384 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:1000 -kdfopt id:3 PKCS12KDF
        PKCS12KDFTestCase(
            .sha384, password: bmp("changeit"), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 1000,
            id: .macKey, keyByteCount: 48,
            "133ebde2636033484e4a1543481761eac4458a2fa2f20754ca0d8d3da8a042ae78deea6974720597ca09205e8b3f485b"
        ),
        // openssl kdf -keylen 100 -kdfopt digest:SHA512 -kdfopt hexpass:006300680061006E00670065006900740000 -kdfopt hexsalt:000102030405060708090A0B0C0D0E0F10111213 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
        PKCS12KDFTestCase(
            .sha512, password: bmp("changeit"), salt: "000102030405060708090A0B0C0D0E0F10111213", iterations: 1000,
            id: .encryptionKey, keyByteCount: 100,
            "474e3da2d3ee3b573766c5b98201cf741e64aeab25a994419cc248f25833261c"
                + "ebfc6cdbe03256c8393cc18d0ef110fa28691d1a56b80ba458aecbb4e9a07e60"
                + "160f173eeab624dab0156da3e25befa1e5212410bc7b319308a95cad50bf12fd"
                + "1bad67a7"
        ),
    ]

    @Test(arguments: openSSLOnly)
    func crossCheckedWithOpenSSL(testCase: PKCS12KDFTestCase) throws {
        try check(testCase)
    }

    /// Derives `testCase` by `DigestAlgorithm` and, for SHA-1 and SHA-256, by type, with a hash
    /// from outside the module too (the copying path).
    func check(_ testCase: PKCS12KDFTestCase) throws {
        let salt = kdfTestBytes(hex: testCase.saltHex)
        let key = try PKCS12KDF.deriveKey(
            password: testCase.password, salt: salt, iterations: testCase.iterations,
            keyByteCount: testCase.keyByteCount, purpose: testCase.purpose, hash: testCase.hash
        )
        #expect(key.count == testCase.keyByteCount)
        #expect(key.hexString == testCase.expected)
        if testCase.hash == .sha1 {
            let foreign = try PKCS12KDF.deriveKey(
                password: testCase.password, salt: salt, iterations: testCase.iterations,
                keyByteCount: testCase.keyByteCount, purpose: testCase.purpose, using: ForeignSHA1.self
            )
            #expect(foreign == key)
        }
        if testCase.hash == .sha256 {
            let generic = try PKCS12KDF.deriveKey(
                password: testCase.password, salt: salt, iterations: testCase.iterations,
                keyByteCount: testCase.keyByteCount, purpose: testCase.purpose, using: SHA256.self
            )
            #expect(generic == key)
        }
    }

    // The BMPString helper. Expected bytes from
    // `python3 -c 'print((PASSWORD.encode("utf-16-be") + b"\0\0").hex())'`.
    @Test func bmpPasswordEncoding() {
        #expect(PKCS12KDF.bmpPassword("") == [0, 0])
        #expect(PKCS12KDF.bmpPassword("smeg").hexString == "0073006d006500670000")
        #expect(PKCS12KDF.bmpPassword("Pässwörd€").hexString == "005000e400730073007700f60072006420ac0000")
        #expect(PKCS12KDF.bmpPassword("🔑sesame").hexString == "d83ddd110073006500730061006d00650000")
    }

    @Test func purposeIDs() {
        #expect(PKCS12KDF.Purpose.allCases.map(\.rawValue) == [1, 2, 3])
    }

    // Invalid parameters throw; nothing traps.
    @Test(arguments: [0, -5, Int.min])
    func iterationCountBelowOneThrows(iterations: Int) {
        let error = #expect(throws: CryptoError.self) {
            try PKCS12KDF.deriveKey(
                password: bmp("a"), salt: [1], iterations: iterations, keyByteCount: 24, purpose: .encryptionKey,
                hash: .sha1
            )
        }
        #expect(error?.code == .iterationCountOutOfRange)
        #expect(error?.description == "The iteration count \(iterations) is less than 1.")
    }

    @Test(arguments: [-1, Int.min, CryptoError.maximumKeyByteCount + 1, Int.max])
    func keyByteCountOutOfRangeThrows(keyByteCount: Int) {
        let error = #expect(throws: CryptoError.self) {
            try PKCS12KDF.deriveKey(
                password: bmp("a"), salt: [1], iterations: 1, keyByteCount: keyByteCount, purpose: .macKey,
                hash: .sha256
            )
        }
        #expect(error?.code == .keyByteCountOutOfRange)
        #expect(error?.description == "The key length \(keyByteCount) bytes is outside 0...1048576.")
    }

    @Test func zeroLengthKeyIsEmpty() throws {
        let key = try PKCS12KDF.deriveKey(
            password: bmp("a"), salt: [1], iterations: 1, keyByteCount: 0, purpose: .encryptionKey, hash: .sha1
        )
        #expect(key.isEmpty)
    }
}
