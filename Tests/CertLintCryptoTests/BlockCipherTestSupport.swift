import Testing
@testable import CertLintCrypto

/// The bytes of a hexadecimal string, for test data: spaces and line breaks are skipped.
func blockCipherBytes(hex: String) -> [UInt8] {
    let digits = hex.unicodeScalars.filter { !$0.properties.isWhitespace }.map { scalar -> UInt8 in
        guard let value = UInt8(String(scalar), radix: 16) else {
            preconditionFailure("not a hex digit in test data: \(scalar)")
        }
        return value
    }
    precondition(digits.count % 2 == 0, "odd number of hex digits in test data")
    return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
}

/// Decrypts whole blocks independently (ECB), for known-answer vectors given block by block:
/// each block goes through `decryptCBC` alone with an all-zero IV, and D(C) ⊕ 0 = D(C).
func blockCipherDecryptECB(_ ciphertext: [UInt8], key: [UInt8], algorithm: BlockCipherAlgorithm) throws(CryptoError) -> [UInt8] {
    let blockByteCount = algorithm.blockByteCount
    let zeroIV = [UInt8](repeating: 0, count: blockByteCount)
    var plaintext: [UInt8] = []
    for start in stride(from: 0, to: ciphertext.count, by: blockByteCount) {
        let block = ciphertext[start..<min(start + blockByteCount, ciphertext.count)]
        plaintext += try BlockCipher.decryptCBC(block, key: key, iv: zeroIV, algorithm: algorithm, padding: .keep)
    }
    return plaintext
}

/// One `openssl enc -e` run recorded for the tests: a random key, IV and plaintext, and the
/// ciphertext OpenSSL made of them, with PKCS #7 padding or with `-nopad`.
struct OpenSSLCBCRecording: Sendable, CustomTestStringConvertible {
    /// Whether OpenSSL padded (no `-nopad`).
    var padded: Bool
    /// The `-K` key.
    var key: [UInt8]
    /// The `-iv` IV.
    var iv: [UInt8]
    /// The input file.
    var plaintext: [UInt8]
    /// The output file.
    var ciphertext: [UInt8]

    var testDescription: String {
        "\(padded ? "padded" : "nopad") \(plaintext.count)-byte plaintext, key \(key.hexString.prefix(8))…"
    }

    /// Parses recording lines `pad|nopad KEY IV PLAINTEXT CIPHERTEXT` in hex, with `-` for an
    /// empty plaintext.
    static func parse(_ table: String) -> [OpenSSLCBCRecording] {
        table.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 5 else {
                return nil
            }
            return OpenSSLCBCRecording(
                padded: fields[0] == "pad",
                key: blockCipherBytes(hex: fields[1]),
                iv: blockCipherBytes(hex: fields[2]),
                plaintext: fields[3] == "-" ? [] : blockCipherBytes(hex: fields[3]),
                ciphertext: blockCipherBytes(hex: fields[4])
            )
        }
    }
}

/// Checks that `decryptCBC` turns a recording's ciphertext back into its plaintext, in both
/// padding modes where they apply.
func expectDecryptsOpenSSLRecording(
    _ recording: OpenSSLCBCRecording, algorithm: BlockCipherAlgorithm, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let key = recording.key
    let iv = recording.iv
    if recording.padded {
        let plaintext = try BlockCipher.decryptCBC(recording.ciphertext, key: key, iv: iv, algorithm: algorithm)
        #expect(plaintext == recording.plaintext, sourceLocation: sourceLocation)
        // Keeping the padding gives the plaintext followed by n bytes of n.
        let kept = try BlockCipher.decryptCBC(recording.ciphertext, key: key, iv: iv, algorithm: algorithm, padding: .keep)
        let paddingLength = algorithm.blockByteCount - recording.plaintext.count % algorithm.blockByteCount
        #expect(kept == recording.plaintext + [UInt8](repeating: UInt8(paddingLength), count: paddingLength), sourceLocation: sourceLocation)
    } else {
        let plaintext = try BlockCipher.decryptCBC(recording.ciphertext, key: key, iv: iv, algorithm: algorithm, padding: .keep)
        #expect(plaintext == recording.plaintext, sourceLocation: sourceLocation)
    }
}

/// The code of the error `body` throws, or nil when it returns.
func blockCipherErrorCode(_ body: () throws(CryptoError) -> [UInt8]) -> CryptoError.Code? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.code
    }
}
