/// Names for the object identifiers a TLS operator meets: name attributes, algorithms, curves,
/// extensions, extended key usages, policies, and the PKCS#7/#12 and password-based-encryption
/// identifiers of keystores.
///
/// Names follow the spelling of the defining document (RFC 5280, RFC 8017, the CA/B Forum,
/// Microsoft's documentation) in lower camel case, as OpenSSL's long names mostly do.
public enum OIDRegistry {
    /// The registered name of `oid`, if it is one of ours.
    public static func name(of oid: OID) -> String? { byOID[oid] }

    /// The OID registered under `name`, if any (names are matched exactly).
    public static func oid(named name: String) -> OID? { byName[name] }

    /// Every registered (OID, name) pair, in table order.
    public static var all: [(oid: OID, name: String)] { table }

    private static let table: [(oid: OID, name: String)] = entries.map { (OID(stringLiteral: $0.0), $0.1) }
    private static let byOID: [OID: String] = Dictionary(
        table.map { ($0.oid, $0.name) }, uniquingKeysWith: { first, _ in first })
    private static let byName: [String: OID] = Dictionary(
        table.map { ($0.name, $0.oid) }, uniquingKeysWith: { first, _ in first })

    private static let entries: [(String, String)] = [
        // X.520 / RFC 5280 / RFC 4519 name attributes.
        ("2.5.4.3", "commonName"), ("2.5.4.4", "surname"), ("2.5.4.5", "serialNumber"),
        ("2.5.4.6", "countryName"), ("2.5.4.7", "localityName"), ("2.5.4.8", "stateOrProvinceName"),
        ("2.5.4.9", "streetAddress"), ("2.5.4.10", "organizationName"), ("2.5.4.11", "organizationalUnitName"),
        ("2.5.4.12", "title"), ("2.5.4.13", "description"), ("2.5.4.15", "businessCategory"),
        ("2.5.4.16", "postalAddress"), ("2.5.4.17", "postalCode"), ("2.5.4.18", "postOfficeBox"),
        ("2.5.4.20", "telephoneNumber"), ("2.5.4.41", "name"), ("2.5.4.42", "givenName"),
        ("2.5.4.43", "initials"), ("2.5.4.44", "generationQualifier"), ("2.5.4.45", "x500UniqueIdentifier"),
        ("2.5.4.46", "dnQualifier"), ("2.5.4.65", "pseudonym"), ("2.5.4.72", "role"),
        ("2.5.4.97", "organizationIdentifier"),
        ("0.9.2342.19200300.100.1.1", "userId"), ("0.9.2342.19200300.100.1.25", "domainComponent"),
        ("1.2.840.113549.1.9.1", "emailAddress"), ("1.2.840.113549.1.9.2", "unstructuredName"),
        ("1.2.840.113549.1.9.8", "unstructuredAddress"),
        ("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionLocalityName"),
        ("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionStateOrProvinceName"),
        ("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionCountryName"),
        // Public-key algorithms (RFC 3279, RFC 8017, RFC 8410, RFC 5480).
        ("1.2.840.113549.1.1.1", "rsaEncryption"), ("1.2.840.113549.1.1.7", "rsaesOaep"),
        ("1.2.840.113549.1.1.8", "mgf1"), ("1.2.840.113549.1.1.10", "rsassaPss"),
        ("1.2.840.10045.2.1", "ecPublicKey"), ("1.2.840.10040.4.1", "dsa"),
        ("1.2.840.10046.2.1", "dhpublicnumber"), ("1.2.840.113549.1.3.1", "dhKeyAgreement"),
        ("1.3.101.110", "X25519"), ("1.3.101.111", "X448"), ("1.3.101.112", "Ed25519"), ("1.3.101.113", "Ed448"),
        ("1.2.156.10197.1.301", "sm2"),
        // Signature algorithms.
        ("1.2.840.113549.1.1.2", "md2WithRSAEncryption"), ("1.2.840.113549.1.1.3", "md4WithRSAEncryption"),
        ("1.2.840.113549.1.1.4", "md5WithRSAEncryption"), ("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
        ("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"), ("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
        ("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"), ("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
        ("1.2.840.113549.1.1.15", "sha512-224WithRSAEncryption"), ("1.2.840.113549.1.1.16", "sha512-256WithRSAEncryption"),
        ("1.3.14.3.2.29", "sha1WithRSASignature"),
        ("1.2.840.10045.4.1", "ecdsa-with-SHA1"), ("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
        ("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"), ("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
        ("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
        ("1.2.840.10040.4.3", "dsa-with-SHA1"), ("2.16.840.1.101.3.4.3.1", "dsa-with-SHA224"),
        ("2.16.840.1.101.3.4.3.2", "dsa-with-SHA256"), ("2.16.840.1.101.3.4.3.3", "dsa-with-SHA384"),
        ("2.16.840.1.101.3.4.3.4", "dsa-with-SHA512"),
        ("2.16.840.1.101.3.4.3.10", "ecdsa-with-SHA3-256"), ("2.16.840.1.101.3.4.3.11", "ecdsa-with-SHA3-384"),
        ("2.16.840.1.101.3.4.3.12", "ecdsa-with-SHA3-512"),
        ("2.16.840.1.101.3.4.3.14", "rsassa-pkcs1v15-with-SHA3-256"),
        ("2.16.840.1.101.3.4.3.15", "rsassa-pkcs1v15-with-SHA3-384"),
        ("2.16.840.1.101.3.4.3.16", "rsassa-pkcs1v15-with-SHA3-512"),
        ("1.2.156.10197.1.501", "sm2-with-SM3"),
        // Digests.
        ("1.2.840.113549.2.2", "md2"), ("1.2.840.113549.2.4", "md4"), ("1.2.840.113549.2.5", "md5"),
        ("1.3.14.3.2.26", "sha1"), ("2.16.840.1.101.3.4.2.1", "sha256"), ("2.16.840.1.101.3.4.2.2", "sha384"),
        ("2.16.840.1.101.3.4.2.3", "sha512"), ("2.16.840.1.101.3.4.2.4", "sha224"),
        ("2.16.840.1.101.3.4.2.5", "sha512-224"), ("2.16.840.1.101.3.4.2.6", "sha512-256"),
        ("2.16.840.1.101.3.4.2.8", "sha3-256"), ("2.16.840.1.101.3.4.2.9", "sha3-384"),
        ("2.16.840.1.101.3.4.2.10", "sha3-512"), ("1.2.156.10197.1.401", "sm3"),
        // Named curves (RFC 5480, SEC 2, RFC 5639).
        ("1.2.840.10045.3.1.7", "prime256v1"), ("1.3.132.0.34", "secp384r1"), ("1.3.132.0.35", "secp521r1"),
        ("1.3.132.0.10", "secp256k1"), ("1.2.840.10045.3.1.1", "prime192v1"), ("1.3.132.0.33", "secp224r1"),
        ("1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1"), ("1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1"),
        ("1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1"),
        // Certificate extensions (RFC 5280 and others).
        ("2.5.29.9", "subjectDirectoryAttributes"), ("2.5.29.14", "subjectKeyIdentifier"),
        ("2.5.29.15", "keyUsage"), ("2.5.29.16", "privateKeyUsagePeriod"), ("2.5.29.17", "subjectAltName"),
        ("2.5.29.18", "issuerAltName"), ("2.5.29.19", "basicConstraints"), ("2.5.29.20", "cRLNumber"),
        ("2.5.29.21", "cRLReason"), ("2.5.29.24", "invalidityDate"), ("2.5.29.27", "deltaCRLIndicator"),
        ("2.5.29.28", "issuingDistributionPoint"), ("2.5.29.29", "certificateIssuer"),
        ("2.5.29.30", "nameConstraints"), ("2.5.29.31", "cRLDistributionPoints"),
        ("2.5.29.32", "certificatePolicies"), ("2.5.29.33", "policyMappings"),
        ("2.5.29.35", "authorityKeyIdentifier"), ("2.5.29.36", "policyConstraints"),
        ("2.5.29.37", "extKeyUsage"), ("2.5.29.46", "freshestCRL"), ("2.5.29.54", "inhibitAnyPolicy"),
        ("1.3.6.1.5.5.7.1.1", "authorityInfoAccess"), ("1.3.6.1.5.5.7.1.3", "qcStatements"),
        ("1.3.6.1.5.5.7.1.11", "subjectInfoAccess"), ("1.3.6.1.5.5.7.1.24", "tlsFeature"),
        ("1.3.6.1.5.5.7.1.26", "tnAuthList"),
        ("1.3.6.1.4.1.11129.2.4.2", "signedCertificateTimestampList"),
        ("1.3.6.1.4.1.11129.2.4.3", "ctPrecertificatePoison"),
        ("1.3.6.1.4.1.11129.2.4.5", "ctOCSPSCTList"),
        ("1.3.6.1.5.5.7.48.1.5", "ocspNoCheck"), ("1.3.6.1.5.5.7.48.1.2", "ocspNonce"),
        ("2.16.840.1.113730.1.1", "netscapeCertType"), ("2.16.840.1.113730.1.13", "netscapeComment"),
        ("2.16.840.1.113730.1.2", "netscapeBaseUrl"), ("2.16.840.1.113730.1.4", "netscapeCaRevocationUrl"),
        ("1.3.6.1.4.1.311.20.2", "msCertificateTemplateName"), ("1.3.6.1.4.1.311.21.1", "msCAVersion"),
        ("1.3.6.1.4.1.311.21.2", "msPreviousCAHash"), ("1.3.6.1.4.1.311.21.7", "msCertificateTemplate"),
        ("1.3.6.1.4.1.311.21.10", "msApplicationPolicies"), ("1.3.6.1.4.1.311.25.2", "msNTDSCASecurity"),
        ("1.2.840.113533.7.65.0", "entrustVersionInfo"),
        // Extended key usages.
        ("2.5.29.37.0", "anyExtendedKeyUsage"),
        ("1.3.6.1.5.5.7.3.1", "serverAuth"), ("1.3.6.1.5.5.7.3.2", "clientAuth"),
        ("1.3.6.1.5.5.7.3.3", "codeSigning"), ("1.3.6.1.5.5.7.3.4", "emailProtection"),
        ("1.3.6.1.5.5.7.3.5", "ipsecEndSystem"), ("1.3.6.1.5.5.7.3.6", "ipsecTunnel"),
        ("1.3.6.1.5.5.7.3.7", "ipsecUser"), ("1.3.6.1.5.5.7.3.8", "timeStamping"),
        ("1.3.6.1.5.5.7.3.9", "OCSPSigning"), ("1.3.6.1.5.5.7.3.17", "ipsecIKE"),
        ("1.3.6.1.5.5.7.3.21", "secureShellClient"), ("1.3.6.1.5.5.7.3.22", "secureShellServer"),
        ("1.3.6.1.5.5.7.3.36", "documentSigning"),
        ("1.3.6.1.5.2.3.4", "pkinitClientAuth"), ("1.3.6.1.5.2.3.5", "pkinitKDC"),
        ("1.3.6.1.4.1.311.20.2.2", "smartcardLogon"), ("1.3.6.1.4.1.311.20.2.1", "enrollmentAgent"),
        ("1.3.6.1.4.1.311.10.3.1", "msCTLSign"), ("1.3.6.1.4.1.311.10.3.3", "msSGC"),
        ("1.3.6.1.4.1.311.10.3.4", "msEFS"), ("1.3.6.1.4.1.311.10.3.4.1", "msEFSRecovery"),
        ("1.3.6.1.4.1.311.10.3.12", "msDocumentSigning"), ("1.3.6.1.4.1.311.10.3.13", "msLifetimeSigning"),
        ("1.3.6.1.4.1.311.2.1.21", "msCodeInd"), ("1.3.6.1.4.1.311.2.1.22", "msCodeCom"),
        ("1.3.6.1.4.1.311.61.1.1", "msKernelModeCodeSigning"), ("2.16.840.1.113730.4.1", "nsSGC"),
        ("1.2.840.113583.1.1.5", "adobePDFSigning"), ("1.3.6.1.4.1.11129.2.4.4", "ctPrecertificateSigning"),
        // Access methods (RFC 5280 4.2.2).
        ("1.3.6.1.5.5.7.48.1", "ocsp"), ("1.3.6.1.5.5.7.48.2", "caIssuers"),
        ("1.3.6.1.5.5.7.48.3", "timeStampingAccess"), ("1.3.6.1.5.5.7.48.5", "caRepository"),
        // Policies and qualifiers.
        ("2.5.29.32.0", "anyPolicy"), ("1.3.6.1.5.5.7.2.1", "cps"), ("1.3.6.1.5.5.7.2.2", "userNotice"),
        ("2.23.140.1.1", "ev-guidelines"), ("2.23.140.1.2.1", "domain-validated"),
        ("2.23.140.1.2.2", "organization-validated"), ("2.23.140.1.2.3", "individual-validated"),
        ("2.23.140.1.3", "extended-validation-codesigning"), ("2.23.140.1.4.1", "codesigning-requirements"),
        ("2.23.140.1.31", "onion-ev"), ("2.23.140.1.5.1.1", "smime-mailbox-legacy"),
        // otherName types.
        ("1.3.6.1.4.1.311.20.2.3", "userPrincipalName"), ("1.3.6.1.5.5.7.8.4", "permanentIdentifier"),
        ("1.3.6.1.5.5.7.8.7", "dnsSRV"), ("1.3.6.1.5.5.7.8.9", "smtpUTF8Mailbox"),
        ("1.3.6.1.4.1.311.25.1", "msNTDSReplication"),
        // PKCS#7 / CMS content types, PKCS#9 attributes.
        ("1.2.840.113549.1.7.1", "data"), ("1.2.840.113549.1.7.2", "signedData"),
        ("1.2.840.113549.1.7.3", "envelopedData"), ("1.2.840.113549.1.7.6", "encryptedData"),
        ("1.2.840.113549.1.9.3", "contentType"), ("1.2.840.113549.1.9.4", "messageDigest"),
        ("1.2.840.113549.1.9.5", "signingTime"), ("1.2.840.113549.1.9.7", "challengePassword"),
        ("1.2.840.113549.1.9.14", "extensionRequest"), ("1.2.840.113549.1.9.15", "smimeCapabilities"),
        ("1.2.840.113549.1.9.20", "friendlyName"), ("1.2.840.113549.1.9.21", "localKeyId"),
        ("1.2.840.113549.1.9.22.1", "x509Certificate"), ("1.2.840.113549.1.9.22.2", "sdsiCertificate"),
        ("1.2.840.113549.1.9.23.1", "x509Crl"), ("1.3.6.1.4.1.311.17.1", "msCSPName"),
        ("1.3.6.1.4.1.311.17.2", "msLocalMachineKeyset"),
        // PKCS#12 bags and password-based encryption (RFC 7292, RFC 8018).
        ("1.2.840.113549.1.12.10.1.1", "keyBag"), ("1.2.840.113549.1.12.10.1.2", "pkcs8ShroudedKeyBag"),
        ("1.2.840.113549.1.12.10.1.3", "certBag"), ("1.2.840.113549.1.12.10.1.4", "crlBag"),
        ("1.2.840.113549.1.12.10.1.5", "secretBag"), ("1.2.840.113549.1.12.10.1.6", "safeContentsBag"),
        ("1.2.840.113549.1.12.1.1", "pbeWithSHAAnd128BitRC4"), ("1.2.840.113549.1.12.1.2", "pbeWithSHAAnd40BitRC4"),
        ("1.2.840.113549.1.12.1.3", "pbeWithSHAAnd3-KeyTripleDES-CBC"),
        ("1.2.840.113549.1.12.1.4", "pbeWithSHAAnd2-KeyTripleDES-CBC"),
        ("1.2.840.113549.1.12.1.5", "pbeWithSHAAnd128BitRC2-CBC"),
        ("1.2.840.113549.1.12.1.6", "pbeWithSHAAnd40BitRC2-CBC"),
        ("1.2.840.113549.1.5.3", "pbeWithMD5AndDES-CBC"), ("1.2.840.113549.1.5.10", "pbeWithSHA1AndDES-CBC"),
        ("1.2.840.113549.1.5.12", "PBKDF2"), ("1.2.840.113549.1.5.13", "PBES2"), ("1.2.840.113549.1.5.14", "PBMAC1"),
        ("1.2.840.113549.2.7", "hmacWithSHA1"), ("1.2.840.113549.2.8", "hmacWithSHA224"),
        ("1.2.840.113549.2.9", "hmacWithSHA256"), ("1.2.840.113549.2.10", "hmacWithSHA384"),
        ("1.2.840.113549.2.11", "hmacWithSHA512"),
        ("2.16.840.1.101.3.4.1.2", "aes128-CBC"), ("2.16.840.1.101.3.4.1.22", "aes192-CBC"),
        ("2.16.840.1.101.3.4.1.42", "aes256-CBC"), ("2.16.840.1.101.3.4.1.6", "aes128-GCM"),
        ("2.16.840.1.101.3.4.1.26", "aes192-GCM"), ("2.16.840.1.101.3.4.1.46", "aes256-GCM"),
        ("1.2.840.113549.3.7", "des-ede3-cbc"), ("1.2.840.113549.3.2", "rc2-cbc"), ("1.3.14.3.2.7", "des-cbc"),
        ("1.2.840.113549.3.4", "rc4"), ("1.3.6.1.4.1.1722.12.2.1.16", "blake2b512"),
        ("1.2.840.113549.1.9.16.3.18", "chacha20Poly1305"), ("1.3.6.1.4.1.11591.4.11", "scrypt"),
        // Java keystores.
        ("1.3.6.1.4.1.42.2.17.1.1", "jksKeyProtector"), ("2.16.840.1.113894.746875.1.1", "oracleTrustedKeyUsage"),
    ]
}

extension OID {
    /// commonName (2.5.4.3).
    public static let commonName: OID = "2.5.4.3"
    /// countryName (2.5.4.6).
    public static let countryName: OID = "2.5.4.6"
    /// organizationName (2.5.4.10).
    public static let organizationName: OID = "2.5.4.10"
    /// organizationalUnitName (2.5.4.11).
    public static let organizationalUnitName: OID = "2.5.4.11"
    /// emailAddress (1.2.840.113549.1.9.1).
    public static let emailAddress: OID = "1.2.840.113549.1.9.1"

    /// rsaEncryption (1.2.840.113549.1.1.1).
    public static let rsaEncryption: OID = "1.2.840.113549.1.1.1"
    /// RSASSA-PSS (1.2.840.113549.1.1.10), as a signature algorithm and as a key type.
    public static let rsassaPss: OID = "1.2.840.113549.1.1.10"
    /// MGF1 (1.2.840.113549.1.1.8).
    public static let mgf1: OID = "1.2.840.113549.1.1.8"
    /// id-ecPublicKey (1.2.840.10045.2.1).
    public static let ecPublicKey: OID = "1.2.840.10045.2.1"
    /// id-dsa (1.2.840.10040.4.1).
    public static let dsa: OID = "1.2.840.10040.4.1"
    /// id-Ed25519 (1.3.101.112).
    public static let ed25519: OID = "1.3.101.112"
    /// id-Ed448 (1.3.101.113).
    public static let ed448: OID = "1.3.101.113"
    /// id-X25519 (1.3.101.110).
    public static let x25519: OID = "1.3.101.110"
    /// id-X448 (1.3.101.111).
    public static let x448: OID = "1.3.101.111"

    /// subjectKeyIdentifier (2.5.29.14).
    public static let subjectKeyIdentifier: OID = "2.5.29.14"
    /// keyUsage (2.5.29.15).
    public static let keyUsage: OID = "2.5.29.15"
    /// subjectAltName (2.5.29.17).
    public static let subjectAltName: OID = "2.5.29.17"
    /// issuerAltName (2.5.29.18).
    public static let issuerAltName: OID = "2.5.29.18"
    /// basicConstraints (2.5.29.19).
    public static let basicConstraints: OID = "2.5.29.19"
    /// nameConstraints (2.5.29.30).
    public static let nameConstraints: OID = "2.5.29.30"
    /// cRLDistributionPoints (2.5.29.31).
    public static let crlDistributionPoints: OID = "2.5.29.31"
    /// certificatePolicies (2.5.29.32).
    public static let certificatePolicies: OID = "2.5.29.32"
    /// authorityKeyIdentifier (2.5.29.35).
    public static let authorityKeyIdentifier: OID = "2.5.29.35"
    /// extKeyUsage (2.5.29.37).
    public static let extKeyUsage: OID = "2.5.29.37"
    /// authorityInfoAccess (1.3.6.1.5.5.7.1.1).
    public static let authorityInfoAccess: OID = "1.3.6.1.5.5.7.1.1"
    /// tlsFeature (1.3.6.1.5.5.7.1.24), carrying must-staple.
    public static let tlsFeature: OID = "1.3.6.1.5.5.7.1.24"
    /// The embedded SCT list of Certificate Transparency (1.3.6.1.4.1.11129.2.4.2).
    public static let signedCertificateTimestampList: OID = "1.3.6.1.4.1.11129.2.4.2"
    /// The CT precertificate poison (1.3.6.1.4.1.11129.2.4.3).
    public static let ctPrecertificatePoison: OID = "1.3.6.1.4.1.11129.2.4.3"

    /// id-ad-ocsp (1.3.6.1.5.5.7.48.1).
    public static let ocspAccess: OID = "1.3.6.1.5.5.7.48.1"
    /// id-ad-caIssuers (1.3.6.1.5.5.7.48.2).
    public static let caIssuersAccess: OID = "1.3.6.1.5.5.7.48.2"
    /// Microsoft's user principal name otherName (1.3.6.1.4.1.311.20.2.3).
    public static let userPrincipalName: OID = "1.3.6.1.4.1.311.20.2.3"

    /// PKCS#7 data (1.2.840.113549.1.7.1).
    public static let pkcs7Data: OID = "1.2.840.113549.1.7.1"
    /// PKCS#7 signedData (1.2.840.113549.1.7.2).
    public static let pkcs7SignedData: OID = "1.2.840.113549.1.7.2"
    /// PKCS#7 encryptedData (1.2.840.113549.1.7.6).
    public static let pkcs7EncryptedData: OID = "1.2.840.113549.1.7.6"
    /// PKCS#9 extensionRequest (1.2.840.113549.1.9.14), in CSRs.
    public static let extensionRequest: OID = "1.2.840.113549.1.9.14"
    /// PBES2 (1.2.840.113549.1.5.13).
    public static let pbes2: OID = "1.2.840.113549.1.5.13"
    /// PBKDF2 (1.2.840.113549.1.5.12).
    public static let pbkdf2: OID = "1.2.840.113549.1.5.12"
}
