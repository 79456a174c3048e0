#!/usr/bin/env python3
"""Makes the PKCS#12 fixtures of Tests/CertLintKeystoresTests/PKCS12ReaderTests.swift.

    python3 Tests/Fixtures/keystores/pkcs12/make-pkcs12.py

Certificates and keys are made with Python `cryptography` (fixed names, serials and dates
2026-01-01..2027-01-01; the keys are new on every run), the keystores with `openssl pkcs12
-export` (OpenSSL 3), a few of them post-processed here (merged, re-encoded in BER, given a
PBMAC1 MAC). For every keystore the script asks OpenSSL what it holds and writes
expected.json: the SHA-256 fingerprints of the certificates `openssl pkcs12 -nokeys` prints,
the algorithm and size of each key `-nocerts -nodes` prints (never the key itself), the
friendly names, the protections `-info` reports, and the password (fixtures only). README.md
lists every file with the line that made it.

It also runs `openssl pkcs12 -legacy -nokeys` over the certigo corpus
($CERTLINT_CORPORA/certigo/*.p12, default ../shared/corpora relative to the repository) and
writes certigo-expected.json (fingerprints and key counts only; no corpus file is copied).
"""

import base64
import datetime
import hashlib
import hmac
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
UTC = datetime.timezone.utc
NOT_BEFORE = datetime.datetime(2026, 1, 1, tzinfo=UTC)
NOT_AFTER = datetime.datetime(2027, 1, 1, tzinfo=UTC)
CA_NOT_AFTER = datetime.datetime(2036, 1, 1, tzinfo=UTC)

PASSWORD = "fixture-password"
NON_ASCII_PASSWORD = "pässwörd-日本-\U0001F511"

# ---------------------------------------------------------------------------------------------
# Certificates and keys


def name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CertLint Fixtures"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def certificate(subject_key, common_name, serial, issuer_key=None, issuer_name=None, ca=False, dns=None, eku=None):
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(common_name))
        .issuer_name(issuer_name or name(common_name))
        .public_key(subject_key.public_key())
        .serial_number(serial)
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(CA_NOT_AFTER if ca else NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
    if dns:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(d) for d in dns]), critical=False)
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    signer = issuer_key or subject_key
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return builder.sign(signer, algorithm)


def make_material(folder):
    root_key = ec.generate_private_key(ec.SECP384R1())
    intermediate_key = ec.generate_private_key(ec.SECP256R1())
    server_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    client_key = ec.generate_private_key(ec.SECP256R1())
    signer_key = ed25519.Ed25519PrivateKey.generate()
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    root = certificate(root_key, "CertLint PKCS12 Test Root CA", 0x1001, ca=True)
    intermediate = certificate(
        intermediate_key, "CertLint PKCS12 Test Intermediate CA", 0x1002, root_key, root.subject, ca=True)
    server = certificate(
        server_key, "server.example.test", 0x2001, intermediate_key, intermediate.subject,
        dns=["server.example.test"], eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    client = certificate(
        client_key, "client.example.test", 0x2002, intermediate_key, intermediate.subject,
        dns=["client.example.test"], eku=[ExtendedKeyUsageOID.CLIENT_AUTH])
    signer = certificate(
        signer_key, "signer.example.test", 0x2003, intermediate_key, intermediate.subject,
        eku=[ExtendedKeyUsageOID.CODE_SIGNING])
    other = certificate(other_key, "CertLint PKCS12 Other CA", 0x1003, ca=True)

    def write(file_name, data):
        with open(os.path.join(folder, file_name), "wb") as handle:
            handle.write(data)

    def pem(cert):
        return cert.public_bytes(serialization.Encoding.PEM)

    def key_pem(key):
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())

    for label, cert, key in [("server", server, server_key), ("client", client, client_key), ("signer", signer, signer_key)]:
        write(label + ".pem", pem(cert))
        write(label + ".key", key_pem(key))
    write("chain.pem", pem(intermediate) + pem(root))
    write("intermediate.pem", pem(intermediate))
    write("other-ca.pem", pem(other))
    write("cas.pem", pem(root) + pem(other))


# ---------------------------------------------------------------------------------------------
# OpenSSL


def openssl(arguments, folder, check=True):
    result = subprocess.run(["openssl"] + arguments, cwd=folder, capture_output=True)
    if check and result.returncode != 0:
        sys.exit("openssl %s failed:\n%s" % (" ".join(arguments), result.stderr.decode(errors="replace")))
    return result


def pass_argument(password):
    return "pass:" + password


