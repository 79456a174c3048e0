import CertLintCore

/// Walks a template's resources and makes the usages ``CloudFormationReader`` reports.
struct CloudFormationUsageCollector {
    let template: CloudFormationTemplate
    let path: String
    let context: ManifestContext

    /// The usages made, in no particular order.
    private(set) var usages: [CertificateUsage] = []
    /// Warnings about malformed certificate properties.
    private(set) var problems: [(line: Int, column: Int, message: String)] = []
    /// IAM server certificates some usage carries.
    private var referencedIAMCertificates: Set<String> = []
    /// Trust stores some listener uses.
    private var attachedTrustStores: Set<String> = []
    /// Route 53 names that alias each load balancer, by its logical ID.
    private var aliasNames: [String: [String]] = [:]

    static let acmCertificate = "AWS::CertificateManager::Certificate"
    static let iamServerCertificate = "AWS::IAM::ServerCertificate"
    static let listener = "AWS::ElasticLoadBalancingV2::Listener"
    static let listenerCertificate = "AWS::ElasticLoadBalancingV2::ListenerCertificate"
    static let loadBalancer = "AWS::ElasticLoadBalancingV2::LoadBalancer"
    static let trustStore = "AWS::ElasticLoadBalancingV2::TrustStore"
    static let classicLoadBalancer = "AWS::ElasticLoadBalancing::LoadBalancer"
    static let distribution = "AWS::CloudFront::Distribution"
    static let restDomain = "AWS::ApiGateway::DomainName"
    static let httpDomain = "AWS::ApiGatewayV2::DomainName"

    init(template: CloudFormationTemplate, path: String, context: ManifestContext) {
        self.template = template
        self.path = path
        self.context = context
    }

    /// Makes every usage of the template.
    mutating func collect() {
        collectAliasNames()
        for id in template.order {
            guard let resource = template.resources[id] else { continue }
            switch resource.type {
            case Self.listener: listener(resource)
            case Self.listenerCertificate: listenerCertificate(resource)
            case Self.classicLoadBalancer: classicLoadBalancer(resource)
            case Self.distribution: distribution(resource)
            case Self.restDomain, Self.httpDomain: apiDomain(resource)
            default: break
            }
        }
        for resource in template.resources(ofType: Self.trustStore) where !attachedTrustStores.contains(resource.id) {
            unattachedTrustStore(resource)
        }
        for resource in template.resources(ofType: Self.iamServerCertificate) where !referencedIAMCertificates.contains(resource.id) {
            unreferencedIAMCertificate(resource)
        }
    }

    private func endpointID(_ id: String) -> String { "cloudformation:\(path)#\(id)" }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    private func location(of entry: CloudFormationNode.Entry) -> SourceLocation { location(entry.keyLine, entry.keyColumn) }

    // MARK: - Hostnames from Route 53

    /// Route 53 records whose alias target (or CNAME value) is a load balancer's DNS name.
    private mutating func collectAliasNames() {
        var records: [CloudFormationNode] = []
        for resource in template.resources(ofType: "AWS::Route53::RecordSet") { records.append(resource.properties) }
        for resource in template.resources(ofType: "AWS::Route53::RecordSetGroup") {
            records += template.structure(resource.properties["RecordSets"])?.sequence ?? []
        }
        for case let record? in records.map({ template.structure($0) }) {
            guard let name = template.resolve(record["Name"]).text else { continue }
            let host = AWSCertificateSources.hostname(fromRecordName: name)
            let targets = template.references(in: record["AliasTarget"]?["DNSName"]) + template.references(in: record["ResourceRecords"])
            for target in targets where target.attribute == "DNSName" {
                guard template.resources[target.id]?.type == Self.loadBalancer else { continue }
                if !(aliasNames[target.id] ?? []).contains(host) { aliasNames[target.id, default: []].append(host) }
            }
        }
    }

    // MARK: - Certificates

    /// Where a certificate property leads.
    private typealias Source = AWSCertificateSource

