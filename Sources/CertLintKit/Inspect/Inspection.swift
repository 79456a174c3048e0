import CertLintCore
import CertLintCrypto
import CertLintDER
import CertLintKeystores
import CertLintX509

/// The result of `certlint inspect`: for each file, what it holds, in order, with enough
/// context (PEM block, line) to find each item, and the relations between items: which
/// certificate in a bundle issues the next, which key matches which certificate.
struct Inspection: Sendable {
    /// One file.
    struct File: Sendable {
        let path: String
        let encoding: PKIFile.Encoding
        let items: [Item]
        let tooManyBlocks: Bool
    }

    /// One item of a file.
    struct Item: Sendable {
        enum Content: Sendable {
            case certificate(CertificateSummary)
            case request(CertificateSigningRequest)
            case privateKey(PrivateKeyInfo)
            case publicKey(SubjectPublicKeyInfo)
            case bundle([CertificateSummary], failures: [DERError])
            case keystore(PKIFile.KeystoreFormat, KeystoreInspection)
            case crl
            case unsupported(String)
            case unreadable(DERError)
        }

        let content: Content
        let pemBlock: Int?
        let label: String?
        let line: Int?
    }

    /// A certificate by file and position, for cross-references.
    struct CertificateReference: Sendable {
        let path: String
        let position: String
        let summary: CertificateSummary
    }

    let files: [File]
    let now: DERTime

    /// What `inspect` shows of a keystore: its entries with certificate summaries, or why it
    /// could not be read.
    struct KeystoreInspection: Sendable {
        /// The outcome of opening it.
        let outcome: KeystoreOutcome
        /// The summaries of each entry's certificates, in entry order.
        let certificates: [[CertificateSummary]]
    }

    init(files: [(path: String, bytes: [UInt8])], now: DERTime, passwords: KeystorePasswords = .none) {
        self.now = now
        self.files = files.map { path, bytes in
            let file = PKIFile.read(bytes)
            let lines = file.encoding == .pem ? LineIndex(bytes) : nil
            let items = file.items.map { item -> Item in
                let content: Item.Content
                switch item.content {
                case .certificate(let cert): content = .certificate(CertificateSummary(cert, now: now))
                case .certificateRequest(let csr): content = .request(csr)
                case .privateKey(let key): content = .privateKey(key)
                case .publicKey(let key): content = .publicKey(key)
                case .pkcs7(let bundle): content = .bundle(bundle.certificates.map { CertificateSummary($0, now: now) }, failures: bundle.failures.map(\.error))
                case .keystore(let format):
                    let outcome = KeystoreOutcome.open(bytes, candidates: passwords.candidates(for: path))
                    let summaries = (outcome.keystore?.entries ?? []).map { $0.certificates.map { CertificateSummary($0, now: now) } }
                    content = .keystore(format, KeystoreInspection(outcome: outcome, certificates: summaries))
                case .crl: content = .crl
                case .unsupported(let label): content = .unsupported(label)
                case .unreadable(let error): content = .unreadable(error)
                }
                return Item(content: content, pemBlock: item.pemBlock, label: item.label, line: lines?.position(of: item.range.lowerBound).line)
            }
            return File(path: path, encoding: file.encoding, items: items, tooManyBlocks: file.hasTooManyBlocks)
        }
    }

    /// Every certificate of every file, with where it is.
    var allCertificates: [CertificateReference] {
        files.flatMap { file in
            certificates(of: file).enumerated().map { index, summary in
                CertificateReference(path: file.path, position: "certificate \(index + 1)", summary: summary)
            }
        }
    }

    /// The certificates of one file, in order (bundles flattened).
    func certificates(of file: File) -> [CertificateSummary] {
        file.items.flatMap { item -> [CertificateSummary] in
            switch item.content {
            case .certificate(let summary): return [summary]
            case .bundle(let summaries, _): return summaries
            default: return []
            }
        }
    }

    /// Whether anything could not be read, a single field included (the exit status of
    /// `inspect` depends on it).
    var hasUnreadableInput: Bool {
        files.contains { file in
            file.encoding == .binary || file.tooManyBlocks || file.items.contains { item in
                switch item.content {
                case .unreadable: return true
                case .certificate(let summary): return !summary.problems.isEmpty
                case .bundle(let summaries, let failures): return !failures.isEmpty || summaries.contains { !$0.problems.isEmpty }
                default: return false
                }
            }
        }
    }

    /// Whether `issuer` issued `subject`: the issuer name equals the issuer's subject and, when
    /// both are present, the authority key identifier equals the issuer's subject key identifier.
    static func issued(_ subject: CertificateSummary, by issuer: CertificateSummary) -> Bool {
        guard subject.certificate.issuerBytes.elementsEqual(issuer.certificate.subjectBytes) else { return false }
        if let keyID = subject.aki?.keyIdentifier, let ski = issuer.ski { return keyID.elementsEqual(ski) }
        return true
    }

    /// The order of a list of certificates: who issued whom, and whether the list is in the
    /// order a server must send it (leaf first, each certificate followed by its issuer).
    struct Order: Sendable, Equatable {
        /// For each certificate, the index of its issuer in the list; `nil` when the issuer is
        /// not in the list or the certificate is self-signed.
        let issuer: [Int?]
        /// Which certificates are self-signed.
        let selfSigned: [Bool]
        /// Whether each certificate whose issuer is in the list is followed by it.
        let isOrdered: Bool
        /// Certificates, other than the last, whose issuer is neither themselves nor in the list:
        /// the chain has a gap after them.
        let missingIssuer: [Int]
        /// The order a server must send, when the list can be put in one (indices).
        let suggested: [Int]?
    }

    static func order(_ chain: [CertificateSummary]) -> Order {
        let selfSigned = chain.map(\.isSelfSigned)
        let issuer: [Int?] = chain.indices.map { i in
            if selfSigned[i] { return nil }
            return chain.indices.first { j in j != i && issued(chain[i], by: chain[j]) }
        }
        let isOrdered = chain.indices.allSatisfy { i in issuer[i] == nil || issuer[i] == i + 1 }
        let missingIssuer = chain.indices.filter { i in i < chain.count - 1 && !selfSigned[i] && issuer[i] == nil }
        // Suggest an order when the list is one path: a single certificate issues nothing else.
        var suggested: [Int]?
        let issuesSomething = Set(issuer.compactMap { $0 })
        let leaves = chain.indices.filter { !issuesSomething.contains($0) }
        if !isOrdered, leaves.count == 1, let leaf = leaves.first {
            var path = [leaf]
            while let next = issuer[path[path.count - 1]], !path.contains(next) { path.append(next) }
            if path.count == chain.count { suggested = path }
        }
        return Order(issuer: issuer, selfSigned: selfSigned, isOrdered: isOrdered, missingIssuer: missingIssuer, suggested: suggested)
    }

    /// The certificates a private key or request's key belongs to.
    func matches(_ key: SubjectPublicKeyInfo.Key) -> [CertificateReference] {
        allCertificates.filter { $0.summary.publicKey?.sameKey(as: key) == true }
    }
}
