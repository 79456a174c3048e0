// The loop of CertLintBenchmarks ("PEM → certificate, subject+SAN+EKU+validity"), written
// against apple/swift-certificates: find each PEM block, decode it, parse the certificate,
// read the subject, SAN, EKU and validity.
import Foundation
import SwiftASN1
import X509

var seconds = 3.0
var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/x509/ca-store").path
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
    case "--corpus": folder = arguments.popFirst() ?? folder
    default: break
    }
}

let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter { $0.hasSuffix(".der") }
let corpus = names.compactMap { FileManager.default.contents(atPath: folder + "/" + $0) }
let repeats = max(1, 10_000 / max(1, corpus.count))
var pem = ""
for _ in 0..<repeats {
    for der in corpus {
        pem += PEMDocument(type: "CERTIFICATE", derBytes: Array(der)).pemString + "\n"
    }
}

@inline(never)
func readAll(_ pem: String) -> (Int, Int) {
    var count = 0
    var checksum = 0
    guard let documents = try? PEMDocument.parseMultiple(pemString: pem) else { return (0, 0) }
    for document in documents {
        guard let cert = try? Certificate(pemDocument: document) else { continue }
        count += 1
        var attributes = 0
        for rdn in cert.subject { for attribute in rdn { attributes += 1; checksum &+= attribute.description.utf8.count } }
        checksum &+= attributes
        if let san = try? cert.extensions.subjectAlternativeNames { checksum &+= san.count }
        if let eku = try? cert.extensions.extendedKeyUsage { checksum &+= eku.count }
        checksum &+= Int(cert.notValidAfter.timeIntervalSince(cert.notValidBefore))
    }
    return (count, checksum)
}

let (count, _) = readAll(pem)
var best = Double.infinity
var rounds = 0
var sink = 0
let deadline = Date().addingTimeInterval(seconds)
repeat {
    let start = DispatchTime.now().uptimeNanoseconds
    sink &+= readAll(pem).1
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    rounds += 1
} while Date() < deadline
print(String(format: "%-44@ %10.0f certificates/s  %7.0f ns each  (%d rounds, %d per round, checksum %d)",
             "swift-certificates 1.21.1, same loop" as NSString, Double(count) / best, best / Double(count) * 1e9, rounds, count, sink & 0xFFFF))
