/// A cryptographic hash function that digests a message fed to it in any number of pieces.
///
/// Conforming types are value types: copying a hasher forks its state, so a prefix can be
/// hashed once and then continued in several directions. `finalize()` does not consume the
/// hasher, so it can be called to read an intermediate digest and updating can carry on.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(header)
/// hasher.update(body)
/// let digest = hasher.finalize()        // same as SHA256.hash(header + body)
/// ```
public protocol HashFunction: Sendable {
    /// The size of a digest in bytes (20 for SHA-1, 32 for SHA-256, …).
    static var digestByteCount: Int { get }

    /// The size of the blocks the compression function consumes, in bytes (64 or 128).
    ///
    /// HMAC pads its key to this length.
    static var blockByteCount: Int { get }

    /// Creates a hasher in its initial state, as if no byte had been fed to it.
    init()

    /// Feeds the bytes in `bufferPointer` to the hasher.
    ///
    /// The bytes are consumed before the call returns; the pointer is not retained.
    mutating func update(bufferPointer: UnsafeRawBufferPointer)

    /// Returns the digest of every byte fed so far, leaving the hasher unchanged.
    func finalize() -> [UInt8]
}

extension HashFunction {
    /// Feeds `bytes` to the hasher.
    ///
    /// Contiguous collections (`[UInt8]`, `ArraySlice<UInt8>`, `Data`, native strings' UTF-8
    /// views) are hashed in place; any other collection is copied through a small fixed-size
    /// buffer, so memory use does not grow with its length.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let wasContiguous: Void? = bytes.withContiguousStorageIfAvailable { elements in
            self.update(bufferPointer: UnsafeRawBufferPointer(elements))
        }
        if wasContiguous != nil {
            return
        }
        let chunkByteCount = 4096
        withUnsafeTemporaryAllocation(byteCount: chunkByteCount, alignment: 1) { chunk in
            var filled = 0
            for byte in bytes {
                chunk[filled] = byte
                filled += 1
                if filled == chunkByteCount {
                    self.update(bufferPointer: UnsafeRawBufferPointer(chunk))
                    filled = 0
                }
            }
            if filled > 0 {
                self.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[..<filled]))
            }
        }
    }

    /// Returns the digest of `bytes` in one call.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var hasher = Self()
        hasher.update(bytes)
        return hasher.finalize()
    }
}

/// The digest algorithms certlint implements, named as configuration files and facts name them.
public enum DigestAlgorithm: String, Sendable, CaseIterable {
    /// SHA-1 (FIPS 180-4), 160-bit digest. Broken for collisions; still used for legacy
    /// thumbprints and key identifiers.
    case sha1
    /// SHA-256 (FIPS 180-4), 256-bit digest. certlint's certificate fingerprint.
    case sha256
    /// SHA-384 (FIPS 180-4), 384-bit digest: SHA-512 with its own initial value, truncated.
    case sha384
    /// SHA-512 (FIPS 180-4), 512-bit digest.
    case sha512

    /// The hash function type that implements this algorithm.
    public var hashFunction: any HashFunction.Type {
        switch self {
        case .sha1: SHA1.self
        case .sha256: SHA256.self
        case .sha384: SHA384.self
        case .sha512: SHA512.self
        }
    }

    /// The size of this algorithm's digest in bytes.
    public var digestByteCount: Int {
        hashFunction.digestByteCount
    }

    /// The size of this algorithm's input blocks in bytes.
    public var blockByteCount: Int {
        hashFunction.blockByteCount
    }

    /// Returns the digest of `bytes` under this algorithm.
    public func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        switch self {
        case .sha1: SHA1.hash(bytes)
        case .sha256: SHA256.hash(bytes)
        case .sha384: SHA384.hash(bytes)
        case .sha512: SHA512.hash(bytes)
        }
    }
}

// MARK: - The Merkle–Damgård construction shared by every SHA

/// The compression function of a Merkle–Damgård hash.
///
/// A core holds the chaining state and folds whole blocks into it; `DigestEngine` does the
/// buffering and padding around it.
protocol DigestCore: Sendable {
    /// The block size in bytes; at most `DigestBlockStorage`'s 128.
    static var blockByteCount: Int { get }

