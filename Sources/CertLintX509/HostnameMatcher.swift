// Hostname matching as browsers do it: RFC 9525 (which replaced RFC 6125), with the stricter
// choices Chromium and Firefox make where the RFC leaves room.
//
// Summary of the rules (each is tested in HostnameMatcherTests):
// - A host that is an IP address (IPv4 dotted quad, IPv6 text, or `[IPv6]`) matches only iPAddress
//   SANs, byte for byte; never a dNSName and never the subject CN. A host whose last label is
//   numeric (`127.1`, `1.2.3.4.5`, `0x7f.1`) is what a browser's URL parser takes for an IPv4
//   address, so when it is not a strict dotted quad it matches nothing.
// - Otherwise the host is a DNS name: ASCII only (IDNs in A-label form, `xn--…`), compared
//   case-insensitively in ASCII, one trailing dot ignored on either side, no empty labels.
// - A wildcard is allowed only as the whole left-most label and matches exactly one non-empty label;
//   it needs at least two labels after it and never spans a public suffix (`*.co.uk`).
// - The CN is consulted only if asked to (`CommonNameFallback.whenNoSubjectAltName`) and only when
//   the certificate has no subjectAltName extension at all.

/// Decides whether a certificate's identities cover a hostname, as browsers decide it.
///
/// Implements RFC 9525 §6 for DNS-IDs and IP-IDs with the choices Chromium makes: no partial-label
/// wildcards, no wildcard over a public suffix, and no subject common name (CN) unless the caller
/// asks for the legacy fallback.
public enum HostnameMatcher {
    /// Whether the subject common name may stand in for a missing subjectAltName extension.
    ///
    /// Browsers ignore the CN entirely (Chrome since version 58), and RFC 9525 dropped the CN-ID
    /// fallback that RFC 6125 §6.4.4 allowed. `.never` is the default everywhere;
    /// `.whenNoSubjectAltName` models older or non-browser clients that still fall back when a
    /// certificate has no subjectAltName extension.
    public enum CommonNameFallback: Hashable, Sendable {
        /// The CN is never consulted, as in current browsers.
        case never
        /// The CN is matched as a DNS name, but only if the certificate has no SAN extension.
        case whenNoSubjectAltName
    }

    /// The identities one certificate presents for hostname matching.
    public struct CertificateIdentity: Hashable, Sendable {
        /// The dNSName entries of the subjectAltName extension, as encoded (IA5String text).
        public var dnsNames: [String]
        /// The iPAddress entries of the subjectAltName extension (4 or 16 bytes each).
        public var ipAddresses: [IPAddress]
        /// The subject's commonName values, consulted only under the CN fallback.
        public var commonNames: [String]
        /// Whether the certificate has a subjectAltName extension at all, of whatever name types.
        ///
        /// A SAN holding only an email address or URI still disables the CN fallback.
        public var hasSubjectAltName: Bool

        /// Creates an identity; `hasSubjectAltName` must say whether the extension is present.
        public init(
            dnsNames: [String] = [],
            ipAddresses: [IPAddress] = [],
            commonNames: [String] = [],
            hasSubjectAltName: Bool
        ) {
            self.dnsNames = dnsNames
            self.ipAddresses = ipAddresses
            self.commonNames = commonNames
            self.hasSubjectAltName = hasSubjectAltName
        }
    }

    // MARK: - Matching

    /// True if `hostname` is covered by the certificate's identities.
    ///
    /// An IP host is compared only with ``CertificateIdentity/ipAddresses``; a DNS host with
    /// ``CertificateIdentity/dnsNames`` and, under ``CommonNameFallback/whenNoSubjectAltName`` and
    /// only when ``CertificateIdentity/hasSubjectAltName`` is false, with the common names.
    public static func matches(
        hostname: String,
        identity: CertificateIdentity,
        commonNameFallback: CommonNameFallback = .never
    ) -> Bool {
        switch ReferenceHost(hostname) {
        case .invalid:
            return false
        case .ip(let address):
            return identity.ipAddresses.contains(address)
        case .dns(let hostLabels):
            if identity.dnsNames.contains(where: { matches(hostLabels, pattern: $0) }) { return true }
            guard commonNameFallback == .whenNoSubjectAltName, !identity.hasSubjectAltName else {
                return false
            }
            return identity.commonNames.contains { matches(hostLabels, pattern: $0) }
        }
    }