def certificates_in(text):
    blocks = re.findall(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", text, re.S)
    return [hashlib.sha256(base64.b64decode("".join(block.split()))).hexdigest() for block in blocks]


def key_descriptions(text):
    keys = []
    for block in re.findall(r"-----BEGIN PRIVATE KEY-----.*?-----END PRIVATE KEY-----", text, re.S):
        key = serialization.load_pem_private_key(block.encode(), password=None)
        if isinstance(key, rsa.RSAPrivateKey):
            keys.append({"algorithm": "rsa", "bits": key.key_size, "curve": None})
        elif isinstance(key, ec.EllipticCurvePrivateKey):
            curve = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}[key.curve.name]
            keys.append({"algorithm": "ec", "bits": key.key_size, "curve": curve})
        elif isinstance(key, ed25519.Ed25519PrivateKey):
            keys.append({"algorithm": "ed25519", "bits": 256, "curve": None})
        else:
            sys.exit("unexpected key type %r" % type(key))
        del key
    return sorted(keys, key=lambda k: (k["algorithm"], k["bits"]))


def friendly_names(text):
    return re.findall(r"^\s*friendlyName: (.*)$", text, re.M)


SCHEMES = {
    "pbeWithSHA1And3-KeyTripleDES-CBC": "pbe-sha1-3des",
    "pbeWithSHA1And2-KeyTripleDES-CBC": "pbe-sha1-2des",
    "pbeWithSHA1And128BitRC2-CBC": "pbe-sha1-rc2-128",
    "pbeWithSHA1And40BitRC2-CBC": "pbe-sha1-rc2-40",
}


def scheme(description):
    """`PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256` → (id, prf, iterations)."""
    iterations = int(re.search(r"Iteration (\d+)", description).group(1))
    if description.startswith("PBES2"):
        cipher = description.split(", ")[2].lower()
        prf = re.search(r"PRF hmacWith(SHA\d+)", description).group(1).lower()
        return ("pbes2-" + cipher, "hmac-" + prf, iterations)
    return (SCHEMES[description.split(",")[0]], None, iterations)


def protections(info):
    """What `openssl pkcs12 -info` says about the safes, as the reader's KeystoreEncryption."""
    found = []

    def add(item):
        entry = {"scheme": item[0], "prf": item[1], "iterations": item[2], "protects": item[3]}
        if entry not in found:
            found.append(entry)

    safe = None
    integrity = None
    for line in info.splitlines():
        line = line.strip()
        match = re.match(r"MAC: (\w+), Iteration (\d+)", line)
        if match:
            integrity = {"algorithm": "hmac-" + match.group(1), "iterations": int(match.group(2))}
        elif line == "PKCS7 Data":
            safe = None
        elif line.startswith("PKCS7 Encrypted data: "):
            safe = scheme(line[len("PKCS7 Encrypted data: "):])
        elif line == "Certificate bag":
            add((safe or ("none", None, 0)) + ("certificates",))
        elif line == "Key bag":
            add((safe or ("none", None, 0)) + ("private-keys",))
        elif line.startswith("Shrouded Keybag: "):
            add(scheme(line[len("Shrouded Keybag: "):]) + ("private-keys",))
            if safe:
                add(safe + ("private-keys",))
    return found, integrity


def describe(path, folder, password, nomacver=False):
    extra = ["-legacy", "-passin", pass_argument(password)] + (["-nomacver"] if nomacver else [])
    certs = openssl(["pkcs12", "-in", path, "-nokeys"] + extra, folder).stdout.decode()
    keys = openssl(["pkcs12", "-in", path, "-nocerts", "-nodes"] + extra, folder).stdout.decode()
    info_result = openssl(["pkcs12", "-in", path, "-info", "-noout"] + extra, folder)
    info = info_result.stdout.decode() + info_result.stderr.decode()
    encryption, integrity = protections(info)
    description = {
        "password": password,
        "fingerprints": certificates_in(certs),
        "keys": key_descriptions(keys),
        "friendlyNames": sorted(set(friendly_names(certs) + friendly_names(keys))),
        "encryption": encryption,
        "integrity": integrity,
    }
    del keys
    return description


# ---------------------------------------------------------------------------------------------
# DER by hand, for merging, re-encoding in BER and adding a PBMAC1 MAC


def der_length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, content):
    return bytes([tag]) + der_length(len(content)) + content


def oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    body = bytearray()
    for arc in [arcs[0] * 40 + arcs[1]] + arcs[2:]:
        group = [arc & 0x7F]
        arc >>= 7
        while arc:
            group.insert(0, 0x80 | (arc & 0x7F))
            arc >>= 7
        body += bytes(group)
    return tlv(0x06, bytes(body))


