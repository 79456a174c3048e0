import CertLintYAML

/// cert-manager `Certificate` (`cert-manager.io`, and the old `certmanager.k8s.io`).
///
/// A Certificate describes what cert-manager will issue into the Secret `spec.secretName`. It
/// gives one usage of that Secret (in the Certificate's namespace), at the `secretName` key,
/// platform `cert-manager`, installed on `secret-store`, whose role comes from the extended
/// key usages it asks for (`spec.usages`):
///
/// - `server auth` → `server`, serving `dnsNames` and `ipAddresses` (or `commonName` when
///   there are none); with `client auth` too, still `server`, with a note saying so.
/// - `client auth` alone → `client`, with no hostnames (a client's own names are not the
///   servers it calls).
/// - neither (cert-manager's default asks for no extended key usage), or `isCA: true` →
///   `unknown`, with a note: the role is that of whatever uses the Secret (an Ingress,
///   a Gateway), whose usage says it.
///
/// `duration` and `renewBefore` have no place in ``CertificateUsage``; the issued
/// certificate's own validity is what rules check, once the Secret is in the repository.
enum CertManagerCertificate {
    /// Reads a Certificate.
    static func read(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let namespace = object.namespace ?? "default"
        let display = "cert-manager Certificate \(namespace)/\(object.name)"
        guard let spec = state.mapping(object.spec, "spec of \(display)") else { return }
        guard let pair = spec.pair(forKey: "secretName"), let secretName = KubernetesYAML.text(pair.value) else {
            state.problem("\(display) names no spec.secretName; cert-manager needs one to store the certificate.", at: spec.position)
            return
        }
        let usages = Set(state.sequence(spec["usages"], "spec.usages of \(display)").compactMap { KubernetesYAML.text($0)?.lowercased() })
        let server = usages.contains("server auth")
        let client = usages.contains("client auth")
        let isCA = spec["isCA"]?.boolValue == true
        var names = KubernetesYAML.texts(spec["dnsNames"]) + KubernetesYAML.texts(spec["ipAddresses"])
        if names.isEmpty, let commonName = KubernetesYAML.text(spec["commonName"]) { names = [commonName] }

        let role: CertificateUsage.Role
        var note: String?
        if isCA {
            role = .unknown
            note = "a CA certificate (isCA: true); its role is that of whatever trusts or presents Secret \(namespace)/\(secretName)"
        } else if server {
            role = .server
            if client { note = "it also asks for client auth; checked here as a server certificate" }
        } else if client {
            role = .client
            names = []
        } else {
            role = .unknown
            note = "it asks for no server auth or client auth usage; its role is that of whatever uses Secret \(namespace)/\(secretName)"
        }
        let secret = CertificateReference.kubernetesSecret(namespace: namespace, name: secretName)
        state.add(CertificateUsage(
            role: role, certificate: secret, privateKey: secret, hostnames: names, endpoint: display,
            platform: "cert-manager", installedOn: .secretStore, endpointID: "cert-manager:\(namespace)/\(object.name)",
            location: state.location(pair.key.position), note: note))
    }
}
