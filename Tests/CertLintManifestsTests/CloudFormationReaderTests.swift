import CertLintCore
import Testing

@testable import CertLintManifests

// Templates in the shapes of the AWS CloudFormation resource reference
// (AWS::ElasticLoadBalancingV2::Listener, ::ListenerCertificate, ::TrustStore,
// AWS::CertificateManager::Certificate, AWS::IAM::ServerCertificate, AWS::CloudFront::Distribution,
// AWS::ApiGateway::DomainName, AWS::ApiGatewayV2::DomainName, AWS::Route53::RecordSet), written
// for these tests. `⟨name⟩` marks the position each usage or problem must report.

private let pem = """
    -----BEGIN CERTIFICATE-----
    MIIBszCCAVmgAwIBAgIUQk0Tn8pWJ3Y1x5ZbA6Jd1q2o1rEwCgYIKoZIzj0EAwIw
    -----END CERTIFICATE-----
    """

private func read(_ marked: MarkedText, path: String = "infra/web.yaml", context: ManifestContext = .isolated) -> ManifestContents {
    CloudFormationReader.read(path: path, text: marked.text, context: context)
}

/// A context whose repository holds `files` (path → text); `list` matches a bare file name
/// at any depth, as the repository's glob does.
private func repository(_ files: [String: String]) -> ManifestContext {
    ManifestContext(
        load: { files[$0] },
        list: { pattern in files.keys.filter { $0 == pattern || $0.hasSuffix("/" + pattern) }.sorted() })
}

