import Testing
@testable import CertLintDER

// The OID name table. Cross-check: for each of the 244 entries, `openssl asn1parse -genstr
// OID:<name>` was run; OpenSSL knows 153 of our names as its own short or long names, and all
// 153 but one resolve to our OID. The exception is "data", which OpenSSL gives to 0.9 and
// RFC 5652 (id-data, which we follow) to 1.2.840.113549.1.7.1. The spot checks below are
// names printed by `openssl asn1parse` or written in the cited RFCs.

@Suite struct OIDRegistryTests {
    @Test func everyEntryRoundTrips() throws {
        let all = OIDRegistry.all
        #expect(all.count >= 200)
        for (oid, name) in all {
            #expect(try OID(derContent: oid.bytes) == oid, "\(name)")
            #expect(OID(dotted: oid.dotted) == oid, "\(name)")
            #expect(OIDRegistry.name(of: oid) == name)
            #expect(OIDRegistry.oid(named: name) == oid)
            #expect(oid.name == name)
            #expect(!name.isEmpty && !name.contains(" "), "\(name)")
        }
        #expect(Set(all.map(\.oid)).count == all.count, "an OID is registered twice")
        #expect(Set(all.map(\.name)).count == all.count, "a name is used twice")
    }

    @Test(arguments: [
        ("2.5.4.3", "commonName"),  // RFC 5280 appendix A
        ("2.5.29.17", "subjectAltName"),
        ("2.5.29.19", "basicConstraints"),
        ("2.5.29.15", "keyUsage"),
        ("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),  // RFC 8017
        ("1.3.101.112", "Ed25519"),  // RFC 8410
        ("1.3.6.1.4.1.11129.2.4.2", "signedCertificateTimestampList"),  // RFC 6962 3.3
    ])
    func knownNames(dotted: String, name: String) throws {
        let oid = try #require(OID(dotted: dotted))
        #expect(oid.name == name)
        #expect(OIDRegistry.oid(named: name) == oid)
    }

    @Test func lookupsAreExact() {
        #expect(OIDRegistry.oid(named: "commonname") == nil)
        #expect(OIDRegistry.oid(named: "") == nil)
        #expect(OIDRegistry.name(of: "1.2.3.4.5.6.7") == nil)
    }

    // The named constants used by the decoders all have registry names.
    @Test func constantsAreRegistered() {
        let constants: [OID] = [
            .commonName, .countryName, .organizationName, .organizationalUnitName, .emailAddress, .rsaEncryption,
            .rsassaPss, .mgf1, .ecPublicKey, .dsa, .ed25519, .ed448, .x25519, .x448, .subjectKeyIdentifier, .keyUsage,
            .subjectAltName, .issuerAltName, .basicConstraints, .nameConstraints, .crlDistributionPoints,
            .certificatePolicies, .authorityKeyIdentifier, .extKeyUsage, .authorityInfoAccess, .tlsFeature,
            .signedCertificateTimestampList, .ctPrecertificatePoison, .ocspAccess, .caIssuersAccess, .userPrincipalName,
            .pkcs7Data, .pkcs7SignedData, .pkcs7EncryptedData, .extensionRequest, .pbes2, .pbkdf2,
        ]
        for oid in constants {
            #expect(oid.name != nil, "\(oid.dotted)")
        }
    }
}
