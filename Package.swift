// swift-tools-version:6.0
//
// certlint: a policy-as-code linter for X.509 certificates as they are deployed.
//
// Invariants (../shared/DESIGN.md, guarded by Tests/CertLintPackageTests):
// - `dependencies: []`: no third-party package, ever. Every dependency of a plugin
//   becomes a version constraint on every package that uses it.
// - Every module name starts with `CertLint` (module names are global in a graph).
import PackageDescription

let package = Package(
    name: "certlint",
    products: [
        .executable(name: "certlint", targets: ["certlint"]),
        .library(name: "CertLintKit", targets: ["CertLintKit"]),
        .plugin(name: "LintCerts", targets: ["CertLintPlugin"]),
    ],
    dependencies: [],
    targets: [
        // The shared vocabulary: locations, severities, findings. Imports nothing.
        .target(name: "CertLintCore"),
        // DER/BER-subset reader, OIDs, PEM, Base64.
        .target(name: "CertLintDER", dependencies: ["CertLintDERAccel"]),
        // Our own C: Base64 decoding with the CPU's SSSE3 instructions where it has them
        // (detected at run time; elsewhere the Swift decoder runs), memchr, the OID table's lock,
        // and a cache prefetch for the policy engine.
        .target(name: "CertLintDERAccel"),
        // Digests and the keystore primitives (HMAC, PBKDF2, PKCS#12 KDF, AES/3DES/RC2), tested
        // against published vectors.
        .target(name: "CertLintCrypto", dependencies: ["CertLintDER", "CertLintCryptoAccel"]),
        // Our own C: the CPU's SHA-256 and AES instructions where it has them (x86-64 SHA-NI,
        // AES-NI, detected at run time), for CertLintCrypto; elsewhere the Swift code runs.
        .target(name: "CertLintCryptoAccel"),
        // Certificates, CSRs, private keys, PKCS#7, hostname matching, fingerprints.
        .target(name: "CertLintX509", dependencies: ["CertLintDER", "CertLintCrypto"]),
        // PKCS#12 and Java keystores (JKS, JCEKS), opened without keeping a secret.
        .target(name: "CertLintKeystores", dependencies: ["CertLintDER", "CertLintCrypto", "CertLintX509"]),
        // YAML reader with positions, for rule files, config and manifests. Imports nothing.
        .target(name: "CertLintYAML"),
        // One reader per deployment format: text in, certificate usages out. No certificate decoding.
        .target(name: "CertLintManifests", dependencies: ["CertLintCore", "CertLintYAML"]),
        // The expression language, rule files, packs, facts, evaluation, waivers. No I/O.
        .target(name: "CertLintPolicy", dependencies: ["CertLintCore", "CertLintDER", "CertLintDERAccel", "CertLintCrypto", "CertLintX509", "CertLintYAML"]),
        // Reporters: see findings only.
        .target(name: "CertLintReport", dependencies: ["CertLintCore"]),
        // The pipeline and the command-line logic.
        .target(
            name: "CertLintKit",
            dependencies: [
                "CertLintCore", "CertLintDER", "CertLintCrypto", "CertLintX509", "CertLintKeystores", "CertLintYAML",
                "CertLintManifests", "CertLintPolicy", "CertLintReport",
            ]
        ),
        // main.swift only: wire stdio, call CertLintKit, exit.
        .executableTarget(name: "certlint", dependencies: ["CertLintKit"]),
        // `swift run -c release CertLintBenchmarks`: throughput figures, never run as tests.
        .executableTarget(name: "CertLintBenchmarks", dependencies: ["CertLintDER", "CertLintX509", "CertLintPolicy"]),
        // `swift run -c release CertLintCryptoBenchmarks`: the keystore primitives (Benchmarks/crypto.sh compares with OpenSSL).
        .executableTarget(name: "CertLintCryptoBenchmarks", dependencies: ["CertLintCrypto"]),
        // `swift package lint-certs`: runs the certlint tool over the package. The product is
        // LintCerts; the module is CertLintPlugin, so no module name can collide.
        .plugin(
            name: "CertLintPlugin",
            capability: .command(
                intent: .custom(verb: "lint-certs", description: "Lint the certificates, keys and deployment manifests in this package.")
            ),
            dependencies: ["certlint"],
            path: "Plugins/LintCerts"
        ),
        .testTarget(name: "CertLintCoreTests", dependencies: ["CertLintCore"]),
        .testTarget(name: "CertLintDERTests", dependencies: ["CertLintDER"]),
        .testTarget(name: "CertLintCryptoTests", dependencies: ["CertLintCrypto"]),
        .testTarget(name: "CertLintX509Tests", dependencies: ["CertLintX509", "CertLintDER", "CertLintCrypto"]),
        .testTarget(name: "CertLintYAMLTests", dependencies: ["CertLintYAML"]),
        .testTarget(name: "CertLintKeystoresTests", dependencies: ["CertLintKeystores", "CertLintX509", "CertLintDER", "CertLintCrypto"]),
        .testTarget(name: "CertLintManifestsTests", dependencies: ["CertLintManifests", "CertLintCore", "CertLintYAML"]),
        .testTarget(name: "CertLintPolicyTests", dependencies: ["CertLintPolicy", "CertLintCore", "CertLintX509", "CertLintDER", "CertLintYAML"]),
        .testTarget(name: "CertLintReportTests", dependencies: ["CertLintReport", "CertLintCore"]),
        .testTarget(name: "CertLintKitTests", dependencies: ["CertLintKit", "CertLintCrypto", "CertLintDER", "CertLintManifests", "CertLintPolicy"]),
        .testTarget(name: "CertLintPackageTests", dependencies: ["CertLintKit"]),
    ],
    swiftLanguageModes: [.v6]
)
