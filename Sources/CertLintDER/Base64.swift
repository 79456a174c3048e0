import CertLintDERAccel

/// Standard Base64 (RFC 4648 section 4), decoded strictly but tolerant of the line breaks and
/// stray whitespace found in PEM files, Kubernetes Secrets and configuration values.
public enum Base64 {
    /// Whether runs of alphabet characters can be decoded 16 at a time by CertLintDERAccel
    /// (x86-64 with SSSE3).
    static let hasVectorDecoder = certlint_base64_accelerated() == 1

    private static let invalid: UInt8 = 0xFF
    private static let whitespace: UInt8 = 0x80
    private static let padding: UInt8 = 0x40

    /// Maps a byte to its 6-bit value, or to one of the markers above.
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: invalid, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, char) in alphabet.enumerated() { t[Int(char)] = UInt8(value) }
        for char in [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C] {
            t[Int(char)] = whitespace
        }
        t[Int(UInt8(ascii: "="))] = padding
        return t
    }()

    /// The same decoding as four 32-bit tables, each value pre-shifted to its place in a
    /// 24-bit group and any non-alphabet byte mapped to bit 24, so four characters decode with
    /// four loads, three ORs and one test.
    private static let shiftedTables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 1024)
        for byte in 0..<256 {
            let v = table[byte]
            for (k, shift) in [18, 12, 6, 0].enumerated() {
                t[k * 256 + byte] = v < 64 ? UInt32(v) << UInt32(shift) : 0x0100_0000
            }
        }
        return t
    }()

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Decodes Base64 text, ignoring whitespace anywhere.
    public static func decode(_ text: String) throws(DERError) -> [UInt8] {
        let bytes = Array(text.utf8)
        return try decode(bytes, in: 0..<bytes.count, stopAtDash: false).bytes
    }

    /// Decodes `input[range]`, ignoring whitespace; with `stopAtDash` it stops at the first `-`
    /// (the start of a PEM `-----END` line) and returns where it stopped.
    ///
    /// Errors give the offset (in `input`) of the offending character.
    public static func decode(
        _ input: [UInt8], in range: Range<Int>, stopAtDash: Bool
    ) throws(DERError) -> (bytes: [UInt8], end: Int) {
        try decode(input, in: range, stopAtDash: stopAtDash, vector: hasVectorDecoder)
    }

    /// ``decode(_:in:stopAtDash:)``, with the vector decoder (`vector`, where the CPU has it)
    /// or the Swift decoder alone (tests compare the two).
    static func decode(
        _ input: [UInt8], in range: Range<Int>, stopAtDash: Bool, vector: Bool
    ) throws(DERError) -> (bytes: [UInt8], end: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= input.count)
        var failure: DERError?
        var stop = range.upperBound
        let capacity = range.count / 4 * 3 + 3
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            table.withUnsafeBufferPointer { t in
              shiftedTables.withUnsafeBufferPointer { shifted in
                input.withUnsafeBufferPointer { src in
                    var i = range.lowerBound
                    let end = range.upperBound
                    var o = 0
                    var acc: UInt32 = 0
                    var n = 0
                    var pad = 0
                    scan: while i < end {
                        if n == 0 && pad == 0 {
                            // Fastest path: whole 16-character groups of alphabet characters
                            // (a PEM line is four), in vector registers.
                            if vector {
                                let consumed = certlint_base64_decode_blocks(
                                    src.baseAddress.unsafelyUnwrapped + i, end - i, out.baseAddress.unsafelyUnwrapped + o, capacity - o)
                                i += consumed
                                o += consumed / 4 * 3
                            }
                            // Fast path: four alphabet characters give three bytes. Output
                            // capacity has three bytes of slack, so a 4-byte store is safe.
                            while i + 4 <= end && o + 4 <= capacity {
                                let v = shifted[Int(src[i])] | shifted[256 + Int(src[i + 1])]
                                    | shifted[512 + Int(src[i + 2])] | shifted[768 + Int(src[i + 3])]
                                if v & 0xFF00_0000 != 0 { break }
                                UnsafeMutableRawPointer(out.baseAddress.unsafelyUnwrapped + o)
                                    .storeBytes(of: (v << 8).bigEndian, as: UInt32.self)
                                o += 3
                                i += 4
                            }
                            if i >= end { break scan }
                        }
                        let char = src[i]
                        let value = t[Int(char)]
                        if value < 64 {
                            if pad > 0 {
                                failure = DERError(.invalidBase64, at: i, "Base64 text continues after its '=' padding")
                                break scan
                            }
                            acc = acc << 6 | UInt32(value)
                            n += 1
                            if n == 4 {
                                out[o] = UInt8(truncatingIfNeeded: acc >> 16)
                                out[o + 1] = UInt8(truncatingIfNeeded: acc >> 8)
                                out[o + 2] = UInt8(truncatingIfNeeded: acc)
                                o += 3
                                n = 0
                                acc = 0
                            }
                        } else if value == whitespace {
                            // Line breaks and indentation.
                        } else if value == padding {
                            pad += 1
                            if n < 2 || n + pad > 4 {
                                failure = DERError(.invalidBase64, at: i, "Base64 text has '=' padding in the wrong place")
                                break scan
                            }
                        } else if char == UInt8(ascii: "-") && stopAtDash {
                            stop = i
                            break scan
                        } else {
                            let shown = char >= 0x20 && char < 0x7F ? "'\(Character(Unicode.Scalar(char)))'" : "byte 0x\(hexByte(char))"
                            failure = DERError(.invalidBase64, at: i, "Base64 text holds \(shown), which is not in the Base64 alphabet")
                            break scan
                        }
                        i += 1
                    }
                    if failure == nil {
                        switch n {
                        case 0:
                            break
                        case 1:
                            failure = DERError(.invalidBase64, at: stop, "Base64 text ends with a single stray character")
                        case 2:
                            out[o] = UInt8(truncatingIfNeeded: acc >> 4)
                            o += 1
                        default:
                            out[o] = UInt8(truncatingIfNeeded: acc >> 10)
                            out[o + 1] = UInt8(truncatingIfNeeded: acc >> 2)
                            o += 2
                        }
                        if n != 0 && pad != 0 && n + pad != 4 {
                            failure = DERError(.invalidBase64, at: stop, "Base64 text has too little '=' padding")
                        }
                    }
                    initialized = o
                }
              }
            }
        }
        if let failure { throw failure }
        return (output, stop)
    }

    /// Encodes bytes as Base64 with padding, optionally broken into lines of `lineLength`.
    public static func encode(_ bytes: some Collection<UInt8>, lineLength: Int? = nil) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4 + bytes.count / 48 + 1)
        var column = 0
        func emit(_ c: UInt8) {
            if let lineLength, column == lineLength {
                out.append(UInt8(ascii: "\n"))
                column = 0
            }
            out.append(c)
            column += 1
        }
        var iterator = bytes.makeIterator()
        while let a = iterator.next() {
            let b = iterator.next()
            let c = iterator.next()
            let v = UInt32(a) << 16 | UInt32(b ?? 0) << 8 | UInt32(c ?? 0)
            emit(alphabet[Int(v >> 18 & 63)])
            emit(alphabet[Int(v >> 12 & 63)])
            emit(b == nil ? UInt8(ascii: "=") : alphabet[Int(v >> 6 & 63)])
            emit(c == nil ? UInt8(ascii: "=") : alphabet[Int(v & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
