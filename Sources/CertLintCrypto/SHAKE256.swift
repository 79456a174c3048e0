/// SHAKE256 (FIPS 202 §6.2): the Keccak-f[1600] sponge with a 136-byte rate, read to any length.
///
/// Ed448 (RFC 8032 §5.2) hashes its seed with SHAKE256; nothing else in certlint needs an
/// extendable-output function, so this is one-shot and internal.
struct SHAKE256: Sendable {
    /// 136: the rate of SHAKE256 in bytes (1600 − 2·256 bits of capacity, over 8).
    static let rateByteCount = 136

    /// The 25 lanes of the state; lane (x, y) is at index x + 5·y, little-endian bytes.
    private var lanes = [UInt64](repeating: 0, count: 25)

    /// Where the next absorbed byte goes within the current block.
    private var position = 0

    /// Creates a sponge in the all-zero state.
    init() {}

    /// Returns the first `outputByteCount` bytes of SHAKE256(`message`).
    static func hash(_ message: some Collection<UInt8>, outputByteCount: Int) -> [UInt8] {
        var sponge = SHAKE256()
        sponge.absorb(message)
        return sponge.squeeze(outputByteCount: outputByteCount)
    }

    /// XORs `message` into the state, permuting after every full block.
    mutating func absorb(_ message: some Collection<UInt8>) {
        for byte in message {
            xorByte(byte, at: position)
            position += 1
            if position == Self.rateByteCount {
                Self.permute(&lanes)
                position = 0
            }
        }
    }

    /// Pads (SHAKE's domain bits 1111 then pad10*1: 0x1F … 0x80) and reads `outputByteCount` bytes.
    func squeeze(outputByteCount: Int) -> [UInt8] {
        var sponge = self
        sponge.xorByte(0x1f, at: sponge.position)
        sponge.xorByte(0x80, at: Self.rateByteCount - 1)
        Self.permute(&sponge.lanes)
        var output: [UInt8] = []
        output.reserveCapacity(max(0, outputByteCount))
        var offset = 0
        while output.count < outputByteCount {
            if offset == Self.rateByteCount {
                Self.permute(&sponge.lanes)
                offset = 0
            }
            output.append(UInt8(truncatingIfNeeded: sponge.lanes[offset / 8] &>> UInt64(8 * (offset % 8))))
            offset += 1
        }
        return output
    }

    /// XORs `byte` into byte `index` of the state (lanes little-endian).
    private mutating func xorByte(_ byte: UInt8, at index: Int) {
        lanes[index / 8] ^= UInt64(byte) &<< UInt64(8 * (index % 8))
    }

    /// The ι step constants of the 24 rounds (FIPS 202 §3.2.5).
    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    /// The ρ step rotation of lane (x, y), at index x + 5·y (FIPS 202 §3.2.2, Table 2).
    private static let rotationOffsets: [UInt64] = [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ]

    /// Keccak-f[1600]: 24 rounds of θ, ρ, π, χ, ι (FIPS 202 §3.3).
    static func permute(_ lanes: inout [UInt64]) {
        var c = [UInt64](repeating: 0, count: 5)
        var b = [UInt64](repeating: 0, count: 25)
        for round in 0..<24 {
            // θ: XOR each lane with the parities of two neighbouring columns.
            for x in 0..<5 {
                c[x] = lanes[x] ^ lanes[x + 5] ^ lanes[x + 10] ^ lanes[x + 15] ^ lanes[x + 20]
            }
            for x in 0..<5 {
                let d = c[(x + 4) % 5] ^ rotateLeft64(c[(x + 1) % 5], by: 1)
                for y in 0..<5 {
                    lanes[x + 5 * y] ^= d
                }
            }
            // ρ and π: rotate each lane and move (x, y) to (y, 2x + 3y).
            for x in 0..<5 {
                for y in 0..<5 {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rotateLeft64(lanes[x + 5 * y], by: rotationOffsets[x + 5 * y])
                }
            }
            // χ: the only non-linear step, along rows.
            for x in 0..<5 {
                for y in 0..<5 {
                    lanes[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y])
                }
            }
            // ι
            lanes[0] ^= roundConstants[round]
        }
    }

    /// Rotates `value` left by `count` bits (0 ≤ count < 64).
    @inline(__always)
    private static func rotateLeft64(_ value: UInt64, by count: UInt64) -> UInt64 {
        count == 0 ? value : (value &<< count) | (value &>> (64 &- count))
    }
}
