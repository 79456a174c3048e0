#!/usr/bin/env python3
"""Makes the certificates and keys of certlint's Examples/ repositories.

Run from the repository root:  python3 Examples/make-examples.py
Needs Python 3.11+ with `cryptography`. Dates are fixed; keys are random, so a rerun changes
keys, signatures and fingerprints (re-record the example reports afterwards).
These are examples for people to run certlint on; test fixtures live in Tests/Fixtures.
"""
import datetime
import ipaddress
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = os.path.dirname(os.path.abspath(__file__))


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.timezone.utc)


def name(cn, org="Example Inc"):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


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


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def write(path, text, mode=0o644):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", newline="\n") as f:
        f.write(text)
    os.chmod(full, mode)


def main():
    # A private CA standing in for a public one (certlint never goes online to check).
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    root = build(name("Example Root CA"), name("Example Root CA"), root_key, root_key, 1,
                 utc(2024, 1, 1), utc(2044, 1, 1), ca=True)
    inter_key = ec.generate_private_key(ec.SECP384R1())
    inter = build(name("Example Issuing CA R1"), root.subject, inter_key, root_key, 2,
                  utc(2024, 1, 1), utc(2034, 1, 1), ca=True, path_len=0, issuer_cert=root)

    # public-website: nginx serving www.example.com with its chain.
    web_key = ec.generate_private_key(ec.SECP256R1())
    web = build(name("www.example.com"), inter.subject, web_key, inter_key, 0x1001,
                utc(2026, 9, 1), utc(2027, 3, 19, 23, 59, 59),
                eku=[ExtendedKeyUsageOID.SERVER_AUTH],
                san=[x509.DNSName("www.example.com"), x509.DNSName("example.com")], issuer_cert=inter)
    write("public-website/certs/www.example.com.pem",
          "# www.example.com, served with its issuing CA (made by Examples/make-examples.py)\n" + pem(web) + pem(inter))
    write("public-website/certs/www.example.com.key", web_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode(), 0o600)
    write("public-website/nginx.conf", """# nginx for www.example.com (Examples/public-website)
server {
    listen 443 ssl;
    server_name www.example.com example.com;

    ssl_certificate     certs/www.example.com.pem;
    ssl_certificate_key certs/www.example.com.key;
}
""")

    # partner-integration: an application calling a partner API with a client certificate
    # whose extended key usage was issued for servers only (the classic mistake).
    client_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    client = build(name("orders.example.com"), inter.subject, client_key, inter_key, 0x2001,
                   utc(2026, 2, 1), utc(2027, 2, 1),
                   eku=[ExtendedKeyUsageOID.SERVER_AUTH],
                   san=[x509.DNSName("orders.example.com")], issuer_cert=inter)
    write("partner-integration/certs/partner-client.pem",
          "# The client certificate the order service presents to the partner (made by Examples/make-examples.py)\n" + pem(client))
    write("partner-integration/certs/partner-client.key", client_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"example-only")).decode(), 0o600)
    write("partner-integration/certs/example-root-ca.pem", pem(root))


if __name__ == "__main__":
    main()
