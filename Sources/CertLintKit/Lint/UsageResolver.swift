import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintManifests
import CertLintPolicy
import CertLintX509

/// Turns the usages that manifests declare into the usage subjects rules run over: each
/// reference resolved to certificates of the repository, each served bundle analysed as a
/// chain, and the endpoints of the repository paired for mutual TLS.
///
/// A reference resolves by its kind: a file relative to its base (an absolute path by the
/// longest matching tail among the repository's files, since servers name `/etc/nginx/…`
/// where repositories hold `deploy/nginx/…`), PEM or base64 written in the manifest, a SHA-1
/// thumbprint among the repository's certificates, a Kubernetes Secret among the Secrets the
/// manifests define. A file that does not exist is an error at the manifest line; something
/// outside the repository (a thumbprint of a store, a Secret made at deploy time) is a note.
struct UsageResolver {
    /// The certificates read so far; certificates written in manifests are added.
    var certificates: CertificateTable
    /// Every file of the repository that was listed (relative paths).
    let files: Set<String>
    /// The same files by their last path component.
    let filesByName: [Substring: [String]]
    let now: DERTime
    /// Findings about references, roles and manifests.
    var findings: [Finding] = []
    /// Every certificate at every place, for `certlint inventory`.
    var placements: [Placement] = []
    /// The usages whose certificate could not be resolved, and why.
    var unresolved: [(usage: CertificateUsage, reason: String)] = []

    /// One certificate at one place.
    struct Placement {
        let certificate: CertificateFacts
        let usage: CertificateUsage
        /// The chain served there (for server and client certificates).
        let chain: ChainFacts.Analysis?
        let mtls: Bool
    }

    /// One usage with its references resolved.
    struct Resolved {
        let usage: CertificateUsage
        /// The certificates served (or the bundle, for CA roles), in the order served.
        let served: [CertificateFacts]
        /// Where the certificates came from when that is not the usage's own line (a Secret).
        let related: [RelatedLocation]
    }

    /// The result of resolving one reference.
    enum Reference {
        /// Certificates, with the places they were found when that is another manifest.
        case certificates([CertificateFacts], related: [RelatedLocation])
        /// Nothing to lint, for a reason already reported (or none to report).
        case none
    }

    init(certificates: CertificateTable, files: [String], now: DERTime) {
        self.certificates = certificates
        self.files = Set(files)
        self.filesByName = Dictionary(grouping: files) { $0.split(separator: "/").last ?? "" }
        self.now = now
    }

    // MARK: Resolving

    /// Resolves every usage and builds the usage subjects.
    mutating func resolve(_ usages: [CertificateUsage], secrets: [NamedSecret]) -> [SubjectInstance] {
        var secretsByName: [String: NamedSecret] = [:]
        for secret in secrets where secretsByName["\(secret.namespace)/\(secret.name)"] == nil {
            secretsByName["\(secret.namespace)/\(secret.name)"] = secret
            // A Secret's certificates are the repository's, linted whether or not they are used.
            for reference in [secret.certificate, secret.ca].compactMap({ $0 }) {
                _ = embedded(reference, at: secret.location, what: "The Secret \(secret.namespace)/\(secret.name)")
            }
        }
        allUsages = usages
        var resolved: [Resolved] = []
        for usage in usages {
            if usage.role == .unknown {
                report(
                    "role-unknown", .note, at: usage.location,
                    "\(usage.endpoint) installs a certificate but the manifest does not say whether it is a server or a client certificate\(usage.note.map { " (\($0))" } ?? ""); certlint checks it as a certificate only.",
                    key: "role|\(usage.endpointID)")
            }
            let findingsBefore = findings.count
            guard case .certificates(var served, var related) = resolve(usage.certificate, for: usage, secrets: secretsByName) else {
                unresolved.append((usage, findings.count > findingsBefore ? findings[findings.count - 1].message : Self.unresolvedReason(usage.certificate)))
                continue
            }
            if let chain = usage.chain, case .certificates(let more, let places) = resolve(chain, for: usage, secrets: secretsByName) {
                served += more
                related += places
            }
            if served.isEmpty { continue }
            resolved.append(Resolved(usage: usage, served: served, related: related))
        }
        return instances(resolved)
    }

