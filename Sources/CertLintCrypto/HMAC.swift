/// HMAC (RFC 2104): a keyed message authentication code built on any `HashFunction`.
///
/// `HMAC(K, m) = H((K' ⊕ opad) ‖ H((K' ⊕ ipad) ‖ m))`, where `K'` is the key padded with zeros
/// to the hash's block size, or the hash of the key, padded, when the key is longer than a
/// block. The two padded-key blocks are compressed once, when the value is created; a copy of
/// a freshly keyed `HMAC` starts from those precomputed states, which is what PBKDF2 relies on
/// to spend exactly two compressions per iteration.
///
/// Like the hashers it wraps, `HMAC` is a value type: copying it forks its state, and
/// `finalize()` does not consume it.
///
/// ```swift
/// let tag = HMAC<SHA256>.authenticationCode(for: message, key: key)
///
/// var mac = HMAC<SHA256>(key: key)
/// mac.update(header)
/// mac.update(body)
/// let sameTag = mac.finalize()
/// ```
///
/// The key is kept, in the form of the two hasher states derived from it, for as long as the
/// value lives; Swift gives no way to guarantee that memory is wiped afterwards.
public struct HMAC<H: HashFunction>: Sendable {
    /// The size of an authentication code in bytes: the digest size of `H`.
    public static var authenticationCodeByteCount: Int {
        H.digestByteCount
    }

    /// The inner hasher: it has consumed `K' ⊕ ipad` and every message byte fed so far.
    private var inner: H

    /// The outer hasher after consuming `K' ⊕ opad`; copied, never updated in place.
    private let outerStart: H

    /// Creates an HMAC keyed with `key`, of any length, ready for the message.
    ///
    /// A key longer than `H.blockByteCount` is first replaced by its digest, as RFC 2104 §2 says.
    public init(key: some Collection<UInt8>) {
        let blockByteCount = H.blockByteCount
        var paddedKey = [UInt8](repeating: 0, count: blockByteCount)
        if key.count > blockByteCount {
            let digest = H.hash(key)
            paddedKey.replaceSubrange(0..<digest.count, with: digest)
        } else {
            paddedKey.replaceSubrange(0..<key.count, with: key)
        }

        for index in paddedKey.indices {
            paddedKey[index] ^= 0x36
        }
        var inner = H()
        inner.update(paddedKey)

        // (K' ⊕ ipad) ⊕ (ipad ⊕ opad) = K' ⊕ opad.
        for index in paddedKey.indices {
            paddedKey[index] ^= 0x36 ^ 0x5c
        }
        var outer = H()
        outer.update(paddedKey)

        for index in paddedKey.indices {
            paddedKey[index] = 0
        }
        self.inner = inner
        self.outerStart = outer
    }

    /// Feeds `bytes` to the MAC.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        inner.update(bytes)
    }

    /// Feeds the bytes in `bufferPointer` to the MAC. The pointer is not retained.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        inner.update(bufferPointer: bufferPointer)
    }

    /// Returns the authentication code of every byte fed so far, leaving the MAC unchanged.
    ///
    /// The code is `authenticationCodeByteCount` bytes long; truncate it yourself where a
    /// protocol says so (RFC 2104 §5, RFC 4231 test case 5).
    public func finalize() -> [UInt8] {
        var outer = outerStart
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// Returns the authentication code of `message` under `key` in one call.
    public static func authenticationCode(for message: some Collection<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        var mac = Self(key: key)
        mac.update(message)
        return mac.finalize()
    }
}

extension HMAC where H: DigestWritingHashFunction {
    /// Writes the authentication code to the first `H.digestByteCount` bytes of `buffer`,
    /// leaving the MAC unchanged, without allocating.
    ///
    /// `buffer` may be the memory the last `update(bufferPointer:)` read from.
    func finalize(into buffer: UnsafeMutableRawBufferPointer) {
        let digestByteCount = H.digestByteCount
        precondition(buffer.count >= digestByteCount, "authentication code buffer too small")
        let code = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<digestByteCount])
        inner.finalize(into: code)
        var outer = outerStart
        outer.update(bufferPointer: UnsafeRawBufferPointer(code))
        outer.finalize(into: code)
    }
}
