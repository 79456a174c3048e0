import Testing

@testable import CertLintX509

// Case ideas come from RFC 9525 §6 (and RFC 6125 §6.4), the shapes apple/swift-certificates'
// ServerIdentityPolicyTests and Chromium's x509_certificate / cert_verify_proc tests exercise, and
// the WHATWG URL Standard's host parser; the tables and code are our own.

/// One hostname-matching case: a host, a certificate's identities, and the expected verdict.
private struct MatchCase: Sendable, CustomTestStringConvertible {
    let host: String
    let dns: [String]
    let ips: [String]
    let cns: [String]
    let hasSAN: Bool
    let fallback: HostnameMatcher.CommonNameFallback
    let expected: Bool
    let why: String

    var testDescription: String {
        "\(host.debugDescription) vs dns=\(dns) ip=\(ips) cn=\(cns)\(hasSAN ? "" : " (no SAN)") → \(expected): \(why)"
    }
}

/// A certificate with a SAN extension holding `dns` and `ips`.
private func san(
    _ host: String, dns: [String] = [], ips: [String] = [], cns: [String] = [], _ expected: Bool, _ why: String
) -> MatchCase {
    MatchCase(host: host, dns: dns, ips: ips, cns: cns, hasSAN: true, fallback: .never, expected: expected, why: why)
}

/// A certificate without a SAN extension, checked under `fallback`.
private func noSAN(
    _ host: String, cns: [String], _ fallback: HostnameMatcher.CommonNameFallback, _ expected: Bool, _ why: String
) -> MatchCase {
    MatchCase(host: host, dns: [], ips: [], cns: cns, hasSAN: false, fallback: fallback, expected: expected, why: why)
}

private let label63 = String(repeating: "a", count: 63)
private let label64 = String(repeating: "a", count: 64)