    /// Resolves one reference of `usage`.
    mutating func resolve(_ reference: CertificateReference, for usage: CertificateUsage, secrets: [String: NamedSecret]) -> Reference {
        switch reference {
        case .file(let path, let base), .keystore(let path, let base, _):
            guard let found = locate(path, base: base) else {
                let looked = path.hasPrefix("/") ? path : Repository.normalize(base + "/" + path)
                if path.hasPrefix("/") {
                    report(
                        "reference-outside-repository", .note, at: usage.location,
                        "\(Self.what(usage)) is \(path), which is not in the repository; certlint cannot check it.",
                        key: "outside|\(path)")
                } else {
                    report(
                        "reference-missing", .error, at: usage.location,
                        "\(Self.what(usage)) is \(path), which does not exist in the repository\(looked == path ? "" : " (looked for \(looked))").",
                        key: "missing|\(path)")
                }
                return .none
            }
            if case .keystore = reference, certificates.byFile[found]?.isEmpty ?? true {
                // A keystore certlint could not open is reported once, as a keystore (the
                // keystore pack); the place is listed by `certlint inventory` as unresolved.
                return .none
            }
            if case .keystore(_, _, let alias) = reference, let entries = certificates.keystoreEntries[found] {
                return keystoreCertificates(entries, alias: alias, file: found, for: usage)
            }
            guard let facts = certificates.byFile[found], !facts.isEmpty else {
                report(
                    "reference-unreadable", .error, at: usage.location,
                    "\(Self.what(usage)) is \(found), which holds no readable certificate.",
                    related: [RelatedLocation(location: SourceLocation(path: found), message: "the file")],
                    key: "unreadable|\(found)")
                return .none
            }
            let related = found == usage.location.path ? [] : [RelatedLocation(location: facts[0].source.location, message: "the certificate")]
            return .certificates(facts, related: related)
        case .inline, .base64:
            // Linted where it is written: at the usage, or where the manifest embeds it.
            let place = reference == usage.certificate ? usage.embeddedAt ?? usage.location : usage.location
            let facts = embedded(reference, at: place, what: Self.what(usage))
            let related = place == usage.location ? [] : [RelatedLocation(location: place, message: "the certificate")]
            return facts.isEmpty ? .none : .certificates(facts, related: related)
        case .thumbprint(let hex):
            let wanted = hex.lowercased().filter(\.isHexDigit)
            guard let match = certificates.byThumbprint(wanted) else {
                report(
                    "reference-outside-repository", .note, at: usage.location,
                    "\(Self.what(usage)) has the SHA-1 thumbprint \(wanted), which no certificate in the repository has; certlint cannot check it.",
                    key: "thumbprint|\(wanted)")
                return .none
            }
            return .certificates([match], related: [RelatedLocation(location: match.source.location, message: "the certificate with that thumbprint")])
        case .kubernetesSecret(let namespace, let name):
            guard let secret = secrets["\(namespace)/\(name)"] else {
                report(
                    "reference-outside-repository", .note, at: usage.location,
                    "\(Self.what(usage)) is in the Secret \(namespace)/\(name), which no manifest in the repository defines; certlint cannot check it.",
                    key: "secret|\(namespace)/\(name)")
                return .none
            }
            let isCA = usage.role == .clientCA || usage.role == .serverCA
            guard let data = isCA ? (secret.ca ?? secret.certificate) : secret.certificate else {
                // cert-manager and the like fill the Secret at deploy time.
                return .none
            }
            let here = RelatedLocation(location: secret.location, message: "the Secret \(namespace)/\(name)")
            switch data {
            case .inline, .base64:
                let facts = embedded(data, at: secret.location, what: "The Secret \(namespace)/\(name)")
                return facts.isEmpty ? .none : .certificates(facts, related: [here])
            default:
                switch resolve(data, for: usage, secrets: [:]) {
                case .certificates(let facts, let related): return .certificates(facts, related: [here] + related)
                case .none: return .none
                }
            }
        case .external:
            return .none
        }
    }

    /// The repository file a path names: relative to `base`, or for an absolute path, the
    /// repository file with the longest common tail (at least the file name), when only one has it.
    func locate(_ path: String, base: String) -> String? {
        if !path.hasPrefix("/") {
            let joined = Repository.normalize(base + "/" + path)
            return files.contains(joined) ? joined : nil
        }
        let direct = Repository.normalize(path)
        if files.contains(direct) { return direct }
        let parts = direct.split(separator: "/")
        guard let name = parts.last else { return nil }
        var best: [String] = []
        var bestLength = 0
        for file in filesByName[name] ?? [] {
            let fileParts = file.split(separator: "/")
            var length = 0
            while length < min(parts.count, fileParts.count), parts[parts.count - 1 - length] == fileParts[fileParts.count - 1 - length] { length += 1 }
            if length > bestLength {
                best = [file]
                bestLength = length
            } else if length == bestLength {
                best.append(file)
            }
        }
        return best.count == 1 ? best[0] : nil
    }

