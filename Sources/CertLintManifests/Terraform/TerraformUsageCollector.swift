import CertLintCore

/// Walks the AWS resources of a Terraform configuration or plan and makes the usages
/// ``TerraformReader`` reports.
struct TerraformUsageCollector {
    let sources: TerraformSources
    let path: String
    let context: ManifestContext
    /// The folder `file()` paths are relative to (the file's own).
    let folder: String

    /// The usages made.
    private(set) var usages: [CertificateUsage] = []
    /// Certificates some usage carries (IAM server certificates, imported ACM certificates).
    private var referenced: Set<String> = []
    /// Trust stores some listener uses.
    private var attachedTrustStores: Set<String> = []
    /// Route 53 names that alias each load balancer, by its address.
    private var aliasNames: [String: [String]] = [:]

    static let listeners: Set<String> = ["aws_lb_listener", "aws_alb_listener"]
    static let listenerCertificates: Set<String> = ["aws_lb_listener_certificate", "aws_alb_listener_certificate"]
    static let loadBalancers: Set<String> = ["aws_lb", "aws_alb"]
    static let s3Objects: Set<String> = ["aws_s3_object", "aws_s3_bucket_object"]

    init(sources: TerraformSources, path: String, context: ManifestContext) {
        self.sources = sources
        self.path = path
        self.context = context
        self.folder = AWSText.folder(of: path)
    }

    /// Makes every usage.
    mutating func collect() {
        collectAliasNames()
        for resource in sources.resources where !resource.isData {
            switch resource.type {
            case _ where Self.listeners.contains(resource.type): listener(resource)
            case _ where Self.listenerCertificates.contains(resource.type): listenerCertificate(resource)
            case "aws_elb": classicLoadBalancer(resource)
            case "aws_cloudfront_distribution": distribution(resource)
            case "aws_api_gateway_domain_name", "aws_apigatewayv2_domain_name": apiDomain(resource)
            default: break
            }
        }
        for resource in sources.resources where !resource.isData {
            switch resource.type {
            case "aws_lb_trust_store" where !attachedTrustStores.contains(resource.address):
                unattachedTrustStore(resource)
            case "aws_iam_server_certificate" where !referenced.contains(resource.address):
                unreferencedStoredCertificate(resource, platform: "aws-iam", kind: "IAM server certificate")
            case "aws_acm_certificate" where !referenced.contains(resource.address) && resource.body.attribute("certificate_body").isPresent:
                unreferencedStoredCertificate(resource, platform: "aws-acm", kind: "imported ACM certificate")
            default:
                break
            }
        }
    }

    // MARK: - Helpers

    private func value(_ attribute: TerraformAttribute, in resource: TerraformResource) -> TerraformValue {
        let value = sources.evaluate(attribute, in: resource)
        // Plans write unset string arguments as "".
        return value == .text("") ? .absent : value
    }

    private func value(_ name: String, of resource: TerraformResource) -> TerraformValue {
        value(resource.body.attribute(name), in: resource)
    }

    private func target(_ value: TerraformValue, in resource: TerraformResource) -> TerraformResource? {
        guard case .reference(let address, _) = value else { return nil }
        return sources.resource(address)
    }

    private func endpointID(_ resource: TerraformResource) -> String { "terraform:\(path)#\(resource.instanceAddress)" }

    private func location(_ attribute: TerraformAttribute, or resource: TerraformResource) -> SourceLocation {
        let position = attribute.keyPosition ?? resource.position
        return SourceLocation(path: path, line: position.line, column: position.column)
    }

    /// A certificate, chain or key given as text, a file or a reference to generated PEM.
    private func material(_ value: TerraformValue) -> (CertificateReference, String?)? {
        switch value {
        case .absent: return nil
        case .file(let file): return (.file(path: file, base: folder), nil)
        case .text(let text): return (AWSCertificateSources.pem(text), text.contains("-----BEGIN ") ? nil : "The value is not PEM text.")
        case .reference(let address, let attribute):
            return (.external("\(address).\(attribute)"), "The PEM text is \(address).\(attribute), made when Terraform runs; certlint cannot read it.")
        case .unknown(let what, let why): return (.external(what), why)
        case .partial, .list: return (.external(value.summary), "certlint cannot tell which file or text \(value.summary) is.")
        }
    }

