import CertLintCore
import CertLintYAML

/// Reads Kubernetes manifests: multi-document YAML (or JSON) whose documents are objects with
/// `apiVersion` and `kind`, including `kind: List` and typed lists (`SecretList`) with `items`.
///
/// What each kind gives:
///
/// | kind | gives |
/// |---|---|
/// | `Secret` (`kubernetes.io/tls`, or with `tls.crt`/`ca.crt`), `ConfigMap` with `ca.crt` | a ``NamedSecret``, no usage |
/// | `Ingress` | `server` usages per `spec.tls[]`; ingress-nginx client-auth and proxy-ssl annotations |
/// | Gateway API `Gateway` | `server` usages per listener certificate; `client-ca` usages for client validation |
/// | cert-manager `Certificate` | one usage of its Secret, its role from `spec.usages` |
/// | Istio `Gateway` | `server` and `client-ca` usages per TLS server |
/// | Istio `DestinationRule` | `client` and `server-ca` usages per TLS policy |
/// | OpenShift `Route` | a `server` usage of its inline PEM; `server-ca` for re-encryption |
///
/// The details are documented on ``KubernetesIngress``, ``GatewayAPIGateway``,
/// ``CertManagerCertificate``, ``IstioGateway``, ``IstioDestinationRule``, ``OpenShiftRoute``
/// and ``KubernetesSecretStore``.
///
/// **Secrets as references.** A usage names a Secret with
/// ``CertificateReference/kubernetesSecret(namespace:name:)``; which of the Secret's data it
/// means follows from the slot and the role: as `certificate` of a `server`, `client` or
/// `unknown` usage, its certificate (`tls.crt`); as `certificate` of a `client-ca` or
/// `server-ca` usage, its CA bundle (`ca.crt`, Istio's `cacert`; a ConfigMap's `ca.crt`);
/// as `privateKey`, its key (`tls.key`). So the `client-ca` usage of ingress-nginx's
/// `auth-tls-secret: ns/name` is `.kubernetesSecret(namespace: "ns", name: "name")` with role
/// `client-ca`, and means that Secret's `ca.crt`.
///
/// **Positions.** Every usage is at the key that names its certificate (`secretName`,
/// `credentialName`, an annotation, the `name` of a `certificateRefs` entry). A document that
/// is not valid YAML is an error at the place the YAML reader stopped, and the file's other
/// documents are still read. A shape the reader expects but does not find (`spec.tls` that is
/// not a list) is a warning; what is deliberately not a usage (TLS passthrough, mesh-issued
/// certificates, an Ingress entry served by the default certificate) is a note.
///
/// Namespaces: an object without `metadata.namespace` is taken to be in `default`, except
/// where Istio reads Secrets from its gateway's namespace (see ``IstioGateway``).
public enum KubernetesReader: ManifestReader {
    /// `kubernetes`.
    public static let format = "kubernetes"

    /// The deepest nesting of `List` items read.
    static let maxListDepth = 4

    /// Whether `path` is a `.yaml`, `.yml` or `.json` file whose first 64 KiB mention
    /// `apiVersion` and `kind`. Helm chart templates (files under a `templates/` folder holding
    /// `{{`) are not manifests until rendered, and are declined.
    public static func accepts(path: String, text: String) -> Bool {
        let lower = path.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else { return false }
        let head = String(decoding: text.utf8.prefix(64 << 10), as: UTF8.self)
        guard head.contains("apiVersion"), head.contains("kind") else { return false }
        let inTemplates = lower.hasPrefix("templates/") || lower.contains("/templates/")
        return !(inTemplates && head.contains("{{"))
    }

    /// Reads every document of the file; never throws, never traps.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var state = KubernetesReadState(path: path)
        let stream = ResilientYAMLStream(text)
        for error in stream.errors {
            state.problem(
                "This YAML document cannot be read, so the certificates it names are not checked: \(error.message)",
                at: error.position, severity: .error)
        }
        if stream.isTruncated, let last = stream.errors.last {
            state.problem(
                "More than \(ResilientYAMLStream.maxErrors) documents of this file cannot be read; the rest of the file is not read.",
                at: last.position, severity: .error)
        }
        for document in stream.documents {
            guard let root = document.root else { continue }
            read(root, into: &state)
        }
        IstioGateway.settleCredentialCAs(in: &state)
        return state.contents
    }

    /// Reads one document's root: an object, or a list of objects.
    static func read(_ root: YAMLNode, into state: inout KubernetesReadState) {
        var pending: [(node: YAMLNode, apiVersion: String?, kind: String?, depth: Int)] = [(root, nil, nil, 0)]
        var index = 0
        while index < pending.count {
            let (node, apiVersion, kind, depth) = pending[index]
            index += 1
            guard let object = KubernetesObject(node, defaultAPIVersion: apiVersion, defaultKind: kind) else { continue }
            if let items = object.node["items"]?.sequence, object.kind.hasSuffix("List") {
                guard depth < maxListDepth else {
                    state.problem("This \(object.kind) is nested more than \(maxListDepth) lists deep; its items are not read.", at: node.position)
                    continue
                }
                // A typed list (`SecretList`) may leave `kind` out of its items.
                let itemKind = object.kind == "List" ? nil : String(object.kind.dropLast(4))
                for item in items { pending.append((item, itemKind == nil ? nil : object.apiVersion, itemKind, depth + 1)) }
                continue
            }
            interpret(object, into: &state)
        }
    }

    /// Reads one object according to its group and kind.
    static func interpret(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        switch (object.group, object.kind) {
        case ("", "Secret"):
            KubernetesSecretStore.readSecret(object, into: &state)
        case ("", "ConfigMap"):
            KubernetesSecretStore.readConfigMap(object, into: &state)
        case ("networking.k8s.io", "Ingress"), ("extensions", "Ingress"):
            KubernetesIngress.read(object, into: &state)
        case ("gateway.networking.k8s.io", "Gateway"):
            GatewayAPIGateway.read(object, into: &state)
        case ("cert-manager.io", "Certificate"), ("certmanager.k8s.io", "Certificate"):
            CertManagerCertificate.read(object, into: &state)
        case ("networking.istio.io", "Gateway"):
            IstioGateway.read(object, into: &state)
        case ("networking.istio.io", "DestinationRule"):
            IstioDestinationRule.read(object, into: &state)
        case ("route.openshift.io", "Route"):
            OpenShiftRoute.read(object, into: &state)
        default:
            break
        }
    }
}
