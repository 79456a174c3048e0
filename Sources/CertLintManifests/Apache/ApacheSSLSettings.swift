import CertLintCore

/// The mod_ssl and naming directives certlint follows, as set at one level (the main server or
/// a `<VirtualHost>`, looking through `<IfModule>`-like conditions), and mod_ssl's merge of a
/// virtual host over the main server:
///
/// - `SSLCertificateFile` and `SSLCertificateKeyFile` merge by position, as mod_ssl does since
///   2.4.8: the host's first file replaces the main server's first, and so on; the main
///   server's further files remain.
/// - every other directive is the host's own when it sets it, the main server's otherwise;
///   the last occurrence at a level wins, as in httpd.
/// - `ServerName` and `ServerAlias` are the host's own (a name inherited from the main server
///   does not select the host by SNI, so it is not a hostname the certificate must cover).
struct ApacheSSLSettings: Sendable, Hashable {
    /// `SSLEngine`.
    var engine: ApacheDirective?
    /// `SSLCertificateFile`, in order.
    var certificateFiles: [ApacheDirective] = []
    /// `SSLCertificateKeyFile`, in order.
    var keyFiles: [ApacheDirective] = []
    /// `SSLCertificateChainFile`.
    var chainFile: ApacheDirective?
    /// `SSLCACertificateFile`.
    var caFile: ApacheDirective?
    /// `SSLCACertificatePath`.
    var caPath: ApacheDirective?
    /// `SSLVerifyClient`.
    var verifyClient: ApacheDirective?
    /// `SSLProxyMachineCertificateFile`.
    var proxyMachineFile: ApacheDirective?
    /// `SSLProxyMachineCertificatePath`.
    var proxyMachinePath: ApacheDirective?
    /// `SSLProxyMachineCertificateChainFile`.
    var proxyMachineChainFile: ApacheDirective?
    /// `SSLProxyCACertificateFile`.
    var proxyCAFile: ApacheDirective?
    /// `SSLProxyCACertificatePath`.
    var proxyCAPath: ApacheDirective?
    /// `SSLProxyVerify`.
    var proxyVerify: ApacheDirective?
    /// `ServerName`.
    var serverName: ApacheDirective?
    /// `ServerAlias`, every occurrence.
    var serverAliases: [ApacheDirective] = []

    /// The directive keys (lower case) this type follows.
    static let keys: Set<String> = [
        "sslengine", "sslcertificatefile", "sslcertificatekeyfile", "sslcertificatechainfile", "sslcacertificatefile",
        "sslcacertificatepath", "sslverifyclient", "sslproxymachinecertificatefile", "sslproxymachinecertificatepath",
        "sslproxymachinecertificatechainfile", "sslproxycacertificatefile", "sslproxycacertificatepath", "sslproxyverify",
        "servername", "serveralias",
    ]

    /// Whether any outbound (proxy) directive is set.
    var hasProxySettings: Bool {
        proxyMachineFile != nil || proxyMachinePath != nil || proxyCAFile != nil || proxyCAPath != nil || proxyVerify != nil
    }

    /// Records `directive` when it is one of ``keys``; a directive without its argument is
    /// reported instead.
    mutating func take(_ directive: ApacheDirective, problems: inout [ManifestProblem]) {
        guard directive.section == nil, ApacheSSLSettings.keys.contains(directive.key) else { return }
        guard !directive.arguments.isEmpty else {
            problems.append(
                ManifestProblem(location: directive.location, message: "\(directive.name) needs an argument; httpd refuses it without one."))
            return
        }
        switch directive.key {
        case "sslengine": engine = directive
        case "sslcertificatefile": certificateFiles.append(directive)
        case "sslcertificatekeyfile": keyFiles.append(directive)
        case "sslcertificatechainfile": chainFile = directive
        case "sslcacertificatefile": caFile = directive
        case "sslcacertificatepath": caPath = directive
        case "sslverifyclient": verifyClient = directive
        case "sslproxymachinecertificatefile": proxyMachineFile = directive
        case "sslproxymachinecertificatepath": proxyMachinePath = directive
        case "sslproxymachinecertificatechainfile": proxyMachineChainFile = directive
        case "sslproxycacertificatefile": proxyCAFile = directive
        case "sslproxycacertificatepath": proxyCAPath = directive
        case "sslproxyverify": proxyVerify = directive
        case "servername": serverName = directive
        default: serverAliases.append(directive)
        }
    }

    /// These settings over `parent`'s (see the type's description).
    func inheriting(from parent: ApacheSSLSettings) -> ApacheSSLSettings {
        var merged = self
        merged.certificateFiles = ApacheSSLSettings.mergeByPosition(certificateFiles, over: parent.certificateFiles)
        merged.keyFiles = ApacheSSLSettings.mergeByPosition(keyFiles, over: parent.keyFiles)
        merged.engine = engine ?? parent.engine
        merged.chainFile = chainFile ?? parent.chainFile
        merged.caFile = caFile ?? parent.caFile
        merged.caPath = caPath ?? parent.caPath
        merged.verifyClient = verifyClient ?? parent.verifyClient
        merged.proxyMachineFile = proxyMachineFile ?? parent.proxyMachineFile
        merged.proxyMachinePath = proxyMachinePath ?? parent.proxyMachinePath
        merged.proxyMachineChainFile = proxyMachineChainFile ?? parent.proxyMachineChainFile
        merged.proxyCAFile = proxyCAFile ?? parent.proxyCAFile
        merged.proxyCAPath = proxyCAPath ?? parent.proxyCAPath
        merged.proxyVerify = proxyVerify ?? parent.proxyVerify
        return merged
    }

    /// The outbound directives of these settings over `parent`'s (a `<Proxy>` section over its host).
    func inheritingProxy(from parent: ApacheSSLSettings) -> ApacheSSLSettings {
        var merged = ApacheSSLSettings()
        merged.proxyMachineFile = proxyMachineFile ?? parent.proxyMachineFile
        merged.proxyMachinePath = proxyMachinePath ?? parent.proxyMachinePath
        merged.proxyMachineChainFile = proxyMachineChainFile ?? parent.proxyMachineChainFile
        merged.proxyCAFile = proxyCAFile ?? parent.proxyCAFile
        merged.proxyCAPath = proxyCAPath ?? parent.proxyCAPath
        merged.proxyVerify = proxyVerify ?? parent.proxyVerify
        return merged
    }

    /// mod_ssl's merge of certificate and key files: the child's entries replace the parent's
    /// at the same positions, and the parent's further entries remain.
    static func mergeByPosition(_ own: [ApacheDirective], over parent: [ApacheDirective]) -> [ApacheDirective] {
        guard own.count < parent.count else { return own }
        return own + parent[own.count...]
    }
}
