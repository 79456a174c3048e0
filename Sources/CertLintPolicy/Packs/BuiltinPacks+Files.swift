// Generated from rules/*.yml by `CERTLINT_REGENERATE=1 swift test --filter GeneratedFilesTests`.
// Do not edit: edit the YAML and regenerate (a test fails while this copy is stale).

extension BuiltinPacks {
    /// The built-in packs' files: path and text.
    static let files: [(path: String, text: String)] = [
        (
            "rules/chains.yml",
            ####"""
            pack: chains
            summary: The chain each server and client certificate is served with, and the CA bundles of mutual TLS.
            rules:
              - id: chain-incomplete
                summary: A served certificate must come with every intermediate between it and a root.
                rationale: >-
                  Clients hold roots, not intermediates. A server that sends only its leaf works in browsers
                  that cache or fetch intermediates and fails everywhere else (curl, Java, Go, mobile apps,
                  partner integrations) with "unable to get local issuer certificate". certlint calls an
                  issuer missing when it is known to be an intermediate: the repository holds it, or the
                  certificate is publicly trusted and its issuer is not a root.
                severity: error
                for: usage
                when: usage.role == "server" || usage.role == "client"
                assert: chain.complete
                message: >-
                  {{cert.subject.cn}} is {{usage.role == "server" ? "served" : "presented"}} at {{usage.endpoint}}
                  without its issuer {{chain.missingIssuer}}{{chain.missingIssuerAt != "" ? ", which this repository holds at " + chain.missingIssuerAt : ""}};
                  clients that do not already have that intermediate cannot build a path to a root.
                help: Serve the full chain (the leaf followed by its intermediates, as in a fullchain.pem), or add the intermediate to the chain file.
                references: ["RFC 8446 4.4.2", "RFC 5246 7.4.2"]
                examples:
                  - fail: { cert: { subject: { cn: www.example.com } }, chain: { complete: false, missingIssuer: "CN=Example Issuing CA" }, usage: { role: server } }
                  - pass: { chain: { complete: true }, usage: { role: server } }
                  - pass: { chain: { complete: false }, usage: { role: client-ca } }

              - id: chain-not-leaf-first
                summary: A served bundle must start with the certificate it presents.
                rationale: >-
                  nginx, HAProxy, Apache and Kubernetes ingress controllers present the first certificate of
                  the file as the server's own and match it against the private key; a bundle that starts
                  with an intermediate fails to load or presents the wrong certificate.
                severity: error
                for: usage
                when: (usage.role == "server" || usage.role == "client") && chain.certificates.exists(c, !c.isCA)
                assert: chain.startsWithLeaf
                message: >-
                  The bundle at {{usage.endpoint}} starts with {{cert.subject.dn}}, not with its leaf
                  {{chain.certificates.filter(c, !c.isCA)[0].subject.cn}}; the first certificate of the file is
                  the one presented.
                help: Put the leaf first, then each intermediate in order (cat leaf.pem intermediate.pem > fullchain.pem).
                references: ["RFC 8446 4.4.2"]
                examples:
                  - fail: { cert: { isCA: true, subject: { dn: "CN=Example Issuing CA" } }, chain: { startsWithLeaf: false, certificates: [{ isCA: true }, { isCA: false, subject: { cn: www.example.com } }] }, usage: { role: server } }
                  - pass: { chain: { startsWithLeaf: true, certificates: [{ isCA: false }, { isCA: true }] }, usage: { role: server } }
                  - pass: { chain: { startsWithLeaf: false, certificates: [{ isCA: true }] }, usage: { role: server } }

              - id: chain-out-of-order
                summary: Each served certificate should be followed by the one that issued it.
                rationale: >-
                  TLS 1.2 requires the chain in order, leaf first, each certificate certified by the next
                  (RFC 5246 7.4.2); TLS 1.3 relaxes it, but older Java, OpenSSL 1.0 and many embedded clients
                  still fail to build a path from an unordered list.
                severity: warning
                for: usage
                when: (usage.role == "server" || usage.role == "client") && size(chain.certificates) > 1 && chain.startsWithLeaf
                assert: chain.ordered
                message: >-
                  The certificates at {{usage.endpoint}} are not in order: after {{cert.subject.cn}} each
                  certificate must be followed by the one that issued it.
                help: Reorder the file as leaf, its issuer, that issuer's issuer, and so on.
                references: ["RFC 5246 7.4.2", "RFC 8446 4.4.2"]
                examples:
                  - fail: { chain: { ordered: false, startsWithLeaf: true, certificates: [{}, {}, {}] }, usage: { role: server } }
                  - pass: { chain: { ordered: true, startsWithLeaf: true, certificates: [{}, {}] }, usage: { role: server } }

              - id: chain-includes-root
                summary: A served chain need not include the root.
                rationale: >-
                  The peer (a server's clients, or the server a client certificate is presented to) must
                  already trust the root for the chain to validate, so sending it only adds bytes to every
                  handshake; some validators also stop at a served root they do not trust instead of trying
                  the one they hold.
                severity: note
                for: usage
                when: usage.role == "server" || usage.role == "client"
                assert: '!chain.includesRoot'
                message: >-
                  The chain at {{usage.endpoint}} includes the root
                  {{chain.certificates.filter(c, c.selfSigned && c.isCA)[0].subject.dn}}; {{usage.role == "client" ? "the servers it calls" : "clients"}}
                  must already hold it.
                help: Drop the root from the chain file; keep the leaf and the intermediates.
                references: ["RFC 8446 4.4.2"]
                examples:
                  - fail: { chain: { includesRoot: true, certificates: [{}, { selfSigned: true, isCA: true, subject: { dn: "CN=Example Root" } }] }, usage: { role: server } }
                  - fail: { chain: { includesRoot: true, certificates: [{}, { selfSigned: true, isCA: true, subject: { dn: "CN=Corp Root" } }] }, usage: { role: client } }
                  - pass: { chain: { includesRoot: false }, usage: { role: server } }

              - id: chain-expired-intermediate
                summary: A served chain must not contain an expired intermediate.
                rationale: >-
                  A path through an expired intermediate is invalid even when the leaf is current; clients
                  that do not find another path (most non-browser clients) reject the connection. Renewed
                  intermediates are the usual cause: the leaf was renewed, the old chain file kept.
                severity: error
                for: usage
                when: usage.role == "server" || usage.role == "client"
                assert: chain.expiredIssuer == ""
                message: >-
                  The chain at {{usage.endpoint}} contains {{chain.expiredIssuer}}, which has expired; clients
                  that build the path through it reject {{cert.subject.cn}}.
                help: Replace the chain file with the CA's current intermediates.
                references: ["RFC 5280 6.1.3"]
                examples:
                  - fail: { chain: { expiredIssuer: "CN=Old Intermediate" }, usage: { role: server } }
                  - pass: { chain: { expiredIssuer: "" }, usage: { role: server } }

              - id: mtls-client-not-trusted
                summary: A client certificate presented to an mTLS endpoint of the repository must be issued by a CA that endpoint trusts.
                rationale: >-
                  When both sides of mutual TLS are in the repository, certlint can check that the client
                  certificate chains to a CA in the endpoint's client CA bundle; if not, every handshake
                  fails with "unknown ca" or "certificate verify failed" once deployed.
                severity: error
                for: usage
                when: usage.role == "client" && usage.peer != ""
                assert: usage.peerTrusts
                message: >-
                  {{cert.subject.cn}} is presented to {{usage.peer}}, but no CA in that endpoint's client CA
                  bundle issued it (its issuer is {{cert.issuer.dn}}); the endpoint will refuse it.
                help: Issue the client certificate from a CA in the endpoint's bundle, or add its issuing CA to the bundle.
                references: ["RFC 8446 4.4.2.4"]
                examples:
                  - fail: { cert: { subject: { cn: orders }, issuer: { dn: "CN=Other CA" } }, usage: { role: client, peer: "nginx server partner-gateway.vendor.com:443", peerTrusts: false } }
                  - pass: { usage: { role: client, peer: "nginx server partner-gateway.vendor.com:443", peerTrusts: true } }
                  - pass: { usage: { role: client, peer: "", peerTrusts: true } }

            """####
        ),
        (
            "rules/files.yml",
            ####"""
            pack: files
            summary: Files that look like certificates, keys or bundles but cannot be read.
            rules:
              - id: unreadable-file
                summary: A certificate, key or bundle file must be readable.
                rationale: >-
                  A file with a certificate's name or PEM armour that cannot be decoded is broken for the
                  software that loads it too: a truncated copy, a bad merge, the wrong encoding.
                severity: error
                for: file
                assert: file.readable
                message: '{{file.path}} cannot be read: {{file.error}}'
                help: Restore the file from its source (the CA's download, the secret store) or remove it.
                examples:
                  - fail: { file: { path: certs/www.pem, readable: false, error: "The PEM block has no END line" } }
                  - pass: { file: { path: certs/www.pem, readable: true } }

            """####
        ),
        (
            "rules/keys.yml",
            ####"""
            pack: keys
            summary: Key algorithms and sizes.
            rules:
              - id: rsa-key-too-small
                summary: RSA keys must be at least 2048 bits.
                rationale: >-
                  RSA keys under 2048 bits are refused by current TLS libraries and by every public CA;
                  1024-bit keys have been within reach of factoring for years.
                severity: error
                for: certificate
                when: cert.keyAlgorithm == "rsa"
                assert: cert.keyBits >= params.minBits
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} has a {{cert.keyBits}}-bit RSA
                  key; at least {{params.minBits}} bits are required.
                help: Generate a new key of at least 2048 bits (or an ECDSA P-256 key) and reissue.
                references: ["NIST SP 800-131A Rev. 2", "CA/Browser Forum Baseline Requirements 6.1.5"]
                params: { minBits: 2048 }
                examples:
                  - fail: { cert: { keyAlgorithm: rsa, keyBits: 1024 } }
                  - pass: { cert: { keyAlgorithm: rsa, keyBits: 2048 } }
                  - pass: { cert: { keyAlgorithm: ec, keyBits: 256 } }

              - id: rsa-exponent
                summary: An RSA public exponent should be 65537.
                rationale: >-
                  Small exponents such as 3 make implementation mistakes in padding exploitable; even
                  exponents are invalid. The Baseline Requirements require an odd exponent of at least 65537.
                severity: warning
                for: certificate
                when: cert.keyAlgorithm == "rsa" && cert.rsaExponent > 0
                assert: cert.rsaExponent >= 65537 && cert.rsaExponent % 2 == 1
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} has an RSA key with public exponent
                  {{cert.rsaExponent}}; use 65537.
                help: Generate the key with the default exponent 65537 and reissue.
                references: ["CA/Browser Forum Baseline Requirements 6.1.6"]
                examples:
                  - fail: { cert: { keyAlgorithm: rsa, rsaExponent: 3 } }
                  - pass: { cert: { keyAlgorithm: rsa, rsaExponent: 65537 } }

              - id: ec-curve-not-allowed
                summary: EC keys must be on P-256, P-384 or P-521.
                rationale: >-
                  TLS clients and public CAs support the NIST curves P-256, P-384 and P-521; other curves
                  (secp256k1, brainpool, P-192, P-224) fail handshakes or are too weak.
                severity: error
                for: certificate
                when: cert.keyAlgorithm == "ec"
                assert: cert.curve in params.allowedCurves
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} has an EC key on {{cert.curve}};
                  allowed curves are {{params.allowedCurves}}.
                help: Generate a P-256 or P-384 key and reissue.
                references: ["CA/Browser Forum Baseline Requirements 6.1.5", "RFC 8446 4.2.7"]
                params: { allowedCurves: [P-256, P-384, P-521] }
                examples:
                  - fail: { cert: { keyAlgorithm: ec, curve: secp256k1 } }
                  - pass: { cert: { keyAlgorithm: ec, curve: P-384 } }

              - id: key-algorithm-unsupported
                summary: Keys must be RSA, EC, Ed25519 or Ed448.
                rationale: >-
                  DSA keys cannot be used with TLS 1.3 and are refused by current libraries; other
                  algorithms (GOST, SM2, X25519 in a certificate) are not usable for TLS authentication.
                severity: error
                for: certificate
                when: cert.keyAlgorithm != ""
                assert: cert.keyAlgorithm in ["rsa", "ec", "ed25519", "ed448"]
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} has a {{cert.keyAlgorithm}} key,
                  which TLS clients do not accept for authentication.
                help: Reissue it with an RSA (2048+), ECDSA (P-256/P-384) or Ed25519 key.
                references: ["RFC 8446 4.2.3"]
                examples:
                  - fail: { cert: { keyAlgorithm: dsa } }
                  - pass: { cert: { keyAlgorithm: ed25519 } }

