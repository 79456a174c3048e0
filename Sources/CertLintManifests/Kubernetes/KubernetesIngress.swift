import CertLintYAML

/// `Ingress` (`networking.k8s.io/v1` and the older `extensions/v1beta1` and
/// `networking.k8s.io/v1beta1`, whose `spec.tls` has the same shape), with the ingress-nginx
/// annotations that install certificates.
///
/// - Each `spec.tls[]` entry is a `server` usage of the Secret `secretName` in the Ingress's
///   namespace, serving that entry's `hosts`, at its `secretName` key. An entry without
///   `secretName` is served by the controller's default certificate: a note, no usage.
/// - `nginx.ingress.kubernetes.io/auth-tls-secret: ns/name` (or `name`, in the Ingress's
///   namespace) is a `client-ca` usage of that Secret on the same endpoint — Kubernetes Secret
///   references on CA roles mean the Secret's `ca.crt`. `auth-tls-verify-client` gives
///   `verifyClient` (`on`, the default → required; `optional` → optional); `off` verifies
///   nothing and `optional_no_ca` asks for a certificate without verifying it, so neither
///   makes a `client-ca` usage (the second is a note).
/// - `nginx.ingress.kubernetes.io/proxy-ssl-secret` is the certificate the controller
///   presents to its backends: a `client` usage (its `tls.crt`), and with
///   `proxy-ssl-verify: "on"` a `server-ca` usage (its `ca.crt`), on a separate endpoint.
enum KubernetesIngress {
    /// ingress-nginx's default annotation prefix.
    static let prefix = "nginx.ingress.kubernetes.io/"

    /// Reads an Ingress.
    static func read(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let namespace = object.namespace ?? "default"
        let display = "Ingress \(namespace)/\(object.name)"
        let endpointID = "kubernetes-ingress:\(namespace)/\(object.name)"
        let annotations = state.mapping(object.metadata?["annotations"], "metadata.annotations of \(display)")
        func annotation(_ name: String) -> (text: String?, key: YAMLNode)? {
            guard let pair = annotations?.pair(forKey: prefix + name) else { return nil }
            return (KubernetesYAML.text(pair.value), pair.key)
        }

        // Client certificate authentication.
        var verifyClient = CertificateUsage.VerifyClient.none
        var clientCA: (reference: CertificateReference, key: YAMLNode)?
        if let secret = annotation("auth-tls-secret") {
            let verify = annotation("auth-tls-verify-client")
            switch verify?.text?.lowercased() ?? "on" {
            case "on": verifyClient = .required
            case "optional": verifyClient = .optional
            case "off": verifyClient = .none
            case "optional_no_ca":
                verifyClient = .optional
                state.problem(
                    "\(display) asks callers for a certificate but does not verify it (auth-tls-verify-client: optional_no_ca); the application behind it must.",
                    at: verify?.key.position ?? secret.key.position, severity: .note)
            case let other:
                verifyClient = .required
                state.problem(
                    "\(display) sets auth-tls-verify-client to \"\(other)\", which ingress-nginx does not know (on, off, optional, optional_no_ca); it is read as on.",
                    at: verify?.key.position ?? secret.key.position)
            }
            if let reference = secretReference(secret.text, namespace: namespace) {
                if verify?.text?.lowercased() != "optional_no_ca" && verifyClient != .none {
                    clientCA = (reference, secret.key)
                }
            } else {
                state.problem("\(display) names no Secret in \(prefix)auth-tls-secret.", at: secret.key.position)
            }
        }

        // Server certificates.
        let spec = state.mapping(object.spec, "spec of \(display)")
        for (index, entry) in state.sequence(spec?["tls"], "spec.tls of \(display)").enumerated() {
            let hosts = KubernetesYAML.texts(entry["hosts"])
            guard let pair = entry.pair(forKey: "secretName"), let secretName = KubernetesYAML.text(pair.value) else {
                let served = hosts.isEmpty ? "" : " for \(hosts.joined(separator: ", "))"
                state.problem(
                    "spec.tls[\(index)] of \(display) names no secretName; the ingress controller serves its default certificate\(served), which is not in the repository.",
                    at: entry.position, severity: .note, check: .outsideRepository)
                continue
            }
            let secret = CertificateReference.kubernetesSecret(namespace: namespace, name: secretName)
            state.add(CertificateUsage(
                role: .server, certificate: secret, privateKey: secret, hostnames: hosts, endpoint: display,
                platform: "kubernetes-ingress", installedOn: .loadBalancer, verifyClient: verifyClient, endpointID: endpointID,
                location: state.location(pair.key.position)))
        }
        if let clientCA {
            state.add(CertificateUsage(
                role: .clientCA, certificate: clientCA.reference, endpoint: display, platform: "kubernetes-ingress",
                installedOn: .loadBalancer, verifyClient: verifyClient, endpointID: endpointID,
                location: state.location(clientCA.key.position)))
        }

        // The certificate the controller presents to its backends.
        if let proxy = annotation("proxy-ssl-secret") {
            guard let reference = secretReference(proxy.text, namespace: namespace) else {
                state.problem("\(display) names no Secret in \(prefix)proxy-ssl-secret.", at: proxy.key.position)
                return
            }
            let upstream = "\(display) (to its backends)"
            let upstreamID = endpointID + "/upstream"
            let names = annotation("proxy-ssl-name")?.text.map { [$0] } ?? []
            state.add(CertificateUsage(
                role: .client, certificate: reference, privateKey: reference, hostnames: names, endpoint: upstream,
                platform: "kubernetes-ingress", installedOn: .loadBalancer, endpointID: upstreamID,
                location: state.location(proxy.key.position)))
            if annotation("proxy-ssl-verify")?.text?.lowercased() == "on" {
                state.add(CertificateUsage(
                    role: .serverCA, certificate: reference, hostnames: names, endpoint: upstream, platform: "kubernetes-ingress",
                    installedOn: .loadBalancer, endpointID: upstreamID, location: state.location(proxy.key.position)))
            }
        }
    }

    /// The Secret an annotation value names: `namespace/name`, or `name` in `namespace`.
    static func secretReference(_ value: String?, namespace: String) -> CertificateReference? {
        guard let value, !value.isEmpty else { return nil }
        guard let slash = value.firstIndex(of: "/") else {
            return .kubernetesSecret(namespace: namespace, name: value)
        }
        let ns = KubernetesYAML.trimmed(String(value[..<slash]))
        let name = KubernetesYAML.trimmed(String(value[value.index(after: slash)...]))
        guard !name.isEmpty else { return nil }
        return .kubernetesSecret(namespace: ns.isEmpty ? namespace : ns, name: name)
    }
}
