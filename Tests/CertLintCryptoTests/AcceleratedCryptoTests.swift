import Testing

@testable import CertLintCrypto

/// Whether this CPU runs the SHA-NI and AES-NI paths (file-level, for the suite attributes).
let shaAccelerated = SHA256Core.accelerated
let aesAccelerated = AcceleratedAESDecryptor.available

/// The CPU-instruction paths of CertLintCryptoAccel give exactly what the Swift code gives.
/// The public API takes the accelerated path where the CPU has it, and the published vectors
/// (SHA256Tests, AESTests) run through it; these tests tie the Swift implementations to it on
/// random inputs of every length class.
@Suite struct AcceleratedCryptoTests {
    @Test(.enabled(if: shaAccelerated, "this CPU has no SHA-256 instructions"))
    func sha256InstructionsAgreeWithSwift() {
        var random = SplitMix64(seed: 0x5EED_5A25)
        for blockCount in [1, 2, 3, 7, 16, 64] {
            for _ in 0..<20 {
                let blocks = (0..<(64 * blockCount)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                var fast = SHA256Core()
                var portable = SHA256Core()
                blocks.withUnsafeBytes { bytes in
                    fast.compressAccelerated(bytes)
                    portable.compressPortable(bytes)
                }
                #expect(fast.stateWords == portable.stateWords, "\(blockCount) blocks")
            }
        }
    }

    @Test(.enabled(if: aesAccelerated, "this CPU has no AES instructions"), arguments: [16, 24, 32])
    func aesInstructionsAgreeWithSwift(keyLength: Int) throws {
        var random = SplitMix64(seed: UInt64(keyLength))
        for blockCount in [1, 3, 4, 5, 8, 33] {
            let key = (0..<keyLength).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let iv = (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let ciphertext = (0..<(16 * blockCount)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let fast = try #require(AcceleratedAESDecryptor(key: key))
            let portable = try #require(AESDecryptor(key: key))
            func run(_ decryptor: some CBCBlockDecryptor) -> [UInt8] {
                var out = [UInt8](repeating: 0, count: ciphertext.count)
                ciphertext.withUnsafeBytes { input in
                    iv.withUnsafeBytes { ivBytes in
                        out.withUnsafeMutableBytes { decryptor.decryptCBC(input, iv: ivBytes, into: $0) }
                    }
                }
                return out
            }
            #expect(run(fast) == run(portable), "\(keyLength)-byte key, \(blockCount) blocks")
        }
        #expect(AcceleratedAESDecryptor(key: [UInt8](repeating: 0, count: 20)) == nil)
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): seeded, so a failure replays.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
