import CertLintCrypto

/// One way of presenting a supplied password to a PKCS#12 file: the BMPString bytes its
/// PKCS#12 key derivation takes and the UTF-8 bytes PBES2 and PBMAC1 take (as OpenSSL does).
///
/// The empty password is tried twice, as the BMPString of `""` (`00 00`, what OpenSSL writes)
/// and as the absent (null) password (no bytes, what some Java and Windows writers use); the
/// two derive different keys. A class so that its bytes are zeroed when the last reference
/// goes, whatever path the reader leaves by.
final class PKCS12Password {
    /// The BMPString form with its two-zero terminator, or `[]` for the null password.
    private(set) var bmp: [UInt8]
    /// The UTF-8 form (empty for both forms of the empty password).
    private(set) var utf8: [UInt8]
    /// Whether this is one of the two forms of the empty password.
    let isEmpty: Bool
    /// Whether this is the null (absent) password rather than the BMPString of `""`.
    let isNull: Bool

    private init(bmp: [UInt8], utf8: [UInt8], isEmpty: Bool, isNull: Bool) {
        self.bmp = bmp
        self.utf8 = utf8
        self.isEmpty = isEmpty
        self.isNull = isNull
    }

    deinit {
        PKCS12Password.wipe(&bmp)
        PKCS12Password.wipe(&utf8)
    }

    /// The forms to try for `passwords`, in order, each distinct password once; the empty
    /// password gives its BMPString form, then its null form.
    static func candidates(_ passwords: [String]) -> [PKCS12Password] {
        var seen = Set<String>()
        var result: [PKCS12Password] = []
        for password in passwords where seen.insert(password).inserted {
            if password.isEmpty {
                result.append(PKCS12Password(bmp: [0, 0], utf8: [], isEmpty: true, isNull: false))
                result.append(PKCS12Password(bmp: [], utf8: [], isEmpty: true, isNull: true))
            } else {
                result.append(
                    PKCS12Password(bmp: PKCS12KDF.bmpPassword(password), utf8: Array(password.utf8), isEmpty: false, isNull: false))
            }
        }
        return result
    }

    /// The forms to try on the encrypted contents once the MAC has picked `chosen`: `chosen`
    /// itself, then for the empty password its other form (a writer may have used one form for
    /// the MAC and the other for the encryption).
    static func decryptionOrder(_ chosen: PKCS12Password, among all: [PKCS12Password]) -> [PKCS12Password] {
        var order = [chosen]
        if chosen.isEmpty {
            order += all.filter { $0.isEmpty && $0.isNull != chosen.isNull }
        }
        return order
    }

    /// Overwrites `bytes` with zeros in place (when the buffer is not shared, which is the
    /// case for every buffer the reader owns).
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
    }
}

/// The key-derivation work one read may spend, so that a hostile file (thousands of bags,
/// each asking for millions of iterations) cannot make certlint spin.
struct PKCS12WorkBudget {
    /// The most iterations one key derivation may ask for; more is refused as unsupported.
    static let maxIterations = 10_000_000
    /// The most iterations, summed over every derivation and every password tried, one read
    /// may spend.
    static let maxTotalIterations = 20_000_000

    private(set) var spent = 0

    /// Charges one derivation of `iterations` rounds; throws once the budget is exceeded.
    mutating func charge(_ iterations: Int, _ what: String) throws(KeystoreError) {
        try PKCS12WorkBudget.checkIterations(iterations, what)
        spent += iterations
        if spent > PKCS12WorkBudget.maxTotalIterations {
            throw KeystoreError(
                .unsupported,
                "Opening the PKCS#12 keystore would take more than \(PKCS12WorkBudget.maxTotalIterations) key-derivation iterations in all; certlint stops there.")
        }
    }

    /// Throws unless `iterations` is between 1 and ``maxIterations``.
    static func checkIterations(_ iterations: Int, _ what: String, offset: Int? = nil) throws(KeystoreError) {
        guard iterations >= 1 else {
            throw KeystoreError(.malformed, "The iteration count of \(what) is \(iterations); it must be at least 1.", offset: offset)
        }
        guard iterations <= maxIterations else {
            throw KeystoreError(
                .unsupported,
                "The iteration count of \(what) is \(iterations); certlint refuses more than \(maxIterations) so that a hostile file cannot make it spin.",
                offset: offset)
        }
    }
}
