import Foundation
import Testing

/// The package's structural invariants (../shared/DESIGN.md): no third-party packages, every
/// module named CertLint…, and the import direction between modules.
@Suite struct PackageInvariantTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func manifest() throws -> String {
        try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
    }

    /// Invariant 1: `dependencies: []` and no `.package(` anywhere in the root manifest.
    @Test func rootPackageHasNoDependencies() throws {
        let text = try Self.manifest()
        #expect(text.contains("dependencies: [],"))
        #expect(!text.contains(".package("))
        let packageDependencies = text.components(separatedBy: "\n").filter { $0.hasPrefix("    dependencies:") }
        #expect(packageDependencies == ["    dependencies: [],"])
    }

    /// Invariant 2: every target is named CertLint… (the executable is `certlint`).
    @Test func everyTargetNameStartsWithCertLint() throws {
        let manifest = try Self.manifest()
        // Targets only (the products list names the plugin product LintCerts, after its verb).
        guard let targets = manifest.range(of: "\n    targets: [") else {
            Issue.record("Package.swift has no targets list")
            return
        }
        let text = String(manifest[targets.lowerBound...])
        let pattern = try NSRegularExpression(pattern: #"\.(target|testTarget|executableTarget|plugin|binaryTarget|macro|systemLibrary)\(\s*name:\s*"([^"]+)""#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        let names = matches.compactMap { Range($0.range(at: 2), in: text).map { String(text[$0]) } }
        #expect(names.count >= 10)
        let bad = names.filter { !$0.hasPrefix("CertLint") && $0 != "certlint" }
        #expect(bad.isEmpty, "targets not named CertLint…: \(bad)")
        // Every source and test folder is a declared target (nothing is built under another name).
        for folder in ["Sources", "Tests"] {
            let entries = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(folder).path)
            for entry in entries where entry != "Fixtures" && entry != "Integration" && !entry.hasPrefix(".") {
                #expect(names.contains(entry), "\(folder)/\(entry) is not a declared target")
            }
        }
    }

    /// The import direction of the design: parsers never import Policy or Manifests, readers never
    /// import X509, reporters never import Policy or X509, Core imports nothing and DER nothing
    /// but its own C (CertLintDERAccel, the vector Base64 decoder).
    @Test func importsFollowTheDesign() throws {
        let allowed: [String: Set<String>] = [
            "CertLintCore": [],
            // CertLintDERAccel: our own C, Base64 decoding with the CPU's SSSE3 instructions.
            "CertLintDER": ["CertLintDERAccel"],
            "CertLintDERAccel": [],
            // CertLintCryptoAccel: our own C, the CPU's SHA-256 and AES instructions.
            "CertLintCrypto": ["CertLintDER", "CertLintCryptoAccel"],
            "CertLintCryptoAccel": [],
            "CertLintX509": ["CertLintDER", "CertLintCrypto", "Foundation"],
            "CertLintKeystores": ["CertLintDER", "CertLintCrypto", "CertLintX509", "Foundation"],
            "CertLintYAML": ["Foundation"],
            "CertLintManifests": ["CertLintCore", "CertLintYAML", "Foundation", "FoundationXML"],
            // Crypto for finding fingerprints; Dispatch to evaluate subjects on every core.
            // CertLintDERAccel also gives the engine its cache prefetch.
            "CertLintPolicy": ["CertLintCore", "CertLintDER", "CertLintDERAccel", "CertLintCrypto", "CertLintX509", "CertLintYAML", "Foundation", "Dispatch"],
            "CertLintReport": ["CertLintCore", "Foundation"],
            "CertLintKit": ["CertLintCore", "CertLintDER", "CertLintCrypto", "CertLintX509", "CertLintKeystores", "CertLintYAML", "CertLintManifests", "CertLintPolicy", "CertLintReport", "Foundation", "Dispatch"],
            "certlint": ["CertLintKit", "Foundation"],
            "CertLintBenchmarks": ["CertLintDER", "CertLintX509", "CertLintCrypto", "CertLintPolicy", "Foundation", "Dispatch"],
            "CertLintCryptoBenchmarks": ["CertLintCrypto", "Foundation", "Dispatch"],
        ]
        let sources = Self.root.appendingPathComponent("Sources")
        var violations: [String] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) where !module.hasPrefix(".") {
            guard let permitted = allowed[module] else {
                violations.append("\(module) has no entry in the import table")
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: sources.appendingPathComponent(module).path)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: sources.appendingPathComponent(module).appendingPathComponent(file), encoding: .utf8)
                for line in text.components(separatedBy: "\n") {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    let words = trimmed.split(separator: " ")
                    guard let first = words.first, first == "import" || (first.hasPrefix("@") && words.dropFirst().first == "import"),
                        let imported = words.last.map(String.init)
                    else { continue }
                    if !permitted.contains(imported) {
                        violations.append("\(module)/\(file) imports \(imported)")
                    }
                }
            }
        }
        // The plugin imports nothing of ours: it only runs the tool.
        let plugin = try String(contentsOf: Self.root.appendingPathComponent("Plugins/LintCerts/LintCerts.swift"), encoding: .utf8)
        #expect(!plugin.contains("import CertLint"))
        #expect(violations.isEmpty, "\(violations)")
    }
}
