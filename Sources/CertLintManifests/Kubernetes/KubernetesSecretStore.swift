import CertLintYAML

/// Secrets and CA ConfigMaps: stores of certificates. They give ``NamedSecret``s and no
/// usage — a store says nothing of how its certificate is used; the Ingress, Gateway or
/// cert-manager Certificate that names it does.
///
/// A Secret is read when its `type` is `kubernetes.io/tls` or when it holds certificate keys:
/// `tls.crt`, `ca.crt`, or Istio's generic `cert` with `key`, or `cacert`. `data` values are
/// ``CertificateReference/base64(_:)``, `stringData` values (which win over `data`, as the
/// API server merges them) are ``CertificateReference/inline(_:)``. Values encrypted by SOPS
/// (`ENC[…]`) are not references. A ConfigMap with a `ca.crt` key (the shape Gateway API's
/// `caCertificateRefs` and trust-manager use) is read as a store whose only data is its CA.
///
/// The secret's location is the key of its certificate data (`tls.crt`, else `ca.crt`), since
/// that is the line a certificate finding belongs to; without data, its `metadata.name`.
enum KubernetesSecretStore {
    /// The keys of certificate data, in order of preference.
    static let certificateKeys = ["tls.crt", "cert"]
    /// The keys of CA data, in order of preference.
    static let caKeys = ["ca.crt", "cacert"]
    /// The keys of private keys, in order of preference.
    static let privateKeyKeys = ["tls.key", "key"]

    /// One value of a store: the reference and the key that holds it.
    struct Entry {
        var reference: CertificateReference?
        var key: YAMLNode
    }

    /// Reads a `v1` Secret.
    static func readSecret(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let type = KubernetesYAML.text(object.node["type"])
        let data = state.mapping(object.node["data"], "data of Secret \(object.displayName())")
        let stringData = state.mapping(object.node["stringData"], "stringData of Secret \(object.displayName())")
        func entry(_ keys: [String]) -> Entry? {
            for key in keys {
                if let pair = stringData?.pair(forKey: key) {
                    return Entry(reference: reference(pair.value, make: CertificateReference.inline), key: pair.key)
                }
                if let pair = data?.pair(forKey: key) {
                    return Entry(reference: reference(pair.value, make: CertificateReference.base64), key: pair.key)
                }
            }
            return nil
        }
        let certificate = entry(certificateKeys)
        let ca = entry(caKeys)
        let privateKey = entry(privateKeyKeys)
        let hasCertificateKeys =
            entry(["tls.crt"]) != nil || ca != nil || (entry(["cert"]) != nil && privateKey != nil)
        guard type == "kubernetes.io/tls" || hasCertificateKeys else { return }
        let position = certificate?.key.position ?? ca?.key.position ?? object.nameKey?.position ?? object.node.position
        state.contents.secrets.append(NamedSecret(
            namespace: object.namespace ?? "default", name: object.name,
            certificate: certificate?.reference, ca: ca?.reference, privateKey: privateKey?.reference,
            location: state.location(position), privateKeyLocation: privateKey.map { state.location($0.key.position) }))
    }

    /// Reads a `v1` ConfigMap that holds a `ca.crt`.
    static func readConfigMap(_ object: KubernetesObject, into state: inout KubernetesReadState) {
        let entry: Entry?
        if let pair = object.node["data"]?.pair(forKey: "ca.crt") {
            entry = Entry(reference: reference(pair.value, make: CertificateReference.inline), key: pair.key)
        } else if let pair = object.node["binaryData"]?.pair(forKey: "ca.crt") {
            entry = Entry(reference: reference(pair.value, make: CertificateReference.base64), key: pair.key)
        } else {
            entry = nil
        }
        guard let entry else { return }
        state.contents.secrets.append(NamedSecret(
            namespace: object.namespace ?? "default", name: object.name, certificate: nil, ca: entry.reference, privateKey: nil,
            location: state.location(entry.key.position)))
    }

    /// The reference a value makes: `nil` for an empty value (a placeholder filled at deploy
    /// time) or a SOPS-encrypted one.
    private static func reference(_ value: YAMLNode, make: (String) -> CertificateReference) -> CertificateReference? {
        guard let text = KubernetesYAML.text(value), !text.hasPrefix("ENC[") else { return nil }
        return make(text)
    }
}
