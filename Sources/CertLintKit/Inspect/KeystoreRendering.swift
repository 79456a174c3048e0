import CertLintCore
import CertLintX509
import CertLintKeystores

/// How `certlint inspect` shows a keystore: whether it opened and with what, how it is
/// protected, and every entry (alias, kind, key type, certificates). Never a key's bytes or a
/// password: the values rendered hold none.
extension InspectionRenderer {
    static func keystoreText(_ inspected: Inspection.KeystoreInspection, path: String) -> String {
        let outcome = inspected.outcome
        var out = ""
        let problem = outcome.problem(path: path)
        if !problem.isEmpty { out += "      Not opened   \(problem)\n" }
        guard let keystore = outcome.keystore else { return out }
        if outcome.needsNoPassword {
            out += "      Opened       without a password: nothing in it is protected\n"
        } else if keystore.opened {
            out += "      Opened       " + (outcome.openedWithEmptyPassword ? "with the empty password\n" : "with the password of \(outcome.variables.joined(separator: " or "))\n")
        }
        for scheme in keystore.encryption {
            var details: [String] = []
            if let prf = scheme.prf { details.append(prf) }
            if scheme.iterations > 0 { details.append("\(scheme.iterations) iterations") }
            out += "      Encryption   \(scheme.scheme)\(details.isEmpty ? "" : " (\(details.joined(separator: ", ")))") for \(scheme.protects)\n"
        }
        if let integrity = keystore.integrity {
            let verified = keystore.integrityVerified ? "verified" : "not verified"
            out += "      Integrity    \(integrity.algorithm)\(integrity.iterations > 0 ? " (\(integrity.iterations) iterations)" : ""), \(verified)\n"
        } else {
            out += "      Integrity    none\n"
        }
        for (index, entry) in keystore.entries.enumerated() {
            let alias = entry.alias.map { " \"\($0)\"" } ?? ""
            out += "      entry \(index + 1)\(alias): \(entry.kind.rawValue)\n"
            if let key = entry.privateKey {
                let matches = key.matchesCertificate.map { $0 ? ", matches its certificate" : ", does NOT match its certificate" } ?? ""
                out += "        Key          \(keyDescription(key))\(matches)\n"
            }
            let summaries = index < inspected.certificates.count ? inspected.certificates[index] : []
            for (i, summary) in summaries.enumerated() {
                out += "        certificate \(i + 1)\n" + certificateText(summary, indent: "          ")
            }
        }
        return out
    }

    static func keyDescription(_ key: KeystoreKeyInfo) -> String {
        switch key.algorithm {
        case "rsa"?: return "RSA" + (key.bits.map { " \($0) bits" } ?? "")
        case "ec"?: return "EC \(key.curve ?? "?")"
        case "ed25519"?: return "Ed25519"
        case "ed448"?: return "Ed448"
        case let other?: return other
        case nil: return "unknown (encrypted)"
        }
    }

    static func keystoreJSON(_ format: PKIFile.KeystoreFormat, _ inspected: Inspection.KeystoreInspection) -> JSONValue {
        var object: [String: JSONValue] = ["format": .string(format.rawValue)]
        let outcome = inspected.outcome
        if let error = outcome.error { object["error"] = .object(["code": .string(error.code.rawValue), "message": .string(error.message)]) }
        guard let keystore = outcome.keystore else { return .object(object) }
        object["opened"] = .bool(outcome.isOpen)
        object["integrity"] = keystore.integrity.map {
            .object(["algorithm": .string($0.algorithm), "iterations": .int($0.iterations), "verified": .bool(keystore.integrityVerified)])
        } ?? .null
        object["encryption"] = .array(keystore.encryption.map {
            .object(["scheme": .string($0.scheme), "prf": .optional($0.prf), "iterations": .int($0.iterations), "protects": .string($0.protects)])
        })
        object["entries"] = .array(keystore.entries.enumerated().map { index, entry in
            var value: [String: JSONValue] = ["kind": .string(entry.kind.rawValue), "alias": .optional(entry.alias)]
            if let key = entry.privateKey {
                value["privateKey"] = .object([
                    "algorithm": .optional(key.algorithm), "bits": .optional(key.bits), "curve": .optional(key.curve),
                    "matchesCertificate": key.matchesCertificate.map(JSONValue.bool) ?? .null,
                ])
            }
            value["certificates"] = .array((index < inspected.certificates.count ? inspected.certificates[index] : []).map(\.json))
            return .object(value)
        })
        return .object(object)
    }
}