    /// The certificates of PEM or base64 text written in a manifest, each registered as a
    /// certificate of the repository at `location`; a value that holds none is reported.
    mutating func embedded(_ reference: CertificateReference, at location: SourceLocation, what: String) -> [CertificateFacts] {
        let key = EmbeddedKey(reference: reference, location: location)
        if let known = embeddedValues[key] { return known }
        let found = decodeEmbedded(reference, at: location, what: what)
        embeddedValues[key] = found
        return found
    }

    /// A value written in a manifest, at its place (a Secret's data is read once however many usages name it).
    struct EmbeddedKey: Hashable {
        let reference: CertificateReference
        let location: SourceLocation
    }

    private var embeddedValues: [EmbeddedKey: [CertificateFacts]] = [:]

    private mutating func decodeEmbedded(_ reference: CertificateReference, at location: SourceLocation, what: String) -> [CertificateFacts] {
        let bytes: [UInt8]
        switch reference {
        case .inline(let text):
            bytes = Array(text.utf8)
        case .base64(let text):
            guard let decoded = try? Base64.decode(text) else {
                report("reference-unreadable", .error, at: location, "\(what) holds a certificate value that is not valid base64.", key: "base64|\(location)")
                return []
            }
            bytes = decoded
        default:
            return []
        }
        let found = certificates.register(PKIFile.read(bytes).certificates, at: location, now: now)
        if found.isEmpty {
            report("reference-unreadable", .error, at: location, "\(what) holds a certificate value that is not a readable certificate.", key: "embedded|\(location)")
        }
        return found
    }

    /// What a keystore reference presents: the entry its alias names (Java aliases are
    /// case-insensitive), else, for a certificate the usage presents, the first entry with a
    /// private key; a CA bundle role (a trust store) uses every certificate.
    mutating func keystoreCertificates(
        _ entries: [(alias: String?, isPrivateKey: Bool, facts: [CertificateFacts])], alias: String?, file: String, for usage: CertificateUsage
    ) -> Reference {
        let chosen: [CertificateFacts]
        if let alias {
            guard let entry = entries.first(where: { $0.alias?.lowercased() == alias.lowercased() }) else {
                let known = entries.compactMap(\.alias)
                report(
                    "reference-missing", .error, at: usage.location,
                    "\(Self.what(usage)) is the entry \(alias) of \(file), which has no entry of that alias\(known.isEmpty ? "" : " (it has \(known.joined(separator: ", ")))").",
                    related: [RelatedLocation(location: SourceLocation(path: file), message: "the keystore")],
                    key: "alias|\(file)|\(alias)")
                return .none
            }
            chosen = entry.facts
        } else if usage.role == .clientCA || usage.role == .serverCA {
            chosen = Self.distinct(entries.flatMap(\.facts))
        } else {
            chosen = entries.first(where: \.isPrivateKey)?.facts ?? Self.distinct(entries.flatMap(\.facts))
        }
        guard let first = chosen.first else { return .none }
        let related = file == usage.location.path ? [] : [RelatedLocation(location: first.source.location, message: "the certificate")]
        return .certificates(chosen, related: related)
    }

