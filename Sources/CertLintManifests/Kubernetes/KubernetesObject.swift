import CertLintYAML

/// One Kubernetes object of a manifest: a mapping with `apiVersion` and `kind`, with the
/// parts every interpreter needs (group, name, namespace) read once.
struct KubernetesObject: Sendable {
    /// The object's mapping.
    let node: YAMLNode
    /// `apiVersion` as written (`networking.k8s.io/v1`, `v1`).
    let apiVersion: String
    /// `kind` as written.
    let kind: String
    /// `metadata.name` (or `generateName`), or `(unnamed)`.
    let name: String
    /// `metadata.namespace` when the manifest gives one; `kubectl apply -n` decides otherwise.
    let namespace: String?
    /// The `name` key under `metadata`, if written.
    let nameKey: YAMLNode?

    /// The API group: what comes before the `/` of `apiVersion`, or "" for the core group (`v1`).
    var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// `metadata`.
    var metadata: YAMLNode? { node["metadata"] }
    /// `spec`.
    var spec: YAMLNode? { node["spec"] }

    /// `namespace/name`, with the namespace a reference would assume.
    func displayName(defaultNamespace: String = "default") -> String {
        "\(namespace ?? defaultNamespace)/\(name)"
    }

    /// Reads an object from a mapping; `nil` when it lacks `apiVersion` or `kind` (and the
    /// defaults, used for the items of a typed list such as `SecretList`, do not supply them).
    init?(_ node: YAMLNode, defaultAPIVersion: String? = nil, defaultKind: String? = nil) {
        guard node.isMapping,
            let apiVersion = KubernetesYAML.text(node["apiVersion"]) ?? defaultAPIVersion,
            let kind = KubernetesYAML.text(node["kind"]) ?? defaultKind
        else { return nil }
        self.node = node
        self.apiVersion = apiVersion
        self.kind = kind
        let metadata = node["metadata"]
        nameKey = metadata?.pair(forKey: "name")?.key
        name = KubernetesYAML.text(metadata?["name"]) ?? KubernetesYAML.text(metadata?["generateName"]) ?? "(unnamed)"
        namespace = KubernetesYAML.text(metadata?["namespace"])
    }
}
