import CertLintCore
import CertLintYAML

/// What the Kubernetes reader has found so far in one file, and how it says where.
struct KubernetesReadState: Sendable {
    /// The manifest's path, relative to the repository root.
    let path: String
    /// The manifest's folder relative to the repository root ("" at the root): the base of the
    /// file paths a manifest names (Istio's `serverCertificate`).
    let base: String
    /// The usages, secrets and problems found so far.
    var contents = ManifestContents()
    /// The `client-ca` usages that Istio reads from a `credentialName` Secret, by index in
    /// ``contents``: Istio takes that Secret's `ca.crt` or a `<name>-cacert` Secret, decided
    /// once every Secret of the file is known.
    var istioCredentialCAs: [Int] = []

    /// Creates the state for the manifest at `path`.
    init(path: String) {
        self.path = path
        if let slash = path.lastIndex(of: "/") {
            base = String(path[..<slash])
        } else {
            base = ""
        }
    }

    /// The location of a position of this manifest.
    func location(_ position: YAMLPosition) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }

    /// Adds a usage.
    mutating func add(_ usage: CertificateUsage) {
        contents.usages.append(usage)
    }

    /// Reports a problem at `position`.
    mutating func problem(
        _ message: String, at position: YAMLPosition, severity: Severity = .warning, check: ManifestProblem.Check = .invalid
    ) {
        contents.problems.append(ManifestProblem(location: location(position), message: message, severity: severity, check: check))
    }

    /// The entries of `node`, reporting it when it is there but is not a sequence.
    mutating func sequence(_ node: YAMLNode?, _ what: String) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            problem("\(what) is \(node.kindDescription); a list is expected, so it is not read.", at: node.position)
            return []
        }
        return items
    }

    /// `node` when it is a mapping, reporting it when it is there but is something else.
    mutating func mapping(_ node: YAMLNode?, _ what: String) -> YAMLNode? {
        guard let node, !node.isNull else { return nil }
        guard node.isMapping else {
            problem("\(what) is \(node.kindDescription); a mapping is expected, so it is not read.", at: node.position)
            return nil
        }
        return node
    }
}
