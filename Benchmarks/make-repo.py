#!/usr/bin/env python3
"""Writes the repository that Benchmarks/lint-repo.sh lints end to end.

    python3 Benchmarks/make-repo.py OUT_DIR [--files 10000] [--certificates 2000] [--manifests 500]

The repository has --files files: --certificates PEM certificates (leaves with their chain
files, intermediates, roots; a tenth expired or expiring, some with findings), --manifests
deployment manifests spread over every format certlint reads (nginx, Apache, HAProxy,
Kubernetes, Compose, CloudFormation, Terraform, IIS, Kestrel, Spring Boot, Tyk, Kong, .env),
each referencing certificates of the repository, and the rest unrelated source files (Swift,
Python, JavaScript, Go, Markdown) of a few kilobytes. Dates are fixed (lint it at 2026-11-23);
keys are random but only a few are made, so generation takes seconds. Needs `cryptography`.
"""
import argparse
import base64
import datetime
import hashlib
import os
import random
import shutil

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.timezone.utc)


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Bench Inc"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make(subject, issuer, public_key, signer, serial, nb, na, *, ca=False, hosts=(), eku=None):
    b = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer)).public_key(public_key)
         .serial_number(serial).not_valid_before(nb).not_valid_after(na)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))
    if hosts:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts]), critical=False)
    if eku:
        b = b.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    return b.sign(signer, hashes.SHA256())


