import CertLintCore
import Testing

@testable import CertLintManifests

// Configurations in Terraform's JSON syntax and `terraform show -json` output, in the shapes
// of the Terraform AWS provider's documentation (aws_lb_listener, aws_lb_listener_certificate,
// aws_lb_trust_store, aws_acm_certificate(_validation), aws_iam_server_certificate,
// aws_cloudfront_distribution, aws_api_gateway_domain_name, aws_apigatewayv2_domain_name,
// aws_route53_record), written for these tests. `⟨name⟩` marks each expected position.

private func read(_ marked: MarkedText, path: String = "infra/main.tf.json", context: ManifestContext = .isolated) -> ManifestContents {
    TerraformReader.read(path: path, text: marked.text, context: context)
}

@Suite struct TerraformReaderTests {
    @Test func listenerFollowsValidationToTheACMCertificateAndRoute53Aliases() throws {
        let marked = MarkedText(
            """
            {
              "//": "Public website: ALB with an ACM certificate validated by DNS.",
              "variable": {
                "domain": { "type": "string", "default": "www.example.com" }
              },
              "resource": {
                "aws_lb": {
                  "front_end": { "name": "front-end", "load_balancer_type": "application", "subnets": ["${var.subnet_a}"] }
                },
                "aws_acm_certificate": {
                  "cert": {
                    "domain_name": "${var.domain}",
                    "subject_alternative_names": ["example.com"],
                    "validation_method": "DNS",
                    "lifecycle": { "create_before_destroy": true }
                  }
                },
                "aws_acm_certificate_validation": {
                  "cert": { "certificate_arn": "${aws_acm_certificate.cert.arn}" }
                },
                "aws_lb_listener": {
                  "front_end": {
                    "load_balancer_arn": "${aws_lb.front_end.arn}",
                    "port": "443",
                    "protocol": "HTTPS",
                    "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                    ⟨cert⟩"certificate_arn": "${aws_acm_certificate_validation.cert.certificate_arn}",
                    "default_action": { "type": "forward", "target_group_arn": "${aws_lb_target_group.front_end.arn}" }
                  },
                  "redirect": {
                    "load_balancer_arn": "${aws_lb.front_end.arn}",
                    "port": "80",
                    "protocol": "HTTP",
                    "default_action": [{ "type": "redirect", "redirect": [{ "port": "443", "protocol": "HTTPS", "status_code": "HTTP_301" }] }]
                  }
                },
                "aws_route53_zone": { "primary": { "name": "example.com" } },
                "aws_route53_record": {
                  "www": {
                    "zone_id": "${aws_route53_zone.primary.zone_id}",
                    "name": "www",
                    "type": "A",
                    "alias": { "name": "${aws_lb.front_end.dns_name}", "zone_id": "${aws_lb.front_end.zone_id}", "evaluate_target_health": true }
                  }
                }
              }
            }
            """)
        let contents = read(marked)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 1)
        let usage = try #require(contents.usages.first)
        #expect(usage.role == .server)
        #expect(usage.certificate == .external("aws_acm_certificate aws_acm_certificate.cert (www.example.com)"))
        #expect(usage.hostnames == ["www.example.com"])
        #expect(usage.platform == "aws-alb")
        #expect(usage.installedOn == .loadBalancer)
        #expect(usage.endpoint == "ALB listener aws_lb_listener.front_end (HTTPS:443)")
        #expect(usage.endpointID == "terraform:infra/main.tf.json#aws_lb_listener.front_end")
        #expect(usage.location == marked.location("cert", in: "infra/main.tf.json"))
        #expect(usage.note?.contains("AWS Certificate Manager") == true)
    }

    @Test func iamServerCertificatesFromFilesAndACMHostnames() throws {
        let marked = MarkedText(
            """
            {
              "resource": [
                {
                  "aws_iam_server_certificate": {
                    "legacy": {
                      "name_prefix": "legacy-",
                      ⟨body⟩"certificate_body": "${file(\\"${path.module}/certs/legacy.pem\\")}",
                      "certificate_chain": "${file(\\"certs/chain.pem\\")}",
                      "private_key": "${file(\\"./keys/legacy.key\\")}"
                    },
                    "spare": {
                      ⟨spare⟩"certificate_body": "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",
                      "private_key": "${tls_private_key.spare.private_key_pem}"
                    }
                  }
                },
                {
                  "aws_lb_listener": {
                    "legacy": [{
                      "load_balancer_arn": "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/legacy/1234567890abcdef",
                      "port": 8443,
                      "protocol": "HTTPS",
                      ⟨cert⟩"certificate_arn": "${aws_iam_server_certificate.legacy.arn}"
                    }]
                  },
                  "aws_lb_listener_certificate": {
                    "extra": {
                      "listener_arn": "${aws_lb_listener.legacy.arn}",
                      ⟨extra⟩"certificate_arn": "${aws_acm_certificate.extra.arn}"
                    }
                  },
                  "aws_acm_certificate": {
                    "extra": { "domain_name": "legacy.example.org", "subject_alternative_names": ["*.legacy.example.org"], "validation_method": "DNS" }
                  }
                }
              ]
            }
            """)
        let contents = read(marked, path: "stacks/legacy/main.tf.json")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 3)
        let listener = contents.usages[1]
        #expect(listener.certificate == .file(path: "certs/legacy.pem", base: "stacks/legacy"))
        #expect(listener.chain == .file(path: "certs/chain.pem", base: "stacks/legacy"))
        #expect(listener.privateKey == .file(path: "keys/legacy.key", base: "stacks/legacy"))
        #expect(listener.location == marked.location("cert", in: "stacks/legacy/main.tf.json"))
        #expect(listener.note == nil)
        // The certificate nothing serves is a usage with role unknown at its body.
        let spare = contents.usages[0]
        #expect(spare.role == .unknown)
        #expect(spare.installedOn == .secretStore)
        #expect(spare.certificate == .inline("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"))
        #expect(spare.privateKey == .external("tls_private_key.spare.private_key_pem"))
        #expect(spare.location == marked.location("spare", in: "stacks/legacy/main.tf.json"))
        let extra = contents.usages[2]
        #expect(extra.endpointID == listener.endpointID)
        #expect(extra.hostnames == ["legacy.example.org", "*.legacy.example.org"])
        #expect(extra.location == marked.location("extra", in: "stacks/legacy/main.tf.json"))
        #expect(!contents.usages.contains { $0.location == marked.location("body", in: "stacks/legacy/main.tf.json") })
    }

    @Test func mutualTLSTrustStoreUploadedFromTheRepository() throws {
        let marked = MarkedText(
            """
            {
              "resource": {
                "aws_s3_object": {
                  "ca_bundle": { "bucket": "${aws_s3_bucket.mtls.id}", "key": "truststore/ca.pem", "source": "${path.module}/pki/partner-ca.pem" }
                },
                "aws_lb_trust_store": {
                  "partners": {
                    "name": "partners",
                    "ca_certificates_bundle_s3_bucket": "${aws_s3_bucket.mtls.id}",
                    "ca_certificates_bundle_s3_key": "${aws_s3_object.ca_bundle.key}"
                  },
                  "static": {
                    "ca_certificates_bundle_s3_bucket": "static-bucket",
                    ⟨static⟩"ca_certificates_bundle_s3_key": "bundles/internal-ca.pem"
                  }
                },
                "aws_lb_listener": {
                  "partner_api": {
                    "load_balancer_arn": "${aws_lb.api.arn}",
                    "protocol": "HTTPS",
                    "port": 443,
                    ⟨cert⟩"certificate_arn": "arn:aws:acm:eu-west-1:123456789012:certificate/5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                    "mutual_authentication": { "mode": "verify", ⟨store⟩"trust_store_arn": "${aws_lb_trust_store.partners.arn}" }
                  }
                }
              }
            }
            """)
        let context = ManifestContext(load: { $0 == "bundles/internal-ca.pem" ? "PEM" : nil }, list: { _ in [] })
        let contents = read(marked, path: "main.tf.json", context: context)
        #expect(contents.usages.count == 3)
        let server = contents.usages[1]
        #expect(server.verifyClient == .required)
        #expect(server.location == marked.location("cert", in: "main.tf.json"))
        let clientCA = contents.usages[2]
        #expect(clientCA.role == .clientCA)
        #expect(clientCA.endpointID == server.endpointID)
        #expect(clientCA.certificate == .file(path: "pki/partner-ca.pem", base: ""))
        #expect(clientCA.note?.contains("aws_s3_object.ca_bundle") == true)
        #expect(clientCA.location == marked.location("store", in: "main.tf.json"))
        let unattached = contents.usages[0]
        #expect(unattached.role == .clientCA)
        #expect(unattached.certificate == .file(path: "bundles/internal-ca.pem", base: ""))
        #expect(unattached.location == marked.location("static", in: "main.tf.json"))
    }

    @Test func cloudFrontAndAPIGatewayDomains() throws {
        let marked = MarkedText(
            """
            {
              "locals": { "zone": "example.net", "edge_cert": "arn:aws:acm:us-east-1:123456789012:certificate/edge-0001" },
              "variable": { "truststore_bucket": { "default": "api-truststores" }, "regional_cert": {} },
              "resource": {
                "aws_cloudfront_distribution": {
                  "site": {
                    "enabled": true,
                    "aliases": ["www.${local.zone}", "static.${local.zone}"],
                    "viewer_certificate": [{ ⟨cf⟩"acm_certificate_arn": "${local.edge_cert}", "ssl_support_method": "sni-only", "minimum_protocol_version": "TLSv1.2_2021" }]
                  },
                  "default": { "viewer_certificate": { "cloudfront_default_certificate": true } }
                },
                "aws_api_gateway_domain_name": {
                  "api": {
                    "domain_name": "api.${local.zone}",
                    ⟨regional⟩"regional_certificate_arn": "${var.regional_cert}",
                    "endpoint_configuration": { "types": ["REGIONAL"] },
                    "mutual_tls_authentication": { ⟨trust⟩"truststore_uri": "s3://${var.truststore_bucket}/api/truststore.pem" }
                  }
                },
                "aws_apigatewayv2_domain_name": {
                  "events": {
                    "domain_name": "events.example.net",
                    "domain_name_configuration": { ⟨v2⟩"certificate_arn": "${data.aws_acm_certificate.events.arn}", "endpoint_type": "REGIONAL", "security_policy": "TLS_1_2" }
                  }
                }
              },
              "data": { "aws_acm_certificate": { "events": { "domain": "events.example.net", "statuses": ["ISSUED"] } } }
            }
            """)
        let contents = read(marked, path: "edge.tf.json")
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 4)
        let site = contents.usages[0]
        #expect(site.platform == "aws-cloudfront")
        #expect(site.installedOn == .cdn)
        #expect(site.hostnames == ["www.example.net", "static.example.net"])
        #expect(site.certificate == .external("arn:aws:acm:us-east-1:123456789012:certificate/edge-0001"))
        #expect(site.location == marked.location("cf", in: "edge.tf.json"))
        let api = contents.usages[1]
        #expect(api.platform == "aws-apigateway")
        #expect(api.installedOn == .apiGateway)
        #expect(api.hostnames == ["api.example.net"])
        #expect(api.verifyClient == .required)
        #expect(api.certificate == .external("var.regional_cert"))
        #expect(api.note?.contains("has no default") == true)
        #expect(api.location == marked.location("regional", in: "edge.tf.json"))
        let truststore = contents.usages[2]
        #expect(truststore.role == .clientCA)
        #expect(truststore.certificate == .external("s3://api-truststores/api/truststore.pem"))
        #expect(truststore.endpointID == api.endpointID)
        #expect(truststore.location == marked.location("trust", in: "edge.tf.json"))
        let events = contents.usages[3]
        #expect(events.certificate == .external("data.aws_acm_certificate.events (events.example.net)"))
        #expect(events.hostnames == ["events.example.net"])
        #expect(events.location == marked.location("v2", in: "edge.tf.json"))
    }

    @Test func planOutputUsesPlannedValuesAndConfigurationReferences() throws {
        let marked = MarkedText(
            """
            {"format_version":"1.2","terraform_version":"1.9.5",
             "planned_values":{"root_module":{"resources":[
              {"address":"aws_acm_certificate.web","mode":"managed","type":"aws_acm_certificate","name":"web",
               "values":{"domain_name":"shop.example.com","subject_alternative_names":["shop.example.com","www.shop.example.com"],"validation_method":"DNS"}},
              {"address":"aws_lb_listener.https","mode":"managed","type":"aws_lb_listener","name":"https",
               "values":{"port":443,"protocol":"HTTPS","ssl_policy":"ELBSecurityPolicy-TLS13-1-2-2021-06","tags":null,"mutual_authentication":[]}},
              {"address":"aws_cloudfront_distribution.cdn","mode":"managed","type":"aws_cloudfront_distribution","name":"cdn",
               "values":{"aliases":["cdn.example.com"],"viewer_certificate":[{⟨cf⟩"acm_certificate_arn":"arn:aws:acm:us-east-1:123456789012:certificate/cdn-1","cloudfront_default_certificate":false,⟨iam⟩"iam_certificate_id":"","ssl_support_method":"sni-only"}]}}],
              "child_modules":[{"address":"module.partner[0]","resources":[
               {"address":"module.partner[0].aws_lb_listener.mtls","mode":"managed","type":"aws_lb_listener","name":"mtls","index":0,
                "values":{"port":8443,"protocol":"HTTPS",⟨mcert⟩"certificate_arn":"arn:aws:acm:us-east-1:123456789012:certificate/partner-1",
                          "mutual_authentication":[{"mode":"verify",⟨mstore⟩"trust_store_arn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:truststore/partners/1"}]}}]}]}},
             "configuration":{"root_module":{
              "resources":[{"address":"aws_lb_listener.https","mode":"managed","type":"aws_lb_listener","name":"https",
               "expressions":{⟨cert⟩"certificate_arn":{"references":["aws_acm_certificate.web.arn","aws_acm_certificate.web"]},"port":{"constant_value":443}}}],
              "module_calls":{"partner":{"source":"./modules/partner","module":{"resources":[]}}}}}}
            """)
        let contents = read(marked, path: "plans/prod.json")
        #expect(TerraformReader.accepts(path: "plans/prod.json", text: marked.text))
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.count == 4)
        let listener = contents.usages[3]
        #expect(listener.certificate == .external("aws_acm_certificate aws_acm_certificate.web (shop.example.com)"))
        #expect(listener.hostnames == ["shop.example.com", "www.shop.example.com"])
        #expect(listener.location == marked.location("cert", in: "plans/prod.json"))
        let cdn = contents.usages[0]
        #expect(cdn.certificate == .external("arn:aws:acm:us-east-1:123456789012:certificate/cdn-1"))
        #expect(cdn.hostnames == ["cdn.example.com"])
        #expect(cdn.location == marked.location("cf", in: "plans/prod.json"))
        let partner = contents.usages[1]
        #expect(partner.endpointID == "terraform:plans/prod.json#module.partner[0].aws_lb_listener.mtls")
        #expect(partner.verifyClient == .required)
        #expect(partner.location == marked.location("mcert", in: "plans/prod.json"))
        let partnerCA = contents.usages[2]
        #expect(partnerCA.role == .clientCA)
        #expect(partnerCA.certificate == .external("arn:aws:elasticloadbalancing:us-east-1:123456789012:truststore/partners/1"))
        #expect(partnerCA.note?.contains("not defined in this file") == true)
        #expect(partnerCA.location == marked.location("mstore", in: "plans/prod.json"))
    }

    @Test func brokenAndEmptyFiles() throws {
        let broken = MarkedText(
            """
            {
              "resource": {
                "aws_lb_listener": {
                  "front": { "certificate_arn": "arn:aws:acm:…" ⟨error⟩"port": 443 }
                }
              }
            }
            """)
        let contents = read(broken)
        let problem = try #require(contents.problems.first)
        #expect(contents.problems.count == 1)
        #expect(contents.usages.isEmpty)
        #expect(problem.severity == .error)
        #expect(problem.location == broken.location("error", in: "infra/main.tf.json"))
        #expect(problem.message.hasPrefix("The Terraform JSON is not valid JSON:"))

        let array = read(MarkedText("[1, 2]"))
        #expect(array.problems.map(\.severity) == [.warning])
        let noValues = TerraformReader.read(path: "state.json", text: "{\"format_version\":\"1.0\",\"terraform_version\":\"1.5.7\"}", context: .isolated)
        #expect(noValues.problems.map(\.severity) == [.warning])
        let unknownOnly = read(MarkedText("{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"x\"}}, \"kubernetes_secret\": {\"s\": {}}}}"))
        #expect(unknownOnly.usages.isEmpty && unknownOnly.problems.isEmpty)
    }

    @Test func templatesVariablesAndUnresolvableExpressions() throws {
        let marked = MarkedText(
            """
            {
              "variable": [
                { "region": { "default": "us-east-2" } },
                { "account": { "type": "string" } }
              ],
              "locals": [{ "certificate_id": "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f", "domain": "${var.region}.example.io" }],
              "resource": {
                "aws_lb": { "nlb": { "load_balancer_type": "network" } },
                "aws_lb_listener": {
                  "tls": {
                    "load_balancer_arn": "${aws_lb.nlb.arn}",
                    "protocol": "TLS",
                    "port": 6514,
                    ⟨tls⟩"certificate_arn": "arn:aws:acm:${var.region}:${var.account}:certificate/${local.certificate_id}"
                  },
                  "escaped": {
                    "protocol": "HTTPS",
                    ⟨escaped⟩"certificate_arn": "$${literal}-%%{also}"
                  },
                  "directive": {
                    "protocol": "HTTPS",
                    ⟨directive⟩"certificate_arn": "%{ if true }arn%{ endif }"
                  },
                  "each": {
                    "protocol": "HTTPS",
                    ⟨each⟩"certificate_arn": "${each.value.arn}"
                  },
                  "indexed": {
                    "protocol": "HTTPS",
                    ⟨indexed⟩"certificate_arn": "${aws_acm_certificate.multi[\\"api\\"].arn}"
                  }
                },
                "aws_acm_certificate": { "multi": { "domain_name": "${local.domain}" } }
              }
            }
            """)
        let contents = read(marked)
        #expect(contents.usages.count == 5)
        let tls = contents.usages[0]
        #expect(tls.platform == "aws-nlb")
        #expect(tls.certificate == .external("arn:aws:acm:us-east-2:${var.account}:certificate/3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f"))
        #expect(tls.location == marked.location("tls", in: "infra/main.tf.json"))
        #expect(contents.usages[1].certificate == .external("${literal}-%{also}"))
        #expect(contents.usages[1].location == marked.location("escaped", in: "infra/main.tf.json"))
        #expect(contents.usages[2].certificate == .external("%{ if true }arn%{ endif }"))
        #expect(contents.usages[2].note?.contains("template directive") == true)
        #expect(contents.usages[3].certificate == .external("each.value.arn"))
        #expect(contents.usages[3].note?.contains("evaluated only when Terraform runs") == true)
        #expect(contents.usages[4].hostnames == ["us-east-2.example.io"])
        #expect(contents.usages[4].location == marked.location("indexed", in: "infra/main.tf.json"))
        #expect(contents.usages[2].location == marked.location("directive", in: "infra/main.tf.json"))
        #expect(contents.usages[3].location == marked.location("each", in: "infra/main.tf.json"))
    }

    @Test func acceptsTerraformJSONByNameOrContent() {
        #expect(TerraformReader.accepts(path: "main.tf.json", text: "{}"))
        #expect(TerraformReader.accepts(path: "modules/web/LB.TF.JSON", text: "{}"))
        #expect(TerraformReader.accepts(path: "plan.json", text: "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"planned_values\":{}}"))
        #expect(!TerraformReader.accepts(path: "package.json", text: "{\"name\":\"web\",\"version\":\"1.0.0\"}"))
        #expect(!TerraformReader.accepts(path: "main.tf", text: "resource \"aws_lb\" \"x\" {}"))
        #expect(!TerraformReader.accepts(path: "stack.template.json", text: "{\"Resources\":{}}"))
        #expect(TerraformReader.format == "terraform")
    }

    @Test func seededMutationsNeverTrap() {
        let samples = [
            """
            {"variable":{"d":{"default":"x.example.com"}},"locals":{"a":"${local.b}","b":"${local.a}"},
             "resource":{"aws_acm_certificate":{"c":{"domain_name":"${var.d}","subject_alternative_names":["${local.a}"]}},
              "aws_acm_certificate_validation":{"v":{"certificate_arn":"${aws_acm_certificate_validation.v.certificate_arn}"}},
              "aws_lb_listener":{"l":{"protocol":"HTTPS","certificate_arn":"${aws_acm_certificate_validation.v.certificate_arn}",
               "mutual_authentication":{"mode":"verify","trust_store_arn":"${aws_lb_trust_store.t.arn}"}}},
              "aws_lb_trust_store":{"t":{"ca_certificates_bundle_s3_key":"${aws_s3_object.o.key}"}},
              "aws_s3_object":{"o":{"source":"${file(\\"${path.module}/x\\")}"}},
              "aws_iam_server_certificate":{"i":{"certificate_body":"${file(\\"c.pem\\")}"}},
              "aws_route53_record":{"r":{"name":"a","records":["${aws_lb.x.dns_name}"]}}}}
            """,
            """
            {"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":{"resources":[
             {"address":"aws_api_gateway_domain_name.d","type":"aws_api_gateway_domain_name","name":"d","values":{"domain_name":"d","certificate_body":"-----BEGIN CERTIFICATE-----\\nA\\n-----END CERTIFICATE-----","mutual_tls_authentication":[{"truststore_uri":"s3://b/k"}]}}],
             "child_modules":[{"address":"module.m","resources":[],"child_modules":[{"address":"module.m.module.n"}]}]}},
             "configuration":{"root_module":{"module_calls":{"m":{"module":{"module_calls":{"n":{"module":{}}}}}}}}}
            """,
        ]
        var random = SplitMix64(seed: 0x7E44_AF04_0001)
        let alphabet = Array("{}[]:,\"\\$%.~ \n_${}a".unicodeScalars)
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            // The samples themselves read.
            #expect(TerraformReader.read(path: "s.tf.json", text: sample, context: .isolated).problems.filter { $0.severity == .error }.isEmpty)
            for round in 0..<600 {
                var mutated = scalars
                for _ in 0...(round % 3) {
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
                for path in ["m.tf.json", "plan.json"] {
                    let contents = TerraformReader.read(path: path, text: text, context: .isolated)
                    for problem in contents.problems { #expect((problem.location.line ?? 1) <= lines, "round \(round)") }
                    for usage in contents.usages { #expect((usage.location.line ?? 1) <= lines, "round \(round)") }
                }
            }
        }
    }
}

