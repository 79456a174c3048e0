import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintDERAccel
import Dispatch
import Foundation

/// Runs rules over an inventory of facts and returns the findings, sorted.
public struct PolicyEngine: Sendable {
    /// The rules that run (already filtered and configured).
    public let rules: [Rule]
    /// The most evaluation steps one expression may take.
    public var costLimit = 100_000
    /// Whether expressions run on the fast path where they can (``CELFastProgram``); off only
    /// in tests that compare the two paths.
    var usesFastPath = true
    private let compiled: [CompiledRule]

    /// An engine for `rules`.
    public init(rules: [Rule]) {
        self.rules = rules
        self.compiled = rules.map(CompiledRule.init)
    }

    /// A rule as the evaluation loop needs it: a reference, so the loop copies nothing.
    final class CompiledRule: Sendable {
        let rule: Rule
        let subject: FactSchema.Subject
        let hasWhen: Bool
        let when: CELProgram
        let assertion: CELProgram
        let params: CELValue
        /// The fast-path programs (``CELFastProgram``), with the rule's parameters folded in;
        /// `nil` where an expression uses what the fast path does not compile.
        let fastWhen: CELFastProgram?
        let fastAssertion: CELFastProgram?

        init(_ rule: Rule) {
            self.rule = rule
            subject = rule.subject
            hasWhen = rule.when != nil
            when = rule.when ?? rule.assertion
            assertion = rule.assertion
            params = rule.paramsObject
            let layout = FactSchema.environment(for: rule.subject, params: [:], ruleID: "").variableLayout
            let constants = layout.firstIndex(of: "params").map { [$0: rule.paramsObject] } ?? [:]
            fastWhen = rule.when.flatMap { CELFastProgram($0, constants: constants) }
            fastAssertion = CELFastProgram(rule.assertion, constants: constants)
        }
    }