    // MARK: - Hostnames from Route 53

    private mutating func collectAliasNames() {
        for record in sources.resources where record.type == "aws_route53_record" && !record.isData {
            guard var name = value("name", of: record).text else { continue }
            if let zone = target(value("zone_id", of: record), in: record), let zoneName = value("name", of: zone).text {
                let suffix = zoneName.hasSuffix(".") ? String(zoneName.dropLast()) : zoneName
                let bare = name.hasSuffix(".") ? String(name.dropLast()) : name
                if bare != suffix && !bare.hasSuffix("." + suffix) { name = bare + "." + suffix }
            }
            let host = AWSCertificateSources.hostname(fromRecordName: name)
            var targets: [TerraformValue] = record.body.blocks("alias").map { value($0.attribute("name"), in: record) }
            switch value("records", of: record) {
            case .list(let items): targets += items
            case let single: targets.append(single)
            }
            for case .reference(let address, let attribute) in targets where attribute == "dns_name" {
                guard let balancer = sources.resource(address), Self.loadBalancers.contains(balancer.type) else { continue }
                if !(aliasNames[address] ?? []).contains(host) { aliasNames[address, default: []].append(host) }
            }
        }
    }

    // MARK: - Certificates

    private typealias Source = AWSCertificateSource

    private mutating func source(of value: TerraformValue, in resource: TerraformResource, depth: Int = 0) -> Source? {
        switch value {
        case .absent:
            return nil
        case .text(let text) where text.contains("-----BEGIN "):
            return Source(certificate: .inline(text))
        case .text(let text), .partial(let text):
            let (reference, note) = AWSCertificateSources.arn(text)
            return Source(certificate: reference, notes: [note])
        case .file(let file):
            return Source(certificate: .file(path: file, base: folder))
        case .list:
            return Source(certificate: .external(value.summary), notes: ["The certificate argument is a list where one ARN is expected."])
        case .unknown(let what, let why):
            return Source(certificate: .external(what), notes: [why + " certlint cannot tell which certificate it is."])
        case .reference(let address, let attribute):
            guard let target = sources.resource(address) else {
                return Source(
                    certificate: .external("\(address).\(attribute)"),
                    notes: ["\(address) is not defined in this file; certlint cannot tell which certificate it is."])
            }
            switch (target.isData, target.type) {
            case (false, "aws_acm_certificate"):
                if target.body.attribute("certificate_body").isPresent {
                    referenced.insert(target.address)
                    return stored(target, body: "certificate_body", chain: "certificate_chain", key: "private_key")
                }
                let domain = self.value("domain_name", of: target)
                var names = domain.texts
                for name in self.value("subject_alternative_names", of: target).texts where !names.contains(name) { names.append(name) }
                let described = domain.text.map { "\(target.instanceAddress) (\($0))" } ?? target.instanceAddress
                return Source(
                    certificate: .external("aws_acm_certificate \(described)"), hostnames: names,
                    notes: [
                        "The certificate is requested from AWS Certificate Manager by \(target.instanceAddress); certlint cannot read it, and takes its hostnames from domain_name and subject_alternative_names."
                    ])
            case (false, "aws_acm_certificate_validation"):
                guard depth < TerraformExpression.maxDepth else { break }
                return source(of: self.value("certificate_arn", of: target), in: target, depth: depth + 1)
            case (true, "aws_acm_certificate"):
                let domain = self.value("domain", of: target).text
                return Source(
                    certificate: .external("\(target.instanceAddress)" + (domain.map { " (\($0))" } ?? "")), hostnames: domain.map { [$0] } ?? [],
                    notes: ["The certificate is looked up in AWS Certificate Manager by \(target.instanceAddress); certlint cannot read it."])
            case (false, "aws_iam_server_certificate"):
                referenced.insert(target.address)
                return stored(target, body: "certificate_body", chain: "certificate_chain", key: "private_key")
            default:
                break
            }
            return Source(
                certificate: .external("\(address).\(attribute)"),
                notes: ["\(target.instanceAddress) is a \(target.type), not a certificate resource certlint can follow."])
        }
    }

