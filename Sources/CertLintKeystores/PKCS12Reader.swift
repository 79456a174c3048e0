/// Opens a PKCS#12 file (`.pfx`, `.p12`, Java's `PKCS12` keystores; RFC 7292) and describes
/// it without keeping any secret: its certificates, and for each private key its algorithm,
/// size and whether it matches its certificate, never its bytes or the password.
///
/// ```swift
/// let keystore = try PKCS12Reader.read(bytes, passwords: ["", password])
/// ```
///
/// **Passwords** are tried in order (callers put `""` first). The empty password is tried as
/// the BMPString of `""` and as the absent (null) password, since OpenSSL and Java differ.
/// When the file has a MAC, the password is the one whose MAC verifies; without a MAC it is the
/// one that decrypts every encrypted part (valid padding, then a well-formed plaintext).
/// A file no password opens gives `passwordRequired` when only the empty password was tried,
/// `wrongPassword` otherwise.
///
/// **Supported**: the classic MAC with SHA-1, SHA-256, SHA-384 or SHA-512 and PBMAC1 with
/// PBKDF2 (RFC 9579); plain and password-encrypted safes in DER or BER; PBES2 with PBKDF2
/// (hmacWithSHA1/256/384/512; AES-128/192/256-CBC or DES-EDE3-CBC; the password as UTF-8, as
/// OpenSSL does) and the PKCS#12 schemes with SHA-1 and triple DES (three- or two-key) or RC2
/// (128 or 40 bits); certificate, key, shrouded key, secret and nested safe-contents bags, with
/// their friendlyName and localKeyId attributes.
///
/// **Not supported** (`unsupported`): RC4, SHA-224 and SHA-512/t MACs and PRFs, scrypt,
/// public-key integrity and privacy modes, and iteration counts above 10,000,000 (or more than
/// 20,000,000 in all), so that a hostile file cannot make certlint spin.
public enum PKCS12Reader {
    /// The largest file read, in bytes (real ones are a few kilobytes).
    public static let maxSize = 16 << 20

    /// Reads `bytes`, trying `passwords` in order.
    ///
    /// - Throws: `KeystoreError` with `malformed` (with the byte offset), `unsupported`,
    ///   `wrongPassword` or `passwordRequired`; the message never holds a password or key bytes.
    public static func read(_ bytes: [UInt8], passwords: [String]) throws(KeystoreError) -> Keystore {
        guard bytes.count <= maxSize else {
            throw KeystoreError(.unsupported, "The PKCS#12 file is \(bytes.count) bytes; certlint reads files of at most \(maxSize) bytes.")
        }
        let file = try PKCS12File(bytes)
        let candidates = PKCS12Password.candidates(passwords)
        var budget = PKCS12WorkBudget()

        if let mac = file.mac {
            try mac.checkCost()
            var chosen: PKCS12Password?
            for candidate in candidates where try mac.verifies(file.authenticatedSafe, password: candidate, budget: &budget) {
                chosen = candidate
                break
            }
            guard let chosen else {
                throw passwordError(passwords, "its integrity MAC does not verify")
            }
            var walker = PKCS12Walker(
                passwords: PKCS12Password.decryptionOrder(chosen, among: candidates), strict: false, budget: budget)
            try walker.readAuthenticatedSafe(file.authenticatedSafe)
            return keystore(walker.contents, integrity: mac.integrity, verified: true, opened: true)
        }

        // No MAC: first see whether anything is encrypted at all.
        var bare = PKCS12Walker(passwords: [], strict: true, budget: budget)
        do throws(KeystoreError) {
            try bare.readAuthenticatedSafe(file.authenticatedSafe)
            return keystore(bare.contents, integrity: nil, verified: false, opened: false)
        } catch where error.code == .passwordRequired {
            budget = bare.budget
        }
        for candidate in candidates {
            var walker = PKCS12Walker(passwords: [candidate], strict: true, budget: budget)
            do throws(KeystoreError) {
                try walker.readAuthenticatedSafe(file.authenticatedSafe)
                return keystore(walker.contents, integrity: nil, verified: false, opened: true)
            } catch where error.code == .wrongPassword {
                budget = walker.budget
            }
        }
        throw passwordError(passwords, "no password decrypts its contents")
    }

    /// `passwordRequired` when only the empty password was tried, `wrongPassword` otherwise.
    private static func passwordError(_ passwords: [String], _ reason: String) -> KeystoreError {
        let supplied = Set(passwords.filter { !$0.isEmpty })
        if supplied.isEmpty {
            return KeystoreError(
                .passwordRequired,
                "The PKCS#12 keystore needs a password and none was supplied: the empty password does not open it (\(reason)).")
        }
        let count = supplied.count
        return KeystoreError(
            .wrongPassword,
            "The PKCS#12 keystore does not open with the \(count == 1 ? "password" : "\(count) passwords") supplied (\(reason)).")
    }

    private static func keystore(_ contents: PKCS12Contents, integrity: KeystoreIntegrity?, verified: Bool, opened: Bool) -> Keystore {
        Keystore(
            format: .pkcs12, entries: PKCS12Entries.group(contents), encryption: contents.encryption, integrity: integrity,
            integrityVerified: verified, opened: opened || contents.usedPassword)
    }
}
