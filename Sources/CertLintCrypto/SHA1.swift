/// SHA-1 (FIPS 180-4 §6.1): a 160-bit digest over 64-byte blocks.
///
/// SHA-1 is broken for collisions. certlint computes it only where formats and tools still name
/// things by it: Windows thumbprints, subject key identifiers, legacy keystore integrity checks.
public struct SHA1: HashFunction {
    /// 20: a SHA-1 digest is 160 bits.
    public static let digestByteCount = 20

    /// 64: SHA-1 consumes 512-bit blocks.
    public static let blockByteCount = 64

    /// Buffering and padding around the compression function.
    private var engine = DigestEngine(SHA1Core())

    /// Creates a hasher in the initial state (FIPS 180-4 §5.3.1).
    public init() {}

    /// Feeds the bytes in `bufferPointer` to the hasher.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    /// Returns the 20-byte digest of every byte fed so far, leaving the hasher unchanged.
    public func finalize() -> [UInt8] {
        engine.finalize()
    }
}

extension SHA1: DigestWritingHashFunction {
    /// Writes the 20-byte digest to the start of `buffer` without allocating.
    func finalize(into buffer: UnsafeMutableRawBufferPointer) {
        engine.finalize(into: buffer)
    }
}

/// The SHA-1 chaining state H0…H4 and its compression function.
struct SHA1Core: DigestCore {
    static let blockByteCount = 64
    static let lengthFieldByteCount = 8

    // FIPS 180-4 §5.3.1.
    private var h0: UInt32 = 0x6745_2301
    private var h1: UInt32 = 0xefcd_ab89
    private var h2: UInt32 = 0x98ba_dcfe
    private var h3: UInt32 = 0x1032_5476
    private var h4: UInt32 = 0xc3d2_e1f0

    /// FIPS 180-4 §6.1.2, once per 64-byte block of `blocks`.
    mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        precondition(blocks.count % Self.blockByteCount == 0, "SHA-1 compresses whole blocks only")
        var h0 = self.h0, h1 = self.h1, h2 = self.h2, h3 = self.h3, h4 = self.h4
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            schedule.initialize(repeating: 0)
            var blockStart = 0
            while blockStart < blocks.count {
                // Message schedule W0…W79.
                for t in 0..<16 {
                    schedule[t] = UInt32(
                        bigEndian: blocks.loadUnaligned(fromByteOffset: blockStart &+ 4 &* t, as: UInt32.self)
                    )
                }
                for t in 16..<80 {
                    schedule[t] = rotateLeft(
                        schedule[t &- 3] ^ schedule[t &- 8] ^ schedule[t &- 14] ^ schedule[t &- 16],
                        by: 1
                    )
                }

                var a = h0, b = h1, c = h2, d = h3, e = h4
                // §4.1.1 and §4.2.1: f and K change every 20 rounds.
                for t in 0..<20 {
                    let f = (b & c) | (~b & d)
                    let temp = rotateLeft(a, by: 5) &+ f &+ e &+ 0x5a82_7999 &+ schedule[t]
                    e = d
                    d = c
                    c = rotateLeft(b, by: 30)
                    b = a
                    a = temp
                }
                for t in 20..<40 {
                    let f = b ^ c ^ d
                    let temp = rotateLeft(a, by: 5) &+ f &+ e &+ 0x6ed9_eba1 &+ schedule[t]
                    e = d
                    d = c
                    c = rotateLeft(b, by: 30)
                    b = a
                    a = temp
                }
                for t in 40..<60 {
                    let f = (b & c) | (b & d) | (c & d)
                    let temp = rotateLeft(a, by: 5) &+ f &+ e &+ 0x8f1b_bcdc &+ schedule[t]
                    e = d
                    d = c
                    c = rotateLeft(b, by: 30)
                    b = a
                    a = temp
                }
                for t in 60..<80 {
                    let f = b ^ c ^ d
                    let temp = rotateLeft(a, by: 5) &+ f &+ e &+ 0xca62_c1d6 &+ schedule[t]
                    e = d
                    d = c
                    c = rotateLeft(b, by: 30)
                    b = a
                    a = temp
                }
                h0 &+= a
                h1 &+= b
                h2 &+= c
                h3 &+= d
                h4 &+= e
                blockStart &+= Self.blockByteCount
            }
        }
        self.h0 = h0
        self.h1 = h1
        self.h2 = h2
        self.h3 = h3
        self.h4 = h4
    }

    /// H0…H4, big-endian.
    func digest() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SHA1.digestByteCount)
        appendBigEndian(h0, to: &bytes)
        appendBigEndian(h1, to: &bytes)
        appendBigEndian(h2, to: &bytes)
        appendBigEndian(h3, to: &bytes)
        appendBigEndian(h4, to: &bytes)
        return bytes
    }

    /// H0…H4, big-endian, into the first 20 bytes of `buffer`.
    func storeDigest(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= SHA1.digestByteCount, "digest buffer too small")
        buffer.storeBytes(of: h0.bigEndian, toByteOffset: 0, as: UInt32.self)
        buffer.storeBytes(of: h1.bigEndian, toByteOffset: 4, as: UInt32.self)
        buffer.storeBytes(of: h2.bigEndian, toByteOffset: 8, as: UInt32.self)
        buffer.storeBytes(of: h3.bigEndian, toByteOffset: 12, as: UInt32.self)
        buffer.storeBytes(of: h4.bigEndian, toByteOffset: 16, as: UInt32.self)
    }
}
