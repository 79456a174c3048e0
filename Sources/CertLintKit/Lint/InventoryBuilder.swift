import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintKeystores
import CertLintManifests
import CertLintPolicy
import CertLintX509
import Dispatch
import Foundation

/// Reads the repository's certificate, key and keystore files and the configuration's
/// deployments, and builds the facts the rules run over.
struct InventoryBuilder {
    let repository: Repository
    let configuration: Configuration
    let now: DERTime
    /// Where keystore passwords come from.
    var passwords: KeystorePasswords = .none
    /// The progress line, on a terminal.
    var progress: ProgressLine?

    /// What was read: the facts, the totals, and problems found before any rule ran
    /// (a deployment naming a missing file, say).
    struct Output {
        var inventory = FactInventory()
        var files = 0
        var certificates = 0
        var usages = 0
        var findings: [Finding] = []
        /// The text of every file read, for inline suppressions.
        var texts: [String: String] = [:]
        /// The number of manifests read.
        var manifests = 0
        /// The certificates, for `certlint inventory`.
        var table = CertificateTable()
        /// Every certificate at every place it is used.
        var placements: [UsageResolver.Placement] = []
        /// The places whose certificate is not in the repository, and why.
        var unresolved: [(usage: CertificateUsage, reason: String)] = []
    }

    /// One file's contents, read.
    struct ReadFile: Sendable {
        let path: String
        let bytes: [UInt8]
        let file: PKIFile
    }

    /// What reading one path gave: its certificates, keys and bundles with the facts of each
    /// certificate (built on whichever core read the file), what it says as a manifest, and
    /// its text when it is text.
    struct Reading: Sendable {
        var pki: ReadFile?
        var facts: [CertificateFacts] = []
        var manifest: ManifestContents?
        var text: String?
        /// The size of a certificate file too large to read.
        var tooLarge: Int?
        /// What opening the file as a keystore gave, when it is one.
        var keystore: KeystoreOutcome?

        static let skipped = Reading()
    }

    /// Reads one path: its contents, classified, the facts of its certificates, and its
    /// usages when it is a manifest.
    func read(_ path: String, scanner: ManifestScanner) -> Reading {
        let ext = Repository.fileExtension(path)
        let named = Repository.certificateExtensions.contains(ext)
        let mayHoldPEM = !Repository.sourceExtensions.contains(ext)
        let mayBeManifest = ManifestScanner.mayRead(extension: ext)
        if !mayHoldPEM && !mayBeManifest { return .skipped }
        let size = repository.environment.fileSize(repository.absolute(path))
        if named, let size, size > Repository.maxFileSize { return Reading(tooLarge: size) }
        // Files of any other name are read only when small: PEM text and manifests are a few kilobytes.
        let limit = named ? Repository.maxFileSize : max(Repository.maxUnnamedFileSize, ManifestScanner.maxManifestSize)
        if let size, size > limit { return .skipped }
        guard let bytes = try? repository.environment.readFile(repository.absolute(path)) else { return .skipped }
        if bytes.count > limit { return named ? Reading(tooLarge: bytes.count) : .skipped }
        var reading = Reading()
        if mayBeManifest {
            let text = String(decoding: bytes, as: UTF8.self)
            if let contents = scanner.read(path: path, text: text) {
                reading.manifest = contents
                reading.text = text
            }
        }
        // Unnamed files count only when they hold PEM text.
        guard mayHoldPEM, named || (bytes.count <= Repository.maxUnnamedFileSize && PEM.containsPEM(bytes)) else { return reading }
        let file = PKIFile.read(bytes)
        if !named && file.encoding != .pem { return reading }
        if (file.encoding == .pem || file.encoding == .text) && reading.text == nil {
            reading.text = String(decoding: bytes, as: UTF8.self)
        }
        let lines = file.encoding == .pem ? LineIndex(bytes) : nil
        var index = 0
        for item in file.items {
            let line = lines?.position(of: item.range.lowerBound).line
            var certs: [Certificate] = []
            switch item.content {
            case .certificate(let cert): certs = [cert]
            case .pkcs7(let bundle): certs = bundle.certificates
            case .keystore:
                let outcome = KeystoreOutcome.open(bytes, candidates: passwords.candidates(for: path))
                reading.keystore = outcome
                certs = outcome.certificates
            default: break
            }
            for cert in certs {
                reading.facts.append(CertificateFacts(cert, source: FactSource(path: path, line: line, index: index), now: now))
                index += 1
            }
        }
        reading.pki = ReadFile(path: path, bytes: bytes, file: file)
        return reading
    }