def pem(*certs):
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode() for c in certs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--certificates", type=int, default=2_000)
    parser.add_argument("--manifests", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(20261123)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)

    def write(path, text):
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    write(".certlint.yml", "# made by Benchmarks/make-repo.py\nversion: 1\n")
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = make("Bench Root CA", "Bench Root CA", root_key.public_key(), root_key, 1, utc(2024, 1, 1), utc(2034, 1, 1), ca=True)
    inter_key = ec.generate_private_key(ec.SECP384R1())
    inter = make("Bench Issuing CA", "Bench Root CA", inter_key.public_key(), root_key, 2, utc(2024, 1, 1), utc(2030, 1, 1), ca=True)
    write("pki/root.pem", pem(root))
    write("pki/issuing.pem", pem(inter))
    leaf_keys = [ec.generate_private_key(ec.SECP256R1()).public_key() for _ in range(16)]

    # Certificates: leaves, one file each; a third with their chain, a tenth expired or expiring.
    certificates = []  # (path, hosts, client)
    for i in range(args.certificates - 2):
        host = f"svc{i}.bench.example"
        client = i % 7 == 0
        eku = [ExtendedKeyUsageOID.CLIENT_AUTH] if client else [ExtendedKeyUsageOID.SERVER_AUTH]
        nb = utc(2026, 6, 1) + datetime.timedelta(days=i % 90)
        na = nb + datetime.timedelta(days=180 if i % 10 else 170)
        cert = make(host, "Bench Issuing CA", leaf_keys[i % len(leaf_keys)], inter_key, 1000 + i, nb, na,
                    hosts=[host, f"www.{host}"], eku=eku)
        path = f"deploy/certs/{i // 100:02d}/{host}.pem"
        write(path, pem(cert, inter) if i % 3 == 0 else pem(cert))
        certificates.append((path, host, client))

    # Manifests of every format, each naming one to four certificates.
    formats = ["nginx", "apache", "haproxy", "k8s", "compose", "cfn", "terraform", "iis", "kestrel", "spring", "tyk", "kong", "env"]
    servers = [c for c in certificates if not c[2]]
    clients = [c for c in certificates if c[2]]
    for m in range(args.manifests):
        kind = formats[m % len(formats)]
        folder = f"deploy/{kind}/{m:03d}"
        picks = [servers[(m * 4 + k) % len(servers)] for k in range(1 + m % 4)]
        client = clients[m % len(clients)]

        def rel(path):
            return os.path.relpath(path, folder)

        if kind == "nginx":
            blocks = "".join(
                f"    server {{\n        listen 443 ssl;\n        server_name {h};\n        ssl_certificate {rel(p)};\n"
                f"        ssl_certificate_key {rel(p)[:-4]}.key;\n    }}\n" for p, h, _ in picks)
            write(f"{folder}/nginx.conf", f"# made by Benchmarks/make-repo.py\nevents {{}}\nhttp {{\n{blocks}}}\n")
        elif kind == "apache":
            blocks = "".join(
                f"<VirtualHost *:443>\n    ServerName {h}\n    SSLEngine on\n    SSLCertificateFile {rel(p)}\n</VirtualHost>\n"
                for p, h, _ in picks)
            write(f"{folder}/ssl.conf", "# made by Benchmarks/make-repo.py\nListen 443\n" + blocks)
        elif kind == "haproxy":
            crts = " ".join(f"crt {rel(p)}" for p, _, _ in picks)
            write(f"{folder}/haproxy.cfg",
                  f"# made by Benchmarks/make-repo.py\nglobal\n    maxconn 100\nfrontend www\n    mode http\n    bind :443 ssl {crts}\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n")
        elif kind == "k8s":
            docs = []
            for n, (p, h, _) in enumerate(picks):
                data = base64.b64encode(open(os.path.join(out, p), "rb").read()).decode()
                docs.append(f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls-{n}\n  namespace: bench{m}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: {data}\n  tls.key: \"\"\n")
                docs.append(f"apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing-{n}\n  namespace: bench{m}\nspec:\n  tls:\n    - hosts: [{h}]\n      secretName: tls-{n}\n")
            write(f"{folder}/tls.yaml", "# made by Benchmarks/make-repo.py\n" + "---\n".join(docs))
        elif kind == "compose":
            secrets = "".join(f"  cert{n}:\n    file: {rel(p)}\n" for n, (p, _, _) in enumerate(picks))
            write(f"{folder}/docker-compose.yml", f"# made by Benchmarks/make-repo.py\nservices:\n  web:\n    image: nginx\n    secrets: [cert0]\nsecrets:\n{secrets}")
        elif kind == "cfn":
            p, h, _ = picks[0]
            body = open(os.path.join(out, p)).read().split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n"
            indented = "".join("        " + line + "\n" for line in body.strip().split("\n"))
            write(f"{folder}/template.yaml",
                  "# made by Benchmarks/make-repo.py\nAWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
                  f"  Cert:\n    Type: AWS::IAM::ServerCertificate\n    Properties:\n      CertificateBody: |\n{indented}"
                  "  Listener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Port: 443\n      Protocol: HTTPS\n"
                  "      Certificates:\n        - CertificateArn: !Ref Cert\n")
        elif kind == "terraform":
            p, h, _ = picks[0]
            write(f"{folder}/main.tf.json",
                  '{"resource": {"aws_iam_server_certificate": {"web": {"name": "web", "certificate_body": "${file(\\"%s\\")}"}},'
                  ' "aws_lb_listener": {"https": {"port": 443, "protocol": "HTTPS", "certificate_arn": "${aws_iam_server_certificate.web.arn}"}}}}\n' % rel(p))
        elif kind == "iis":
            p, h, _ = picks[0]
            der = x509.load_pem_x509_certificate(open(os.path.join(out, p), "rb").read()).public_bytes(serialization.Encoding.DER)
            thumb = hashlib.sha1(der).hexdigest()
            write(f"{folder}/applicationHost.config",
                  f'<?xml version="1.0"?>\n<!-- made by Benchmarks/make-repo.py -->\n<configuration>\n  <system.applicationHost>\n    <sites>\n'
                  f'      <site name="S{m}" id="{m + 1}">\n        <bindings>\n          <binding protocol="https" bindingInformation="*:443:{h}" certificateHash="{thumb}" certificateStoreName="My" />\n'
                  f'        </bindings>\n      </site>\n    </sites>\n  </system.applicationHost>\n</configuration>\n')
        elif kind == "kestrel":
            p, h, _ = picks[0]
            write(f"{folder}/appsettings.json",
                  '{\n  // made by Benchmarks/make-repo.py\n  "Kestrel": { "Endpoints": { "Https": { "Url": "https://%s:443", "Certificate": { "Path": "%s" } } } },\n'
                  '  "Partner": { "ClientCertificate": { "Path": "%s" } }\n}\n' % (h, rel(p), rel(client[0])))
        elif kind == "spring":
            p, h, _ = picks[0]
            write(f"{folder}/application.properties",
                  f"# made by Benchmarks/make-repo.py\nserver.port=8443\nserver.ssl.enabled=true\nserver.ssl.certificate={rel(p)}\n"
                  f"server.ssl.certificate-private-key={rel(p)[:-4]}.key\n")
        elif kind == "tyk":
            p, h, _ = picks[0]
            write(f"{folder}/api.json",
                  '{"name": "api%d", "api_id": "api%d", "use_mutual_tls_auth": true, "client_certificates": [], "domain": "%s",'
                  ' "upstream_certificates": {"*": "%s"}, "proxy": {"listen_path": "/api%d/", "target_url": "https://backend"}}\n'
                  % (m, m, h, rel(client[0]), m))
        elif kind == "kong":
            certs = "".join(
                f"  - cert: |\n" + "".join("      " + line + "\n" for line in open(os.path.join(out, p)).read().strip().split("\n"))
                + f"    key: \"\"\n    snis: [{{ name: {h} }}]\n" for p, h, _ in picks[:2])
            write(f"{folder}/kong.yml", f"# made by Benchmarks/make-repo.py\n_format_version: \"3.0\"\ncertificates:\n{certs}")
        elif kind == "env":
            write(f"{folder}/.env", f"# made by Benchmarks/make-repo.py\nAPP_NAME=bench{m}\nPARTNER_CLIENT_CERT_PATH={rel(client[0])}\nTLS_CERT={rel(picks[0][0])}\n")

    # Unrelated source files up to --files.
    written = sum(len(files) for _, _, files in os.walk(out))
    languages = [("swift", "func f{n}(_ x: Int) -> Int {{\n    return x &* {n} &+ 1\n}}\n"),
                 ("py", "def f{n}(x):\n    return x * {n} + 1\n\n"),
                 ("js", "export function f{n}(x) {{\n  return x * {n} + 1;\n}}\n"),
                 ("go", "func F{n}(x int) int {{\n\treturn x*{n} + 1\n}}\n"),
                 ("md", "## Section {n}\n\nSome prose about section {n} of the service.\n\n")]
    for i in range(args.files - written):
        ext, template = languages[i % len(languages)]
        body = "".join(template.format(n=n) for n in range(rng.randint(20, 80)))
        write(f"src/module{i // 200:03d}/file{i}.{ext}", body)
    total = sum(len(files) for _, _, files in os.walk(out))
    print(f"{out}: {total} files ({args.certificates} certificates, {args.manifests} manifests)")


if __name__ == "__main__":
    main()
