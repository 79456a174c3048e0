import CertLintCore
import Foundation
import Testing

@testable import CertLintPolicy

/// Every built-in rule loads, has failing and passing examples, and behaves on them.
@Suite struct BuiltinPackTests {
    static let packs: [RulePack] = (try? BuiltinPacks.load().get()) ?? []
    static let rules: [Rule] = packs.flatMap(\.rules)

    @Test func builtInPacksLoad() throws {
        switch BuiltinPacks.load() {
        case .success(let packs):
            #expect(packs.count >= 9)
            #expect(packs.flatMap(\.rules).count >= 25)
        case .failure(let errors):
            Issue.record("built-in packs do not load: \(errors.errors.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func ruleIdsAreUnique() {
        let ids = Self.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: rules.map(\.id))
    func everyRuleHasFailingAndPassingExamplesThatBehave(id: String) throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        #expect(rule.examples.contains { $0.expectation == .fail })
        #expect(rule.examples.contains { $0.expectation == .pass })
        for result in PolicyEngine.runExamples([rule]) {
            #expect(result.failure == nil, "\(rule.file):\(result.example.position.line): \(result.failure ?? "")")
        }
        #expect(rule.descriptor.help != nil, "\(id) has no help")
        #expect(rule.descriptor.rationale != nil, "\(id) has no rationale")
    }

    /// The example runner notices an example that does not behave: the same rule with an
    /// example's expectation flipped fails.
    @Test func aWrongExampleIsCaught() throws {
        let rule = try #require(Self.rules.first { $0.id == "cert-expired" })
        let flipped = rule.examples.map { RuleExample(expectation: $0.expectation == .fail ? .pass : .fail, activation: $0.activation, position: $0.position) }
        let broken = Rule(
            descriptor: rule.descriptor, subject: rule.subject, when: rule.when, assertion: rule.assertion, message: rule.message,
            params: rule.params, paramTypes: rule.paramTypes, examples: flipped, file: rule.file, position: rule.position)
        let results = PolicyEngine.runExamples([broken])
        #expect(results.allSatisfy { $0.failure != nil })
    }

    /// The CA/B Forum schedule, checked at each step's boundary.
    @Test(arguments: [
        ("2026-03-14T23:59:59Z", 398, true), ("2026-03-14T23:59:59Z", 399, false),
        ("2026-03-15T00:00:00Z", 200, true), ("2026-03-15T00:00:00Z", 201, false),
        ("2027-03-15T00:00:00Z", 100, true), ("2027-03-15T00:00:00Z", 101, false),
        ("2029-03-15T00:00:00Z", 47, true), ("2029-03-15T00:00:00Z", 48, false),
    ])
    func cabfScheduleBoundaries(notBefore: String, days: Int, passes: Bool) throws {
        let rule = try #require(Self.rules.first { $0.id == "cabf-validity-schedule" })
        let seconds = try #require(FactValues.parseTime(notBefore))
        var fields = FactValues.emptyFields("Certificate")
        fields["publiclyTrusted"] = .bool(true)
        fields["notBefore"] = .timestamp(seconds: seconds)
        fields["validityDays"] = .int(Int64(days))
        let activation: [String: CELValue] = [
            "cert": .object(FactRecord(typeName: "Certificate", fields: fields)), "now": .timestamp(seconds: seconds),
            "params": rule.paramsObject,
        ]
        #expect(rule.assertion.evaluate(activation) == .bool(passes))
    }
}
