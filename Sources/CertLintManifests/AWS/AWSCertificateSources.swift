import CertLintCore

/// What the CloudFormation and Terraform readers share about where AWS keeps certificates:
/// ARNs in ACM and IAM, PEM text in templates, CA bundles in S3.
enum AWSCertificateSources {
    /// The reference and note for a certificate named by an ARN-like string.
    static func arn(_ text: String) -> (CertificateReference, String) {
        if text.contains("{{resolve:") {
            return (.external(text), "The certificate ARN is a dynamic reference (\(text)) resolved when the stack deploys; certlint cannot read that certificate.")
        }
        if text.hasPrefix("arn:"), text.contains(":acm:") {
            return (.external(text), "The certificate lives in AWS Certificate Manager (\(text)); certlint cannot read it from the repository.")
        }
        if text.hasPrefix("arn:"), text.contains(":iam::"), text.contains(":server-certificate/") {
            return (.external(text), "The certificate is an IAM server certificate uploaded elsewhere (\(text)); certlint cannot read it from the repository.")
        }
        if text.hasPrefix("arn:") {
            return (.external(text), "\(text) is not an ACM or IAM certificate ARN; certlint cannot read that certificate.")
        }
        return (.external(text), "\(text) is not a certificate ARN; certlint cannot tell which certificate it is.")
    }

    /// The reference for certificate or key text written in a template: PEM text inline,
    /// anything else (a placeholder, base64 without armour) outside certlint's reach.
    static func pem(_ text: String) -> CertificateReference {
        text.contains("-----BEGIN ") ? .inline(text) : .external(text)
    }

    /// The reference and note for a CA bundle at `s3://bucket/key`.
    ///
    /// The bundle itself is in S3, out of reach. When the repository holds a file that is
    /// evidently its source, that file is linted instead, and the note says so: the key
    /// relative to the manifest's folder, then relative to the repository root, then the only
    /// file in the repository with the key's file name.
    static func s3Bundle(bucket: String?, key: String?, manifestPath: String, context: ManifestContext) -> (CertificateReference, String) {
        let uri = "s3://\(bucket ?? "?")/\(key ?? "?")"
        guard let key, !key.isEmpty, !key.contains("${") else {
            return (.external(uri), "The CA bundle is \(uri) in Amazon S3; certlint cannot read it.")
        }
        let folder = AWSText.folder(of: manifestPath)
        let trimmed = key.hasPrefix("/") ? String(key.dropFirst()) : key
        let found: (CertificateReference, String)?
        if !folder.isEmpty, context.load(AWSText.join(folder, trimmed)) != nil {
            found = (.file(path: trimmed, base: folder), AWSText.join(folder, trimmed))
        } else if context.load(trimmed) != nil {
            found = (.file(path: trimmed, base: ""), trimmed)
        } else {
            let name = AWSText.lastComponent(of: trimmed)
            let matches = name.isEmpty || name.contains("*") ? [] : context.list(name).filter { AWSText.lastComponent(of: $0) == name }
            found = matches.count == 1 ? matches.first.map { (.file(path: $0, base: ""), $0) } : nil
        }
        if let (reference, path) = found {
            return (reference, "The CA bundle is \(uri) in Amazon S3; the repository file \(path) matches its key and is linted as its source.")
        }
        return (.external(uri), "The CA bundle is \(uri) in Amazon S3; certlint cannot read it (commit it under the same name to have it linted).")
    }

    /// The bucket and key of an `s3://bucket/key` URI, or `nil`.
    static func splitS3URI(_ uri: String) -> (bucket: String, key: String)? {
        guard uri.hasPrefix("s3://") else { return nil }
        let rest = uri.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else { return (String(rest), "") }
        return (String(rest[..<slash]), String(rest[rest.index(after: slash)...]))
    }

    /// A Route 53 record name as a hostname: the trailing dot dropped and the `\052`
    /// escape of `*` decoded.
    static func hostname(fromRecordName name: String) -> String {
        var host = name.hasSuffix(".") ? String(name.dropLast()) : name
        if host.hasPrefix("\\052") { host = "*" + host.dropFirst(4) }
        return host
    }
}

/// A certificate as an AWS resource names it (an ACM or IAM ARN, PEM text, a file), with its
/// chain, its key, the hostnames that come with it and what certlint could not tell; shared by
/// the CloudFormation and Terraform readers, which describe the same resources.
struct AWSCertificateSource {
    var certificate: CertificateReference
    var chain: CertificateReference?
    var privateKey: CertificateReference?
    var hostnames: [String] = []
    var notes: [String] = []
    /// Where the certificate's PEM is written, when the source embeds it (an IAM server
    /// certificate's body).
    var embeddedAt: SourceLocation?

    /// The usage of this certificate at one place; `notes` are added to the source's own.
    func usage(
        _ role: CertificateUsage.Role, hostnames: [String], endpoint: String, platform: String,
        installedOn: CertificateUsage.InstalledOn, verifyClient: CertificateUsage.VerifyClient, endpointID: String,
        at location: SourceLocation, notes: [String] = []
    ) -> CertificateUsage {
        let allNotes = self.notes + notes
        return CertificateUsage(
            role: role, certificate: certificate, privateKey: privateKey, chain: chain, hostnames: hostnames,
            endpoint: endpoint, platform: platform, installedOn: installedOn, verifyClient: verifyClient, endpointID: endpointID,
            location: location, note: allNotes.isEmpty ? nil : allNotes.joined(separator: " "), embeddedAt: embeddedAt)
    }
}
