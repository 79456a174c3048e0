// swift-tools-version:6.0
//
// A nested package, so the root keeps `dependencies: []`: it measures apple/swift-certificates
// on the same corpus and the same loop as `CertLintBenchmarks`, for the ratio in one run.
// Run both with Benchmarks/run.sh.
import PackageDescription

let package = Package(
    name: "certlint-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-certificates.git", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "SwiftCertificatesBaseline",
            dependencies: [
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
