import CertLintCore

/// Reads Terraform's JSON: `*.tf.json` configurations and the output of
/// `terraform show -json` (a plan's `planned_values`, or a state's `values`), and reports
/// where their AWS resources install certificates.
///
/// | resource | usage |
/// |---|---|
/// | `aws_lb_listener` (`HTTPS`, `TLS`) | `certificate_arn` → server; `mutual_authentication` `verify` → its `aws_lb_trust_store` as client-ca |
/// | `aws_lb_listener_certificate` | more server certificates for its listener |
/// | `aws_lb_trust_store` | client-ca, at the listener that uses it (or by itself); the bundle is the `source` file of the `aws_s3_object` that uploads it, when there is one |
/// | `aws_elb` (classic) | `listener.ssl_certificate_id` → server |
/// | `aws_cloudfront_distribution` | `viewer_certificate` → server, hostnames from `aliases` |
/// | `aws_api_gateway_domain_name`, `aws_apigatewayv2_domain_name` | certificate ARNs or `certificate_body` → server; `mutual_tls_authentication.truststore_uri` → client-ca |
/// | `aws_iam_server_certificate`, imported `aws_acm_certificate` | carried by the usage that references them; otherwise a usage with role `unknown` |
///
/// `file("certs/web.pem")` (with or without `${path.module}/`) is a file relative to the
/// `.tf.json` file's folder; `aws_acm_certificate` gives `domain_name` and
/// `subject_alternative_names` as hostnames (when no `aws_route53_record` aliases the load
/// balancer); `aws_acm_certificate_validation` is followed to its certificate. Variables'
/// defaults and locals are evaluated; what only Terraform can evaluate is external, with a
/// note. In a plan, values known only after apply are followed through the plan's
/// `configuration` references. Every usage is located at the argument that names its
/// certificate; a syntax error is one problem at its line; unknown resource types are ignored.
public struct TerraformReader: ManifestReader {
    /// `terraform`.
    public static let format = "terraform"

    /// Whether the file is Terraform JSON: a `.tf.json` file, or a `.json` file that starts
    /// as `terraform show -json` output does (`format_version` and `terraform_version`).
    public static func accepts(path: String, text: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".tf.json") { return true }
        guard lower.hasSuffix(".json") else { return false }
        return AWSText.prefix(of: text, limit: 4096, contains: "\"terraform_version\"")
            && AWSText.prefix(of: text, limit: 4096, contains: "\"format_version\"")
    }

    /// Reads the file: its usages and its problems.
    public static func read(path: String, text: String, context: ManifestContext) -> ManifestContents {
        var contents = ManifestContents()
        let root: ManifestJSONValue
        do {
            root = try ManifestJSON.parse(text, options: ManifestJSONOptions(maxDepth: maxDepth))
        } catch {
            contents.problems.append(
                ManifestProblem(
                    location: SourceLocation(path: path, line: error.position.line, column: error.position.column),
                    message: "The Terraform JSON is not valid JSON: \(error.message)"))
            return contents
        }
        let isConfiguration = path.lowercased().hasSuffix(".tf.json")
        let sources = isConfiguration ? TerraformSources.configuration(root) : TerraformSources.plan(root)
        var collector = TerraformUsageCollector(sources: sources, path: path, context: context)
        collector.collect()
        contents.usages = collector.usages.sorted {
            ($0.location, $0.role.rawValue, $0.endpointID) < ($1.location, $1.role.rawValue, $1.endpointID)
        }
        contents.problems = sources.problems.map {
            ManifestProblem(
                location: SourceLocation(path: path, line: $0.position.line, column: $0.position.column), message: $0.message, severity: .warning)
        }
        return contents
    }

    /// The deepest nesting read; plans of large configurations stay far below it.
    static let maxDepth = 128
}