    /// For every file some manifest includes, the manifests that include it. A file whose every
    /// includer is in turn included by it (an include cycle) keeps its own reading.
    static func includers(of manifests: [(path: String, contents: ManifestContents)]) -> [String: [String]] {
        var includedBy: [String: [String]] = [:]
        for (path, contents) in manifests {
            for included in contents.included where included != path { includedBy[included, default: []].append(path) }
        }
        return includedBy
    }

    func build(files paths: [String]) -> Output {
        var output = Output()
        // Read and parse the files on every core; everything after is in path order.
        let slots = ReadingSlots(count: paths.count)
        let builder = self
        let scanner = ManifestScanner(repository: repository, files: paths)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            slots.set(i, builder.read(paths[i], scanner: scanner))
            builder.progress?.advance()
        }
        progress?.finish()
        var readFiles: [ReadFile] = []
        let table = CertificateTable()
        var usages = NativeInventory.usages(configuration)
        var secrets: [NamedSecret] = []
        var manifests: [(path: String, contents: ManifestContents)] = []
        var keystores: [(path: String, outcome: KeystoreOutcome)] = []
        for (i, reading) in slots.values.enumerated() {
            if let size = reading.tooLarge {
                output.inventory.add(fileInstance(path: paths[i], readable: false, kind: "too large", error: "The file is \(size) bytes; certlint reads files of at most \(Repository.maxFileSize) bytes."))
                output.files += 1
                continue
            }
            if let text = reading.text { output.texts[paths[i]] = text }
            if let outcome = reading.keystore { keystores.append((paths[i], outcome)) }
            if let file = reading.pki {
                readFiles.append(file)
                let added = table.add(reading.facts, file: file.path)
                if let outcome = reading.keystore, !added.isEmpty {
                    table.setKeystoreEntries(
                        outcome.entries.map { entry in
                            (alias: entry.alias, isPrivateKey: entry.isPrivateKey, facts: entry.positions.compactMap { $0 < added.count ? added[$0] : nil })
                        }, file: file.path)
                }
                output.files += 1
            }
            if let manifest = reading.manifest {
                if reading.pki == nil { output.files += 1 }
                output.manifests += 1
                manifests.append((paths[i], manifest))
            }
        }
        // A file another manifest includes (nginx `include conf.d/*.conf`) is read as part of it,
        // with the context it inherits; read alone as well, it would say everything twice.
        let includedBy = InventoryBuilder.includers(of: manifests)
        for (path, manifest) in manifests {
            if let includers = includedBy[path], !includers.allSatisfy({ includedBy[$0]?.contains(path) == true }) { continue }
            usages += manifest.usages
            secrets += manifest.secrets
            for problem in manifest.problems {
                output.findings.append(Finding(
                    ruleID: problem.check.rawValue, severity: problem.severity, message: problem.message, location: problem.location,
                    fingerprint: "\(problem.check.rawValue)|\(problem.location.path)|\(problem.message)"))
            }
        }

        // Usages: every reference resolved, chains analysed, endpoints paired.
        var resolver = UsageResolver(certificates: table, files: paths, now: now)
        let usageInstances = resolver.resolve(usages, secrets: secrets)
        output.findings += resolver.findings
        output.usages = usageInstances.count
        output.certificates = table.all.count
        for (i, facts) in table.all.enumerated() {
            let roles = table.roles(of: facts)
            facts.setUsages(count: roles.count, roles: Array(Set(roles)).sorted())
            output.inventory.add(SubjectInstance(certificate: facts, related: table.otherPlaces[i]))
        }
        for usage in usageInstances { output.inventory.add(usage) }
        output.table = table
        output.placements = resolver.placements
        output.unresolved = resolver.unresolved
        let certificatesByFile = table.byFile

