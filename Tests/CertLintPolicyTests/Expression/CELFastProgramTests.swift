import CertLintDER
import CertLintX509
import Foundation
import Testing

@testable import CertLintPolicy

/// The fast path (``CELFastProgram``) against the general evaluator: wherever the fast path
/// answers, it gives the general evaluator's value with the same step count; where the general
/// evaluator gives an error, the fast path does not answer.
extension ExpressionTests {
    @Suite struct CELFastProgramTests {
        enum Outcome: Equatable {
            /// The program has no fast form.
            case notCompiled
            /// The fast form declined (the general evaluator decides).
            case declined
            /// The fast form answered, as the general evaluator does.
            case answered(Bool)
        }

        /// Runs `program` both ways over `activation` and checks that they agree.
        static func compare(
            _ program: CELProgram, environment: CELEnvironment, activation: [String: CELValue], constants: [String: CELValue] = [:],
            costLimit: Int = CELProgram.defaultCostLimit, sourceLocation: SourceLocation = #_sourceLocation
        ) -> Outcome {
            let layout = environment.variableLayout
            var slotConstants: [Int: CELValue] = [:]
            for (name, value) in constants { if let slot = layout.firstIndex(of: name) { slotConstants[slot] = value } }
            guard let fast = CELFastProgram(program, constants: slotConstants) else { return .notCompiled }
            var frame = CELFastFrame(variables: layout.map { activation[$0] ?? .null }, slotCount: program.slots.count, limit: costLimit)
            let general = program.evaluateWithCost(activation, costLimit: costLimit)
            guard let (value, cost) = fast.evaluateWithCost(&frame) else {
                return .declined
            }
            #expect(general.value == .bool(value), "\(program.source): fast \(value), general \(general.value)", sourceLocation: sourceLocation)
            #expect(general.cost == cost, "\(program.source): fast counted \(cost) steps, general \(general.cost)", sourceLocation: sourceLocation)
            return .answered(value)
        }

        static func compare(_ source: String, costLimit: Int = CELProgram.defaultCostLimit, sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
            let program = try CELFixtures.compile(source, expecting: .bool)
            return compare(program, environment: CELFixtures.environment, activation: CELFixtures.activation, costLimit: costLimit, sourceLocation: sourceLocation)
        }