private let matchCases: [MatchCase] = [
    // Exact DNS names, case-insensitive in ASCII (RFC 9525 §6.3; swift-certificates' multiSAN).
    san("example.com", dns: ["example.com"], true, "identical"),
    san("EXAMPLE.com", dns: ["example.com"], true, "host case ignored"),
    san("example.com", dns: ["ExAmPlE.CoM"], true, "SAN case ignored"),
    san("LoCaLhOsT", dns: ["localhost", "example.com"], true, "first of several SANs"),
    san("example.com", dns: ["localhost", "example.com"], true, "second of several SANs"),
    san("www.example.com", dns: ["example.com"], false, "extra label on the host"),
    san("example.com", dns: ["www.example.com"], false, "extra label on the SAN"),
    san("example.org", dns: ["example.com"], false, "different TLD"),
    san("example.com", dns: ["example.com.evil.com"], false, "SAN only starts with the host"),
    san("notexample.com", dns: ["example.com"], false, "host only ends with the SAN"),
    san("httpbin.org", dns: ["localhost", "example.com"], cns: ["httpbin.org"], false, "CN ignored, SAN misses"),
    san("a-b_c.example.com", dns: ["A-B_C.example.com"], true, "hyphen and underscore are name characters"),
    san(label63 + ".example.com", dns: [label63 + ".example.com"], true, "63-byte label"),
    san(label64 + ".example.com", dns: [label64 + ".example.com"], false, "64-byte label is not DNS"),

    // One trailing dot is ignored on either side; anything else with an empty label is invalid.
    san("example.com.", dns: ["example.com"], true, "trailing dot on the host"),
    san("example.com", dns: ["example.com."], true, "trailing dot on the SAN"),
    san("example.com.", dns: ["example.com."], true, "trailing dot on both"),
    san("trailing.period.example.com", dns: ["TRAILING.PERIOD.EXAMPLE.com."], true, "swift-certificates shape"),
    san("example.com..", dns: ["example.com"], false, "two trailing dots on the host"),
    san("example.com", dns: ["example.com.."], false, "two trailing dots on the SAN"),
    san("example.com..", dns: ["example.com.."], false, "two trailing dots on both"),
    san("a..example.com", dns: ["a..example.com"], false, "empty inner label"),
    san(".example.com", dns: [".example.com"], false, "empty first label"),
    san(".", dns: ["."], false, "root only"),
    san("", dns: [""], false, "empty host"),
    san("", dns: ["example.com"], false, "empty host, real SAN"),
    san("exa mple.com", dns: ["exa mple.com"], false, "space in the host"),
    san("example.com ", dns: ["example.com"], false, "trailing space"),
    san(" example.com", dns: ["example.com"], false, "leading space"),
    san("example.com:443", dns: ["example.com"], false, "a port is not part of a host"),
    san("example.com", dns: ["\u{0}"], false, "NUL SAN"),
    san("example.com", dns: ["example.com\u{0}.evil.com"], false, "NUL-injected SAN"),
    san("example.com\u{0}.evil.com", dns: ["example.com"], false, "NUL-injected host"),
    san("user@example.com", dns: ["example.com"], false, "not a host"),

    // IDNs: compared in A-label form, never Unicode-folded.
    san("xn--strae-oqa.unicode.example.com", dns: ["XN--STRAE-OQA.UNICODE.EXAMPLE.com."], true, "A-label"),
    san("straße.unicode.example.com", dns: ["XN--STRAE-OQA.UNICODE.EXAMPLE.com."], false, "U-label host"),
    san("straße.org", dns: ["straße.org"], false, "non-ASCII never matches, even itself"),
    san("\u{212A}.example.com", dns: ["k.example.com"], false, "Kelvin sign is not K"),
    san("K.example.com", dns: ["\u{212A}.example.com"], false, "no Unicode folding on the SAN"),
    san("www.xn--strae-oqa.example.com", dns: ["*.XN--STRAE-OQA.EXAMPLE.com."], true, "wildcard over an A-label"),
    san("xn--bcher-kva.example.com", dns: ["*.example.com"], true, "wildcard covers an A-label"),
    san("xn--xx-gia.unicode.example.com", dns: ["XN--X*-GIA.UNICODE.EXAMPLE.com."], false, "wildcard in an A-label"),
    san("www.xn--poema-9qae5a.com.br", dns: ["*.xn--poema-9qae5a.com.br"], true, "Chromium IDN wildcard"),
    san("xn--poema-9qae5a.com.br", dns: ["*.com.br"], false, "wildcard over com.br"),

    // Wildcards: the whole left-most label, exactly one non-empty label (RFC 9525 §6.3).
    san("a.example.com", dns: ["*.example.com"], true, "plain wildcard"),
    san("A.EXAMPLE.COM", dns: ["*.example.com"], true, "wildcard, host in upper case"),
    san("this.wildcard.example.com", dns: ["*.WILDCARD.EXAMPLE.com"], true, "wildcard, SAN in upper case"),
    san("a.example.com.", dns: ["*.example.com."], true, "wildcard with trailing dots"),
    san("a.example.com", dns: ["*.example.com."], true, "wildcard SAN with trailing dot"),
    san("example.com", dns: ["*.example.com"], false, "wildcard needs a label"),
    san("a.b.example.com", dns: ["*.example.com"], false, "wildcard matches one label only"),
    san(".example.com", dns: ["*.example.com"], false, "wildcard never matches an empty label"),
    san("*.example.com", dns: ["*.example.com"], false, "a literal * host is not a name"),
    san("foo.example.com", dns: ["f*.example.com"], false, "partial wildcard, prefix"),
    san("foo.example.com", dns: ["FO*.EXAMPLE.com"], false, "partial wildcard, upper case"),
    san("bar.example.com", dns: ["*ar.example.com"], false, "partial wildcard, suffix"),
    san("baz.example.com", dns: ["b*z.example.com"], false, "partial wildcard, infix"),
    san("w.bar.foo.com", dns: ["w*.bar.foo.com"], false, "Chromium partial wildcard"),
    san("weirdwildcard.nomatch.example.com", dns: ["WEIRDWILDCARD.*.EXAMPLE.com."], false, "wildcard not left-most"),
    san("one.two.double.example.com", dns: ["*.*.DOUBLE.EXAMPLE.com."], false, "two wildcards"),
    san("a.example.com", dns: ["**.example.com"], false, "double star"),
    san("a.example.com", dns: ["a.example.*"], false, "wildcard TLD"),
    san("a.example.com", dns: ["*.example.com*"], false, "star in the last label"),
    san("a.example.com", dns: ["*..example.com"], false, "wildcard then empty label"),
    san("a.example.com", dns: [".*.example.com"], false, "empty label then wildcard"),
    san("example.com", dns: ["*"], false, "bare star"),
    san("com", dns: ["*"], false, "bare star, single-label host"),
    san("example.com", dns: ["*."], false, "star and dot"),
    san("foo.com", dns: ["*.com"], false, "wildcard over a TLD"),
    san("foo.uk", dns: ["*.uk"], false, "wildcard over a ccTLD"),
    san("host.local", dns: ["*.local"], false, "wildcard over an internal TLD"),
    san("example.co.uk", dns: ["*.co.uk"], false, "wildcard over co.uk"),
    san("www.co.uk", dns: ["*.CO.UK."], false, "wildcard over CO.UK."),
    san("example.com.au", dns: ["*.com.au"], false, "wildcard over com.au"),
    san("example.co.jp", dns: ["*.co.jp"], false, "wildcard over co.jp"),
    san("www.example.co.uk", dns: ["*.example.co.uk"], true, "wildcard under a registration in co.uk"),
    san("myapp.appspot.com", dns: ["*.appspot.com"], true, "private-section suffix allows a wildcard"),

    // IP hosts match only iPAddress SANs, byte for byte (RFC 9525 §6).
    san("192.0.2.1", ips: ["192.0.2.1"], true, "IPv4"),
    san("192.168.0.1", dns: ["localhost"], ips: ["192.168.0.1", "2001:db8::1"], true, "IPv4 among others"),
    san("192.0.2.2", ips: ["192.0.2.1"], false, "other IPv4"),
    san("192.0.2.1", dns: ["192.0.2.1"], false, "IPv4 text in a DNS SAN"),
    san("192.0.2.1", dns: ["*.0.2.1"], false, "wildcard never matches an IP"),
    san("192.0.2.1", dns: ["*.2.1"], false, "wildcard never matches an IP, short"),
    san("192.0.2.1.", ips: ["192.0.2.1"], true, "IPv4 with trailing dot, as URL parsers read it"),
    san("::1", ips: ["::1"], true, "IPv6 compressed"),
    san("[::1]", ips: ["::1"], true, "IPv6 bracketed"),
    san("0:0:0:0:0:0:0:1", ips: ["::1"], true, "IPv6 full"),
    san("0000:0000:0000:0000:0000:0000:0000:0001", ips: ["::1"], true, "IPv6 with leading zeros"),
    san("2001:DB8::1", ips: ["2001:DB8:0:0:0:0:0:1"], true, "IPv6 case and compression differ"),
    san("2001:db8::2", ips: ["2001:db8::1"], false, "other IPv6"),
    san("::1", dns: ["::1"], false, "IPv6 text in a DNS SAN"),
    san("[::1]", dns: ["[::1]"], false, "bracketed IPv6 text in a DNS SAN"),
    san("::ffff:192.0.2.1", ips: ["192.0.2.1"], false, "IPv4-mapped host, IPv4 SAN"),
    san("192.0.2.1", ips: ["::ffff:192.0.2.1"], false, "IPv4 host, IPv4-mapped SAN"),
    san("[::ffff:192.0.2.1]", ips: ["::ffff:c000:201"], true, "IPv4-mapped both sides"),
    san("fe80::1%eth0", ips: ["fe80::1"], false, "zone identifier"),
    san("[fe80::1%25eth0]", ips: ["fe80::1"], false, "URL-encoded zone identifier"),
    san("[192.0.2.1]", ips: ["192.0.2.1"], false, "IPv4 in brackets"),
    san("127.1", ips: ["127.0.0.1"], false, "short IPv4 form"),
    san("127.1", dns: ["127.1"], false, "short IPv4 form is not a DNS name either"),
    san("010.0.0.1", ips: ["10.0.0.1"], false, "leading zero"),
    san("010.0.0.1", ips: ["8.0.0.1"], false, "leading zero is not octal either"),
    san("0x7f.0.0.1", ips: ["127.0.0.1"], false, "hex part"),
    san("0x7f.0.0.1", dns: ["0x7f.0.0.1"], false, "hex part is not a DNS name"),
    san("2130706433", ips: ["127.0.0.1"], false, "IPv4 as one number"),
    san("1.2.3.4.5", dns: ["1.2.3.4.5"], false, "five numeric labels"),
    san("example.123", dns: ["example.123"], false, "numeric last label is IPv4 to a URL parser"),
    san("example.123a", dns: ["example.123a"], true, "alphanumeric last label is a name"),

    // The subject CN: only without a SAN extension, and only when asked.
    noSAN("example.com", cns: ["example.com"], .never, false, "browsers ignore the CN"),
    noSAN("example.com", cns: ["example.com"], .whenNoSubjectAltName, true, "legacy CN fallback"),
    noSAN("EXAMPLE.COM.", cns: ["example.com"], .whenNoSubjectAltName, true, "CN under the DNS rules"),
    noSAN("localhost", cns: ["Ignore me", "localhost"], .whenNoSubjectAltName, true, "second CN"),
    noSAN("a.example.com", cns: ["*.example.com"], .whenNoSubjectAltName, true, "wildcard CN"),
    noSAN("example.co.uk", cns: ["*.co.uk"], .whenNoSubjectAltName, false, "wildcard CN over co.uk"),
    noSAN("straße.org", cns: ["straße.org"], .whenNoSubjectAltName, false, "non-ASCII CN"),
    noSAN("192.0.2.1", cns: ["192.0.2.1"], .whenNoSubjectAltName, false, "IP host never matches a CN"),
    noSAN("::1", cns: ["::1"], .whenNoSubjectAltName, false, "IPv6 host never matches a CN"),
    noSAN("localhost", cns: [], .whenNoSubjectAltName, false, "no CN, no SAN"),
    MatchCase(
        host: "example.com", dns: ["other.example"], ips: [], cns: ["example.com"], hasSAN: true,
        fallback: .whenNoSubjectAltName, expected: false, why: "CN ignored when a SAN exists"),
    MatchCase(
        host: "example.com", dns: [], ips: [], cns: ["example.com"], hasSAN: true,
        fallback: .whenNoSubjectAltName, expected: false, why: "CN ignored under an email-only SAN"),
]

