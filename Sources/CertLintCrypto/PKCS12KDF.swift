/// The PKCS #12 password-based key derivation function (RFC 7292 Appendix B.2).
///
/// PKCS #12 files use it for their legacy encryption schemes (`pbeWithSHAAnd3-KeyTripleDES-CBC`,
/// `pbeWithSHAAnd40BitRC2-CBC`, …: key and IV) and for the key of their HMAC integrity check
/// (the `MacData`, in files made by OpenSSL 3 too).
///
/// The password is not a Swift string but its BMPString form: big-endian UTF-16 code units
/// followed by two zero bytes. `bmpPassword(_:)` produces it. An empty password is the two zero
/// bytes; a *null* (absent) password, which some tools write, contributes no bytes at all: pass
/// `[]` for that case. The two derive different keys.
///
/// ```swift
/// let key = try PKCS12KDF.deriveKey(password: PKCS12KDF.bmpPassword("changeit"), salt: salt,
///                                   iterations: 2048, keyByteCount: 24,
///                                   purpose: .encryptionKey, hash: .sha1)
/// ```
public enum PKCS12KDF {
    /// What the derived bytes are for: RFC 7292 B.3's ID byte, which makes the three uses of
    /// one password and salt derive unrelated bytes.
    public enum Purpose: UInt8, Sendable, CaseIterable {
        /// ID 1: key material for encryption or decryption.
        case encryptionKey = 1
        /// ID 2: an initialization vector.
        case initializationVector = 2
        /// ID 3: the key of the integrity MAC.
        case macKey = 3
    }