    /// True if `hostname` is covered by the given SAN entries (or, under the fallback, a CN).
    ///
    /// Without an explicit SAN flag, the certificate is taken to have a subjectAltName extension
    /// when `dnsNames` or `ipAddresses` is non-empty; callers should pass `commonNames` only for a
    /// certificate with no SAN extension, or use ``matches(hostname:identity:commonNameFallback:)``
    /// with ``CertificateIdentity/hasSubjectAltName`` set, which also covers a SAN that holds only
    /// other name types. With the default `.never` the common names are ignored in any case.
    public static func matches(
        hostname: String,
        dnsNames: [String],
        ipAddresses: [IPAddress],
        commonNames: [String],
        commonNameFallback: CommonNameFallback = .never
    ) -> Bool {
        let identity = CertificateIdentity(
            dnsNames: dnsNames,
            ipAddresses: ipAddresses,
            commonNames: commonNames,
            hasSubjectAltName: !dnsNames.isEmpty || !ipAddresses.isEmpty
        )
        return matches(hostname: hostname, identity: identity, commonNameFallback: commonNameFallback)
    }

    /// True if the DNS host `host` matches one presented dNSName `pattern`.
    ///
    /// False whenever `host` is an IP address or not a valid DNS name, and whenever `pattern` is
    /// malformed or a wildcard in a form browsers refuse (see ``isValidWildcardPattern(_:)``).
    public static func matchesDNSName(host: String, pattern: String) -> Bool {
        guard case .dns(let hostLabels) = ReferenceHost(host) else { return false }
        return matches(hostLabels, pattern: pattern)
    }

    /// True if `pattern` contains a wildcard and it is one browsers honour.
    ///
    /// That is: the `*` is the whole left-most label, no other label contains `*`, at least two
    /// labels follow it, and what follows is not a public suffix (``isPublicSuffix(_:)``), so
    /// `*.example.com` and `*.example.co.uk` are valid; `*.com`, `*.co.uk`, `f*.example.com`,
    /// `*oo.example.com`, `www.*.example.com`, `*.*.example.com`, `*` and `*.` are not. A pattern
    /// with no `*` at all is not a wildcard pattern and yields false.
    public static func isValidWildcardPattern(_ pattern: String) -> Bool {
        guard case .wildcard = PresentedName(pattern) else { return false }
        return true
    }

    /// True if `name` is a public suffix under which no one wildcard may cover all registrations.
    ///
    /// Every single label is treated as one (`com`, `uk`, and also unknown or internal TLDs such as
    /// `local` or `corp`, as Chromium does); multi-label names are looked up in an embedded subset
    /// of the Public Suffix List's ICANN section (`co.uk`, `com.au`, `co.jp`, …). Case and one
    /// trailing dot are ignored; a name that is not a valid DNS name yields false.
    public static func isPublicSuffix(_ name: String) -> Bool {
        guard let labels = normalizedLabels(name, allowWildcard: false) else { return false }
        if labels.count == 1 { return true }
        return icannPublicSuffixes.contains(labels.joined(separator: "."))
    }

    // MARK: - Implementation

    /// Matches normalized host labels against one presented name.
    private static func matches(_ hostLabels: [String], pattern: String) -> Bool {
        switch PresentedName(pattern) {
        case .invalid:
            return false
        case .exact(let labels):
            return labels == hostLabels
        case .wildcard(let rest):
            // `*` stands for exactly one label, and host labels are never empty.
            return hostLabels.count == rest.count + 1 && Array(hostLabels.dropFirst()) == rest
        }
    }

    /// What a host to be matched turns out to be.
    private enum ReferenceHost {
        case ip(IPAddress)
        case dns([String])
        case invalid

        init(_ host: String) {
            let utf8 = Array(host.utf8)
            if utf8.first == UInt8(ascii: "[") || utf8.contains(UInt8(ascii: ":")) {
                // Bracketed or bare IPv6; a DNS name never contains a colon (nor a port here).
                self = IPAddress(host: host).map(ReferenceHost.ip) ?? .invalid
                return
            }
            guard let labels = HostnameMatcher.normalizedLabels(host, allowWildcard: false),
                let last = labels.last
            else {
                self = .invalid
                return
            }
            if HostnameMatcher.endsInNumber(last) {
                // A URL parser treats this as IPv4; only the strict dotted quad is accepted.
                let text = labels.joined(separator: ".")
                self = IPAddress(text).map(ReferenceHost.ip) ?? .invalid
                return
            }
            self = .dns(labels)
        }
    }

    /// What a presented dNSName (or CN) is, once normalized.
    private enum PresentedName {
        case exact([String])
        /// `*.` followed by these labels (at least two, not a public suffix).
        case wildcard([String])
        case invalid

        init(_ pattern: String) {
            guard let labels = HostnameMatcher.normalizedLabels(pattern, allowWildcard: true),
                let first = labels.first
            else {
                self = .invalid
                return
            }
            let rest = Array(labels.dropFirst())
            if rest.contains(where: { $0.contains("*") }) {
                self = .invalid
            } else if first == "*" {
                let suffix = rest.joined(separator: ".")
                self =
                    rest.count >= 2 && !HostnameMatcher.icannPublicSuffixes.contains(suffix)
                    ? .wildcard(rest) : .invalid
            } else if first.contains("*") {
                // Partial-label wildcards (`f*.example.com`): RFC 9525 §6.3 forbids matching them.
                self = .invalid
            } else {
                self = .exact(labels)
            }
        }
    }

