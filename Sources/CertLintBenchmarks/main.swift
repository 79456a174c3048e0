// Throughput of certificate reading, on one core, from PEM text.
//
//   swift run -c release CertLintBenchmarks [--seconds S] [--corpus DIR]...
//
// The corpus is every DER certificate under the given folders (default: the 137 real roots of
// Debian's CA store in Tests/Fixtures/x509/ca-store), repeated to at least 10,000 (or
// CERTLINT_BENCH_TARGET) and written out as one PEM text in memory. Each round finds every PEM
// block, decodes its Base64, validates the certificate's DER and reads the subject, the SAN,
// the EKU and the validity of each; the lint rows (`--only lint`) also build each
// certificate's facts and run every built-in certificate rule, on one core and then on every
// core (issue 3's target: 200,000 a second on one core, 1.7 times that on two). Figures are
// certificates per second, best of the rounds run in S seconds.
//
// A benchmark, not a test: numbers depend on the machine. Benchmarks/run.sh runs this and the
// same loop over apple/swift-certificates, in one go, and prints the ratio.
import CertLintDER
import CertLintPolicy
import CertLintX509
import Dispatch
import Foundation

struct Options {
    var seconds = 3.0
    var only: String?
    var corpora: [String] = []
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--seconds": options.seconds = Double(arguments.popFirst() ?? "") ?? options.seconds
        case "--corpus": if let dir = arguments.popFirst() { options.corpora.append(dir) }
        case "--only": options.only = arguments.popFirst()
        default:
            FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
            exit(2)
        }
    }
    if options.corpora.isEmpty {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        options.corpora = [root.appendingPathComponent("Tests/Fixtures/x509/ca-store").path]
    }
    return options
}

func loadCorpus(_ folders: [String]) -> [[UInt8]] {
    var certificates: [[UInt8]] = []
    for folder in folders {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names where name.hasSuffix(".der") {
            if let data = FileManager.default.contents(atPath: folder + "/" + name) { certificates.append(Array(data)) }
        }
    }
    return certificates
}

/// Reads every certificate of `pem` as the linter does and folds what it read into a checksum.
@inline(never)
func readAll(_ pem: [UInt8]) -> (count: Int, checksum: Int) {
    var count = 0
    var checksum = 0
    for block in PEM.Blocks(pem) {
        guard let der = try? block.der(), let cert = try? Certificate(derEncoded: der) else { continue }
        count += 1
        checksum &+= readFields(cert)
    }
    return (count, checksum)
}

/// Reads the subject, SAN, EKU and validity of a certificate.
@inline(never)
func readFields(_ cert: Certificate) -> Int {
        var checksum = 0
        if let subject = try? cert.subject() { checksum &+= subject.attributes.count &+ (subject.commonName?.utf8.count ?? 0) }
        if let san = try? cert.subjectAlternativeNames() { checksum &+= san.names.count }
        if let eku = try? cert.extendedKeyUsage() { checksum &+= eku.purposes.count }
        if let notBefore = try? cert.notBefore(), let notAfter = try? cert.notAfter() {
            checksum &+= Int(truncatingIfNeeded: notAfter.secondsSinceEpoch &- notBefore.secondsSinceEpoch)
        }
        return checksum
}

@inline(never)
func decodeOnly(_ pem: [UInt8]) -> Int {
    var total = 0
    for block in PEM.Blocks(pem) { total &+= (try? block.der())?.count ?? 0 }
    return total
}

func measure(_ label: String, certificates: Int, seconds: Double, _ body: () -> Int) {
    if let only = options.only, !label.contains(only) { return }
    var best = Double.infinity
    var rounds = 0
    let deadline = Date().addingTimeInterval(seconds)
    var sink = 0
    repeat {
        let start = DispatchTime.now().uptimeNanoseconds
        sink &+= body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, elapsed)
        rounds += 1
    } while Date() < deadline
    let perSecond = Double(certificates) / best
    let nanos = best / Double(certificates) * 1e9
    print(String(format: "%-44@ %10.0f certificates/s  %7.0f ns each  (%d rounds, checksum %d)", label as NSString, perSecond, nanos, rounds, sink & 0xFFFF))
}

let options = parseOptions()
let corpus = loadCorpus(options.corpora)
guard !corpus.isEmpty else {
    FileHandle.standardError.write(Data("no .der certificates in \(options.corpora)\n".utf8))
    exit(1)
}
// Repeat the corpus so one round reads at least 10,000 certificates (CERTLINT_BENCH_TARGET=N
// sets another number: small rounds fit in the CPU's caches, which the figures of record, at
// 10,000, do not).
let repeats = max(1, (Int(ProcessInfo.processInfo.environment["CERTLINT_BENCH_TARGET"] ?? "") ?? 10_000) / corpus.count)
let pemText = (0..<repeats).flatMap { _ in corpus.map { PEM.encode($0, label: "CERTIFICATE") } }.joined()
let pem = Array(pemText.utf8)
let (count, _) = readAll(pem)
let averageSize = corpus.reduce(0) { $0 + $1.count } / corpus.count
print("corpus: \(corpus.count) certificates (average \(averageSize) bytes DER) x \(repeats) = \(count) per round, \(pem.count / 1024) KiB of PEM")
measure("PEM → certificate, subject+SAN+EKU+validity", certificates: count, seconds: options.seconds) { readAll(pem).checksum }
measure("PEM blocks and Base64 only", certificates: count, seconds: options.seconds) { decodeOnly(pem) }
let ders = PEM.blocks(in: pem).blocks.compactMap { try? $0.der() }
measure("DER → certificate (validate) only", certificates: count, seconds: options.seconds) {
    var n = 0
    for der in ders where (try? Certificate(derEncoded: der)) != nil { n += 1 }
    return n
}
let certificates = ders.compactMap { try? Certificate(derEncoded: $0) }
measure("fields of a parsed certificate only", certificates: count, seconds: options.seconds) {
    var n = 0
    for cert in certificates { n &+= readFields(cert) }
    return n
}

