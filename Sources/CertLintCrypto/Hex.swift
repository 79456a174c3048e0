/// The ASCII codes of "0123456789abcdef".
@usableFromInline let lowercaseHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// The ASCII codes of "0123456789ABCDEF".
private let uppercaseHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

extension Collection<UInt8> {
    /// The bytes as lowercase hexadecimal, two digits a byte, with no separator.
    ///
    /// `[0xAB, 0x01]` gives `"ab01"`; no bytes give `""`.
    @inlinable
    public var hexString: String {
        // Inlinable, so each caller gets a loop specialised to its collection type (the
        // generic one allocates as it iterates).
        var ascii: [UInt8] = []
        ascii.reserveCapacity(2 * count)
        for byte in self {
            ascii.append(lowercaseHexDigits[Int(byte &>> 4)])
            ascii.append(lowercaseHexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// The bytes as uppercase hexadecimal pairs joined by colons, as fingerprints are shown.
    ///
    /// `[0xAB, 0x01]` gives `"AB:01"`; no bytes give `""`.
    public var colonHexString: String {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(3 * count)
        for byte in self {
            if !ascii.isEmpty {
                ascii.append(UInt8(ascii: ":"))
            }
            ascii.append(uppercaseHexDigits[Int(byte &>> 4)])
            ascii.append(uppercaseHexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: ascii, as: UTF8.self)
    }
}