    /// The size in bytes of the big-endian message bit length that ends the padding (8 or 16).
    static var lengthFieldByteCount: Int { get }

    /// Folds `blocks` into the state. `blocks.count` is a multiple of `blockByteCount`.
    mutating func compress(_ blocks: UnsafeRawBufferPointer)

    /// The digest: the state serialized big-endian, truncated where the algorithm says so.
    func digest() -> [UInt8]

    /// Writes the same bytes `digest()` returns to the start of `buffer`, without allocating.
    ///
    /// `buffer` must hold at least the digest's byte count.
    func storeDigest(into buffer: UnsafeMutableRawBufferPointer)
}

/// A hash function that can write its digest into memory the caller owns.
///
/// Internal: every SHA certlint implements conforms, so HMAC, PBKDF2 and the PKCS #12 KDF can
/// run their iteration loops without a heap allocation per digest. `HashFunction` stays as it
/// was; code generic over it checks once, outside its loops, whether its hash conforms
/// (`H.self as? any DigestWritingHashFunction.Type`) and otherwise wraps it in
/// `CopyingDigestWriter`.
protocol DigestWritingHashFunction: HashFunction {
    /// Writes the digest of every byte fed so far to the first `Self.digestByteCount` bytes of
    /// `buffer`, leaving the hasher unchanged. Same bytes as `finalize()`, no allocation.
    func finalize(into buffer: UnsafeMutableRawBufferPointer)
}

/// Adapts a `HashFunction` that cannot write into a buffer: `finalize(into:)` copies the array
/// `finalize()` returns. Only hash functions from outside this module take this path.
struct CopyingDigestWriter<Base: HashFunction>: DigestWritingHashFunction {
    static var digestByteCount: Int { Base.digestByteCount }
    static var blockByteCount: Int { Base.blockByteCount }

    /// The adapted hasher.
    private var base = Base()

    init() {}

    mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        base.update(bufferPointer: bufferPointer)
    }

    func finalize() -> [UInt8] {
        base.finalize()
    }

    func finalize(into buffer: UnsafeMutableRawBufferPointer) {
        let digest = base.finalize()
        precondition(buffer.count >= digest.count, "digest buffer too small")
        digest.withUnsafeBytes { bytes in
            buffer.copyMemory(from: bytes)
        }
    }
}

/// 128 bytes of inline storage, 8-byte aligned: one SHA-512 block or two SHA-256 blocks.
typealias DigestBlockStorage = (
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
)

/// All-zero `DigestBlockStorage`.
let zeroDigestBlock: DigestBlockStorage = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

/// Buffering and FIPS 180-4 §5.1 padding around a `DigestCore`, with no heap allocation.
struct DigestEngine<Core: DigestCore>: Sendable {
    /// The chaining state after every whole block seen so far.
    private var core: Core
    /// The bytes of an incomplete block; only the first `pendingByteCount` are meaningful.
    private var pending: DigestBlockStorage = zeroDigestBlock
    /// How many bytes of `pending` hold message bytes; always less than a block.
    private var pendingByteCount = 0
    /// The message length in bytes, modulo 2^64.
    private var messageByteCount: UInt64 = 0

    /// Creates an engine whose chaining state starts at `core`.
    init(_ core: Core) {
        self.core = core
    }

