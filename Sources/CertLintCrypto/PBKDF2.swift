/// PBKDF2 (RFC 8018 §5.2) with HMAC as the pseudorandom function.
///
/// `DK = T_1 ‖ T_2 ‖ … ` truncated to `keyByteCount` bytes, where
/// `T_i = U_1 ⊕ U_2 ⊕ … ⊕ U_c`, `U_1 = HMAC(P, S ‖ INT(i))` and `U_j = HMAC(P, U_{j−1})`.
///
/// This is what PKCS #12 files made by OpenSSL 3 and Java 18+ use (PBES2, RFC 8018 §6.2) to
/// turn the password into the key of their AES-CBC encryption.
///
/// The iteration loop does not allocate: HMAC's padded-key states are computed once, each
/// iteration copies them and writes its digest into a fixed buffer.
///
/// ```swift
/// let key = try PBKDF2.deriveKey(password: Array("password".utf8), salt: salt,
///                                iterations: 100_000, keyByteCount: 32, hash: .sha256)
/// ```
public enum PBKDF2 {
    /// Derives `keyByteCount` bytes from `password` and `salt` with PBKDF2-HMAC-`hash`.
    ///
    /// - Parameters:
    ///   - password: The password as bytes; RFC 8018 leaves the encoding to the application
    ///     (PKCS #12 under PBES2 uses UTF-8).
    ///   - salt: The salt, any length, empty included.
    ///   - iterations: The iteration count `c`; at least 1.
    ///   - keyByteCount: The derived key length `dkLen` in bytes, from 0 (which gives `[]`) to
    ///     `CryptoError.maximumKeyByteCount`.
    ///   - hash: The hash under HMAC.
    /// - Throws: `CryptoError` when `iterations` or `keyByteCount` is out of range.
    public static func deriveKey(
        password: [UInt8],
        salt: [UInt8],
        iterations: Int,
        keyByteCount: Int,
        hash: DigestAlgorithm
    ) throws(CryptoError) -> [UInt8] {
        switch hash {
        case .sha1:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, using: SHA1.self)
        case .sha256:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, using: SHA256.self)
        case .sha384:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, using: SHA384.self)
        case .sha512:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, using: SHA512.self)
        }
    }

    /// Derives `keyByteCount` bytes from `password` and `salt` with PBKDF2-HMAC-`H`.
    ///
    /// The same function as `deriveKey(password:salt:iterations:keyByteCount:hash:)`, for a hash
    /// named by its type.
    ///
    /// - Throws: `CryptoError` when `iterations < 1`, `keyByteCount < 0` or
    ///   `keyByteCount > CryptoError.maximumKeyByteCount`.
    public static func deriveKey<H: HashFunction>(
        password: [UInt8],
        salt: [UInt8],
        iterations: Int,
        keyByteCount: Int,
        using hash: H.Type
    ) throws(CryptoError) -> [UInt8] {
        try CryptoError.validate(iterations: iterations, keyByteCount: keyByteCount)
        if let writer = hash as? any DigestWritingHashFunction.Type {
            return derive(writer, password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount)
        }
        return derive(CopyingDigestWriter<H>.self, password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount)
    }

    /// RFC 8018 §5.2 steps 2–5, on parameters already validated.
    private static func derive<H: DigestWritingHashFunction>(
        _: H.Type,
        password: [UInt8],
        salt: [UInt8],
        iterations: Int,
        keyByteCount: Int
    ) -> [UInt8] {
        let digestByteCount = H.digestByteCount
        var derived = [UInt8](repeating: 0, count: keyByteCount)
        guard keyByteCount > 0 else {
            return derived
        }
        let blockCount = (keyByteCount + digestByteCount - 1) / digestByteCount
        let keyed = HMAC<H>(key: password)
        var saltedStart = keyed
        saltedStart.update(salt)

        withUnsafeTemporaryAllocation(byteCount: 2 * digestByteCount, alignment: 8) { scratch in
            // u holds U_j, t accumulates T_i.
            let u = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<digestByteCount])
            let t = UnsafeMutableRawBufferPointer(rebasing: scratch[digestByteCount..<(2 * digestByteCount)])
            for blockIndex in 1...blockCount {
                // U_1 = PRF(P, S ‖ INT(i)), INT(i) being i as four bytes, big-endian.
                var first = saltedStart
                var blockIndexBigEndian = UInt32(truncatingIfNeeded: blockIndex).bigEndian
                withUnsafeBytes(of: &blockIndexBigEndian) { indexBytes in
                    first.update(bufferPointer: indexBytes)
                }
                first.finalize(into: u)
                t.copyMemory(from: UnsafeRawBufferPointer(u))

                // U_j = PRF(P, U_{j−1}); T_i = U_1 ⊕ … ⊕ U_c.
                var remaining = iterations - 1
                while remaining > 0 {
                    var mac = keyed
                    mac.update(bufferPointer: UnsafeRawBufferPointer(u))
                    mac.finalize(into: u)
                    for index in 0..<digestByteCount {
                        t[index] ^= u[index]
                    }
                    remaining -= 1
                }

                let start = (blockIndex - 1) * digestByteCount
                let count = min(digestByteCount, keyByteCount - start)
                for index in 0..<count {
                    derived[start + index] = t[index]
                }
            }
        }
        return derived
    }
}
