import CertLintCrypto
import CertLintDER
import Foundation
import Testing

@testable import CertLintX509

/// Hostile input is normal input: truncations, mutations and random bytes must produce an
/// error or a reading, never a trap or a hang, and the caps must hold.
@Suite struct RobustnessTests {
    /// The DER of every certificate fixture (CA store and generated set).
    static let certificates: [(name: String, der: [UInt8])] = {
        var result: [(String, [UInt8])] = []
        for folder in ["x509/ca-store", "x509/generated"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url(folder).path)) ?? []
            for name in names.sorted() where name.hasSuffix(".der") {
                if let bytes = try? Fixtures.bytes("\(folder)/\(name)") { result.append(("\(folder)/\(name)", bytes)) }
            }
        }
        return result
    }()

    /// Every input fixture that reads cleanly in full.
    static let inputs: [(name: String, bytes: [UInt8])] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("inputs").path)) ?? []
        return names.sorted().compactMap { name -> (String, [UInt8])? in
            guard name != "expected.json", let bytes = try? Fixtures.bytes("inputs/\(name)") else { return nil }
            let file = PKIFile.read(bytes)
            let clean = !file.items.isEmpty && file.items.allSatisfy { if case .unreadable = $0.content { return false } else { return true } }
            return clean ? (name, bytes) : nil
        }
    }()

    /// Reads everything a certificate offers, so every lazy decoder meets the input.
    static func exercise(_ cert: Certificate) {
        _ = try? cert.subject()
        _ = try? cert.issuer()
        _ = try? cert.notBefore()
        _ = try? cert.notAfter()
        _ = try? cert.publicKey()
        _ = try? cert.signatureAlgorithm()
        _ = try? cert.extensions()
        _ = try? cert.subjectAlternativeNames()
        _ = try? cert.extendedKeyUsage()
        _ = try? cert.keyUsage()
        _ = try? cert.basicConstraints()
        _ = try? cert.subjectKeyIdentifier()
        _ = try? cert.authorityKeyIdentifier()
        _ = try? cert.crlDistributionPoints()
        _ = try? cert.authorityInformationAccess()
        _ = try? cert.certificatePolicies()
        _ = try? cert.nameConstraints()
        _ = try? cert.signedCertificateTimestamps()
        _ = try? cert.tlsFeature()
        _ = cert.serialNumber().hex
        _ = cert.isSelfIssued
    }

    static func exercise(_ file: PKIFile) {
        for item in file.items {
            switch item.content {
            case .certificate(let cert): exercise(cert)
            case .pkcs7(let bundle): bundle.certificates.forEach { exercise($0) }
            case .certificateRequest(let csr):
                _ = try? csr.subject()
                _ = try? csr.publicKey()
                _ = try? csr.subjectAlternativeNames()
            default: break
            }
        }
    }

    static func readsCleanly(_ file: PKIFile) -> Bool {
        !file.items.isEmpty && file.items.allSatisfy { if case .unreadable = $0.content { return false } else { return true } }
    }

    @Test func fixturesArePresent() {
        #expect(Self.certificates.count >= 280)
        #expect(Self.inputs.count >= 25)
    }

    /// Every strict prefix of every certificate is rejected with an error; the full length reads.
    @Test func everyStrictPrefixOfEveryCertificateIsRejected() throws {
        var accepted: [String] = []
        for (name, der) in Self.certificates {
            for length in 0..<der.count {
                if (try? Certificate(derEncoded: Array(der[0..<length]))) != nil {
                    accepted.append("\(name)[0..<\(length)]")
                }
            }
            let full = try Certificate(derEncoded: der)
            Self.exercise(full)
        }
        #expect(accepted.isEmpty, "accepted prefixes: \(accepted.prefix(10))")
    }

    /// Every strict prefix of every input file (PEM or DER, certificate, bundle, key, request)
    /// fails to read in full: some item is unreadable, or items are missing.
    @Test func everyStrictPrefixOfEveryInputFails() {
        var accepted: [String] = []
        for (name, bytes) in Self.inputs {
            let full = PKIFile.read(bytes)
            let fullCount = full.items.count
            // A PEM file is complete once its last END line is; trailing newlines are optional.
            let lastNeeded = full.items.last.map { $0.range.upperBound } ?? bytes.count
            let end = full.encoding == .pem ? lastNeeded : bytes.count
            for length in 0..<end {
                let prefix = PKIFile.read(Array(bytes[0..<length]))
                Self.exercise(prefix)
                if Self.readsCleanly(prefix) && prefix.items.count == fullCount {
                    accepted.append("\(name)[0..<\(length)]")
                }
            }
        }
        #expect(accepted.isEmpty, "accepted prefixes: \(accepted.prefix(10))")
    }

    /// 100,000 seeded single-byte mutations of certificates and input files: each throws or
    /// reads, and whatever reads survives every accessor.
    @Test func seededSingleByteMutationsNeverTrap() {
        var rng = SplitMix64(seed: 0xC3A7_11E7)
        var read = 0
        var rejected = 0
        let corpus = Self.certificates.map(\.der) + Self.inputs.map(\.bytes)
        for _ in 0..<100_000 {
            var bytes = corpus[Int(rng.next() % UInt64(corpus.count))]
            guard !bytes.isEmpty else { continue }
            let position = Int(rng.next() % UInt64(bytes.count))
            var replacement = UInt8(truncatingIfNeeded: rng.next())
            if replacement == bytes[position] { replacement ^= 0x01 }
            bytes[position] = replacement
            let file = PKIFile.read(bytes)
            Self.exercise(file)
            if Self.readsCleanly(file) { read += 1 } else { rejected += 1 }
        }
        // Both outcomes occur: mutations inside opaque content still read, framing damage does not.
        #expect(read > 1000)
        #expect(rejected > 1000)
    }

    /// `KeyUsage.validate` (what certlint's unreadable-field check runs) throws exactly what
    /// reading the extension throws: every byte of every fixture's key usage value replaced by
    /// several values, and every truncation of it.
    @Test func keyUsageValidationAgreesWithReading() throws {
        var compared = 0
        var rejected = 0
        var failures = 0
        for (_, der) in Self.certificates {
            guard let cert = try? Certificate(derEncoded: der), let ext = try? cert.findExtension(.keyUsage) else { continue }
            var variants: [[UInt8]] = []
            for position in ext.valueRange {
                for replacement: UInt8 in [0x00, 0x01, 0x03, 0x07, 0x80, 0xFF, der[position] ^ 0x01] where replacement != der[position] {
                    var bytes = der
                    bytes[position] = replacement
                    variants.append(bytes)
                }
            }
            for (bytes, range) in variants.map({ ($0, ext.valueRange) }) + (0..<ext.valueRange.count).map({ (der, ext.valueRange.lowerBound..<(ext.valueRange.lowerBound + $0)) }) {
                let read: Result<KeyUsage, DERError>
                let validated: Result<Void, DERError>
                do throws(DERError) {
                    let node = try DER.parse(bytes, in: range)
                    do throws(DERError) { read = .success(try KeyUsage(bytes, node)) } catch { read = .failure(error) }
                    do throws(DERError) { validated = .success(try KeyUsage.validate(bytes, node)) } catch { validated = .failure(error) }
                } catch {
                    continue
                }
                compared += 1
                if case .failure = read { rejected += 1 }
                switch (read, validated) {
                case (.success, .success): break
                case (.failure(let a), .failure(let b)): #expect(a == b)
                default:
                    failures += 1
                    Issue.record("reading gives \(read), validating \(validated)")
                }
            }
        }
        #expect(compared > 1000)
        #expect(rejected > 100, "\(rejected) of \(compared) variants rejected")
        #expect(failures == 0)
    }

    /// `DistinguishedName.validate` (what certificate facts run, decoding the name only when a
    /// rule reads it) throws exactly what reading the name throws: every byte of every
    /// fixture's subject and issuer replaced by several values.
    @Test func nameValidationAgreesWithReading() throws {
        var compared = 0
        var rejected = 0
        for (_, der) in Self.certificates {
            guard let cert = try? Certificate(derEncoded: der) else { continue }
            for node in [cert.subjectNode, cert.issuerNode] {
                for position in node.contentRange {
                    for replacement: UInt8 in [0x00, 0x0C, 0x13, 0x1E, 0x80, 0xC3, 0xFF, der[position] ^ 0x01] where replacement != der[position] {
                        var bytes = der
                        bytes[position] = replacement
                        let read: Result<DistinguishedName, DERError>
                        let validated: Result<Void, DERError>
                        do throws(DERError) { read = .success(try DistinguishedName(bytes, node)) } catch { read = .failure(error) }
                        do throws(DERError) { validated = .success(try DistinguishedName.validate(bytes, node)) } catch { validated = .failure(error) }
                        compared += 1
                        switch (read, validated) {
                        case (.success, .success): break
                        case (.failure(let a), .failure(let b)):
                            rejected += 1
                            #expect(a == b)
                        default: Issue.record("reading gives \(read), validating \(validated)")
                        }
                    }
                }
            }
        }
        #expect(compared > 100_000)
        #expect(rejected > 10_000, "\(rejected) of \(compared) variants rejected")
    }

    /// `DERString.validate` throws exactly what `DERString.decode` throws, for every string
    /// type over seeded random contents (valid and invalid UTF-8, odd lengths, surrogates).
    @Test func stringValidationAgreesWithDecoding() {
        var rng = SplitMix64(seed: 0x5751_4E47)
        var rejected = 0
        for tag: UInt32 in [12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30] {
            guard let kind = DERString.Kind(rawValue: tag) else {
                Issue.record("no string kind for tag \(tag)")
                continue
            }
            for _ in 0..<2000 {
                let count = Int(rng.next() % 9)
                let bytes = (0..<count).map { _ in rng.next() % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : [0x41, 0x00, 0xD8, 0xDC, 0xC3, 0xA9, 0x10][Int(rng.next() % 7)] }
                var decoded: DERError?
                var validated: DERError?
                do throws(DERError) { _ = try DERString.decode(bytes, 0..<bytes.count, kind: kind, at: 0) } catch { decoded = error }
                do throws(DERError) { try DERString.validate(bytes, 0..<bytes.count, kind: kind, at: 0) } catch { validated = error }
                #expect(decoded == validated, "\(kind) \(bytes)")
                if decoded != nil { rejected += 1 }
            }
        }
        #expect(rejected > 1000)
    }

    /// Random byte strings, with and without a plausible DER or PEM start.
    @Test func randomByteStringsNeverTrap() {
        var rng = SplitMix64(seed: 42)
        let starts: [[UInt8]] = [[], [0x30], [0x30, 0x82], [0x30, 0x80], Array("-----BEGIN CERTIFICATE-----\n".utf8), [0xFE, 0xED, 0xFE, 0xED]]
        for i in 0..<20_000 {
            let length = Int(rng.next() % 600)
            var bytes = starts[i % starts.count]
            for _ in 0..<length { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
            Self.exercise(PKIFile.read(bytes))
            _ = try? DER.parse(bytes, rules: .ber)
            _ = try? Certificate(derEncoded: bytes)
        }
    }

    /// Nesting deeper than the cap is an error, not a stack overflow.
    @Test func nestingCapHolds() {
        // 10,000 nested SEQUENCEs with minimal lengths, built from the inside out.
        var bytes: [UInt8] = []
        for _ in 0..<10_000 {
            let n = bytes.count
            let length: [UInt8] =
                n < 0x80 ? [UInt8(n)] : n < 0x100 ? [0x81, UInt8(n)] : n < 0x10000 ? [0x82, UInt8(n >> 8), UInt8(n & 0xFF)] : [0x83, UInt8(n >> 16), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            bytes = [0x30] + length + bytes
        }
        for rules in [DERRules.der, .ber] {
            do {
                _ = try DER.parse(bytes, rules: rules)
                Issue.record("10,000 nested SEQUENCEs were accepted")
            } catch {
                #expect(error.code == .tooDeep)
            }
        }
        // Indefinite-length nesting under BER hits the same cap.
        let indefinite = Array(repeating: [UInt8]([0x30, 0x80]), count: 5_000).flatMap { $0 } + Array(repeating: 0, count: 10_000)
        do {
            _ = try DER.parse(indefinite, rules: .ber)
            Issue.record("deep indefinite nesting was accepted")
        } catch {
            #expect(error.code == .tooDeep)
        }
    }

    /// A file larger than the cap is one finding, not an attempt to read it.
    @Test func sizeCapHolds() {
        let bytes = [UInt8](repeating: 0x30, count: PKIFile.maxInputSize + 1)
        let file = PKIFile.read(bytes)
        guard case .unreadable(let error) = file.items.first?.content else {
            Issue.record("an oversized file was read")
            return
        }
        #expect(error.code == .inputTooLarge)
    }

    /// A PKCS#7 bundle with more entries than the cap is rejected.
    @Test func bundleCountCapHolds() {
        let count = PKCS7Certificates.maxCertificates + 1
        var set: [UInt8] = []
        for _ in 0..<count { set += [0x30, 0x00] }
        func wrap(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
            let n = content.count
            return [tag, 0x84, UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + content
        }
        let signedData = wrap(0x30, [0x02, 0x01, 0x01, 0x31, 0x00, 0x30, 0x0B, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01] + wrap(0xA0, set) + [0x31, 0x00])
        let contentInfo = wrap(0x30, [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02] + wrap(0xA0, signedData))
        do {
            _ = try PKCS7Certificates(berEncoded: contentInfo)
            Issue.record("a bundle over the cap was accepted")
        } catch {
            #expect(error.code == .tooMany)
        }
    }
}