            """####
        ),
        (
            "rules/keystores.yml",
            ####"""
            pack: keystores
            summary: Keystores (PKCS#12, JKS, JCEKS) committed to the repository — whether certlint can open them, what protects their keys.
            rules:
              - id: keystore-unreadable
                summary: A keystore file must be a well-formed keystore.
                rationale: >-
                  A keystore that is truncated or corrupt fails for the application that loads it too, at
                  startup or, worse, at the first TLS connection that needs it.
                severity: error
                for: keystore
                assert: keystore.readable
                message: '{{keystore.problem}}'
                help: Export the keystore again from its source, or remove the file.
                examples:
                  - fail: { keystore: { readable: false, problem: "certs/client.pfx cannot be read as a keystore: the file ends early." } }
                  - pass: { keystore: { readable: true } }

              - id: keystore-not-opened
                summary: certlint should be able to open every keystore, to check the certificates inside.
                rationale: >-
                  The certificates in a keystore are the ones that expire unnoticed: nobody looks inside a
                  .pfx until the client it authenticates starts failing. certlint opens keystores with the
                  empty password, or with a password taken from an environment variable that the
                  configuration names for the file, never from the repository.
                severity: warning
                for: keystore
                when: keystore.readable
                assert: keystore.opened
                message: '{{keystore.problem}}'
                help: >-
                  Map the keystore's path to an environment variable under `keystores:` in .certlint.yml
                  (or pass `--keystore-password-env PATTERN=VAR`) and set that variable in CI.
                examples:
                  - fail: { keystore: { readable: true, opened: false, problem: "certs/client.pfx needs a password to be opened; set PFX_PASSWORD." } }
                  - pass: { keystore: { readable: true, opened: true } }
                  - pass: { keystore: { readable: false, opened: false } }

              - id: keystore-private-key-committed
                summary: A keystore holding a private key should not be committed to the repository.
                rationale: >-
                  Whoever can read the repository can copy the keystore and attack its password offline,
                  for as long as the key is valid; keys belong in a secret store, fetched at deploy time.
                  A keystore that opens with the empty password is a private key in the clear.
                severity: warning
                for: keystore
                when: keystore.hasPrivateKey
                assert: 'false'
                message: >-
                  {{keystore.source.path}} holds a private key{{keystore.emptyPassword ? " and opens with the empty password, so the key is in the clear" : ""}};
                  keep it in a secret store, not in the repository.
                help: Remove the keystore from the repository (and its history), rotate the key, and load it from a secret store at deploy time.
                examples:
                  - fail: { keystore: { hasPrivateKey: true, emptyPassword: false, source: { path: certs/client.pfx } } }
                  - fail: { keystore: { hasPrivateKey: true, emptyPassword: true, source: { path: certs/client.pfx } } }
                  - pass: { keystore: { hasPrivateKey: false } }

              - id: keystore-weak-encryption
                summary: A keystore should protect its keys with PBES2 and AES, not the legacy PKCS#12 or Java schemes.
                rationale: >-
                  RC2-40 can be broken by brute force outright; SHA-1-based PKCS#12 PBE with 3DES or RC2,
                  JKS's proprietary SHA-1 XOR protection and JCEKS's MD5/3DES are weak against offline
                  guessing. OpenSSL 3 and Java 18+ write PBES2 with AES-256 by default; older exports and
                  `openssl pkcs12 -legacy` do not. Parts stored without encryption are not this rule's
                  business: a trust store needs none, and a key in the clear is keystore-private-key-committed.
                severity: warning
                for: keystore
                when: keystore.opened || keystore.format == "jks" || keystore.format == "jceks"
                assert: keystore.schemes.all(s, s.startsWith("pbes2-aes") || s == "none")
                message: >-
                  {{keystore.source.path}} is protected with {{keystore.encryption}}; export it again with
                  PBES2 and AES-256.
                help: >-
                  `openssl pkcs12 -export` (OpenSSL 3 without -legacy) or `keytool -importkeystore
                  -deststoretype PKCS12` on Java 18+ write PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC).
                references: ["RFC 8018 6.2", "RFC 7292 Appendix C"]
                examples:
                  - fail: { keystore: { opened: true, format: pkcs12, encryption: pbe-sha1-rc2-40, schemes: [pbe-sha1-rc2-40, pbe-sha1-3des], source: { path: a.pfx } } }
                  - fail: { keystore: { opened: false, format: jks, encryption: jks-sun, schemes: [jks-sun], source: { path: a.jks } } }
                  - pass: { keystore: { opened: true, format: pkcs12, encryption: pbes2-aes-256-cbc, schemes: [pbes2-aes-256-cbc] } }
                  - pass: { keystore: { opened: true, format: pkcs12, encryption: none, schemes: [] } }
                  - pass: { keystore: { opened: true, format: pkcs12, encryption: none, schemes: [none] } }

