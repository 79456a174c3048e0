import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintX509

/// Renders an ``Inspection`` as text for people or as JSON for programs.
enum InspectionRenderer {
    // MARK: Text

    static func text(_ inspection: Inspection) -> String {
        var out = ""
        for (i, file) in inspection.files.enumerated() {
            if i > 0 { out += "\n" }
            out += fileText(file, inspection)
        }
        return out
    }

    static func fileText(_ file: Inspection.File, _ inspection: Inspection) -> String {
        switch file.encoding {
        case .empty:
            return "\(file.path): empty file\n"
        case .text:
            return "\(file.path): text with no certificate, key or bundle in it\n"
        default:
            break
        }
        if file.encoding == .binary, file.items.count == 1, case .unreadable(let error) = file.items[0].content {
            return "\(file.path): unreadable: \(error)\n"
        }
        var out = "\(file.path): \(headline(file, inspection))\n"
        for (index, item) in file.items.enumerated() {
            out += itemText(item, number: index + 1, file: file, inspection)
        }
        if file.tooManyBlocks {
            out += "  only the first \(PEM.maxBlocks) PEM blocks were read\n"
        }
        let certificates = inspection.certificates(of: file)
        if certificates.count > 1 {
            out += "  Order: " + orderText(certificates) + "\n"
        }
        return out
    }

    static func headline(_ file: Inspection.File, _ inspection: Inspection) -> String {
        let format = file.encoding == .pem ? "PEM" : "DER"
        var counts: [String] = []
        func add(_ n: Int, _ one: String, _ many: String) {
            if n > 0 { counts.append("\(n) \(n == 1 ? one : many)") }
        }
        var certificates = 0, keys = 0, requests = 0, bundles = 0, unreadable = 0, other = 0
        for item in file.items {
            switch item.content {
            case .certificate: certificates += 1
            case .privateKey: keys += 1
            case .request: requests += 1
            case .bundle(let list, _):
                bundles += 1
                certificates += list.count
            case .unreadable: unreadable += 1
            default: other += 1
            }
        }
        if bundles > 0 { counts.append("PKCS#7 bundle") }
        add(certificates, "certificate", "certificates")
        add(keys, "private key", "private keys")
        add(requests, "certificate request", "certificate requests")
        add(other, "other item", "other items")
        add(unreadable, "unreadable item", "unreadable items")
        return "\(format), " + (counts.isEmpty ? "nothing readable" : counts.joined(separator: ", "))
    }

    static func location(_ item: Inspection.Item) -> String {
        var parts: [String] = []
        if let line = item.line { parts.append("line \(line)") }
        return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
    }

    static func itemText(_ item: Inspection.Item, number: Int, file: Inspection.File, _ inspection: Inspection) -> String {
        let prefix = "  [\(number)] "
        switch item.content {
        case .certificate(let summary):
            return prefix + "certificate" + location(item) + "\n" + certificateText(summary, indent: "      ")
        case .bundle(let summaries, let failures):
            var out = prefix + "PKCS#7 certificate bundle" + location(item) + ", \(summaries.count) certificate\(summaries.count == 1 ? "" : "s")\n"
            for (i, summary) in summaries.enumerated() {
                out += "      certificate \(i + 1)\n" + certificateText(summary, indent: "        ")
            }
            for failure in failures {
                out += "      unreadable certificate: \(failure)\n"
            }
            return out
        case .privateKey(let key):
            return prefix + "private key" + location(item) + "\n" + privateKeyText(key, inspection)
        case .request(let csr):
            return prefix + "certificate signing request" + location(item) + "\n" + requestText(csr, inspection)
        case .publicKey(let key):
            return prefix + "public key" + location(item) + "\n      Key          \(keyText(key))\n"
        case .keystore(let format, let inspected):
            let name = format == .pkcs12 ? "PKCS#12" : format.rawValue.uppercased()
            return prefix + "\(name) keystore" + location(item) + "\n" + keystoreText(inspected, path: file.path)
        case .crl:
            return prefix + "certificate revocation list" + location(item) + "\n"
        case .unsupported(let label):
            return prefix + "PEM block \"\(label)\"" + location(item) + ", which certlint does not read\n"
        case .unreadable(let error):
            let what = item.label.map { "PEM block \"\($0)\"" } ?? "content"
            // Inside a PEM block, DER offsets count from the start of the block's decoded bytes.
            let within = item.label != nil && error.code != .invalidPEM && error.code != .invalidBase64 ? " (its decoded DER)" : ""
            return prefix + "unreadable \(what)" + location(item) + within + ": \(error)\n"
        }
    }