    /// The certificate, chain and key a resource holds as PEM (an IAM server certificate,
    /// an imported ACM certificate, an API Gateway domain's uploaded certificate).
    private func stored(_ resource: TerraformResource, body: String, chain: String, key: String) -> Source {
        var source = Source(certificate: .external(resource.instanceAddress))
        if let (reference, note) = material(value(body, of: resource)) {
            source.certificate = reference
            if case .inline = reference { source.embeddedAt = location(resource.body.attribute(body), or: resource) }
            if let note { source.notes.append("\(resource.instanceAddress) \(body): \(note)") }
        } else {
            source.notes.append("\(resource.instanceAddress) has no \(body).")
        }
        source.chain = material(value(chain, of: resource))?.0
        source.privateKey = material(value(key, of: resource))?.0
        return source
    }

    // MARK: - Load balancers

    private struct ListenerInfo {
        var endpoint: String
        var endpointID: String
        var platform: String
        var verifyClient: CertificateUsage.VerifyClient
        var aliasNames: [String]
        var notes: [String]
        var serves: Bool
    }

    private func listenerInfo(_ resource: TerraformResource) -> ListenerInfo {
        let protocolName = value("protocol", of: resource).text?.uppercased()
        let balancer = target(value("load_balancer_arn", of: resource), in: resource).flatMap { Self.loadBalancers.contains($0.type) ? $0 : nil }
        let balancerType = balancer.map { value("load_balancer_type", of: $0).text?.lowercased() ?? "application" }
        let isNetwork = balancerType == "network" || (balancerType == nil && protocolName == "TLS")
        let port = value("port", of: resource).text.map { ":" + $0 } ?? ""
        var notes: [String] = []
        var verify = CertificateUsage.VerifyClient.none
        let mutual = resource.body.blocks("mutual_authentication").first
        switch mutual.map({ value($0.attribute("mode"), in: resource) })?.text?.lowercased() {
        case "verify":
            verify = .required
        case "passthrough":
            verify = .optional
            notes.append("Mutual TLS is in passthrough mode: the load balancer forwards client certificates to its targets without verifying them.")
        default:
            break
        }
        var serves = true
        switch protocolName {
        case "HTTPS", "TLS": break
        case nil:
            notes.append("The listener's protocol is not given or known only when Terraform runs.")
        default: serves = false
        }
        return ListenerInfo(
            endpoint: "\(isNetwork ? "NLB" : "ALB") listener \(resource.instanceAddress) (\(protocolName ?? "?")\(port))",
            endpointID: endpointID(resource), platform: isNetwork ? "aws-nlb" : "aws-alb", verifyClient: verify,
            aliasNames: balancer.flatMap { aliasNames[$0.address] } ?? [], notes: notes, serves: serves)
    }

    private mutating func listener(_ resource: TerraformResource) {
        let info = listenerInfo(resource)
        guard info.serves else { return }
        let attribute = resource.body.attribute("certificate_arn")
        if let source = source(of: value(attribute, in: resource), in: resource) {
            usages.append(
                source.usage(
                    .server, hostnames: info.aliasNames.isEmpty ? source.hostnames : info.aliasNames, endpoint: info.endpoint,
                    platform: info.platform, installedOn: .loadBalancer, verifyClient: info.verifyClient, endpointID: info.endpointID,
                    at: location(attribute, or: resource), notes: info.notes))
        }
        guard info.verifyClient == .required, let mutual = resource.body.blocks("mutual_authentication").first else { return }
        let storeAttribute = mutual.attribute("trust_store_arn")
        let storeValue = value(storeAttribute, in: resource)
        let source: Source
        if let store = target(storeValue, in: resource), store.type == "aws_lb_trust_store" {
            attachedTrustStores.insert(store.address)
            source = trustStoreSource(store)
        } else {
            let why: String
            if case .unknown(_, let reason) = storeValue { why = reason + " " } else { why = "" }
            source = Source(
                certificate: .external(storeValue.summary),
                notes: [why + "The trust store \(storeValue.summary) is not defined in this file; certlint cannot read its CA bundle."])
        }
        usages.append(
            source.usage(
                .clientCA, hostnames: info.aliasNames, endpoint: info.endpoint, platform: info.platform, installedOn: .loadBalancer,
                verifyClient: .required, endpointID: info.endpointID, at: location(storeAttribute, or: resource)))
    }

