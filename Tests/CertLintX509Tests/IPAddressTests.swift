import Testing

@testable import CertLintX509

// Expected bytes and strings in these tables were produced by Python 3.13.0's `ipaddress` module,
// the project's differential oracle:
//   python3.13 -c 'import ipaddress as i; a = i.ip_address(T); print(a.packed.hex(), str(a))'
//   python3.13 -c 'import ipaddress as i; print(i.ip_network(T, strict=False))'
// Python 3.12 and earlier print IPv4-mapped addresses in hex (`::ffff:c000:201`); 3.13 prints the
// dotted tail (`::ffff:192.0.2.1`), as RFC 5952 §5 recommends, and so do we.

/// Lower-case hex to bytes, for the tables (test input only).
private func hexBytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8).map { byte -> UInt8 in
        byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : byte - UInt8(ascii: "a") + 10
    }
    return stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
}

/// (text, packed bytes in hex, canonical text) as Python 3.13 gives them.
private let validAddresses: [(String, String, String)] = [
    ("0.0.0.0", "00000000", "0.0.0.0"),
    ("255.255.255.255", "ffffffff", "255.255.255.255"),
    ("192.0.2.1", "c0000201", "192.0.2.1"),
    ("10.0.0.1", "0a000001", "10.0.0.1"),
    ("127.0.0.1", "7f000001", "127.0.0.1"),
    ("1.2.3.4", "01020304", "1.2.3.4"),
    ("::", "00000000000000000000000000000000", "::"),
    ("::1", "00000000000000000000000000000001", "::1"),
    ("0:0:0:0:0:0:0:1", "00000000000000000000000000000001", "::1"),
    ("0000:0000:0000:0000:0000:0000:0000:0001", "00000000000000000000000000000001", "::1"),
    ("2001:db8::1", "20010db8000000000000000000000001", "2001:db8::1"),
    ("2001:DB8::1", "20010db8000000000000000000000001", "2001:db8::1"),
    ("2001:0db8:0000:0000:0000:0000:0000:0001", "20010db8000000000000000000000001", "2001:db8::1"),
    ("2001:db8:0:0:1:0:0:1", "20010db8000000000001000000000001", "2001:db8::1:0:0:1"),
    ("2001:db8::1:0:0:1", "20010db8000000000001000000000001", "2001:db8::1:0:0:1"),
    ("2001:db8:0:1:1:1:1:1", "20010db8000000010001000100010001", "2001:db8:0:1:1:1:1:1"),
    ("1:0:0:2:0:0:0:3", "00010000000000020000000000000003", "1:0:0:2::3"),
    ("1:0:0:2:0:0:3:4", "00010000000000020000000000030004", "1::2:0:0:3:4"),
    ("1::", "00010000000000000000000000000000", "1::"),
    ("1:2:3:4:5:6:7::", "00010002000300040005000600070000", "1:2:3:4:5:6:7:0"),
    ("::2:3:4:5:6:7:8", "00000002000300040005000600070008", "0:2:3:4:5:6:7:8"),
    ("1:2:3:4:5:6:7:8", "00010002000300040005000600070008", "1:2:3:4:5:6:7:8"),
    ("fe80::1:2:3:4", "fe800000000000000001000200030004", "fe80::1:2:3:4"),
    ("FE80::ABCD", "fe80000000000000000000000000abcd", "fe80::abcd"),
    ("2001:db8:0:0:0:0:2:1", "20010db8000000000000000000020001", "2001:db8::2:1"),
    ("2001:db8::0:1", "20010db8000000000000000000000001", "2001:db8::1"),
    ("ff02::2", "ff020000000000000000000000000002", "ff02::2"),
    ("::1:0:0:0", "00000000000000000001000000000000", "::1:0:0:0"),
    ("0:0:1::", "00000000000100000000000000000000", "0:0:1::"),
    ("::ffff:192.0.2.1", "00000000000000000000ffffc0000201", "::ffff:192.0.2.1"),
    ("::FFFF:192.0.2.1", "00000000000000000000ffffc0000201", "::ffff:192.0.2.1"),
    ("::ffff:c000:201", "00000000000000000000ffffc0000201", "::ffff:192.0.2.1"),
    ("0:0:0:0:0:ffff:192.0.2.1", "00000000000000000000ffffc0000201", "::ffff:192.0.2.1"),
    ("::ffff:0.0.0.0", "00000000000000000000ffff00000000", "::ffff:0.0.0.0"),
    ("::ffff:255.255.255.255", "00000000000000000000ffffffffffff", "::ffff:255.255.255.255"),
    ("::ffff:ffff:ffff", "00000000000000000000ffffffffffff", "::ffff:255.255.255.255"),
    ("::192.0.2.1", "000000000000000000000000c0000201", "::c000:201"),
    ("::ffff:0:192.0.2.1", "0000000000000000ffff0000c0000201", "::ffff:0:c000:201"),
    ("64:ff9b::192.0.2.1", "0064ff9b0000000000000000c0000201", "64:ff9b::c000:201"),
    ("1:2:3:4:5:6:1.2.3.4", "00010002000300040005000601020304", "1:2:3:4:5:6:102:304"),
    ("1::1.2.3.4", "00010000000000000000000001020304", "1::102:304"),
    (
        "2001:db8:85a3:8d3:1319:8a2e:370:7348", "20010db885a308d313198a2e03707348",
        "2001:db8:85a3:8d3:1319:8a2e:370:7348"
    ),
]

