// IP address text handling for certificate identities (iPAddress SANs, name constraints and the
// hosts that deployments name).
//
// Parsing is deliberately strict and written in pure Swift (no inet_pton: its accepted forms differ
// between C libraries, and BSD-derived ones accept `127.1` and octal parts). Formatting follows
// RFC 5952 and matches Python 3.13's `ipaddress` module, the project's differential oracle.

/// An IPv4 or IPv6 address held as its 4 or 16 network-order bytes.
///
/// Text is parsed strictly:
/// - IPv4 is a dotted quad of exactly four decimal parts, each 0–255, with no leading zeros
///   (`192.0.2.1`; not `127.1`, `0x7f.0.0.1`, `010.0.0.1` or `1.2.3.4.`).
/// - IPv6 is any RFC 4291 §2.2 text form: eight groups of one to four hex digits, at most one `::`
///   standing for one or more zero groups, and optionally a dotted-quad IPv4 tail
///   (`::ffff:192.0.2.1`). Zone identifiers (`fe80::1%eth0`) and brackets are rejected; use
///   ``init(host:)`` for the bracketed form used in URLs.
///
/// ``description`` prints the canonical text form (see there).
public struct IPAddress: Hashable, Sendable {
    /// The address in network byte order: 4 bytes for IPv4, 16 bytes for IPv6.
    public let bytes: [UInt8]

