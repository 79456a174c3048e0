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
            "installedOn": .string, "verifyClient": .string, "source": .object("Source"), "hasClientCA": .bool,
            "peer": .string, "peerTrusts": .bool,
        ],
        "Chain": [
            "certificates": .list(.object("Certificate")), "complete": .bool, "ordered": .bool,
            "includesRoot": .bool, "missingIssuer": .string, "missingIssuerAt": .string, "startsWithLeaf": .bool,
            "expiredIssuer": .string,
        ],
        "Key": [
            "algorithm": .string, "bits": .int, "curve": .string, "display": .string, "encrypted": .bool, "format": .string,
            "matchesCertificate": .bool, "hasCertificate": .bool, "source": .object("Source"),
        ],
        "Keystore": [
            "format": .string, "encryption": .string, "hasPrivateKey": .bool, "source": .object("Source"),
            "schemes": .list(.string), "iterations": .int, "mac": .string, "macIterations": .int, "opened": .bool,
            "emptyPassword": .bool, "readable": .bool, "problem": .string, "certificates": .int,
        ],
        "File": [
            "path": .string, "readable": .bool, "error": .string, "kind": .string, "line": .int,
        ],
    ]

    /// What the less obvious fields mean, for rules/README.md (by type, then field).
    public static let descriptions: [String: [String: String]] = [
        "Keystore": [
            "format": "`pkcs12`, `jks` or `jceks`",
            "encryption": "the weakest encryption scheme it uses, for its private keys or its certificates: `pbes2-aes-256-cbc`, `pbes2-aes-128-cbc`, `pbes2-des-ede3-cbc`, `pbe-sha1-3des`, `pbe-sha1-2des`, `pbe-sha1-rc2-128`, `pbe-sha1-rc2-40`, `jks-sun`, `jceks-pbe-md5-3des`, `none`; empty when it could not be read",
            "schemes": "every encryption scheme it uses",
            "iterations": "the lowest key-derivation iteration count of those schemes (0 when none has one)",
            "mac": "its integrity check: `hmac-sha1`, `hmac-sha256`… (PKCS#12), `sun-sha1` (JKS, JCEKS), or empty",
            "macIterations": "the iteration count of the PKCS#12 MAC key derivation",
            "hasPrivateKey": "some entry holds a private key",
            "opened": "a password certlint was given (or the empty one) opened it and verified its integrity",
            "emptyPassword": "the empty password opens it: its private keys are as good as unencrypted",
            "readable": "it is a well-formed keystore (opened or not)",
            "problem": "why it is not open or not readable, in a sentence that says what to do; empty when it is open",
            "certificates": "the number of distinct certificates read from it",
        ],
        "Usage": [
            "role": "`server`, `client`, `client-ca`, `server-ca` or `unknown`, from where the manifest installs the certificate",
            "mtls": "the endpoint asks callers for certificates and names a client CA bundle",
            "hostnames": "for a server, the names it answers for; for a client, the hosts it calls",
            "endpoint": "a short name for the place (`nginx server api.example.com:443`)",
            "platform": "`nginx`, `apache`, `haproxy`, `kubernetes-ingress`, `aws-alb`, `iis`, `kestrel`, `spring-boot`, `certlint` (the native inventory)…",
            "installedOn": "`load-balancer`, `cdn`, `api-gateway`, `app-server`, `application` or `secret-store`",
            "verifyClient": "`required`, `optional` or `none`: whether the endpoint asks callers for certificates",
            "source": "the manifest line that installs the certificate",
            "hasClientCA": "the endpoint names a CA bundle to verify callers with",
            "peer": "for a client certificate, the mTLS endpoint of the repository it calls (by hostname), or empty",
            "peerTrusts": "whether a certificate of that endpoint's client CA bundle issued it (true when there is no peer)",
        ],
        "Chain": [
            "certificates": "the certificates served, in the order served (the first is `cert`)",
            "complete": "the path from the first certificate reaches a root, or stops at an issuer not known to be an intermediate",
            "ordered": "each certificate is followed by its issuer",
            "startsWithLeaf": "the first certificate is an end-entity certificate that issued none of the others",
            "includesRoot": "a self-signed CA certificate is served along with the others",
            "missingIssuer": "the issuer (RFC 4514) of the last certificate on the path, when that issuer is an intermediate not served",
            "missingIssuerAt": "where the repository holds that intermediate (`path:line`), or empty",
            "expiredIssuer": "the subject of the first expired certificate after the first, or empty",
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
