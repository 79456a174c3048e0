#!/usr/bin/env python3
"""Makes certlint's Examples/: six small repositories, each in a broken and a fixed variant.

Run from the repository root:  python3 Examples/make-examples.py
Needs Python 3.11+ with `cryptography`. Dates are fixed (the tests lint at 2026-11-23); keys are
random, so a rerun changes keys, signatures, fingerprints and thumbprints: re-record the example
reports afterwards (CERTLINT_RECORD_GOLDEN=1 swift test --filter ExampleReportTests) and check
the diff shows nothing but those.

Every file written here carries (or, for formats without comments, is listed in Examples/README.md
as) "made by Examples/make-examples.py". These are examples for people to run certlint on; test
fixtures live in Tests/Fixtures.
"""
import base64
import datetime
import hashlib
import os
import shutil

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = [ExtendedKeyUsageOID.SERVER_AUTH]
CLIENT = [ExtendedKeyUsageOID.CLIENT_AUTH]
BOTH = [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
MADE = "made by Examples/make-examples.py"


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.timezone.utc)


def name(cn, org="Example Inc"):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


class CA:
    """A certificate authority: its certificate and key."""

    def __init__(self, cert, key):
        self.cert = cert
        self.key = key

    def issue(self, cn, serial, not_before, not_after, *, eku=SERVER, dns=None, key=None, org="Example Inc"):
        key = key or ec.generate_private_key(ec.SECP256R1())
        san = [x509.DNSName(d) for d in (dns if dns is not None else [cn])]
        cert = build(name(cn, org), self.cert.subject, key, self.key, serial, not_before, not_after,
                     eku=eku, san=san, issuer_cert=self.cert)
        return cert, key

    def intermediate(self, cn, serial, not_before, not_after, org="Example Inc"):
        key = ec.generate_private_key(ec.SECP384R1())
        cert = build(name(cn, org), self.cert.subject, key, self.key, serial, not_before, not_after,
                     ca=True, path_len=0, issuer_cert=self.cert)
        return CA(cert, key)


def root(cn, org="Example Inc"):
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    cert = build(name(cn, org), name(cn, org), key, key, 1, utc(2024, 1, 1), utc(2044, 1, 1), ca=True)
    return CA(cert, key)


def build(subject, issuer, key, issuer_key, serial, not_before, not_after, *, ca=False, path_len=None,
          eku=None, san=None, issuer_cert=None):
    builder = (x509.CertificateBuilder()
               .subject_name(subject).issuer_name(issuer)
               .public_key(key.public_key()).serial_number(serial)
               .not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=path_len), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(True, False, isinstance(key, rsa.RSAPrivateKey), False, False, False, False, False, False), critical=True)
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
    if issuer_cert is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                issuer_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certs):
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode() for c in certs)


def der(cert):
    return cert.public_bytes(serialization.Encoding.DER)


def thumbprint(cert):
    return hashlib.sha1(der(cert)).hexdigest().upper()


def b64(text):
    return base64.b64encode(text.encode()).decode()


def indent(text, spaces):
    pad = " " * spaces
    return "".join(pad + line + "\n" for line in text.rstrip("\n").split("\n"))


def write(path, content, mode=0o644):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb" if isinstance(content, bytes) else "w", **({} if isinstance(content, bytes) else {"newline": "\n"})) as f:
        f.write(content)
    os.chmod(full, mode)


def config(example, variant, text=""):
    """Each variant is a repository of its own: its .certlint.yml makes it the root."""
    write(f"{example}/{variant}/.certlint.yml", f"# certlint configuration of the {example} example ({variant}); {MADE}.\nversion: 1\n" + text)


# ---------------------------------------------------------------------------------------------
# 1. public-website: www.example.com on an Application Load Balancer, from CloudFormation.