    /// The certificate a property names: an ARN, an ACM or IAM resource of this template,
    /// or something only the deployment knows. `nil` when the value is absent.
    private mutating func source(of node: CloudFormationNode) -> Source? {
        let value = template.resolve(node)
        switch value {
        case .absent:
            return nil
        case .text(let text), .partial(let text):
            let (reference, note) = AWSCertificateSources.arn(text)
            return Source(certificate: reference, notes: [note])
        case .resource(let id, _):
            guard let resource = template.resources[id] else { break }
            switch resource.type {
            case Self.acmCertificate:
                let domain = template.resolve(resource.properties["DomainName"])
                var names = domain.texts
                for name in template.resolve(resource.properties["SubjectAlternativeNames"]).texts where !names.contains(name) {
                    names.append(name)
                }
                let described = domain.text.map { "\(id) (\($0))" } ?? id
                return Source(
                    certificate: .external("AWS::CertificateManager::Certificate \(described)"), hostnames: names,
                    notes: [
                        "The certificate is requested from AWS Certificate Manager by resource \(id); certlint cannot read it, and takes its hostnames from DomainName and SubjectAlternativeNames."
                    ])
            case Self.iamServerCertificate:
                referencedIAMCertificates.insert(id)
                return iamSource(resource)
            default:
                return Source(
                    certificate: .external("\(resource.type) \(id)"),
                    notes: ["\(id) is a \(resource.type), not a certificate resource certlint can follow."])
            }
        case .list:
            return Source(certificate: .external(value.summary), notes: ["The certificate property is a list where one ARN is expected."])
        case .unknown(let what, let why):
            return Source(certificate: .external(what), notes: [why + " certlint cannot tell which certificate it is."])
        }
        return Source(certificate: .external(value.summary), notes: ["certlint cannot tell which certificate \(value.summary) is."])
    }

    /// The certificate, chain and key of an `AWS::IAM::ServerCertificate`.
    private func iamSource(_ resource: CloudFormationResource) -> Source {
        let properties = resource.properties
        var source = Source(certificate: .external("AWS::IAM::ServerCertificate \(resource.id)"))
        switch template.resolve(properties["CertificateBody"]) {
        case .text(let body):
            source.certificate = AWSCertificateSources.pem(body)
            source.embeddedAt = properties.entry("CertificateBody").map(location(of:))
            if case .external = source.certificate {
                source.certificate = .external("AWS::IAM::ServerCertificate \(resource.id)")
                source.notes.append("The CertificateBody of \(resource.id) is not PEM text.")
            }
        case .absent:
            source.notes.append("\(resource.id) has no CertificateBody.")
        case let other:
            source.notes.append("The CertificateBody of \(resource.id) is \(other.summary), known only when the stack deploys.")
        }
        if let chain = template.resolve(properties["CertificateChain"]).text {
            source.chain = AWSCertificateSources.pem(chain)
        }
        switch template.resolve(properties["PrivateKey"]) {
        case .text(let key): source.privateKey = AWSCertificateSources.pem(key)
        case .absent: break
        case let other: source.privateKey = .external(other.summary)
        }
        return source
    }

    // MARK: - Load balancer listeners

    /// What a listener's usages share.
    private struct ListenerInfo {
        var endpoint: String
        var endpointID: String
        var platform: String
        var verifyClient: CertificateUsage.VerifyClient
        var aliasNames: [String]
        var notes: [String]
    }

    private func listenerInfo(_ resource: CloudFormationResource) -> (info: ListenerInfo, serves: Bool?) {
        let properties = resource.properties
        let protocolValue = template.resolve(properties["Protocol"])
        let protocolName = protocolValue.text?.uppercased()
        let balancer = template.resource(template.resolve(properties["LoadBalancerArn"]), ofType: [Self.loadBalancer])
        let balancerType = balancer.flatMap { template.resolve($0.properties["Type"]).text?.lowercased() }
        let isNetwork = balancerType == "network" || (balancerType == nil && protocolName == "TLS")
        let platform = isNetwork ? "aws-nlb" : "aws-alb"
        let port = template.resolve(properties["Port"]).text.map { ":" + $0 } ?? ""
        var notes: [String] = []
        var verify = CertificateUsage.VerifyClient.none
        switch template.resolve(template.structure(properties["MutualAuthentication"])?["Mode"]).text?.lowercased() {
        case "verify":
            verify = .required
        case "passthrough":
            verify = .optional
            notes.append("Mutual TLS is in passthrough mode: the load balancer forwards client certificates to its targets without verifying them.")
        default:
            break
        }
        let serves: Bool?
        switch protocolName {
        case "HTTPS", "TLS": serves = true
        case nil:
            serves = nil
            notes.append("The listener's Protocol (\(protocolValue.summary)) is known only when the stack deploys.")
        default: serves = false
        }
        let info = ListenerInfo(
            endpoint: "\(isNetwork ? "NLB" : "ALB") listener \(resource.id) (\(protocolName ?? "?")\(port))", endpointID: endpointID(resource.id),
            platform: platform, verifyClient: verify, aliasNames: balancer.flatMap { aliasNames[$0.id] } ?? [], notes: notes)
        return (info, serves)
    }

