import CertLintCore
import CertLintYAML
import Testing

@testable import CertLintManifests

// Manifests in the shapes of the official pages (kubernetes.io "Secrets" and "Ingress" TLS,
// ingress-nginx client certificate authentication, gateway-api.sigs.k8s.io TLS, cert-manager
// Certificate, istio.io "Secure Gateways" and egress mutual TLS origination), written for
// these tests. Every position is asserted with a ⟨marker⟩.

@Suite struct KubernetesReaderTests {
    static let path = "deploy/k8s/app.yaml"

    func read(_ marked: MarkedText, path: String = KubernetesReaderTests.path) -> ManifestContents {
        KubernetesReader.read(path: path, text: marked.text, context: .isolated)
    }

    // MARK: Secrets

    @Test func tlsSecretsAreStoresWithBase64AndInlineData() throws {
        let text = MarkedText(
            """
            # A TLS Secret as `kubectl create secret tls` makes it.
            apiVersion: v1
            kind: Secret
            metadata:
              name: web-tls
              namespace: shop
            type: kubernetes.io/tls
            data:
              # values are base64, which obscures them but is not encryption
              ⟨crt⟩tls.crt: |
                LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
                Cg==
              tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: partner-ca
            type: Opaque
            stringData:
              ⟨ca⟩ca.crt: |
                -----BEGIN CERTIFICATE-----
                MIIBszCCAVmgAwIBAgIU
                -----END CERTIFICATE-----
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: db-password}
            type: Opaque
            data:
              password: cGFzc3dvcmQ=
            ---
            # A placeholder that cert-manager fills at deploy time.
            apiVersion: v1
            kind: Secret
            metadata:
              name: placeholder-tls
            type: kubernetes.io/tls
            data:
              ⟨empty⟩tls.crt: ""
              tls.key: ""
            """)
        let contents = read(text)
        #expect(contents.usages.isEmpty)
        #expect(contents.problems.isEmpty)
        try #require(contents.secrets.count == 3)
        let web = contents.secrets[0]
        #expect(web.namespace == "shop")
        #expect(web.name == "web-tls")
        #expect(web.certificate == .base64("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\nCg=="))
        #expect(web.privateKey == .base64("LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t"))
        #expect(web.ca == nil)
        #expect(web.location == text.location("crt", in: Self.path))
        let partner = contents.secrets[1]
        #expect(partner.namespace == "default")
        #expect(partner.certificate == nil)
        #expect(partner.ca == .inline("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----"))
        #expect(partner.location == text.location("ca", in: Self.path))
        let placeholder = contents.secrets[2]
        #expect(placeholder.certificate == nil && placeholder.privateKey == nil)
        #expect(placeholder.location == text.location("empty", in: Self.path))
    }