def public_website(ca, issuing):
    for variant in ("broken", "fixed"):
        hosts = ["www.example.com", "example.com"] + (["shop.example.com"] if variant == "fixed" else [])
        leaf, _ = issuing.issue("www.example.com", 0x1001 if variant == "broken" else 0x1002,
                                utc(2026, 9, 1), utc(2027, 3, 19, 23, 59, 59), dns=hosts)
        chain = "" if variant == "broken" else (
            "      CertificateChain: |\n" + indent(pem(issuing.cert), 8))
        write(f"public-website/{variant}/template.yaml", f"""# www.example.com behind an Application Load Balancer ({MADE}).
AWSTemplateFormatVersion: "2010-09-09"
Description: The public website, served by an ALB with an IAM server certificate.

Parameters:
  VpcId: {{ Type: "AWS::EC2::VPC::Id" }}
  Subnets: {{ Type: "List<AWS::EC2::Subnet::Id>" }}
  HostedZoneId: {{ Type: String }}

Resources:
  WebCertificate:
    Type: AWS::IAM::ServerCertificate
    Properties:
      ServerCertificateName: www-example-com-2026
      CertificateBody: |
{indent(pem(leaf), 8)}{chain}      PrivateKey: "{{{{resolve:secretsmanager:www-example-com/tls-key}}}}"

  LoadBalancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      Scheme: internet-facing
      Subnets: !Ref Subnets

  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LoadBalancer
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates:
        - CertificateArn: !GetAtt WebCertificate.Arn
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {{ StatusCode: "200" }}

  WwwRecord:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref HostedZoneId
      Name: www.example.com.
      Type: A
      AliasTarget:
        DNSName: !GetAtt LoadBalancer.DNSName
        HostedZoneId: !GetAtt LoadBalancer.CanonicalHostedZoneID

  ShopRecord:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref HostedZoneId
      Name: shop.example.com
      Type: A
      AliasTarget:
        DNSName: !GetAtt LoadBalancer.DNSName
        HostedZoneId: !GetAtt LoadBalancer.CanonicalHostedZoneID
""")
        # The issuing CA's certificate, kept for reference: certlint knows from it that the
        # broken template's chain lacks an intermediate.
        write(f"public-website/{variant}/certs/example-issuing-ca.pem",
              f"# Example Issuing CA R1, the intermediate that issues our TLS certificates ({MADE})\n" + pem(issuing.cert))
        config("public-website", variant)


# ---------------------------------------------------------------------------------------------
# 2. internal-portal: portal.corp.example on IIS, the binding naming its certificate by thumbprint.