        // Keys, paired with a certificate in the same file, or in a file of the same name.
        for read in readFiles {
            let lines = read.file.encoding == .pem ? LineIndex(read.bytes) : nil
            for (index, item) in read.file.items.enumerated() {
                guard case .privateKey(let key) = item.content else { continue }
                let line = lines?.position(of: item.range.lowerBound).line
                let source = FactSource(path: read.path, line: line, index: index)
                let partner = pairedCertificate(for: read.path, certificatesByFile: certificatesByFile)
                output.inventory.add(keyInstance(key, source: source, partner: partner, identity: "\(read.path)#\(index)"))
            }
        }

        // Keys written into manifests (a Secret's tls.key, a template's PrivateKey), paired with
        // the certificate written beside them.
        var seenSecrets: Set<String> = []
        // `at` is where the certificate beside the key is written, `keyAt` where the key is.
        var embeddedKeys: [(key: CertificateReference, certificate: CertificateReference?, at: SourceLocation, keyAt: SourceLocation, what: String)] = []
        for secret in secrets where seenSecrets.insert("\(secret.namespace)/\(secret.name)").inserted {
            if let key = secret.privateKey {
                embeddedKeys.append(
                    (key, secret.certificate, secret.location, secret.privateKeyLocation ?? secret.location, "The Secret \(secret.namespace)/\(secret.name)"))
            }
        }
        for usage in usages {
            if let key = usage.privateKey {
                let at = usage.embeddedAt ?? usage.location
                embeddedKeys.append((key, usage.certificate, at, at, UsageResolver.what(usage)))
            }
        }
        var seenKeys: Set<String> = []
        for embedded in embeddedKeys {
            let bytes: [UInt8]
            switch embedded.key {
            case .inline(let text): bytes = Array(text.utf8)
            case .base64(let text): bytes = (try? Base64.decode(text)) ?? []
            default: continue
            }
            guard !bytes.isEmpty, seenKeys.insert("\(embedded.keyAt)|\(embedded.key)").inserted else { continue }
            var partner: CertificateFacts?
            if let certificate = embedded.certificate {
                switch certificate {
                case .inline, .base64: partner = resolver.embedded(certificate, at: embedded.at, what: embedded.what).first
                default: break
                }
            }
            for (index, item) in PKIFile.read(bytes).items.enumerated() {
                guard case .privateKey(let key) = item.content else { continue }
                let source = FactSource(path: embedded.keyAt.path, line: embedded.keyAt.line, index: index)
                let identity = "\(embedded.keyAt.path):\(embedded.keyAt.line ?? 0):\(embedded.keyAt.column ?? 0)#key\(index)"
                output.inventory.add(keyInstance(key, source: source, partner: partner, identity: identity, location: embedded.keyAt))
            }
        }

        // Keystores: what protects them, and whether certlint could open them.
        for (path, outcome) in keystores {
            let source = FactSource(path: path, line: nil, index: 0)
            output.inventory.add(SubjectInstance(
                subject: .keystore, variables: ["keystore": .object(outcome.facts(path: path, source: source))], location: source.location,
                identity: .text(path)))
        }