    /// `facts` without repeats, in order.
    static func distinct(_ facts: [CertificateFacts]) -> [CertificateFacts] {
        var seen: Set<ObjectIdentifier> = []
        return facts.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// Why a reference that raised no finding resolves to nothing.
    static func unresolvedReason(_ reference: CertificateReference) -> String {
        switch reference {
        case .keystore(let path, _, let alias): return "in the keystore \(path)\(alias.map { " (alias \($0))" } ?? ""), which certlint could not open"
        case .external(let what): return "outside the repository: \(what)"
        case .kubernetesSecret(let namespace, let name): return "in the Secret \(namespace)/\(name), filled at deploy time"
        default: return "not resolved"
        }
    }

    /// "The server certificate of nginx server www.example.com:443", for messages about a reference.
    static func what(_ usage: CertificateUsage) -> String {
        if usage.platform == "certlint" { return "The certificate of the deployment" }
        switch usage.role {
        case .server: return "The server certificate of \(usage.endpoint)"
        case .client: return "The client certificate of \(usage.endpoint)"
        case .clientCA: return "The client CA bundle of \(usage.endpoint)"
        case .serverCA: return "The CA bundle \(usage.endpoint) trusts"
        case .unknown: return "The certificate of \(usage.endpoint)"
        }
    }

    mutating func report(
        _ rule: String, _ severity: Severity, at location: SourceLocation, _ message: String, related: [RelatedLocation] = [], key: String
    ) {
        findings.append(Finding(
            ruleID: rule, severity: severity, message: message, location: location, relatedLocations: related,
            fingerprint: "\(rule)|\(location.path)|\(key)"))
    }

    // MARK: Endpoints and subjects

    /// The usage subjects, with each endpoint's mutual TLS worked out.
    mutating func instances(_ resolved: [Resolved]) -> [SubjectInstance] {
        let anchors = ChainAnchors(repository: certificates.all)
        // Endpoints: the usages that share an identity.
        var endpoints: [String: [Int]] = [:]
        for (i, r) in resolved.enumerated() { endpoints[r.usage.endpointID, default: []].append(i) }
        var declaredCA: Set<String> = []
        for r in resolved where r.usage.role == .clientCA { declaredCA.insert(r.usage.endpointID) }
        // Every client-CA declaration counts, resolved or not (a missing file is its own finding).
        for usage in allUsages where usage.role == .clientCA { declaredCA.insert(usage.endpointID) }
        func verify(_ id: String) -> CertificateUsage.VerifyClient {
            let levels = (endpoints[id] ?? []).map { resolved[$0].usage.verifyClient }
            return levels.contains(.required) ? .required : levels.contains(.optional) ? .optional : .none
        }
        func isMTLS(_ id: String) -> Bool { declaredCA.contains(id) && verify(id) != .none }

        // The mTLS endpoints by the hostnames they serve, with their client CA bundles.
        var peers: [String: (endpoint: String, bundle: [CertificateFacts], location: SourceLocation)] = [:]
        for (id, members) in endpoints where isMTLS(id) {
            let bundle = members.filter { resolved[$0].usage.role == .clientCA }.flatMap { resolved[$0].served }
            for m in members where resolved[m].usage.role == .server {
                let caLocation = members.first { resolved[$0].usage.role == .clientCA }.map { resolved[$0].usage.location } ?? resolved[m].usage.location
                for host in resolved[m].usage.hostnames { peers[host.lowercased()] = (resolved[m].usage.endpoint, bundle, caLocation) }
            }
        }

        var output: [SubjectInstance] = []
        for r in resolved {
            let usage = r.usage
            let mtls = isMTLS(usage.endpointID) && (usage.role == .server || usage.role == .clientCA)
            var peer = ""
            var peerTrusts = true
            var related = r.related
            if usage.role == .client, let match = usage.hostnames.lazy.compactMap({ peers[$0.lowercased()] }).first {
                peer = match.endpoint
                peerTrusts = trusts(match.bundle, r.served, anchors: anchors)
                related.append(RelatedLocation(location: match.location, message: "the client CA bundle of \(match.endpoint)"))
            }
            let isBundle = usage.role == .clientCA || usage.role == .serverCA
            let analysis = ChainFacts.analyse(r.served, anchors: anchors)
            // A CA bundle is one subject per certificate in it; a served chain is one subject for its first.
            for (index, cert) in (isBundle ? r.served : [r.served[0]]).enumerated() {
                let record = FactRecord(typeName: "Usage", fields: [
                    "role": .string(usage.role.rawValue), "mtls": .bool(mtls),
                    "hostnames": .list(usage.hostnames.map(CELValue.string)), "endpoint": .string(usage.endpoint),
                    "platform": .string(usage.platform), "installedOn": .string(usage.installedOn.rawValue),
                    "verifyClient": .string(usage.verifyClient.rawValue),
                    "source": FactSource(path: usage.location.path, line: usage.location.line, index: index).value,
                    "hasClientCA": .bool(declaredCA.contains(usage.endpointID)), "peer": .string(peer), "peerTrusts": .bool(peerTrusts),
                ])
                var places = related
                if !places.contains(where: { $0.location.path == cert.source.path && $0.location.line == cert.source.line }) && cert.source.path != usage.location.path {
                    places.append(RelatedLocation(location: cert.source.location, message: isBundle ? "the certificate in the bundle" : "the certificate"))
                }
                certificates.addRole(usage.role.rawValue, to: cert)
                placements.append(Placement(certificate: cert, usage: usage, chain: isBundle ? nil : analysis, mtls: mtls))
                output.append(SubjectInstance(
                    subject: .usage, variables: ["usage": .object(record), "cert": .object(cert), "chain": analysis.value],
                    location: usage.location, related: places, certificate: cert,
                    identity: .certificateAt(cert, "\(usage.location.path):\(usage.location.line ?? 0):\(usage.role.rawValue)")))
            }
        }
        return output
    }

    /// Every usage given to ``resolve(_:secrets:)``, resolved or not.
    private(set) var allUsages: [CertificateUsage] = []

    /// Whether a certificate of `bundle` issued the first of `served`, directly or through
    /// the other served certificates and the repository's intermediates.
    func trusts(_ bundle: [CertificateFacts], _ served: [CertificateFacts], anchors: ChainAnchors) -> Bool {
        guard var current = served.first else { return true }
        for _ in 0..<8 {
            if bundle.contains(where: { $0 === current || ChainFacts.issued(current, by: $0) }) { return true }
            guard let next = served.first(where: { $0 !== current && ChainFacts.issued(current, by: $0) }) ?? anchors.intermediate(issuing: current) else { return false }
            current = next
        }
        return false
    }
}

/// The repository's distinct certificates, by DER, by file, and by SHA-1 thumbprint, with
/// the roles their usages give them.
final class CertificateTable {
    private(set) var all: [CertificateFacts] = []
    private var byDER: [ArraySlice<UInt8>: Int] = [:]
    /// The certificates of each file, in file order (a certificate seen before is the same object).
    private(set) var byFile: [String: [CertificateFacts]] = [:]
    /// Other places each certificate appears.
    private(set) var otherPlaces: [[RelatedLocation]] = []
    private var roles: [ObjectIdentifier: [String]] = [:]
    private var thumbprints: [String: CertificateFacts]?