@Suite struct CloudFormationReaderTests {
    @Test func albListenerWithACMCertificateTakesHostnamesFromRoute53() throws {
        let marked = MarkedText(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: Public website behind an Application Load Balancer.
            Parameters:
              DomainName:
                Type: String
                Default: www.example.com
            Resources:
              WebCertificate:
                Type: AWS::CertificateManager::Certificate
                Properties:
                  DomainName: !Ref DomainName
                  SubjectAlternativeNames: [example.com]
                  ValidationMethod: DNS
              LoadBalancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: application
                  Scheme: internet-facing
              HttpsListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref LoadBalancer
                  Port: 443
                  Protocol: HTTPS
                  SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
                  Certificates:
                    - ⟨cert⟩CertificateArn: !Ref WebCertificate
                  DefaultActions:
                    - Type: fixed-response
                      FixedResponseConfig: {StatusCode: "200"}
              # The apex and www both alias the load balancer.
              WwwRecord:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneName: example.com.
                  Name: www.example.com.
                  Type: A
                  AliasTarget:
                    DNSName: !GetAtt LoadBalancer.DNSName
                    HostedZoneId: !GetAtt LoadBalancer.CanonicalHostedZoneID
              ApexRecords:
                Type: AWS::Route53::RecordSetGroup
                Properties:
                  HostedZoneName: example.com.
                  RecordSets:
                    - Name: example.com.
                      Type: A
                      AliasTarget:
                        DNSName: !Join ["", ["dualstack.", !GetAtt LoadBalancer.DNSName]]
                        HostedZoneId: !GetAtt LoadBalancer.CanonicalHostedZoneID
            """)
        let contents = read(marked)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 1)
        let usage = try #require(contents.usages.first)
        #expect(usage.role == .server)
        #expect(usage.certificate == .external("AWS::CertificateManager::Certificate WebCertificate (www.example.com)"))
        #expect(usage.hostnames == ["www.example.com", "example.com"])
        #expect(usage.platform == "aws-alb")
        #expect(usage.installedOn == .loadBalancer)
        #expect(usage.endpoint == "ALB listener HttpsListener (HTTPS:443)")
        #expect(usage.endpointID == "cloudformation:infra/web.yaml#HttpsListener")
        #expect(usage.verifyClient == CertificateUsage.VerifyClient.none)
        #expect(usage.location == marked.location("cert", in: "infra/web.yaml"))
        #expect(usage.note?.contains("AWS Certificate Manager") == true)
    }

    @Test func hostnamesComeFromACMWhenNoRecordAliasesTheLoadBalancer() throws {
        let marked = MarkedText(
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Zone: {Type: String, Default: shop.example.org}
            Resources:
              Certificate:
                Type: AWS::CertificateManager::Certificate
                Properties:
                  DomainName: !Sub "api.${Zone}"
                  SubjectAlternativeNames:
                    - !Sub "*.api.${Zone}"
                    - !Join [".", [admin, !Ref Zone]]
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop/50dc6c495c0c9188
                  Port: 443
                  Protocol: HTTPS
                  Certificates: [{⟨cert⟩CertificateArn: !Ref Certificate}]
                  DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]
              Extra:
                Type: AWS::ElasticLoadBalancingV2::ListenerCertificate
                Properties:
                  ListenerArn: !Ref Listener
                  Certificates:
                    - ⟨extra⟩CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/0b5c8a7e-1d2f-4a6b-9c3d-5e7f8a9b0c1d
            """)
        let contents = read(marked, path: "shop.yml")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 2)
        let main = try #require(contents.usages.first)
        #expect(main.hostnames == ["api.shop.example.org", "*.api.shop.example.org", "admin.shop.example.org"])
        #expect(main.location == marked.location("cert", in: "shop.yml"))
        let extra = try #require(contents.usages.last)
        #expect(extra.certificate == .external("arn:aws:acm:eu-west-1:123456789012:certificate/0b5c8a7e-1d2f-4a6b-9c3d-5e7f8a9b0c1d"))
        #expect(extra.endpointID == main.endpointID)
        #expect(extra.endpoint == "ALB listener Listener (HTTPS:443)")
        #expect(extra.hostnames.isEmpty)
        #expect(extra.location == marked.location("extra", in: "shop.yml"))
    }

    @Test func iamServerCertificateReferencedByAListenerCarriesItsInlineBody() throws {
        let marked = MarkedText(
            """
            Resources:
              LegacyCertificate:
                Type: AWS::IAM::ServerCertificate
                Properties:
                  ServerCertificateName: legacy-www
                  CertificateBody: |
                    -----BEGIN CERTIFICATE-----
                    MIIBszCCAVmgAwIBAgIUQk0Tn8pWJ3Y1x5ZbA6Jd1q2o1rEwCgYIKoZIzj0EAwIw
                    -----END CERTIFICATE-----
                  CertificateChain: |
                    -----BEGIN CERTIFICATE-----
                    MIIBqDCCAU6gAwIBAgIUGh2=
                    -----END CERTIFICATE-----
                  PrivateKey: '{{resolve:secretsmanager:legacy-www-key}}'
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !ImportValue shared-alb-arn
                  Port: 443
                  Protocol: HTTPS
                  Certificates:
                    - ⟨cert⟩CertificateArn: !GetAtt LegacyCertificate.Arn
            """)
        let contents = read(marked)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 1)
        let usage = try #require(contents.usages.first)
        #expect(usage.role == .server)
        #expect(usage.certificate == .inline(pem + "\n"))
        #expect(usage.chain == .inline("-----BEGIN CERTIFICATE-----\nMIIBqDCCAU6gAwIBAgIUGh2=\n-----END CERTIFICATE-----\n"))
        #expect(usage.privateKey == .external("{{resolve:secretsmanager:legacy-www-key}}"))
        #expect(usage.location == marked.location("cert", in: "infra/web.yaml"))
        #expect(usage.note == nil)
    }

    @Test func unreferencedIAMServerCertificateHasUnknownRole() throws {
        let marked = MarkedText(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Uploaded:
                Type: AWS::IAM::ServerCertificate
                Properties:
                  ServerCertificateName: partner-portal
                  Path: /cloudfront/
                  ⟨body⟩CertificateBody: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
                  PrivateKey: !Ref PortalKey
              Orphan:
                ⟨orphan⟩Type: AWS::IAM::ServerCertificate
                Properties: {ServerCertificateName: no-body}
            Parameters:
              PortalKey: {Type: String, NoEcho: true}
            """)
        let contents = read(marked)
        #expect(contents.usages.count == 2)
        let usage = try #require(contents.usages.first)
        #expect(usage.role == .unknown)
        #expect(usage.installedOn == .secretStore)
        #expect(usage.platform == "aws-iam")
        #expect(usage.certificate == .inline("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"))
        #expect(usage.privateKey == .external("PortalKey"))
        #expect(usage.location == marked.location("body", in: "infra/web.yaml"))
        #expect(usage.note?.contains("role is unknown") == true)
        // Without a body the usage is at the logical ID and says so.
        let orphan = try #require(contents.usages.last)
        #expect(orphan.certificate == .external("AWS::IAM::ServerCertificate Orphan"))
        #expect(orphan.location.line == (marked.markers["orphan"]?.line ?? 0) - 1)
        #expect(orphan.note?.contains("no CertificateBody") == true)
    }

    @Test func mutualTLSListenerPairsItsServerCertificateWithTheTrustStore() throws {
        let marked = MarkedText(
            """
            Resources:
              PartnerTrustStore:
                Type: AWS::ElasticLoadBalancingV2::TrustStore
                Properties:
                  Name: partner-cas
                  CaCertificatesBundleS3Bucket: example-mtls-config
                  CaCertificatesBundleS3Key: truststores/partner-ca-bundle.pem
              UnusedTrustStore:
                Type: AWS::ElasticLoadBalancingV2::TrustStore
                Properties:
                  CaCertificatesBundleS3Bucket: !Sub "${AWS::AccountId}-mtls"
                  ⟨unused⟩CaCertificatesBundleS3Key: other.pem
              PartnerListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Alb
                  Port: 8443
                  Protocol: HTTPS
                  Certificates:
                    - ⟨cert⟩CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/7e0b3f1c-2a4d-4b5e-8f6a-9c0d1e2f3a4b
                  MutualAuthentication:
                    Mode: verify
                    ⟨store⟩TrustStoreArn: !GetAtt PartnerTrustStore.TrustStoreArn
                    IgnoreClientCertificateExpiry: false
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties: {Type: application}
            """)
        let files = ["infra/truststores/partner-ca-bundle.pem": pem]
        let contents = read(marked, context: repository(files))
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 3)
        let server = try #require(contents.usages.first { $0.role == .server })
        let clientCA = try #require(contents.usages.first { $0.role == .clientCA && $0.endpointID.hasSuffix("#PartnerListener") })
        #expect(server.verifyClient == .required)
        #expect(server.location == marked.location("cert", in: "infra/web.yaml"))
        #expect(clientCA.verifyClient == .required)
        #expect(clientCA.endpointID == server.endpointID)
        #expect(clientCA.certificate == .file(path: "truststores/partner-ca-bundle.pem", base: "infra"))
        #expect(clientCA.location == marked.location("store", in: "infra/web.yaml"))
        #expect(clientCA.note?.contains("s3://example-mtls-config/truststores/partner-ca-bundle.pem") == true)
        // A trust store no listener uses is still a client-CA bundle, on its own.
        let unused = try #require(contents.usages.first { $0.endpointID.hasSuffix("#UnusedTrustStore") })
        #expect(unused.role == .clientCA)
        #expect(unused.certificate == .external("s3://${AWS::AccountId}-mtls/other.pem"))
        #expect(unused.location == marked.location("unused", in: "infra/web.yaml"))
        #expect(unused.note?.contains("No listener") == true)
    }

    @Test func trustStoreBundleMatchedByFileNameOrLeftInS3() throws {
        let marked = MarkedText(
            """
            Resources:
              Store:
                Type: AWS::ElasticLoadBalancingV2::TrustStore
                Properties:
                  CaCertificatesBundleS3Bucket: mtls-bucket
                  ⟨key⟩CaCertificatesBundleS3Key: prod/clients-ca.pem
            """)
        let unique = read(marked, path: "stack.yaml", context: repository(["certs/clients-ca.pem": pem]))
        #expect(unique.usages.first?.certificate == .file(path: "certs/clients-ca.pem", base: ""))
        let ambiguous = read(marked, path: "stack.yaml", context: repository(["a/clients-ca.pem": pem, "b/clients-ca.pem": pem]))
        #expect(ambiguous.usages.first?.certificate == .external("s3://mtls-bucket/prod/clients-ca.pem"))
        #expect(ambiguous.usages.first?.location == marked.location("key", in: "stack.yaml"))
    }

    @Test func jsonTemplateWithLongFormFunctions() throws {
        let marked = MarkedText(
            """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Parameters": {
                "CertificateId": { "Type": "String", "Default": "9f4c7a52-1b3e-4d6f-8a0b-2c4e6f8a0b2c" }
              },
              "Resources": {
                "NetworkLoadBalancer": {
                  "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
                  "Properties": { "Type": "network", "Scheme": "internal" }
                },
                "TlsListener": {
                  "Type": "AWS::ElasticLoadBalancingV2::Listener",
                  "Properties": {
                    "LoadBalancerArn": { "Ref": "NetworkLoadBalancer" },
                    "Port": 6514,
                    "Protocol": "TLS",
                    "Certificates": [
                      { ⟨cert⟩"CertificateArn": { "Fn::Join": [":", ["arn", "aws", "acm", { "Ref": "AWS::Region" }, { "Ref": "AWS::AccountId" }, { "Fn::Sub": "certificate/${CertificateId}" }]] } }
                    ],
                    "DefaultActions": [ { "Type": "forward", "TargetGroupArn": { "Ref": "SyslogTargets" } } ]
                  }
                },
                "PlainListener": {
                  "Type": "AWS::ElasticLoadBalancingV2::Listener",
                  "Properties": { "Protocol": "TCP", "Port": 514, "Certificates": [ { "CertificateArn": "ignored" } ] }
                }
              }
            }
            """)
        let contents = read(marked, path: "syslog.template.json")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 1)
        let usage = try #require(contents.usages.first)
        #expect(usage.platform == "aws-nlb")
        #expect(usage.endpoint == "NLB listener TlsListener (TLS:6514)")
        #expect(usage.certificate == .external("arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/9f4c7a52-1b3e-4d6f-8a0b-2c4e6f8a0b2c"))
        #expect(usage.location == marked.location("cert", in: "syslog.template.json"))
        #expect(usage.note?.contains("AWS Certificate Manager") == true)
    }

    @Test func cloudFrontDistributionServesItsAliases() throws {
        let marked = MarkedText(
            """
            AWSTemplateFormatVersion: 2010-09-09
            Resources:
              SiteDistribution:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Aliases:
                      - www.example.net
                      - static.example.net
                    DefaultCacheBehavior:
                      TargetOriginId: site
                      ViewerProtocolPolicy: redirect-to-https
                    ViewerCertificate:
                      ⟨cert⟩AcmCertificateArn: !Sub "arn:${AWS::Partition}:acm:us-east-1:${AWS::AccountId}:certificate/3c1d9e2f-4b5a-4c6d-8e7f-0a1b2c3d4e5f"
                      SslSupportMethod: sni-only
                      MinimumProtocolVersion: TLSv1.2_2021
              LegacyDistribution:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Aliases: [legacy.example.net]
                    ViewerCertificate: {⟨iam⟩IamCertificateId: ASCAJLXPPTSUCMWZSWQY2, SslSupportMethod: vip}
              DefaultDistribution:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    ViewerCertificate: {CloudFrontDefaultCertificate: true}
            """)
        let contents = read(marked, path: "cdn.yaml")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 2)
        let site = try #require(contents.usages.first)
        #expect(site.role == .server)
        #expect(site.installedOn == .cdn)
        #expect(site.platform == "aws-cloudfront")
        #expect(site.hostnames == ["www.example.net", "static.example.net"])
        #expect(site.endpoint == "CloudFront distribution SiteDistribution")
        #expect(site.certificate == .external("arn:${AWS::Partition}:acm:us-east-1:${AWS::AccountId}:certificate/3c1d9e2f-4b5a-4c6d-8e7f-0a1b2c3d4e5f"))
        #expect(site.location == marked.location("cert", in: "cdn.yaml"))
        let legacy = try #require(contents.usages.last)
        #expect(legacy.certificate == .external("ASCAJLXPPTSUCMWZSWQY2"))
        #expect(legacy.note?.contains("IAM server certificate with ID ASCAJLXPPTSUCMWZSWQY2") == true)
        #expect(legacy.location == marked.location("iam", in: "cdn.yaml"))
    }

    @Test func apiGatewayDomainsWithMutualTLS() throws {
        let marked = MarkedText(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              RestDomain:
                Type: AWS::ApiGateway::DomainName
                Properties:
                  DomainName: api.example.com
                  ⟨regional⟩RegionalCertificateArn: arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555
                  EndpointConfiguration: {Types: [REGIONAL]}
                  SecurityPolicy: TLS_1_2
                  MutualTlsAuthentication:
                    ⟨truststore⟩TruststoreUri: s3://example-truststores/api/truststore.pem
                    TruststoreVersion: 3
              HttpDomain:
                Type: AWS::ApiGatewayV2::DomainName
                Properties:
                  DomainName: events.example.com
                  DomainNameConfigurations:
                    - ⟨v2⟩CertificateArn: !Ref EventsCertificate
                      EndpointType: REGIONAL
                      SecurityPolicy: TLS_1_2
              EventsCertificate:
                Type: AWS::CertificateManager::Certificate
                Properties: {DomainName: events.example.com, ValidationMethod: DNS}
            """)
        let contents = read(marked, path: "api.yaml")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 3)
        let rest = contents.usages[0]
        #expect(rest.role == .server)
        #expect(rest.platform == "aws-apigateway")
        #expect(rest.installedOn == .apiGateway)
        #expect(rest.hostnames == ["api.example.com"])
        #expect(rest.verifyClient == .required)
        #expect(rest.endpoint == "API Gateway domain api.example.com")
        #expect(rest.location == marked.location("regional", in: "api.yaml"))
        let truststore = contents.usages[1]
        #expect(truststore.role == .clientCA)
        #expect(truststore.certificate == .external("s3://example-truststores/api/truststore.pem"))
        #expect(truststore.endpointID == rest.endpointID)
        #expect(truststore.location == marked.location("truststore", in: "api.yaml"))
        let events = contents.usages[2]
        #expect(events.hostnames == ["events.example.com"])
        #expect(events.verifyClient == CertificateUsage.VerifyClient.none)
        #expect(events.certificate == .external("AWS::CertificateManager::Certificate EventsCertificate (events.example.com)"))
        #expect(events.location == marked.location("v2", in: "api.yaml"))
    }

    @Test func parametersDefaultsSSMAndMissingDefaults() throws {
        let marked = MarkedText(
            """
            Parameters:
              CertificateArn:
                Type: String
                Default: arn:aws:acm:us-west-2:123456789012:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
              PartnerCertificateArn:
                Type: String
                Description: Given at deploy time.
              SharedCertificateArn:
                Type: AWS::SSM::Parameter::Value<String>
                Default: /shared/tls/certificate-arn
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: HTTPS
                  Port: 443
                  Certificates:
                    - ⟨default⟩CertificateArn: !Ref CertificateArn
              PartnerListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: HTTPS
                  Port: 9443
                  Certificates:
                    - ⟨missing⟩CertificateArn: !Ref PartnerCertificateArn
              SharedListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: HTTPS
                  Port: 10443
                  Certificates:
                    - ⟨ssm⟩CertificateArn: !Ref SharedCertificateArn
            """)
        let contents = read(marked, path: "p.yaml")
        #expect(contents.usages.count == 3)
        #expect(contents.usages[0].certificate == .external("arn:aws:acm:us-west-2:123456789012:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"))
        #expect(contents.usages[0].location == marked.location("default", in: "p.yaml"))
        #expect(contents.usages[1].certificate == .external("PartnerCertificateArn"))
        #expect(contents.usages[1].note?.contains("has no default") == true)
        #expect(contents.usages[1].location == marked.location("missing", in: "p.yaml"))
        #expect(contents.usages[2].certificate == .external("SharedCertificateArn"))
        #expect(contents.usages[2].note?.contains("SSM parameter /shared/tls/certificate-arn") == true)
        #expect(contents.usages[2].location == marked.location("ssm", in: "p.yaml"))
    }

    @Test func conditionsMappingsAndImportsAreEvaluatedWhereTheTemplateCan() throws {
        let marked = MarkedText(
            """
            Parameters:
              Environment: {Type: String, Default: prod, AllowedValues: [prod, staging]}
              Hosts: {Type: CommaDelimitedList, Default: "a.example.com, b.example.com"}
            Conditions:
              IsProd: !Equals [!Ref Environment, prod]
              IsStaging: !Not [!Condition IsProd]
              Deployed: !Equals [!Ref "AWS::Region", us-east-1]
            Mappings:
              Certificates:
                prod: {Arn: "arn:aws:acm:us-east-1:123456789012:certificate/prod-0001"}
                staging: {Arn: "arn:aws:acm:us-east-1:123456789012:certificate/staging-0001"}
            Resources:
              Conditional:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Aliases: [!Select [1, !Ref Hosts]]
                    ViewerCertificate:
                      ⟨if⟩AcmCertificateArn: !If [IsStaging, !Ref "AWS::NoValue", !FindInMap [Certificates, !Ref Environment, Arn]]
              Regional:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Aliases: !Split [",", "x.example.com,y.example.com"]
                    ViewerCertificate:
                      ⟨region⟩AcmCertificateArn: !If [Deployed, arn:aws:acm:us-east-1:1:certificate/a, arn:aws:acm:us-east-1:1:certificate/b]
              Imported:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    ViewerCertificate: {⟨import⟩AcmCertificateArn: !ImportValue "shared-edge-certificate"}
            """)
        let contents = read(marked, path: "c.yaml")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 3)
        #expect(contents.usages[0].certificate == .external("arn:aws:acm:us-east-1:123456789012:certificate/prod-0001"))
        #expect(contents.usages[0].hostnames == ["b.example.com"])
        #expect(contents.usages[0].location == marked.location("if", in: "c.yaml"))
        #expect(contents.usages[1].certificate == .external("Fn::If Deployed"))
        #expect(contents.usages[1].note?.contains("known only when the stack deploys") == true)
        #expect(contents.usages[1].hostnames == ["x.example.com", "y.example.com"])
        #expect(contents.usages[1].location == marked.location("region", in: "c.yaml"))
        #expect(contents.usages[2].certificate == .external("Fn::ImportValue shared-edge-certificate"))
        #expect(contents.usages[2].note?.contains("export shared-edge-certificate of another stack") == true)
        #expect(contents.usages[2].location == marked.location("import", in: "c.yaml"))
    }

    @Test func conditionalBlocksChooseTheirBranch() throws {
        let marked = MarkedText(
            """
            Parameters:
              EnableMtls: {Type: String, Default: "true", AllowedValues: ["true", "false"]}
              Stage: {Type: String, Default: prod}
            Conditions:
              Mtls: !Equals [!Ref EnableMtls, "true"]
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: HTTPS
                  Port: 443
                  Certificates: !If
                    - IsProd
                    - [{⟨prod⟩CertificateArn: arn:aws:acm:us-east-1:1:certificate/prod}]
                    - [{CertificateArn: arn:aws:acm:us-east-1:1:certificate/dev}]
                  MutualAuthentication: !If
                    - Mtls
                    - {Mode: verify, ⟨store⟩TrustStoreArn: arn:aws:elasticloadbalancing:us-east-1:1:truststore/t/1}
                    - !Ref AWS::NoValue
            """)
        let contents = read(marked)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 2)
        #expect(contents.usages[0].certificate == .external("arn:aws:acm:us-east-1:1:certificate/prod"))
        #expect(contents.usages[0].verifyClient == .required)
        #expect(contents.usages[0].location == marked.location("prod", in: "infra/web.yaml"))
        #expect(contents.usages[1].role == .clientCA)
        #expect(contents.usages[1].certificate == .external("arn:aws:elasticloadbalancing:us-east-1:1:truststore/t/1"))
        #expect(contents.usages[1].location == marked.location("store", in: "infra/web.yaml"))
    }

    @Test func passthroughAndDynamicReferences() throws {
        let marked = MarkedText(
            """
            Resources:
              Listener:
                Type: "AWS::ElasticLoadBalancingV2::Listener"
                Properties:
                  Protocol: HTTPS
                  Port: 443
                  Certificates:
                    - ⟨cert⟩CertificateArn: '{{resolve:ssm:/certs/web/arn}}'
                  MutualAuthentication: {Mode: passthrough}
            """)
        let contents = read(marked)
        let usage = try #require(contents.usages.first)
        #expect(contents.usages.count == 1)
        #expect(usage.verifyClient == .optional)
        #expect(usage.certificate == .external("{{resolve:ssm:/certs/web/arn}}"))
        #expect(usage.note?.contains("dynamic reference") == true)
        #expect(usage.note?.contains("passthrough") == true)
        #expect(usage.location == marked.location("cert", in: "infra/web.yaml"))
    }

    @Test func unknownTypesHTTPListenersAndCommentsAreIgnored() {
        let marked = MarkedText(
            """
            # A template with nothing certlint reads.
            AWSTemplateFormatVersion: "2010-09-09"   # trailing comment
            Resources:
              Bucket:
                Type: AWS::S3::Bucket   # ignored
                Properties: {BucketName: !Sub "${AWS::StackName}-logs"}
              Custom:
                Type: Custom::CertificateIssuer
                Properties: {CertificateArn: arn:aws:acm:us-east-1:1:certificate/x}
              HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: HTTP
                  Port: 80
                  Certificates: [{CertificateArn: arn:aws:acm:us-east-1:1:certificate/unused}]
              NoType:
                Properties: {}
            """)
        let contents = read(marked)
        #expect(contents.usages.isEmpty)
        #expect(contents.problems.isEmpty)
    }

    @Test func brokenTemplatesAreProblemsAtTheirLine() throws {
        let yaml = MarkedText(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Certificates:
                    - CertificateArn: "arn:aws:acm:us-east-1:1:certificate/x
              ⟨error⟩Next: true
            """)
        let yamlContents = read(yaml)
        #expect(yamlContents.usages.isEmpty)
        let yamlProblem = try #require(yamlContents.problems.first)
        #expect(yamlContents.problems.count == 1)
        #expect(yamlProblem.severity == .error)
        #expect(yamlProblem.message.hasPrefix("The CloudFormation template is not valid YAML"))
        #expect(yamlProblem.location == yaml.location("error", in: "infra/web.yaml"))

        let json = MarkedText(
            """
            {
              "Resources": {
                "Listener": {
                  "Type": "AWS::ElasticLoadBalancingV2::Listener",
                  "Properties": { "Protocol": "HTTPS", ⟨error⟩}
                }
              }
            }
            """)
        let jsonContents = read(json, path: "broken.json")
        let jsonProblem = try #require(jsonContents.problems.first)
        #expect(jsonContents.usages.isEmpty)
        #expect(jsonProblem.location == json.location("error", in: "broken.json"))
        #expect(jsonProblem.message.contains("not valid JSON"))
        #expect(jsonProblem.message.contains("trailing comma"))

        let noResources = read(MarkedText("AWSTemplateFormatVersion: '2010-09-09'\nDescription: empty\n"))
        #expect(noResources.problems.map(\.severity) == [.warning])
        let badCertificates = MarkedText(
            """
            Resources:
              L:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: HTTPS
                  ⟨certs⟩Certificates: arn:aws:acm:us-east-1:1:certificate/x
            """)
        let bad = read(badCertificates)
        #expect(bad.problems.first?.location == badCertificates.location("certs", in: "infra/web.yaml"))
        #expect(bad.problems.first?.severity == .warning)
    }

    @Test func classicLoadBalancerListeners() throws {
        let marked = MarkedText(
            """
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - {LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP}
                    - LoadBalancerPort: "443"
                      InstancePort: "80"
                      Protocol: HTTPS
                      ⟨cert⟩SSLCertificateId: arn:aws:iam::123456789012:server-certificate/legacy-www
            """)
        let contents = read(marked)
        let usage = try #require(contents.usages.first)
        #expect(contents.usages.count == 1)
        #expect(usage.platform == "aws-elb")
        #expect(usage.note?.contains("IAM server certificate") == true)
        #expect(usage.location == marked.location("cert", in: "infra/web.yaml"))
    }

    @Test func acceptsTemplatesByNameAndContent() {
        let yaml = "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"
        let json = "{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"}}}"
        #expect(CloudFormationReader.accepts(path: "infra/stack.yaml", text: yaml))
        #expect(CloudFormationReader.accepts(path: "Stack.YML", text: yaml))
        #expect(CloudFormationReader.accepts(path: "cdk.out/App.template.json", text: json))
        #expect(CloudFormationReader.accepts(path: "old/web.template", text: yaml))
        #expect(!CloudFormationReader.accepts(path: "main.tf.json", text: json))
        #expect(!CloudFormationReader.accepts(path: "stack.txt", text: yaml))
        #expect(!CloudFormationReader.accepts(path: "k8s/ingress.yaml", text: "apiVersion: networking.k8s.io/v1\nkind: Ingress\n"))
        #expect(!CloudFormationReader.accepts(path: "plan.json", text: "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"Resources\":\"AWS::\"}"))
        #expect(CloudFormationReader.format == "cloudformation")
    }

    @Test func seededMutationsNeverTrap() {
        let samples = [
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters: {Zone: {Type: String, Default: example.com}}
            Conditions: {A: !Equals [!Ref Zone, example.com], B: !Or [!Condition A, !Not [!Condition B]]}
            Resources:
              C: {Type: AWS::CertificateManager::Certificate, Properties: {DomainName: !Sub "www.${Zone}"}}
              S: {Type: AWS::ElasticLoadBalancingV2::TrustStore, Properties: {CaCertificatesBundleS3Bucket: b, CaCertificatesBundleS3Key: k.pem}}
              L:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: !If [B, HTTPS, TLS]
                  Certificates: [{CertificateArn: !Ref C}, {CertificateArn: !GetAtt [I, Arn]}]
                  MutualAuthentication: {Mode: verify, TrustStoreArn: !Ref S}
              I: {Type: AWS::IAM::ServerCertificate, Properties: {CertificateBody: "-----BEGIN CERTIFICATE-----\\nA\\n-----END CERTIFICATE-----"}}
              R: {Type: AWS::Route53::RecordSet, Properties: {Name: !Sub "${Zone}.", AliasTarget: {DNSName: !Sub "${L.DNSName}"}}}
            """,
            """
            {"Resources": {"D": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
              "Aliases": {"Fn::Split": [",", {"Fn::Join": [",", ["a", {"Ref": "AWS::Region"}]]}]},
              "ViewerCertificate": {"AcmCertificateArn": {"Fn::FindInMap": ["M", {"Ref": "X"}, "k"]}}}}},
              "G": {"Type": "AWS::ApiGatewayV2::DomainName", "Properties": {"DomainName": "g", "DomainNameConfigurations": [{"CertificateArn": {"Fn::Select": [0, []]}}],
                "MutualTlsAuthentication": {"TruststoreUri": "s3://b/k"}}}}}
            """,
        ]
        var random = SplitMix64(seed: 0xC0FF_EE15_600D)
        let alphabet = Array("{}[]:,-!\"'\n #&*|>${}.\\".unicodeScalars)
        for sample in samples {
            var scalars = Array(sample.unicodeScalars)
            for round in 0..<400 {
                var mutated = scalars
                for _ in 0...(round % 4) {
                    guard !mutated.isEmpty else { break }
                    let at = Int(random.next() % UInt64(mutated.count))
                    switch random.next() % 3 {
                    case 0: mutated.remove(at: at)
                    case 1: mutated.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                    default: mutated[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                    }
                }
                var text = ""
                text.unicodeScalars.append(contentsOf: mutated)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                let contents = CloudFormationReader.read(path: "m.yaml", text: text, context: .isolated)
                for problem in contents.problems {
                    #expect((problem.location.line ?? 1) <= lines + 1, "round \(round)")
                }
                for usage in contents.usages { #expect((usage.location.line ?? 1) <= lines, "round \(round)") }
                if round % 50 == 0 { scalars = mutated.isEmpty ? scalars : mutated }
            }
            // Every prefix reads without trapping.
            for cut in stride(from: 0, through: scalars.count, by: 7) {
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars.prefix(cut))
                _ = CloudFormationReader.read(path: "p.yaml", text: text, context: .isolated)
            }
        }
    }

    @Test func deeplyNestedFunctionsAndSelfReferencesStayBounded() {
        var nested = "x"
        for _ in 0..<25 { nested = "!Join [\"\", [\(nested)]]" }
        let text = """
            Conditions: {A: !Condition B, B: !Condition A}
            Resources:
              D:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Aliases: [\(nested)]
                    ViewerCertificate: {AcmCertificateArn: !If [A, a, b]}
            """
        let contents = CloudFormationReader.read(path: "d.yaml", text: text, context: .isolated)
        #expect(contents.usages.count == 1)
        #expect(contents.usages.first?.certificate == .external("Fn::If A"))
    }
}

