import CertLintCore

/// What a manifest says about one place a certificate is used: the role it plays there, where
/// the certificate comes from, the hostnames it must serve, and the exact line that says so.
///
/// Readers produce usages; CertLintKit resolves their references to certificates in the
/// repository and lints each certificate with the role of each usage.
public struct CertificateUsage: Sendable, Hashable {
    /// What the certificate does at this place (DESIGN.md, "Roles follow where the certificate is installed").
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// Presented by a server, load balancer, CDN or gateway to its clients.
        case server
        /// Presented by an application when it calls out (client authentication).
        case client
        /// A CA bundle that verifies the certificates of callers (mTLS server side).
        case clientCA = "client-ca"
        /// A CA bundle that verifies the certificates of servers called.
        case serverCA = "server-ca"
        /// The manifest installs a certificate but does not say for what; reported as a note.
        case unknown
    }

    /// Whether an endpoint asks callers for certificates.
    public enum VerifyClient: String, Sendable, Hashable {
        /// Callers must present a certificate the CA bundle verifies.
        case required
        /// Callers may present one.
        case optional
        /// Callers are not asked.
        case none
    }

    /// Where the certificate is installed, in the design's words.
    public enum InstalledOn: String, Sendable, Hashable {
        /// An AWS ALB/NLB, HAProxy, an ingress controller.
        case loadBalancer = "load-balancer"
        /// CloudFront and other CDNs.
        case cdn
        /// API Gateway, Kong, Tyk.
        case apiGateway = "api-gateway"
        /// nginx, Apache, IIS, Kestrel, Spring Boot serving their own TLS.
        case appServer = "app-server"
        /// An application's own outgoing connections.
        case application
        /// A Kubernetes Secret, IAM server certificate or other store.
        case secretStore = "secret-store"
    }

    /// The role at this place.
    public var role: Role
    /// Where the certificate (or bundle) comes from.
    public var certificate: CertificateReference
    /// Where its private key comes from, when the manifest says.
    public var privateKey: CertificateReference?
    /// A separate chain file served with it (Apache's `SSLCertificateChainFile`).
    public var chain: CertificateReference?
    /// The hostnames the endpoint answers for (servers): `server_name`, Ingress hosts, aliases.
    public var hostnames: [String]
    /// A short human name for the endpoint ("nginx server www.example.com:443").
    public var endpoint: String
    /// The platform (`nginx`, `apache`, `haproxy`, `kubernetes-ingress`, `aws-alb`, `iis`…).
    public var platform: String
    /// Where it is installed.
    public var installedOn: InstalledOn
    /// Whether the endpoint asks callers for certificates.
    public var verifyClient: VerifyClient
    /// Usages with the same endpoint identity belong to one endpoint: a server certificate and
    /// the client-CA bundle of the same listener make it mutual TLS.
    public var endpointID: String
    /// The directive or key that installs the certificate (path relative to the repository root).
    public var location: SourceLocation
    /// Why the role is `unknown`, or anything else the reader could not tell.
    public var note: String?
    /// Where the certificate an `inline` or `base64` reference holds is written, when that is
    /// not at ``location`` (a CloudFormation listener naming an IAM server certificate whose
    /// body is written elsewhere in the template): the certificate is linted there, once,
    /// however many usages name it.
    public var embeddedAt: SourceLocation?

    /// Creates a usage.
    public init(
        role: Role, certificate: CertificateReference, privateKey: CertificateReference? = nil,
        chain: CertificateReference? = nil, hostnames: [String] = [], endpoint: String, platform: String,
        installedOn: InstalledOn, verifyClient: VerifyClient = .none, endpointID: String, location: SourceLocation,
        note: String? = nil, embeddedAt: SourceLocation? = nil
    ) {
        self.role = role
        self.certificate = certificate
        self.privateKey = privateKey
        self.chain = chain
        self.hostnames = hostnames
        self.endpoint = endpoint
        self.platform = platform
        self.installedOn = installedOn
        self.verifyClient = verifyClient
        self.endpointID = endpointID
        self.location = location
        self.note = note
        self.embeddedAt = embeddedAt
    }
}