def internal_portal(corp):
    for variant in ("broken", "fixed"):
        if variant == "broken":
            # Last year's certificate, expired, issued before the portal moved to its new name.
            cert, _ = corp.issue("portal.corp.example", 0x3001, utc(2025, 11, 1), utc(2026, 10, 31, 23, 59, 59),
                                 dns=["intranet.corp.example"], eku=SERVER)
        else:
            cert, _ = corp.issue("portal.corp.example", 0x3002, utc(2026, 10, 15), utc(2027, 10, 14, 23, 59, 59),
                                 dns=["portal.corp.example"], eku=SERVER)
        write(f"internal-portal/{variant}/certs/portal.cer", der(cert))
        write(f"internal-portal/{variant}/iis/applicationHost.config", f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- The internal portal's IIS configuration (excerpt); {MADE}. -->
<configuration>
  <system.applicationHost>
    <sites>
      <site name="Portal" id="2" serverAutoStart="true">
        <application path="/" applicationPool="PortalPool">
          <virtualDirectory path="/" physicalPath="D:\\sites\\portal" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation="*:80:portal.corp.example" />
          <binding protocol="https" bindingInformation="*:443:portal.corp.example" certificateHash="{thumbprint(cert)}" certificateStoreName="My" sslFlags="Sni" />
        </bindings>
      </site>
    </sites>
  </system.applicationHost>
</configuration>
""")
        config("internal-portal", variant)


# ---------------------------------------------------------------------------------------------
# 3. order-service: an ASP.NET Core service presenting partner-client.pfx to a supplier's API.

# The fixed order service names the variable that holds the keystore's password (CI sets it;
# locally: PARTNER_PFX_PASSWORD=example-only), and waives the committed key for a while.
ORDER_SERVICE_KEYSTORE = """
# The keystore's password comes from the environment, never from this file.
keystores:
  certs/partner-client.pfx: PARTNER_PFX_PASSWORD

waivers:
  - rule: keystore-private-key-committed
    path: certs/partner-client.pfx
    reason: the supplier's sandbox credential; the production one is fetched from Vault at deploy time
    expires: 2027-05-31
"""


def order_service(corp):
    client, client_key = corp.issue("orders.corp.example", 0x4001, utc(2026, 6, 1), utc(2027, 5, 31, 23, 59, 59),
                                    dns=["orders.corp.example"], eku=CLIENT)
    # The client presents its own certificate; the supplier holds Corp's root.
    pfx = pkcs12.serialize_key_and_certificates(
        b"partner-client", client_key, client, None,
        serialization.BestAvailableEncryption(b"example-only"))
    for variant in ("broken", "fixed"):
        write(f"order-service/{variant}/certs/partner-client.pfx", pfx, 0o600)
        if variant == "broken":
            certificate = '"Path": "certs/partner_client.pfx",\n        "Password": "example-only"'
        else:
            certificate = '"Path": "certs/partner-client.pfx"'
        write(f"order-service/{variant}/appsettings.json", f"""{{
  // The order service's settings ({MADE}).
  "Logging": {{ "LogLevel": {{ "Default": "Information" }} }},
  "SupplierApi": {{
    "BaseAddress": "https://api.supplier.example/v2/",
    "ClientCertificate": {{
        {certificate}
    }}
  }}
}}
""")
        config("order-service", variant, ORDER_SERVICE_KEYSTORE if variant == "fixed" else "")


# ---------------------------------------------------------------------------------------------
# 4. partner-gateway: B2B mutual TLS at partner-gateway.vendor.com on nginx.

def partner_gateway(ca, issuing):
    partners = root("Vendor Partner Clients CA", org="Vendor Inc")
    other = root("Acme Internal CA", org="Acme Corp")
    server, _ = issuing.issue("partner-gateway.vendor.com", 0x5001, utc(2026, 10, 1), utc(2027, 4, 30, 23, 59, 59),
                              dns=["partner-gateway.vendor.com", "partner-gateway-staging.vendor.com"], org="Vendor Inc")
    for variant in ("broken", "fixed"):
        # The certificate Acme presents; in the broken variant Acme's own CA issued it.
        issuer = other if variant == "broken" else partners
        acme, _ = issuer.issue("acme-orders", 0x5101, utc(2026, 7, 1), utc(2027, 6, 30, 23, 59, 59),
                               dns=["acme-orders.partners.vendor.com"], eku=CLIENT, org="Acme Corp")
        served = pem(server) if variant == "broken" else pem(server, issuing.cert)
        write(f"partner-gateway/{variant}/nginx/tls/partner-gateway.crt", f"# partner-gateway.vendor.com ({MADE})\n" + served)
        write(f"partner-gateway/{variant}/nginx/tls/example-issuing-ca.pem", f"# Example Issuing CA R1 ({MADE})\n" + pem(issuing.cert))
        write(f"partner-gateway/{variant}/nginx/tls/partner-clients-ca.pem",
              f"# The CA that issues our partners' client certificates ({MADE})\n" + pem(partners.cert))
        write(f"partner-gateway/{variant}/partners/acme-orders.crt",
              f"# The certificate Acme's order system presents to the gateway, kept for integration tests ({MADE})\n" + pem(acme))
        write(f"partner-gateway/{variant}/nginx/nginx.conf", f"""# nginx for the partner gateway ({MADE})
user  nginx;
worker_processes  auto;

events {{ worker_connections 1024; }}

http {{
    include       mime.types;
    sendfile      on;
    include       conf.d/*.conf;
}}
""")
        staging_ca = "" if variant == "broken" else "    ssl_client_certificate /etc/nginx/tls/partner-clients-ca.pem;\n"
        write(f"partner-gateway/{variant}/nginx/conf.d/partner-gateway.conf", f"""# Partners call us with client certificates our partner CA issues ({MADE}).
server {{
    listen 443 ssl;
    server_name partner-gateway.vendor.com;

    ssl_certificate        /etc/nginx/tls/partner-gateway.crt;
    ssl_certificate_key    /etc/nginx/tls/partner-gateway.key;
    ssl_client_certificate /etc/nginx/tls/partner-clients-ca.pem;
    ssl_verify_client      on;
    ssl_verify_depth       2;

    location / {{
        proxy_pass http://orders-backend:8080;
        proxy_set_header X-Client-DN $ssl_client_s_dn;
    }}
}}

server {{
    listen 8443 ssl;
    server_name partner-gateway-staging.vendor.com;

    ssl_certificate        /etc/nginx/tls/partner-gateway.crt;
    ssl_certificate_key    /etc/nginx/tls/partner-gateway.key;
{staging_ca}    ssl_verify_client      on;

    location / {{ proxy_pass http://orders-staging:8080; }}
}}
""")
        config("partner-gateway", variant, """
# Acme's client certificate calls the gateway: certlint checks that the gateway's client CA
# bundle issued it.
deployments:
  - certificate: partners/acme-orders.crt
    role: client
    hostnames: [partner-gateway.vendor.com]
    endpoint: Acme's order system
""")


# ---------------------------------------------------------------------------------------------
# 5. k8s-mtls: service-to-service mTLS in Kubernetes (Ingress, Secrets, Istio MUTUAL).

def k8s_mtls(mesh):
    for variant in ("broken", "fixed"):
        hosts = ["orders.internal.example"] if variant == "fixed" else ["order.internal.example"]
        ingress_cert, _ = mesh.issue("orders.internal.example", 0x6001, utc(2026, 10, 1), utc(2027, 3, 31, 23, 59, 59), dns=hosts)
        client_eku = CLIENT if variant == "fixed" else SERVER
        client, _ = mesh.issue("checkout", 0x6002, utc(2026, 10, 1), utc(2027, 3, 31, 23, 59, 59),
                               dns=["checkout.shop.svc.cluster.local"], eku=client_eku)
        write(f"k8s-mtls/{variant}/k8s/secrets.yaml", f"""# TLS material of the shop namespace ({MADE}).
# The private keys are not here: the pipeline adds them from Vault when it applies these.
apiVersion: v1
kind: Secret
metadata:
  name: orders-tls
  namespace: shop
type: Opaque
data:
  tls.crt: {b64(pem(ingress_cert))}
---
apiVersion: v1
kind: Secret
metadata:
  name: checkout-client
  namespace: shop
type: Opaque
data:
  tls.crt: {b64(pem(client))}
  ca.crt: {b64(pem(mesh.cert))}
""")
        write(f"k8s-mtls/{variant}/k8s/ingress.yaml", f"""# The orders API, reachable inside the company network ({MADE}).
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: orders
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/backend-protocol: HTTPS
spec:
  ingressClassName: nginx
  tls:
    - hosts:
        - orders.internal.example
      secretName: orders-tls
  rules:
    - host: orders.internal.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: orders
                port:
                  number: 8443
""")
        write(f"k8s-mtls/{variant}/k8s/destination-rule.yaml", f"""# checkout calls orders with its own client certificate ({MADE}).
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: orders-mtls
  namespace: shop
spec:
  host: orders.shop.svc.cluster.local
  trafficPolicy:
    tls:
      mode: MUTUAL
      credentialName: checkout-client
      sni: orders.shop.svc.cluster.local
""")
        config("k8s-mtls", variant)


# ---------------------------------------------------------------------------------------------
# 6. server-only: a certificate allowing serverAuth and clientAuth, used only as a server.

def server_only(issuing):
    for variant in ("broken", "fixed"):
        cert, _ = issuing.issue("api.example.com", 0x7001 if variant == "broken" else 0x7002,
                                utc(2026, 10, 1), utc(2027, 4, 30, 23, 59, 59),
                                dns=["api.example.com"], eku=BOTH if variant == "broken" else SERVER)
        write(f"server-only/{variant}/haproxy/certs/api.example.com.pem",
              f"# api.example.com with its chain; the key is installed from the vault ({MADE})\n" + pem(cert, issuing.cert))
        write(f"server-only/{variant}/haproxy/haproxy.cfg", f"""# HAProxy in front of the public API ({MADE})
global
    log stdout format raw local0
    ssl-default-bind-options ssl-min-ver TLSv1.2

defaults
    mode http
    timeout connect 5s
    timeout client  30s
    timeout server  30s

frontend api
    bind :443 ssl crt /etc/haproxy/certs/api.example.com.pem alpn h2,http/1.1
    http-request set-header X-Forwarded-Proto https
    default_backend api_servers

backend api_servers
    server api1 10.0.1.10:8080 check
""")
        config("server-only", variant)


def main():
    for example in ("public-website", "internal-portal", "order-service", "partner-gateway", "k8s-mtls", "server-only",
                    "partner-integration"):
        shutil.rmtree(os.path.join(HERE, example), ignore_errors=True)
    # A private CA standing in for a public one (certlint never goes online to check).
    ca = root("Example Root CA")
    issuing = ca.intermediate("Example Issuing CA R1", 2, utc(2024, 1, 1), utc(2034, 1, 1))
    corp = root("Corp Internal Root CA", org="Corp")
    mesh = root("Shop Mesh CA", org="Example Inc")
    public_website(ca, issuing)
    internal_portal(corp)
    order_service(corp)
    partner_gateway(ca, issuing)
    k8s_mtls(mesh)
    server_only(issuing)


if __name__ == "__main__":
    main()