    private mutating func listener(_ resource: CloudFormationResource) {
        let (info, serves) = listenerInfo(resource)
        guard serves != false else { return }
        let properties = resource.properties
        for item in template.structure(properties["Certificates"])?.sequence ?? [] {
            guard let entry = template.structure(item)?.entry("CertificateArn"), let source = source(of: entry.value) else { continue }
            usages.append(
                source.usage(
                    .server, hostnames: info.aliasNames.isEmpty ? source.hostnames : info.aliasNames, endpoint: info.endpoint,
                    platform: info.platform, installedOn: .loadBalancer, verifyClient: info.verifyClient, endpointID: info.endpointID,
                    at: location(of: entry), notes: info.notes))
        }
        if let certificates = properties.entry("Certificates"), certificates.value.scalar != nil || certificates.value.entries?.isEmpty == false && certificates.value.intrinsic == nil {
            problems.append(
                (certificates.keyLine, certificates.keyColumn, "The Certificates of listener \(resource.id) are not a list of {CertificateArn: …}."))
        }
        guard info.verifyClient == .required, let mutual = template.structure(properties["MutualAuthentication"]),
            let entry = mutual.entry("TrustStoreArn")
        else { return }
        let value = template.resolve(entry.value)
        let source: Source
        if let store = template.resource(value, ofType: [Self.trustStore]) {
            attachedTrustStores.insert(store.id)
            source = trustStoreSource(store)
        } else {
            let what = value.summary
            let why: String
            if case .unknown(_, let reason) = value { why = reason + " " } else { why = "" }
            source = Source(certificate: .external(what), notes: [why + "The trust store \(what) is not defined in this template; certlint cannot read its CA bundle."])
        }
        usages.append(
            source.usage(
                .clientCA, hostnames: info.aliasNames, endpoint: info.endpoint, platform: info.platform, installedOn: .loadBalancer,
                verifyClient: .required, endpointID: info.endpointID, at: location(of: entry)))
    }

    private func trustStoreSource(_ store: CloudFormationResource) -> Source {
        let bucket = template.resolve(store.properties["CaCertificatesBundleS3Bucket"])
        let key = template.resolve(store.properties["CaCertificatesBundleS3Key"])
        let (reference, note) = AWSCertificateSources.s3Bundle(
            bucket: bucket.text ?? (bucket == .absent ? nil : bucket.placeholder), key: key.text ?? (key == .absent ? nil : key.placeholder),
            manifestPath: path, context: context)
        return Source(certificate: reference, notes: ["Trust store \(store.id): " + note])
    }

    private mutating func unattachedTrustStore(_ store: CloudFormationResource) {
        let entry = store.properties.entry("CaCertificatesBundleS3Key") ?? store.properties.entry("CaCertificatesBundleS3Bucket")
        usages.append(
            trustStoreSource(store).usage(
                .clientCA, hostnames: [], endpoint: "ALB trust store \(store.id)", platform: "aws-alb",
                installedOn: .loadBalancer, verifyClient: .required, endpointID: endpointID(store.id),
                at: entry.map(location(of:)) ?? location(store.line, store.column),
                notes: ["No listener of this template uses the trust store."]))
    }

    private mutating func listenerCertificate(_ resource: CloudFormationResource) {
        let properties = resource.properties
        let target = template.resource(template.resolve(properties["ListenerArn"]), ofType: [Self.listener])
        var info: ListenerInfo
        if let target {
            let (found, serves) = listenerInfo(target)
            guard serves != false else { return }
            info = found
        } else {
            info = ListenerInfo(
                endpoint: "listener certificate \(resource.id)", endpointID: endpointID(resource.id), platform: "aws-alb", verifyClient: .none,
                aliasNames: [], notes: ["The listener (\(template.resolve(properties["ListenerArn"]).summary)) is not defined in this template."])
        }
        for item in template.structure(properties["Certificates"])?.sequence ?? [] {
            guard let entry = template.structure(item)?.entry("CertificateArn"), let source = source(of: entry.value) else { continue }
            usages.append(
                source.usage(
                    .server, hostnames: info.aliasNames.isEmpty ? source.hostnames : info.aliasNames, endpoint: info.endpoint,
                    platform: info.platform, installedOn: .loadBalancer, verifyClient: info.verifyClient, endpointID: info.endpointID,
                    at: location(of: entry), notes: info.notes))
        }
    }

