import CertLintDER

/// The extended key usage extension (RFC 5280 4.2.1.12): the purposes a key may be used for.
///
/// ```
/// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
/// KeyPurposeId ::= OBJECT IDENTIFIER
/// ```
public struct ExtendedKeyUsage: Sendable, Hashable {
    /// The purposes, in encoded order.
    public let purposes: [OID]

    /// Creates the extension from purposes.
    public init(purposes: [OID]) { self.purposes = purposes }

    /// Reads the extension value.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "ExtKeyUsageSyntax")
        var purposes: [OID] = []
        var reader = DERReader(bytes, children: node)
        while let child = try reader.next() {
            do throws(DERError) {
                purposes.append(try child.oid(in: bytes))
            } catch {
                throw error.atIndex(purposes.count)
            }
        }
        guard !purposes.isEmpty else {
            throw DERError(.invalidValue, at: node.start, "The extended key usage list is empty; it must hold at least one purpose")
        }
        self.purposes = purposes
    }

    /// The purposes by name (`serverAuth`, `clientAuth`…), dotted OIDs when unknown.
    public var names: [String] { purposes.map(\.nameOrDotted) }

    /// Whether the certificate may authenticate TLS servers (serverAuth or anyExtendedKeyUsage).
    public var allowsServerAuth: Bool { purposes.contains(.serverAuth) || purposes.contains(.anyExtendedKeyUsage) }

    /// Whether the certificate may authenticate TLS clients (clientAuth or anyExtendedKeyUsage).
    public var allowsClientAuth: Bool { purposes.contains(.clientAuth) || purposes.contains(.anyExtendedKeyUsage) }

    /// Words an operator reads: "TLS Web Server Authentication" and so on (OpenSSL's long names).
    public static func describe(_ purpose: OID) -> String {
        switch purpose.dotted {
        case "1.3.6.1.5.5.7.3.1": return "TLS server authentication"
        case "1.3.6.1.5.5.7.3.2": return "TLS client authentication"
        case "1.3.6.1.5.5.7.3.3": return "code signing"
        case "1.3.6.1.5.5.7.3.4": return "e-mail protection (S/MIME)"
        case "1.3.6.1.5.5.7.3.8": return "time stamping"
        case "1.3.6.1.5.5.7.3.9": return "OCSP signing"
        case "2.5.29.37.0": return "any purpose"
        case "1.3.6.1.5.5.7.3.17": return "IPsec IKE"
        case "1.3.6.1.4.1.311.20.2.2": return "smart card logon"
        case "1.3.6.1.5.2.3.4": return "Kerberos PKINIT client"
        case "1.3.6.1.5.2.3.5": return "Kerberos PKINIT KDC"
        case "1.3.6.1.4.1.311.10.3.12": return "document signing (Microsoft)"
        case "1.3.6.1.5.5.7.3.36": return "document signing"
        case "1.3.6.1.4.1.311.10.3.3", "2.16.840.1.113730.4.1": return "server gated crypto (obsolete)"
        default: return purpose.nameOrDotted
        }
    }
}

extension OID {
    /// id-kp-serverAuth (1.3.6.1.5.5.7.3.1).
    public static let serverAuth: OID = "1.3.6.1.5.5.7.3.1"
    /// id-kp-clientAuth (1.3.6.1.5.5.7.3.2).
    public static let clientAuth: OID = "1.3.6.1.5.5.7.3.2"
    /// anyExtendedKeyUsage (2.5.29.37.0).
    public static let anyExtendedKeyUsage: OID = "2.5.29.37.0"
}
