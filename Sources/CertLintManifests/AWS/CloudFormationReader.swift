import CertLintCore
import CertLintYAML

/// Reads AWS CloudFormation templates, in YAML (short tags such as `!Ref` included) or JSON,
/// and reports where they install certificates.
///
/// | resource | usage |
/// |---|---|
/// | `AWS::ElasticLoadBalancingV2::Listener` (`HTTPS`, `TLS`) | `Certificates[].CertificateArn` → server; `MutualAuthentication` `verify` → its trust store as client-ca |
/// | `AWS::ElasticLoadBalancingV2::ListenerCertificate` | more server certificates for its listener |
/// | `AWS::ElasticLoadBalancingV2::TrustStore` | client-ca, at the listener that uses it (or by itself when none does) |
/// | `AWS::ElasticLoadBalancing::LoadBalancer` (classic) | `Listeners[].SSLCertificateId` → server |
/// | `AWS::CloudFront::Distribution` | `ViewerCertificate` → server, hostnames from `Aliases` |
/// | `AWS::ApiGateway::DomainName`, `AWS::ApiGatewayV2::DomainName` | certificate ARNs → server; `MutualTlsAuthentication.TruststoreUri` → client-ca |
/// | `AWS::IAM::ServerCertificate` | carried by the usage that references it; otherwise a usage with role `unknown` |
///
/// A certificate ARN is ``CertificateReference/external(_:)`` with a note: ACM certificates
/// are not in the repository. A `Ref` to an `AWS::CertificateManager::Certificate` gives its
/// `DomainName` and `SubjectAlternativeNames` as hostnames (when no Route 53 alias names the
/// load balancer); a `Ref` to an `AWS::IAM::ServerCertificate` gives its inline PEM
/// `CertificateBody`, `CertificateChain` and `PrivateKey`. `Ref`, `Fn::GetAtt`, `Fn::Sub`,
/// `Fn::Join`, `Fn::If`, `Fn::Select`, `Fn::Split` and `Fn::FindInMap` are evaluated over
/// parameter defaults; what depends on the deployment is external, with a note. Every
/// usage is located at the key that names its certificate. Unknown resource types are ignored.
public struct CloudFormationReader: ManifestReader {
    /// `cloudformation`.
    public static let format = "cloudformation"

    /// How much of a file ``accepts(path:text:)`` looks at.
    static let sniffBytes = 128 << 10

    /// Whether the file is a CloudFormation template: a `.yaml`, `.yml`, `.json` or
    /// `.template` file (not Terraform's `.tf.json`) that names `AWSTemplateFormatVersion`,
    /// or has `Resources` and an `AWS::` type, near its start.
    public static func accepts(path: String, text: String) -> Bool {
        let lower = path.lowercased()
        guard [".yaml", ".yml", ".json", ".template"].contains(where: { lower.hasSuffix($0) }), !lower.hasSuffix(".tf.json") else {
            return false
        }
        // Terraform's plan output can embed a template in a string; it is not one.
        if AWSText.prefix(of: text, limit: 4096, contains: "\"terraform_version\"") { return false }
        if AWSText.prefix(of: text, limit: sniffBytes, contains: "AWSTemplateFormatVersion") { return true }
        return AWSText.prefix(of: text, limit: sniffBytes, contains: "Resources")
            && AWSText.prefix(of: text, limit: sniffBytes, contains: "AWS::")
    }

    /// Reads the template: its usages, and its problems (a syntax error is one error at its line).
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let roots: [CloudFormationNode]
        if text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}" }).first == "{" {
            do {
                let value = try ManifestJSON.parse(text, options: ManifestJSONOptions(maxDepth: maxDepth))
                roots = [CloudFormationNode(json: value)]
            } catch {
                contents.problems.append(
                    ManifestProblem(
                        location: SourceLocation(path: path, line: error.position.line, column: error.position.column),
                        message: "The CloudFormation template is not valid JSON: \(error.message)"))
                return contents
            }
        } else {
            do {
                roots = try YAML.parseDocuments(text, options: YAMLOptions(maxDepth: maxDepth)).compactMap { $0.root.map(CloudFormationNode.init(yaml:)) }
            } catch {
                contents.problems.append(
                    ManifestProblem(
                        location: SourceLocation(path: path, line: error.line, column: error.column),
                        message: "The CloudFormation template is not valid YAML: \(error.message)"))
                return contents
            }
        }
        for root in roots {
            var problems: [(line: Int, column: Int, message: String)] = []
            let template = CloudFormationTemplate(root: root, problems: &problems)
            var collector = CloudFormationUsageCollector(template: template, path: path, context: context)
            collector.collect()
            contents.usages += collector.usages
            problems += collector.problems
            contents.problems += problems.map {
                ManifestProblem(location: SourceLocation(path: path, line: $0.line, column: $0.column), message: $0.message, severity: .warning)
            }
        }
        contents.usages.sort { ($0.location, $0.role.rawValue, $0.endpointID) < ($1.location, $1.role.rawValue, $1.endpointID) }
        return contents
    }

    /// The deepest nesting read; templates nest a dozen levels at most.
    static let maxDepth = 64
}
