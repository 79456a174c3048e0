import Foundation
import Testing

@testable import CertLintYAML

/// `$CERTLINT_CORPORA/yaml-test-suite`, when the corpora are available (`.ci/run` sets the
/// variable; a user's clone has no corpora). A file-level constant: the suite's own statics
/// cannot be used in its attribute.
let yamlTestSuiteFolder: String? = ProcessInfo.processInfo.environment["CERTLINT_CORPORA"].map {
    $0 + "/yaml-test-suite"
}

/// certlint's YAML reader measured against the yaml-test-suite (yaml/yaml-test-suite, `data`
/// branch; 402 cases in 352 folders), read in place from the corpora folder.
///
/// **In scope** for the data comparison: every case that has an `error` file (the reader must
/// throw) or an `in.json` file (the reader's documents, converted to JSON, must equal the
/// expected JSON values — numbers compared by value, objects without regard to key order,
/// plain scalars resolved by the YAML 1.2 core schema, quoted scalars always strings, tags
/// applied (`!!int "1"` is 1, `!!str 1` is "1")).
///
/// **Out of scope** for the data comparison: cases with neither file. The suite publishes no
/// JSON for them because their data has no JSON form; ``outOfScopeReason(_:)`` names the
/// reason for each (a collection used as a mapping key, a null key, or no JSON published).
/// They must still parse; the two that repeat a key are rejected on purpose (see
/// ``outOfScopeCasesParse()``).
///
/// The event streams (`test.event`) are compared too, for every case: they pin scalar styles,
/// tags, anchors and empty nodes that JSON cannot show.
@Suite(.enabled(if: yamlTestSuiteFolder != nil, "set CERTLINT_CORPORA to the corpora folder"))
struct YAMLTestSuiteTests {
    static let cases: [YAMLSuiteCase] = yamlTestSuiteFolder.map(YAMLSuiteCase.all(in:)) ?? []

    /// Cases whose data repeats a mapping key: the suite tests syntax, so it accepts them, but
    /// YAML requires unique keys (YAML 1.2.2 §3.2.1.1) and certlint rejects duplicates by
    /// default because a repeated key in a config file is a mistake.
    static let duplicateKeyCases: Set<String> = [
        "2JQS",  // two empty (null) keys: `: a` / `: b`
        "X38W",  // the sequence key [a, b] written once and again through its alias *a
    ]

    @Test func suiteIsPresent() {
        #expect(Self.cases.count == 402)
    }

    /// The data comparison over the in-scope cases; prints the figures and the failures, and
    /// requires at least 90% (the implementation passes them all).
    @Test func dataMatchesTheSuite() throws {
        var inScope = 0
        var passed = 0
        var failures: [String] = []
        for suiteCase in Self.cases where suiteCase.mustFail || suiteCase.expectedJSON != nil {
            inScope += 1
            if let problem = Self.dataProblem(suiteCase) {
                failures.append("\(suiteCase.id) (\(suiteCase.title)): \(problem)")
            } else {
                passed += 1
            }
        }
        let share = Double(passed) / Double(max(inScope, 1)) * 100
        print(
            "yaml-test-suite data: \(Self.cases.count) cases, \(inScope) in scope, \(passed) passed "
                + "(\(String(format: "%.1f", share))%), \(Self.cases.count - inScope) out of scope")
        for failure in failures { print("  failed: \(failure)") }
        #expect(inScope >= 370)
        #expect(share >= 90, "only \(passed) of \(inScope) in-scope cases pass")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// What is wrong with certlint's reading of one in-scope case, or `nil` when it is right.
    static func dataProblem(_ suiteCase: YAMLSuiteCase) -> String? {
        let documents: [YAMLDocument]
        do {
            documents = try YAML.parseDocuments(suiteCase.input)
        } catch {
            return suiteCase.mustFail ? nil : "rejected: \(error)"
        }
        if suiteCase.mustFail { return "accepted input that must be rejected" }
        guard let expectedText = suiteCase.expectedJSON else { return "no expected data" }
        do {
            let expected = try SuiteJSON.parseAll(expectedText)
            let actual = try documents.map { try SuiteJSON.from($0.root) }
            return actual == expected ? nil : "got \(actual), expected \(expected)"
        } catch {
            return "\(error)"
        }
    }

    /// Why a case without `error` or `in.json` is outside the data comparison.
    static func outOfScopeReason(_ suiteCase: YAMLSuiteCase) -> String {
        let options = YAMLOptions(rejectsDuplicateKeys: false)
        guard let documents = try? YAML.parseDocuments(suiteCase.input, options: options) else {
            return "does not parse"
        }
        var complexKey = false
        var nullKey = false
        var stack = documents.compactMap(\.root)
        while let node = stack.popLast() {
            switch node.kind {
            case .scalar: break
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let pairs):
                for pair in pairs {
                    if !pair.key.isScalar { complexKey = true } else if pair.key.isNull { nullKey = true }
                    stack.append(pair.key)
                    stack.append(pair.value)
                }
            }
        }
        if complexKey { return "a collection is used as a mapping key; JSON keys are strings" }
        if nullKey { return "a mapping key is null (empty); JSON has no null keys" }
        return "the suite publishes no JSON for it"
    }

    /// Cases outside the data comparison still parse, except those that repeat a key, which
    /// are rejected by default (with `duplicateKey`) and parse when duplicates are allowed.
    @Test func outOfScopeCasesParse() {
        var lines: [String] = []
        for suiteCase in Self.cases where !suiteCase.mustFail && suiteCase.expectedJSON == nil {
            lines.append("  \(suiteCase.id) (\(suiteCase.title)): \(Self.outOfScopeReason(suiteCase))")
            if Self.duplicateKeyCases.contains(suiteCase.id) {
                #expect(throws: YAMLError.self, "\(suiteCase.id)") { try YAML.parseDocuments(suiteCase.input) }
                do {
                    _ = try YAML.parseDocuments(suiteCase.input)
                } catch {
                    #expect(error.code == .duplicateKey, "\(suiteCase.id): \(error)")
                }
                let relaxed = YAMLOptions(rejectsDuplicateKeys: false)
                #expect(throws: Never.self, "\(suiteCase.id)") { try YAML.parseDocuments(suiteCase.input, options: relaxed) }
            } else {
                #expect(throws: Never.self, "\(suiteCase.id)") { try YAML.parseDocuments(suiteCase.input) }
            }
        }
        print("yaml-test-suite out of scope (\(lines.count)):\n" + lines.joined(separator: "\n"))
        #expect(lines.count == 29)
    }

    /// Every case's event stream equals the suite's `test.event` (and every error case is
    /// rejected by the event parser or the composer).
    @Test func eventsMatchTheSuite() {
        var passed = 0
        var failures: [String] = []
        for suiteCase in Self.cases {
            do {
                let events = try YAML.events(suiteCase.input)
                if suiteCase.mustFail {
                    // Some errors (an undefined alias) are found only when composing.
                    if (try? YAML.parseDocuments(suiteCase.input)) == nil {
                        passed += 1
                    } else {
                        failures.append("\(suiteCase.id): accepted input that must be rejected")
                    }
                } else if YAMLEventFormatter.format(events) == suiteCase.expectedEvents {
                    passed += 1
                } else {
                    failures.append("\(suiteCase.id): events differ")
                }
            } catch {
                if suiteCase.mustFail {
                    passed += 1
                } else {
                    failures.append("\(suiteCase.id): rejected: \(error)")
                }
            }
        }
        print("yaml-test-suite events: \(passed) of \(Self.cases.count) cases match")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