              - id: keystore-weak-mac
                summary: A keystore's integrity check should not rest on SHA-1.
                rationale: >-
                  The PKCS#12 MAC (and the JKS/JCEKS keyed digest) is what tells a tampered keystore from a
                  good one; SHA-1 is deprecated for it, and OpenSSL 3 and Java 18+ use HMAC-SHA-256.
                severity: note
                for: keystore
                when: keystore.mac != ""
                assert: '!(keystore.mac in ["hmac-sha1", "sun-sha1"])'
                message: '{{keystore.source.path}} is checked with {{keystore.mac}}; export it again with an HMAC-SHA-256 MAC.'
                help: '`openssl pkcs12 -export -macalg sha256`, or Java 18+ `keytool` with its PKCS12 defaults.'
                examples:
                  - fail: { keystore: { mac: hmac-sha1, source: { path: a.pfx } } }
                  - pass: { keystore: { mac: hmac-sha256 } }
                  - pass: { keystore: { mac: "" } }

              - id: keystore-low-iterations
                summary: A keystore's password-based encryption should use at least a set number of iterations (default 2048).
                rationale: >-
                  The iteration count is what makes each password guess expensive; counts below OpenSSL's
                  default of 2048 (1 is common in old exports) make offline guessing cheap.
                severity: warning
                for: keystore
                params: { minIterations: 2048 }
                when: keystore.iterations > 0
                assert: keystore.iterations >= params.minIterations
                message: >-
                  {{keystore.source.path}} derives its keys with {{keystore.iterations}} iterations; use at
                  least {{params.minIterations}}.
                help: Export it again with `-iter 10000` (openssl) or Java 18+ defaults.
                examples:
                  - fail: { keystore: { iterations: 1, source: { path: a.pfx } } }
                  - pass: { keystore: { iterations: 2048 } }
                  - pass: { keystore: { iterations: 0 } }