/// Text that must not parse. Python 3.13 rejects all of it too, except the zone identifiers
/// (`fe80::1%eth0`), which it has accepted since 3.9 and which a certificate can never hold.
private let invalidAddresses: [String] = [
    "", " ", "1.2.3", "1.2.3.4.5", "127.1", "1.2.3.4.", ".1.2.3.4", "01.2.3.4", "1.2.3.04", "00.0.0.0",
    "256.0.0.0", "1.2.3.256", "0x7f.0.0.1", "1.2.3.-4", "1.2.3.+4", " 1.2.3.4", "1.2.3.4 ", "1..2.3",
    "2130706433", "1.2.3.4a", "١.٢.٣.٤", "1.2.3.1000",
    ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1::2::3",
    ":1::2", "1::2:", ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:", "12345::", "::g", "fe80::1%eth0", "fe80::1%1",
    "[::1]", "::1/128", "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:256.1.1.1", "1.2.3.4::", "::1.2.3.4:5",
    "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5::6:1.2.3.4", ":1.2.3.4", "::1.2.3.4.5", " ::1", "::1 ",
    "1:2:3:4:5:6:7:8%x", "0x1::", "1:2:3:4:5:6:7::8",
    String(repeating: "0", count: 70) + "::1",
]

/// (host text, packed bytes in hex or nil when the host must be rejected).
private let hostForms: [(String, String?)] = [
    ("[::1]", "00000000000000000000000000000001"),
    ("[2001:DB8::1]", "20010db8000000000000000000000001"),
    ("[::ffff:192.0.2.1]", "00000000000000000000ffffc0000201"),
    ("::1", "00000000000000000000000000000001"),
    ("192.0.2.1", "c0000201"),
    ("[192.0.2.1]", nil),
    ("[::1", nil),
    ("::1]", nil),
    ("[]", nil),
    ("[", nil),
    ("[fe80::1%25eth0]", nil),
    ("[fe80::1%eth0]", nil),
    ("[[::1]]", nil),
]

/// (address then mask, in hex, as a name constraint holds them; Python 3.13's
/// `str(ip_network(..., strict=False))`).
private let networks: [(String, String)] = [
    ("c0a80000ffff0000", "192.168.0.0/16"),
    ("0a000000ff000000", "10.0.0.0/8"),
    ("0000000000000000", "0.0.0.0/0"),
    ("c0000201ffffffff", "192.0.2.1/32"),
    ("c6336480ffffff80", "198.51.100.128/25"),
    ("20010db8000000000000000000000000ffffffff000000000000000000000000", "2001:db8::/32"),
    ("0000000000000000000000000000000000000000000000000000000000000000", "::/0"),
    ("00000000000000000000000000000001ffffffffffffffffffffffffffffffff", "::1/128"),
    ("fe800000000000000000000000000000ffc00000000000000000000000000000", "fe80::/10"),
    ("20010db8abcd00120000000000000000ffffffffffffffff0000000000000000", "2001:db8:abcd:12::/64"),
    ("00000000000000000000ffff0a000000ffffffffffffffffffffffffff000000", "::ffff:10.0.0.0/104"),
    // Host bits set: Python needs strict=False and prints the masked network.
    ("0a000001ff000000", "10.0.0.0/8"),
]