/// (pattern, valid wildcard?).
private let wildcardPatterns: [(String, Bool)] = [
    ("*.example.com", true),
    ("*.EXAMPLE.com.", true),
    ("*.example.co.uk", true),
    ("*.xn--strae-oqa.example.com", true),
    ("*.appspot.com", true),
    ("example.com", false),
    ("", false),
    ("*", false),
    ("*.", false),
    ("*.com", false),
    ("*.local", false),
    ("*.co.uk", false),
    ("*.CO.UK.", false),
    ("*.com.au", false),
    ("f*.example.com", false),
    ("*oo.example.com", false),
    ("b*z.example.com", false),
    ("www.*.example.com", false),
    ("*.*.example.com", false),
    ("**.example.com", false),
    ("*..example.com", false),
    ("*.example.com..", false),
    ("xn--x*-gia.example.com", false),
    ("*.exa mple.com", false),
]

/// (name, public suffix?).
private let publicSuffixCases: [(String, Bool)] = [
    ("com", true),
    ("COM.", true),
    ("uk", true),
    ("local", true),
    ("co.uk", true),
    ("Co.Uk.", true),
    ("com.au", true),
    ("co.jp", true),
    ("com.br", true),
    ("example.com", false),
    ("example.co.uk", false),
    ("appspot.com", false),
    ("", false),
    (".", false),
    ("co..uk", false),
    ("com..", false),
]

