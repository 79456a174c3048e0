import CertLintCrypto
import CertLintDER
import Foundation
import Testing

@testable import CertLintX509

/// certlint's reading of every certificate in `Tests/Fixtures/x509/*.json`, compared field by
/// field with what Python's `cryptography` (and openssl, where cryptography is silent) read
/// from the same bytes. The JSON is made by `Tests/Fixtures/make-fixtures.py`.
///
/// Fields the oracle could not read are listed in a record's `errors`; certlint's reading of
/// those is asserted by the explained-case tests below instead.
@Suite struct DifferentialTests {
    struct Record: Sendable {
        let name: String
        let der: [UInt8]
        let expected: [String: JSONValue]
        let oracleErrors: Set<String>
    }

    static func load(_ file: String) throws -> [Record] {
        let data = try Data(contentsOf: Fixtures.url("x509/\(file)"))
        let root = try JSONDecoder().decode(JSONValue.self, from: data)
        var records: [Record] = []
        for value in root["certificates"]?.arrayValue ?? [] {
            guard let object = value.objectValue, let name = object["name"]?.stringValue,
                let b64 = object["der"]?.stringValue, let der = try? Base64.decode(b64)
            else { continue }
            let errors = Set(object["errors"]?.objectValue?.keys.map { $0 } ?? [])
            records.append(Record(name: name, der: der, expected: object, oracleErrors: errors))
        }
        return records
    }

