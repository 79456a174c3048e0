import CertLintYAML

/// Istio `DestinationRule` (`networking.istio.io`): how workloads call `spec.host`.
///
/// Every `tls` block is read — `trafficPolicy.tls`, `trafficPolicy.portLevelSettings[].tls`
/// and the same under each of `subsets[]` — as an endpoint of the calling side, serving
/// nothing; its hostnames are the server called (`sni`, else `host`), which lets the
/// resolver pair a client certificate with the server that verifies it.
///
/// - `mode: MUTUAL` → a `client` usage (`clientCertificate` with `privateKey` file paths, or
///   the `credentialName` Secret) and a `server-ca` usage (`caCertificates`, or the
///   `credentialName` Secret's `ca.crt`/`cacert`).
/// - `mode: SIMPLE` → the `server-ca` usage only.
/// - `insecureSkipVerify: true` verifies nothing: no `server-ca` usage.
/// - `ISTIO_MUTUAL` → certificates issued by the mesh, nothing in the repository: a note.
///
/// `credentialName` Secrets are looked up as for ``IstioGateway``: in the rule's namespace
/// when the manifest gives one, otherwise `istio-system`.
enum IstioDestinationRule {
    /// One `tls` block and where it applies.
    struct Policy {
        var tls: YAMLNode
        var subset: String?
        var port: String?
    }

    /// Reads a DestinationRule.
    static func read(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let secretNamespace = object.namespace ?? "istio-system"
        let display = "Istio DestinationRule " + (object.namespace.map { "\($0)/\(object.name)" } ?? object.name)
        guard let spec = state.mapping(object.spec, "spec of \(display)") else { return }
        let host = KubernetesYAML.text(spec["host"])
        var policies: [Policy] = []
        func collect(_ trafficPolicy: YAMLNode?, subset: String?) {
            guard let trafficPolicy, trafficPolicy.isMapping else { return }
            if let tls = trafficPolicy["tls"], tls.isMapping { policies.append(Policy(tls: tls, subset: subset, port: nil)) }
            for setting in KubernetesYAML.items(trafficPolicy["portLevelSettings"]) {
                if let tls = setting["tls"], tls.isMapping {
                    policies.append(Policy(tls: tls, subset: subset, port: KubernetesYAML.text(setting["port"]?["number"])))
                }
            }
        }
        collect(spec["trafficPolicy"], subset: nil)
        for subset in KubernetesYAML.items(spec["subsets"]) {
            collect(subset["trafficPolicy"], subset: KubernetesYAML.text(subset["name"]) ?? "?")
        }

        for policy in policies {
            let tls = policy.tls
            var target = host ?? "its host"
            if let port = policy.port { target += ":\(port)" }
            var endpoint = "\(display) (calling \(target))"
            if let subset = policy.subset { endpoint = "\(display) subset \(subset) (calling \(target))" }
            let endpointID = "istio-destinationrule:\(secretNamespace)/\(object.name)/\(policy.subset ?? "")/\(policy.port ?? "")"
            let names = (KubernetesYAML.text(tls["sni"]) ?? host).map { [$0] } ?? []
            let modePosition = KubernetesYAML.keyPosition("mode", in: tls, or: tls)
            let mode = KubernetesYAML.text(tls["mode"])?.uppercased() ?? "DISABLE"
            switch mode {
            case "DISABLE":
                continue
            case "ISTIO_MUTUAL":
                state.problem(
                    "\(endpoint) uses certificates issued by the mesh (tls.mode: ISTIO_MUTUAL); they are not in the repository.",
                    at: modePosition, severity: .note, check: .outsideRepository)
                continue
            case "SIMPLE", "MUTUAL":
                break
            default:
                state.problem(
                    "\(endpoint) sets tls.mode to \"\(mode)\", which Istio does not know (DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL).",
                    at: modePosition)
                continue
            }
            let credential = tls.pair(forKey: "credentialName")
            let secret = credential.flatMap { KubernetesYAML.text($0.value) }.map {
                CertificateReference.kubernetesSecret(namespace: secretNamespace, name: $0)
            }

            func usage(_ role: CertificateUsage.Role, _ certificate: CertificateReference, key: CertificateReference? = nil, at position: YAMLPosition)
                -> CertificateUsage
            {
                CertificateUsage(
                    role: role, certificate: certificate, privateKey: key, hostnames: names, endpoint: endpoint, platform: "istio",
                    installedOn: .application, endpointID: endpointID, location: state.location(position))
            }
            if mode == "MUTUAL" {
                if let pair = tls.pair(forKey: "clientCertificate"), let path = KubernetesYAML.text(pair.value) {
                    let key = KubernetesYAML.text(tls["privateKey"]).map { CertificateReference.file(path: $0, base: state.base) }
                    state.add(usage(.client, .file(path: path, base: state.base), key: key, at: pair.key.position))
                } else if let credential, let secret {
                    state.add(usage(.client, secret, key: secret, at: credential.key.position))
                } else {
                    state.problem(
                        "\(endpoint) calls with mutual TLS (tls.mode: MUTUAL) but names no clientCertificate or credentialName.", at: modePosition)
                }
            }
            if tls["insecureSkipVerify"]?.boolValue == true { continue }
            if let pair = tls.pair(forKey: "caCertificates"), let path = KubernetesYAML.text(pair.value) {
                state.add(usage(.serverCA, .file(path: path, base: state.base), at: pair.key.position))
            } else if let credential, let secret {
                state.add(usage(.serverCA, secret, at: credential.key.position))
            }
        }
    }
}