    /// Creates an address from its network-order bytes; nil unless there are exactly 4 or 16.
    ///
    /// This is the form an iPAddress general name holds in a certificate (RFC 5280 §4.2.1.6).
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = Array(bytes)
    }

    /// Parses IPv4 dotted-quad or IPv6 text; nil if the text is neither (see the type's rules).
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count <= IPAddress.maximumTextLength else { return nil }
        if let v4 = IPAddress.parseIPv4(utf8[...]) {
            self.bytes = v4
        } else if let v6 = IPAddress.parseIPv6(utf8[...]) {
            self.bytes = v6
        } else {
            return nil
        }
    }

    /// Parses a host as it appears in a URL authority: `[v6]`, bare IPv6 text, or a dotted quad.
    ///
    /// Brackets must enclose IPv6 text (`[192.0.2.1]` is rejected), and a zone identifier is
    /// rejected inside them too. Unlike a browser's URL parser, short or numeric IPv4 forms such as
    /// `127.1` or `2130706433` are not accepted.
    public init?(host: String) {
        let utf8 = Array(host.utf8)
        guard utf8.count <= IPAddress.maximumTextLength + 2 else { return nil }
        if utf8.first == UInt8(ascii: "[") {
            guard utf8.count >= 2, utf8.last == UInt8(ascii: "]"),
                let v6 = IPAddress.parseIPv6(utf8[1..<(utf8.count - 1)])
            else { return nil }
            self.init(bytes: v6)
        } else {
            self.init(host)
        }
    }

    /// True for a 4-byte IPv4 address, false for a 16-byte IPv6 address.
    ///
    /// An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is IPv6: it is 16 bytes and does not
    /// equal, or match, the 4-byte IPv4 address.
    public var isIPv4: Bool { bytes.count == 4 }

    /// The embedded IPv4 address if this is an IPv4-mapped IPv6 address (`::ffff:0:0/96`).
    public var ipv4Mapped: IPAddress? {
        guard IPAddress.isIPv4Mapped(bytes) else { return nil }
        return IPAddress(bytes: bytes[12..<16])
    }

    // MARK: - Parsing

    /// Longer text cannot be an address (the longest IPv6 form with an IPv4 tail has 45 characters
    /// when every group is written with four digits); this bounds the work done on hostile input.
    static let maximumTextLength = 64

    /// Parses exactly four decimal parts 0–255 without leading zeros.
    static func parseIPv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(4)
        var value = 0
        var digits = 0
        var firstDigit: UInt8 = 0
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, result.count < 3 else { return nil }
                result.append(UInt8(value))
                value = 0
                digits = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if digits == 0 { firstDigit = byte }
                // A leading zero is rejected: `010` is octal to inet_aton and decimal to others.
                guard digits == 0 || firstDigit != UInt8(ascii: "0") else { return nil }
                digits += 1
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                guard digits <= 3, value <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, result.count == 3 else { return nil }
        result.append(UInt8(value))
        return result
    }

    /// Parses RFC 4291 §2.2 text: groups of 1–4 hex digits, at most one `::` standing for one or
    /// more zero groups, and an optional dotted-quad tail in place of the last two groups.
    static func parseIPv6(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let colon = UInt8(ascii: ":")
        guard text.count >= 2, text.count <= maximumTextLength, text.contains(colon) else { return nil }

        // Split off an IPv4 tail (everything after the last colon, if it contains a dot).
        var head = text
        var tail: [UInt8] = []
        if text.contains(UInt8(ascii: ".")) {
            guard let lastColon = text.lastIndex(of: colon),
                let v4 = parseIPv4(text[(lastColon + 1)...])
            else { return nil }
            tail = v4
            // Keep the colon when it is the second of a `::` (as in `::192.0.2.1`).
            let previous = lastColon - 1
            head =
                previous >= text.startIndex && text[previous] == colon
                ? text[...lastColon] : text[..<lastColon]
        }
        let groupsWanted = tail.isEmpty ? 8 : 6

        var groups: [UInt16]
        if let gap = firstDoubleColon(in: head) {
            // A second `::` (or `:::`) anywhere after the first makes the text ambiguous.
            guard firstDoubleColon(in: head[(gap + 1)...]) == nil,
                let left = parseGroups(head[..<gap]),
                let right = parseGroups(head[(gap + 2)...]),
                left.count + right.count < groupsWanted
            else { return nil }
            groups = left + Array(repeating: 0, count: groupsWanted - left.count - right.count) + right
        } else {
            guard let all = parseGroups(head), all.count == groupsWanted else { return nil }
            groups = all
        }

        var result: [UInt8] = []
        result.reserveCapacity(16)
        for group in groups {
            result.append(UInt8(group >> 8))
            result.append(UInt8(group & 0xff))
        }
        result.append(contentsOf: tail)
        return result
    }

    /// The index of the first `::` in `text`, if any.
    private static func firstDoubleColon(in text: ArraySlice<UInt8>) -> Int? {
        var index = text.startIndex
        while index + 1 < text.endIndex {
            if text[index] == UInt8(ascii: ":") && text[index + 1] == UInt8(ascii: ":") { return index }
            index += 1
        }
        return nil
    }

    /// Parses colon-separated hex groups; an empty slice is no groups, an empty group is an error.
    private static func parseGroups(_ text: ArraySlice<UInt8>) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        var groups: [UInt16] = []
        var value: UInt16 = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: ":") {
                guard digits > 0 else { return nil }
                groups.append(value)
                value = 0
                digits = 0
                guard groups.count < 8 else { return nil }
            } else if let nibble = hexValue(byte) {
                digits += 1
                guard digits <= 4 else { return nil }
                value = value << 4 | UInt16(nibble)
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        groups.append(value)
        return groups
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: - Formatting

    /// True for the 16 bytes of `::ffff:a.b.c.d` (ten zero bytes, then `ff ff`).
    static func isIPv4Mapped(_ bytes: [UInt8]) -> Bool {
        bytes.count == 16 && bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
    }

    static func dottedQuad(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String($0) }.joined(separator: ".")
    }

    /// RFC 5952 §4: lower-case hex, no leading zeros, the longest run of two or more zero groups
    /// (the first on a tie) written as `::`; IPv4-mapped addresses keep a dotted tail (§5).
    static func ipv6Text(_ bytes: [UInt8]) -> String {
        if isIPv4Mapped(bytes) {
            return "::ffff:" + dottedQuad(bytes[12..<16])
        }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }

        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for index in 0...8 {
            if index < 8 && groups[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                let length = index - runStart
                if length > bestLength {
                    bestStart = runStart
                    bestLength = length
                }
                runStart = -1
            }
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard bestLength >= 2 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }
}