            """####
        ),
        (
            "rules/names.yml",
            ####"""
            pack: names
            summary: "The names a certificate carries: SANs, common name, wildcards."
            rules:
              - id: cn-not-in-san
                summary: A leaf certificate's hostname-like common name should also be one of its SANs.
                rationale: >-
                  Clients ignore the CN when a SAN exists (RFC 9525), so a CN that is not among the SANs is
                  a name the certificate appears to cover but does not; the Baseline Requirements require
                  the CN, if present, to be one of the SAN values.
                severity: warning
                for: certificate
                when: '!cert.isCA && cert.hasSAN && isHostname(cert.subject.cn)'
                assert: >-
                  cert.subject.cn.lowerAscii() in cert.san.dns.map(d, d.lowerAscii()) || cert.subject.cn in cert.san.ip
                message: >-
                  The common name {{cert.subject.cn}} is not among the SANs ({{cert.san.dns + cert.san.ip}});
                  clients will not accept the certificate for {{cert.subject.cn}}.
                help: Reissue it with the common name repeated as a DNS SAN (or drop the common name).
                references: ["RFC 9525 6.2.1", "CA/Browser Forum Baseline Requirements 7.1.4.3"]
                examples:
                  - fail: { cert: { hasSAN: true, subject: { cn: www.example.com }, san: { dns: [example.com] } } }
                  - pass: { cert: { hasSAN: true, subject: { cn: WWW.example.com }, san: { dns: [www.example.com] } } }
                  - pass: { cert: { hasSAN: true, subject: { cn: Example Device 7 }, san: { dns: [d7.example.com] } } }