        // Files: every file read, readable or not.
        for read in readFiles {
            let lines = read.file.encoding == .pem ? LineIndex(read.bytes) : nil
            var error: String?
            var errorLine: Int?
            for item in read.file.items {
                if case .unreadable(let e) = item.content {
                    let what = item.label.map { "the PEM block \($0)" } ?? "its content"
                    error = "\(what) cannot be read: \(e)"
                    errorLine = lines?.position(of: item.range.lowerBound).line
                    break
                }
            }
            if read.file.encoding == .empty {
                error = "the file is empty"
            } else if read.file.encoding == .text {
                error = "the file holds no certificate, key or bundle (no PEM block, not DER)"
            }
            output.inventory.add(fileInstance(path: read.path, readable: error == nil, kind: read.file.encoding.rawValue, error: error ?? "", line: errorLine))
        }
        return output
    }

    /// The `key` subject of `key` at `source` (findings at `location`, its line by default),
    /// paired with `partner` when there is one.
    func keyInstance(
        _ key: PrivateKeyInfo, source: FactSource, partner: CertificateFacts?, identity: String, location: SourceLocation? = nil
    ) -> SubjectInstance {
        var matches = false
        if let partner, let publicKey = partner.publicKey { matches = key.matches(publicKey) ?? false }
        let keyFacts = FactRecord(typeName: "Key", fields: [
            "algorithm": .string(key.algorithm ?? ""), "bits": .int(Int64(key.bits ?? 0)), "curve": .string(key.curve ?? ""),
            "display": .string(InventoryBuilder.display(key)),
            "encrypted": .bool(key.isEncrypted), "format": .string(key.format.rawValue),
            "matchesCertificate": .bool(matches), "hasCertificate": .bool(partner != nil && key.publicKey != nil),
            "source": source.value,
        ])
        var variables: [String: CELValue] = ["key": .object(keyFacts)]
        variables["cert"] = partner.map { CELValue.object($0) } ?? FactSchema.emptyObject("Certificate")
        let place = location ?? source.location
        let related = partner.flatMap { $0.source.location == place ? nil : [RelatedLocation(location: $0.source.location, message: "the certificate it is paired with")] } ?? []
        return SubjectInstance(subject: .key, variables: variables, location: place, related: related, identity: .text(identity))
    }

    /// "RSA 2048-bit", "EC P-256", "Ed25519", or "encrypted" when the algorithm is hidden.
    static func display(_ key: PrivateKeyInfo) -> String {
        switch key.algorithm {
        case "rsa"?: return "RSA" + (key.bits.map { " \($0)-bit" } ?? "")
        case "ec"?: return "EC " + (key.curve ?? "")
        case "ed25519"?: return "Ed25519"
        case "ed448"?: return "Ed448"
        case "dsa"?: return "DSA" + (key.bits.map { " \($0)-bit" } ?? "")
        case let other?: return other
        case nil: return "encrypted"
        }
    }

    func fileInstance(path: String, readable: Bool, kind: String, error: String, line: Int? = nil) -> SubjectInstance {
        let record = FactRecord(typeName: "File", fields: [
            "path": .string(path), "readable": .bool(readable), "error": .string(error), "kind": .string(kind),
            "line": .int(Int64(line ?? 0)),
        ])
        return SubjectInstance(
            subject: .file, variables: ["file": .object(record)], location: SourceLocation(path: path, line: line),
            identity: .text(path))
    }

    /// The certificate a key at `path` is paired with: the first certificate of the same file,
    /// else of a file with the same name and another ending in the same folder.
    func pairedCertificate(for path: String, certificatesByFile: [String: [CertificateFacts]]) -> CertificateFacts? {
        if let same = certificatesByFile[path]?.first { return same }
        let stem = Repository.stem(path)
        for ext in ["pem", "crt", "cer", "cert", "der"] {
            if let match = certificatesByFile["\(stem).\(ext)"]?.first { return match }
        }
        return nil
    }
}

extension Repository {
    /// A relative path with `./` and duplicate slashes removed.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." && !part.isEmpty {
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The path without its last extension.
    static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), let slash = path.lastIndex(of: "/") ?? Optional(path.startIndex), dot > slash else { return path }
        return String(path[..<dot])
    }
}

/// One slot per path, written by the reading workers.
final class ReadingSlots: @unchecked Sendable {
    private var storage: [InventoryBuilder.Reading]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: InventoryBuilder.Reading.skipped, count: count) }

    func set(_ index: Int, _ value: InventoryBuilder.Reading) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [InventoryBuilder.Reading] { lock.withLock { storage } }
}
