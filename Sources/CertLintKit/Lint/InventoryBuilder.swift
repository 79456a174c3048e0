import CertLintCore
import CertLintCrypto
import CertLintDER
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
    }

    /// One file's contents, read.
    struct ReadFile: Sendable {
        let path: String
        let bytes: [UInt8]
        let file: PKIFile
    }

    /// What reading one path gave: nothing, a file too large to read, or its contents with
    /// the facts of each certificate it holds (built here, on whichever core read the file).
    enum Reading: Sendable {
        case skipped
        case tooLarge(Int)
        case read(ReadFile, facts: [(line: Int?, facts: CertificateFacts)])
    }

    /// Reads one path: its contents, classified, and the facts of its certificates.
    func read(_ path: String) -> Reading {
        let ext = Repository.fileExtension(path)
        if Repository.sourceExtensions.contains(ext) { return .skipped }
        let named = Repository.certificateExtensions.contains(ext)
        let size = repository.environment.fileSize(repository.absolute(path))
        // Files of any other name are read only when small: PEM text is a few kilobytes.
        if !named, let size, size > Repository.maxUnnamedFileSize { return .skipped }
        if named, let size, size > Repository.maxFileSize { return .tooLarge(size) }
        guard let bytes = try? repository.environment.readFile(repository.absolute(path)) else { return .skipped }
        if bytes.count > Repository.maxFileSize { return named ? .tooLarge(bytes.count) : .skipped }
        // Unnamed files count only when they hold PEM text.
        if !named && !PEM.containsPEM(bytes) { return .skipped }
        let file = PKIFile.read(bytes)
        if !named && file.encoding != .pem { return .skipped }
        let lines = file.encoding == .pem ? LineIndex(bytes) : nil
        var facts: [(line: Int?, facts: CertificateFacts)] = []
        var index = 0
        for item in file.items {
            let line = lines?.position(of: item.range.lowerBound).line
            var certs: [Certificate] = []
            switch item.content {
            case .certificate(let cert): certs = [cert]
            case .pkcs7(let bundle): certs = bundle.certificates
            default: break
            }
            for cert in certs {
                facts.append((line, CertificateFacts(cert, source: FactSource(path: path, line: line, index: index), now: now)))
                index += 1
            }
        }
        return .read(ReadFile(path: path, bytes: bytes, file: file), facts: facts)
    }

    func build(files paths: [String]) -> Output {
        var output = Output()
        // Read and parse the files on every core; everything after is in path order.
        let slots = ReadingSlots(count: paths.count)
        let builder = self
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in slots.set(i, builder.read(paths[i])) }
        var readFiles: [ReadFile] = []
        var factsByPath: [String: [(line: Int?, facts: CertificateFacts)]] = [:]
        for (i, reading) in slots.values.enumerated() {
            switch reading {
            case .skipped:
                continue
            case .tooLarge(let size):
                output.inventory.add(fileInstance(path: paths[i], readable: false, kind: "too large", error: "The file is \(size) bytes; certlint reads files of at most \(Repository.maxFileSize) bytes."))
                output.files += 1
            case .read(let file, let facts):
                readFiles.append(file)
                factsByPath[file.path] = facts
                output.files += 1
                if file.file.encoding == .pem || file.file.encoding == .text {
                    output.texts[file.path] = String(decoding: file.bytes, as: UTF8.self)
                }
            }
        }

        // Certificates, each distinct DER once (the first place it appears), with the other
        // places as related locations.
        var byDER: [ArraySlice<UInt8>: Int] = [:]
        var certificates: [CertificateFacts] = []
        var otherPlaces: [[RelatedLocation]] = []
        var certificatesByFile: [String: [CertificateFacts]] = [:]
        for read in readFiles {
            for (_, facts) in factsByPath[read.path] ?? [] {
                let cert = facts.certificate
                if let existing = byDER[cert.derBytes] {
                    otherPlaces[existing].append(RelatedLocation(location: facts.source.location, message: "the same certificate"))
                    certificatesByFile[read.path, default: []].append(certificates[existing])
                    continue
                }
                byDER[cert.derBytes] = certificates.count
                certificates.append(facts)
                otherPlaces.append([])
                certificatesByFile[read.path, default: []].append(facts)
            }
        }
        output.certificates = certificates.count

        // Usages from the native inventory.
        var roles: [Int: [String]] = [:]
        var usageInstances: [SubjectInstance] = []
        let configFile = configuration.file
        for deployment in configuration.deployments {
            let location = SourceLocation(path: configFile, line: deployment.position.line, column: deployment.position.column)
            let path = Repository.normalize(deployment.certificate)
            guard let facts = certificatesByFile[path], !facts.isEmpty else {
                let exists = (try? repository.environment.readFile(repository.absolute(path))) != nil
                output.findings.append(Finding(
                    ruleID: exists ? "deployment-certificate-unreadable" : "deployment-certificate-missing", severity: .error,
                    message: exists
                        ? "The deployment names \(deployment.certificate), which holds no readable certificate."
                        : "The deployment names \(deployment.certificate), which does not exist in the repository.",
                    location: location, fingerprint: "deployment|\(deployment.certificate)|\(deployment.role)"))
                continue
            }
            // The first certificate of the file is the one presented; the rest are its chain.
            let leaf = facts[0]
            if let index = certificates.firstIndex(where: { $0 === leaf }) { roles[index, default: []].append(deployment.role) }
            let endpoint = deployment.endpoint ?? (deployment.hostnames.first.map { "\($0) (\(deployment.role))" } ?? deployment.certificate)
            let usage = FactRecord(typeName: "Usage", fields: [
                "role": .string(deployment.role), "mtls": .bool(false), "hostnames": .list(deployment.hostnames.map(CELValue.string)),
                "endpoint": .string(endpoint), "platform": .string("certlint"), "installedOn": .string(deployment.installedOn ?? ""),
                "verifyClient": .string("none"),
                "source": FactSource(path: configFile, line: deployment.position.line, index: 0).value,
            ])
            let chain = ChainFacts.build(facts)
            usageInstances.append(SubjectInstance(
                subject: .usage, variables: ["usage": .object(usage), "cert": .object(leaf), "chain": chain],
                location: location, related: [RelatedLocation(location: leaf.source.location, message: "the certificate")],
                certificate: leaf, identity: .certificateAt(leaf, "\(configFile):\(deployment.position.line)")))
        }
        output.usages = usageInstances.count
        for (i, facts) in certificates.enumerated() {
            let r = roles[i] ?? []
            facts.setUsages(count: r.count, roles: Array(Set(r)).sorted())
            output.inventory.add(SubjectInstance(
                subject: .certificate, variables: ["cert": .object(facts)], location: facts.source.location,
                related: otherPlaces[i], certificate: facts, identity: .certificate(facts)))
        }
        for usage in usageInstances { output.inventory.add(usage) }

        // Keys, paired with a certificate in the same file, or in a file of the same name.
        for read in readFiles {
            let lines = read.file.encoding == .pem ? LineIndex(read.bytes) : nil
            for (index, item) in read.file.items.enumerated() {
                guard case .privateKey(let key) = item.content else { continue }
                let line = lines?.position(of: item.range.lowerBound).line
                let source = FactSource(path: read.path, line: line, index: index)
                let partner = pairedCertificate(for: read.path, certificatesByFile: certificatesByFile)
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
                output.inventory.add(SubjectInstance(
                    subject: .key, variables: variables, location: source.location,
                    related: partner.map { [RelatedLocation(location: $0.source.location, message: "the certificate it is paired with")] } ?? [],
                    identity: .text("\(read.path)#\(index)")))
            }
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

    init(count: Int) { storage = Array(repeating: .skipped, count: count) }

    func set(_ index: Int, _ value: InventoryBuilder.Reading) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [InventoryBuilder.Reading] { lock.withLock { storage } }
}