    @Test func caStoreAgreesWithCryptography() throws {
        let records = try Self.load("ca-store.json")
        // Debian's ca-certificates ships about 140 roots; the fixture pins the 137 of 20230311+deb12u1.
        #expect(records.count >= 130)
        let disagreements = records.flatMap { Self.compare($0) }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(40).joined(separator: "\n"))")
    }

    @Test func generatedSetAgreesWithCryptography() throws {
        let records = try Self.load("generated.json")
        #expect(records.count >= 150)
        let disagreements = records.flatMap { Self.compare($0) }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(40).joined(separator: "\n"))")
    }

    /// Fields where certlint deliberately reads differently from the oracle; each is asserted
    /// by a test of its own in ``ExplainedDisagreementTests``.
    static let explained: [String: Set<String>] = [
        // RFC 4514 2.4: a non-string value is '#' and the hex of its whole BER encoding;
        // cryptography writes only the content octets.
        "generated/name-bitstring-attribute": ["subject_rfc4514"],
    ]

    /// Every field of `record` that the oracle read, compared with certlint's reading.
    static func compare(_ record: Record) -> [String] {
        let ours: [String: JSONValue]
        do {
            ours = try view(of: Certificate(derEncoded: record.der))
        } catch {
            return ["\(record.name): certlint could not read it: \(error)"]
        }
        var out: [String] = []
        for (key, expected) in record.expected.sorted(by: { $0.key < $1.key }) {
            if ["name", "der", "errors"].contains(key) || record.oracleErrors.contains(key) { continue }
            if explained[record.name]?.contains(key) == true { continue }
            if record.oracleErrors.contains("load") && !["self_issued", "fingerprint_sha1", "fingerprint_sha256", "not_before_encoding", "not_after_encoding"].contains(key) {
                continue
            }
            guard let actual = ours[key] else {
                out.append("\(record.name): certlint has no reading of \(key)")
                continue
            }
            if actual != expected {
                out.append("\(record.name).\(key): cryptography \(expected), certlint \(actual)")
            }
        }
        return out
    }

    /// certlint's reading of a certificate in the oracle's JSON shape.
    static func view(of cert: Certificate) throws -> [String: JSONValue] {
        func s(_ v: String) -> JSONValue { .string(v) }
        func n(_ v: Int) -> JSONValue { .number(Double(v)) }
        func strings(_ v: [String]) -> JSONValue { .array(v.map { .string($0) }) }
        func name(_ dn: DistinguishedName) -> JSONValue {
            .array(dn.rdns.map { rdn in
                .array(rdn.map { attribute in
                    let type: String
                    let value: String
                    if let string = attribute.string {
                        type = string.kind.asn1Name
                        value = string.value
                    } else if attribute.encodedValue.first == 0x03 {
                        // BIT STRING attribute: the oracle shows the content (unused-bits byte first) in hex.
                        type = "BitString"
                        value = Array(attribute.encodedValue.dropFirst(2)).hexString
                    } else {
                        type = "other"
                        value = attribute.value
                    }
                    return .object(["oid": s(attribute.oid.dotted), "type": s(type), "value": s(value)])
                })
            })
        }
        func generalName(_ g: GeneralName) -> String {
            switch g {
            case .directoryName(let dn): return dn.rfc4514String
            default: return "\(g.kind):\(g.text)"
            }
        }

        var v: [String: JSONValue] = [:]
        v["version"] = n(cert.version)
        v["serial"] = s(cert.serialNumber().hex)
        let subject = try cert.subject()
        let issuer = try cert.issuer()
        v["subject"] = name(subject)
        v["issuer"] = name(issuer)
        v["subject_rfc4514"] = s(subject.rfc4514String)
        v["issuer_rfc4514"] = s(issuer.rfc4514String)
        let notBefore = try cert.notBefore()
        let notAfter = try cert.notAfter()
        v["not_before"] = s(notBefore.iso8601)
        v["not_after"] = s(notAfter.iso8601)
        v["not_before_encoding"] = s(notBefore.encoding.rawValue)
        v["not_after_encoding"] = s(notAfter.encoding.rawValue)
        let signature = try cert.signatureAlgorithm()
        v["signature_algorithm_oid"] = s(signature.oid.dotted)
        v["signature_hash"] = signature.hashName.map(s) ?? .null
        if let pss = signature.pss {
            v["pss"] = .object([
                "hash": s(SignatureAlgorithm.hashName(pss.hash) ?? pss.hash.dotted),
                "mgf_hash": s(SignatureAlgorithm.hashName(pss.maskGenerationHash) ?? pss.maskGenerationHash.dotted),
                "salt_length": n(pss.saltLength),
            ])
        } else {
            v["pss"] = .null
        }
        let key = try cert.publicKey()
        var keyView: [String: JSONValue] = ["type": s(key.algorithmName)]
        if let bits = key.bits { keyView["bits"] = n(bits) }
        if let exponent = key.rsaExponent { keyView["exponent"] = n(Int(exponent)) }
        if let curve = key.curveName {
            let oracleNames = ["P-256": "secp256r1", "P-384": "secp384r1", "P-521": "secp521r1"]
            keyView["curve"] = s(oracleNames[curve] ?? curve)
        }
        v["public_key"] = .object(keyView)
        v["public_key_algorithm_oid"] = s(key.algorithm.dotted)
        v["extensions"] = .array(try cert.extensions().map { .object(["oid": s($0.oid.dotted), "critical": .bool($0.isCritical)]) })

        if let san = try cert.subjectAlternativeNames() {
            v["san"] = .object([
                "dns": strings(san.dnsNames),
                "ip": strings(san.ipAddressBytes.map { IPAddress(bytes: $0)?.description ?? $0.hexString }),
                "email": strings(san.emailAddresses),
                "uri": strings(san.uris),
                "upn": strings(san.userPrincipalNames),
                "other_name_oids": strings(san.names.compactMap { if case .otherName(let t, _, _) = $0 { return t.dotted } else { return nil } }),
                "registered_ids": strings(san.names.compactMap { if case .registeredID(let o) = $0 { return o.dotted } else { return nil } }),
                "directory_names": strings(san.directoryNames.map(\.rfc4514String)),
            ])
        } else {
            v["san"] = .null
        }
        v["eku"] = try cert.extendedKeyUsage().map { strings($0.purposes.map(\.dotted)) } ?? .null
        v["key_usage"] = try cert.keyUsage().map { ku in
            strings(ku.names.map { $0 == "nonRepudiation" ? "contentCommitment" : $0 })
        } ?? .null
        if let bc = try cert.basicConstraints(), let ext = try cert.findExtension(.basicConstraints) {
            v["basic_constraints"] = .object(["ca": .bool(bc.isCA), "path_length": bc.pathLength.map(n) ?? .null, "critical": .bool(ext.isCritical)])
        } else {
            v["basic_constraints"] = .null
        }
        v["ski"] = try cert.subjectKeyIdentifier().map { s($0.hexString) } ?? .null
        if let aki = try cert.authorityKeyIdentifier() {
            v["aki"] = .object([
                "key_identifier": aki.keyIdentifier.map { s($0.hexString) } ?? .null,
                "issuer": aki.authorityCertIssuer.map { strings($0.names.map(generalName)) } ?? .null,
                "serial": aki.authorityCertSerialNumber.map { s($0.hex) } ?? .null,
            ])
        } else {
            v["aki"] = .null
        }
        v["crl_distribution_points"] = try cert.crlDistributionPoints().map { strings($0.uris) } ?? .null
        if let aia = try cert.authorityInformationAccess() {
            v["ocsp"] = strings(aia.ocspURIs)
            v["ca_issuers"] = strings(aia.caIssuersURIs)
        } else {
            v["ocsp"] = .null
            v["ca_issuers"] = .null
        }
        v["policies"] = try cert.certificatePolicies().map { strings($0.oids.map(\.dotted)) } ?? .null
        if let nc = try cert.nameConstraints() {
            func subtrees(_ names: [GeneralName]?) -> JSONValue {
                guard let names else { return .null }
                return .array(names.map { g in
                    let type = g.kind == "dirName" ? "dirname" : g.kind
                    return .object(["type": s(type), "value": s(g.text)])
                })
            }
            v["name_constraints"] = .object(["permitted": subtrees(nc.permitted), "excluded": subtrees(nc.excluded)])
        } else {
            v["name_constraints"] = .null
        }
        v["sct_count"] = try cert.signedCertificateTimestamps().map { n($0.timestamps.count) } ?? .null
        v["tls_feature"] = try cert.tlsFeature().map { .array($0.features.map(n)) } ?? .null
        v["self_issued"] = .bool(cert.isSelfIssued)
        v["fingerprint_sha1"] = s(cert.sha1Fingerprint.hexString)
        v["fingerprint_sha256"] = s(cert.sha256Fingerprint.hexString)
        return v
    }
}