/// Where a manifest says a certificate, bundle or key comes from.
public enum CertificateReference: Sendable, Hashable {
    /// A file: the path as written, and the directory a relative path starts from (the
    /// manifest's folder, or nginx's prefix), both relative to the repository root.
    case file(path: String, base: String)
    /// PEM text written in the manifest itself.
    case inline(String)
    /// Base64 of PEM or DER (Kubernetes Secret `data`, CloudFormation bodies, env values).
    case base64(String)
    /// A SHA-1 thumbprint (IIS `certificateHash`, Windows certificate stores), hex.
    case thumbprint(String)
    /// A Kubernetes Secret by namespace and name, resolved among the repository's manifests.
    case kubernetesSecret(namespace: String, name: String)
    /// A keystore file (`.pfx`, `.jks`…) with an optional alias, as ``file(path:base:)``.
    case keystore(path: String, base: String, alias: String?)
    /// Something outside the repository (an ACM ARN, a Vault path): nothing to lint here.
    case external(String)
}

/// A problem a reader found in a manifest (it cannot be parsed, a directive is malformed):
/// reported as a finding at its place.
public struct ManifestProblem: Sendable, Hashable {
    /// Where.
    public var location: SourceLocation
    /// One sentence.
    public var message: String
    /// How serious (a file that cannot be parsed is an error).
    public var severity: Severity
    /// The check it is reported as (``Check``).
    public var check: Check

    /// What kind of problem: each is reported under its own check ID, which configuration,
    /// waivers and inline comments can name.
    public enum Check: String, Sendable, Hashable, CaseIterable {
        /// The file cannot be parsed, or a directive is malformed or refused by the server.
        case invalid = "manifest-invalid"
        /// Something the manifest uses is not in the repository (an included file, a store).
        case outsideRepository = "reference-outside-repository"
        /// The endpoint asks callers for certificates but has no CA bundle to verify them with,
        /// on a platform that needs one.
        case verifyWithoutClientCA = "mtls-verify-without-client-ca"
        /// A password or other secret is written in the manifest.
        case secretInManifest = "secret-in-manifest"
    }

    /// Creates a problem.
    public init(location: SourceLocation, message: String, severity: Severity = .error, check: Check = .invalid) {
        self.location = location
        self.message = message
        self.severity = severity
        self.check = check
    }
}

/// A Kubernetes Secret (or a similar named store) defined in a manifest, with its data.
public struct NamedSecret: Sendable, Hashable {
    /// The namespace (`default` when not given).
    public var namespace: String
    /// The name.
    public var name: String
    /// The certificate data (`tls.crt`, `ca.crt`), as written.
    public var certificate: CertificateReference?
    /// The CA data (`ca.crt`), as written.
    public var ca: CertificateReference?
    /// The key data (`tls.key`), as written.
    public var privateKey: CertificateReference?
    /// Where the Secret is defined.
    public var location: SourceLocation
    /// Where its key data (`tls.key`) is written, when it has any.
    public var privateKeyLocation: SourceLocation?

    /// Creates a secret.
    public init(
        namespace: String, name: String, certificate: CertificateReference?, ca: CertificateReference? = nil,
        privateKey: CertificateReference?, location: SourceLocation, privateKeyLocation: SourceLocation? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.certificate = certificate
        self.ca = ca
        self.privateKey = privateKey
        self.location = location
        self.privateKeyLocation = privateKeyLocation
    }
}

/// Everything one manifest file says.
public struct ManifestContents: Sendable {
    /// The usages, in file order.
    public var usages: [CertificateUsage] = []
    /// Secrets it defines.
    public var secrets: [NamedSecret] = []
    /// Problems found.
    public var problems: [ManifestProblem] = []
    /// Other files it read (nginx `include`), relative to the repository root.
    public var included: [String] = []

    /// Empty contents.
    public init() {}
}

/// What a reader may ask of the repository while reading.
public struct ManifestContext: Sendable {
    /// The text of a file by its path relative to the repository root, or `nil`.
    public let load: @Sendable (String) -> String?
    /// The files of the repository matching a glob-like pattern relative to the root (for
    /// nginx `include conf.d/*.conf`).
    public let list: @Sendable (String) -> [String]

    /// Creates a context.
    public init(load: @escaping @Sendable (String) -> String?, list: @escaping @Sendable (String) -> [String]) {
        self.load = load
        self.list = list
    }

    /// A context with no other files.
    public static let isolated = ManifestContext(load: { _ in nil }, list: { _ in [] })
}

/// One manifest format.
public protocol ManifestReader: Sendable {
    /// The format's name (`nginx`, `kubernetes`…).
    static var format: String { get }

    /// Whether the file at `path` (relative to the repository root) with `text` is in this
    /// format; cheap: a look at the name and the first bytes.
    static func accepts(path: String, text: String) -> Bool

    /// Reads the file. Never throws and never traps: problems are in the result.
    static func read(path: String, text: String, context: ManifestContext) -> ManifestContents
}
