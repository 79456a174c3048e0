import CertLintYAML

/// Gateway API `Gateway` (`gateway.networking.k8s.io`).
///
/// - Each listener with `protocol: HTTPS` or `TLS` that terminates TLS (`tls.mode` absent or
///   `Terminate`) gives one `server` usage per `tls.certificateRefs[]` entry, serving the
///   listener's `hostname`, at the entry's `name` key. A reference to a core `Secret` (the
///   default kind) is a Kubernetes Secret reference, in the Gateway's namespace unless the
///   entry names one; any other kind is ``CertificateReference/external(_:)``.
/// - `tls.mode: Passthrough` hands TLS to the backend: no usage, a note.
/// - Client certificate validation gives `client-ca` usages on the listener's endpoint, one
///   per `caCertificateRefs[]` entry (a `ConfigMap` or `Secret` with `ca.crt`): the listener's
///   own `tls.frontendValidation` (Gateway API v1.1–v1.3), or the Gateway's
///   `spec.tls.frontend` (`default.validation`, overridden by `perPort[]` for the listeners on
///   that port), which applies to HTTPS listeners. `mode: AllowInsecureFallback` makes
///   `verifyClient` optional; otherwise it is required.
enum GatewayAPIGateway {
    /// A client validation block and what it requires.
    struct Validation {
        var refs: [YAMLNode]
        var verify: CertificateUsage.VerifyClient
    }

    /// Reads a Gateway.
    static func read(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let namespace = object.namespace ?? "default"
        let display = "Gateway \(namespace)/\(object.name)"
        guard let spec = state.mapping(object.spec, "spec of \(display)") else { return }
        let frontend = state.mapping(spec["tls"]?["frontend"], "spec.tls.frontend of \(display)")
        let defaultValidation = validation(frontend?["default"]?["validation"], state: &state, what: "spec.tls.frontend.default.validation of \(display)")
        var perPort: [String: Validation] = [:]
        for entry in state.sequence(frontend?["perPort"], "spec.tls.frontend.perPort of \(display)") {
            guard let port = KubernetesYAML.text(entry["port"]) else { continue }
            if let found = validation(entry["tls"]?["validation"], state: &state, what: "spec.tls.frontend.perPort validation of \(display)") {
                perPort[port] = found
            }
        }

        for (index, listener) in state.sequence(spec["listeners"], "spec.listeners of \(display)").enumerated() {
            let protocolName = KubernetesYAML.text(listener["protocol"])?.uppercased() ?? ""
            guard protocolName == "HTTPS" || protocolName == "TLS" else { continue }
            let listenerName = KubernetesYAML.text(listener["name"]) ?? "\(index)"
            let port = KubernetesYAML.text(listener["port"])
            let endpoint = "\(display) listener \(listenerName)" + (port.map { " (port \($0))" } ?? "")
            let endpointID = "gateway-api:\(namespace)/\(object.name)/\(listenerName)"
            let hostnames = KubernetesYAML.text(listener["hostname"]).map { [$0] } ?? []
            let tls = state.mapping(listener["tls"], "tls of \(endpoint)")
            let mode = KubernetesYAML.text(tls?["mode"]) ?? "Terminate"
            if mode.lowercased() == "passthrough" {
                state.problem(
                    "\(endpoint) passes TLS through to its backends (tls.mode: Passthrough); the certificate is the backend's, so there is nothing here to check.",
                    at: KubernetesYAML.keyPosition("mode", in: tls, or: listener), severity: .note)
                continue
            }
            let own = validation(tls?["frontendValidation"], state: &state, what: "tls.frontendValidation of \(endpoint)")
            let gatewayLevel = protocolName == "HTTPS" ? (port.flatMap { perPort[$0] } ?? defaultValidation) : nil
            let clientValidation = own ?? gatewayLevel
            let verify = clientValidation?.verify ?? .none

            let refs = state.sequence(tls?["certificateRefs"], "tls.certificateRefs of \(endpoint)")
            if refs.isEmpty {
                state.problem(
                    "\(endpoint) terminates TLS but names no tls.certificateRefs; its certificate comes from elsewhere (the implementation's options), which certlint cannot see.",
                    at: tls?.position ?? listener.position, severity: .note)
            }
            for ref in refs {
                guard let found = resolve(ref, namespace: namespace, kind: "Secret") else { continue }
                let (reference, position) = found
                var privateKey: CertificateReference?
                if case .kubernetesSecret = reference { privateKey = reference }
                state.add(CertificateUsage(
                    role: .server, certificate: reference, privateKey: privateKey, hostnames: hostnames, endpoint: endpoint,
                    platform: "gateway-api", installedOn: .loadBalancer, verifyClient: verify, endpointID: endpointID,
                    location: state.location(position)))
            }
            for ref in clientValidation?.refs ?? [] {
                guard let found = resolve(ref, namespace: namespace, kind: "ConfigMap") else { continue }
                let (reference, position) = found
                state.add(CertificateUsage(
                    role: .clientCA, certificate: reference, endpoint: endpoint, platform: "gateway-api", installedOn: .loadBalancer,
                    verifyClient: verify, endpointID: endpointID, location: state.location(position)))
            }
        }
    }

    /// A validation block (`caCertificateRefs`, `mode`), or `nil` when absent or empty.
    static func validation(_ node: YAMLNode?, state: inout KubernetesReadState, what: String) -> Validation? {
        guard let node = state.mapping(node, what) else { return nil }
        let refs = state.sequence(node["caCertificateRefs"], "caCertificateRefs of \(what)")
        guard !refs.isEmpty else { return nil }
        let mode = KubernetesYAML.text(node["mode"])?.lowercased()
        return Validation(refs: refs, verify: mode == "allowinsecurefallback" ? .optional : .required)
    }

    /// What one object reference (`group`, `kind`, `name`, `namespace`) points at, and the
    /// position of its `name` key; `nil` without a name.
    ///
    /// Core Secrets and ConfigMaps are Kubernetes Secret references (both are read as stores
    /// by ``KubernetesSecretStore``); other kinds are outside what certlint reads.
    static func resolve(_ ref: YAMLNode, namespace: String, kind defaultKind: String) -> (CertificateReference, YAMLPosition)? {
        guard let name = KubernetesYAML.text(ref["name"]) else { return nil }
        let position = KubernetesYAML.keyPosition("name", in: ref, or: ref)
        let group = KubernetesYAML.text(ref["group"]) ?? ""
        let kind = KubernetesYAML.text(ref["kind"]) ?? defaultKind
        let ns = KubernetesYAML.text(ref["namespace"]) ?? namespace
        if (group.isEmpty || group == "core") && (kind == "Secret" || kind == "ConfigMap") {
            return (.kubernetesSecret(namespace: ns, name: name), position)
        }
        let qualified = group.isEmpty ? kind : "\(kind).\(group)"
        return (.external("\(qualified) \(ns)/\(name)"), position)
    }
}