    @Test func stringDataWinsIstioGenericKeysConfigMapsAndSOPS() throws {
        let text = MarkedText(
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: merged, namespace: shop}
            data:
              tls.crt: b2xk
            stringData:
              ⟨merged⟩tls.crt: "-----BEGIN CERTIFICATE-----"
            ---
            # Istio's generic format (kubectl create secret generic --from-file=cert=… --from-file=key=…)
            apiVersion: v1
            kind: Secret
            metadata: {name: httpbin-credential, namespace: istio-system}
            type: Opaque
            data:
              ⟨cert⟩cert: Y2VydA==
              key: a2V5
              cacert: Y2E=
            ---
            # A trust-manager style CA bundle.
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: client-ca, namespace: edge}
            data:
              ⟨bundle⟩ca.crt: |
                -----BEGIN CERTIFICATE-----
                -----END CERTIFICATE-----
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {LOG_LEVEL: debug}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: sops-tls}
            type: kubernetes.io/tls
            data:
              ⟨sops⟩tls.crt: ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]
            sops:
              version: 3.8.1
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        try #require(contents.secrets.map(\.name) == ["merged", "httpbin-credential", "client-ca", "sops-tls"])
        #expect(contents.secrets[0].certificate == .inline("-----BEGIN CERTIFICATE-----"))
        #expect(contents.secrets[0].location == text.location("merged", in: Self.path))
        #expect(contents.secrets[1].certificate == .base64("Y2VydA=="))
        #expect(contents.secrets[1].privateKey == .base64("a2V5"))
        #expect(contents.secrets[1].ca == .base64("Y2E="))
        #expect(contents.secrets[1].location == text.location("cert", in: Self.path))
        #expect(contents.secrets[2].ca == .inline("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----"))
        #expect(contents.secrets[2].certificate == nil)
        #expect(contents.secrets[2].location == text.location("bundle", in: Self.path))
        #expect(contents.secrets[3].certificate == nil)
        #expect(contents.secrets[3].location == text.location("sops", in: Self.path))
    }

    // MARK: Ingress

    @Test func ingressTLSIsAServerUsageOfItsSecret() {
        let text = MarkedText(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: tls-example-ingress
            spec:
              ingressClassName: nginx
              tls:
              - hosts:
                  - https-example.foo.com
                ⟨secret⟩secretName: testsecret-tls
              rules:
              - host: https-example.foo.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: service1
                        port:
                          number: 80
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        let secret = CertificateReference.kubernetesSecret(namespace: "default", name: "testsecret-tls")
        let expected = CertificateUsage(
            role: .server, certificate: secret, privateKey: secret, hostnames: ["https-example.foo.com"],
            endpoint: "Ingress default/tls-example-ingress", platform: "kubernetes-ingress", installedOn: .loadBalancer,
            verifyClient: CertificateUsage.VerifyClient.none, endpointID: "kubernetes-ingress:default/tls-example-ingress",
            location: SourceLocation(path: Self.path, line: 10, column: 5))
        #expect(contents.usages == [expected])
        #expect(contents.usages.first?.location == text.location("secret", in: Self.path))
    }

    @Test func legacyIngressWithSeveralEntriesAndADefaultCertificateEntry() {
        let text = MarkedText(
            """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: shop
              namespace: retail
            spec:
              tls:
                - hosts: [www.example.com, example.com]
                  ⟨www⟩secretName: www-tls
                - ⟨api⟩secretName: api-tls
                  hosts:
                    - api.example.com
                - ⟨nosecret⟩hosts: [internal.example.com]
              rules:
                - host: www.example.com
                  http:
                    paths:
                      - backend: {serviceName: web, servicePort: 80}
            """)
        let contents = read(text)
        #expect(contents.usages.map(\.hostnames) == [["www.example.com", "example.com"], ["api.example.com"]])
        #expect(contents.usages.map(\.certificate) == [
            .kubernetesSecret(namespace: "retail", name: "www-tls"), .kubernetesSecret(namespace: "retail", name: "api-tls"),
        ])
        #expect(Set(contents.usages.map(\.endpointID)) == ["kubernetes-ingress:retail/shop"])
        #expect(contents.usages.map(\.location) == [text.location("www", in: Self.path), text.location("api", in: Self.path)])
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.severity == .note)
        #expect(contents.problems.first?.location == text.location("nosecret", in: Self.path))
        #expect(contents.problems.first?.message.contains("default certificate for internal.example.com") == true)
    }

    @Test func ingressNginxClientCertificateAuthenticationIsAClientCAUsage() throws {
        let text = MarkedText(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: partner-api
              namespace: b2b
              annotations:
                # Enable client certificate authentication
                ⟨verify⟩nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"
                # Create the secret containing the trusted ca certificates
                ⟨ca⟩nginx.ingress.kubernetes.io/auth-tls-secret: "security/partner-ca"
                nginx.ingress.kubernetes.io/auth-tls-verify-depth: "1"
                nginx.ingress.kubernetes.io/auth-tls-pass-certificate-to-upstream: "true"
            spec:
              ingressClassName: nginx
              tls:
              - hosts: [partners.example.com]
                ⟨tls⟩secretName: partners-tls
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.count == 2)
        let server = contents.usages[0]
        let clientCA = contents.usages[1]
        #expect(server.role == .server)
        #expect(server.verifyClient == .required)
        #expect(server.location == text.location("tls", in: Self.path))
        #expect(clientCA.role == .clientCA)
        // The client-ca usage names the Secret; on a CA role that means its ca.crt.
        #expect(clientCA.certificate == .kubernetesSecret(namespace: "security", name: "partner-ca"))
        #expect(clientCA.privateKey == nil)
        #expect(clientCA.verifyClient == .required)
        #expect(clientCA.endpointID == server.endpointID)
        #expect(clientCA.location == text.location("ca", in: Self.path))
        #expect(text.location("verify", in: Self.path) != nil)
    }

    @Test func ingressNginxVerifyModes() {
        func usages(_ verify: String?) -> ManifestContents {
            let line = verify.map { "    nginx.ingress.kubernetes.io/auth-tls-verify-client: \($0)\n" } ?? ""
            let text = MarkedText(
                """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: app
                  annotations:
                    nginx.ingress.kubernetes.io/auth-tls-secret: client-ca
                \(line)spec:
                  tls: [{hosts: [app.example.com], secretName: app-tls}]
                """)
            return read(text)
        }
        let defaulted = usages(nil)
        #expect(defaulted.usages.map(\.role) == [.server, .clientCA])
        #expect(defaulted.usages.last?.certificate == .kubernetesSecret(namespace: "default", name: "client-ca"))
        #expect(defaulted.usages.allSatisfy { $0.verifyClient == .required })

        let optional = usages("optional")
        #expect(optional.usages.map(\.role) == [.server, .clientCA])
        #expect(optional.usages.allSatisfy { $0.verifyClient == .optional })

        let off = usages("\"off\"")
        #expect(off.usages.map(\.role) == [.server])
        #expect(off.usages.first?.verifyClient == CertificateUsage.VerifyClient.none)
        #expect(off.problems.isEmpty)

        let noCA = usages("optional_no_ca")
        #expect(noCA.usages.map(\.role) == [.server])
        #expect(noCA.usages.first?.verifyClient == .optional)
        #expect(noCA.problems.map(\.severity) == [.note])
        #expect(noCA.problems.first?.location == SourceLocation(path: Self.path, line: 7, column: 5))

        let unknown = usages("sometimes")
        #expect(unknown.usages.map(\.role) == [.server, .clientCA])
        #expect(unknown.problems.map(\.severity) == [.warning])
        #expect(unknown.problems.first?.message.contains("\"sometimes\"") == true)
    }

    @Test func ingressNginxBackendCertificateIsAClientAndServerCAUsage() throws {
        let text = MarkedText(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: ledger
              namespace: finance
              annotations:
                nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"
                ⟨proxy⟩nginx.ingress.kubernetes.io/proxy-ssl-secret: "finance/ledger-upstream"
                nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"
                nginx.ingress.kubernetes.io/proxy-ssl-name: "ledger.finance.svc"
            spec:
              tls:
              - hosts: [ledger.example.com]
                ⟨tls⟩secretName: ledger-tls
            """)
        let contents = read(text)
        try #require(contents.usages.map(\.role) == [.server, .client, .serverCA])
        let upstream = CertificateReference.kubernetesSecret(namespace: "finance", name: "ledger-upstream")
        #expect(contents.usages[1].certificate == upstream)
        #expect(contents.usages[1].privateKey == upstream)
        #expect(contents.usages[1].hostnames == ["ledger.finance.svc"])
        #expect(contents.usages[2].certificate == upstream)
        #expect(contents.usages[1].endpointID == "kubernetes-ingress:finance/ledger/upstream")
        #expect(contents.usages[1].endpointID != contents.usages[0].endpointID)
        #expect(contents.usages[0].location == text.location("tls", in: Self.path))
        #expect(contents.usages[1].location == text.location("proxy", in: Self.path))
        #expect(contents.usages[2].location == text.location("proxy", in: Self.path))
    }

    // MARK: Gateway API

    @Test func gatewayAPIListenersAndPassthrough() throws {
        let text = MarkedText(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: example-gateway
              namespace: infra
            spec:
              gatewayClassName: example-gateway-class
              listeners:
              - name: http
                protocol: HTTP
                port: 80
              - name: https
                protocol: HTTPS
                port: 443
                hostname: "*.example.com"
                tls:
                  mode: Terminate
                  certificateRefs:
                  - kind: Secret
                    group: ""
                    ⟨wildcard⟩name: wildcard-example-com
                  - ⟨shared⟩name: shared-ecdsa
                    namespace: certs
              - name: tls-passthrough
                protocol: TLS
                port: 8443
                hostname: db.example.com
                tls:
                  ⟨mode⟩mode: Passthrough
              - name: vault
                protocol: HTTPS
                port: 9443
                tls:
                  certificateRefs:
                  - {group: vault.example.io, kind: VaultCertificate, ⟨vault⟩name: api}
            """)
        let contents = read(text)
        try #require(contents.usages.count == 3)
        let wildcard = contents.usages[0]
        #expect(wildcard.role == .server)
        #expect(wildcard.certificate == .kubernetesSecret(namespace: "infra", name: "wildcard-example-com"))
        #expect(wildcard.privateKey == wildcard.certificate)
        #expect(wildcard.hostnames == ["*.example.com"])
        #expect(wildcard.platform == "gateway-api")
        #expect(wildcard.installedOn == .loadBalancer)
        #expect(wildcard.endpoint == "Gateway infra/example-gateway listener https (port 443)")
        #expect(wildcard.endpointID == "gateway-api:infra/example-gateway/https")
        #expect(wildcard.location == text.location("wildcard", in: Self.path))
        #expect(contents.usages[1].certificate == .kubernetesSecret(namespace: "certs", name: "shared-ecdsa"))
        #expect(contents.usages[1].location == text.location("shared", in: Self.path))
        #expect(contents.usages[1].endpointID == wildcard.endpointID)
        #expect(contents.usages[2].certificate == .external("VaultCertificate.vault.example.io infra/api"))
        #expect(contents.usages[2].privateKey == nil)
        #expect(contents.usages[2].hostnames.isEmpty)
        #expect(contents.usages[2].location == text.location("vault", in: Self.path))
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.severity == .note)
        #expect(contents.problems.first?.message.contains("Passthrough") == true)
        #expect(contents.problems.first?.location == text.location("mode", in: Self.path))
    }

    @Test func gatewayAPIClientCertificateValidation() throws {
        let text = MarkedText(
            """
            # Gateway API v1.1–v1.3: validation on the listener.
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: mtls, namespace: edge}
            spec:
              gatewayClassName: acme
              listeners:
              - name: partners
                protocol: HTTPS
                port: 443
                hostname: partners.example.com
                tls:
                  certificateRefs:
                  - ⟨cert⟩name: partners-tls
                  frontendValidation:
                    caCertificateRefs:
                    - kind: ConfigMap
                      group: ""
                      ⟨ca⟩name: partner-roots
            ---
            # Gateway API v1.4 and later: validation on the Gateway, per port.
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: mtls-v2, namespace: edge}
            spec:
              gatewayClassName: acme
              tls:
                frontend:
                  default:
                    validation:
                      caCertificateRefs:
                      - {kind: ConfigMap, group: "", ⟨default⟩name: default-roots}
                  perPort:
                  - port: 8443
                    tls:
                      validation:
                        mode: AllowInsecureFallback
                        caCertificateRefs:
                        - {kind: ConfigMap, group: "", ⟨perport⟩name: lenient-roots}
              listeners:
              - {name: main, protocol: HTTPS, port: 443, hostname: api.example.com, tls: {certificateRefs: [{⟨main⟩name: api-tls}]}}
              - {name: alt, protocol: HTTPS, port: 8443, hostname: alt.example.com, tls: {certificateRefs: [{name: alt-tls}]}}
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.map(\.role) == [.server, .clientCA, .server, .clientCA, .server, .clientCA])
        let (server, ca) = (contents.usages[0], contents.usages[1])
        #expect(server.verifyClient == .required && ca.verifyClient == .required)
        #expect(ca.endpointID == server.endpointID)
        #expect(ca.certificate == .kubernetesSecret(namespace: "edge", name: "partner-roots"))
        #expect(server.location == text.location("cert", in: Self.path))
        #expect(ca.location == text.location("ca", in: Self.path))

        #expect(contents.usages[2].location == text.location("main", in: Self.path))
        #expect(contents.usages[3].certificate == .kubernetesSecret(namespace: "edge", name: "default-roots"))
        #expect(contents.usages[3].location == text.location("default", in: Self.path))
        #expect(contents.usages[3].endpointID == contents.usages[2].endpointID)
        #expect(contents.usages[2].verifyClient == .required)
        #expect(contents.usages[5].certificate == .kubernetesSecret(namespace: "edge", name: "lenient-roots"))
        #expect(contents.usages[5].location == text.location("perport", in: Self.path))
        #expect(contents.usages[4].verifyClient == .optional && contents.usages[5].verifyClient == .optional)
        #expect(contents.usages[5].endpointID == "gateway-api:edge/mtls-v2/alt")
    }

    // MARK: cert-manager

    @Test func certManagerCertificatesTakeTheirRoleFromUsages() throws {
        let text = MarkedText(
            """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: example-com
              namespace: sandbox
            spec:
              # Secret names are always required.
              ⟨web⟩secretName: example-com-tls
              duration: 2160h # 90d
              renewBefore: 360h # 15d
              subject:
                organizations: [jetstack]
              commonName: example.com
              isCA: false
              privateKey: {algorithm: RSA, encoding: PKCS1, size: 2048}
              usages:
                - server auth
                - client auth
              dnsNames:
                - example.com
                - www.example.com
              issuerRef: {name: ca-issuer, kind: Issuer, group: cert-manager.io}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: billing-client, namespace: billing}
            spec:
              ⟨client⟩secretName: billing-client-tls
              commonName: billing
              dnsNames: [billing.internal]
              usages: [digital signature, key encipherment, client auth]
              issuerRef: {name: internal-ca, kind: ClusterIssuer}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: plain}
            spec:
              ⟨plain⟩secretName: plain-tls
              commonName: plain.example.com
              issuerRef: {name: letsencrypt, kind: ClusterIssuer}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: no-secret}
            spec:
              ⟨nosecret⟩dnsNames: [x.example.com]
            """)
        let contents = read(text)
        try #require(contents.usages.count == 3)
        let web = contents.usages[0]
        #expect(web.role == .server)
        #expect(web.certificate == .kubernetesSecret(namespace: "sandbox", name: "example-com-tls"))
        #expect(web.hostnames == ["example.com", "www.example.com"])
        #expect(web.platform == "cert-manager")
        #expect(web.installedOn == .secretStore)
        #expect(web.note?.contains("client auth") == true)
        #expect(web.location == text.location("web", in: Self.path))
        let client = contents.usages[1]
        #expect(client.role == .client)
        #expect(client.hostnames.isEmpty)
        #expect(client.note == nil)
        #expect(client.location == text.location("client", in: Self.path))
        let plain = contents.usages[2]
        #expect(plain.role == .unknown)
        #expect(plain.hostnames == ["plain.example.com"])
        #expect(plain.note?.contains("Secret default/plain-tls") == true)
        #expect(plain.location == text.location("plain", in: Self.path))
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.location == text.location("nosecret", in: Self.path))
    }

    // MARK: Istio

    @Test func istioSecureGatewaySimpleAndMutual() throws {
        let text = MarkedText(
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: mygateway
            spec:
              selector:
                istio: ingressgateway # use istio default ingress gateway
              servers:
              - port:
                  number: 443
                  name: https
                  protocol: HTTPS
                tls:
                  mode: SIMPLE
                  ⟨simple⟩credentialName: httpbin-credential # must be the same as secret
                hosts:
                - httpbin.example.com
              - port:
                  number: 8443
                  name: https-mtls
                  protocol: HTTPS
                tls:
                  mode: MUTUAL
                  ⟨mutual⟩credentialName: helloworld-credential
                hosts:
                - "default/helloworld.example.com"
                - "*"
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        try #require(contents.usages.map(\.role) == [.server, .server, .clientCA])
        let simple = contents.usages[0]
        #expect(simple.certificate == .kubernetesSecret(namespace: "istio-system", name: "httpbin-credential"))
        #expect(simple.privateKey == simple.certificate)
        #expect(simple.hostnames == ["httpbin.example.com"])
        #expect(simple.platform == "istio-gateway")
        #expect(simple.verifyClient == CertificateUsage.VerifyClient.none)
        #expect(simple.endpoint == "Istio Gateway mygateway port 443 (https)")
        #expect(simple.location == text.location("simple", in: Self.path))
        let (mutual, ca) = (contents.usages[1], contents.usages[2])
        #expect(mutual.hostnames == ["helloworld.example.com"])
        #expect(mutual.verifyClient == .required && ca.verifyClient == .required)
        #expect(ca.endpointID == mutual.endpointID)
        #expect(ca.endpointID != simple.endpointID)
        #expect(ca.certificate == .kubernetesSecret(namespace: "istio-system", name: "helloworld-credential"))
        #expect(ca.note?.contains("helloworld-credential-cacert") == true)
        #expect(mutual.location == text.location("mutual", in: Self.path))
        #expect(ca.location == text.location("mutual", in: Self.path))
    }

    @Test func istioCacertSecretConventionIsSettledFromTheFilesSecrets() throws {
        let text = MarkedText(
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: httpbin-credential, namespace: istio-system}
            type: Opaque
            data: {cert: Y2VydA==, key: a2V5}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: httpbin-credential-cacert, namespace: istio-system}
            type: Opaque
            data: {cacert: Y2E=}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: bundled-credential, namespace: istio-system}
            type: kubernetes.io/tls
            data: {tls.crt: Y2VydA==, tls.key: a2V5, ca.crt: Y2E=}
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: Gateway
            metadata: {name: mtls, namespace: istio-system}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 443, name: https-httpbin, protocol: HTTPS}
                hosts: [httpbin.example.com]
                tls: {mode: MUTUAL, ⟨separate⟩credentialName: httpbin-credential}
              - port: {number: 443, name: https-bundled, protocol: HTTPS}
                hosts: [bundled.example.com]
                tls: {mode: OPTIONAL_MUTUAL, ⟨bundled⟩credentialName: bundled-credential}
              - port: {number: 443, name: https-own-ca, protocol: HTTPS}
                hosts: [own.example.com]
                tls:
                  mode: MUTUAL
                  credentialName: bundled-credential
                  ⟨caname⟩caCertCredentialName: partner-roots
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        try #require(contents.secrets.count == 3)
        let cas = contents.usages.filter { $0.role == .clientCA }
        #expect(cas.map(\.certificate) == [
            .kubernetesSecret(namespace: "istio-system", name: "httpbin-credential-cacert"),
            .kubernetesSecret(namespace: "istio-system", name: "bundled-credential"),
            .kubernetesSecret(namespace: "istio-system", name: "partner-roots"),
        ])
        #expect(cas.allSatisfy { $0.note == nil })
        #expect(cas.map(\.verifyClient) == [.required, .optional, .required])
        #expect(cas.map(\.location) == [
            text.location("separate", in: Self.path), text.location("bundled", in: Self.path), text.location("caname", in: Self.path),
        ])
    }

    @Test func istioFilePathsPassthroughMeshAndMissingMode() throws {
        let path = "istio/gateway.yaml"
        let text = MarkedText(
            """
            apiVersion: networking.istio.io/v1alpha3
            kind: Gateway
            metadata: {name: files, namespace: edge}
            spec:
              selector: {app: my-gateway-controller}
              servers:
              - port: {number: 443, name: https-443, protocol: HTTPS}
                hosts: [uk.bookinfo.com, eu.bookinfo.com]
                tls:
                  mode: MUTUAL # enables HTTPS on this port
                  ⟨cert⟩serverCertificate: /etc/certs/servercert.pem
                  privateKey: /etc/certs/privatekey.pem
                  ⟨ca⟩caCertificates: certs/client-ca.pem
              - port: {number: 15443, name: tls, protocol: TLS}
                hosts: ["*.local"]
                tls: {⟨pass⟩mode: AUTO_PASSTHROUGH}
              - port: {number: 9443, name: mesh, protocol: HTTPS}
                hosts: [mesh.example.com]
                tls: {⟨mesh⟩mode: ISTIO_MUTUAL}
              - port: {number: 10443, name: nomode, protocol: HTTPS}
                hosts: [nomode.example.com]
                tls:
                  ⟨nomode⟩credentialName: nomode-tls
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*"]
                tls: {httpsRedirect: true}
            """)
        let contents = read(text, path: path)
        try #require(contents.usages.map(\.role) == [.server, .clientCA, .server])
        let server = contents.usages[0]
        #expect(server.certificate == .file(path: "/etc/certs/servercert.pem", base: "istio"))
        #expect(server.privateKey == .file(path: "/etc/certs/privatekey.pem", base: "istio"))
        #expect(server.hostnames == ["uk.bookinfo.com", "eu.bookinfo.com"])
        #expect(server.location == text.location("cert", in: path))
        #expect(contents.usages[1].certificate == .file(path: "certs/client-ca.pem", base: "istio"))
        #expect(contents.usages[1].location == text.location("ca", in: path))
        let nomode = contents.usages[2]
        #expect(nomode.certificate == .kubernetesSecret(namespace: "edge", name: "nomode-tls"))
        #expect(nomode.note?.contains("PASSTHROUGH") == true)
        #expect(nomode.location == text.location("nomode", in: path))
        #expect(contents.problems.map(\.severity) == [.note, .note])
        #expect(contents.problems.map(\.location) == [text.location("pass", in: path), text.location("mesh", in: path)])
        #expect(contents.problems.last?.message.contains("ISTIO_MUTUAL") == true)
    }

    @Test func istioDestinationRulesAreClientAndServerCAUsages() throws {
        let text = MarkedText(
            """
            # Mutual TLS origination at the egress gateway, certificates mounted as files.
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: originate-mtls
              namespace: egress
            spec:
              host: my-nginx.mesh-external.svc.cluster.local
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                portLevelSettings:
                - port:
                    number: 443
                  tls:
                    mode: MUTUAL
                    ⟨client⟩clientCertificate: /etc/istio/nginx-client-certs/tls.crt
                    privateKey: /etc/istio/nginx-client-certs/tls.key
                    ⟨ca⟩caCertificates: /etc/istio/nginx-ca-certs/example.com.crt
                    sni: my-nginx.mesh-external.svc.cluster.local
            ---
            # The same with a Secret (credentialName).
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: originate-mtls-for-nginx
            spec:
              host: partner.example.com
              trafficPolicy:
                tls:
                  mode: MUTUAL
                  ⟨credential⟩credentialName: client-credential # this must match the secret
              subsets:
              - name: v1
                trafficPolicy:
                  tls: {⟨mesh⟩mode: ISTIO_MUTUAL}
              - name: legacy
                trafficPolicy:
                  tls:
                    mode: SIMPLE
                    insecureSkipVerify: true
            """)
        let contents = read(text)
        try #require(contents.usages.map(\.role) == [.client, .serverCA, .client, .serverCA])
        let client = contents.usages[0]
        #expect(client.certificate == .file(path: "/etc/istio/nginx-client-certs/tls.crt", base: "deploy/k8s"))
        #expect(client.privateKey == .file(path: "/etc/istio/nginx-client-certs/tls.key", base: "deploy/k8s"))
        #expect(client.hostnames == ["my-nginx.mesh-external.svc.cluster.local"])
        #expect(client.platform == "istio")
        #expect(client.installedOn == .application)
        #expect(client.location == text.location("client", in: Self.path))
        #expect(contents.usages[1].certificate == .file(path: "/etc/istio/nginx-ca-certs/example.com.crt", base: "deploy/k8s"))
        #expect(contents.usages[1].location == text.location("ca", in: Self.path))
        #expect(contents.usages[1].endpointID == client.endpointID)
        let secret = CertificateReference.kubernetesSecret(namespace: "istio-system", name: "client-credential")
        #expect(contents.usages[2].certificate == secret && contents.usages[3].certificate == secret)
        #expect(contents.usages[2].hostnames == ["partner.example.com"])
        #expect(contents.usages[2].location == text.location("credential", in: Self.path))
        #expect(contents.problems.map(\.severity) == [.note])
        #expect(contents.problems.first?.location == text.location("mesh", in: Self.path))
    }

    // MARK: OpenShift

    @Test func openShiftRoutesHoldTheirPEM() throws {
        let text = MarkedText(
            """
            apiVersion: route.openshift.io/v1
            kind: Route
            metadata:
              name: frontend
              namespace: shop
            spec:
              host: www.example.com
              to: {kind: Service, name: frontend}
              tls:
                termination: reencrypt
                key: |-
                  -----BEGIN PRIVATE KEY-----
                  -----END PRIVATE KEY-----
                ⟨cert⟩certificate: |-
                  -----BEGIN CERTIFICATE-----
                  -----END CERTIFICATE-----
                caCertificate: |-
                  -----BEGIN CERTIFICATE-----
                  -----END CERTIFICATE-----
                ⟨dest⟩destinationCACertificate: |-
                  -----BEGIN CERTIFICATE-----
                  -----END CERTIFICATE-----
            ---
            apiVersion: route.openshift.io/v1
            kind: Route
            metadata: {name: default-cert}
            spec:
              host: plain.example.com
              tls: {⟨edge⟩termination: edge, insecureEdgeTerminationPolicy: Redirect}
            ---
            apiVersion: route.openshift.io/v1
            kind: Route
            metadata: {name: passthrough}
            spec:
              host: db.example.com
              tls: {⟨pass⟩termination: passthrough}
            """)
        let contents = read(text)
        try #require(contents.usages.map(\.role) == [.server, .serverCA])
        let pem = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----"
        let server = contents.usages[0]
        #expect(server.certificate == .inline(pem))
        #expect(server.privateKey == .inline("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----"))
        #expect(server.chain == .inline(pem))
        #expect(server.hostnames == ["www.example.com"])
        #expect(server.platform == "openshift-route")
        #expect(server.location == text.location("cert", in: Self.path))
        #expect(contents.usages[1].location == text.location("dest", in: Self.path))
        #expect(contents.usages[1].endpointID != server.endpointID)
        #expect(contents.problems.map(\.severity) == [.note, .note])
        #expect(contents.problems.map(\.location) == [text.location("edge", in: Self.path), text.location("pass", in: Self.path)])
    }

    // MARK: Files

    @Test func aBrokenDocumentIsAnErrorAndTheOthersAreRead() {
        let text = MarkedText(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: first}
            spec:
              tls:
              - hosts: [first.example.com]
                ⟨first⟩secretName: first-tls
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: broken
            spec:
              tls:
              - hosts: [broken.example.com]
                secretName: broken-tls
               ⟨error⟩rules: []
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: quoted}
            stringData:
              tls.crt: ⟨quote⟩"-----BEGIN CERTIFICATE-----
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: open
            ⟨open⟩---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: last, namespace: shop}
            spec:
              tls:
              - hosts: [last.example.com]
                ⟨last⟩secretName: last-tls
            """)
        let contents = read(text)
        #expect(contents.usages.map(\.location) == [text.location("first", in: Self.path), text.location("last", in: Self.path)])
        #expect(contents.problems.map(\.severity) == [.error, .error, .error])
        #expect(contents.problems.map(\.location) == [
            text.location("error", in: Self.path), text.location("quote", in: Self.path), text.location("open", in: Self.path),
        ])
        // The message quotes positions in the whole file, not in the document.
        #expect(contents.problems.dropFirst().first?.message.contains("starts at 23:12 is not closed before the document marker at 24:1") == true)
    }

    @Test func directivesAndCRLFLineEndingsSurviveABrokenNeighbour() throws {
        let lines = [
            "%YAML 1.2", "---", "apiVersion: v1", "kind: Secret", "metadata: {name: a}", "type: kubernetes.io/tls",
            "data: {tls.crt: eA==}", "---", "broken: [", "...", "%YAML 1.2", "---", "apiVersion: v1", "kind: Secret",
            "metadata: {name: b}", "type: kubernetes.io/tls", "data: {tls.crt: eA==}",
        ]
        let contents = KubernetesReader.read(path: Self.path, text: lines.joined(separator: "\r\n") + "\r\n", context: .isolated)
        try #require(contents.secrets.map(\.name) == ["a", "b"])
        #expect(contents.secrets.map(\.location) == [
            SourceLocation(path: Self.path, line: 7, column: 8), SourceLocation(path: Self.path, line: 17, column: 8),
        ])
        #expect(contents.problems.count == 1)
        #expect(contents.problems.first?.location == SourceLocation(path: Self.path, line: 10, column: 1))
        #expect(contents.problems.first?.message.contains("Expected a value at 10:1") == true)
    }

    @Test func aFileOfOnlyBrokenDocumentsIsBoundedAndSaysSo() {
        let broken = "apiVersion: v1\nkind: Secret\nmetadata: {name: [x}\n"
        let text = Array(repeating: broken, count: 50).joined(separator: "---\n")
        let contents = KubernetesReader.read(path: Self.path, text: text, context: .isolated)
        #expect(contents.problems.count == ResilientYAMLStream.maxErrors + 1)
        #expect(contents.problems.last?.message.contains("rest of the file is not read") == true)
        #expect(contents.problems.first?.location == SourceLocation(path: Self.path, line: 3, column: 20))
    }

    @Test func listsAnchorsMergeKeysAndJSON() throws {
        let text = MarkedText(
            """
            # kubectl get ingress,secret -o yaml
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.k8s.io/v1
              kind: Ingress
              metadata: &meta
                name: listed
                namespace: shop
              spec:
                tls:
                - hosts: &hosts [a.example.com, b.example.com]
                  ⟨listed⟩secretName: listed-tls
            - apiVersion: networking.k8s.io/v1
              kind: Ingress
              metadata:
                <<: *meta
                name: copy
              spec:
                tls:
                - hosts: *hosts
                  ⟨copy⟩secretName: copy-tls
            metadata: {resourceVersion: ""}
            ---
            apiVersion: v1
            kind: SecretList
            items:
            - metadata: {name: typed, namespace: shop}
              type: kubernetes.io/tls
              data: {⟨typed⟩tls.crt: Y2VydA==, tls.key: a2V5}
            """)
        let contents = read(text)
        #expect(contents.problems.isEmpty)
        #expect(contents.usages.map(\.endpoint) == ["Ingress shop/listed", "Ingress shop/copy"])
        #expect(contents.usages.map(\.hostnames) == [["a.example.com", "b.example.com"], ["a.example.com", "b.example.com"]])
        #expect(contents.usages.map(\.location) == [text.location("listed", in: Self.path), text.location("copy", in: Self.path)])
        try #require(contents.secrets.map(\.name) == ["typed"])
        #expect(contents.secrets.first?.location == text.location("typed", in: Self.path))

        let json = MarkedText(
            """
            {
              "apiVersion": "networking.k8s.io/v1",
              "kind": "Ingress",
              "metadata": {"name": "json", "namespace": "api"},
              "spec": {"tls": [{"hosts": ["json.example.com"], ⟨json⟩"secretName": "json-tls"}]}
            }
            """)
        let fromJSON = KubernetesReader.read(path: "k8s/ingress.json", text: json.text, context: .isolated)
        #expect(fromJSON.usages.map(\.certificate) == [.kubernetesSecret(namespace: "api", name: "json-tls")])
        #expect(fromJSON.usages.first?.location == json.location("json", in: "k8s/ingress.json"))
    }

    @Test func unexpectedShapesAreWarningsAtTheirPlace() throws {
        let text = MarkedText(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: odd}
            spec:
              tls:
                ⟨tls⟩secretName: odd-tls
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: odd}
            spec:
              listeners: ⟨listeners⟩https
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: odd}
            type: kubernetes.io/tls
            data: ⟨data⟩[tls.crt]
            ---
            just a scalar document
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: no-ca}
            """)
        let contents = read(text)
        #expect(contents.usages.isEmpty)
        #expect(contents.problems.map(\.severity) == [.warning, .warning, .warning])
        #expect(contents.problems.map(\.location) == [
            text.location("tls", in: Self.path), text.location("listeners", in: Self.path), text.location("data", in: Self.path),
        ])
        #expect(contents.problems.first?.message == "spec.tls of Ingress default/odd is a mapping; a list is expected, so it is not read.")
        try #require(contents.secrets.map(\.name) == ["odd"])
    }

    @Test func acceptsManifestsAndDeclinesOthers() {
        let ingress = "apiVersion: networking.k8s.io/v1\nkind: Ingress\n"
        #expect(KubernetesReader.accepts(path: "deploy/ingress.yaml", text: ingress))
        #expect(KubernetesReader.accepts(path: "deploy/INGRESS.YML", text: ingress))
        #expect(KubernetesReader.accepts(path: "k8s/ingress.json", text: "{\"apiVersion\": \"v1\", \"kind\": \"Secret\"}"))
        #expect(!KubernetesReader.accepts(path: "deploy/ingress.txt", text: ingress))
        #expect(!KubernetesReader.accepts(path: "compose.yaml", text: "services:\n  web: {image: nginx}\nsecrets: {}\n"))
        #expect(!KubernetesReader.accepts(path: "charts/web/templates/ingress.yaml", text: ingress + "metadata: {name: {{ .Release.Name }}}\n"))
        #expect(KubernetesReader.accepts(path: "charts/web/templates/ingress.yaml", text: ingress))
        #expect(KubernetesReader.format == "kubernetes")
    }

    // MARK: Hostile input

    @Test func seededMutationsNeverTrapOrHang() {
        let seeds = [
            Self.mutationSample,
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: SecretList\n  items:\n  - {metadata: {name: a}, data: {tls.crt: eA==}}\n",
        ]
        var random = SplitMix64(seed: 0x6B38_7331)
        let alphabet = Array(":-[]{}&*!|>'\"#%@`,? \n\t\r---...<<abcXYZ019/\\é".unicodeScalars)
        let clock = ContinuousClock()
        let start = clock.now
        for round in 0..<1_500 {
            var scalars = Array(seeds[round % seeds.count].unicodeScalars)
            for _ in 0..<(1 + Int(random.next() % 6)) {
                guard !scalars.isEmpty else { break }
                let at = Int(random.next() % UInt64(scalars.count))
                let pick = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 4 {
                case 0: scalars[at] = pick
                case 1: scalars.insert(pick, at: at)
                case 2: scalars.remove(at: at)
                default: scalars.insert(contentsOf: scalars[at..<min(scalars.count, at + 40)], at: at)
                }
            }
            var mutated = String.UnicodeScalarView()
            mutated.append(contentsOf: scalars)
            let text = String(mutated)
            let contents = KubernetesReader.read(path: Self.path, text: text, context: .isolated)
            let lines = text.utf8.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            let locations = contents.usages.map(\.location) + contents.secrets.map(\.location) + contents.problems.map(\.location)
            for location in locations {
                #expect((1...lines).contains(location.line ?? 0), "round \(round): \(location) outside the text")
            }
        }
        #expect(clock.now - start < .seconds(60))
    }

    @Test func everyPrefixReadsAndTheWholeFileReadsCleanly() {
        let scalars = Array(Self.mutationSample.unicodeScalars)
        for length in stride(from: 0, to: scalars.count, by: 3) {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[0..<length])
            let contents = KubernetesReader.read(path: Self.path, text: String(prefix), context: .isolated)
            #expect(contents.usages.count <= 14, "prefix of \(length)")
        }
        let whole = KubernetesReader.read(path: Self.path, text: Self.mutationSample, context: .isolated)
        #expect(whole.problems.isEmpty)
        #expect(whole.secrets.map(\.name) == ["web-tls", "roots"])
        #expect(whole.usages.map(\.role) == [
            .server, .clientCA, .client, .server, .clientCA, .server, .server, .clientCA, .client, .serverCA, .server, .serverCA,
        ])
    }

    static let mutationSample = """
        apiVersion: v1
        kind: Secret
        metadata: {name: web-tls, namespace: shop}
        type: kubernetes.io/tls
        data: {tls.crt: Y2VydA==, tls.key: a2V5, ca.crt: Y2E=}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          annotations: {nginx.ingress.kubernetes.io/auth-tls-secret: shop/ca, nginx.ingress.kubernetes.io/proxy-ssl-secret: x}
        spec:
          tls: [{hosts: [a.example.com], secretName: web-tls}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          tls: {frontend: {default: {validation: {caCertificateRefs: [{kind: ConfigMap, name: roots}]}}}}
          listeners:
          - {name: https, protocol: HTTPS, port: 443, hostname: a.example.com, tls: {certificateRefs: [{name: web-tls}]}}
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: c}
        spec: {secretName: web-tls, dnsNames: [a.example.com], usages: [server auth]}
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: ig}
        spec:
          servers:
          - {port: {number: 443, name: https}, hosts: [a.example.com], tls: {mode: MUTUAL, credentialName: web-tls}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: dr}
        spec: {host: b, trafficPolicy: {tls: {mode: MUTUAL, credentialName: c, caCertificates: /x}}}
        ---
        apiVersion: route.openshift.io/v1
        kind: Route
        metadata: {name: r}
        spec: {host: r.example.com, tls: {termination: reencrypt, certificate: x, destinationCACertificate: y}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: roots}
        data: {ca.crt: z}
        """
}