def integer(value):
    return tlv(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def read(data, offset=0):
    """(tag, content start, end) of the DER value at `offset`."""
    tag, first = data[offset], data[offset + 1]
    start = offset + 2
    length = first
    if first & 0x80:
        count = first & 0x7F
        length = int.from_bytes(data[start:start + count], "big")
        start += count
    return tag, start, start + length


def children(data, start, end):
    out = []
    while start < end:
        tag, content, stop = read(data, start)
        out.append((tag, start, content, stop))
        start = stop
    return out


def authenticated_safe(pfx):
    """The AuthenticatedSafe octets of a DER PFX."""
    _, start, end = read(pfx)
    _, authsafe, _ = children(pfx, start, end)[:3] if len(children(pfx, start, end)) > 2 else children(pfx, start, end) + [None]
    _, _, ci_start, ci_end = authsafe
    _, wrapper, _, _ = children(pfx, ci_start, ci_end)[1]
    _, w_start, w_end = read(pfx, wrapper)
    _, o_start, o_end = read(pfx, w_start)
    return pfx[o_start:o_end]


def pfx_with(authsafe, mac_data=b""):
    content_info = tlv(0x30, oid("1.2.840.113549.1.7.1") + tlv(0xA0, tlv(0x04, authsafe)))
    return tlv(0x30, integer(3) + content_info + mac_data)


def pkcs12_kdf(password, salt, purpose, iterations, size, hash_name):
    """RFC 7292 Appendix B.2, written independently of the Swift one."""
    u = hashlib.new(hash_name).digest_size
    v = hashlib.new(hash_name).block_size
    diversifier = bytes([purpose]) * v

    def stretch(data):
        if not data:
            return b""
        length = v * ((len(data) + v - 1) // v)
        return (data * (length // len(data) + 1))[:length]

    i = bytearray(stretch(salt) + stretch(password))
    out = b""
    while True:
        a = hashlib.new(hash_name, diversifier + bytes(i)).digest()
        for _ in range(iterations - 1):
            a = hashlib.new(hash_name, a).digest()
        out += a
        if len(out) >= size:
            return out[:size]
        b = int.from_bytes((a * (v // u + 1))[:v], "big") + 1
        for j in range(0, len(i), v):
            i[j:j + v] = ((int.from_bytes(i[j:j + v], "big") + b) % (1 << (8 * v))).to_bytes(v, "big")


def bmp(password):
    return password.encode("utf-16-be") + b"\x00\x00"


def classic_mac(authsafe, password, iterations, hash_name="sha256"):
    salt = random.Random(7).randbytes(8)
    key = pkcs12_kdf(bmp(password), salt, 3, iterations, hashlib.new(hash_name).digest_size, hash_name)
    mac = hmac.new(key, authsafe, hash_name).digest()
    digest_oid = {"sha256": "2.16.840.1.101.3.4.2.1"}[hash_name]
    digest_info = tlv(0x30, tlv(0x30, oid(digest_oid) + b"\x05\x00") + tlv(0x04, mac))
    return tlv(0x30, digest_info + tlv(0x04, salt) + integer(iterations))


def pbmac1_mac(authsafe, password, iterations):
    """RFC 9579: HMAC-SHA-256 keyed by PBKDF2-HMAC-SHA-256 over the UTF-8 password."""
    salt = random.Random(9).randbytes(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
    mac = hmac.new(key, authsafe, "sha256").digest()
    hmac_sha256 = tlv(0x30, oid("1.2.840.113549.2.9") + b"\x05\x00")
    pbkdf2 = tlv(0x30, oid("1.2.840.113549.1.5.12") + tlv(0x30, tlv(0x04, salt) + integer(iterations) + integer(32) + hmac_sha256))
    algorithm = tlv(0x30, oid("1.2.840.113549.1.5.14") + tlv(0x30, pbkdf2 + hmac_sha256))
    digest_info = tlv(0x30, algorithm + tlv(0x04, mac))
    return tlv(0x30, digest_info + tlv(0x04, b"NOT USED") + integer(1))


def indefinite(tag, content):
    return bytes([tag | 0x20, 0x80]) + content + b"\x00\x00"


def chunked(octets, tag=0x04, size=100):
    return indefinite(tag, b"".join(tlv(0x04, octets[i:i + size]) for i in range(0, len(octets), size)))


def ber_safe(data, start, end):
    """A ContentInfo of the authenticated safe in BER: indefinite lengths everywhere and the
    octets of data and encryptedData split into constructed OCTET STRINGs."""
    fields = children(data, start, end)
    (_, oid_start, _, oid_end), (_, w, _, _) = fields[0], fields[1]
    kind = data[oid_start:oid_end]
    _, w_start, w_end = read(data, w)
    inner_tag, inner_start, inner_end = read(data, w_start)
    if kind == oid("1.2.840.113549.1.7.1"):
        body = chunked(data[inner_start:inner_end])
    else:
        version, info = children(data, inner_start, inner_end)[:2]
        info_fields = children(data, info[2], info[3])
        content_type, algorithm, encrypted = info_fields
        encrypted_octets = data[encrypted[2]:encrypted[3]]
        body = indefinite(0x30, data[version[1]:version[3]] + indefinite(
            0x30, data[content_type[1]:content_type[3]] + data[algorithm[1]:algorithm[3]] + chunked(encrypted_octets, tag=0x80)))
    return indefinite(0x30, data[oid_start:oid_end] + indefinite(0xA0, body))


def ber_pfx(pfx):
    authsafe = authenticated_safe(pfx)
    _, start, end = read(authsafe)
    safes = b"".join(ber_safe(authsafe, s, e) for (_, _, s, e) in children(authsafe, start, end))
    inner = indefinite(0x30, safes)
    content_info = indefinite(0x30, oid("1.2.840.113549.1.7.1") + indefinite(0xA0, chunked(inner)))
    return indefinite(0x30, integer(3) + content_info)


# ---------------------------------------------------------------------------------------------
# The fixtures


def export(arguments, password):
    return ["pkcs12", "-export"] + arguments + ["-passout", pass_argument(password)]


SMALL = ["-iter", "16"]

FIXTURES = [
    ("default.p12", "OpenSSL 3 defaults: PBES2 AES-256-CBC with hmacWithSHA256 (2048 iterations), SHA-256 MAC; RSA key with its chain",
     export(["-inkey", "server.key", "-in", "server.pem", "-certfile", "chain.pem", "-name", "server"], PASSWORD), PASSWORD),
    ("legacy.p12", "`-legacy`: RC2-40 certificates, 3DES keys, SHA-1 MAC",
     export(["-legacy"] + SMALL + ["-inkey", "server.key", "-in", "server.pem", "-certfile", "chain.pem", "-name", "server"], PASSWORD), PASSWORD),
    ("pbes2-aes128-pbe-3des.p12", "AES-128 key (PBES2), 3DES certificates (PKCS#12 PBE), SHA-1 MAC; EC key",
     export(SMALL + ["-keypbe", "AES-128-CBC", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1", "-inkey", "client.key", "-in", "client.pem",
                     "-certfile", "chain.pem", "-name", "client"], PASSWORD), PASSWORD),
    ("pbes2-des3-aes192.p12", "DES-EDE3-CBC key and AES-192 certificates (PBES2), SHA-384 MAC; Ed25519 key",
     export(SMALL + ["-keypbe", "DES-EDE3-CBC", "-certpbe", "AES-192-CBC", "-macalg", "sha384", "-inkey", "signer.key", "-in", "signer.pem",
                     "-certfile", "intermediate.pem", "-name", "signer"], PASSWORD), PASSWORD),
    ("pbe-2des-rc2-128.p12", "two-key 3DES key, RC2-128 certificates (PKCS#12 PBE)",
     export(["-legacy"] + SMALL + ["-keypbe", "PBE-SHA1-2DES", "-certpbe", "PBE-SHA1-RC2-128", "-inkey", "server.key", "-in", "server.pem",
                                   "-name", "server"], PASSWORD), PASSWORD),
    ("pbe-3des.p12", "3DES keys and certificates (PKCS#12 PBE), SHA-256 MAC",
     export(SMALL + ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-inkey", "client.key", "-in", "client.pem",
                     "-certfile", "chain.pem", "-name", "client"], PASSWORD), PASSWORD),
    ("unencrypted.p12", "`-keypbe NONE -certpbe NONE`: key and certificates in the clear, SHA-256 MAC",
     export(SMALL + ["-keypbe", "NONE", "-certpbe", "NONE", "-inkey", "server.key", "-in", "server.pem", "-certfile", "chain.pem",
                     "-name", "server"], PASSWORD), PASSWORD),
    ("sha512-mac.p12", "`-macalg sha512`",
     export(SMALL + ["-macalg", "sha512", "-inkey", "client.key", "-in", "client.pem", "-name", "client"], PASSWORD), PASSWORD),
    ("nomac.p12", "`-nomac`: no MAC, so the password is the one that decrypts (AES-256 certificates and key)",
     export(SMALL + ["-nomac", "-certpbe", "AES-256-CBC", "-inkey", "server.key", "-in", "server.pem", "-certfile", "chain.pem",
                     "-name", "server"], PASSWORD), PASSWORD),
    ("nomac-plain.p12", "no MAC and nothing encrypted: no password needed",
     export(["-nomac", "-keypbe", "NONE", "-certpbe", "NONE", "-inkey", "client.key", "-in", "client.pem", "-name", "client"], ""), ""),
    ("no-password.p12", "`-passout pass:`: the empty password",
     export(SMALL + ["-inkey", "client.key", "-in", "client.pem", "-certfile", "chain.pem", "-name", "client"], ""), ""),
    ("non-ascii.p12", "a non-ASCII password (Latin-1, CJK and a character outside the BMP)",
     export(SMALL + ["-inkey", "server.key", "-in", "server.pem", "-name", "server"], NON_ASCII_PASSWORD), NON_ASCII_PASSWORD),
    ("cert-only.p12", "`-nokeys`: two CA certificates, no key",
     export(SMALL + ["-nokeys", "-in", "cas.pem"], PASSWORD), PASSWORD),
]


# RFC 9579 Appendix A.1: a PKCS#12 file with a PBMAC1 MAC (HMAC-SHA-256, PBKDF2 with
# hmacWithSHA256, 2048 iterations); password `1234`. Copied from the RFC as published.
RFC9579_A1 = """
MIIKigIBAzCCCgUGCSqGSIb3DQEHAaCCCfYEggnyMIIJ7jCCBGIGCSqGSIb3DQEH
BqCCBFMwggRPAgEAMIIESAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqG
SIb3DQEFDDAcBAg9pxXxY2yscwICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQME
ASoEEK7yYaFQDi1pYwWzm9F/fs+AggPgFIT2XapyaFgDppdvLkdvaF3HXw+zjzKb
7xFC76DtVPhVTWVHD+kIss+jsj+XyvMwY0aCuAhAG/Dig+vzWomnsqB5ssw5/kTb
+TMQ5PXLkNeoBmB6ArKeGc/QmCBQvQG/a6b+nXSWmxNpP+71772dmWmB8gcSJ0kF
Fj75NrIbmNiDMCb71Q8gOzBMFf6BpXf/3xWAJtxyic+tSNETfOJa8zTZb0+lV0w9
5eUmDrPUpuxEVbb0KJtIc63gRkcfrPtDd6Ii4Zzbzj2Evr4/S4hnrQBsiryVzJWy
IEjaD0y6+DmG0JwMgRuGi1wBoGowi37GMrDCOyOZWC4n5wHLtYyhR6JaElxbrhxP
H46z2USLKmZoF+YgEQgYcSBXMgP0t36+XQocFWYi2N5niy02TnctwF430FYsQlhJ
Suma4I33E808dJuMv8T/soF66HsD4Zj46hOf4nWmas7IaoSAbGKXgIa7KhGRJvij
xM3WOX0aqNi/8bhnxSA7fCmIy/7opyx5UYJFWGBSmHP1pBHBVmx7Ad8SAsB9MSsh
nbGjGiUk4h0QcOi29/M9WwFlo4urePyI8PK2qtVAmpD3rTLlsmgzguZ69L0Q/CFU
fbtqsMF0bgEuh8cfivd1DYFABEt1gypuwCUtCqQ7AXK2nQqOjsQCxVz9i9K8NDeD
aau98VAl0To2sk3/VR/QUq0PRwU1jPN5BzUevhE7SOy/ImuJKwpGqqFljYdrQmj5
jDe+LmYH9QGVRlfN8zuU+48FY8CAoeBeHn5AAPml0PYPVUnt3/jQN1+v+CahNVI+
La8q1Nen+j1R44aa2I3y/pUgtzXRwK+tPrxTQbG030EU51LYJn8amPWmn3w75ZIA
MJrXWeKj44de7u4zdUsEBVC2uM44rIHM8MFjyYAwYsey0rcp0emsaxzar+7ZA67r
lDoXvvS3NqsnTXHcn3T9tkPRoee6L7Dh3x4Od96lcRwgdYT5BwyH7e34ld4VTUmJ
bDEq7Ijvn4JKrwQJh1RCC+Z/ObfkC42xAm7G010u3g08xB0Qujpdg4a7VcuWrywF
c7hLNquuaF4qoDaVwYXHH3iuX6YlJ/3siTKbYCVXPEZOAMBP9lF/OU76UMJBQNfU
0xjDx+3AhUVgnGuCsmYlK6ETDp8qOZKGyV0KrNSGtqLx3uMhd7PETeW+ML3tDQ/0
X9fMkcZHi4C2fXnoHV/qa2dGhBj4jjQ0Xh1poU6mxGn2Mebe2hDsBZkkBpnn7pK4
wP/VqXdQTwqEuvzGHLVFsCuADe40ZFBmtBrf70wG7ZkO8SUZ8Zz1IX3+S024g7yj
QRev/6x6TtkwggWEBgkqhkiG9w0BBwGgggV1BIIFcTCCBW0wggVpBgsqhkiG9w0B
DAoBAqCCBTEwggUtMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhTxzw+
VptrYAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEK9nSqc1I2t4tMVG
bWHpdtQEggTQzCwI7j34gCTvfj6nuOSndAjShGv7mN2j7WMV0pslTpq2b9Bn3vn1
Y0JMvL4E7sLrUzNU02pdOcfCnEpMFccNv2sQrLp1mOCKxu8OjSqHZLoKVL0ROVsZ
8dMECLLigDlPKRiSyLErl14tErX4/zbkUaWMROO28kFbTbubQ8YoHlRUwsKW1xLg
vfi0gRkG/zHXRfQHjX/8NStv7hXlehn7/Gy2EKPsRFhadm/iUHAfmCMkMgHTU248
JER9+nsXltd59H+IeDpj/kbxZ+YvHow9XUZKu828d3MQnUpLZ1BfJGhMBPVwbVUD
A40CiQBVdCoGtPJyalL28xoS3H0ILFCnwQOr6u0HwleNJPGHq78HUyH6Hwxnh0b0
5o163r6wTFZn5cMOxpbs/Ttd+3TrxmrYpd2XnuRme3cnaYJ0ILvpc/8eLLR7SKjD
T4JhZ0h/CfcV2WWvhpQugkY0pWrZ+EIMneB1dZB96mJVLxOi148OeSgi0PsxZMNi
YM33rTpwQT5WqOsEyDwUQpne5b8Kkt/s7EN0LJNnPyJJRL1LcqOdr6j+6YqRtPa7
a9oWJqMcuTP+bqzGRJh+3HDlFBw2Yzp9iadv4KmB2MzhStLUoi2MSjvnnkkd5Led
sshAd6WbKfF7kLAHQHT4Ai6dMEO4EKkEVF9JBtxCR4JEn6C98Lpg+Lk+rfY7gHOf
ZxtgGURwgXRY3aLUrdT55ZKgk3ExVKPzi5EhdpAau7JKhpOwyKozAp/OKWMNrz6h
obu2Mbn1B+IA60psYHHxynBgsJHv7WQmbYh8HyGfHgVvaA8pZCYqxxjpLjSJrR8B
Bu9H9xkTh7KlhxgreXYv19uAYbUd95kcox9izad6VPnovgFSb+Omdy6PJACPj6hF
W6PJbucP0YPpO0VtWtQdZZ3df1P0hZ7qvKwOPFA+gKZSckgqASfygiP9V3Zc8jIi
wjNzoDM2QT+UUJKiiGYXJUEOO9hxzFHlGj759DcNRhpgl5AgR57ofISD9yBuCAJY
PQ/aZHPFuRTrcVG3RaIbCAS73nEznKyFaLOXfzyfyaSmyhsH253tnyL1MejC+2bR
Eko/yldgFUxvU5JI+Q3KJ6Awj+PnduHXx71E4UwSuu2xXYMpxnQwI6rroQpZBX82
HhqgcLV83P8lpzQwPdHjH5zkoxmWdC0+jU/tcQfNXYpJdyoaX7tDmVclLhwl9ps/
O841pIsNLJWXwvxG6B+3LN/kw4QjwN194PopiOD7+oDm5mhttO78CrBrRxHMD/0Q
qniZjKzSZepxlZq+J792u8vtMnuzzChxu0Bf3PhIXcJNcVhwUtr0yKe/N+NvC0tm
p8wyik/BlndxN9eKbdTOi2wIi64h2QG8nOk66wQ/PSIJYwZl6eDNEQSzH/1mGCfU
QnUT17UC/p+Qgenf6Auap2GWlvsJrB7u/pytz65rtjt/ouo6Ih6EwWqwVVpGXZD0
7gVWH0Ke/Vr6aPGNvkLcmftPuDZsn9jiig3guhdeyRVf10Ox369kKWcG75q77hxE
IzSzDyUlBNbnom9SIjut3r+qVYmWONatC6q/4D0I42Lnjd3dEyZx7jmH3g/S2ASM
FzWr9pvXc61dsYOkdZ4PYa9XPUZxXFagZsoS3F1sU799+IJVU0tC0MExJTAjBgkq
hkiG9w0BCRUxFgQUwWO5DorvVWYF3BWUmAw0rUEajScwfDBtMEkGCSqGSIb3DQEF
DjA8MCwGCSqGSIb3DQEFDDAfBAhvRzw4sC4xcwICCAACASAwDAYIKoZIhvcNAgkF
ADAMBggqhkiG9w0CCQUABCB6pW2FOdcCNj87zS64NUXG36K5aXDnFHctIk5Bf4kG
3QQITk9UIFVTRUQCAQE=
"""


def main():
    output = HERE
    records = {}
    readme = []
    with tempfile.TemporaryDirectory() as folder:
        make_material(folder)
        for file_name, note, arguments, password in FIXTURES:
            path = os.path.join(output, file_name)
            openssl(arguments + ["-out", path], folder)
            records[file_name] = describe(path, folder, password)
            shown = " ".join(a if a != pass_argument(password) else "pass:" + password for a in arguments)
            readme.append((file_name, note, "openssl %s -out %s" % (shown, file_name)))

        # Two keys with their chains plus a CA: OpenSSL exports one key per file, so two -nomac
        # files are merged here and given a SHA-256 MAC (16 iterations) computed by this script.
        part_a = os.path.join(folder, "part-a.p12")
        part_b = os.path.join(folder, "part-b.p12")
        openssl(export(SMALL + ["-nomac", "-certpbe", "AES-256-CBC", "-inkey", "server.key", "-in", "server.pem", "-certfile", "chain.pem",
                                "-name", "server"], PASSWORD) + ["-out", part_a], folder)
        openssl(export(["-legacy"] + SMALL + ["-nomac", "-certpbe", "PBE-SHA1-RC2-40", "-inkey", "client.key", "-in", "client.pem",
                                              "-certfile", "other-ca.pem", "-name", "client"], PASSWORD) + ["-out", part_b], folder)
        safes = b""
        for part in (part_a, part_b):
            with open(part, "rb") as handle:
                inner = authenticated_safe(handle.read())
            _, start, end = read(inner)
            safes += inner[start:end]
        merged = tlv(0x30, safes)
        with open(os.path.join(output, "multi.p12"), "wb") as handle:
            handle.write(pfx_with(merged, classic_mac(merged, PASSWORD, 16)))
        records["multi.p12"] = describe(os.path.join(output, "multi.p12"), folder, PASSWORD)
        readme.append(("multi.p12", "two keys (RSA and EC) with their chains plus another CA; AES-256 and RC2-40 certificate safes",
                       "the authenticated safes of `openssl pkcs12 -export -iter 16 -nomac -certpbe AES-256-CBC -inkey server.key -in server.pem "
                       "-certfile chain.pem -name server` and `openssl pkcs12 -export -legacy -iter 16 -nomac -certpbe PBE-SHA1-RC2-40 "
                       "-inkey client.key -in client.pem -certfile other-ca.pem -name client` (both `-passout pass:%s`) joined, with a "
                       "SHA-256 MAC (16 iterations) computed by make-pkcs12.py" % PASSWORD))

        # BER: nomac.p12 with indefinite lengths and constructed OCTET STRINGs throughout.
        with open(os.path.join(output, "nomac.p12"), "rb") as handle:
            nomac = handle.read()
        with open(os.path.join(output, "ber.p12"), "wb") as handle:
            handle.write(ber_pfx(nomac))
        records["ber.p12"] = describe(os.path.join(output, "ber.p12"), folder, PASSWORD)
        readme.append(("ber.p12", "BER: indefinite lengths, constructed OCTET STRINGs (also the encrypted content)",
                       "nomac.p12 re-encoded in BER by make-pkcs12.py"))

        # PBMAC1 (RFC 9579): nomac.p12 given a PBMAC1 MAC. OpenSSL 3.0 cannot verify it, so
        # OpenSSL reads it with -nomacver; the integrity is what this script wrote.
        with open(os.path.join(output, "pbmac1.p12"), "wb") as handle:
            handle.write(pfx_with(authenticated_safe(nomac), pbmac1_mac(authenticated_safe(nomac), PASSWORD, 16)))
        records["pbmac1.p12"] = describe(os.path.join(output, "pbmac1.p12"), folder, PASSWORD, nomacver=True)
        records["pbmac1.p12"]["integrity"] = {"algorithm": "pbmac1", "iterations": 16}
        readme.append(("pbmac1.p12", "PBMAC1 MAC (PBKDF2-HMAC-SHA-256, 16 iterations, HMAC-SHA-256), password as UTF-8",
                       "nomac.p12 given a PBMAC1 MacData by make-pkcs12.py"))

    # The RFC 9579 vector, read by OpenSSL without checking its MAC (3.0 cannot).
    with open(os.path.join(output, "rfc9579-a1.p12"), "wb") as handle:
        handle.write(base64.b64decode("".join(RFC9579_A1.split())))
    with tempfile.TemporaryDirectory() as folder:
        records["rfc9579-a1.p12"] = describe(os.path.join(output, "rfc9579-a1.p12"), folder, "1234", nomacver=True)
    records["rfc9579-a1.p12"]["integrity"] = {"algorithm": "pbmac1", "iterations": 2048}
    readme.append(("rfc9579-a1.p12", "RFC 9579 Appendix A.1: PBMAC1 (HMAC-SHA-256, PBKDF2-HMAC-SHA-256, 2048 iterations); password `1234`",
                   "the base64 of RFC 9579 A.1, kept in make-pkcs12.py"))

    # Hostile input.
    with open(os.path.join(output, "default.p12"), "rb") as handle:
        default = handle.read()
    with open(os.path.join(output, "truncated.pfx"), "wb") as handle:
        handle.write(default[: len(default) // 2])
    readme.append(("truncated.pfx", "the first half of default.p12", "make-pkcs12.py: the first %d bytes of default.p12" % (len(default) // 2)))
    with open(os.path.join(output, "random.pfx"), "wb") as handle:
        handle.write(random.Random(20260101).randbytes(1500))
    readme.append(("random.pfx", "1500 random bytes", "make-pkcs12.py: `random.Random(20260101).randbytes(1500)`"))
    records["truncated.pfx"] = {"malformed": True}
    records["random.pfx"] = {"malformed": True}

    for file_name in os.listdir(output):
        if file_name.endswith((".p12", ".pfx")):
            os.chmod(os.path.join(output, file_name), 0o644)
    with open(os.path.join(output, "expected.json"), "w") as handle:
        json.dump(records, handle, indent=2, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    write_readme(output, readme)
    certigo(output)


def certigo(output):
    corpora = os.environ.get("CERTLINT_CORPORA") or os.path.join(REPOSITORY, "..", "shared", "corpora")
    folder = os.path.join(corpora, "certigo")
    if not os.path.isdir(folder):
        print("no certigo corpus at %s; certigo-expected.json left as it is" % folder)
        return
    records = {}
    for file_name in sorted(f for f in os.listdir(folder) if f.endswith(".p12")):
        path = os.path.join(folder, file_name)
        arguments = ["-legacy", "-passin", "pass:password"]
        certs = openssl(["pkcs12", "-in", path, "-nokeys"] + arguments, folder).stdout.decode()
        keys = openssl(["pkcs12", "-in", path, "-nocerts", "-nodes"] + arguments, folder).stdout.decode()
        records[file_name] = {
            "fingerprints": certificates_in(certs),
            "keys": len(re.findall(r"-----BEGIN PRIVATE KEY-----", keys)),
        }
        del keys
    with open(os.path.join(output, "certigo-expected.json"), "w") as handle:
        json.dump(records, handle, indent=2, sort_keys=True)
        handle.write("\n")


def write_readme(output, rows):
    lines = [
        "# PKCS#12 fixtures",
        "",
        "Made by `python3 Tests/Fixtures/keystores/pkcs12/make-pkcs12.py` (Python `cryptography` for the",
        "certificates and keys, `openssl pkcs12 -export` from OpenSSL 3 for the keystores); rerun it to",
        "remake them all. The keys are new on every run; expected.json is rewritten with them.",
        "",
        "The certificates: `CertLint PKCS12 Test Root CA` (EC P-384) issues `CertLint PKCS12 Test",
        "Intermediate CA` (EC P-256), which issues `server.example.test` (RSA 2048), `client.example.test`",
        "(EC P-256) and `signer.example.test` (Ed25519); `CertLint PKCS12 Other CA` (RSA 2048) stands",
        "alone. Leaves are valid 2026-01-01 to 2027-01-01, CAs to 2036-01-01. `chain.pem` is the",
        "intermediate then the root; `cas.pem` the root and the other CA.",
        "",
        "expected.json records, for each keystore, what OpenSSL says it holds: the SHA-256 fingerprints",
        "of the certificates `openssl pkcs12 -nokeys` prints, the algorithm and size of each key",
        "`-nocerts -nodes` prints (never the key), the friendly names, the protections and MAC",
        "`-info` reports, and the password (test fixtures only). certigo-expected.json does the same",
        "(fingerprints and key counts) for `$CERTLINT_CORPORA/certigo/*.p12`, read in place.",
        "",
        "Passwords: `%s` unless the line says otherwise." % PASSWORD,
        "",
        "| file | what | made by |",
        "|---|---|---|",
    ]
    for file_name, note, command in rows:
        shown = command.replace("|", "\\|")
        lines.append("| `%s` | %s | %s |" % (file_name, note, "`%s`" % shown if command.startswith("openssl ") else shown))
    lines.append("")
    with open(os.path.join(output, "README.md"), "w") as handle:
        handle.write("\n".join(lines))


if __name__ == "__main__":
    if shutil.which("openssl") is None:
        sys.exit("openssl is needed")
    main()
