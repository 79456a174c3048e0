import CertLintX509

/// Groups the bags of a PKCS#12 file into keystore entries.
///
/// A private key goes with the certificate that shares its local key ID (or, when it has
/// none, the certificate whose public key it matches), followed by the chain built by
/// issuer and subject among the file's other certificates. A certificate becomes a
/// trusted-certificate entry when it is in no key's chain, or when it carries Java's
/// trusted-key-usage attribute (Java writes a trusted root that is also in a chain twice: once
/// named after its subject for the chain, once under its alias as a trusted entry). Every
/// secret bag is a secret-key entry. Entries keep the order of their first bag in the file.
enum PKCS12Entries {
    /// The longest chain built for one key.
    static let maxChainLength = 16

    /// The most certificates looked at as the issuer of one certificate (a hostile file may
    /// give thousands the same subject).
    static let maxIssuerCandidates = 16
    /// Above this many key × certificate pairs, a key without a local key ID is not matched
    /// to a certificate by its public key.
    static let maxPublicKeyComparisons = 100_000

    static func group(_ contents: PKCS12Contents) -> [KeystoreEntry] {
        let certificates = contents.certificates
        let publicKeys = certificates.map { try? $0.certificate.publicKey() }
        let standalone = certificates.map(\.javaTrusted)
        var byLocalKeyID: [[UInt8]: Int] = [:]
        var bySubject: [[UInt8]: [Int]] = [:]
        for (index, item) in certificates.enumerated() {
            if let id = item.localKeyID, byLocalKeyID[id] == nil { byLocalKeyID[id] = index }
            let subject = Array(item.certificate.subjectBytes)
            if bySubject[subject, default: []].count < maxIssuerCandidates {
                bySubject[subject, default: []].append(index)
            }
        }
        let matchByPublicKey = contents.keys.count * certificates.count <= maxPublicKeyComparisons
        var inChains = Set<Int>()
        var ordered: [(order: Int, entry: KeystoreEntry)] = []

        for key in contents.keys {
            var leaf: Int?
            if let id = key.localKeyID {
                leaf = byLocalKeyID[id]
            }
            if leaf == nil, matchByPublicKey, let info = key.key {
                leaf = publicKeys.indices.first { index in
                    guard let publicKey = publicKeys[index] else { return false }
                    return info.matches(publicKey) == true
                }
            }
            var chain: [Int] = []
            if let leaf {
                chain = [leaf]
                var current = leaf
                while chain.count < maxChainLength, !certificates[current].certificate.isSelfIssued {
                    // An issuer that is not an entry of its own is preferred: the same
                    // certificate may be in the file twice, once as a named trusted entry.
                    let candidates = (bySubject[Array(certificates[current].certificate.issuerBytes)] ?? []).filter { !chain.contains($0) }
                    guard let next = candidates.first(where: { !standalone[$0] }) ?? candidates.first else { break }
                    chain.append(next)
                    current = next
                }
            }
            inChains.formUnion(chain)
            var matches: Bool?
            if let info = key.key, let leaf, let publicKey = publicKeys[leaf] {
                matches = info.matches(publicKey)
            }
            let description = KeystoreKeyInfo(
                algorithm: key.key?.algorithm, bits: key.key?.bits, curve: key.key?.curve, matchesCertificate: matches)
            let alias = key.friendlyName ?? leaf.flatMap { certificates[$0].friendlyName }
            ordered.append(
                (
                    key.order,
                    KeystoreEntry(
                        kind: .privateKey, alias: alias, localKeyID: key.localKeyID, certificates: chain.map { certificates[$0].certificate },
                        privateKey: description)
                ))
        }
        for (index, item) in certificates.enumerated() where !inChains.contains(index) || standalone[index] {
            ordered.append(
                (
                    item.order,
                    KeystoreEntry(kind: .trustedCertificate, alias: item.friendlyName, localKeyID: item.localKeyID, certificates: [item.certificate])
                ))
        }
        for secret in contents.secrets {
            ordered.append(
                (secret.order, KeystoreEntry(kind: .secretKey, alias: secret.friendlyName, localKeyID: secret.localKeyID, certificates: [])))
        }
        return ordered.sorted { $0.order < $1.order }.map(\.entry)
    }
}