    /// The entries of each keystore file: alias, whether it holds a private key, its certificates.
    private(set) var keystoreEntries: [String: [(alias: String?, isPrivateKey: Bool, facts: [CertificateFacts])]] = [:]

    /// Records the entries of the keystore `file`.
    func setKeystoreEntries(_ entries: [(alias: String?, isPrivateKey: Bool, facts: [CertificateFacts])], file: String) {
        keystoreEntries[file] = entries
    }

    /// Adds the certificates of a file; returns them (an already known certificate as its first facts).
    @discardableResult
    func add(_ facts: [CertificateFacts], file: String) -> [CertificateFacts] {
        var result: [CertificateFacts] = []
        for f in facts { result.append(intern(f)) }
        byFile[file, default: []] += result
        return result
    }

    /// Registers certificates written in a manifest at `location`.
    func register(_ certs: [Certificate], at location: SourceLocation, now: DERTime) -> [CertificateFacts] {
        certs.enumerated().map { i, cert in
            if let existing = byDER[cert.derBytes] {
                otherPlaces[existing].append(RelatedLocation(location: location, message: "the same certificate"))
                return all[existing]
            }
            return intern(CertificateFacts(cert, source: FactSource(path: location.path, line: location.line, index: i), now: now))
        }
    }

    private func intern(_ facts: CertificateFacts) -> CertificateFacts {
        if let existing = byDER[facts.certificate.derBytes] {
            if all[existing] !== facts {
                otherPlaces[existing].append(RelatedLocation(location: facts.source.location, message: "the same certificate"))
            }
            return all[existing]
        }
        byDER[facts.certificate.derBytes] = all.count
        all.append(facts)
        otherPlaces.append([])
        thumbprints = nil
        return facts
    }

    /// The certificate whose SHA-1 over its DER is `hex` (lowercase).
    func byThumbprint(_ hex: String) -> CertificateFacts? {
        if thumbprints == nil {
            var map: [String: CertificateFacts] = [:]
            for cert in all { map[SHA1.hash(cert.certificate.derBytes).hexString] = cert }
            thumbprints = map
        }
        return thumbprints?[hex]
    }

    func addRole(_ role: String, to cert: CertificateFacts) { roles[ObjectIdentifier(cert), default: []].append(role) }

    /// The roles given to `cert`, one per usage.
    func roles(of cert: CertificateFacts) -> [String] { roles[ObjectIdentifier(cert)] ?? [] }
}
