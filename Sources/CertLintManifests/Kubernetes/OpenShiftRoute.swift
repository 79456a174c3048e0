import CertLintYAML

/// OpenShift `Route` (`route.openshift.io`), whose `spec.tls` holds PEM text itself.
///
/// - `termination: edge` or `reencrypt` with `certificate` → a `server` usage of that PEM
///   (``CertificateReference/inline(_:)``), its `key` as the private key and its
///   `caCertificate` (the intermediates the router sends) as the chain, serving `spec.host`,
///   at the `certificate` key. Without `certificate`, the router's default certificate serves
///   the host: a note, no usage.
/// - `reencrypt` with `destinationCACertificate` → a `server-ca` usage: the bundle the router
///   verifies the backend with, on a separate endpoint.
/// - `passthrough` → the backend's certificate: a note, no usage.
enum OpenShiftRoute {
    /// Reads a Route.
    static func read(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let namespace = object.namespace ?? "default"
        let display = "Route \(namespace)/\(object.name)"
        let endpointID = "openshift-route:\(namespace)/\(object.name)"
        guard let spec = state.mapping(object.spec, "spec of \(display)"),
            let tls = state.mapping(spec["tls"], "spec.tls of \(display)")
        else { return }
        let hosts = KubernetesYAML.text(spec["host"]).map { [$0] } ?? []
        let termination = KubernetesYAML.text(tls["termination"])?.lowercased() ?? ""
        let terminationPosition = KubernetesYAML.keyPosition("termination", in: tls, or: tls)
        switch termination {
        case "passthrough":
            state.problem(
                "\(display) passes TLS through to its backend (termination: passthrough); the certificate is the backend's, so there is nothing here to check.",
                at: terminationPosition, severity: .note)
            return
        case "edge", "reencrypt":
            break
        default:
            state.problem(
                "\(display) sets spec.tls.termination to \"\(termination)\"; OpenShift knows edge, reencrypt and passthrough.",
                at: terminationPosition)
            return
        }
        if let pair = tls.pair(forKey: "certificate"), let pem = KubernetesYAML.text(pair.value) {
            state.add(CertificateUsage(
                role: .server, certificate: .inline(pem), privateKey: KubernetesYAML.text(tls["key"]).map(CertificateReference.inline),
                chain: KubernetesYAML.text(tls["caCertificate"]).map(CertificateReference.inline), hostnames: hosts, endpoint: display,
                platform: "openshift-route", installedOn: .loadBalancer, endpointID: endpointID, location: state.location(pair.key.position)))
        } else {
            let served = hosts.isEmpty ? "" : " for \(hosts.joined(separator: ", "))"
            state.problem(
                "\(display) terminates TLS without a certificate of its own; the router serves its default certificate\(served), which is not in the repository.",
                at: terminationPosition, severity: .note, check: .outsideRepository)
        }
        if termination == "reencrypt", let pair = tls.pair(forKey: "destinationCACertificate"), let pem = KubernetesYAML.text(pair.value) {
            state.add(CertificateUsage(
                role: .serverCA, certificate: .inline(pem), endpoint: "\(display) (to its backend)", platform: "openshift-route",
                installedOn: .loadBalancer, endpointID: endpointID + "/backend", location: state.location(pair.key.position)))
        }
    }
}