    /// The BMPString form of `password` that `deriveKey` expects: its UTF-16 code units,
    /// big-endian, then two zero bytes.
    ///
    /// `""` gives `[0, 0]`, as `openssl pkcs12` does for an empty password. Characters outside
    /// the Basic Multilingual Plane become UTF-16 surrogate pairs, again as `openssl pkcs12`
    /// does (and as Java's `char[]` passwords hold them); a strict BMPString could not hold them
    /// at all. For a null password (no password, as opposed to an empty one) pass `[]` to
    /// `deriveKey` instead of calling this.
    public static func bmpPassword(_ password: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 * password.utf16.count + 2)
        for unit in password.utf16 {
            bytes.append(UInt8(truncatingIfNeeded: unit &>> 8))
            bytes.append(UInt8(truncatingIfNeeded: unit))
        }
        bytes.append(0)
        bytes.append(0)
        return bytes
    }

    /// Derives `keyByteCount` bytes for `purpose` from a BMPString password and a salt.
    ///
    /// - Parameters:
    ///   - password: The password in BMPString form (`bmpPassword(_:)`), or `[]` for a null
    ///     password. Used as given: no terminator is added.
    ///   - salt: The salt, any length, empty included.
    ///   - iterations: The iteration count `r`; at least 1.
    ///   - keyByteCount: The number of bytes `n` to derive, from 0 (which gives `[]`) to
    ///     `CryptoError.maximumKeyByteCount`.
    ///   - purpose: The ID byte: key, IV or MAC key.
    ///   - hash: The hash `H`; its block size is the `v` of the RFC.
    /// - Throws: `CryptoError` when `iterations` or `keyByteCount` is out of range.
    public static func deriveKey(
        password: [UInt8],
        salt: [UInt8],
        iterations: Int,
        keyByteCount: Int,
        purpose: Purpose,
        hash: DigestAlgorithm
    ) throws(CryptoError) -> [UInt8] {
        switch hash {
        case .sha1:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, purpose: purpose, using: SHA1.self)
        case .sha256:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, purpose: purpose, using: SHA256.self)
        case .sha384:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, purpose: purpose, using: SHA384.self)
        case .sha512:
            try deriveKey(password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, purpose: purpose, using: SHA512.self)
        }
    }

    /// Derives `keyByteCount` bytes for `purpose` with the hash `H`, whose digest size is the
    /// RFC's `u` and block size its `v`.
    ///
    /// The same function as `deriveKey(password:salt:iterations:keyByteCount:purpose:hash:)`,
    /// for a hash named by its type.
    ///
    /// - Throws: `CryptoError` when `iterations < 1`, `keyByteCount < 0` or
    ///   `keyByteCount > CryptoError.maximumKeyByteCount`.
    public static func deriveKey<H: HashFunction>(
        password: [UInt8],
        salt: [UInt8],
        iterations: Int,
        keyByteCount: Int,
        purpose: Purpose,
        using hash: H.Type
    ) throws(CryptoError) -> [UInt8] {
        try CryptoError.validate(iterations: iterations, keyByteCount: keyByteCount)
        if let writer = hash as? any DigestWritingHashFunction.Type {
            return derive(writer, password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount, id: purpose.rawValue)
        }
        return derive(
            CopyingDigestWriter<H>.self, password: password, salt: salt, iterations: iterations, keyByteCount: keyByteCount,
            id: purpose.rawValue
        )
    }

    /// RFC 7292 B.2 steps 1–8, on parameters already validated.
    private static func derive<H: DigestWritingHashFunction>(
        _: H.Type,
        password: [UInt8],
        salt: [UInt8],
        iterations: Int,
        keyByteCount: Int,
        id: UInt8
    ) -> [UInt8] {
        let u = H.digestByteCount
        let v = H.blockByteCount

        // Steps 1–4: D is v copies of the ID; I = S ‖ P, each of S and P being its input
        // repeated to a whole number of v-byte blocks (nothing at all for empty input).
        let diversifier = [UInt8](repeating: id, count: v)
        var input = repeatedToBlocks(salt, blockByteCount: v) + repeatedToBlocks(password, blockByteCount: v)

        var derived: [UInt8] = []
        derived.reserveCapacity(keyByteCount)
        var a = [UInt8](repeating: 0, count: u)
        var b = [UInt8](repeating: 0, count: v)
        while derived.count < keyByteCount {
            // Step 6A: A_i = H^r(D ‖ I).
            var hasher = H()
            hasher.update(diversifier)
            hasher.update(input)
            a.withUnsafeMutableBytes { digest in
                hasher.finalize(into: digest)
                var round = 1
                while round < iterations {
                    var again = H()
                    again.update(bufferPointer: UnsafeRawBufferPointer(digest))
                    again.finalize(into: digest)
                    round += 1
                }
            }
            // Steps 7–8: A = A_1 ‖ A_2 ‖ …, cut to n bytes.
            derived.append(contentsOf: a.prefix(keyByteCount - derived.count))
            guard derived.count < keyByteCount else {
                break
            }

            // Step 6B: B is A_i repeated to v bytes.
            for index in 0..<v {
                b[index] = a[index % u]
            }
            // Step 6C: each v-byte block I_j of I becomes (I_j + B + 1) mod 2^(8v), as
            // big-endian integers.
            var blockStart = 0
            while blockStart < input.count {
                var carry: UInt16 = 1
                var index = v - 1
                while index >= 0 {
                    let sum = UInt16(input[blockStart + index]) + UInt16(b[index]) + carry
                    input[blockStart + index] = UInt8(truncatingIfNeeded: sum)
                    carry = sum &>> 8
                    index -= 1
                }
                blockStart += v
            }
        }
        return derived
    }

    /// `bytes` repeated, the last copy cut short, to the smallest multiple of `blockByteCount`
    /// that holds it: `v·⌈count/v⌉` bytes, none for empty input.
    private static func repeatedToBlocks(_ bytes: [UInt8], blockByteCount: Int) -> [UInt8] {
        guard !bytes.isEmpty else {
            return []
        }
        let length = blockByteCount * ((bytes.count + blockByteCount - 1) / blockByteCount)
        var repeated: [UInt8] = []
        repeated.reserveCapacity(length)
        for index in 0..<length {
            repeated.append(bytes[index % bytes.count])
        }
        return repeated
    }
}