    /// Every finding of every rule over `inventory` at `now`, sorted by location and rule.
    /// With `parallel`, subjects are spread over the machine's cores.
    public func evaluate(_ inventory: FactInventory, now: DERTime, parallel: Bool = true) -> [Finding] {
        let nowValue = CELValue.timestamp(seconds: now.secondsSinceEpoch)
        var findings: [Finding] = []
        for subject in FactSchema.Subject.allCases {
            let rulesForSubject = compiled.filter { $0.subject == subject }
            guard !rulesForSubject.isEmpty, let instances = inventory.instances[subject], !instances.isEmpty else { continue }
            // Every rule for a subject is compiled in an environment with the same variables, so
            // one layout of values serves them all.
            let layout = FactSchema.environment(for: subject, params: [:], ruleID: "").variableLayout
            let bindings = layout.map { name -> Binding in name == "now" ? .now : name == "params" ? .params : .variable(name) }
            let chunkCount = parallel ? min(instances.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4) : 1
            let chunkSize = (instances.count + chunkCount - 1) / chunkCount
            let results = ResultSlots<[Finding]>(count: chunkCount)
            let engine = self
            let work: @Sendable (Int) -> Void = { chunk in
                var out: [Finding] = []
                let start = chunk * chunkSize
                let end = min(instances.count, start + chunkSize)
                // The variable values and the evaluation scratch space are reused from one
                // subject to the next: no allocation per subject.
                var scratch: [CELValue] = []
                scratch.reserveCapacity(16)
                let slotCount = rulesForSubject.map { max($0.when.slots.count, $0.assertion.slots.count) }.max() ?? 0
                var frame = CELFastFrame(variables: [], slotCount: slotCount, limit: engine.costLimit)
                if start < end {
                    for index in start..<end {
                        // The facts of the subjects a few places ahead are requested from memory
                        // now, so they have arrived when their turn comes (the inventory is
                        // usually larger than the caches, and was built long before).
                        if index + 8 < end {
                            certlint_prefetch(Unmanaged.passUnretained(instances[index + 8]).toOpaque(), 2)
                        }
                        if index + 4 < end, let facts = instances[index + 4].certificate {
                            certlint_prefetch(Unmanaged.passUnretained(facts).toOpaque(), 4)
                        }
                        engine.evaluate(
                            rulesForSubject, on: instances[index], bindings: bindings, now: nowValue, scratch: &scratch, frame: &frame, into: &out)
                    }
                }
                results.set(chunk, out)
            }
            if chunkCount > 1 {
                DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work)
            } else {
                work(0)
            }
            for chunk in results.values { findings += chunk }
        }
        return findings.sorted(by: PolicyEngine.order)
    }

    /// What each variable of the layout is bound to.
    enum Binding {
        case now, params
        /// A variable of the subject instance.
        case variable(String)
    }

    /// Runs `rules` on one subject; `scratch` and `frame` are working space reused across
    /// calls (the frame holds the variables for both evaluators). Each expression runs on the
    /// fast path when it has one and it can answer, else on the general evaluator.
    func evaluate(
        _ rules: [CompiledRule], on instance: SubjectInstance, bindings: [Binding], now: CELValue, scratch: inout [CELValue],
        frame: inout CELFastFrame, into out: inout [Finding]
    ) {
        var paramsIndex = 0
        frame.bind(bindings.count) { index in
            switch bindings[index] {
            case .now: return now
            case .params:
                paramsIndex = index
                return .null
            case .variable(let name): return instance.variable(name) ?? .null
            }
        }
        for rule in rules {
            if rule.hasWhen {
                if usesFastPath, let applies = rule.fastWhen?.evaluate(&frame) {
                    guard applies else { continue }
                } else {
                    frame.setVariable(paramsIndex, rule.params)
                    guard case .bool(true) = rule.when.evaluate(layout: frame.variables, scratch: &scratch, costLimit: costLimit) else { continue }
                }
            }
            let result: CELValue
            if usesFastPath, let passes = rule.fastAssertion?.evaluate(&frame) {
                if passes { continue }
                result = .bool(false)
            } else {
                frame.setVariable(paramsIndex, rule.params)
                result = rule.assertion.evaluate(layout: frame.variables, scratch: &scratch, costLimit: costLimit)
            }
            switch result {
            case .bool(true):
                continue
            case .bool(false):
                frame.setVariable(paramsIndex, rule.params)
                out.append(finding(rule.rule, instance, message: rule.rule.message.render(layout: frame.variables, scratch: &scratch)))
            default:
                // The rule could not be evaluated on these facts: say so rather than guess.
                let reason: String
                if case .error(let error) = result { reason = error.message } else { reason = "it did not give true or false" }
                var note = finding(rule.rule, instance, message: "The rule \(rule.rule.id) could not be evaluated here: \(reason)")
                note.severity = .note
                out.append(note)
            }
        }
    }

    func finding(_ rule: Rule, _ instance: SubjectInstance, message: String) -> Finding {
        let identity = "\(rule.id)|\(instance.identity.text)"
        let fingerprint = SHA256.hash(Array(identity.utf8)).prefix(16).hexString
        return Finding(
            ruleID: rule.id, severity: rule.descriptor.severity, message: PolicyEngine.normalize(message),
            location: instance.location, relatedLocations: instance.related, fingerprint: fingerprint,
            certificateFingerprint: instance.certificate?.fingerprint)
    }

    /// Collapses the line breaks and runs of spaces a folded YAML message may leave.
    static func normalize(_ message: String) -> String {
        // Most messages have none: return them as they are.
        var previous: UInt8 = 0x20
        var clean = true
        for byte in message.utf8 {
            if byte == 0x0A || byte == 0x09 || byte == 0x0D || (byte == 0x20 && previous == 0x20) {
                clean = false
                break
            }
            previous = byte
        }
        if clean && previous != 0x20 { return message }
        var out = ""
        var lastWasSpace = false
        for scalar in message.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                if !lastWasSpace && !out.isEmpty { out += " " }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }

    /// Findings order: path, line, column, rule, message.
    public static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }

    // MARK: Examples

    /// The outcome of one example.
    public struct ExampleResult: Sendable {
        /// The rule.
        public let rule: Rule
        /// The example.
        public let example: RuleExample
        /// Why it did not behave as expected, or `nil` when it did.
        public let failure: String?
    }

    /// Runs every example of `rules`.
    public static func runExamples(_ rules: [Rule], costLimit: Int = 100_000) -> [ExampleResult] {
        rules.flatMap { rule in
            rule.examples.map { example in
                var activation = example.activation
                activation["params"] = rule.paramsObject
                var fired = false
                var problem: String?
                var applies = true
                if let when = rule.when {
                    switch when.evaluate(activation, costLimit: costLimit) {
                    case .bool(let b): applies = b
                    case .error(let error): problem = "'when' failed: \(error.message)"
                    default: problem = "'when' did not give true or false"
                    }
                }
                if problem == nil && applies {
                    switch rule.assertion.evaluate(activation, costLimit: costLimit) {
                    case .bool(let b): fired = !b
                    case .error(let error): problem = "'assert' failed: \(error.message)"
                    default: problem = "'assert' did not give true or false"
                    }
                }
                if problem == nil && fired {
                    let message = rule.message.render(activation)
                    if message.contains("‹") { problem = "the message could not be rendered: \(message)" }
                }
                if problem == nil {
                    switch example.expectation {
                    case .fail where !fired: problem = "expected a finding, but the rule passed"
                    case .pass where fired: problem = "expected no finding, but the rule reported: \(normalize(rule.message.render(activation)))"
                    default: break
                    }
                }
                return ExampleResult(rule: rule, example: example, failure: problem)
            }
        }
    }
}

/// Fixed slots written by concurrent workers, one each.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [T] { storage.compactMap { $0 } }
}