    private func trustStoreSource(_ store: TerraformResource) -> Source {
        let keyValue = value("ca_certificates_bundle_s3_key", of: store)
        let bucketValue = value("ca_certificates_bundle_s3_bucket", of: store)
        // The bundle uploaded by an aws_s3_object of the same configuration is its `source` file.
        if let object = target(keyValue, in: store), Self.s3Objects.contains(object.type) {
            // `source` is a path (`"${path.module}/ca.pem"`), not file contents.
            var uploaded: String?
            switch value("source", of: object) {
            case .file(let file): uploaded = file
            case .text(let text): uploaded = text
            default: break
            }
            if var file = uploaded {
                while file.hasPrefix("./") { file.removeFirst(2) }
                return Source(
                    certificate: .file(path: file, base: folder),
                    notes: ["Trust store \(store.instanceAddress): the CA bundle is uploaded to Amazon S3 by \(object.instanceAddress) from \(file)."])
            }
            if let (reference, _) = material(value("content", of: object)), case .inline = reference {
                return Source(
                    certificate: reference, notes: ["Trust store \(store.instanceAddress): the CA bundle is the content of \(object.instanceAddress)."])
            }
        }
        let bucket = bucketValue.text ?? target(bucketValue, in: store).flatMap { value("bucket", of: $0).text }
        let key = keyValue.text ?? target(keyValue, in: store).flatMap { value("key", of: $0).text }
        let (reference, note) = AWSCertificateSources.s3Bundle(
            bucket: bucket ?? (bucketValue == .absent ? nil : bucketValue.summary), key: key ?? (keyValue == .absent ? nil : "${" + keyValue.summary + "}"),
            manifestPath: path, context: context)
        return Source(certificate: reference, notes: ["Trust store \(store.instanceAddress): " + note])
    }

    private mutating func unattachedTrustStore(_ store: TerraformResource) {
        var attribute = store.body.attribute("ca_certificates_bundle_s3_key")
        if !attribute.isPresent { attribute = store.body.attribute("ca_certificates_bundle_s3_bucket") }
        usages.append(
            trustStoreSource(store).usage(
                .clientCA, hostnames: [], endpoint: "ALB trust store \(store.instanceAddress)", platform: "aws-alb",
                installedOn: .loadBalancer, verifyClient: .required, endpointID: endpointID(store), at: location(attribute, or: store),
                notes: ["No listener of this file uses the trust store."]))
    }

    private mutating func listenerCertificate(_ resource: TerraformResource) {
        let listenerValue = value("listener_arn", of: resource)
        var info: ListenerInfo
        if let listener = target(listenerValue, in: resource), Self.listeners.contains(listener.type) {
            info = listenerInfo(listener)
            guard info.serves else { return }
        } else {
            info = ListenerInfo(
                endpoint: "listener certificate \(resource.instanceAddress)", endpointID: endpointID(resource), platform: "aws-alb",
                verifyClient: .none, aliasNames: [], notes: ["The listener (\(listenerValue.summary)) is not defined in this file."], serves: true)
        }
        let attribute = resource.body.attribute("certificate_arn")
        guard let source = source(of: value(attribute, in: resource), in: resource) else { return }
        usages.append(
            source.usage(
                .server, hostnames: info.aliasNames.isEmpty ? source.hostnames : info.aliasNames, endpoint: info.endpoint,
                platform: info.platform, installedOn: .loadBalancer, verifyClient: info.verifyClient, endpointID: info.endpointID,
                at: location(attribute, or: resource), notes: info.notes))
    }

    private mutating func classicLoadBalancer(_ resource: TerraformResource) {
        for listener in resource.body.blocks("listener") {
            let protocolName = value(listener.attribute("lb_protocol"), in: resource).text?.uppercased()
            guard protocolName == "HTTPS" || protocolName == "SSL" else { continue }
            let attribute = listener.attribute("ssl_certificate_id")
            guard let source = source(of: value(attribute, in: resource), in: resource) else { continue }
            let port = value(listener.attribute("lb_port"), in: resource).text.map { ":" + $0 } ?? ""
            usages.append(
                source.usage(
                    .server, hostnames: source.hostnames, endpoint: "ELB \(resource.instanceAddress) (\(protocolName ?? "?")\(port))",
                    platform: "aws-elb", installedOn: .loadBalancer, verifyClient: .none, endpointID: endpointID(resource) + port,
                    at: location(attribute, or: resource)))
        }
    }

