/// A bounded big-endian cursor over bytes written by Java's `DataOutputStream`: `readInt`,
/// `readLong`, `readUnsignedShort`, `readUTF` (modified UTF-8 with a u2 length) and `readFully`.
///
/// Every read checks the bytes that remain and throws ``KeystoreError/Code/malformed`` with the
/// offset and the field being read when they run out; nothing here can trap on any input.
struct JavaDataInput {
    /// The whole input (the keystore).
    let bytes: [UInt8]
    /// The next byte to read.
    private(set) var offset: Int
    /// One past the last byte this cursor may read.
    let end: Int

    /// A cursor over `bytes[range]` (all of `bytes` by default).
    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        let range = range ?? 0..<bytes.count
        self.bytes = bytes
        self.offset = range.lowerBound
        self.end = range.upperBound
    }

    /// The number of bytes left.
    var remaining: Int { end - offset }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset >= end }

    /// Throws unless `count` more bytes are there.
    func require(_ count: Int, _ field: @autoclosure () -> String) throws(KeystoreError) {
        guard count >= 0, count <= remaining else {
            throw KeystoreError(
                .malformed,
                "The keystore ends inside \(field()): it needs \(count) more bytes at byte \(offset) but only \(remaining) remain.",
                offset: offset)
        }
    }

    /// One unsigned byte.
    mutating func readUInt8(_ field: @autoclosure () -> String) throws(KeystoreError) -> UInt8 {
        try require(1, field())
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A big-endian u2 (`readUnsignedShort`).
    mutating func readUInt16(_ field: @autoclosure () -> String) throws(KeystoreError) -> Int {
        try require(2, field())
        defer { offset += 2 }
        return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    /// A big-endian u4, as Java's signed `readInt` would give it.
    mutating func readInt32(_ field: @autoclosure () -> String) throws(KeystoreError) -> Int32 {
        try require(4, field())
        var value: UInt32 = 0
        for index in offset..<offset + 4 { value = value << 8 | UInt32(bytes[index]) }
        offset += 4
        return Int32(bitPattern: value)
    }

    /// A big-endian u8 (`readLong`).
    mutating func readInt64(_ field: @autoclosure () -> String) throws(KeystoreError) -> Int64 {
        try require(8, field())
        var value: UInt64 = 0
        for index in offset..<offset + 8 { value = value << 8 | UInt64(bytes[index]) }
        offset += 8
        return Int64(bitPattern: value)
    }

    /// A length or count written with `writeInt`: non-negative and, since each counted item
    /// takes at least `minimumItemSize` bytes, no more than the bytes that remain allow.
    mutating func readCount(_ field: @autoclosure () -> String, minimumItemSize: Int = 1, limit: Int = .max) throws(KeystoreError) -> Int {
        let start = offset
        let value = Int(try readInt32(field()))
        let possible = remaining / max(minimumItemSize, 1)
        guard value >= 0 else {
            throw KeystoreError(.malformed, "The \(field()) at byte \(start) is negative (\(value)).", offset: start)
        }
        guard value <= limit else {
            throw KeystoreError(.malformed, "The \(field()) at byte \(start) is \(value); certlint reads at most \(limit).", offset: start)
        }
        guard value <= possible else {
            throw KeystoreError(
                .malformed, "The \(field()) at byte \(start) is \(value), more than the \(remaining) bytes that remain can hold.", offset: start)
        }
        return value
    }

    /// Skips `count` bytes.
    mutating func skip(_ count: Int, _ field: @autoclosure () -> String) throws(KeystoreError) {
        try require(count, field())
        offset += count
    }

    /// The range of the next `count` bytes, which are skipped.
    mutating func readRange(_ count: Int, _ field: @autoclosure () -> String) throws(KeystoreError) -> Range<Int> {
        try require(count, field())
        defer { offset += count }
        return offset..<offset + count
    }

    /// A string written with `writeUTF`: a u2 byte length, then Java's modified UTF-8 (NUL as
    /// `C0 80`, characters outside the BMP as two three-byte surrogates). Unpaired surrogates,
    /// which Java allows, become U+FFFD; byte sequences Java would reject throw.
    mutating func readUTF(_ field: @autoclosure () -> String) throws(KeystoreError) -> String {
        let length = try readUInt16("the length of \(field())")
        let range = try readRange(length, field())
        var units: [UInt16] = []
        units.reserveCapacity(length)
        var index = range.lowerBound
        func invalid(_ at: Int) -> KeystoreError {
            KeystoreError(.malformed, "The bytes of \(field()) are not valid modified UTF-8 (byte \(at)).", offset: at)
        }
        while index < range.upperBound {
            let first = bytes[index]
            switch first >> 4 {
            case 0x0...0x7:
                units.append(UInt16(first))
                index += 1
            case 0xC, 0xD:
                guard index + 1 < range.upperBound, bytes[index + 1] & 0xC0 == 0x80 else { throw invalid(index) }
                units.append(UInt16(first & 0x1F) << 6 | UInt16(bytes[index + 1] & 0x3F))
                index += 2
            case 0xE:
                guard index + 2 < range.upperBound, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else {
                    throw invalid(index)
                }
                units.append(UInt16(first & 0x0F) << 12 | UInt16(bytes[index + 1] & 0x3F) << 6 | UInt16(bytes[index + 2] & 0x3F))
                index += 3
            default:
                throw invalid(index)
            }
        }
        return String(decoding: units, as: UTF16.self)
    }
}
