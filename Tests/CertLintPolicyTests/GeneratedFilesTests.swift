import Foundation
import Testing

@testable import CertLintPolicy

/// Files derived from `rules/*.yml` are up to date: the embedded packs and the rule catalogue.
/// `CERTLINT_REGENERATE=1 swift test --filter GeneratedFilesTests` rewrites them.
@Suite struct GeneratedFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regenerate = ProcessInfo.processInfo.environment["CERTLINT_REGENERATE"] == "1"

    static func ruleFiles() throws -> [(path: String, text: String)] {
        let directory = root.appendingPathComponent("rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yml") }.sorted()
        return try names.map { (path: "rules/\($0)", text: try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func check(_ relative: String, _ expected: String) throws {
        let url = root.appendingPathComponent(relative)
        if regenerate {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let actual = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected, "\(relative) is stale: run CERTLINT_REGENERATE=1 swift test --filter GeneratedFilesTests")
    }

    @Test func embeddedPacksMatchRulesFolder() throws {
        try Self.check("Sources/CertLintPolicy/Packs/BuiltinPacks+Files.swift", BuiltinPacks.generatedSource(try Self.ruleFiles()))
    }

    @Test func ruleCatalogueMatchesRules() throws {
        let packs = try BuiltinPacks.load().get()
        try Self.check("rules/README.md", RuleCatalogue.markdown(packs))
    }
}