/// (network, candidate, contained?).
private let containment: [(String, String, Bool)] = [
    ("192.168.0.0/16", "192.168.255.1", true),
    ("192.168.0.0/16", "192.169.0.1", false),
    ("10.0.0.0/8", "10.255.255.255", true),
    ("10.0.0.0/8", "11.0.0.0", false),
    ("0.0.0.0/0", "203.0.113.9", true),
    ("198.51.100.128/25", "198.51.100.127", false),
    ("198.51.100.128/25", "198.51.100.200", true),
    ("192.0.2.1/32", "192.0.2.1", true),
    ("192.0.2.1/32", "192.0.2.2", false),
    ("2001:db8::/32", "2001:db8:ffff::1", true),
    ("2001:db8::/32", "2001:db9::1", false),
    ("fe80::/10", "febf::1", true),
    ("fe80::/10", "fec0::1", false),
    ("::/0", "2001:db8::1", true),
    // Families never mix: a mapped address is not in an IPv4 network, nor IPv4 in ::/0.
    ("10.0.0.0/8", "::ffff:10.0.0.1", false),
    ("::/0", "10.0.0.1", false),
    ("::ffff:10.0.0.0/104", "10.0.0.1", false),
    ("::ffff:10.0.0.0/104", "::ffff:10.1.2.3", true),
]

/// Parsing, formatting and range checks of IP address text and bytes.
@Suite struct IPAddressTests {
    @Test(arguments: validAddresses)
    func parsesAndFormatsLikePython(text: String, packedHex: String, canonical: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.bytes == hexBytes(packedHex))
        #expect(address.description == canonical)
        #expect(address.isIPv4 == (address.bytes.count == 4))
        // The canonical text parses back to the same address.
        #expect(IPAddress(canonical) == address)
        #expect(IPAddress(bytes: address.bytes) == address)
    }

    @Test(arguments: invalidAddresses)
    func rejectsMalformedText(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test(arguments: hostForms)
    func parsesURLHostForms(host: String, packedHex: String?) {
        #expect(IPAddress(host: host)?.bytes == packedHex.map(hexBytes))
    }

    @Test(arguments: [0, 1, 3, 5, 8, 15, 17, 32])
    func rejectsWrongByteCounts(count: Int) {
        #expect(IPAddress(bytes: [UInt8](repeating: 1, count: count)) == nil)
    }

    @Test func ipv4MappedIsDistinctFromIPv4() throws {
        let mapped = try #require(IPAddress("::ffff:192.0.2.1"))
        let plain = try #require(IPAddress("192.0.2.1"))
        #expect(mapped != plain)
        #expect(!mapped.isIPv4)
        #expect(mapped.ipv4Mapped == plain)
        #expect(plain.ipv4Mapped == nil)
        #expect(IPAddress("::192.0.2.1")?.ipv4Mapped == nil)
    }

    @Test(arguments: networks)
    func formatsNetworksLikePython(encodedHex: String, expected: String) throws {
        let network = try #require(IPNetwork(nameConstraintBytes: hexBytes(encodedHex)))
        #expect(network.description == expected)
        #expect(network.mask == Array(hexBytes(encodedHex).dropFirst(network.address.bytes.count)))
        #expect(network.contains(network.address))
        #expect(network.contains(network.networkAddress))
    }

    @Test(arguments: [
        "ff00ff00" + "c0a80000",  // 8 bytes but mask is non-contiguous
        "c0a80000ff00ff00",
        "c0a80000fffffffe01",
        "c0a80000ffff",
        "c0a80000",
        "",
        "20010db8000000000000000000000000ffffffff000000000000000000000001",
        "20010db8000000000000000000000000ffffffff",
    ])
    func rejectsMalformedNameConstraints(encodedHex: String) {
        #expect(IPNetwork(nameConstraintBytes: hexBytes(encodedHex)) == nil)
    }

    @Test func hostBitsAreReported() throws {
        let clean = try #require(IPNetwork(nameConstraintBytes: hexBytes("0a000000ff000000")))
        let dirty = try #require(IPNetwork(nameConstraintBytes: hexBytes("0a000001ff000000")))
        #expect(!clean.hasHostBitsSet)
        #expect(dirty.hasHostBitsSet)
        #expect(dirty.address.description == "10.0.0.1")
    }

    @Test(arguments: containment)
    func containsAddressesOfTheSameFamilyOnly(network: String, candidate: String, expected: Bool) throws {
        let parts = network.split(separator: "/")
        let base = try #require(IPAddress(String(parts[0])))
        let prefix = try #require(Int(parts[1]))
        let range = try #require(IPNetwork(address: base, prefixLength: prefix))
        #expect(range.description == network)
        #expect(range.contains(try #require(IPAddress(candidate))) == expected)
    }

    @Test func rejectsPrefixLengthsOutOfRange() throws {
        let v4 = try #require(IPAddress("10.0.0.0"))
        let v6 = try #require(IPAddress("::"))
        #expect(IPNetwork(address: v4, prefixLength: 33) == nil)
        #expect(IPNetwork(address: v4, prefixLength: -1) == nil)
        #expect(IPNetwork(address: v6, prefixLength: 129) == nil)
        #expect(IPNetwork(address: v6, prefixLength: 128) != nil)
    }
}
