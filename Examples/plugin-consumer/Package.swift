// swift-tools-version:6.0
//
// A package that uses certlint's command plugin: `swift package lint-certs` lints this package's
// certificates (Sources/*/tls), with its .certlint.yml. Tests/Integration/plugin.sh copies it,
// points the dependency at the checkout, and runs the plugin on it.
import PackageDescription

let package = Package(
    name: "plugin-consumer",
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(name: "OrdersApp", exclude: ["tls"]),
        .target(name: "Billing", exclude: ["tls"]),
    ]
)
