import CertLintCore

/// Hand-built reports for the golden files: several files, a location with neither line nor
/// column (a DER file) and one with a line only, related locations, a finding suppressed by a
/// waiver and one by an inline comment, every severity, a rule no descriptor describes, and the
/// characters each format must escape (`%`, `,`, `:`, CR and LF, `<&"'>`, non-ASCII, ESC and a
/// bidi override, a path with a space).
enum SampleReports {
    static let rules: [RuleDescriptor] = [
        RuleDescriptor(
            id: "client-ca-public", pack: "mtls",
            summary: "A CA bundle that verifies clients must not hold publicly trusted roots.",
            rationale: "Any certificate a public CA issued for any domain would authenticate as a client.",
            help: "Trust only the private CA that issues your partners' client certificates.",
            severity: .warning, references: ["RFC 8446 4.4.2.4"]),
        RuleDescriptor(
            id: "key-size", pack: "certificate", summary: "RSA keys have at least 2048 bits; EC keys use P-256 or larger.",
            severity: .error, references: ["NIST SP 800-131A Rev. 2"]),
        RuleDescriptor(
            id: "san-covers-hostname", pack: "tls-server", summary: "Some SAN must cover every hostname the listener serves.",
            rationale: "Clients match the hostname against the SANs only (RFC 9525); the subject CN is ignored.",
            help: "Reissue the certificate with a dNSName for each hostname, or a wildcard that covers them.",
            severity: .error, references: ["RFC 9525 6.3", "CA/B Forum BR 7.1.2.7.12"]),
        RuleDescriptor(
            id: "server-eku", pack: "tls-server",
            summary: "A certificate presented by a server must allow TLS server authentication.",
            help: "Reissue it from a template that includes TLS Web Server Authentication (serverAuth).",
            severity: .error, references: ["RFC 5280 4.2.1.12"]),
        RuleDescriptor(
            id: "subject-printable", pack: "certificate",
            summary: "Subject names hold no control characters.",
            help: "Names with <control> & \"quote\" characters confuse 'log' readers; reissue.",
            severity: .warning),
        RuleDescriptor(
            id: "usage-role-unknown", pack: "inventory", summary: "Say when the role of a certificate cannot be told.",
            severity: .note),
        RuleDescriptor(
            id: "validity-max-days", pack: "tls-server",
            summary: "Publicly trusted TLS server certificates are valid for at most 398 days.",
            severity: .warning, references: ["CA/B Forum BR 6.3.2", "Ballot SC-081v3"]),
    ]

