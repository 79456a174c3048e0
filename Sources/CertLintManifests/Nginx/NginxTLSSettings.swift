import CertLintCore

/// The TLS directives of `ngx_http_ssl_module` (and its stream and mail twins) that certlint
/// follows, as set at one level of a configuration (`http`, `server`), and nginx's rule for
/// inheriting them: a level that sets a directive uses its own values, a level that does not
/// takes its parent's. `ssl_certificate` and `ssl_certificate_key` are inherited separately,
/// as nginx does, and pair up by position.
struct NginxTLSSettings: Sendable, Hashable {
    /// `ssl_certificate`, in order (several: one per key type).
    var certificates: [NginxDirective] = []
    /// `ssl_certificate_key`, in order.
    var keys: [NginxDirective] = []
    /// `ssl_client_certificate`.
    var clientCertificate: NginxDirective?
    /// `ssl_trusted_certificate`.
    var trustedCertificate: NginxDirective?
    /// `ssl_verify_client`.
    var verifyClient: NginxDirective?
    /// The obsolete `ssl on|off`.
    var ssl: NginxDirective?
    /// `ssl_reject_handshake on|off`.
    var rejectHandshake: NginxDirective?

    /// The names this type follows.
    static let names: Set<String> = [
        "ssl_certificate", "ssl_certificate_key", "ssl_client_certificate", "ssl_trusted_certificate",
        "ssl_verify_client", "ssl", "ssl_reject_handshake",
    ]

    /// The settings written directly in `block` (includes already expanded); a directive set
    /// twice at one level is reported (nginx refuses it) and the first is kept.
    static func collect(_ block: [NginxDirective], problems: inout [ManifestProblem]) -> NginxTLSSettings {
        var settings = NginxTLSSettings()
        for directive in block where directive.block == nil && names.contains(directive.name) {
            guard directive.arguments.count == 1 else {
                problems.append(
                    ManifestProblem(
                        location: directive.location,
                        message: "\"\(directive.name)\" takes one argument, but \(directive.arguments.count) are given; nginx refuses it."))
                continue
            }
            switch directive.name {
            case "ssl_certificate": settings.certificates.append(directive)
            case "ssl_certificate_key": settings.keys.append(directive)
            case "ssl_client_certificate": set(&settings.clientCertificate, directive, &problems)
            case "ssl_trusted_certificate": set(&settings.trustedCertificate, directive, &problems)
            case "ssl_verify_client": set(&settings.verifyClient, directive, &problems)
            case "ssl": set(&settings.ssl, directive, &problems)
            default: set(&settings.rejectHandshake, directive, &problems)
            }
        }
        return settings
    }

    private static func set(_ slot: inout NginxDirective?, _ directive: NginxDirective, _ problems: inout [ManifestProblem]) {
        if let first = slot {
            problems.append(
                ManifestProblem(
                    location: directive.location,
                    message: "\"\(directive.name)\" is already set at \(first.path):\(first.line) in this block; nginx refuses the duplicate."))
            return
        }
        slot = directive
    }

    /// These settings over `parent`'s: each directive this level does not set comes from the parent.
    func inheriting(from parent: NginxTLSSettings) -> NginxTLSSettings {
        var merged = self
        if merged.certificates.isEmpty { merged.certificates = parent.certificates }
        if merged.keys.isEmpty { merged.keys = parent.keys }
        merged.clientCertificate = clientCertificate ?? parent.clientCertificate
        merged.trustedCertificate = trustedCertificate ?? parent.trustedCertificate
        merged.verifyClient = verifyClient ?? parent.verifyClient
        merged.ssl = ssl ?? parent.ssl
        merged.rejectHandshake = rejectHandshake ?? parent.rejectHandshake
        return merged
    }
}
