import CertLintCore
import CertLintManifests
import CertLintPolicy

/// The native inventory: the `deployments:` of `.certlint.yml`, as usages like any manifest's.
/// Deployments that name the same `endpoint` are one endpoint: a `client-ca` deployment makes
/// it mutual TLS.
enum NativeInventory {
    static func usages(_ configuration: Configuration) -> [CertificateUsage] {
        let mutual = Set(configuration.deployments.filter { $0.role == CertificateUsage.Role.clientCA.rawValue }.compactMap(\.endpoint))
        return configuration.deployments.map { deployment in
            let role = CertificateUsage.Role(rawValue: deployment.role) ?? .unknown
            let endpoint = deployment.endpoint ?? (deployment.hostnames.first.map { "\($0) (\(deployment.role))" } ?? deployment.certificate)
            let location = SourceLocation(path: configuration.file, line: deployment.position.line, column: deployment.position.column)
            return CertificateUsage(
                role: role, certificate: .file(path: deployment.certificate, base: ""), hostnames: deployment.hostnames,
                endpoint: endpoint, platform: "certlint",
                installedOn: deployment.installedOn.flatMap { CertificateUsage.InstalledOn(rawValue: $0) } ?? .application,
                verifyClient: deployment.endpoint.map { mutual.contains($0) } == true ? .required : .none,
                endpointID: deployment.endpoint.map { "certlint:\($0)" } ?? location.description, location: location)
        }
    }
}