    static func keyText(_ key: SubjectPublicKeyInfo) -> String {
        switch key.key {
        case .rsa: return "RSA \(key.bits.map(String.init) ?? "?") bits" + (key.rsaExponent.map { $0 == 65537 ? "" : ", exponent \($0)" } ?? "")
        case .ec: return "EC \(key.curveName ?? "?") (\(key.bits.map(String.init) ?? "?") bits)"
        case .ed25519: return "Ed25519"
        case .ed448: return "Ed448"
        case .x25519: return "X25519"
        case .x448: return "X448"
        case .dsa: return "DSA \(key.bits.map(String.init) ?? "?") bits"
        case .other: return key.algorithm.nameOrDotted
        }
    }

    static func dateText(_ time: DERTime) -> String {
        let c = time.components
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(c.year)-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) UTC"
    }

    static func daysText(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    static func certificateText(_ s: CertificateSummary, indent: String) -> String {
        var lines: [(String, String)] = []
        lines.append(("Subject", s.subject.map { $0.isEmpty ? "(empty)" : $0.rfc4514String } ?? "unreadable"))
        if let san = s.san {
            let names = san.names.map { name -> String in
                switch name {
                case .dnsName(let d): return "DNS:\(d)"
                case .ipAddress: return "IP:\(name.text)"
                case .rfc822Name(let e): return "email:\(e)"
                case .uri(let u): return "URI:\(u)"
                default: return "\(name.kind):\(name.text)"
                }
            }
            lines.append(("SANs", names.isEmpty ? "(none)" : names.joined(separator: ", ")))
        } else if s.has(.subjectAltName) {
            lines.append(("SANs", "unreadable (see Problem)"))
        } else {
            lines.append(("SANs", "none (no subjectAltName extension)"))
        }
        if let eku = s.eku {
            lines.append(("EKU", eku.purposes.map(ExtendedKeyUsage.describe).joined(separator: ", ")))
        } else if s.has(.extKeyUsage) {
            lines.append(("EKU", "unreadable (see Problem)"))
        } else {
            lines.append(("EKU", "none (any purpose the key usage allows)"))
        }
        if let ku = s.keyUsage {
            lines.append(("Key usage", ku.names.joined(separator: ", ")))
        } else if s.has(.keyUsage) {
            lines.append(("Key usage", "unreadable (see Problem)"))
        }
        if let notBefore = s.notBefore, let notAfter = s.notAfter {
            var validity = "\(dateText(notBefore)) to \(dateText(notAfter))"
            if let days = s.validityDays { validity += " (\(daysText(days)))" }
            if s.isNotYetValid {
                let days = Int((notBefore.secondsSinceEpoch - s.now.secondsSinceEpoch + 86_399) / 86_400)
                validity += "; not valid yet, starts in \(daysText(days))"
            } else if s.isExpired, let days = s.daysUntilExpiry {
                validity += "; EXPIRED \(daysText(-days)) ago"
            } else if let days = s.daysUntilExpiry {
                validity += "; expires in \(daysText(days))"
            }
            lines.append(("Validity", validity))
        } else {
            lines.append(("Validity", "unreadable"))
        }
        lines.append(("Key", s.keyDescription))
        lines.append(("Issuer", s.isSelfSigned ? "self-signed" : (s.issuer.map { $0.rfc4514String } ?? "unreadable")))
        lines.append(("Signature", s.signature?.description ?? "unreadable"))
        if s.basicConstraints == nil && s.has(.basicConstraints) {
            lines.append(("CA", "unreadable (see Problem)"))
        } else if let bc = s.basicConstraints, bc.isCA {
            lines.append(("CA", "yes" + (bc.pathLength.map { ", path length \($0)" } ?? "")))
        } else {
            lines.append(("CA", "no"))
        }
        lines.append(("Version", "\(s.certificate.version)"))
        lines.append(("Serial", s.certificate.serialNumber().description))
        lines.append(("SHA-256", s.certificate.sha256Fingerprint.colonHexString))
        lines.append(("SHA-1", s.certificate.sha1Fingerprint.colonHexString))
        var out = lines.map { indent + $0.0.padding(toLength: 12, withPad: " ", startingAt: 0) + " " + $0.1 + "\n" }.joined()
        for problem in s.problems {
            out += indent + "Problem      \(problem)\n"
        }
        return out
    }

    static func privateKeyText(_ key: PrivateKeyInfo, _ inspection: Inspection) -> String {
        let indent = "      "
        var lines: [(String, String)] = []
        let formats: [PrivateKeyInfo.Format: String] = [
            .pkcs1: "PKCS#1 (BEGIN RSA PRIVATE KEY)", .pkcs8: "PKCS#8", .encryptedPKCS8: "encrypted PKCS#8",
            .sec1: "SEC 1 (BEGIN EC PRIVATE KEY)", .dsa: "OpenSSL DSA", .legacyEncryptedPEM: "PEM with OpenSSL legacy encryption",
            .openssh: "OpenSSH",
        ]
        lines.append(("Format", formats[key.format] ?? key.format.rawValue))
        lines.append(("Encrypted", key.isEncrypted ? "yes, " + (key.encryption ?? "with a password") : "NO: the private key is readable by anyone with this file"))
        if let algorithm = key.algorithm {
            var text = algorithm == "ec" ? "EC \(key.curve ?? "?")" : algorithm.uppercased() == algorithm ? algorithm : algorithm.prefix(1).uppercased() + algorithm.dropFirst()
            if algorithm == "rsa" { text = "RSA" }
            if algorithm == "ed25519" { text = "Ed25519" }
            if algorithm == "ed448" { text = "Ed448" }
            if algorithm == "dsa" { text = "DSA" }
            if let bits = key.bits, !["ed25519", "ed448"].contains(algorithm) {
                text += " \(bits) bits"
            } else if key.bits == nil && key.isEncrypted {
                text += ", size hidden until decrypted"
            }
            lines.append(("Key", text))
        } else {
            lines.append(("Key", "hidden until decrypted"))
        }
        lines.append(("Matches", matchText(key.publicKey, encrypted: key.isEncrypted, inspection)))
        return lines.map { indent + $0.0.padding(toLength: 12, withPad: " ", startingAt: 0) + " " + $0.1 + "\n" }.joined()
    }

    static func matchText(_ publicKey: SubjectPublicKeyInfo.Key?, encrypted: Bool, _ inspection: Inspection) -> String {
        guard let publicKey else {
            return encrypted ? "cannot tell while the key is encrypted" : "cannot tell: the file does not carry the public key"
        }
        let matches = inspection.matches(publicKey)
        if matches.isEmpty { return "no certificate among the inspected files" }
        return matches.map { "\($0.path) \($0.position) (\($0.summary.displayName))" }.joined(separator: "; ")
    }

    static func requestText(_ csr: CertificateSigningRequest, _ inspection: Inspection) -> String {
        let indent = "      "
        var lines: [(String, String)] = []
        lines.append(("Subject", (try? csr.subject().rfc4514String) ?? "unreadable"))
        if let san = try? csr.subjectAlternativeNames() {
            lines.append(("SANs", san.names.map { $0.kind == "dns" ? "DNS:\($0.text)" : "\($0.kind):\($0.text)" }.joined(separator: ", ")))
        } else {
            lines.append(("SANs", "none requested"))
        }
        let key = try? csr.publicKey()
        lines.append(("Key", key.map(keyText) ?? "unreadable"))
        lines.append(("Signature", (try? csr.signatureAlgorithm().description) ?? "unreadable"))
        if let key {
            let matches = inspection.matches(key.key)
            if !matches.isEmpty {
                lines.append(("Certified", matches.map { "\($0.path) \($0.position) (\($0.summary.displayName))" }.joined(separator: "; ")))
            }
        }
        lines.append(("SHA-256", csr.sha256Fingerprint.colonHexString))
        return lines.map { indent + $0.0.padding(toLength: 12, withPad: " ", startingAt: 0) + " " + $0.1 + "\n" }.joined()
    }

    static func orderText(_ chain: [CertificateSummary]) -> String {
        let order = Inspection.order(chain)
        var parts: [String] = []
        for i in chain.indices {
            if order.selfSigned[i] {
                parts.append("\(i + 1) is self-signed (a root)")
            } else if let issuer = order.issuer[i] {
                parts.append("\(i + 1) is issued by \(issuer + 1)")
            } else {
                parts.append("\(i + 1)'s issuer is not in the file")
            }
        }
        var text = parts.joined(separator: "; ") + "."
        if !order.isOrdered {
            text += " Out of order: a server sends the leaf first, each certificate followed by its issuer"
            text += order.suggested.map { "; the order would be " + $0.map { String($0 + 1) }.joined(separator: ", ") + "." } ?? "."
        }
        for i in order.missingIssuer {
            let issuerName = chain[i].issuer?.rfc4514String ?? "its issuer"
            text += " Incomplete: the certificate that issued \(i + 1) (\(issuerName)) is missing."
        }
        return text
    }

    // MARK: JSON

    static func json(_ inspection: Inspection) -> JSONValue {
        .object([
            "at": .string(inspection.now.iso8601),
            "files": .array(inspection.files.map { fileJSON($0, inspection) }),
        ])
    }

    static func errorJSON(_ error: DERError) -> JSONValue {
        .object([
            "code": .string(error.code.rawValue),
            "offset": .int(error.offset),
            "field": .string(error.path),
            "message": .string(error.description),
        ])
    }

    static func fileJSON(_ file: Inspection.File, _ inspection: Inspection) -> JSONValue {
        var object: [String: JSONValue] = [
            "path": .string(file.path),
            "encoding": .string(file.encoding.rawValue),
            "items": .array(file.items.map { itemJSON($0, inspection) }),
        ]
        let certificates = inspection.certificates(of: file)
        if certificates.count > 1 {
            let order = Inspection.order(certificates)
            object["order"] = .object([
                "ordered": .bool(order.isOrdered),
                "issuer": .array(order.issuer.map { $0.map { .int($0 + 1) } ?? .null }),
                "selfSigned": .array(order.selfSigned.map(JSONValue.bool)),
                "missingIssuer": .array(order.missingIssuer.map { .int($0 + 1) }),
                "suggested": order.suggested.map { .array($0.map { .int($0 + 1) }) } ?? .null,
            ])
        }
        if file.tooManyBlocks { object["truncated"] = .bool(true) }
        return .object(object)
    }

    static func matchesJSON(_ key: SubjectPublicKeyInfo.Key?, _ inspection: Inspection) -> JSONValue {
        guard let key else { return .null }
        return .array(inspection.matches(key).map { .object(["path": .string($0.path), "certificate": .string($0.position), "fingerprint": .string($0.summary.certificate.sha256Fingerprint.hexString)]) })
    }

    static func itemJSON(_ item: Inspection.Item, _ inspection: Inspection) -> JSONValue {
        var object: [String: JSONValue] = [
            "line": .optional(item.line),
            "pemBlock": .optional(item.pemBlock),
            "label": .optional(item.label),
        ]
        switch item.content {
        case .certificate(let summary):
            object["kind"] = .string("certificate")
            object["certificate"] = summary.json
        case .bundle(let summaries, let failures):
            object["kind"] = .string("pkcs7")
            object["certificates"] = .array(summaries.map(\.json))
            if !failures.isEmpty { object["errors"] = .array(failures.map(errorJSON)) }
        case .privateKey(let key):
            object["kind"] = .string("privateKey")
            object["privateKey"] = .object([
                "format": .string(key.format.rawValue),
                "algorithm": .optional(key.algorithm),
                "bits": .optional(key.bits),
                "curve": .optional(key.curve),
                "encrypted": .bool(key.isEncrypted),
                "encryption": .optional(key.encryption),
                "matches": matchesJSON(key.publicKey, inspection),
            ])
        case .request(let csr):
            object["kind"] = .string("certificateRequest")
            let key = try? csr.publicKey()
            object["certificateRequest"] = .object([
                "subject": CertificateSummary.nameJSON(try? csr.subject()),
                "sanDNS": .strings((try? csr.subjectAlternativeNames())?.dnsNames ?? []),
                "keyAlgorithm": .optional(key?.algorithmName),
                "keyBits": .optional(key?.bits),
                "matches": matchesJSON(key?.key, inspection),
            ])
        case .publicKey(let key):
            object["kind"] = .string("publicKey")
            object["publicKey"] = .object(["algorithm": .string(key.algorithmName), "bits": .optional(key.bits), "curve": .optional(key.curveName)])
        case .keystore(let format, let inspected):
            object["kind"] = .string("keystore")
            object["keystore"] = keystoreJSON(format, inspected)
        case .crl:
            object["kind"] = .string("crl")
        case .unsupported(let label):
            object["kind"] = .string("unsupported")
            object["label"] = .string(label)
        case .unreadable(let error):
            object["kind"] = .string("unreadable")
            object["error"] = errorJSON(error)
        }
        return .object(object)
    }
}