extension IPAddress: CustomStringConvertible {
    /// The canonical text: a dotted quad for IPv4, RFC 5952 text for IPv6.
    ///
    /// IPv4-mapped IPv6 addresses print with a dotted tail, `::ffff:192.0.2.1`, as RFC 5952 §5
    /// recommends and as Python 3.13's `str(ipaddress.ip_address(...))` does (Python 3.12 and
    /// earlier print `::ffff:c000:201`). Other embedded forms (`::192.0.2.1`, `64:ff9b::/96`)
    /// print in hex, as Python does.
    public var description: String {
        isIPv4 ? IPAddress.dottedQuad(bytes[...]) : IPAddress.ipv6Text(bytes)
    }
}

/// An IP address range as an iPAddress name constraint holds it: an address and a prefix length.
///
/// RFC 5280 §4.2.1.10 encodes the range as the address followed by a mask of the same length
/// (8 bytes for IPv4, 32 for IPv6). Only contiguous masks (ones, then zeros) describe a prefix;
/// anything else is rejected.
public struct IPNetwork: Hashable, Sendable {
    /// The address as encoded, which may have bits set beyond the prefix (see ``hasHostBitsSet``).
    public let address: IPAddress

    /// The number of leading one bits in the mask: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// Creates a network from an address and a prefix length; nil if the length is out of range.
    public init?(address: IPAddress, prefixLength: Int) {
        guard prefixLength >= 0, prefixLength <= address.bytes.count * 8 else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Decodes the name-constraints form: 4 address bytes and a 4-byte mask, or 16 and 16.
    ///
    /// Nil for any other length and for a non-contiguous mask such as `255.0.255.0`.
    public init?(nameConstraintBytes: some Collection<UInt8>) {
        let all = Array(nameConstraintBytes)
        guard all.count == 8 || all.count == 32 else { return nil }
        let half = all.count / 2
        guard let address = IPAddress(bytes: all[0..<half]),
            let prefix = IPNetwork.prefixLength(ofMask: all[half...])
        else { return nil }
        self.address = address
        self.prefixLength = prefix
    }

    /// The mask bytes for ``prefixLength``, as long as the address.
    public var mask: [UInt8] {
        IPNetwork.mask(prefixLength: prefixLength, byteCount: address.bytes.count)
    }

    /// The address with every bit beyond the prefix cleared.
    public var networkAddress: IPAddress {
        let masked = zip(address.bytes, mask).map { $0 & $1 }
        return IPAddress(bytes: masked) ?? address
    }

    /// True if the encoded address has bits set beyond the prefix (`10.0.0.1/8`).
    ///
    /// Python's `ipaddress.ip_network` rejects such a network unless `strict=False`.
    public var hasHostBitsSet: Bool { networkAddress != address }

    /// True if `candidate` is of the same family and agrees with the network on the prefix bits.
    ///
    /// An IPv4-mapped IPv6 address is never inside an IPv4 network, nor an IPv4 address inside an
    /// IPv6 network.
    public func contains(_ candidate: IPAddress) -> Bool {
        guard candidate.bytes.count == address.bytes.count else { return false }
        for (index, maskByte) in mask.enumerated()
        where candidate.bytes[index] & maskByte != address.bytes[index] & maskByte {
            return false
        }
        return true
    }

    /// Counts the leading ones of a mask; nil if a one follows a zero.
    static func prefixLength(ofMask mask: ArraySlice<UInt8>) -> Int? {
        var length = 0
        var seenZero = false
        for byte in mask {
            for bit in (0..<8).reversed() {
                if byte >> UInt8(bit) & 1 == 1 {
                    guard !seenZero else { return nil }
                    length += 1
                } else {
                    seenZero = true
                }
            }
        }
        return length
    }

    static func mask(prefixLength: Int, byteCount: Int) -> [UInt8] {
        (0..<byteCount).map { index in
            let bits = min(max(prefixLength - index * 8, 0), 8)
            return bits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - bits))
        }
    }
}

extension IPNetwork: CustomStringConvertible {
    /// `network/prefix`, such as `192.168.0.0/16` or `2001:db8::/32`.
    ///
    /// The address printed is ``networkAddress`` (host bits cleared), as Python's
    /// `str(ipaddress.ip_network(text, strict=False))` prints it; check ``hasHostBitsSet`` to report
    /// an encoding with host bits set.
    public var description: String {
        "\(networkAddress)/\(prefixLength)"
    }
}