    // MARK: - CloudFront

    private mutating func distribution(_ resource: TerraformResource) {
        let aliases = value("aliases", of: resource).texts
        for viewer in resource.body.blocks("viewer_certificate") {
            var attribute = viewer.attribute("acm_certificate_arn")
            var certificate = value(attribute, in: resource)
            if certificate == .absent {
                attribute = viewer.attribute("iam_certificate_id")
                certificate = value(attribute, in: resource)
            }
            guard var source = source(of: certificate, in: resource) else { continue }
            if attribute.name == "iam_certificate_id", let id = certificate.text {
                source.notes = ["The certificate is the IAM server certificate with ID \(id), uploaded elsewhere; certlint cannot read it."]
            }
            usages.append(
                source.usage(
                    .server, hostnames: aliases, endpoint: "CloudFront distribution \(resource.instanceAddress)", platform: "aws-cloudfront",
                    installedOn: .cdn, verifyClient: .none, endpointID: endpointID(resource), at: location(attribute, or: resource)))
        }
    }

    // MARK: - API Gateway

    private mutating func apiDomain(_ resource: TerraformResource) {
        let domain = value("domain_name", of: resource).text
        let endpoint = "API Gateway domain \(domain ?? resource.instanceAddress)"
        let hostnames = domain.map { [$0] } ?? []
        let mutual = resource.body.blocks("mutual_tls_authentication").first
        let truststore = mutual?.attribute("truststore_uri")
        let truststoreValue = truststore.map { value($0, in: resource) } ?? .absent
        let verify: CertificateUsage.VerifyClient = truststoreValue == .absent ? .none : .required
        var found: [(TerraformAttribute, Source)] = []
        for name in ["certificate_arn", "regional_certificate_arn"] {
            let attribute = resource.body.attribute(name)
            if let source = source(of: value(attribute, in: resource), in: resource) { found.append((attribute, source)) }
        }
        for configuration in resource.body.blocks("domain_name_configuration") {
            let attribute = configuration.attribute("certificate_arn")
            if let source = source(of: value(attribute, in: resource), in: resource) { found.append((attribute, source)) }
        }
        let body = resource.body.attribute("certificate_body")
        if body.isPresent {
            found.append((body, stored(resource, body: "certificate_body", chain: "certificate_chain", key: "certificate_private_key")))
        }
        for (attribute, source) in found {
            usages.append(
                source.usage(
                    .server, hostnames: hostnames, endpoint: endpoint, platform: "aws-apigateway", installedOn: .apiGateway,
                    verifyClient: verify, endpointID: endpointID(resource), at: location(attribute, or: resource)))
        }
        guard let truststore, truststoreValue != .absent else { return }
        let source: Source
        if let text = truststoreValue.text, let (bucket, key) = AWSCertificateSources.splitS3URI(text) {
            let (reference, note) = AWSCertificateSources.s3Bundle(bucket: bucket, key: key, manifestPath: path, context: context)
            source = Source(certificate: reference, notes: [note])
        } else {
            source = Source(
                certificate: .external(truststoreValue.summary),
                notes: ["The truststore \(truststoreValue.summary) is not an s3:// URI known from this file; certlint cannot read it."])
        }
        usages.append(
            source.usage(
                .clientCA, hostnames: hostnames, endpoint: endpoint, platform: "aws-apigateway", installedOn: .apiGateway,
                verifyClient: .required, endpointID: endpointID(resource), at: location(truststore, or: resource)))
    }

    // MARK: - Stored certificates nothing serves

    private mutating func unreferencedStoredCertificate(_ resource: TerraformResource, platform: String, kind: String) {
        let attribute = resource.body.attribute("certificate_body")
        let source = stored(resource, body: "certificate_body", chain: "certificate_chain", key: "private_key")
        usages.append(
            source.usage(
                .unknown, hostnames: [], endpoint: "\(kind) \(resource.instanceAddress)", platform: platform, installedOn: .secretStore,
                verifyClient: .none, endpointID: endpointID(resource), at: location(attribute, or: resource),
                notes: [
                    "No listener, distribution or domain of this file uses the \(kind) \(resource.instanceAddress), so its role is unknown here."
                ]))
    }
}