    /// Buffers `input` and compresses every block it completes.
    mutating func update(_ input: UnsafeRawBufferPointer) {
        let blockByteCount = Core.blockByteCount
        var offset = 0
        var remaining = input.count
        guard remaining > 0 else {
            return
        }
        messageByteCount &+= UInt64(truncatingIfNeeded: remaining)

        // Top up a partial block first.
        if pendingByteCount > 0 {
            let taken = min(blockByteCount - pendingByteCount, remaining)
            let start = pendingByteCount
            withUnsafeMutableBytes(of: &pending) { storage in
                UnsafeMutableRawBufferPointer(rebasing: storage[start..<(start + taken)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: input[0..<taken]))
            }
            pendingByteCount += taken
            offset = taken
            remaining -= taken
            if pendingByteCount < blockByteCount {
                return
            }
            var core = self.core
            withUnsafeBytes(of: &pending) { storage in
                core.compress(UnsafeRawBufferPointer(rebasing: storage[0..<blockByteCount]))
            }
            self.core = core
            pendingByteCount = 0
        }

        // Then every whole block straight from the caller's memory.
        let wholeByteCount = remaining - remaining % blockByteCount
        if wholeByteCount > 0 {
            core.compress(UnsafeRawBufferPointer(rebasing: input[offset..<(offset + wholeByteCount)]))
            offset += wholeByteCount
            remaining -= wholeByteCount
        }

        // Keep the tail for next time.
        if remaining > 0 {
            let tailStart = offset
            withUnsafeMutableBytes(of: &pending) { storage in
                UnsafeMutableRawBufferPointer(rebasing: storage[0..<remaining])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: input[tailStart..<(tailStart + remaining)]))
            }
            pendingByteCount = remaining
        }
    }

    /// Pads a copy of the state as FIPS 180-4 §5.1 says and returns the digest.
    func finalize() -> [UInt8] {
        paddedCore().digest()
    }

    /// Writes the digest `finalize()` returns to the start of `buffer`, without allocating.
    func finalize(into buffer: UnsafeMutableRawBufferPointer) {
        paddedCore().storeDigest(into: buffer)
    }

    /// The chaining state after compressing a copy of the pending bytes and their padding.
    ///
    /// The padding is 0x80, then zeros, then the message length in bits, big-endian, in the
    /// last `lengthFieldByteCount` bytes of the final block; when the length field does not fit
    /// after the 0x80, the padding spills into a second block.
    private func paddedCore() -> Core {
        let blockByteCount = Core.blockByteCount
        let lengthFieldByteCount = Core.lengthFieldByteCount
        let fitsInOneBlock = pendingByteCount + 1 + lengthFieldByteCount <= blockByteCount
        let paddedByteCount = fitsInOneBlock ? blockByteCount : 2 * blockByteCount
        let pendingByteCount = self.pendingByteCount
        // Bit length as a 128-bit number: the bits shifted out of the low word go to the high word.
        let bitCountLow = messageByteCount &<< 3
        let bitCountHigh = messageByteCount &>> 61

        var core = self.core
        var tail = (pending, zeroDigestBlock)
        withUnsafeMutableBytes(of: &tail) { storage in
            storage[pendingByteCount] = 0x80
            for index in (pendingByteCount + 1)..<(paddedByteCount - 8) {
                storage[index] = 0
            }
            if lengthFieldByteCount == 16 {
                storage.storeBytes(of: bitCountHigh.bigEndian, toByteOffset: paddedByteCount - 16, as: UInt64.self)
            }
            storage.storeBytes(of: bitCountLow.bigEndian, toByteOffset: paddedByteCount - 8, as: UInt64.self)
            core.compress(UnsafeRawBufferPointer(rebasing: storage[0..<paddedByteCount]))
        }
        return core
    }
}

// MARK: - Bit operations

/// Rotates `value` right by `count` bits (0 < count < 32).
@inline(__always)
func rotateRight(_ value: UInt32, by count: UInt32) -> UInt32 {
    (value &>> count) | (value &<< (32 &- count))
}

/// Rotates `value` left by `count` bits (0 < count < 32).
@inline(__always)
func rotateLeft(_ value: UInt32, by count: UInt32) -> UInt32 {
    (value &<< count) | (value &>> (32 &- count))
}

/// Rotates `value` right by `count` bits (0 < count < 64).
@inline(__always)
func rotateRight(_ value: UInt64, by count: UInt64) -> UInt64 {
    (value &>> count) | (value &<< (64 &- count))
}

/// Appends `word` to `bytes`, most significant byte first.
@inline(__always)
func appendBigEndian(_ word: UInt32, to bytes: inout [UInt8]) {
    bytes.append(UInt8(truncatingIfNeeded: word &>> 24))
    bytes.append(UInt8(truncatingIfNeeded: word &>> 16))
    bytes.append(UInt8(truncatingIfNeeded: word &>> 8))
    bytes.append(UInt8(truncatingIfNeeded: word))
}

/// Appends `word` to `bytes`, most significant byte first.
@inline(__always)
func appendBigEndian(_ word: UInt64, to bytes: inout [UInt8]) {
    appendBigEndian(UInt32(truncatingIfNeeded: word &>> 32), to: &bytes)
    appendBigEndian(UInt32(truncatingIfNeeded: word), to: &bytes)
}
