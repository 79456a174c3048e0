/// The names rules see: every fact, its type, in one place (DESIGN.md, "Facts that rules see").
///
/// Add names here (and document them in rules/README.md); never rename them — rule files in
/// users' repositories depend on them.
public enum FactSchema {
    /// The subjects a rule can be written `for`, with the variables each one binds.
    public enum Subject: String, Sendable, CaseIterable, Hashable {
        /// Every certificate, whether or not anything uses it: binds `cert`.
        case certificate
        /// Every place a certificate is installed: binds `usage`, `cert`, `chain`.
        case usage
        /// Every private key: binds `key`, and `cert` when the key matches a certificate.
        case key
        /// Every keystore: binds `keystore`.
        case keystore
        /// Every file certlint read or tried to: binds `file`.
        case file

        /// The variables bound for this subject (besides `now` and `params`).
        public var variables: [String: CELType] {
            switch self {
            case .certificate: return ["cert": .object("Certificate")]
            case .usage: return ["usage": .object("Usage"), "cert": .object("Certificate"), "chain": .object("Chain")]
            case .key: return ["key": .object("Key"), "cert": .object("Certificate")]
            case .keystore: return ["keystore": .object("Keystore")]
            case .file: return ["file": .object("File")]
            }
        }
    }

    /// The declared object types and their fields.
    public static let objectTypes: [String: [String: CELType]] = [
        "Name": [
            "cn": .string, "o": .list(.string), "ou": .list(.string), "c": .list(.string), "dn": .string,
        ],
        "SAN": [
            "dns": .list(.string), "ip": .list(.string), "email": .list(.string), "uri": .list(.string),
            "upn": .list(.string),
        ],
        "Extension": ["oid": .string, "name": .string, "critical": .bool],
        "Source": ["path": .string, "line": .int, "index": .int],
        "Certificate": [
            "subject": .object("Name"), "issuer": .object("Name"), "serial": .string, "version": .int,
            "notBefore": .timestamp, "notAfter": .timestamp, "validityDays": .int, "daysUntilExpiry": .int,
            "expired": .bool, "notYetValid": .bool, "keyAlgorithm": .string, "keyBits": .int, "curve": .string,
            "rsaExponent": .int, "signatureAlgorithm": .string, "signatureHash": .string, "san": .object("SAN"),
            "hasSAN": .bool, "hasEKU": .bool, "eku": .list(.string), "hasKeyUsage": .bool, "keyUsage": .list(.string),
            "isCA": .bool, "pathLen": .int, "selfSigned": .bool, "selfIssued": .bool, "ski": .string, "aki": .string,
            "crlURLs": .list(.string), "ocspURLs": .list(.string), "caIssuers": .list(.string),
            "policies": .list(.string), "hasSCTs": .bool, "mustStaple": .bool, "publiclyTrusted": .bool,
            "fingerprint": .string, "extensions": .list(.object("Extension")), "source": .object("Source"),
            "unreadableFields": .list(.string), "usageCount": .int, "roles": .list(.string),
        ],
        "Usage": [
            "role": .string, "mtls": .bool, "hostnames": .list(.string), "endpoint": .string, "platform": .string,
            "installedOn": .string, "verifyClient": .string, "source": .object("Source"),
        ],
        "Chain": [
            "certificates": .list(.object("Certificate")), "complete": .bool, "ordered": .bool,
            "includesRoot": .bool, "missingIssuer": .string,
        ],
        "Key": [
            "algorithm": .string, "bits": .int, "curve": .string, "display": .string, "encrypted": .bool, "format": .string,
            "matchesCertificate": .bool, "hasCertificate": .bool, "source": .object("Source"),
        ],
        "Keystore": [
            "format": .string, "encryption": .string, "hasPrivateKey": .bool, "source": .object("Source"),
        ],
        "File": [
            "path": .string, "readable": .bool, "error": .string, "kind": .string, "line": .int,
        ],
    ]

    /// The environment a rule's expressions are checked in: the subject's variables, `now`,
    /// and `params` typed from the rule's declared parameters.
    public static func environment(for subject: Subject, params: [String: CELType], ruleID: String) -> CELEnvironment {
        var variables = subject.variables
        variables["now"] = .timestamp
        let paramsType = "Params(\(ruleID))"
        variables["params"] = .object(paramsType)
        var types = objectTypes
        types[paramsType] = params
        return CELEnvironment(variables: variables, objectTypes: types, functions: CELFunction.standardLibrary + PolicyFunctions.all)
    }
}
