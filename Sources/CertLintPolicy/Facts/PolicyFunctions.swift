import CertLintX509

/// The functions certlint adds to the expression language for rules about certificates.
public enum PolicyFunctions {
    /// Every certlint function.
    public static let all: [CELFunction] = [coversHostname, isValidWildcard, isHostname]

    /// `coversHostname(cert, host)`: whether some SAN of the certificate covers the hostname as
    /// browsers match it (RFC 9525: SAN only, one-label wildcards, IPs against IP SANs).
    public static let coversHostname = CELFunction(
        "coversHostname", parameters: [.object("Certificate"), .string], result: .bool
    ) { arguments in
        guard arguments.count == 2, case .object(let object) = arguments[0], case .string(let host) = arguments[1] else {
            return .error(CELEvaluationError(.invalidArgument, "coversHostname takes a certificate and a hostname"))
        }
        if let facts = object as? CertificateFacts {
            return .bool(HostnameMatcher.matches(hostname: host, identity: facts.identity))
        }
        // Facts built from data (rule examples): read the SAN lists.
        func strings(_ value: CELValue?) -> [String] {
            guard case .list(let items)? = value else { return [] }
            return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        guard case .object(let san)? = object.field("san") else { return .bool(false) }
        let identity = HostnameMatcher.CertificateIdentity(
            dnsNames: strings(san.field("dns")), ipAddresses: strings(san.field("ip")).compactMap { IPAddress($0) },
            hasSubjectAltName: true)
        return .bool(HostnameMatcher.matches(hostname: host, identity: identity))
    }

    /// `isValidWildcard(name)`: whether a wildcard DNS name has a form clients accept.
    public static let isValidWildcard = CELFunction("isValidWildcard", parameters: [.string], result: .bool) { arguments in
        guard case .string(let name)? = arguments.first else { return .error(CELEvaluationError(.invalidArgument, "isValidWildcard takes a string")) }
        return .bool(HostnameMatcher.isValidWildcardPattern(name))
    }

    /// `isHostname(text)`: whether text looks like a DNS hostname (dotted labels of letters,
    /// digits and hyphens, at least two labels) or an IP address — what a CN would be matched as.
    public static let isHostname = CELFunction("isHostname", parameters: [.string], result: .bool) { arguments in
        guard case .string(let text)? = arguments.first else { return .error(CELEvaluationError(.invalidArgument, "isHostname takes a string")) }
        if IPAddress(text) != nil { return .bool(true) }
        var name = Substring(text)
        if name.hasSuffix(".") { name = name.dropLast() }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return .bool(false) }
        for (i, label) in labels.enumerated() {
            guard !label.isEmpty, label.count <= 63 else { return .bool(false) }
            if i == 0 && label == "*" { continue }
            guard label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return .bool(false) }
        }
        return .bool(true)
    }
}
