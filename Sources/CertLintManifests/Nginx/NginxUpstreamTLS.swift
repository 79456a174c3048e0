import CertLintCore

/// The TLS directives nginx uses when it calls an upstream over TLS, for one proxying module
/// (`proxy_`, `grpc_`, `uwsgi_`), as set at one level (`http`, `server`, `location`):
/// `…_ssl_certificate` (+`_key`), the certificate nginx presents upstream, and
/// `…_ssl_trusted_certificate` with `…_ssl_verify`, the bundle that verifies the upstream.
/// Inherited like every nginx directive: a level that sets one uses its own value.
struct NginxUpstreamTLS: Sendable, Hashable {
    /// The module's directive prefix: `proxy`, `grpc` or `uwsgi`.
    var module: String
    /// `…_ssl_certificate`.
    var certificates: [NginxDirective] = []
    /// `…_ssl_certificate_key`.
    var keys: [NginxDirective] = []
    /// `…_ssl_trusted_certificate`.
    var trusted: NginxDirective?
    /// `…_ssl_verify`.
    var verify: NginxDirective?

    /// Whether the level sets none of them.
    var isEmpty: Bool { certificates.isEmpty && keys.isEmpty && trusted == nil && verify == nil }

    /// The settings of `module` written directly in `block`.
    static func collect(_ block: [NginxDirective], module: String, problems: inout [ManifestProblem]) -> NginxUpstreamTLS {
        var settings = NginxUpstreamTLS(module: module)
        let certificate = module + "_ssl_certificate"
        let key = module + "_ssl_certificate_key"
        let trusted = module + "_ssl_trusted_certificate"
        let verify = module + "_ssl_verify"
        for directive in block where directive.block == nil {
            let name = directive.name
            guard name == certificate || name == key || name == trusted || name == verify else { continue }
            guard directive.arguments.count == 1 else {
                problems.append(
                    ManifestProblem(
                        location: directive.location,
                        message: "\"\(name)\" takes one argument, but \(directive.arguments.count) are given; nginx refuses it."))
                continue
            }
            switch name {
            case certificate: settings.certificates.append(directive)
            case key: settings.keys.append(directive)
            case trusted: settings.trusted = directive
            default: settings.verify = directive
            }
        }
        return settings
    }

    /// These settings over `parent`'s.
    func inheriting(from parent: NginxUpstreamTLS) -> NginxUpstreamTLS {
        var merged = self
        if merged.certificates.isEmpty { merged.certificates = parent.certificates }
        if merged.keys.isEmpty { merged.keys = parent.keys }
        merged.trusted = trusted ?? parent.trusted
        merged.verify = verify ?? parent.verify
        return merged
    }
}