        /// Every construct the fast path compiles, answered as the general evaluator answers
        /// (hand-checked values: the fixtures' certificate has keyBits 2048, EKU serverAuth and
        /// clientAuth, SANs www.example.com and example.com; i = 7, s = "Hello", now is
        /// 2026-03-15, t the epoch, dur one hour).
        @Test(arguments: [
            ("cert.keyBits >= 2048", true), ("cert.keyBits < 2048", false), ("cert.keyBits == 2048 && !cert.isCA", true),
            (#""serverAuth" in cert.eku"#, true), (#""codeSigning" in cert.eku"#, false), ("cert.hasEKU || cert.isCA", true),
            ("cert.isCA || cert.keyBits > 4096 || i == 7", true), ("size(cert.eku) == 2", true), ("cert.eku.size() == 3", false),
            ("cert.subject.cn == 'www.example.com'", true), ("cert.subject.cn != 'WWW.example.com'", true),
            ("cert.subject.cn.lowerAscii() in cert.san.dns.map(d, d.lowerAscii())", true),
            ("cert.san.dns.exists(d, d.startsWith('example'))", true), ("cert.san.dns.all(d, d.endsWith('.com'))", true),
            ("cert.san.dns.exists_one(d, d.contains('www'))", true), ("size(cert.san.dns.filter(d, d.size() > 11)) == 1", true),
            ("i % 2 == 1", true), ("-i < 0 && i * 3 - 1 == 20 && i / 2 == 3", true), ("t < now && now > cert.notBefore", true),
            ("now - t > dur", true), ("cert.notAfter - cert.notBefore >= days(365)", true),
            ("(i > 5 ? 'big' : 'small') == 'big'", true), ("cert.keyBits <= (t < now ? 1024 : 4096)", false),
            ("s + '!' == 'Hello!'", true), ("s < 'World' && s >= 'Hello'", true), ("b == true && b != false", true),
            ("[s, 'x'].exists(v, v == 'x')", true), ("'rsa' in params.allowed && cert.keyBits >= params.maxDays", true),
            ("cert.notAfter == timestamp('2027-01-01T00:00:00Z')", true), ("usage.role == 'server'", true),
        ])
        func theFastPathAnswersAsTheGeneralEvaluatorDoes(source: String, expected: Bool) throws {
            #expect(try Self.compare(source) == .answered(expected), "\(source)")
        }

        /// Where the general evaluator meets an error, the fast path declines rather than guess.
        @Test(arguments: [
            "i / 0 == 1", "i % 0 == 1", "9223372036854775807 + i > 0", "cert.pathLen > 0", "-(-9223372036854775807 - 1) > 0",
            "int('x') == 1", "names.all(n, names.all(m, names.all(k, true)))",
        ])
        func theFastPathDeclinesWhereTheGeneralEvaluatorFails(source: String) throws {
            let outcome = try Self.compare(source, costLimit: 20)
            #expect(outcome == .declined, "\(source)")
            let program = try CELFixtures.compile(source, expecting: .bool)
            #expect(program.evaluate(CELFixtures.activation, costLimit: 20).isError, "\(source)")
        }

        /// `false && error` is false either way; `error || true` is left to the general
        /// evaluator, which absorbs the error.
        @Test func errorsInLogicalOperators() throws {
            #expect(try Self.compare("false && i / 0 == 1") == .answered(false))
            #expect(try Self.compare("i / 0 == 1 || true") == .declined)
        }

        /// Constructs without a fast form leave the program to the general evaluator.
        @Test(arguments: ["cert.subject.cn.matches('^www')", "has(cert.pathLen)", "m['one'] == 1", "x == 42", "nums[0] == 3", "d > 1.0"])
        func constructsWithoutAFastForm(source: String) throws {
            #expect(try Self.compare(source) == .notCompiled, "\(source)")
        }

        /// The cost limit falls where it falls for the general evaluator: at every limit around
        /// the program's cost, both agree.
        @Test func theCostLimitFallsAtTheSameStep() throws {
            let program = try CELFixtures.compile("cert.san.dns.all(d, d.size() > 3) && 'serverAuth' in cert.eku", expecting: .bool)
            let cost = program.evaluateWithCost(CELFixtures.activation).cost
            for limit in max(0, cost - 5)...(cost + 5) {
                let outcome = Self.compare(program, environment: CELFixtures.environment, activation: CELFixtures.activation, costLimit: limit)
                #expect(outcome == (limit >= cost ? .answered(true) : .declined), "limit \(limit), cost \(cost)")
            }
        }

        // MARK: The built-in rules

        static let rules: [Rule] = ((try? BuiltinPacks.load().get()) ?? []).flatMap(\.rules)

        /// The facts of every certificate under Tests/Fixtures/x509 (real roots and generated
        /// edge cases), at a fixed time.
        static let certificateFacts: [CertificateFacts] = {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let now = DERTime(iso8601: "2026-01-01T00:00:00Z") ?? DERTime(secondsSinceEpoch: 0)
            var facts: [CertificateFacts] = []
            for folder in ["ca-store", "generated"] {
                let path = root.appendingPathComponent("Fixtures/x509/\(folder)").path
                for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() where name.hasSuffix(".der") {
                    guard let data = FileManager.default.contents(atPath: path + "/" + name), let cert = try? Certificate(derEncoded: Array(data)) else { continue }
                    let f = CertificateFacts(cert, source: FactSource(path: name, line: nil, index: 0), now: now)
                    f.setUsages(count: facts.count % 3, roles: facts.count % 2 == 0 ? ["server"] : ["client", "server"])
                    facts.append(f)
                }
            }
            return facts
        }()

        /// Every expression of every built-in rule has a fast form.
        @Test func everyBuiltInRuleHasAFastForm() {
            #expect(Self.rules.count >= 25)
            for rule in Self.rules {
                let compiled = PolicyEngine.CompiledRule(rule)
                #expect(rule.when == nil || compiled.fastWhen != nil, "\(rule.id): its 'when' has no fast form")
                #expect(compiled.fastAssertion != nil, "\(rule.id): its 'assert' has no fast form")
            }
        }

        /// Every certificate rule over every fixture certificate: the fast path answers every
        /// time, as the general evaluator does.
        @Test func certificateRulesOverRealCertificates() throws {
            let facts = Self.certificateFacts
            #expect(facts.count > 250)
            let environment = FactSchema.environment(for: .certificate, params: [:], ruleID: "")
            var answered = 0
            var asked = 0
            for rule in Self.rules where rule.subject == .certificate {
                for f in facts {
                    let activation: [String: CELValue] = ["cert": .object(f), "now": .timestamp(seconds: 1_767_225_600), "params": rule.paramsObject]
                    for program in [rule.when, rule.assertion].compactMap({ $0 }) {
                        asked += 1
                        if case .answered = Self.compare(program, environment: environment, activation: activation, constants: ["params": rule.paramsObject]) {
                            answered += 1
                        }
                    }
                }
            }
            #expect(answered == asked, "the fast path answered \(answered) of \(asked) evaluations")
        }

        /// Every built-in rule over its own examples (facts built from data, every subject).
        @Test func builtInRulesOverTheirExamples() {
            var answered = 0
            for rule in Self.rules {
                let environment = FactSchema.environment(for: rule.subject, params: [:], ruleID: "")
                for example in rule.examples {
                    var activation = example.activation
                    activation["params"] = rule.paramsObject
                    for program in [rule.when, rule.assertion].compactMap({ $0 }) {
                        if case .answered = Self.compare(program, environment: environment, activation: activation, constants: ["params": rule.paramsObject]) {
                            answered += 1
                        }
                    }
                }
            }
            #expect(answered > 100)
        }

        /// The engine's findings are the same with the fast path on and off.
        @Test func theEngineFindsTheSameWithAndWithoutTheFastPath() {
            var inventory = FactInventory()
            for f in Self.certificateFacts { inventory.add(SubjectInstance(certificate: f)) }
            let now = DERTime(iso8601: "2026-01-01T00:00:00Z") ?? DERTime(secondsSinceEpoch: 0)
            let fast = PolicyEngine(rules: Self.rules)
            var general = PolicyEngine(rules: Self.rules)
            general.usesFastPath = false
            let a = fast.evaluate(inventory, now: now, parallel: false)
            let b = general.evaluate(inventory, now: now, parallel: false)
            #expect(a.count > 20)
            #expect(a.map(\.ruleID) == b.map(\.ruleID))
            #expect(a.map(\.message) == b.map(\.message))
            #expect(a.map(\.fingerprint) == b.map(\.fingerprint))
        }
    }
}