    static let findings: [Finding] = [
        Finding(
            ruleID: "waiver-expired", severity: .error,
            message: "The waiver for server-eku on certs/old.pem expired on 2026-01-31; renew it or fix the certificate.",
            location: SourceLocation(path: ".certlint.yml", line: 30, column: 5),
            fingerprint: "waiver-expired/3f1c9a"),
        Finding(
            ruleID: "validity-max-days", severity: .warning,
            message: "odd.example.com is valid for 400 days, more than 398.",
            location: SourceLocation(path: "certs/100% odd,name:v2.pem", line: 1, column: 1),
            fingerprint: "validity-max-days/0dd"),
        Finding(
            ruleID: "validity-max-days", severity: .warning,
            message: "legacy.example.com is valid for 825 days (2024-01-01 to 2026-04-05), more than 398.",
            location: SourceLocation(path: "certs/legacy.der", byteOffset: 0),
            fingerprint: "validity-max-days/9b2e11",
            certificateFingerprint: "9B2E11D4C0FFEE0000000000000000000000000000000000000000000000AB12"),
        Finding(
            ruleID: "subject-printable", severity: .warning,
            message: "The subject CN \"evil\u{1B}[31mred\u{1B}[0m\u{202E}txt.exe\" holds control characters;\r\nlog readers may show something else.",
            location: SourceLocation(path: "certs/weird.pem", line: 3),
            fingerprint: "subject-printable/77aa01"),
        Finding(
            ruleID: "server-eku", severity: .error,
            message: "api.example.com is served at https://api.example.com:443 but its extended key usage (clientAuth) lacks serverAuth (1.3.6.1.5.5.7.3.1); TLS clients reject it.",
            location: SourceLocation(path: "deploy/my site/nginx.conf", line: 12, column: 5),
            relatedLocations: [
                RelatedLocation(location: SourceLocation(path: "certs/api.pem", line: 1, column: 1), message: "the certificate"),
                RelatedLocation(location: SourceLocation(path: "certs/intermediate.pem", line: 28), message: "its issuer, Example CA, O=Example, Inc."),
            ],
            fingerprint: "server-eku/5d41402abc4b2a76",
            certificateFingerprint: "5D41402ABC4B2A76B9719D911017C592000000000000000000000000000000CD"),
        Finding(
            ruleID: "san-covers-hostname", severity: .error,
            message: "Zertifikat für „bücher.example“ covers 100% of nothing:\nno SAN matches bücher.example (SANs: *.example.org, example.org).",
            location: SourceLocation(path: "deploy/my site/nginx.conf", line: 20, column: 3),
            fingerprint: "san-covers-hostname/aa55",
            suppression: Suppression(kind: .inline, justification: "legacy host, retired in Q3 <see #42>")),
        Finding(
            ruleID: "server-eku", severity: .error,
            message: "www.example.com is served at https://www.example.com:8443 but its EKU (clientAuth, codeSigning) lacks serverAuth; 100% of TLS clients reject it.",
            location: SourceLocation(path: "deploy/my site/nginx.conf", line: 40, column: 5),
            fingerprint: "server-eku/77f1"),
        Finding(
            ruleID: "client-ca-public", severity: .warning,
            message: "Client CA bundle \"trust.pem\" includes the public root <ISRG Root X1> & 'DigiCert'; anyone's certificate can authenticate.",
            location: SourceLocation(path: "k8s/ingress.yaml", line: 7, column: 9),
            relatedLocations: [RelatedLocation(location: SourceLocation(path: "k8s/trust.pem"), message: "the bundle")],
            fingerprint: "client-ca-public/0c0ffee",
            suppression: Suppression(
                kind: .waiver, justification: "Partner B migrates by Q3, ticket SEC-1234, approved: J. Doe", expires: "2026-09-30")),
        Finding(
            ruleID: "usage-role-unknown", severity: .note,
            message: "The role of certs/shared.pem cannot be told from k8s/ingress.yaml; it is linted as a certificate only.",
            location: SourceLocation(path: "k8s/ingress.yaml", line: 7, column: 9),
            fingerprint: "usage-role-unknown/e3b0c4"),
    ]

    /// The report with findings.
    static let sample = LintReport(
        toolVersion: "0.1.0", evaluatedAt: "2026-03-01T00:00:00Z", findings: findings, rules: rules,
        summary: LintSummary(files: 6, certificates: 5, usages: 3))

    /// A clean run.
    static let clean = LintReport(
        toolVersion: "0.1.0", evaluatedAt: "2026-03-01T00:00:00Z", findings: [],
        rules: rules.filter { $0.pack == "tls-server" },
        summary: LintSummary(files: 2, certificates: 1, usages: 1))

    /// `count` error findings in `count` files, for the SARIF cap.
    static func many(_ count: Int, severity: (Int) -> Severity = { _ in .error }) -> LintReport {
        let findings = (0..<count).map { i in
            Finding(
                ruleID: "server-eku", severity: severity(i), message: "finding \(i)",
                location: SourceLocation(path: "certs/\(i).pem", line: 1), fingerprint: "f\(i)")
        }
        return LintReport(
            toolVersion: "0.1.0", evaluatedAt: "2026-03-01T00:00:00Z", findings: findings,
            rules: rules.filter { $0.id == "server-eku" }, summary: LintSummary(files: count, certificates: count, usages: 0))
    }
}
