#!/usr/bin/env python3
"""Generate certlint's X.509 test fixtures and the differential-test oracle.

Rerun (from the repository root):

    python3 Tests/Fixtures/make-fixtures.py

Needs Python >= 3.11, the `cryptography` package (written against 48.0.0), the `openssl` command line
(3.0.x) and `ssh-keygen` (OpenSSH). These tools make TEST DATA only; certlint never uses them.

What it (re)writes, deleting the previous contents first:
  Tests/Fixtures/x509/generated/*.der   certificates made here (CertificateBuilder, openssl where needed)
  Tests/Fixtures/x509/ca-store/*.der    every certificate of /etc/ssl/certs/ca-certificates.crt
  Tests/Fixtures/x509/generated.json    the oracle: one record per generated certificate
  Tests/Fixtures/x509/ca-store.json     the oracle: one record per CA-store certificate
  Tests/Fixtures/inputs/*               files in the formats certlint reads, + inputs/expected.json
  Tests/Fixtures/README.md              one line per file or group: which function made it

Dates are fixed constants. Keys are random, so each run yields new keys, serial-number-stable names and
new fingerprints, but everything written by one run is consistent (keys match certificates, chains
link, the JSON describes exactly the DER files beside it).

Oracle sources. Every value in a record comes from cryptography's parsed view of the DER, except:
  * not_before_encoding / not_after_encoding / self_issued: decoded from the DER by `der_tbs_fields`
    below (cryptography exposes neither the time tag nor the raw name bytes).
  * fingerprints of a certificate cryptography cannot load: hashlib over the DER.
  * pss.mgf_hash / pss.salt_length: cryptography's PSS object only has them as private attributes
    (`_mgf._algorithm`, `_salt_length`).
  * upn: the otherName value is given by cryptography as DER bytes; we decode the UTF8String ourselves.
openssl is used to MAKE what cryptography cannot make (MD5/SHA-1 signatures, version 1 certificates,
RSASSA-PSS subject keys, PKCS#7 bundles, legacy-encrypted PEM keys), never as an oracle.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import ipaddress
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import warnings
from pathlib import Path

import cryptography
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, padding, rsa, x448, x25519
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import (
    AuthorityInformationAccessOID,
    ExtendedKeyUsageOID,
    ExtensionOID,
    NameOID,
    ObjectIdentifier,
    SignatureAlgorithmOID,
)

HERE = Path(__file__).resolve().parent
X509_DIR = HERE / "x509"
INPUTS_DIR = HERE / "inputs"
CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
DEBIAN_CA_DIR = Path("/usr/share/ca-certificates")
SCRIPT = "Tests/Fixtures/make-fixtures.py"
PASSWORD = "fixture"

UTC = datetime.timezone.utc


def T(y, mo, d, h=0, mi=0, s=0):
    return datetime.datetime(y, mo, d, h, mi, s, tzinfo=UTC)


# ---- fixed dates -------------------------------------------------------------------------------
NOT_BEFORE = T(2025, 1, 1)          # default leaf validity: UTCTime 2025-01-01 .. 2026-01-01
NOT_AFTER = T(2026, 1, 1)
CA_NOT_BEFORE = T(2024, 1, 1)       # CAs: 2024-01-01 .. 2034-01-01 (root: .. 2044-01-01)
CA_NOT_AFTER = T(2034, 1, 1)
ROOT_NOT_AFTER = T(2044, 1, 1)
PERIOD_START = T(2025, 3, 1)        # start of the "exactly N days" validity certificates
SCT_TIMESTAMPS_MS = (1735689600000, 1735689601234)  # 2025-01-01T00:00:00Z, +1.234 s

warnings.simplefilter("ignore")     # negative serials etc. raise CryptographyDeprecationWarning


def run(cmd, **kw):
    """Run a command, raising with its stderr on failure."""
    p = subprocess.run(cmd, capture_output=True, **kw)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({p.returncode}): "
                           f"{p.stderr.decode(errors='replace')}")
    return p.stdout


def openssl_version():
    return run(["openssl", "version"]).decode().strip()


# =================================================================================================
# Minimal DER reading/writing (for the fields cryptography does not expose, and for hand-made TBS)
# =================================================================================================

def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


def der_read(buf, off):
    """Read one TLV (single-byte tags only). Returns (tag, content_start, end)."""
    tag = buf[off]
    n = buf[off + 1]
    p = off + 2
    if n & 0x80:
        k = n & 0x7F
        n = int.from_bytes(buf[p:p + k], "big")
        p += k
    return tag, p, p + n


def der_children(buf, start, end):
    out = []
    while start < end:
        tag, cs, e = der_read(buf, start)
        out.append((tag, start, cs, e))
        start = e
    return out


def der_tbs_fields(der):
    """Raw TBSCertificate fields from a certificate's DER.

    Returns dict: tbs (raw TLV), children (list of raw TLVs), issuer, subject (raw TLV bytes),
    not_before_tag, not_after_tag, extension_oids (dotted, encoded order)."""
    _, cs, ce = der_read(der, 0)
    tag, tcs, tce = der_read(der, cs)
    tbs_start = cs
    kids = der_children(der, tcs, tce)
    raw = [der[s:e] for (_, s, _, e) in kids]
    i = 1 if kids[0][0] == 0xA0 else 0
    # serial, sigalg, issuer, validity, subject, spki
    issuer = raw[i + 2]
    validity = kids[i + 3]
    subject = raw[i + 4]
    vk = der_children(der, validity[2], validity[3])
    ext_oids = []
    for (t, s, c, e) in kids[i + 6:]:
        if t == 0xA3:
            _, seq_c, seq_e = der_read(der, c)
            for (_, _, ec_, ee) in der_children(der, seq_c, seq_e):
                ot, oc, oe = der_read(der, ec_)
                ext_oids.append(oid_from_der(der[oc:oe]))
    return {
        "tbs": der[tbs_start:tce],
        "children": raw,
        "issuer": issuer,
        "subject": subject,
        "not_before_tag": vk[0][0],
        "not_after_tag": vk[1][0],
        "extension_oids": ext_oids,
    }


def oid_from_der(content):
    arcs = []
    v = 0
    for b in content:
        v = (v << 7) | (b & 0x7F)
        if not b & 0x80:
            arcs.append(v)
            v = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first] + arcs[1:])


TIME_TAGS = {0x17: "UTCTime", 0x18: "GeneralizedTime"}

SHA256_WITH_RSA_ALGID = bytes.fromhex("300d06092a864886f70d01010b0500")


def assemble_rsa_sha256(tbs_children, key):
    """Wrap TBS children into a TBSCertificate, sign it sha256WithRSAEncryption, return cert DER."""
    tbs = tlv(0x30, b"".join(tbs_children))
    sig = key.sign(tbs, padding.PKCS1v15(), hashes.SHA256())
    return tlv(0x30, tbs + SHA256_WITH_RSA_ALGID + tlv(0x03, b"\x00" + sig))


# =================================================================================================
# Keys and builders
# =================================================================================================

def rsa_key(bits=2048, e=65537):
    return rsa.generate_private_key(public_exponent=e, key_size=bits)


def name(cn, o="certlint fixtures", extra=()):
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, o)]
    attrs += list(extra)
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


class Generated:
    """The generated certificates, in a stable order, with how each was made."""

    def __init__(self):
        self.items = []          # (name, der, how)
        self.serial = 0x1000
        self.by_name = {}

    def next_serial(self):
        self.serial += 1
        return self.serial

    def add(self, nm, cert_or_der, how):
        der = cert_or_der if isinstance(cert_or_der, bytes) else cert_or_der.public_bytes(serialization.Encoding.DER)
        func = sys._getframe(1).f_code.co_name
        full = "generated/" + nm
        assert full not in self.by_name, full
        self.items.append((full, der, f"`{func}()`: {how}"))
        self.by_name[full] = der
        return der


G = Generated()


def build(subject, public_key, signer_key, *, issuer=None, serial=None, nb=NOT_BEFORE, na=NOT_AFTER,
          exts=(), algorithm="default", rsa_padding=None):
    """CertificateBuilder wrapper. exts: iterable of (ExtensionType, critical)."""
    b = (x509.CertificateBuilder()
         .subject_name(subject)
         .issuer_name(issuer if issuer is not None else subject)
         .public_key(public_key)
         .serial_number(serial if serial is not None else G.next_serial())
         .not_valid_before(nb)
         .not_valid_after(na))
    for ext, crit in exts:
        b = b.add_extension(ext, crit)
    if algorithm == "default":
        algorithm = None if isinstance(signer_key, (ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)) else hashes.SHA256()
    return b.sign(signer_key, algorithm, rsa_padding=rsa_padding)


def ski_of(key):
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key())


def aki_of(issuer_key):
    return x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key())


def pem(obj):
    return obj.public_bytes(serialization.Encoding.PEM)


class Issuer:
    def __init__(self, cert, key):
        self.cert, self.key = cert, key

    def issue(self, subject, public_key, **kw):
        return build(subject, public_key, self.key, issuer=self.cert.subject, **kw)


# =================================================================================================
# openssl helpers (for what cryptography cannot make)
# =================================================================================================

OPENSSL_CA_CNF = """\
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = {dir}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
[ policy_any ]
commonName = supplied
"""


def openssl_ca(csr_pem, signer_key_pem, *, signer_cert_pem=None, md="sha256", serial, start=NOT_BEFORE,
               end=NOT_AFTER, extensions=None, sigopts=()):
    """Sign a CSR with `openssl ca` (fixed -startdate/-enddate; `openssl x509 -req` in 3.0 only has -days).

    No `extensions` text -> openssl ca makes a version 1 certificate. signer_cert_pem None -> -selfsign."""
    with tempfile.TemporaryDirectory() as d:
        dp = Path(d)
        (dp / "newcerts").mkdir()
        (dp / "index.txt").write_text("")
        (dp / "serial").write_text("%02X\n" % serial if serial < 256 else "%X\n" % serial)
        (dp / "ca.cnf").write_text(OPENSSL_CA_CNF.format(dir=d))
        (dp / "req.csr").write_bytes(csr_pem)
        (dp / "signer.key").write_bytes(signer_key_pem)
        cmd = ["openssl", "ca", "-batch", "-config", str(dp / "ca.cnf"), "-in", str(dp / "req.csr"),
               "-out", str(dp / "out.pem"), "-keyfile", str(dp / "signer.key"), "-md", md, "-preserveDN",
               "-notext", "-startdate", start.strftime("%Y%m%d%H%M%SZ"),
               "-enddate", end.strftime("%Y%m%d%H%M%SZ")]
        for s in sigopts:
            cmd += ["-sigopt", s]
        if signer_cert_pem is None:
            cmd.append("-selfsign")
        else:
            (dp / "signer.pem").write_bytes(signer_cert_pem)
            cmd += ["-cert", str(dp / "signer.pem")]
        if extensions is not None:
            (dp / "ext.cnf").write_text("[ v3 ]\n" + extensions)
            cmd += ["-extfile", str(dp / "ext.cnf"), "-extensions", "v3"]
        run(cmd)
        return x509.load_pem_x509_certificate((dp / "out.pem").read_bytes()).public_bytes(serialization.Encoding.DER)


def csr_for(key, subject, algorithm="default"):
    if algorithm == "default":
        algorithm = None if isinstance(key, (ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)) else hashes.SHA256()
    return x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, algorithm)


def key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


# =================================================================================================
# Part 2B: the generated certificates
# =================================================================================================

SKIPPED = []   # things neither tool could make: (what, why)


def make_fixture_ca():
    key = rsa_key(2048)
    subj = name("certlint Fixture CA")
    cert = build(subj, key.public_key(), key, nb=CA_NOT_BEFORE, na=CA_NOT_AFTER, exts=[
        (x509.BasicConstraints(ca=True, path_length=None), True),
        (x509.KeyUsage(False, False, False, False, False, True, True, False, False), True),
        (ski_of(key), False),
    ])
    G.add("fixture-ca", cert, "self-signed RSA-2048 CA that issues most feature certificates below")
    return Issuer(cert, key)


def make_key_types():
    """One self-signed certificate per subject-key type/size (signature matches the key)."""
    specs = [
        ("rsa-1024", rsa_key(1024), hashes.SHA256(), "RSA 1024, e=65537, sha256WithRSAEncryption"),
        ("rsa-2048", rsa_key(2048), hashes.SHA256(), "RSA 2048, e=65537, sha256WithRSAEncryption"),
        ("rsa-3072", rsa_key(3072), hashes.SHA256(), "RSA 3072, e=65537, sha256WithRSAEncryption"),
        ("rsa-4096", rsa_key(4096), hashes.SHA256(), "RSA 4096, e=65537, sha256WithRSAEncryption"),
        ("rsa-2048-exponent-3", rsa_key(2048, 3), hashes.SHA256(), "RSA 2048 with public exponent 3"),
        ("ec-p256", ec.generate_private_key(ec.SECP256R1()), hashes.SHA256(), "EC P-256, ecdsa-with-SHA256"),
        ("ec-p384", ec.generate_private_key(ec.SECP384R1()), hashes.SHA384(), "EC P-384, ecdsa-with-SHA384"),
        ("ec-p521", ec.generate_private_key(ec.SECP521R1()), hashes.SHA512(), "EC P-521, ecdsa-with-SHA512"),
        ("ec-secp256k1", ec.generate_private_key(ec.SECP256K1()), hashes.SHA256(),
         "EC secp256k1 (a curve to name but flag), ecdsa-with-SHA256"),
        ("ed25519", ed25519.Ed25519PrivateKey.generate(), None, "Ed25519 key, Ed25519 signature"),
        ("ed448", ed448.Ed448PrivateKey.generate(), None, "Ed448 key, Ed448 signature"),
        ("dsa-2048", dsa.generate_private_key(2048), hashes.SHA256(), "DSA 2048, dsa-with-SHA256"),
    ]
    keys = {}
    for nm, key, alg, how in specs:
        cert = build(name(f"key type {nm}"), key.public_key(), key, algorithm=alg,
                     exts=[(x509.BasicConstraints(ca=False, path_length=None), True)])
        G.add("key-" + nm, cert, "self-signed; " + how)
        keys[nm] = key
    return keys


def make_rsa_pss_subject_key():
    """A certificate whose SubjectPublicKeyInfo is id-RSASSA-PSS (cryptography cannot generate such keys)."""
    with tempfile.TemporaryDirectory() as d:
        kp = Path(d) / "pss.key"
        run(["openssl", "genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048",
             "-pkeyopt", "rsa_pss_keygen_md:sha256", "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha256",
             "-pkeyopt", "rsa_pss_keygen_saltlen:32", "-out", str(kp)])
        csr = run(["openssl", "req", "-new", "-key", str(kp), "-subj", "/C=US/O=certlint fixtures/CN=key type rsa-pss"])
        der = openssl_ca(csr, kp.read_bytes(), serial=G.next_serial(),
                         extensions="basicConstraints = critical,CA:FALSE\n")
    G.add("key-rsa-pss-spki", der, "openssl genpkey -algorithm RSA-PSS (SPKI OID 1.2.840.113549.1.1.10 with "
          "parameters sha256/mgf1-sha256/salt 32) + `openssl ca -selfsign`; self-signed RSASSA-PSS")


def make_signature_algorithms(ca, keys):
    rk = rsa_key(2048)
    for nm, alg in [("sha224-rsa", hashes.SHA224()), ("sha256-rsa", hashes.SHA256()),
                    ("sha384-rsa", hashes.SHA384()), ("sha512-rsa", hashes.SHA512())]:
        cert = build(name(f"signature {nm}"), rk.public_key(), ca.key, issuer=ca.cert.subject, algorithm=alg)
        G.add("sig-" + nm, cert, f"RSA-2048 leaf signed by fixture-ca with {alg.name}WithRSAEncryption")
    # cryptography 48 refuses SHA-1 and MD5 for certificate signatures: openssl ca does them.
    ca_key_pem, ca_pem = key_pem(ca.key), pem(ca.cert)
    for nm, md in [("sha1-rsa", "sha1"), ("md5-rsa", "md5")]:
        csr = csr_for(rk, name(f"signature {nm}")).public_bytes(serialization.Encoding.PEM)
        try:
            der = openssl_ca(csr, ca_key_pem, signer_cert_pem=ca_pem, md=md, serial=G.next_serial(),
                             extensions="basicConstraints = critical,CA:FALSE\n")
            G.add("sig-" + nm, der, f"`openssl ca -md {md}` with fixture-ca (cryptography refuses {md} signatures)")
        except RuntimeError as e:
            SKIPPED.append((f"sig-{nm}", str(e)))
    ek = ec.generate_private_key(ec.SECP256R1())
    for nm, alg in [("ecdsa-sha256", hashes.SHA256()), ("ecdsa-sha384", hashes.SHA384()),
                    ("ecdsa-sha512", hashes.SHA512())]:
        cert = build(name(f"signature {nm}"), ek.public_key(), ek, algorithm=alg)
        G.add("sig-" + nm, cert, f"self-signed P-256 key, ecdsa-with-{alg.name.upper()}")
    csr = csr_for(ek, name("signature ecdsa-sha1")).public_bytes(serialization.Encoding.PEM)
    der = openssl_ca(csr, key_pem(ek), md="sha1", serial=G.next_serial(),
                     extensions="basicConstraints = critical,CA:FALSE\n")
    G.add("sig-ecdsa-sha1", der, "`openssl ca -selfsign -md sha1` with a P-256 key (ecdsa-with-SHA1)")
    # RSASSA-PSS signatures (subject key is an ordinary rsaEncryption key)
    for nm, h, salt in [("rsa-pss-sha256", hashes.SHA256(), 32), ("rsa-pss-sha384", hashes.SHA384(), 48),
                        ("rsa-pss-sha512", hashes.SHA512(), 64), ("rsa-pss-sha256-salt-20", hashes.SHA256(), 20)]:
        pad = padding.PSS(mgf=padding.MGF1(h), salt_length=salt)
        cert = build(name(f"signature {nm}"), rk.public_key(), ca.key, issuer=ca.cert.subject,
                     algorithm=h, rsa_padding=pad)
        G.add("sig-" + nm, cert, f"fixture-ca signs with RSASSA-PSS {h.name}, MGF1-{h.name}, salt {salt}")
    pad = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.MAX_LENGTH)
    cert = build(name("signature rsa-pss-sha256-max-salt"), rk.public_key(), ca.key, issuer=ca.cert.subject,
                 algorithm=hashes.SHA256(), rsa_padding=pad)
    G.add("sig-rsa-pss-sha256-max-salt", cert, "RSASSA-PSS SHA-256 with PSS.MAX_LENGTH salt (222 for RSA-2048)")
    pad = padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=32)
    cert = build(name("signature rsa-pss-sha256-mgf1-sha512"), rk.public_key(), ca.key, issuer=ca.cert.subject,
                 algorithm=hashes.SHA256(), rsa_padding=pad)
    G.add("sig-rsa-pss-sha256-mgf1-sha512", cert, "RSASSA-PSS SHA-256 with MGF1-SHA-512 (mask hash differs), "
          "salt 32")
    # cryptography refuses MGF1-SHA-1; openssl ca -sigopt makes RSASSA-PSS SHA-256 with MGF1-SHA-1, salt 20.
    csr = csr_for(rk, name("signature rsa-pss-sha256-mgf1-sha1")).public_bytes(serialization.Encoding.PEM)
    der = openssl_ca(csr, ca_key_pem, signer_cert_pem=ca_pem, md="sha256", serial=G.next_serial(),
                     extensions="basicConstraints = critical,CA:FALSE\n",
                     sigopts=["rsa_padding_mode:pss", "rsa_mgf1_md:sha1", "rsa_pss_saltlen:20"])
    G.add("sig-rsa-pss-sha256-mgf1-sha1", der, "`openssl ca -sigopt rsa_padding_mode:pss -sigopt rsa_mgf1_md:sha1 "
          "-sigopt rsa_pss_saltlen:20` with fixture-ca (cryptography refuses MGF1-SHA-1)")
    # DSA, Ed25519 and Ed448 signatures: see key-dsa-2048, key-ed25519, key-ed448.


def make_sans(ca):
    k = rsa_key(2048)
    upn = x509.OtherName(ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), tlv(0x0C, "alice@example.com".encode()))
    unknown_other = x509.OtherName(ObjectIdentifier("1.3.6.1.4.1.55555.7.1"), tlv(0x0C, b"opaque value"))
    dirname = x509.DirectoryName(x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
                                            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Inc"),
                                            x509.NameAttribute(NameOID.COMMON_NAME, "Directory Name")]))
    ip = lambda s: x509.IPAddress(ipaddress.ip_address(s))  # noqa: E731
    dns = [x509.DNSName(s) for s in ["example.com", "*.example.com", "xn--bcher-kva.example", "example.com.",
                                     "WWW.Example.COM", "a-b.sub.example.com"]]
    ips = [ip(s) for s in ["192.0.2.1", "0.0.0.0", "::1", "2001:db8::1", "::ffff:192.0.2.1",
                           "2001:db8:0:0:1:0:0:1", "fe80::1:2:3:4"]]
    sets = [
        ("san-dns", dns, "dNSName: plain, wildcard, IDN punycode, trailing dot, upper-case, hyphen"),
        ("san-ip", ips, "iPAddress: IPv4, 0.0.0.0, ::1, 2001:db8::1, IPv4-mapped, RFC 5952 compression cases"),
        ("san-email", [x509.RFC822Name("alice@example.com"), x509.RFC822Name("Bob.Smith@Example.ORG")], "rfc822Name"),
        ("san-uri", [x509.UniformResourceIdentifier("https://example.com/path?q=1"),
                     x509.UniformResourceIdentifier("spiffe://example.org/ns/default/sa/web"),
                     x509.UniformResourceIdentifier("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6")],
         "uniformResourceIdentifier: https, spiffe, urn"),
        ("san-othername-upn", [upn], "otherName UPN 1.3.6.1.4.1.311.20.2.3 (UTF8String alice@example.com)"),
        ("san-othername-unknown", [unknown_other], "otherName with unknown OID 1.3.6.1.4.1.55555.7.1"),
        ("san-registered-id", [x509.RegisteredID(ObjectIdentifier("1.3.6.1.4.1.55555.9"))], "registeredID"),
        ("san-directory-name", [dirname], "directoryName"),
        ("san-all-kinds", [dns[0], ips[0], ips[3], x509.RFC822Name("alice@example.com"),
                           x509.UniformResourceIdentifier("https://example.com/"), upn, unknown_other,
                           x509.RegisteredID(ObjectIdentifier("1.3.6.1.4.1.55555.9")), dirname, dns[1]],
         "one of every GeneralName kind cryptography can build, interleaved"),
    ]
    for nm, names, how in sets:
        cert = ca.issue(name(nm), k.public_key(), exts=[(x509.SubjectAlternativeName(names), False)])
        G.add(nm, cert, "fixture-ca; SAN " + how)
    cert = ca.issue(x509.Name([]), k.public_key(),
                    exts=[(x509.SubjectAlternativeName([x509.DNSName("empty-subject.example.com")]), True)])
    G.add("san-critical-empty-subject", cert, "empty subject, critical SAN (RFC 5280 4.2.1.6)")


A = x509.NameAttribute


def make_names(ca):
    k = rsa_key(2048)
    all_attrs = x509.Name([
        A(NameOID.COUNTRY_NAME, "US"),
        A(NameOID.STATE_OR_PROVINCE_NAME, "California"),
        A(NameOID.LOCALITY_NAME, "San Francisco"),
        A(NameOID.STREET_ADDRESS, "1 Example Street"),
        A(NameOID.POSTAL_CODE, "94105"),
        A(NameOID.ORGANIZATION_NAME, "Example Inc"),
        A(NameOID.ORGANIZATIONAL_UNIT_NAME, "Engineering"),
        A(NameOID.ORGANIZATION_IDENTIFIER, "VATUS-123456789"),
        A(NameOID.JURISDICTION_COUNTRY_NAME, "US"),
        A(NameOID.JURISDICTION_STATE_OR_PROVINCE_NAME, "Delaware"),
        A(NameOID.JURISDICTION_LOCALITY_NAME, "Wilmington"),
        A(NameOID.BUSINESS_CATEGORY, "Private Organization"),
        A(NameOID.SERIAL_NUMBER, "1234567"),
        A(NameOID.DOMAIN_COMPONENT, "com"),
        A(NameOID.DOMAIN_COMPONENT, "example"),
        A(NameOID.USER_ID, "jdoe"),
        A(NameOID.TITLE, "Engineer"),
        A(NameOID.GIVEN_NAME, "Jane"),
        A(NameOID.SURNAME, "Doe"),
        A(NameOID.INITIALS, "J.D."),
        A(NameOID.PSEUDONYM, "jd"),
        A(NameOID.GENERATION_QUALIFIER, "III"),
        A(NameOID.DN_QUALIFIER, "qualifier"),
        A(NameOID.EMAIL_ADDRESS, "jane.doe@example.com"),
        A(ObjectIdentifier("1.3.6.1.4.1.55555.3.1"), "unknown attribute type"),
        A(NameOID.COMMON_NAME, "all attribute types"),
    ])
    cert = build(all_attrs, k.public_key(), k)
    G.add("name-all-attributes", cert, "self-signed; subject = issuer = every common attribute type "
          "(cryptography's default string type for each), plus an unknown attribute OID")
    cert = build(name("issuer has every attribute type"), k.public_key(), k, issuer=all_attrs)
    G.add("name-issuer-all-attributes", cert, "issuer name has every attribute type; subject is plain "
          "(signature does not verify against any issuer certificate: the issuer name is made up)")
    mv = x509.Name([
        x509.RelativeDistinguishedName([A(NameOID.COUNTRY_NAME, "US")]),
        x509.RelativeDistinguishedName([A(NameOID.ORGANIZATION_NAME, "Example Inc"),
                                        A(NameOID.ORGANIZATIONAL_UNIT_NAME, "Engineering")]),
        x509.RelativeDistinguishedName([A(NameOID.COMMON_NAME, "multi valued"), A(NameOID.USER_ID, "jdoe"),
                                        A(NameOID.EMAIL_ADDRESS, "mv@example.com")]),
    ])
    cert = ca.issue(mv, k.public_key())
    G.add("name-multi-valued-rdn", cert, "subject with multi-valued RDNs (O+OU, CN+UID+emailAddress; "
          "DER SET OF order)")
    encs = x509.Name([
        A(NameOID.COUNTRY_NAME, "FR", _type=_ASN1Type.PrintableString),
        A(NameOID.ORGANIZATION_NAME, "Printable Org (A-Z 0-9 '()+,-./:=?)", _type=_ASN1Type.PrintableString),
        A(NameOID.COMMON_NAME, "UTF8 é 中文 😀", _type=_ASN1Type.UTF8String),
        A(NameOID.ORGANIZATIONAL_UNIT_NAME, "BMP é 中", _type=_ASN1Type.BMPString),
        A(NameOID.LOCALITY_NAME, "Universal é 😀", _type=_ASN1Type.UniversalString),
        A(NameOID.STATE_OR_PROVINCE_NAME, "Teletex ASCII", _type=_ASN1Type.T61String),
        A(NameOID.SERIAL_NUMBER, "0123456789", _type=_ASN1Type.NumericString),
        A(NameOID.EMAIL_ADDRESS, "ia5@example.com", _type=_ASN1Type.IA5String),
        A(NameOID.DOMAIN_COMPONENT, "ia5", _type=_ASN1Type.IA5String),
    ])
    cert = build(encs, k.public_key(), k)
    G.add("name-string-encodings", cert, "self-signed; every string type: PrintableString, UTF8String "
          "(é 中文 emoji), BMPString (é 中), UniversalString (é emoji), TeletexString (ASCII), NumericString, "
          "IA5String (VisibleString is in name-cn-visible: openssl 3.0 cannot read it)")
    for nm, t, v in [("utf8", _ASN1Type.UTF8String, "Café 中文 😀"), ("printable", _ASN1Type.PrintableString, "Cafe"),
                     ("ia5", _ASN1Type.IA5String, "cafe@example.com"), ("bmp", _ASN1Type.BMPString, "Café"),
                     ("universal", _ASN1Type.UniversalString, "Café"), ("visible", _ASN1Type.VisibleString, "Cafe"),
                     ("teletex-ascii", _ASN1Type.T61String, "Cafe")]:
        cert = ca.issue(x509.Name([A(NameOID.COMMON_NAME, v, _type=t)]), k.public_key())
        note = "; openssl 3.0 refuses it (VisibleString is not in its DirectoryString set)" if nm == "visible" else ""
        G.add("name-cn-" + nm, cert, f"fixture-ca; subject is one CN as {TYPE_NAMES.get(t, t.name)} {v!r}{note}")
    cert = ca.issue(x509.Name([A(NameOID.COMMON_NAME, "Café", _type=_ASN1Type.T61String)]), k.public_key())
    G.add("name-cn-teletex-utf8-bytes", cert, "CN TeletexString 'Café' as cryptography writes it: UTF-8 bytes "
          "43 61 66 c3 a9 (cryptography reads it back as 'Café'; a Latin-1 reader sees 'CafÃ©')")
    # A real Latin-1 byte in a TeletexString: cryptography writes UTF-8 there, so patch the DER and re-sign.
    base = ca.issue(x509.Name([A(NameOID.COMMON_NAME, "placeholder")]), k.public_key())
    f = der_tbs_fields(base.public_bytes(serialization.Encoding.DER))
    kids = f["children"]
    subj = tlv(0x30, tlv(0x31, tlv(0x30, tlv(0x06, bytes.fromhex("550406")) + tlv(0x13, b"FR")))
               + tlv(0x31, tlv(0x30, tlv(0x06, bytes.fromhex("550403")) + tlv(0x14, b"Caf\xe9"))))
    kids = [subj if c == f["subject"] else c for c in kids]
    G.add("name-cn-teletex-latin1", assemble_rsa_sha256(kids, ca.key),
          "hand-patched TBS (subject C=FR, CN TeletexString bytes 43 61 66 e9 = Latin-1 'Café'), re-signed "
          "by fixture-ca; cryptography 48 refuses to load it")
    cert = ca.issue(x509.Name([A(NameOID.COMMON_NAME, "unique id"),
                               A(NameOID.X500_UNIQUE_IDENTIFIER, b"\x01\x02\xff", _type=_ASN1Type.BitString)]),
                    k.public_key())
    G.add("name-bitstring-attribute", cert, "x500UniqueIdentifier (2.5.4.45) BIT STRING attribute; the "
          "record's value is the lowercase hex of the bytes")


def eku_cert(ca, k, nm, oids, how, critical=False):
    cert = ca.issue(name(nm), k.public_key(), exts=[(x509.ExtendedKeyUsage(oids), critical)])
    G.add(nm, cert, how)


def make_ekus(ca):
    k = rsa_key(2048)
    E = ExtendedKeyUsageOID
    O = ObjectIdentifier
    single = [
        ("eku-server-auth", [E.SERVER_AUTH]),
        ("eku-client-auth", [E.CLIENT_AUTH]),
        ("eku-server-client", [E.SERVER_AUTH, E.CLIENT_AUTH]),
        ("eku-client-server", [E.CLIENT_AUTH, E.SERVER_AUTH]),
        ("eku-code-signing", [E.CODE_SIGNING]),
        ("eku-email-protection", [E.EMAIL_PROTECTION]),
        ("eku-ocsp-signing", [E.OCSP_SIGNING]),
        ("eku-any", [E.ANY_EXTENDED_KEY_USAGE]),
        ("eku-server-any", [E.SERVER_AUTH, E.ANY_EXTENDED_KEY_USAGE]),
        ("eku-ipsec-ike", [E.IPSEC_IKE]),
        ("eku-smartcard-logon", [O("1.3.6.1.4.1.311.20.2.2"), E.CLIENT_AUTH]),
        ("eku-kerberos-pkinit-client", [O("1.3.6.1.5.2.3.4")]),
        ("eku-kerberos-pkinit-kdc", [O("1.3.6.1.5.2.3.5")]),
        ("eku-ms-sgc", [O("1.3.6.1.4.1.311.10.3.3"), E.SERVER_AUTH]),
        ("eku-netscape-sgc", [O("2.16.840.1.113730.4.1"), E.SERVER_AUTH]),
        ("eku-document-signing", [O("1.3.6.1.4.1.311.10.3.12")]),
        ("eku-unknown-private", [O("1.3.6.1.4.1.55555.2.1")]),
        ("eku-all", [E.SERVER_AUTH, E.CLIENT_AUTH, E.CODE_SIGNING, E.EMAIL_PROTECTION, E.TIME_STAMPING,
                     E.OCSP_SIGNING, E.ANY_EXTENDED_KEY_USAGE, E.IPSEC_IKE, O("1.3.6.1.4.1.311.20.2.2"),
                     O("1.3.6.1.5.2.3.4"), O("1.3.6.1.5.2.3.5"), O("1.3.6.1.4.1.311.10.3.3"),
                     O("2.16.840.1.113730.4.1"), O("1.3.6.1.4.1.311.10.3.12"), O("1.3.6.1.4.1.55555.2.1")]),
    ]
    for nm, oids in single:
        eku_cert(ca, k, nm, oids, "fixture-ca; EKU " + ", ".join(o._name if o._name != "Unknown OID" else
                                                                  o.dotted_string for o in oids))
    eku_cert(ca, k, "eku-time-stamping-critical", [E.TIME_STAMPING], "fixture-ca; critical EKU timeStamping "
             "(RFC 3161 TSA)", critical=True)
    eku_cert(ca, k, "eku-server-auth-critical", [E.SERVER_AUTH], "fixture-ca; critical EKU serverAuth",
             critical=True)


def make_key_usages(ca):
    rk = rsa_key(2048)
    ek = ec.generate_private_key(ec.SECP256R1())
    def KU(ds=False, cc=False, ke=False, de=False, ka=False, kcs=False, crl=False, eo=False, do=False):
        return x509.KeyUsage(ds, cc, ke, de, ka, kcs, crl, eo, do)
    sets = [
        ("ku-digital-signature", rk, KU(ds=True), True),
        ("ku-digital-signature-key-encipherment", rk, KU(ds=True, ke=True), True),
        ("ku-key-encipherment-noncritical", rk, KU(ke=True), False),
        ("ku-content-commitment", rk, KU(ds=True, cc=True), True),
        ("ku-data-encipherment", rk, KU(de=True), True),
        ("ku-key-agreement", ek, KU(ka=True), True),
        ("ku-key-agreement-encipher-only", ek, KU(ka=True, eo=True), True),
        ("ku-key-agreement-decipher-only", ek, KU(ka=True, do=True), True),
        ("ku-key-agreement-both-only", ek, KU(ds=True, ka=True, eo=True, do=True), True),
        ("ku-cert-sign-crl-sign", rk, KU(kcs=True, crl=True), True),
        ("ku-crl-sign-only", rk, KU(crl=True), True),
        ("ku-all-nine", rk, KU(True, True, True, True, True, True, True, True, True), True),
    ]
    for nm, key, ku, crit in sets:
        cert = ca.issue(name(nm), key.public_key(), exts=[(ku, crit)])
        bits = [n for n in KU_NAMES if ku_bit(ku, n)]
        G.add(nm, cert, f"fixture-ca; {'critical' if crit else 'non-critical'} keyUsage {'+'.join(bits)}")


def make_basic_constraints(ca):
    k = rsa_key(2048)
    for nm, bc, crit in [("bc-ca-no-pathlen", x509.BasicConstraints(True, None), True),
                         ("bc-ca-pathlen-0", x509.BasicConstraints(True, 0), True),
                         ("bc-ca-pathlen-1", x509.BasicConstraints(True, 1), True),
                         ("bc-ca-noncritical", x509.BasicConstraints(True, None), False),
                         ("bc-not-ca-critical", x509.BasicConstraints(False, None), True),
                         ("bc-not-ca-noncritical", x509.BasicConstraints(False, None), False)]:
        exts = [(bc, crit)]
        if bc.ca:
            exts.append((x509.KeyUsage(False, False, False, False, False, True, True, False, False), True))
        cert = ca.issue(name(nm), k.public_key(), exts=exts, nb=CA_NOT_BEFORE, na=CA_NOT_AFTER)
        G.add(nm, cert, f"fixture-ca; basicConstraints cA={bc.ca} pathLen={bc.path_length} "
              f"{'critical' if crit else 'non-critical'}")


def make_chain():
    root_key = rsa_key(3072)
    root_subj = name("certlint Fixture Root CA")
    root = build(root_subj, root_key.public_key(), root_key, nb=CA_NOT_BEFORE, na=ROOT_NOT_AFTER, serial=1, exts=[
        (x509.BasicConstraints(True, None), True),
        (x509.KeyUsage(False, False, False, False, False, True, True, False, False), True),
        (ski_of(root_key), False),
    ])
    G.add("chain-root", root, "self-signed RSA-3072 root CA (SKI, no AKI)")
    root_i = Issuer(root, root_key)
    int_key = rsa_key(2048)
    inter = root_i.issue(name("certlint Fixture Intermediate CA"), int_key.public_key(),
                         nb=CA_NOT_BEFORE, na=CA_NOT_AFTER, serial=2, exts=[
        (x509.BasicConstraints(True, 0), True),
        (x509.KeyUsage(True, False, False, False, False, True, True, False, False), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), False),
        (ski_of(int_key), False),
        (aki_of(root_key), False),
        (x509.AuthorityInformationAccess([x509.AccessDescription(
            AuthorityInformationAccessOID.CA_ISSUERS,
            x509.UniformResourceIdentifier("http://pki.example.com/root.cer"))]), False),
        (x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier("http://pki.example.com/root.crl")], None, None, None)]), False),
    ])
    G.add("chain-intermediate", inter, "intermediate CA (RSA-2048, pathLen 0) signed by chain-root; AKI keyid "
          "= root SKI")
    int_i = Issuer(inter, int_key)
    leaves = {}
    for nm, key, hosts, ku in [
        ("chain-leaf", rsa_key(2048), ["www.example.com", "example.com"],
         x509.KeyUsage(True, False, True, False, False, False, False, False, False)),
        ("chain-leaf-ec", ec.generate_private_key(ec.SECP256R1()), ["ec.example.com"],
         x509.KeyUsage(True, False, False, False, False, False, False, False, False)),
        ("chain-leaf-ed25519", ed25519.Ed25519PrivateKey.generate(), ["ed25519.example.com"],
         x509.KeyUsage(True, False, False, False, False, False, False, False, False)),
    ]:
        cert = int_i.issue(name(hosts[0]), key.public_key(), exts=[
            (x509.BasicConstraints(False, None), True),
            (ku, True),
            (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
            (x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts]), False),
            (ski_of(key), False),
            (aki_of(int_key), False),
            (x509.AuthorityInformationAccess([
                x509.AccessDescription(AuthorityInformationAccessOID.OCSP,
                                       x509.UniformResourceIdentifier("http://ocsp.example.com")),
                x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS,
                                       x509.UniformResourceIdentifier("http://pki.example.com/intermediate.cer"))]),
             False),
        ])
        G.add(nm, cert, f"serverAuth leaf ({type(key).__name__.replace('PrivateKey', '').replace('_', '')}) "
              f"signed by chain-intermediate, SAN {', '.join(hosts)}; AKI keyid = intermediate SKI")
        leaves[nm] = (cert, key)
    return root_i, int_i, leaves


def make_key_identifiers(root):
    k = rsa_key(2048)
    ski = ski_of(root.key).digest
    for nm, aki, how in [
        ("aki-keyid-issuer-serial", x509.AuthorityKeyIdentifier(ski, [x509.DirectoryName(root.cert.subject)],
                                                                 root.cert.serial_number), "keyid+issuer+serial"),
        ("aki-issuer-serial-only", x509.AuthorityKeyIdentifier(None, [x509.DirectoryName(root.cert.subject)],
                                                                root.cert.serial_number), "issuer+serial, no keyid"),
        ("aki-keyid-only", x509.AuthorityKeyIdentifier(ski, None, None), "keyid only"),
    ]:
        cert = root.issue(name(nm), k.public_key(), exts=[(ski_of(k), False), (aki, False)])
        G.add(nm, cert, f"signed by chain-root; SKI + AKI {how}")
    cert = root.issue(name("ski-only"), k.public_key(), exts=[(x509.SubjectKeyIdentifier(bytes(range(1, 21))), False)])
    G.add("ski-only", cert, "signed by chain-root; SKI 0102..14 (not derived from the key), no AKI")


def make_crl_aia(ca):
    k = rsa_key(2048)
    U = x509.UniformResourceIdentifier
    OCSP, CAI = AuthorityInformationAccessOID.OCSP, AuthorityInformationAccessOID.CA_ISSUERS
    items = [
        ("crl-dp-single", x509.CRLDistributionPoints([x509.DistributionPoint(
            [U("http://crl.example.com/ca.crl")], None, None, None)]), "one CRL DP URI"),
        ("crl-dp-multiple", x509.CRLDistributionPoints([
            x509.DistributionPoint([U("http://crl1.example.com/ca.crl"), U("ldap://ldap.example.com/cn=CA?"
                                                                             "certificateRevocationList")],
                                   None, None, None),
            x509.DistributionPoint([U("http://crl2.example.com/ca.crl")], None, None, None)]),
         "two DPs, the first with two full-name URIs (http, ldap)"),
        ("aia-ocsp-and-ca-issuers", x509.AuthorityInformationAccess([
            x509.AccessDescription(OCSP, U("http://ocsp.example.com")),
            x509.AccessDescription(CAI, U("http://pki.example.com/ca.cer"))]), "AIA OCSP + caIssuers"),
        ("aia-ocsp-only", x509.AuthorityInformationAccess([x509.AccessDescription(OCSP, U("http://ocsp.example.com"))]),
         "AIA OCSP only (ca_issuers = [])"),
        ("aia-ca-issuers-only", x509.AuthorityInformationAccess([
            x509.AccessDescription(CAI, U("http://pki.example.com/ca.cer"))]), "AIA caIssuers only (ocsp = [])"),
        ("aia-multiple", x509.AuthorityInformationAccess([
            x509.AccessDescription(CAI, U("http://pki.example.com/ca.cer")),
            x509.AccessDescription(OCSP, U("http://ocsp1.example.com")),
            x509.AccessDescription(CAI, U("http://pki2.example.com/ca.p7c")),
            x509.AccessDescription(OCSP, U("http://ocsp2.example.com"))]), "AIA two of each, interleaved"),
    ]
    for nm, ext, how in items:
        G.add(nm, ca.issue(name(nm), k.public_key(), exts=[(ext, False)]), "fixture-ca; " + how)


def make_policies(ca):
    k = rsa_key(2048)
    O = ObjectIdentifier
    P = x509.PolicyInformation
    cps = "https://example.com/cps"
    notice = x509.UserNotice(x509.NoticeReference("Example Inc", [1, 2]), "This is a fixture certificate.")
    items = [
        ("policy-dv", [P(O("2.23.140.1.2.1"), None)], "CA/B domain-validated 2.23.140.1.2.1"),
        ("policy-ov", [P(O("2.23.140.1.2.2"), None)], "CA/B organization-validated 2.23.140.1.2.2"),
        ("policy-iv", [P(O("2.23.140.1.2.3"), None)], "CA/B individual-validated 2.23.140.1.2.3"),
        ("policy-ev", [P(O("1.3.6.1.4.1.55555.1.1"), [cps]), P(O("2.23.140.1.1"), None)],
         "CA-specific EV OID with CPS + CA/B EV 2.23.140.1.1"),
        ("policy-any", [P(O("2.5.29.32.0"), None)], "anyPolicy"),
        ("policy-qualifiers", [P(O("2.23.140.1.2.1"), [cps, notice,
                                                      x509.UserNotice(None, "explicit text only")])],
         "DV with a CPS URI, a user notice with notice reference + explicit text, a user notice with text only"),
    ]
    for nm, pols, how in items:
        G.add(nm, ca.issue(name(nm), k.public_key(), exts=[(x509.CertificatePolicies(pols), False)]),
              "fixture-ca; certificatePolicies " + how)


def make_name_constraints(ca):
    k = rsa_key(2048)
    net = lambda s: x509.IPAddress(ipaddress.ip_network(s))  # noqa: E731
    dn = x509.DirectoryName(x509.Name([A(NameOID.COUNTRY_NAME, "US"), A(NameOID.ORGANIZATION_NAME, "Example Inc")]))
    items = [
        ("nc-permitted-dns", [x509.DNSName("example.com"), x509.DNSName(".example.org")], None),
        ("nc-excluded-dns", None, [x509.DNSName("internal.example.com")]),
        ("nc-ip", [net("192.168.0.0/16"), net("2001:db8::/32")], [net("10.0.0.0/8"), net("0.0.0.0/0")]),
        ("nc-email", [x509.RFC822Name("example.com"), x509.RFC822Name("user@example.net"),
                      x509.RFC822Name(".example.org")], None),
        ("nc-dirname", [dn], None),
        ("nc-uri", [x509.UniformResourceIdentifier(".example.com")], None),
        ("nc-mixed", [x509.DNSName("example.com"), net("192.0.2.0/24"), x509.RFC822Name("example.com"), dn],
         [x509.DNSName("bad.example.com"), net("192.0.2.128/25"), net("::/0")]),
    ]
    for nm, perm, excl in items:
        cert = ca.issue(name(nm), k.public_key(), nb=CA_NOT_BEFORE, na=CA_NOT_AFTER, exts=[
            (x509.BasicConstraints(True, None), True),
            (x509.KeyUsage(False, False, False, False, False, True, True, False, False), True),
            (x509.NameConstraints(perm, excl), True)])
        G.add(nm, cert, "fixture-ca; CA with critical nameConstraints "
              f"permitted={[gn_str(g) for g in perm] if perm else None} "
              f"excluded={[gn_str(g) for g in excl] if excl else None}")


SCT_LOG_IDS = (hashlib.sha256(b"certlint fixture CT log 1").digest(),
               hashlib.sha256(b"certlint fixture CT log 2").digest())


def sct_list_extension():
    """A syntactically valid SignedCertificateTimestampList (RFC 6962 3.3) with 2 v1 SCTs.

    cryptography cannot build SCTs, so the TLS encoding is written by hand and added as an
    UnrecognizedExtension whose value is DER OCTET STRING(TLS bytes). Signatures are dummies
    (a well-formed DER ECDSA-Sig-Value with fixed r and s): they verify against nothing."""
    scts = b""
    for log_id, ts in zip(SCT_LOG_IDS, SCT_TIMESTAMPS_MS):
        r = int.from_bytes(hashlib.sha256(b"r" + log_id).digest(), "big") | (1 << 255)
        s = int.from_bytes(hashlib.sha256(b"s" + log_id).digest(), "big") >> 1
        sig = tlv(0x30, tlv(0x02, b"\x00" + r.to_bytes(32, "big")) + tlv(0x02, s.to_bytes(32, "big")))
        sct = (b"\x00" + log_id + ts.to_bytes(8, "big") + (0).to_bytes(2, "big")  # v1, id, timestamp, no ext
               + bytes([4, 3]) + len(sig).to_bytes(2, "big") + sig)                # sha256, ecdsa, signature
        scts += len(sct).to_bytes(2, "big") + sct
    tls = len(scts).to_bytes(2, "big") + scts
    return x509.UnrecognizedExtension(ExtensionOID.PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS, tlv(0x04, tls))


def make_misc_extensions(ca):
    k = rsa_key(2048)
    cert = ca.issue(name("sct-list"), k.public_key(), exts=[(sct_list_extension(), False)])
    ext = cert.extensions.get_extension_for_oid(ExtensionOID.PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS)
    assert isinstance(ext.value, x509.PrecertificateSignedCertificateTimestamps), type(ext.value)
    assert len(ext.value) == 2
    for sct, log_id, ts in zip(ext.value, SCT_LOG_IDS, SCT_TIMESTAMPS_MS):
        assert sct.version == x509.certificate_transparency.Version.v1 and sct.log_id == log_id
        assert int(sct.timestamp.replace(tzinfo=UTC).timestamp() * 1000) == ts, (sct.timestamp, ts)
    G.add("sct-list", cert, "fixture-ca; SCT list extension 1.3.6.1.4.1.11129.2.4.2 built by hand "
          "(2 v1 SCTs, fixed log ids/timestamps, sha256/ecdsa, dummy signatures); cryptography re-parses it")
    G.add("tls-feature-must-staple", ca.issue(name("must-staple"), k.public_key(), exts=[
        (x509.TLSFeature([x509.TLSFeatureType.status_request]), False)]), "fixture-ca; TLS feature status_request")
    G.add("unknown-critical-extension", ca.issue(name("unknown critical extension"), k.public_key(), exts=[
        (x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.55555.4.1"), tlv(0x0C, b"must understand")),
         True)]), "fixture-ca; critical private extension 1.3.6.1.4.1.55555.4.1 (UTF8String value)")
    G.add("unknown-noncritical-extension", ca.issue(name("unknown non-critical extension"), k.public_key(), exts=[
        (x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.4.1.55555.4.2"), tlv(0x05, b"")), False)]),
          "fixture-ca; non-critical private extension 1.3.6.1.4.1.55555.4.2 (NULL value)")
    G.add("policy-constraints-inhibit-any", ca.issue(name("policy constraints"), k.public_key(),
                                                      nb=CA_NOT_BEFORE, na=CA_NOT_AFTER, exts=[
        (x509.BasicConstraints(True, None), True),
        (x509.KeyUsage(False, False, False, False, False, True, True, False, False), True),
        (x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier("2.5.29.32.0"), None)]), False),
        (x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=1), True),
        (x509.InhibitAnyPolicy(0), True)]),
          "fixture-ca; CA with policyConstraints (requireExplicitPolicy 0, inhibitPolicyMapping 1) and "
          "inhibitAnyPolicy 0, both critical")
    # A realistic public DV server certificate, every extension a CA/B-compliant leaf has.
    G.add("realistic-dv-server", ca.issue(x509.Name([A(NameOID.COMMON_NAME, "www.example.com")]), k.public_key(),
                                          nb=NOT_BEFORE, na=NOT_BEFORE + datetime.timedelta(days=90, seconds=-1),
                                          exts=[
        (x509.KeyUsage(True, False, True, False, False, False, False, False, False), True),
        (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), False),
        (x509.BasicConstraints(False, None), True),
        (ski_of(k), False),
        (aki_of(ca.key), False),
        (x509.AuthorityInformationAccess([
            x509.AccessDescription(AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier("http://o.example.com")),
            x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS,
                                   x509.UniformResourceIdentifier("http://i.example.com/ca.cer"))]), False),
        (x509.SubjectAlternativeName([x509.DNSName("www.example.com"), x509.DNSName("example.com")]), False),
        (x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier("2.23.140.1.2.1"), None)]), False),
        (sct_list_extension(), False)]),
          "fixture-ca; Let's Encrypt-like 90-day DV leaf: KU, EKU server+client, BC, SKI, AKI, AIA, SAN, "
          "CP DV, SCTs")


def make_validity(ca):
    k = rsa_key(2048)
    items = [
        ("validity-utctime", NOT_BEFORE, NOT_AFTER, "UTCTime 2025-01-01T00:00:00Z .. 2026-01-01T00:00:00Z"),
        ("validity-pre-2000", T(1999, 1, 1), T(1999, 12, 31, 23, 59, 59), "UTCTime 1999-01-01 .. 1999-12-31T23:59:59Z"),
        ("validity-utctime-limits", T(1950, 1, 1), T(2049, 12, 31, 23, 59, 59),
         "first and last UTCTime instants: 1950-01-01T00:00:00Z (\"500101...\") .. 2049-12-31T23:59:59Z"),
        ("validity-generalized-2050", NOT_BEFORE, T(2050, 1, 1), "notAfter 2050-01-01T00:00:00Z GeneralizedTime"),
        ("validity-generalized-9999", NOT_BEFORE, T(9999, 12, 31, 23, 59, 59),
         "notAfter 9999-12-31T23:59:59Z GeneralizedTime (RFC 5280 'no well-defined expiration')"),
        ("validity-not-yet-valid-2030", T(2030, 1, 1), T(2031, 1, 1), "2030-01-01 .. 2031-01-01"),
    ]
    for days in (398, 200, 100, 47):
        na = PERIOD_START + datetime.timedelta(days=days, seconds=-1)
        items.append((f"validity-{days}-days", PERIOD_START, na,
                      f"exactly {days} days counted inclusively: 2025-03-01T00:00:00Z .. {na:%Y-%m-%dT%H:%M:%SZ}"))
    for days in (398, 47):
        na = PERIOD_START + datetime.timedelta(days=days)
        items.append((f"validity-{days}-days-plus-1s", PERIOD_START, na,
                      f"{days} days + 1 second inclusively: 2025-03-01T00:00:00Z .. {na:%Y-%m-%dT%H:%M:%SZ}"))
    for nm, nb, na, how in items:
        G.add(nm, ca.issue(name(nm), k.public_key(), nb=nb, na=na), "fixture-ca; " + how)
    # cryptography refuses notBefore < 1950 and picks the DER time type itself: patch the Validity.
    for nm, validity, how in [
        ("validity-generalized-1949", tlv(0x18, b"19491231235959Z") + tlv(0x17, b"260101000000Z"),
         "notBefore 1949-12-31T23:59:59Z as GeneralizedTime (before UTCTime's range), notAfter 2026-01-01 UTCTime"),
        ("validity-generalized-before-2050", tlv(0x18, b"20250101000000Z") + tlv(0x18, b"20260101000000Z"),
         "both times GeneralizedTime although before 2050 (RFC 5280 4.1.2.5 requires UTCTime)"),
        ("validity-inverted", tlv(0x17, b"260101000000Z") + tlv(0x17, b"250101000000Z"),
         "notAfter before notBefore (2026-01-01 .. 2025-01-01; cryptography refuses to build it)"),
    ]:
        base = ca.issue(name(nm), k.public_key())
        kids = der_tbs_fields(base.public_bytes(serialization.Encoding.DER))["children"]
        kids[4] = tlv(0x30, validity)         # [version, serial, sigalg, issuer, validity, ...]
        G.add(nm, assemble_rsa_sha256(kids, ca.key), "hand-patched TBS re-signed by fixture-ca; " + how)


def make_versions_and_serials(ca):
    k = rsa_key(2048)
    # version 1: `openssl ca` without extensions writes a v1 certificate (cryptography always writes v3).
    csr = csr_for(k, name("version 1 self-signed")).public_bytes(serialization.Encoding.PEM)
    der = openssl_ca(csr, key_pem(k), serial=G.next_serial())
    text = run(["openssl", "x509", "-inform", "DER", "-noout", "-text"], input=der).decode()
    assert "Version: 1 (0x0)" in text, text[:300]
    G.add("v1-self-signed", der, "`openssl ca -selfsign` with no extensions -> Version: 1 (0x0)")
    csr = csr_for(k, name("version 1 leaf")).public_bytes(serialization.Encoding.PEM)
    der = openssl_ca(csr, key_pem(ca.key), signer_cert_pem=pem(ca.cert), serial=G.next_serial())
    G.add("v1-leaf", der, "`openssl ca` (fixture-ca) with no extensions -> version 1 leaf")
    G.add("v3-no-extensions", ca.issue(name("v3 without extensions"), k.public_key()),
          "fixture-ca; version 3, no extensions field, no unique identifiers")
    for nm, serial, how in [("serial-1", 1, "serial 1"),
                            ("serial-20-bytes", int.from_bytes(bytes([0x7F]) + bytes(range(1, 20)), "big"),
                             "serial of exactly 20 content octets 7f0102..13 (the RFC 5280 maximum)"),
                            ("serial-high-bit", 0x8000000000000001,
                             "serial 0x8000000000000001: high bit set, DER needs a leading 00 (9 octets)"),
                            ("serial-19-bytes-high-bit", int.from_bytes(bytes([0xFF]) * 19, "big"),
                             "serial ff*19: 20 content octets with the leading 00")]:
        G.add(nm, ca.issue(name(nm), k.public_key(), serial=serial), "fixture-ca; " + how)
    # Hand-patched TBS (cryptography refuses to build these); all re-signed sha256WithRSA by fixture-ca.
    base = ca.issue(name("patched"), k.public_key(), serial=0x1234,
                    exts=[(x509.BasicConstraints(False, None), True)])
    f = der_tbs_fields(base.public_bytes(serialization.Encoding.DER))
    kids = f["children"]                      # [version, serial, sigalg, issuer, validity, subject, spki, exts]
    serial_ix = 1
    for nm, serial_tlv, how in [
        ("serial-zero", tlv(0x02, b"\x00"), "serial 0 (RFC 5280: must be positive)"),
        ("serial-negative", tlv(0x02, bytes.fromhex("8a5b3c2d1e0f1234")),
         "serial 8a5b3c2d1e0f1234 without the leading 00: a negative INTEGER"),
        ("serial-21-bytes", tlv(0x02, bytes([0x01]) + bytes(20)), "serial with 21 content octets (over the limit)"),
    ]:
        k2 = list(kids)
        k2[serial_ix] = serial_tlv
        G.add(nm, assemble_rsa_sha256(k2, ca.key), "hand-patched TBS re-signed by fixture-ca; " + how)
    iuid = tlv(0x81, b"\x00" + bytes.fromhex("0123456789"))   # [1] IMPLICIT BIT STRING, 0 unused bits
    suid = tlv(0x82, b"\x04" + bytes.fromhex("abcde0"))       # [2] IMPLICIT BIT STRING, 4 unused (zero) bits
    v2 = [tlv(0xA0, tlv(0x02, b"\x01"))] + kids[1:7] + [iuid, suid]
    G.add("v2-unique-ids", assemble_rsa_sha256(v2, ca.key),
          "hand-made version 2 TBS with issuerUniqueID and subjectUniqueID, no extensions")
    v3 = kids[0:7] + [iuid, suid] + kids[7:]
    G.add("v3-unique-ids", assemble_rsa_sha256(v3, ca.key),
          "hand-made version 3 TBS with issuerUniqueID, subjectUniqueID and extensions")


def make_generated():
    ca = make_fixture_ca()
    keys = make_key_types()
    try:
        make_rsa_pss_subject_key()
    except RuntimeError as e:
        SKIPPED.append(("key-rsa-pss-spki", str(e)))
    make_signature_algorithms(ca, keys)
    make_sans(ca)
    make_names(ca)
    make_ekus(ca)
    make_key_usages(ca)
    make_basic_constraints(ca)
    root, inter, leaves = make_chain()
    make_key_identifiers(root)
    make_crl_aia(ca)
    make_policies(ca)
    make_name_constraints(ca)
    make_misc_extensions(ca)
    make_validity(ca)
    make_versions_and_serials(ca)
    return root, inter, leaves


# =================================================================================================
# Part 3: the oracle records
# =================================================================================================

RECORD_KEYS = ["name", "der", "version", "serial", "subject", "subject_rfc4514", "issuer", "issuer_rfc4514",
               "not_before", "not_after", "not_before_encoding", "not_after_encoding", "signature_algorithm_oid",
               "signature_hash", "pss", "public_key", "public_key_algorithm_oid", "extensions", "san", "eku",
               "key_usage", "basic_constraints", "ski", "aki", "crl_distribution_points", "ocsp", "ca_issuers",
               "policies", "name_constraints", "sct_count", "tls_feature", "self_issued", "fingerprint_sha1",
               "fingerprint_sha256"]

KU_NAMES = ["digitalSignature", "contentCommitment", "keyEncipherment", "dataEncipherment", "keyAgreement",
            "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"]
_KU_ATTR = dict(zip(KU_NAMES, ["digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
                               "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"]))

UPN_OID = "1.3.6.1.4.1.311.20.2.3"

TYPE_NAMES = {_ASN1Type.T61String: "TeletexString"}


def ku_bit(ku, n):
    if n in ("encipherOnly", "decipherOnly") and not ku.key_agreement:
        return False  # cryptography raises when asked without keyAgreement; the bit is then 0 by construction
    return getattr(ku, _KU_ATTR[n])


def hexs(n):
    return "-" + format(-n, "x") if n < 0 else format(n, "x")


def fmt_ip(addr):
    """IP text per RFC 5952: Python's str(), except IPv4-mapped IPv6 in mixed notation (RFC 5952 section 5,
    as Python >= 3.13 prints it; Python 3.11/3.12 print ::ffff:c000:201)."""
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return "::ffff:" + str(addr.ipv4_mapped)
    return str(addr)


def fmt_net(net):
    return str(net)


def utc(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ") if dt.year >= 1000 else "%04d" % dt.year + dt.strftime("-%m-%dT%H:%M:%SZ")


def name_list(nm):
    out = []
    for rdn in nm.rdns:
        attrs = []
        for a in rdn:
            v = a.value.hex() if isinstance(a.value, bytes) else a.value
            attrs.append({"oid": a.oid.dotted_string, "value": v,
                          "type": TYPE_NAMES.get(a._type, a._type.name)})
        out.append(attrs)
    return out


def decode_upn(value):
    tag, cs, ce = der_read(value, 0)
    if tag != 0x0C or ce != len(value):
        raise ValueError(f"UPN value is not one UTF8String (tag 0x{tag:02x})")
    return value[cs:ce].decode("utf-8")


def gn_str(g):
    """A GeneralName as text: directoryName as RFC 4514, others as 'kind:value'."""
    if isinstance(g, x509.DirectoryName):
        return g.value.rfc4514_string()
    if isinstance(g, x509.DNSName):
        return "dns:" + g.value
    if isinstance(g, x509.IPAddress):
        return "ip:" + (fmt_ip(g.value) if not isinstance(g.value, (ipaddress.IPv4Network, ipaddress.IPv6Network))
                        else fmt_net(g.value))
    if isinstance(g, x509.RFC822Name):
        return "email:" + g.value
    if isinstance(g, x509.UniformResourceIdentifier):
        return "uri:" + g.value
    if isinstance(g, x509.RegisteredID):
        return "rid:" + g.value.dotted_string
    if isinstance(g, x509.OtherName):
        return "othername:" + g.type_id.dotted_string
    raise ValueError(f"unknown GeneralName {g!r}")


def nc_entry(g):
    if isinstance(g, x509.DNSName):
        return {"type": "dns", "value": g.value}
    if isinstance(g, x509.IPAddress):
        return {"type": "ip", "value": fmt_net(g.value)}
    if isinstance(g, x509.RFC822Name):
        return {"type": "email", "value": g.value}
    if isinstance(g, x509.UniformResourceIdentifier):
        return {"type": "uri", "value": g.value}
    if isinstance(g, x509.DirectoryName):
        return {"type": "dirname", "value": g.value.rfc4514_string()}
    if isinstance(g, x509.OtherName):
        return {"type": "othername", "value": g.type_id.dotted_string}
    if isinstance(g, x509.RegisteredID):
        return {"type": "rid", "value": g.value.dotted_string}
    raise ValueError(f"unknown GeneralName {g!r}")


def public_key_info(pk):
    if isinstance(pk, rsa.RSAPublicKey):
        return {"type": "rsa", "bits": pk.key_size, "exponent": pk.public_numbers().e}
    if isinstance(pk, ec.EllipticCurvePublicKey):
        return {"type": "ec", "curve": pk.curve.name, "bits": pk.curve.key_size}
    if isinstance(pk, ed25519.Ed25519PublicKey):
        return {"type": "ed25519", "bits": 256}
    if isinstance(pk, ed448.Ed448PublicKey):
        return {"type": "ed448", "bits": 456}
    if isinstance(pk, dsa.DSAPublicKey):
        return {"type": "dsa", "bits": pk.key_size}
    if isinstance(pk, x25519.X25519PublicKey):
        return {"type": "x25519", "bits": 256}
    if isinstance(pk, x448.X448PublicKey):
        return {"type": "x448", "bits": 448}
    raise ValueError(f"unknown public key type {type(pk).__name__}")


def record(nm, der):
    rec = {k: None for k in RECORD_KEYS}
    errors = {}
    rec["name"] = nm
    rec["der"] = base64.b64encode(der).decode()
    rec["fingerprint_sha1"] = hashlib.sha1(der).hexdigest()
    rec["fingerprint_sha256"] = hashlib.sha256(der).hexdigest()

    def field(key, fn):
        try:
            rec[key] = fn()
        except Exception as e:  # noqa: BLE001 - the oracle records what cryptography raised
            errors[key] = f"{type(e).__name__}: {e}"

    # From our own DER walk: time encodings and the raw name bytes (cryptography exposes neither).
    try:
        f = der_tbs_fields(der)
        rec["not_before_encoding"] = TIME_TAGS.get(f["not_before_tag"], "tag 0x%02x" % f["not_before_tag"])
        rec["not_after_encoding"] = TIME_TAGS.get(f["not_after_tag"], "tag 0x%02x" % f["not_after_tag"])
        rec["self_issued"] = f["subject"] == f["issuer"]
    except Exception as e:  # noqa: BLE001
        errors["der"] = f"{type(e).__name__}: {e}"
        f = None

    try:
        cert = x509.load_der_x509_certificate(der)
    except Exception as e:  # noqa: BLE001
        errors["load"] = f"{type(e).__name__}: {e}"
        rec["errors"] = errors
        return rec

    field("fingerprint_sha1", lambda: cert.fingerprint(hashes.SHA1()).hex())
    field("fingerprint_sha256", lambda: cert.fingerprint(hashes.SHA256()).hex())
    field("version", lambda: {x509.Version.v1: 1, x509.Version.v3: 3}[cert.version])
    field("serial", lambda: hexs(cert.serial_number))
    field("subject", lambda: name_list(cert.subject))
    field("subject_rfc4514", lambda: cert.subject.rfc4514_string())
    field("issuer", lambda: name_list(cert.issuer))
    field("issuer_rfc4514", lambda: cert.issuer.rfc4514_string())
    field("not_before", lambda: utc(cert.not_valid_before_utc))
    field("not_after", lambda: utc(cert.not_valid_after_utc))
    field("signature_algorithm_oid", lambda: cert.signature_algorithm_oid.dotted_string)

    def sig_hash():
        h = cert.signature_hash_algorithm
        return None if h is None else h.name
    field("signature_hash", sig_hash)

    def pss():
        if cert.signature_algorithm_oid != SignatureAlgorithmOID.RSASSA_PSS:
            return None
        p = cert.signature_algorithm_parameters
        return {"hash": cert.signature_hash_algorithm.name, "mgf_hash": p._mgf._algorithm.name,
                "salt_length": p._salt_length}
    field("pss", pss)
    field("public_key", lambda: public_key_info(cert.public_key()))
    field("public_key_algorithm_oid", lambda: cert.public_key_algorithm_oid.dotted_string)

    def exts():
        out = [{"oid": e.oid.dotted_string, "critical": e.critical} for e in cert.extensions]
        if f is not None and [e["oid"] for e in out] != f["extension_oids"]:
            raise AssertionError(f"extension order differs from the DER: {f['extension_oids']}")
        return out
    field("extensions", exts)

    def get(cls):
        try:
            return cert.extensions.get_extension_for_class(cls)
        except x509.ExtensionNotFound:
            return None

    def san():
        e = get(x509.SubjectAlternativeName)
        if e is None:
            return None
        out = {"dns": [], "ip": [], "email": [], "uri": [], "upn": [], "other_name_oids": [],
               "registered_ids": [], "directory_names": []}
        for g in e.value:
            if isinstance(g, x509.DNSName):
                out["dns"].append(g.value)
            elif isinstance(g, x509.IPAddress):
                out["ip"].append(fmt_ip(g.value))
            elif isinstance(g, x509.RFC822Name):
                out["email"].append(g.value)
            elif isinstance(g, x509.UniformResourceIdentifier):
                out["uri"].append(g.value)
            elif isinstance(g, x509.OtherName):
                out["other_name_oids"].append(g.type_id.dotted_string)
                if g.type_id.dotted_string == UPN_OID:
                    out["upn"].append(decode_upn(g.value))
            elif isinstance(g, x509.RegisteredID):
                out["registered_ids"].append(g.value.dotted_string)
            elif isinstance(g, x509.DirectoryName):
                out["directory_names"].append(g.value.rfc4514_string())
            else:
                raise ValueError(f"unexpected GeneralName {g!r}")
        return out
    field("san", san)

    def eku():
        e = get(x509.ExtendedKeyUsage)
        return None if e is None else [o.dotted_string for o in e.value]
    field("eku", eku)

    def key_usage():
        e = get(x509.KeyUsage)
        return None if e is None else [n for n in KU_NAMES if ku_bit(e.value, n)]
    field("key_usage", key_usage)

    def bc():
        e = get(x509.BasicConstraints)
        return None if e is None else {"ca": e.value.ca, "path_length": e.value.path_length, "critical": e.critical}
    field("basic_constraints", bc)

    def ski():
        e = get(x509.SubjectKeyIdentifier)
        return None if e is None else e.value.digest.hex()
    field("ski", ski)

    def aki():
        e = get(x509.AuthorityKeyIdentifier)
        if e is None:
            return None
        v = e.value
        return {"key_identifier": None if v.key_identifier is None else v.key_identifier.hex(),
                "issuer": None if v.authority_cert_issuer is None else [gn_str(g) for g in v.authority_cert_issuer],
                "serial": None if v.authority_cert_serial_number is None else hexs(v.authority_cert_serial_number)}
    field("aki", aki)

    def crldp():
        e = get(x509.CRLDistributionPoints)
        if e is None:
            return None
        return [g.value for dp in e.value for g in (dp.full_name or [])
                if isinstance(g, x509.UniformResourceIdentifier)]
    field("crl_distribution_points", crldp)

    def aia(method):
        e = get(x509.AuthorityInformationAccess)
        if e is None:
            return None
        return [d.access_location.value for d in e.value if d.access_method == method
                and isinstance(d.access_location, x509.UniformResourceIdentifier)]
    field("ocsp", lambda: aia(AuthorityInformationAccessOID.OCSP))
    field("ca_issuers", lambda: aia(AuthorityInformationAccessOID.CA_ISSUERS))

    def policies():
        e = get(x509.CertificatePolicies)
        return None if e is None else [p.policy_identifier.dotted_string for p in e.value]
    field("policies", policies)

    def nc():
        e = get(x509.NameConstraints)
        if e is None:
            return None
        p, x = e.value.permitted_subtrees, e.value.excluded_subtrees
        return {"permitted": None if p is None else [nc_entry(g) for g in p],
                "excluded": None if x is None else [nc_entry(g) for g in x]}
    field("name_constraints", nc)

    def scts():
        e = get(x509.PrecertificateSignedCertificateTimestamps)
        return None if e is None else len(e.value)
    field("sct_count", scts)

    def tls_feature():
        e = get(x509.TLSFeature)
        return None if e is None else [t.value for t in e.value]
    field("tls_feature", tls_feature)

    if errors:
        rec["errors"] = errors
    return rec


def write_records(path, generator, records):
    """Sorted keys; one record per line so diffs stay readable; stable (input) order."""
    lines = [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records]
    body = '{"certificates": [\n' + ",\n".join(lines) + "\n],\n" + '"generator": ' + json.dumps(generator) + "}\n"
    json.loads(body)
    path.write_text(body, encoding="utf-8")


# =================================================================================================
# Part 2A: the CA store
# =================================================================================================

def sanitize(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60].rstrip("-") or "unnamed"


def debian_shipped_ders():
    """DER of every certificate the Debian ca-certificates package ships (/usr/share/ca-certificates)."""
    ders = set()
    for f in DEBIAN_CA_DIR.rglob("*.crt"):
        for c in x509.load_pem_x509_certificates(f.read_bytes()):
            ders.add(c.public_bytes(serialization.Encoding.DER))
    return ders


def ca_store_certs():
    """The certificates of the system bundle, in bundle order, keeping only those Debian's ca-certificates
    ships: the bundle also holds whatever this machine added under /usr/local/share/ca-certificates
    (site-local CAs that are no business of the fixtures). Returns (records input, number left out)."""
    text = CA_BUNDLE.read_text(encoding="ascii", errors="replace")
    blocks = re.findall(r"-----BEGIN CERTIFICATE-----\s+(.*?)-----END CERTIFICATE-----", text, re.S)
    shipped = debian_shipped_ders()
    ders = [base64.b64decode("".join(b.split())) for b in blocks]
    kept = [d for d in ders if d in shipped]
    out = []
    for i, der in enumerate(kept, 1):
        label = "unnamed"
        try:
            c = x509.load_der_x509_certificate(der)
            for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.ORGANIZATIONAL_UNIT_NAME):
                attrs = c.subject.get_attributes_for_oid(oid)
                if attrs:
                    label = str(attrs[0].value)
                    break
        except Exception:  # noqa: BLE001 - the record will say what failed
            pass
        out.append((f"ca-store/{i:03d}-{sanitize(label)}", der))
    return out, len(ders) - len(kept)


def ca_certificates_version():
    try:
        return run(["dpkg-query", "-W", "-f", "${Version}", "ca-certificates"]).decode().strip()
    except (RuntimeError, FileNotFoundError):
        return "unknown"


# =================================================================================================
# Part 4: other inputs
# =================================================================================================

def pem_block(der, label="CERTIFICATE"):
    b = base64.b64encode(der).decode()
    return f"-----BEGIN {label}-----\n" + "\n".join(b[i:i + 64] for i in range(0, len(b), 64)) + \
        f"\n-----END {label}-----\n"


def fp(der):
    return hashlib.sha256(der).hexdigest()


def key_desc(fmt, algorithm, bits, curve, encrypted, matches, **extra):
    d = {"format": fmt, "algorithm": algorithm, "bits": bits, "curve": curve, "encrypted": encrypted,
         "matches": matches}
    d.update(extra)
    return d


def make_inputs(root, inter, leaves, manifest, how):
    """Write Tests/Fixtures/inputs/*; `manifest` collects expected.json entries, `how` README lines."""
    D = INPUTS_DIR
    leaf, leaf_key = leaves["chain-leaf"]
    ecl, ec_key = leaves["chain-leaf-ec"]
    edl, ed_key = leaves["chain-leaf-ed25519"]
    der = lambda c: c.public_bytes(serialization.Encoding.DER)  # noqa: E731
    L, I, R = der(leaf), der(inter.cert), der(root.cert)
    names = {L: "generated/chain-leaf", I: "generated/chain-intermediate", R: "generated/chain-root",
             der(ecl): "generated/chain-leaf-ec", der(edl): "generated/chain-leaf-ed25519"}

    def add(file, kind, desc, func, **fields):
        fields.update({"file": file, "kind": kind, "description": re.sub(r"`([^`]*)`", r"\1", desc)})
        manifest.append(fields)
        how.append((f"inputs/{file}", f"`{func}()`: {desc}"))

    def cert_entry(file, ders, desc, func, kind="certificate", **extra):
        add(file, kind, desc, func, fingerprints_sha256=[fp(d) for d in ders], names=[names[d] for d in ders],
            **extra)

    f = "make_inputs"
    # --- chain bundles ---
    def described(d, idx):
        c = x509.load_der_x509_certificate(d)
        return (f" {idx} s:{c.subject.rfc4514_string()}\n   i:{c.issuer.rfc4514_string()}\n"
                f"   a:PKEY: {public_key_info(c.public_key())['type']}; NotBefore: {utc(c.not_valid_before_utc)}; "
                f"NotAfter: {utc(c.not_valid_after_utc)}\n")
    chain_text = ("Certificate chain for www.example.com (leaf, intermediate, root)\n"
                  "made by Tests/Fixtures/make-fixtures.py -- text between the PEM blocks is on purpose\n")
    for i, d in enumerate([L, I, R]):
        chain_text += described(d, i) + pem_block(d) + "\n"
    (D / "chain.pem").write_text(chain_text)
    cert_entry("chain.pem", [L, I, R], "PEM bundle leaf, intermediate, root with explanatory text between blocks",
               f, kind="certificate-bundle", encoding="pem", line_endings="lf")
    (D / "chain-crlf.pem").write_bytes(chain_text.replace("\n", "\r\n").encode())
    cert_entry("chain-crlf.pem", [L, I, R], "chain.pem with CRLF line endings", f, kind="certificate-bundle",
               encoding="pem", line_endings="crlf")
    messy = "\n\n"
    for i, d in enumerate([L, I, R]):
        b = base64.b64encode(d).decode()
        lines = [b[j:j + 64] for j in range(0, len(b), 64)]
        if i == 0:    # indented like a YAML block scalar, trailing spaces
            messy += "    -----BEGIN CERTIFICATE-----  \n" + "".join(f"    {ln}\n" for ln in lines) + \
                "    -----END CERTIFICATE-----\n\n\n"
        elif i == 1:  # tab indentation, base64 re-wrapped at 76 columns, CRLF on some lines
            b76 = [b[j:j + 76] for j in range(0, len(b), 76)]
            messy += "\t-----BEGIN CERTIFICATE-----\r\n" + "".join(
                f"\t{ln}\r\n" if k % 2 else f"\t{ln}\n" for k, ln in enumerate(b76)) + "\t-----END CERTIFICATE-----\n \n"
        else:         # no indentation, trailing whitespace, no final newline
            messy += "-----BEGIN CERTIFICATE-----\n" + "".join(f"{ln} \t\n" for ln in lines) + "-----END CERTIFICATE-----"
    (D / "chain-messy.pem").write_text(messy)
    cert_entry("chain-messy.pem", [L, I, R], "chain with leading blank lines, space/tab indentation, trailing "
               "whitespace, 76-column base64, mixed CRLF, blank lines between blocks, no final newline", f,
               kind="certificate-bundle", encoding="pem", line_endings="mixed",
               openssl_reads=openssl_count_certs(D / "chain-messy.pem"),
               cryptography_reads=cryptography_count_certs(D / "chain-messy.pem"))
    (D / "chain-wrong-order.pem").write_text(pem_block(I) + pem_block(L) + pem_block(R))
    cert_entry("chain-wrong-order.pem", [I, L, R], "bundle in the wrong order: intermediate, leaf, root", f,
               kind="certificate-bundle", encoding="pem", line_endings="lf")
    (D / "chain-no-intermediate.pem").write_text(pem_block(L) + pem_block(R))
    cert_entry("chain-no-intermediate.pem", [L, R], "leaf + root, the intermediate missing", f,
               kind="certificate-bundle", encoding="pem", line_endings="lf")
    # --- single certificates ---
    (D / "leaf.der").write_bytes(L)
    cert_entry("leaf.der", [L], "the leaf, DER", f, encoding="der")
    (D / "leaf.cer").write_bytes(L)
    cert_entry("leaf.cer", [L], "the leaf, DER (.cer)", f, encoding="der")
    (D / "leaf.crt").write_text(pem_block(L))
    cert_entry("leaf.crt", [L], "the leaf, PEM", f, encoding="pem")
    (D / "leaf-ec.crt").write_text(pem_block(der(ecl)))
    cert_entry("leaf-ec.crt", [der(ecl)], "the P-256 leaf (chain-leaf-ec), PEM", f, encoding="pem")
    (D / "leaf-ed25519.crt").write_text(pem_block(der(edl)))
    cert_entry("leaf-ed25519.crt", [der(edl)], "the Ed25519 leaf (chain-leaf-ed25519), PEM", f, encoding="pem")
    (D / "intermediate.crt").write_text(pem_block(I))
    cert_entry("intermediate.crt", [I], "the intermediate CA, PEM", f, encoding="pem")
    (D / "root.crt").write_text(pem_block(R))
    cert_entry("root.crt", [R], "the root CA, PEM", f, encoding="pem")
    # --- PKCS#7 ---
    for out, form in [("chain.p7b", "PEM"), ("chain-der.p7b", "DER")]:
        run(["openssl", "crl2pkcs7", "-nocrl", "-certfile", str(D / "chain.pem"), "-outform", form,
             "-out", str(D / out)])
        data = (D / out).read_bytes()
        certs = (pkcs7.load_pem_pkcs7_certificates(data) if form == "PEM" else pkcs7.load_der_pkcs7_certificates(data))
        ders = [der(c) for c in certs]
        add(out, "pkcs7", f"`openssl crl2pkcs7 -nocrl -certfile chain.pem -outform {form}` (certs-only SignedData)",
            f, encoding=form.lower(), fingerprints_sha256=[fp(d) for d in ders], names=[names[d] for d in ders])
    # --- CSR ---
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(leaf.subject)
           .add_extension(x509.SubjectAlternativeName([x509.DNSName("www.example.com"), x509.DNSName("example.com")]),
                          False)
           .sign(leaf_key, hashes.SHA256()))
    (D / "leaf.csr").write_bytes(csr.public_bytes(serialization.Encoding.PEM))
    (D / "leaf-der.csr").write_bytes(csr.public_bytes(serialization.Encoding.DER))
    for file, enc in [("leaf.csr", "pem"), ("leaf-der.csr", "der")]:
        add(file, "csr", f"CSR for the leaf key with a SAN request (CertificateSigningRequestBuilder), {enc.upper()}",
            "make_inputs", encoding=enc, subject=csr.subject.rfc4514_string(),
            san_dns=["www.example.com", "example.com"], key_matches="leaf.crt")
    # --- private keys ---
    P = serialization
    def write_key(file, data, desc, func, **k):
        (D / file).write_bytes(data)
        add(file, "private-key", desc, func, key=key_desc(**k))
    rsa_k = dict(algorithm="rsa", bits=2048, curve=None, matches="leaf.crt")
    write_key("rsa-pkcs1.key", leaf_key.private_bytes(P.Encoding.PEM, P.PrivateFormat.TraditionalOpenSSL,
                                                      P.NoEncryption()),
              "leaf RSA key, PKCS#1 PEM (BEGIN RSA PRIVATE KEY)", f, fmt="pkcs1", encrypted=False, **rsa_k)
    write_key("rsa-pkcs8.key", key_pem(leaf_key), "leaf RSA key, PKCS#8 PEM (BEGIN PRIVATE KEY)", f,
              fmt="pkcs8", encrypted=False, **rsa_k)
    run(["openssl", "pkcs8", "-topk8", "-in", str(D / "rsa-pkcs8.key"), "-v2", "aes-256-cbc", "-v2prf",
         "hmacWithSHA256", "-passout", "pass:" + PASSWORD, "-out", str(D / "rsa-encrypted-pkcs8.key")])
    add("rsa-encrypted-pkcs8.key", "private-key", "`openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256` "
        f"of rsa-pkcs8.key, password \"{PASSWORD}\" (BEGIN ENCRYPTED PRIVATE KEY)", f,
        key=key_desc("encrypted-pkcs8", encrypted=True, password=PASSWORD, cipher="aes-256-cbc",
                     kdf="pbkdf2-hmac-sha256", **rsa_k))
    run(["openssl", "rsa", "-in", str(D / "rsa-pkcs1.key"), "-aes256", "-traditional", "-passout",
         "pass:" + PASSWORD, "-out", str(D / "rsa-legacy-encrypted.key")])
    add("rsa-legacy-encrypted.key", "private-key", "`openssl rsa -aes256 -traditional` of rsa-pkcs1.key, password "
        f"\"{PASSWORD}\" (Proc-Type: 4,ENCRYPTED, DEK-Info: AES-256-CBC)", f,
        key=key_desc("legacy-pem-encrypted", encrypted=True, password=PASSWORD, cipher="aes-256-cbc", **rsa_k))
    (D / "key.der").write_bytes(leaf_key.private_bytes(P.Encoding.DER, P.PrivateFormat.PKCS8, P.NoEncryption()))
    add("key.der", "private-key", "leaf RSA key, PKCS#8 DER", f, key=key_desc("pkcs8", encrypted=False, encoding="der",
                                                                             **rsa_k))
    ec_k = dict(algorithm="ec", bits=256, curve="secp256r1", matches="leaf-ec.crt")
    write_key("ec-sec1.key", ec_key.private_bytes(P.Encoding.PEM, P.PrivateFormat.TraditionalOpenSSL, P.NoEncryption()),
              "P-256 key of leaf-ec.crt, SEC 1 PEM (BEGIN EC PRIVATE KEY) with named curve and public key", f,
              fmt="sec1", encrypted=False, **ec_k)
    write_key("ec-pkcs8.key", key_pem(ec_key), "P-256 key of leaf-ec.crt, PKCS#8 PEM", f, fmt="pkcs8",
              encrypted=False, **ec_k)
    ed_k = dict(algorithm="ed25519", bits=256, curve=None, matches="leaf-ed25519.crt")
    write_key("ed25519-pkcs8.key", key_pem(ed_key), "Ed25519 key of leaf-ed25519.crt, PKCS#8 PEM", f, fmt="pkcs8",
              encrypted=False, **ed_k)
    stray = rsa_key(2048)
    write_key("unmatched-rsa.key", key_pem(stray), "an RSA-2048 PKCS#8 key that matches no certificate", f,
              fmt="pkcs8", encrypted=False, algorithm="rsa", bits=2048, curve=None, matches=None)
    # OpenSSH private keys (cryptography writes them; ssh-keygen encrypts, cryptography needs bcrypt for that)
    ossh = lambda k: k.private_bytes(P.Encoding.PEM, P.PrivateFormat.OpenSSH, P.NoEncryption())  # noqa: E731
    write_key("ed25519-openssh.key", ossh(ed_key), "Ed25519 key of leaf-ed25519.crt, OpenSSH format, unencrypted "
              "(PrivateFormat.OpenSSH)", f, fmt="openssh", encrypted=False, **ed_k)
    write_key("rsa-openssh.key", ossh(leaf_key), "leaf RSA key, OpenSSH format, unencrypted", f, fmt="openssh",
              encrypted=False, **rsa_k)
    write_key("ecdsa-openssh.key", ossh(ec_key), "P-256 key of leaf-ec.crt, OpenSSH format, unencrypted", f,
              fmt="openssh", encrypted=False, **ec_k)
    enc = D / "ed25519-openssh-encrypted.key"
    enc.write_bytes(ossh(ed_key))
    os.chmod(enc, 0o600)
    run(["ssh-keygen", "-q", "-p", "-P", "", "-N", PASSWORD, "-f", str(enc)])
    os.chmod(enc, 0o644)
    add("ed25519-openssh-encrypted.key", "private-key", "ed25519-openssh.key re-encrypted by `ssh-keygen -p -N "
        f"{PASSWORD}` (aes256-ctr, bcrypt KDF)", f,
        key=key_desc("openssh", encrypted=True, password=PASSWORD, cipher="aes256-ctr", kdf="bcrypt", **ed_k))
    # --- not certificates ---
    rng = random.Random(20250101)
    (D / "garbage.pem").write_bytes(rng.randbytes(1024))
    add("garbage.pem", "garbage", "1024 random bytes from random.Random(20250101)", f)
    leaf_pem = pem_block(L)
    cut = leaf_pem.index("\n", len(leaf_pem) // 2) + 33
    (D / "truncated.pem").write_text(leaf_pem[:cut])
    add("truncated.pem", "truncated-certificate", "leaf.crt cut in the middle of a base64 line (no END line)", f)
    (D / "empty.crt").write_bytes(b"")
    add("empty.crt", "empty", "zero bytes", f)
    (D / "text.crt").write_text(
        "# Certificates\n\nThis folder would hold the TLS certificate for www.example.com.\n"
        "Ask the platform team for the real file; it is not committed here.\n\n"
        "- issuer: certlint Fixture Intermediate CA\n- renew before: 2026-01-01\n")
    add("text.crt", "text", "a README-like text with no PEM block", f)


def openssl_count_certs(path):
    """How many certificates openssl reads from a PEM file (via crl2pkcs7), or 0 if it fails."""
    p = subprocess.run(["openssl", "crl2pkcs7", "-nocrl", "-certfile", str(path)], capture_output=True)
    if p.returncode != 0:
        return 0
    return len(pkcs7.load_pem_pkcs7_certificates(p.stdout))


def cryptography_count_certs(path):
    try:
        return len(x509.load_pem_x509_certificates(path.read_bytes()))
    except Exception:  # noqa: BLE001
        return 0


# =================================================================================================
# Part 5: checks
# =================================================================================================

# Generated certificates openssl 3.0 cannot read (checked: a rerun fails if openssl starts reading them).
OPENSSL_CANNOT_READ = {
    "generated/name-cn-visible": "VisibleString is outside OpenSSL's DirectoryString type mask (B_ASN1_PRINTABLE)",
}

# ... and those cryptography 48 refuses to load (their records carry errors.load).
CRYPTOGRAPHY_CANNOT_LOAD = {
    "generated/v2-unique-ids": "InvalidVersion: cryptography knows only v1 and v3",
}

# ... and those whose signature cryptography cannot check (the rest are verified against their issuer);
# value: the generated issuer openssl verifies it against instead, or None.
SIGNATURE_NOT_VERIFIABLE = {
    "generated/name-issuer-all-attributes": None,  # the issuer name is made up; signed by its own key
    "generated/sig-sha1-rsa": "generated/fixture-ca",            # cryptography: no SHA-1 signatures
    "generated/sig-md5-rsa": "generated/fixture-ca",             # cryptography: no MD5 signatures
    "generated/sig-ecdsa-sha1": "generated/sig-ecdsa-sha1",      # self-signed
    "generated/name-cn-teletex-latin1": "generated/fixture-ca",  # cryptography cannot decode its subject
    "generated/v2-unique-ids": "generated/fixture-ca",           # cryptography cannot load it
}


def check(records_by_file, manifest):
    problems = []
    for file, recs in records_by_file.items():
        data = json.loads((X509_DIR / file).read_text(encoding="utf-8"))
        assert len(data["certificates"]) == len(recs)
        for r in data["certificates"]:
            der = base64.b64decode(r["der"])
            p = subprocess.run(["openssl", "x509", "-inform", "DER", "-noout", "-text"], input=der, capture_output=True)
            if p.returncode != 0 and r["name"] not in OPENSSL_CANNOT_READ:
                problems.append(f"{r['name']}: openssl x509 -text failed: {p.stderr.decode()[:200]}")
            if p.returncode == 0 and r["name"] in OPENSSL_CANNOT_READ:
                problems.append(f"{r['name']}: expected openssl to refuse it, but it read it")
            if r["version"] == 1 and b"Version: 1 (0x0)" not in p.stdout:
                problems.append(f"{r['name']}: openssl does not say Version: 1")
            try:
                x509.load_der_x509_certificate(der)
                if r["name"] in CRYPTOGRAPHY_CANNOT_LOAD:
                    problems.append(f"{r['name']}: expected cryptography to refuse it, but it loaded it")
            except Exception as e:  # noqa: BLE001
                if r["name"] not in CRYPTOGRAPHY_CANNOT_LOAD:
                    problems.append(f"{r['name']}: cryptography: {e}")
            on_disk = (X509_DIR / (r["name"] + ".der")).read_bytes()
            if on_disk != der:
                problems.append(f"{r['name']}: .der file differs from the record")
    # every generated certificate verifies against the generated certificate named as its issuer
    gen = {}
    for r in records_by_file["generated.json"]:
        try:
            gen[r["name"]] = x509.load_der_x509_certificate(base64.b64decode(r["der"]))
        except Exception:  # noqa: BLE001 - CRYPTOGRAPHY_CANNOT_LOAD, reported above
            pass
    by_subject = {}
    for nm, c in gen.items():
        if c.extensions and not any(e.oid == ExtensionOID.BASIC_CONSTRAINTS and e.value.ca for e in c.extensions) \
                and c.issuer != c.subject:
            continue
        try:
            by_subject.setdefault(c.subject.public_bytes(), c)
        except Exception:  # noqa: BLE001 - e.g. the Latin-1 TeletexString subject
            pass
    verified = 0
    for nm, c in gen.items():
        if nm in SIGNATURE_NOT_VERIFIABLE:
            continue
        issuer = c if c.issuer == c.subject else by_subject.get(c.issuer.public_bytes())
        if issuer is None:
            problems.append(f"{nm}: no generated issuer certificate")
            continue
        try:
            c.verify_directly_issued_by(issuer)
            verified += 1
        except Exception as e:  # noqa: BLE001
            problems.append(f"{nm}: signature does not verify: {type(e).__name__}: {e}")
    by_name = {r["name"]: base64.b64decode(r["der"]) for r in records_by_file["generated.json"]}
    with tempfile.TemporaryDirectory() as d:
        for nm, issuer in SIGNATURE_NOT_VERIFIABLE.items():
            if issuer is None:
                continue
            (Path(d) / "c.pem").write_text(pem_block(by_name[nm]))
            (Path(d) / "i.pem").write_text(pem_block(by_name[issuer]))
            p = subprocess.run(["openssl", "verify", "-auth_level", "0", "-partial_chain", "-no_check_time",
                                "-CAfile", str(Path(d) / "i.pem"), str(Path(d) / "c.pem")], capture_output=True)
            if p.returncode != 0:
                problems.append(f"{nm}: openssl verify failed: {p.stdout.decode()} {p.stderr.decode()[:300]}")
            else:
                verified += 1
    print(f"signatures verified: {verified} of {len(by_name)} generated certificates "
          f"(cryptography; openssl verify for {sum(v is not None for v in SIGNATURE_NOT_VERIFIABLE.values())})")
    # inputs: every certificate/key/CSR/PKCS#7 loads, keys match, encrypted keys decrypt
    certs = {}
    for m in manifest:
        path = INPUTS_DIR / m["file"]
        data = path.read_bytes()
        kind = m["kind"]
        try:
            if kind in ("certificate", "certificate-bundle"):
                if m.get("encoding") == "der":
                    got = [x509.load_der_x509_certificate(data)]
                elif m["file"] == "chain-messy.pem":
                    continue
                else:
                    got = x509.load_pem_x509_certificates(data)
                fps = [c.fingerprint(hashes.SHA256()).hex() for c in got]
                assert fps == m["fingerprints_sha256"], (fps, m["fingerprints_sha256"])
                if kind == "certificate":
                    certs[m["file"]] = got[0]
                run(["openssl", "x509", "-noout", "-inform", "DER" if m.get("encoding") == "der" else "PEM",
                     "-in", str(path)])
            elif kind == "pkcs7":
                run(["openssl", "pkcs7", "-print_certs", "-noout", "-inform", m["encoding"].upper(), "-in", str(path)])
            elif kind == "csr":
                c = (x509.load_pem_x509_csr(data) if m["encoding"] == "pem" else x509.load_der_x509_csr(data))
                assert c.is_signature_valid and c.subject.rfc4514_string() == m["subject"]
                run(["openssl", "req", "-noout", "-verify", "-inform", m["encoding"].upper(), "-in", str(path)])
        except Exception as e:  # noqa: BLE001
            problems.append(f"inputs/{m['file']}: {e}")
    for m in manifest:
        if m["kind"] != "private-key":
            continue
        k, path = m["key"], INPUTS_DIR / m["file"]
        data = path.read_bytes()
        pw = k.get("password", "").encode() or None
        try:
            if k["format"] == "openssh":
                if k["encrypted"]:
                    with tempfile.TemporaryDirectory() as d:   # ssh-keygen insists on mode 0600
                        tmp = Path(d) / "key"
                        tmp.write_bytes(data)
                        os.chmod(tmp, 0o600)
                        pub = run(["ssh-keygen", "-y", "-P", PASSWORD, "-f", str(tmp)]).split()[1]
                    plain = serialization.load_ssh_private_key((INPUTS_DIR / "ed25519-openssh.key").read_bytes(), None)
                    want = plain.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                                           serialization.PublicFormat.OpenSSH).split()[1]
                    assert pub == want, "encrypted OpenSSH key has a different public key"
                    continue
                key = serialization.load_ssh_private_key(data, None)
            elif k.get("encoding") == "der":
                key = serialization.load_der_private_key(data, None)
            else:
                key = serialization.load_pem_private_key(data, pw)
            spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo)
            matching = [f for f, c in certs.items() if c.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo) == spki]
            want = [] if k["matches"] is None else [k["matches"]]
            matching = [f for f in matching if f in ("leaf.crt", "leaf-ec.crt", "leaf-ed25519.crt")]
            assert matching == want, (matching, want)
            args = ["openssl", "pkey", "-noout", "-in", str(path)]
            if k["format"] == "openssh":
                continue  # openssl does not read OpenSSH private keys
            if k.get("encoding") == "der":
                args += ["-inform", "DER"]
            if pw:
                args += ["-passin", "pass:" + PASSWORD]
            run(args)
        except Exception as e:  # noqa: BLE001
            problems.append(f"inputs/{m['file']}: {type(e).__name__}: {e}")
    sec1 = run(["openssl", "asn1parse", "-in", str(INPUTS_DIR / "ec-sec1.key")]).decode()
    if "cont [ 1 ]" not in sec1 or "prime256v1" not in sec1:
        problems.append("inputs/ec-sec1.key lacks the named curve or the public key")
    legacy = (INPUTS_DIR / "rsa-legacy-encrypted.key").read_text()
    if "Proc-Type: 4,ENCRYPTED" not in legacy or "DEK-Info: AES-256-CBC" not in legacy:
        problems.append("inputs/rsa-legacy-encrypted.key is not legacy-encrypted PEM")
    return problems


# =================================================================================================
# README
# =================================================================================================

README_HEAD = """\
# Test fixtures

Everything under `x509/` and `inputs/`, and this README, is written by `make-fixtures.py` (Python 3.11+,
`cryptography` 48, OpenSSL 3.0 `openssl`, OpenSSH `ssh-keygen`; test data only, certlint never runs them).
Rerun from the repository root:

    python3 Tests/Fixtures/make-fixtures.py

Dates are fixed; keys are random, so a rerun changes keys, signatures and fingerprints but everything one
run writes is consistent (keys match their certificates, chains link, the JSON describes the DER files).

## The oracle: `x509/generated.json`, `x509/ca-store.json`

`{"generator": ..., "certificates": [record, ...]}`, one record per certificate (one per line), keys
sorted. Each record's `name` is also the path of its DER file: `x509/<name>.der`. Values come from
cryptography's parsed view, except `not_before_encoding`, `not_after_encoding` and `self_issued`
(decoded from the DER by the script) and `upn` (the otherName's UTF8String decoded by the script).
Conventions:

- `serial`: lowercase hex of the INTEGER's value, `-` prefix if negative.
- `subject`/`issuer`: RDNs in encoded order, attributes in encoded (DER SET OF) order; `type` is the
  ASN.1 string type (`TeletexString` for T61String); a BIT STRING attribute's `value` is its bytes in hex.
- `san.ip`: Python's `ipaddress` text (RFC 5952), except that an IPv4-mapped IPv6 address is written in
  RFC 5952 section 5 mixed notation `::ffff:192.0.2.1` (Python >= 3.13 does this; 3.11 prints
  `::ffff:c000:201`). `san.other_name_oids` lists every otherName type-id, UPNs included; `san.upn` has
  the UPN values.
- `aki.issuer`: a directoryName as RFC 4514, any other GeneralName as `dns:`, `uri:`, `email:`, `ip:`,
  `rid:`, `othername:` + value. `crl_distribution_points`: URI full names of all DPs, flattened.
- `ocsp`/`ca_issuers`: `null` without an AIA extension, `[]` when AIA lacks that kind.
- `name_constraints`: `null` per side when the side is absent; `ip` entries as `192.168.0.0/16`.
- `errors` (only when something raised): `{"field": "ExceptionName: message"}`; that field is `null`.
  `load` means cryptography refused the whole certificate; then only `der`, the fingerprints and the
  DER-derived fields are filled.

## Files
"""


def write_readme(how_lines, skipped):
    lines = [README_HEAD]
    lines.append("| file | how it was made |\n|---|---|")
    for f, h in how_lines:
        lines.append(f"| `{f}` | {h.replace('|', '/')} |")
    lines.append("\n## What the tools could not do, and the workarounds\n")
    lines += [
        "- cryptography 48 cannot write SHA-1 or MD5 certificate signatures, RSASSA-PSS with MGF1-SHA-1, "
        "version 1 certificates or RSASSA-PSS subject keys: `openssl ca` made those (fixed `-startdate`/"
        "`-enddate`; OpenSSL 3.0's `x509 -req` has only `-days`). MD5 needed no legacy provider or "
        "security-level change.",
        "- cryptography cannot write notBefore < 1950, notAfter < notBefore, serials <= 0 or of more than 20 "
        "octets, version 2, unique identifiers, non-UTF-8 TeletexString or GeneralizedTime before 2050: those "
        "certificates are cryptography-built certificates whose TBSCertificate was patched and re-signed "
        "(sha256WithRSAEncryption by fixture-ca) by `assemble_rsa_sha256()`.",
        "- cryptography writes a TeletexString as UTF-8 bytes and reads it back as UTF-8 "
        "(`name-cn-teletex-utf8-bytes`); it cannot decode a real Latin-1 byte (`name-cn-teletex-latin1`: "
        "`errors.subject`). OpenSSL treats TeletexString bytes as Latin-1.",
        "- cryptography cannot build SCTs: `sct_list_extension()` writes the TLS encoding by hand.",
        "- OpenSSH keys are written by cryptography; `ssh-keygen -p` encrypts one (cryptography needs the "
        "`bcrypt` package for that, which is not installed).",
    ]
    for nm, why in OPENSSL_CANNOT_READ.items():
        lines.append(f"- `openssl x509` cannot read `{nm}`: {why}.")
    for nm, why in CRYPTOGRAPHY_CANNOT_LOAD.items():
        lines.append(f"- cryptography cannot load `{nm}`: {why}.")
    for nm, issuer in SIGNATURE_NOT_VERIFIABLE.items():
        lines.append(f"- signature of `{nm}`: " + ("not verifiable (made-up issuer name)" if issuer is None else
                                                   f"verified by `openssl verify` against `{issuer}`, not by cryptography"))
    if skipped:
        lines.append("\n## Not made\n")
        for what, why in skipped:
            lines.append(f"- {what}: {why.strip().splitlines()[0] if why.strip() else why}")
    (HERE / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# =================================================================================================

def main():
    os.chdir(HERE)
    for d in (X509_DIR, INPUTS_DIR):
        if d.exists():
            shutil.rmtree(d)
    (X509_DIR / "generated").mkdir(parents=True)
    (X509_DIR / "ca-store").mkdir(parents=True)
    INPUTS_DIR.mkdir()
    versions = f"{SCRIPT}; Python {sys.version.split()[0]}; cryptography {cryptography.__version__}; {openssl_version()}"

    root, inter, leaves = make_generated()
    gen_records = []
    for nm, der, _ in G.items:
        (X509_DIR / (nm + ".der")).write_bytes(der)
        gen_records.append(record(nm, der))
    write_records(X509_DIR / "generated.json", versions, gen_records)

    store, left_out = ca_store_certs()
    store_records = []
    for nm, der in store:
        (X509_DIR / (nm + ".der")).write_bytes(der)
        store_records.append(record(nm, der))
    write_records(X509_DIR / "ca-store.json",
                  f"{versions}; {CA_BUNDLE}, the certificates Debian ca-certificates {ca_certificates_version()} "
                  f"ships ({len(store)}; {left_out} site-local certificates of the bundle left out)", store_records)

    manifest, input_how = [], []
    make_inputs(root, inter, leaves, manifest, input_how)
    expected = {"files": manifest}
    (INPUTS_DIR / "expected.json").write_text(json.dumps(expected, sort_keys=True, indent=1, ensure_ascii=False)
                                              + "\n", encoding="utf-8")

    how = [("make-fixtures.py", "this generator"), ("README.md", "`write_readme()`: this file")]
    how += [("x509/generated.json", "`record()` over every generated certificate, in the order below"),
            ("x509/ca-store.json", f"`record()` over every certificate of x509/ca-store/, in bundle order"),
            ("x509/ca-store/NNN-<cn-or-o>.der", f"`ca_store_certs()`: the {len(store)} certificates of {CA_BUNDLE} "
             f"that Debian's ca-certificates package ships under {DEBIAN_CA_DIR} (site-local additions left out), "
             "numbered from 001 in bundle order, named after the subject CN (else O, OU), lower-case ASCII")]
    how += [(nm + ".der", h) for nm, _, h in G.items]
    how += [("inputs/expected.json", "`make_inputs()`: the manifest of everything in inputs/")] + input_how
    write_readme([(("x509/" + f) if f.startswith("generated/") else f, h) for f, h in how], SKIPPED)

    problems = check({"generated.json": gen_records, "ca-store.json": store_records}, manifest)
    print(f"generator: {versions}")
    print(f"x509/generated.json: {len(gen_records)} records "
          f"({sum('errors' in r for r in gen_records)} with errors)")
    print(f"x509/ca-store.json: {len(store_records)} records "
          f"({sum('errors' in r for r in store_records)} with errors; {left_out} site-local bundle certificates "
          "left out)")
    print(f"inputs/: {len(manifest)} files in expected.json")
    for r in gen_records + store_records:
        if "errors" in r:
            print(f"  errors in {r['name']}: {r['errors']}")
    for what, why in SKIPPED:
        print(f"  not made: {what}: {why.strip().splitlines()[0] if why.strip() else why}")
    if problems:
        print("CHECK FAILED:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("checks passed: every certificate parsed by openssl x509 -text and loaded by cryptography (except "
          f"{len(OPENSSL_CANNOT_READ)} + {len(CRYPTOGRAPHY_CANNOT_LOAD)} known cases, listed in README.md); JSON loads; "
          "inputs load, keys match, encrypted keys decrypt")


if __name__ == "__main__":
    main()