              - id: wildcard-form
                summary: A wildcard SAN must be a whole left-most label over a registrable domain.
                rationale: >-
                  Clients match `*` only as the entire left-most label, for exactly one label, and never
                  directly under a public suffix (`*.com`, `*.co.uk`); any other form matches nothing or is
                  refused outright (RFC 9525 6.3).
                severity: error
                for: certificate
                when: cert.san.dns.exists(d, d.contains("*"))
                assert: cert.san.dns.all(d, !d.contains("*") || isValidWildcard(d))
                message: >-
                  {{cert.san.dns.filter(d, d.contains("*") && !isValidWildcard(d))}} in
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} is not a wildcard clients
                  accept: the `*` must be the whole left-most label of a name under a registrable domain.
                help: Use `*.example.com`-style names, or list the hosts individually.
                references: ["RFC 9525 6.3", "RFC 6125 7.2"]
                examples:
                  - fail: { cert: { san: { dns: ["f*.example.com"] } } }
                  - fail: { cert: { san: { dns: ["*.co.uk"] } } }
                  - fail: { cert: { san: { dns: ["www.*.example.com"] } } }
                  - pass: { cert: { san: { dns: ["*.example.com", example.com] } } }

            """####
        ),
        (
            "rules/secrets.yml",
            ####"""
            pack: secrets
            summary: Private keys committed to the repository.
            rules:
              - id: private-key-unencrypted
                summary: A private key must not be committed in the clear.
                rationale: >-
                  Anyone who can read the repository, its forks, caches and backups can impersonate the
                  service with a private key stored unencrypted; history keeps it even after deletion.
                severity: error
                for: key
                assert: key.encrypted
                message: >-
                  A private key ({{key.display}}) is committed unencrypted{{key.hasCertificate ? "; it belongs to " + cert.subject.cn : ""}}.
                help: >-
                  Remove it from the repository and its history, rotate the key and reissue the certificate,
                  and load keys from a secret store at deploy time.
                references: ["CWE-312", "OWASP ASVS 6.4.1"]
                examples:
                  - fail: { key: { algorithm: rsa, bits: 2048, display: RSA 2048-bit, encrypted: false } }
                  - pass: { key: { algorithm: rsa, encrypted: true } }

              - id: key-certificate-mismatch
                summary: A private key paired with a certificate must be that certificate's key.
                rationale: >-
                  A server configured with a certificate and a key that do not belong together refuses to
                  start or fails every handshake; it usually means one of the two files was renewed alone.
                severity: error
                for: key
                when: key.hasCertificate
                assert: key.matchesCertificate
                message: >-
                  The private key does not match the certificate {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}}
                  it is paired with.
                help: Deploy the key the certificate was issued for, or reissue the certificate for this key.
                examples:
                  - fail: { key: { hasCertificate: true, matchesCertificate: false }, cert: { subject: { cn: www.example.com } } }
                  - pass: { key: { hasCertificate: true, matchesCertificate: true } }
                  - pass: { key: { hasCertificate: false } }

            """####
        ),
        (
            "rules/signatures.yml",
            ####"""
            pack: signatures
            summary: How certificates are signed.
            rules:
              - id: weak-signature-hash
                summary: A certificate must not be signed with SHA-1, MD5 or older hashes.
                rationale: >-
                  Collisions for MD5 and SHA-1 are practical (chosen-prefix SHA-1 collisions since 2020),
                  so signatures over them no longer prove anything; clients refuse them. A root's
                  self-signature is not checked and does not count.
                severity: error
                for: certificate
                when: '!cert.selfSigned && cert.signatureHash != ""'
                assert: '!(cert.signatureHash in ["md2", "md4", "md5", "sha1"])'
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} is signed with
                  {{cert.signatureAlgorithm}} ({{cert.signatureHash}}), which clients no longer accept.
                help: Have it reissued with a SHA-256 (or stronger) signature.
                references: ["CA/Browser Forum Baseline Requirements 7.1.3.2", "RFC 9155"]
                examples:
                  - fail: { cert: { signatureHash: sha1, signatureAlgorithm: sha1WithRSAEncryption } }
                  - fail: { cert: { signatureHash: md5 } }
                  - pass: { cert: { signatureHash: sha256 } }
                  - pass: { cert: { signatureHash: sha1, selfSigned: true } }

            """####
        ),
        (
            "rules/structure.yml",
            ####"""
            pack: structure
            summary: The shape of a certificate.
            rules:
              - id: v1-certificate
                summary: Certificates should be version 3.
                rationale: >-
                  Version 1 certificates cannot carry extensions: no SAN (so no hostname matches), no
                  extended key usage, no basic constraints (so CA status is ambiguous). Current clients
                  refuse them as leaves.
                severity: warning
                for: certificate
                assert: cert.version == 3
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} is a version {{cert.version}}
                  certificate; it cannot carry SANs, key usage or basic constraints.
                help: Reissue it as a version 3 certificate with the extensions it needs.
                references: ["RFC 5280 4.1.2.1"]
                examples:
                  - fail: { cert: { version: 1 } }
                  - pass: { cert: { version: 3 } }

              - id: certificate-field-unreadable
                summary: Every field of a certificate should decode.
                rationale: >-
                  A field certlint cannot decode (a malformed extension, say) is one other software may
                  read differently, or reject; the rules that depend on it cannot run.
                severity: warning
                for: certificate
                assert: size(cert.unreadableFields) == 0
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} has fields that cannot be decoded:
                  {{cert.unreadableFields}}; rules that use them could not check them.
                help: Run `certlint inspect` on the file for the byte offset and field; reissue the certificate.
                examples:
                  - fail: { cert: { unreadableFields: [san] } }
                  - pass: { cert: { unreadableFields: [] } }

            """####
        ),
        (
            "rules/tls-client.yml",
            ####"""
            pack: tls-client
            summary: Certificates that applications present when they call out (client authentication, mTLS).
            rules:
              - id: client-eku
                summary: A certificate presented by a client must allow TLS client authentication.
                rationale: >-
                  Servers that verify client certificates check the extended key usage: a certificate that
                  lists purposes but not clientAuth (1.3.6.1.5.5.7.3.2) is refused, usually because a
                  server certificate was installed as the client certificate.
                severity: error
                for: usage
                when: usage.role == "client"
                assert: '!cert.hasEKU || "clientAuth" in cert.eku || "anyExtendedKeyUsage" in cert.eku'
                message: >-
                  {{cert.subject.cn}} is presented as a client certificate at {{usage.endpoint}} but its
                  extended key usage ({{cert.eku}}) lacks clientAuth (1.3.6.1.5.5.7.3.2); servers refuse it.
                help: Reissue it from a template that includes TLS Web Client Authentication.
                references: ["RFC 5280 4.2.1.12"]
                examples:
                  - fail: { cert: { hasEKU: true, eku: [serverAuth] }, usage: { role: client } }
                  - pass: { cert: { hasEKU: true, eku: [serverAuth, clientAuth] }, usage: { role: client } }

              - id: public-cert-as-client
                summary: A publicly trusted TLS certificate should not be used as a client certificate.
                rationale: >-
                  The browser root programs require TLS server hierarchies dedicated to serverAuth; public
                  CAs stopped issuing clientAuth in TLS certificates during 2025-2026 (Chrome's policy is
                  enforced from a date sources give as 2026-06-15 or 2027-03-15). A client certificate from
                  a public CA will not be renewable with clientAuth; use a private CA for mTLS.
                severity: warning
                for: usage
                when: usage.role == "client" && cert.publiclyTrusted
                assert: 'false'
                message: >-
                  {{cert.subject.cn}} is a publicly trusted certificate used as a client certificate at
                  {{usage.endpoint}}; public CAs no longer issue clientAuth (root programs enforce it from
                  {{params.enforcedFrom}}), so its renewal will not work for client authentication.
                help: Issue client certificates from a private CA that the server trusts for mTLS.
                references: ["Chrome Root Program Policy 1.6 (dedicated TLS server hierarchies)"]
                params: { enforcedFrom: "2026-06-15" }
                examples:
                  - fail: { cert: { publiclyTrusted: true }, usage: { role: client } }
                  - pass: { cert: { publiclyTrusted: false }, usage: { role: client } }

              - id: client-auth-without-client-usage
                summary: A certificate used only by servers should not grant clientAuth (least privilege).
                rationale: >-
                  A server certificate that also allows clientAuth can be replayed as a client identity
                  against any server that trusts its issuer. Where no manifest uses it as a client
                  certificate, drop the purpose.
                severity: note
                for: certificate
                when: cert.usageCount > 0 && cert.hasEKU && "clientAuth" in cert.eku && !cert.isCA
                assert: '"client" in cert.roles'
                message: >-
                  {{cert.subject.cn}} grants clientAuth but is only used as {{cert.roles}} here; it would be
                  accepted as a client identity wherever its issuer is trusted.
                help: Reissue it with serverAuth only, unless something outside this repository uses it as a client.
                examples:
                  - fail: { cert: { usageCount: 1, roles: [server], hasEKU: true, eku: [serverAuth, clientAuth] } }
                  - pass: { cert: { usageCount: 2, roles: [server, client], hasEKU: true, eku: [serverAuth, clientAuth] } }
                  - pass: { cert: { usageCount: 0, hasEKU: true, eku: [serverAuth, clientAuth] } }

            """####
        ),
        (
            "rules/tls-server.yml",
            ####"""
            pack: tls-server
            summary: Certificates presented by servers, load balancers, CDNs and gateways.
            rules:
              - id: server-eku
                summary: A certificate presented by a server must allow TLS server authentication.
                rationale: >-
                  TLS clients check the extended key usage: a certificate that lists purposes but not
                  serverAuth (1.3.6.1.5.5.7.3.1) is rejected, typically because a client certificate was
                  installed on a listener.
                severity: error
                for: usage
                when: usage.role == "server"
                assert: '!cert.hasEKU || "serverAuth" in cert.eku || "anyExtendedKeyUsage" in cert.eku'
                message: >-
                  {{cert.subject.cn}} is served at {{usage.endpoint}} but its extended key usage
                  ({{cert.eku}}) lacks serverAuth (1.3.6.1.5.5.7.3.1); TLS clients reject it.
                help: Reissue it from a template that includes TLS Web Server Authentication.
                references: ["RFC 5280 4.2.1.12"]
                examples:
                  - fail: { cert: { hasEKU: true, eku: [clientAuth] }, usage: { role: server } }
                  - pass: { cert: { hasEKU: true, eku: [serverAuth] }, usage: { role: server } }
                  - pass: { cert: { hasEKU: false }, usage: { role: server } }
                  - pass: { cert: { hasEKU: true, eku: [clientAuth] }, usage: { role: client } }

              - id: server-san-present
                summary: A certificate presented by a server must name the server in a subjectAltName.
                rationale: >-
                  Browsers and current TLS libraries match hostnames against the SAN only (RFC 9525); a
                  certificate with no DNS or IP SAN matches no hostname, whatever its common name says.
                severity: error
                for: usage
                when: usage.role == "server"
                assert: size(cert.san.dns) + size(cert.san.ip) > 0
                message: >-
                  {{cert.subject.dn}} is served at {{usage.endpoint}} but has no DNS or IP subjectAltName;
                  clients ignore the common name, so it matches no hostname.
                help: Reissue it with every hostname it serves as a DNS SAN.
                references: ["RFC 9525 6.1", "CA/Browser Forum Baseline Requirements 7.1.2.7.12"]
                examples:
                  - fail: { cert: { subject: { cn: www.example.com } }, usage: { role: server } }
                  - pass: { cert: { san: { dns: [www.example.com] } }, usage: { role: server } }

              - id: server-san-covers-hostnames
                summary: Some SAN must cover every hostname the server answers for.
                rationale: >-
                  A hostname the listener serves that no SAN covers fails certificate validation for every
                  client that uses it; wildcards cover exactly one label.
                severity: error
                for: usage
                when: usage.role == "server" && size(usage.hostnames) > 0
                assert: usage.hostnames.all(h, coversHostname(cert, h))
                message: >-
                  {{cert.subject.cn}} is served for {{usage.hostnames.filter(h, !coversHostname(cert, h))}} at
                  {{usage.endpoint}}, but its SANs ({{cert.san.dns + cert.san.ip}}) do not cover
                  {{size(usage.hostnames.filter(h, !coversHostname(cert, h))) == 1 ? "it" : "them"}}.
                help: Add the missing names to the certificate's SANs, or stop serving them with it.
                references: ["RFC 9525 6.3"]
                examples:
                  - fail: { cert: { san: { dns: [www.example.com] } }, usage: { role: server, hostnames: [www.example.com, api.example.com] } }
                  - pass: { cert: { san: { dns: ["*.example.com"] } }, usage: { role: server, hostnames: [www.example.com, api.example.com] } }
                  - fail: { cert: { san: { dns: ["*.example.com"] } }, usage: { role: server, hostnames: [example.com] } }

              - id: ca-served-as-leaf
                summary: A CA certificate must not be presented as a server's or client's own certificate.
                rationale: >-
                  A certificate with basicConstraints cA=TRUE is for signing certificates; installing one
                  as an endpoint certificate usually means the wrong file of a bundle was referenced.
                severity: error
                for: usage
                when: (usage.role == "server" || usage.role == "client") && chain.certificates.all(c, c.isCA)
                assert: '!cert.isCA'
                message: >-
                  {{cert.subject.dn}} is a CA certificate but is installed as the {{usage.role}} certificate at
                  {{usage.endpoint}}.
                help: Point the directive at the leaf certificate (the first certificate of the chain file).
                references: ["RFC 5280 4.2.1.9"]
                examples:
                  - fail: { cert: { isCA: true }, chain: { certificates: [{ isCA: true }] }, usage: { role: server } }
                  - pass: { cert: { isCA: false }, chain: { certificates: [{ isCA: false }] }, usage: { role: server } }
                  - pass: { cert: { isCA: true }, usage: { role: client-ca } }

              - id: leaf-in-ca-bundle
                summary: A CA bundle that verifies peers must hold CA certificates, not leaves.
                rationale: >-
                  A trust bundle is a list of issuers; a leaf in it trusts exactly that certificate, usually
                  by mistake, and pins the configuration to one certificate's lifetime.
                severity: error
                for: usage
                when: usage.role == "client-ca" || usage.role == "server-ca"
                assert: cert.isCA || cert.selfSigned
                message: >-
                  {{cert.subject.dn}} is a leaf certificate but is in the {{usage.role}} bundle at
                  {{usage.endpoint}}.
                help: Put the certificates of the issuing CAs in the bundle instead.
                examples:
                  - fail: { cert: { isCA: false }, usage: { role: client-ca } }
                  - pass: { cert: { isCA: true }, usage: { role: client-ca } }

            """####
        ),
        (
            "rules/validity.yml",
            ####"""
            pack: validity
            summary: Certificates that have expired, are not valid yet, expire soon, or are valid for too long.
            rules:
              - id: cert-expired
                summary: A certificate must not have expired.
                rationale: >-
                  Every TLS client rejects an expired certificate; a deployed one is an outage, and an
                  expired one kept in a repository is usually a renewal that did not reach this copy.
                severity: error
                for: certificate
                assert: '!cert.expired'
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} expired on {{cert.notAfter}}
                  ({{-cert.daysUntilExpiry}} days ago).
                help: Renew the certificate and replace this copy, or remove the file if nothing uses it.
                references: ["RFC 5280 4.1.2.5"]
                examples:
                  - fail: { cert: { expired: true, daysUntilExpiry: -3, subject: { cn: www.example.com } } }
                  - pass: { cert: { expired: false, daysUntilExpiry: 90 } }

              - id: cert-not-yet-valid
                summary: A certificate must already be valid.
                rationale: >-
                  A certificate whose notBefore is in the future is rejected until then; deployed early, it
                  breaks every connection, and a clock problem at issuance is the usual cause.
                severity: error
                for: certificate
                assert: '!cert.notYetValid'
                message: '{{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} is not valid until {{cert.notBefore}}.'
                help: Deploy it on or after its notBefore date, or reissue it with a correct start date.
                references: ["RFC 5280 4.1.2.5"]
                examples:
                  - fail: { cert: { notYetValid: true, notBefore: "2030-01-01T00:00:00Z" } }
                  - pass: { cert: { notYetValid: false } }

              - id: cert-expiring-soon
                summary: A certificate should not expire within the warning window (default 30 days).
                rationale: >-
                  Renewals take time: approvals, change windows, caches of intermediates. A warning a month
                  ahead leaves room to renew before an error blocks the pipeline.
                severity: warning
                for: certificate
                when: '!cert.expired && !cert.notYetValid'
                assert: cert.daysUntilExpiry >= params.warningDays
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} expires on {{cert.notAfter}},
                  in {{cert.daysUntilExpiry}} days (warning at {{params.warningDays}}).
                help: Renew it now; automate renewal (ACME, cert-manager) where you can.
                params: { warningDays: 30 }
                examples:
                  - fail: { cert: { daysUntilExpiry: 12 } }
                  - pass: { cert: { daysUntilExpiry: 45 } }
                  - pass: { cert: { expired: true, daysUntilExpiry: -1 } }

              - id: cert-expiring-imminently
                summary: A certificate must not expire within the error window (default 7 days).
                rationale: >-
                  A week before expiry there is no time left for a normal change; the build fails so the
                  renewal happens now.
                severity: error
                for: certificate
                when: '!cert.expired && !cert.notYetValid'
                assert: cert.daysUntilExpiry >= params.errorDays
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} expires on {{cert.notAfter}},
                  in {{cert.daysUntilExpiry}} days.
                help: Renew it today.
                params: { errorDays: 7 }
                examples:
                  - fail: { cert: { daysUntilExpiry: 2 } }
                  - pass: { cert: { daysUntilExpiry: 8 } }

              - id: validity-too-long
                summary: A leaf certificate should be valid for at most a set number of days (default 398).
                rationale: >-
                  Long-lived leaf certificates outlive the keys, names and people that justified them and
                  make revocation the only remedy; 398 days is the limit browsers enforce for public
                  certificates and a sensible ceiling for private ones.
                severity: warning
                for: certificate
                when: '!cert.isCA'
                assert: cert.validityDays <= params.maxDays
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} is valid for {{cert.validityDays}}
                  days ({{cert.notBefore}} to {{cert.notAfter}}); the limit is {{params.maxDays}}.
                help: Issue leaf certificates for at most the limit and renew them automatically.
                references: ["CA/Browser Forum Baseline Requirements 6.3.2"]
                params: { maxDays: 398 }
                examples:
                  - fail: { cert: { validityDays: 825 } }
                  - pass: { cert: { validityDays: 397 } }
                  - pass: { cert: { validityDays: 3650, isCA: true } }

              - id: cabf-validity-schedule
                summary: >-
                  A publicly trusted TLS certificate must respect the CA/B Forum's maximum validity for its
                  issuance date: 398 days, 200 from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15.
                rationale: >-
                  Ballot SC-081v3 shortens the maximum validity of publicly trusted TLS certificates in
                  steps; browsers reject certificates issued beyond the limit in force on their notBefore.
                  Validity counts notBefore through notAfter inclusive.
                severity: error
                for: certificate
                when: cert.publiclyTrusted && !cert.isCA
                assert: >-
                  cert.validityDays <= (cert.notBefore < timestamp("2026-03-15T00:00:00Z") ? 398
                    : cert.notBefore < timestamp("2027-03-15T00:00:00Z") ? 200
                    : cert.notBefore < timestamp("2029-03-15T00:00:00Z") ? 100 : 47)
                message: >-
                  {{cert.subject.cn != "" ? cert.subject.cn : cert.subject.dn}} was issued on {{cert.notBefore}}
                  for {{cert.validityDays}} days; publicly trusted certificates issued then may be valid for
                  at most {{cert.notBefore < timestamp("2026-03-15T00:00:00Z") ? 398 : cert.notBefore < timestamp("2027-03-15T00:00:00Z") ? 200 : cert.notBefore < timestamp("2029-03-15T00:00:00Z") ? 100 : 47}}.
                help: Request a certificate within the limit; clients will reject this one.
                references: ["CA/Browser Forum ballot SC-081v3", "CA/Browser Forum Baseline Requirements 6.3.2"]
                examples:
                  - fail: { cert: { publiclyTrusted: true, notBefore: "2026-04-01T00:00:00Z", validityDays: 398 } }
                  - pass: { cert: { publiclyTrusted: true, notBefore: "2026-04-01T00:00:00Z", validityDays: 200 } }
                  - fail: { cert: { publiclyTrusted: true, notBefore: "2029-06-01T00:00:00Z", validityDays: 90 } }
                  - pass: { cert: { publiclyTrusted: true, notBefore: "2025-06-01T00:00:00Z", validityDays: 398 } }
                  - pass: { cert: { publiclyTrusted: false, notBefore: "2029-06-01T00:00:00Z", validityDays: 365 } }

            """####
        ),
    ]
}
