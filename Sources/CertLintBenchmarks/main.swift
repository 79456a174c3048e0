import CertLintDER
import CertLintX509
import Foundation

let path = CommandLine.arguments.dropFirst().first ?? "/etc/ssl/certs/ca-certificates.crt"
let bytes = Array(FileManager.default.contents(atPath: path) ?? Data())
let (blocks, _) = PEM.blocks(in: bytes)
var ok = 0
for block in blocks {
    do {
        let cert = try Certificate(derEncoded: try block.der())
        let s = try cert.subject()
        _ = try cert.issuer()
        _ = try cert.notBefore(); _ = try cert.notAfter()
        let k = try cert.publicKey()
        let sig = try cert.signatureAlgorithm()
        for e in try cert.extensions() { _ = e }
        _ = try cert.subjectAlternativeNames(); _ = try cert.extendedKeyUsage(); _ = try cert.keyUsage(); _ = try cert.basicConstraints()
        _ = try cert.authorityKeyIdentifier(); _ = try cert.subjectKeyIdentifier(); _ = try cert.crlDistributionPoints()
        _ = try cert.authorityInformationAccess(); _ = try cert.certificatePolicies(); _ = try cert.nameConstraints()
        ok += 1
        if ok < 4 { print(s.rfc4514String, k.algorithmName, k.bits ?? 0, k.curveName ?? "", sig.description) }
    } catch {
        print("FAIL block \(block.index): \(error)")
    }
}
print("\(ok)/\(blocks.count)")