    /// The longest DNS name in text form without the trailing dot (255 octets on the wire, RFC 1035 §2.3.4).
    static let maximumNameLength = 253
    /// The longest DNS label.
    static let maximumLabelLength = 63

    /// Splits a DNS name into lower-cased labels after dropping one trailing dot.
    ///
    /// Nil if the name is empty, longer than 253 bytes, not ASCII, has an empty label or a label
    /// over 63 bytes, or has a byte other than a letter, digit, `-` or `_` (and `*`, when
    /// `allowWildcard` is true, for presented names).
    static func normalizedLabels(_ name: String, allowWildcard: Bool) -> [String]? {
        var utf8 = Substring(name).utf8[...]
        if utf8.last == UInt8(ascii: ".") { utf8 = utf8.dropLast() }
        guard !utf8.isEmpty, utf8.count <= maximumNameLength else { return nil }
        var labels: [String] = []
        var current: [UInt8] = []
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "."):
                guard !current.isEmpty else { return nil }
                labels.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                current.append(byte)
            case UInt8(ascii: "*") where allowWildcard:
                current.append(byte)
            default:
                return nil
            }
            guard current.count <= maximumLabelLength else { return nil }
        }
        guard !current.isEmpty else { return nil }
        labels.append(String(decoding: current, as: UTF8.self))
        return labels
    }

    /// The WHATWG URL Standard's "ends in a number" test on a host's last label: all decimal
    /// digits, or `0x`/`0X` followed by hex digits.
    static func endsInNumber(_ label: String) -> Bool {
        let utf8 = Array(label.utf8)
        if !utf8.isEmpty && utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return true
        }
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "0"),
            utf8[1] == UInt8(ascii: "x") || utf8[1] == UInt8(ascii: "X")
        else { return false }
        return utf8.dropFirst(2).allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                UInt8(ascii: "A")...UInt8(ascii: "F"):
                true
            default:
                false
            }
        }
    }

    /// Multi-label public suffixes under which a wildcard must not match.
    ///
    /// A subset of the ICANN section of the Public Suffix List (https://publicsuffix.org/list/):
    /// the common second-level registries of large ccTLDs. Every entry was checked against the
    /// list's ICANN section (Debian package `publicsuffix` 20230209). Single-label suffixes need
    /// no entry (every TLD counts as one). To extend, add ICANN-section entries below, lower case,
    /// in A-label form; the PSL's own wildcard rules (`*.ck`) are not modelled.
    static let icannPublicSuffixes: Set<String> = Set(
        """
        ac.uk co.uk gov.uk ltd.uk me.uk net.uk nhs.uk org.uk plc.uk police.uk
        asn.au com.au edu.au gov.au id.au net.au org.au
        ac.jp ad.jp co.jp ed.jp go.jp gr.jp lg.jp ne.jp or.jp
        ac.nz co.nz geek.nz gen.nz govt.nz net.nz org.nz school.nz
        ac.za co.za edu.za gov.za net.za org.za
        com.br edu.br gov.br net.br org.br
        ac.cn com.cn edu.cn gov.cn net.cn org.cn
        com.mx edu.mx gob.mx net.mx org.mx
        ac.in co.in edu.in firm.in gen.in gov.in ind.in net.in org.in
        ac.kr co.kr go.kr ne.kr or.kr
        com.tw edu.tw gov.tw idv.tw net.tw org.tw
        com.hk edu.hk gov.hk idv.hk net.hk org.hk
        com.sg edu.sg gov.sg net.sg org.sg
        com.my edu.my gov.my net.my org.my
        ac.id co.id go.id or.id web.id
        ac.th co.th go.th in.th or.th
        com.ph edu.ph gov.ph net.ph org.ph
        com.vn edu.vn gov.vn net.vn org.vn
        com.tr edu.tr gov.tr net.tr org.tr
        ac.il co.il gov.il org.il
        com.ar edu.ar gob.ar gov.ar net.ar org.ar
        com.co edu.co gov.co net.co org.co
        com.pe edu.pe gob.pe net.pe org.pe
        co.ve com.ve
        com.ua edu.ua gov.ua net.ua org.ua
        com.pl net.pl org.pl
        com.es edu.es gob.es org.es
        com.fr gouv.fr
        co.at or.at
        com.pt gov.pt org.pt
        com.gr edu.gr gov.gr org.gr
        com.eg edu.eg gov.eg
        com.ng edu.ng gov.ng org.ng
        ac.ke co.ke go.ke or.ke
        com.pk edu.pk gov.pk org.pk
        com.sa edu.sa gov.sa org.sa
        ac.ae co.ae gov.ae
        com.qa gov.qa
        co.cl gob.cl
        com.ec gob.ec
        com.uy edu.uy
        com.do gob.do
        com.pr
        ab.ca bc.ca on.ca qc.ca
        ca.us co.us ny.us tx.us
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    )
}
