import CertLintCore

/// The `chain` facts of a usage: the certificates served with it, in file order, and whether
/// they form a complete chain in the order a server must send it.
public enum ChainFacts {
    /// Whether `issuer` issued `subject`, by name and, where both are present, key identifier.
    public static func issued(_ subject: CertificateFacts, by issuer: CertificateFacts) -> Bool {
        guard subject.certificate.issuerBytes.elementsEqual(issuer.certificate.subjectBytes) else { return false }
        if let aki = subject.authorityKeyIdentifier, let ski = issuer.subjectKeyIdentifier { return aki == ski }
        return true
    }

    /// The chain facts of `certificates` (leaf first, as served).
    public static func build(_ certificates: [CertificateFacts]) -> CELValue {
        var ordered = true
        var missing = ""
        for (i, cert) in certificates.enumerated() {
            let selfSigned: Bool
            if case .bool(let b)? = cert.field("selfSigned") { selfSigned = b } else { selfSigned = false }
            if i + 1 < certificates.count {
                if !issued(cert, by: certificates[i + 1]) {
                    ordered = false
                    if missing.isEmpty && !certificates.contains(where: { issued(cert, by: $0) && $0 !== cert }) && !selfSigned {
                        missing = cert.issuer.rfc4514String
                    }
                }
            } else if !selfSigned {
                // The last certificate's issuer should be a root the client already has.
                let rootKnown = PublicRoots.builtIn.contains(subjectKeyIdentifier: cert.authorityKeyIdentifier)
                if !rootKnown && !cert.isCA && missing.isEmpty { missing = cert.issuer.rfc4514String }
            }
        }
        let includesRoot: Bool
        if let last = certificates.last, case .bool(let b)? = last.field("selfSigned") { includesRoot = b && certificates.count > 1 } else { includesRoot = false }
        return .object(FactRecord(typeName: "Chain", fields: [
            "certificates": .list(certificates.map { .object($0) }),
            "complete": .bool(missing.isEmpty),
            "ordered": .bool(ordered),
            "includesRoot": .bool(includesRoot),
            "missingIssuer": .string(missing),
        ]))
    }
}

extension FactSchema {
    /// An object of `typeName` whose facts are all empty ("", 0, false, []), for a variable a
    /// subject does not have (the `cert` of a key that matches no certificate).
    public static func emptyObject(_ typeName: String) -> CELValue { FactValues.empty(.object(typeName)) }
}