/// RFC 9525 hostname matching, IP-versus-DNS classification and the wildcard checks.
@Suite struct HostnameMatcherTests {
    @Test(arguments: matchCases)
    fileprivate func matchesLikeBrowsers(_ testCase: MatchCase) throws {
        let ips = try testCase.ips.map { try #require(IPAddress($0)) }
        let identity = HostnameMatcher.CertificateIdentity(
            dnsNames: testCase.dns, ipAddresses: ips, commonNames: testCase.cns, hasSubjectAltName: testCase.hasSAN)
        let verdict = HostnameMatcher.matches(
            hostname: testCase.host, identity: identity, commonNameFallback: testCase.fallback)
        #expect(verdict == testCase.expected, "\(testCase.why)")

        // The single-pattern entry point agrees for DNS SANs alone.
        if ips.isEmpty, testCase.hasSAN {
            let any = testCase.dns.contains { HostnameMatcher.matchesDNSName(host: testCase.host, pattern: $0) }
            #expect(any == testCase.expected, "\(testCase.why)")
        }
    }

    @Test func tableIsLargeEnough() {
        #expect(matchCases.count >= 60)
    }

    @Test func listFormInfersTheSANFromItsEntries() throws {
        #expect(
            !HostnameMatcher.matches(
                hostname: "example.com", dnsNames: ["other.example"], ipAddresses: [], commonNames: ["example.com"],
                commonNameFallback: .whenNoSubjectAltName))
        #expect(
            HostnameMatcher.matches(
                hostname: "example.com", dnsNames: [], ipAddresses: [], commonNames: ["example.com"],
                commonNameFallback: .whenNoSubjectAltName))
        #expect(
            !HostnameMatcher.matches(
                hostname: "example.com", dnsNames: [], ipAddresses: [], commonNames: ["example.com"]))
        let loopback = try #require(IPAddress("::1"))
        #expect(
            HostnameMatcher.matches(
                hostname: "[::1]", dnsNames: ["localhost"], ipAddresses: [loopback], commonNames: []))
    }

    @Test(arguments: wildcardPatterns)
    func classifiesWildcardPatterns(pattern: String, valid: Bool) {
        #expect(HostnameMatcher.isValidWildcardPattern(pattern) == valid)
    }

    @Test(arguments: publicSuffixCases)
    func recognisesPublicSuffixes(name: String, expected: Bool) {
        #expect(HostnameMatcher.isPublicSuffix(name) == expected)
    }

    @Test func embeddedSuffixesAreWellFormed() {
        let suffixes = HostnameMatcher.icannPublicSuffixes
        #expect(suffixes.count >= 100)
        for suffix in suffixes {
            let labels = HostnameMatcher.normalizedLabels(suffix, allowWildcard: false)
            #expect(labels?.count == 2, "\(suffix)")
            #expect(labels?.joined(separator: ".") == suffix, "\(suffix) is not lower-case ASCII")
            #expect(HostnameMatcher.isPublicSuffix(suffix))
            #expect(!HostnameMatcher.isValidWildcardPattern("*." + suffix))
            #expect(HostnameMatcher.isValidWildcardPattern("*.example." + suffix))
        }
    }

    @Test func hostileLengthsAreRejectedCheaply() {
        let long = String(repeating: "a.", count: 200) + "com"
        #expect(!HostnameMatcher.matchesDNSName(host: long, pattern: long))
        let colons = String(repeating: ":", count: 10_000)
        #expect(!HostnameMatcher.matches(hostname: colons, dnsNames: [], ipAddresses: [], commonNames: []))
    }
}
