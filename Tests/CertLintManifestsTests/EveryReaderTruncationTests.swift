import CertLintCore
import Testing

@testable import CertLintManifests

/// Every reader, fed every prefix of a realistic file of its format (cut at each Unicode scalar):
/// it returns, and every place it reports is inside the text. Hostile or half-written files
/// never crash certlint.
@Suite struct EveryReaderTruncationTests {
    static let samples: [(reader: any ManifestReader.Type, path: String, text: String)] = [
        (NginxReader.self, "nginx/nginx.conf", """
            # é
            http {
                server { listen 443 ssl; server_name "a.example.com" b.example.com;
                    ssl_certificate  /etc/nginx/tls/a.pem;  ssl_certificate_key tls/a.key;
                    ssl_client_certificate ca.pem; ssl_verify_client on;
                    location / { proxy_ssl_certificate c.pem; proxy_pass https://up; }
                }
            }
            """),
        (ApacheReader.self, "apache2/sites-enabled/ssl.conf", """
            Define ROOT /etc/ssl
            <VirtualHost *:443>
                ServerName a.example.com
                ServerAlias "b.example.com"
                SSLEngine on
                SSLCertificateFile ${ROOT}/a.pem
                SSLCACertificateFile ca.pem
                SSLVerifyClient require
            </VirtualHost>
            """),
        (HAProxyReader.self, "haproxy/haproxy.cfg", """
            frontend www
                mode http
                bind :443 ssl crt "/etc/haproxy/a.pem" ca-file ca.pem verify required
                default_backend app
            backend app
                server s1 10.0.0.1:443 ssl crt client.pem ca-file up.pem verify required
            """),
        (KubernetesReader.self, "k8s/ingress.yaml", """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: { name: web, namespace: shop, annotations: { nginx.ingress.kubernetes.io/auth-tls-secret: shop/ca } }
            spec:
              tls:
                - hosts: ["a.example.com"]
                  secretName: web-tls
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: web-tls, namespace: shop }
            type: kubernetes.io/tls
            data: { tls.crt: LS0tLS1CRUdJTg==, tls.key: "" }
            """),
        (ComposeReader.self, "docker-compose.yml", """
            services:
              web: { image: nginx, secrets: [site_cert] }
            secrets:
              site_cert: { file: ./certs/site.pem }
            """),
        (CloudFormationReader.self, "stack/template.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: HTTPS
                  Certificates: [{ CertificateArn: !Sub "arn:aws:acm:${AWS::Region}:1:certificate/x" }]
            """),
        (TerraformReader.self, "main.tf.json", """
            {"resource": {"aws_lb_listener": {"https": {"port": 443, "protocol": "HTTPS", "certificate_arn": "${aws_acm_certificate.a.arn}"}}}}
            """),
        (IISReader.self, "applicationHost.config", """
            <?xml version="1.0"?>
            <configuration><system.applicationHost><sites><site name="S" id="1"><bindings>
            <binding protocol="https" bindingInformation="*:443:a.example.com" certificateHash="0123456789abcdef0123456789abcdef01234567" />
            </bindings></site></sites></system.applicationHost></configuration>
            """),
        (KestrelReader.self, "appsettings.json", """
            { // é
              "Kestrel": { "Endpoints": { "Https": { "Url": "https://*:443", "Certificate": { "Path": "a.pfx", "Password": "x" } } } }
            }
            """),
        (SpringReader.self, "src/main/resources/application.properties", """
            server.ssl.key-store=classpath:a.p12
            server.ssl.key-store-password=${PW}
            server.ssl.client-auth=need
            server.ssl.trust-store=classpath:t.jks
            """),
        (TykReader.self, "apps/api.json", """
            {"name": "api", "api_id": "a", "use_mutual_tls_auth": true, "client_certificates": ["c"], "domain": "a.example.com"}
            """),
        (KongReader.self, "kong.yml", """
            _format_version: "3.0"
            certificates:
              - cert: "-----BEGIN CERTIFICATE-----"
                snis: [{ name: a.example.com }]
            """),
        (EnvReader.self, ".env", """
            PARTNER_CLIENT_CERT_PATH=certs/client.pem
            TLS_CERT="-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"
            export JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=t.jks
            """),
    ]

    @Test func everyRegisteredReaderHasASample() {
        let sampled = Set(Self.samples.map { ObjectIdentifier($0.reader) })
        #expect(ManifestReaders.all.allSatisfy { sampled.contains(ObjectIdentifier($0)) })
    }

    @Test(arguments: samples.indices)
    func everyPrefixReadsWithoutTrapping(sample: Int) {
        let (reader, path, text) = Self.samples[sample]
        let accepted = reader.accepts(path: path, text: text)
        #expect(accepted, "\(reader) accepts its own sample")
        let whole = reader.read(path: path, text: text, context: .isolated)
        #expect(!whole.usages.isEmpty, "\(reader) finds a usage in its whole sample")
        let scalars = Array(text.unicodeScalars)
        for cut in 0...scalars.count {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[0..<cut])
            let contents = reader.read(path: path, text: prefix, context: .isolated)
            let lineCount = prefix.split(separator: "\n", omittingEmptySubsequences: false).count
            let places = contents.usages.map(\.location) + contents.problems.map(\.location)
            for place in places where place.path == path {
                #expect((place.line ?? 1) >= 1 && (place.line ?? 1) <= lineCount + 1, "\(reader) at cut \(cut): \(place)")
            }
        }
    }
}