// Linting: every built-in rule written for certificates, over facts built from the same PEM
// text, on one core and then on every core (the corpus split into chunks).
guard case .success(let packs) = BuiltinPacks.load() else {
    FileHandle.standardError.write(Data("the built-in packs do not load\n".utf8))
    exit(1)
}
let certificateRules = packs.flatMap(\.rules).filter { $0.subject == .certificate }
let engine = PolicyEngine(rules: certificateRules)
let lintTime = DERTime(iso8601: "2026-01-01T00:00:00Z") ?? DERTime(secondsSinceEpoch: 0)
let blockRanges: [Range<Int>] = {
    // Split the PEM text into chunks of whole blocks, one per worker.
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let text = pem
    var cuts = [0]
    for w in 1..<workers {
        var i = text.count * w / workers
        while i < text.count && !(text[i] == UInt8(ascii: "\n") && i + 1 < text.count && text[i + 1] == UInt8(ascii: "-") && i + 6 < text.count && text[i + 6] == UInt8(ascii: "B")) { i += 1 }
        cuts.append(min(text.count, i + 1))
    }
    cuts.append(text.count)
    return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
}()

let chunks = blockRanges.map { Array(pem[$0]) }
print("lint: \(certificateRules.count) certificate rules; \(chunks.count) chunks for \(ProcessInfo.processInfo.activeProcessorCount) cores")
let linter = LintBenchmark(engine: engine, time: lintTime)
measure("lint, one core (PEM → facts → findings)", certificates: count, seconds: options.seconds) { linter.lint(pem) }
let linters = chunks.map { _ in
    LintBenchmark(engine: PolicyEngine(rules: ((try? BuiltinPacks.load().get()) ?? []).flatMap(\.rules).filter { $0.subject == .certificate }), time: lintTime)
}
measure("lint, all cores", certificates: count, seconds: options.seconds) { LintBenchmark.lintInParallel(chunks, engines: linters) }
if ProcessInfo.processInfo.environment["CERTLINT_BENCH_DEBUG"] != nil {
    var t = Date()
    _ = linters[0].lint(chunks[0])
    print("chunk 0 alone:", Date().timeIntervalSince(t))
    t = Date()
    _ = LintBenchmark.lintInParallel(chunks, engines: linters)
    print("both chunks in parallel:", Date().timeIntervalSince(t))
    t = Date()
    _ = linters[0].lint(chunks[0]); _ = linters[1].lint(chunks[1])
    print("both chunks serially:", Date().timeIntervalSince(t))
}
if ProcessInfo.processInfo.environment["CERTLINT_BENCH_DEBUG"] != nil {
    let parsed = ders.compactMap { try? Certificate(derEncoded: $0) }
    var t = Date()
    var facts: [CertificateFacts] = []
    for (i, cert) in parsed.enumerated() { facts.append(CertificateFacts(cert, source: FactSource(path: "x", line: nil, index: i), now: lintTime)) }
    let factsTime = Date().timeIntervalSince(t)
    print("facts per certificate (ns):", Int(factsTime / Double(parsed.count) * 1e9))
    var inventory = FactInventory()
    for f in facts { inventory.add(SubjectInstance(certificate: f)) }
    t = Date()
    let findings = engine.evaluate(inventory, now: lintTime, parallel: false)
    let evalTime = Date().timeIntervalSince(t)
    print("rules per certificate (ns):", Int(evalTime / Double(parsed.count) * 1e9), "findings:", findings.count)
    let none = PolicyEngine(rules: [])
    t = Date()
    _ = none.evaluate(inventory, now: lintTime, parallel: false)
    print("engine with no rules (ns):", Int(Date().timeIntervalSince(t) / Double(parsed.count) * 1e9))
}
if options.only == "engine" {
    let parsed = ders.compactMap { try? Certificate(derEncoded: $0) }
    var inventory = FactInventory()
    for (i, cert) in parsed.enumerated() {
        let f = CertificateFacts(cert, source: FactSource(path: "x", line: nil, index: i), now: lintTime)
        inventory.add(SubjectInstance(certificate: f))
    }
    measure("engine only (rules over built facts)", certificates: parsed.count, seconds: options.seconds) {
        engine.evaluate(inventory, now: lintTime, parallel: false).count
    }
    measure("engine only, all cores", certificates: parsed.count, seconds: options.seconds) {
        engine.evaluate(inventory, now: lintTime, parallel: true).count
    }
}
if options.only == "facts" {
    let parsed = ders.compactMap { try? Certificate(derEncoded: $0) }
    measure("facts only (from parsed certificates)", certificates: parsed.count, seconds: options.seconds) {
        var n = 0
        for (i, cert) in parsed.enumerated() {
            let f = CertificateFacts(cert, source: FactSource(path: "x", line: nil, index: i), now: lintTime)
            n &+= f.problems.count
        }
        return n
    }
}