    private mutating func classicLoadBalancer(_ resource: CloudFormationResource) {
        for case let listener? in (template.structure(resource.properties["Listeners"])?.sequence ?? []).map({ template.structure($0) }) {
            let protocolName = template.resolve(listener["Protocol"]).text?.uppercased()
            guard protocolName != "HTTP", protocolName != "TCP", let entry = listener.entry("SSLCertificateId"),
                let source = source(of: entry.value)
            else { continue }
            let port = template.resolve(listener["LoadBalancerPort"]).text.map { ":" + $0 } ?? ""
            usages.append(
                source.usage(
                    .server, hostnames: source.hostnames, endpoint: "ELB \(resource.id) (\(protocolName ?? "?")\(port))", platform: "aws-elb",
                    installedOn: .loadBalancer, verifyClient: .none, endpointID: endpointID(resource.id) + port, at: location(of: entry)))
        }
    }

    // MARK: - CloudFront

    private mutating func distribution(_ resource: CloudFormationResource) {
        guard let config = template.structure(resource.properties["DistributionConfig"]), let viewer = template.structure(config["ViewerCertificate"])
        else { return }
        let aliases = template.resolve(config["Aliases"]).texts
        guard let entry = viewer.entry("AcmCertificateArn") ?? viewer.entry("IamCertificateId"), var source = source(of: entry.value) else {
            return
        }
        if entry.key == "IamCertificateId", case .external(let id) = source.certificate, template.resolve(entry.value).text != nil {
            source.notes = ["The certificate is the IAM server certificate with ID \(id), uploaded elsewhere; certlint cannot read it."]
        }
        usages.append(
            source.usage(
                .server, hostnames: aliases, endpoint: "CloudFront distribution \(resource.id)", platform: "aws-cloudfront",
                installedOn: .cdn, verifyClient: .none, endpointID: endpointID(resource.id), at: location(of: entry)))
    }

    // MARK: - API Gateway

    private mutating func apiDomain(_ resource: CloudFormationResource) {
        let properties = resource.properties
        let domain = template.resolve(properties["DomainName"]).text
        let endpoint = "API Gateway domain \(domain ?? resource.id)"
        let hostnames = domain.map { [$0] } ?? []
        var entries: [CloudFormationNode.Entry] = []
        for key in ["CertificateArn", "RegionalCertificateArn"] {
            if let entry = properties.entry(key) { entries.append(entry) }
        }
        for configuration in template.structure(properties["DomainNameConfigurations"])?.sequence ?? [] {
            if let entry = template.structure(configuration)?.entry("CertificateArn") { entries.append(entry) }
        }
        let truststore = template.structure(properties["MutualTlsAuthentication"])?.entry("TruststoreUri")
        let truststoreValue = template.resolve(truststore?.value)
        let verify: CertificateUsage.VerifyClient = truststoreValue == .absent ? .none : .required
        for entry in entries {
            guard let source = source(of: entry.value) else { continue }
            usages.append(
                source.usage(
                    .server, hostnames: hostnames, endpoint: endpoint, platform: "aws-apigateway", installedOn: .apiGateway,
                    verifyClient: verify, endpointID: endpointID(resource.id), at: location(of: entry)))
        }
        guard let truststore, truststoreValue != .absent else { return }
        let source: Source
        if let text = truststoreValue.text, let (bucket, key) = AWSCertificateSources.splitS3URI(text) {
            let (reference, note) = AWSCertificateSources.s3Bundle(bucket: bucket, key: key, manifestPath: path, context: context)
            source = Source(certificate: reference, notes: [note])
        } else {
            let what = truststoreValue.summary
            source = Source(certificate: .external(what), notes: ["The truststore \(what) is not an s3:// URI known from the template; certlint cannot read it."])
        }
        usages.append(
            source.usage(
                .clientCA, hostnames: hostnames, endpoint: endpoint, platform: "aws-apigateway", installedOn: .apiGateway,
                verifyClient: .required, endpointID: endpointID(resource.id), at: location(of: truststore)))
    }

    // MARK: - IAM server certificates

    /// An IAM server certificate that nothing in the template serves: it is uploaded for some
    /// load balancer or distribution elsewhere, so its role cannot be known here.
    private mutating func unreferencedIAMCertificate(_ resource: CloudFormationResource) {
        let entry = resource.properties.entry("CertificateBody")
        let source = iamSource(resource)
        usages.append(
            source.usage(
                .unknown, hostnames: [], endpoint: "IAM server certificate \(resource.id)", platform: "aws-iam", installedOn: .secretStore,
                verifyClient: .none, endpointID: endpointID(resource.id), at: entry.map(location(of:)) ?? location(resource.line, resource.column),
                notes: [
                    "No listener or distribution of this template uses the IAM server certificate \(resource.id), so its role is unknown here (IAM server certificates are served by load balancers and CloudFront)."
                ]))
    }
}
