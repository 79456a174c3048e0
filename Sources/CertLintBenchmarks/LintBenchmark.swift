import CertLintDER
import CertLintPolicy
import CertLintX509
import Dispatch
import Foundation

/// The lint loop of the benchmark: PEM text → certificates → facts → every certificate rule.
struct LintBenchmark: Sendable {
    let engine: PolicyEngine
    let time: DERTime

    /// Reads the certificates of `text`, builds their facts and runs the rules on one core;
    /// returns the number of findings.
    func lint(_ text: [UInt8]) -> Int {
        var inventory = FactInventory()
        var index = 0
        for block in PEM.Blocks(text) {
            guard let der = try? block.der(), let cert = try? Certificate(derEncoded: der) else { continue }
            let facts = CertificateFacts(cert, source: FactSource(path: "corpus.pem", line: nil, index: index), now: time)
            index += 1
            inventory.add(SubjectInstance(certificate: facts))
        }
        return engine.evaluate(inventory, now: time, parallel: false).count
    }

    /// `lint` over each chunk on its own core, each with its own engine (`engines[i]`), so the
    /// workers share no reference-counted object; returns the total number of findings.
    static func lintInParallel(_ chunks: [[UInt8]], engines: [LintBenchmark]) -> Int {
        let counts = Counts(chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { i in counts.set(i, engines[i].lint(chunks[i])) }
        return counts.total
    }
}

/// One slot per worker.
final class Counts: @unchecked Sendable {
    private var values: [Int]
    private let lock = NSLock()
    init(_ count: Int) { values = Array(repeating: 0, count: count) }
    func set(_ i: Int, _ value: Int) { lock.withLock { values[i] = value } }
    var total: Int { lock.withLock { values.reduce(0, +) } }
}
