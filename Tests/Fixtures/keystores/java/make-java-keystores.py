#!/usr/bin/env python3
"""Makes the Java keystore fixtures (JKS, JCEKS, and keytool's PKCS12) and their expectations.

Run from anywhere (rerunnable; every output is rewritten):

    python3 Tests/Fixtures/keystores/java/make-java-keystores.py            # fixtures + certigo
    python3 Tests/Fixtures/keystores/java/make-java-keystores.py --certigo  # certigo-expected.json only

Needs Python 3.11+ with `cryptography` (48) and a JDK's `keytool` (17). Certificates and keys are
made with `cryptography` with fixed dates (2026-01-01 .. 2027-01-01); keys are random, so a rerun
changes keys, signatures and fingerprints, but everything one run writes is consistent. The entry
timestamps inside the keystores are keytool's clock. The expectations are what keytool itself
prints (`keytool -list -rfc`), never what this script meant to write.

The certigo step lists `$CERTLINT_CORPORA/certigo/*.jceks` (default ../shared/corpora, relative to
the repository root) with keytool and writes certigo-expected.json; corpus files are never copied.
"""
import base64
import datetime
import hashlib
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
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
NOT_BEFORE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
PASSWORD = "changeit"
# Always English, UTF-8 output from keytool, whatever the machine's locale.
JAVA_OPTIONS = ["-J-Duser.language=en", "-J-Duser.country=US", "-J-Dfile.encoding=UTF-8",
                "-J-Dsun.stdout.encoding=UTF-8", "-J-Dstdout.encoding=UTF-8"]

# (file, format, password, how it was made) for README.md, filled in as files are written.
MADE = []


def keytool(*args, check=True):
    result = subprocess.run(["keytool", *JAVA_OPTIONS, *args], capture_output=True,
                            env={**os.environ, "LC_ALL": "C.UTF-8"})
    if check and result.returncode != 0:
        sys.exit("keytool %s failed:\n%s%s" % (" ".join(args), result.stdout.decode(), result.stderr.decode()))
    return result


def name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certlint fixtures"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def certificate(subject, key, issuer=None, issuer_key=None, ca=False, dns=None):
    issuer = issuer or subject
    issuer_key = issuer_key or key
    builder = (x509.CertificateBuilder()
               .subject_name(name(subject)).issuer_name(name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(NOT_BEFORE).not_valid_after(NOT_AFTER)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False),
            critical=True)
    else:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(dns)]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def write_pem(directory, file, cert):
    path = os.path.join(directory, file)
    with open(path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return path


def write_p12(directory, file, key, chain, alias):
    """A PKCS#12 made by cryptography, only as keytool's source for -importkeystore."""
    path = os.path.join(directory, file)
    data = pkcs12.serialize_key_and_certificates(
        alias.encode(), key, chain[0], chain[1:], serialization.BestAvailableEncryption(PASSWORD.encode()))
    with open(path, "wb") as f:
        f.write(data)
    return path


def out(file):
    return os.path.join(HERE, file)


def import_key(store, store_type, source_p12, alias, password=PASSWORD):
    keytool("-importkeystore", "-noprompt", "-srckeystore", source_p12, "-srcstoretype", "PKCS12",
            "-srcstorepass", PASSWORD, "-srcalias", alias, "-destalias", alias,
            "-destkeystore", out(store), "-deststoretype", store_type, "-deststorepass", password,
            "-destkeypass", password)
    return ("keytool -importkeystore -srckeystore %s.p12 -srcstoretype PKCS12 -srcalias %s -destalias %s "
            "-destkeystore %s -deststoretype %s -deststorepass %s -destkeypass %s"
            % (alias, alias, alias, store, store_type, password, password))


def import_cert(store, store_type, pem, alias, password=PASSWORD):
    keytool("-importcert", "-noprompt", "-alias", alias, "-file", pem,
            "-keystore", out(store), "-storetype", store_type, "-storepass", password)
    return ("keytool -importcert -noprompt -alias %s -file %s -keystore %s -storetype %s -storepass %s"
            % (alias, os.path.basename(pem), store, store_type, password))


def remove(file):
    if os.path.exists(out(file)):
        os.remove(out(file))


def listing(path, store_type, password):
    """What `keytool -list -rfc` prints, as {alias: {"kind", "fingerprints"}}."""
    result = keytool("-list", "-rfc", "-keystore", path, "-storetype", store_type, "-storepass", password)
    text = result.stdout.decode("utf-8")
    entries = {}
    blocks = re.split(r"^Alias name: ", text, flags=re.M)[1:]
    kinds = {"PrivateKeyEntry": "private-key", "trustedCertEntry": "trusted-certificate",
             "SecretKeyEntry": "secret-key"}
    for block in blocks:
        alias = block.split("\n", 1)[0]
        kind = re.search(r"^Entry type: (\S+)", block, flags=re.M).group(1)
        fingerprints = []
        for pem in re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", block, flags=re.S):
            # The PEM body as is (not re-encoded by a parser that may refuse odd certificates).
            der = base64.b64decode("".join(pem.splitlines()[1:-1]))
            fingerprints.append(hashlib.sha256(der).hexdigest())
        entries[alias] = {"kind": kinds[kind], "fingerprints": fingerprints}
    count = int(re.search(r"^Your keystore contains (\d+) entr", text, flags=re.M).group(1))
    assert count == len(entries), "keytool listed %d entries but %d were parsed" % (count, len(entries))
    return entries


def resign_with_empty_password(source, target):
    """keytool refuses passwords shorter than 6 characters, so the empty-password keystore is an
    ordinary one whose trailing keyed SHA-1 digest is recomputed for the password "" (the digest is
    SHA1(UTF-16BE(password) || "Mighty Aphrodite" || body); the key entries keep their own key
    password, which listing does not need)."""
    with open(out(source), "rb") as f:
        body = f.read()[:-20]
    digest = hashlib.sha1("".encode("utf-16-be") + b"Mighty Aphrodite" + body).digest()
    with open(out(target), "wb") as f:
        f.write(body + digest)


def make_fixtures():
    os.makedirs(HERE, exist_ok=True)
    for file in os.listdir(HERE):
        if file.endswith((".jks", ".jceks", ".p12")):
            os.remove(out(file))
    work = tempfile.mkdtemp(prefix="certlint-java-keystores-")
    try:
        # A root and an intermediate CA, an RSA and an EC server certificate under them, and three
        # unrelated roots for the truststores.
        root_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
        root = certificate("Java Fixture Root CA", root_key, ca=True)
        inter_key = ec.generate_private_key(ec.SECP384R1())
        inter = certificate("Java Fixture Intermediate CA", inter_key, "Java Fixture Root CA", root_key, ca=True)
        rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        rsa_leaf = certificate("rsa.example.test", rsa_key, "Java Fixture Intermediate CA", inter_key, dns="rsa.example.test")
        ec_key = ec.generate_private_key(ec.SECP256R1())
        ec_leaf = certificate("ec.example.test", ec_key, "Java Fixture Intermediate CA", inter_key, dns="ec.example.test")
        trust = []
        for index, key in enumerate([rsa.generate_private_key(public_exponent=65537, key_size=2048),
                                     ec.generate_private_key(ec.SECP256R1()),
                                     ec.generate_private_key(ec.SECP521R1())]):
            trust.append(certificate("Java Fixture Trust Anchor %d" % (index + 1), key, ca=True))

        rsa_p12 = write_p12(work, "server-rsa.p12", rsa_key, [rsa_leaf, inter, root], "server-rsa")
        ec_p12 = write_p12(work, "server-ec.p12", ec_key, [ec_leaf, inter], "server-ec")
        unicode_p12 = write_p12(work, "unicode.p12", ec_key, [ec_leaf, inter], "unicode")
        root_pem = write_pem(work, "root-ca.pem", root)
        trust_pems = [write_pem(work, "trust-anchor-%d.pem" % (i + 1), c) for i, c in enumerate(trust)]

        for store_type, extension in [("JKS", "jks"), ("JCEKS", "jceks")]:
            lower = store_type.lower()
            # A key store: an RSA key with a three-certificate chain, an EC key with a two-certificate chain.
            store = "keys.%s" % extension
            steps = [import_key(store, store_type, rsa_p12, "server-rsa"),
                     import_key(store, store_type, ec_p12, "server-ec")]
            MADE.append((store, lower, PASSWORD, steps))
            # A truststore: the fixture root and three unrelated roots, trusted-certificate entries only.
            store = "truststore.%s" % extension
            steps = [import_cert(store, store_type, root_pem, "fixture-root")]
            for index, pem in enumerate(trust_pems):
                steps.append(import_cert(store, store_type, pem, "trust-anchor-%d" % (index + 1)))
            MADE.append((store, lower, PASSWORD, steps))
            # Non-ASCII aliases: Latin-1, CJK, and a character outside the BMP (a surrogate pair in
            # Java's modified UTF-8). JKS and JCEKS keep aliases lower-cased.
            store = "unicode-alias.%s" % extension
            steps = [import_key(store, store_type, unicode_p12, "unicode"),
                     import_cert(store, store_type, trust_pems[0], "zertifikat-größe-証明書"),
                     import_cert(store, store_type, trust_pems[1], "anchor-\U0001F511")]
            steps = steps[:1] + ["keytool -changealias -alias unicode -destalias schlüssel-鍵 -keystore %s "
                                 "-storetype %s -storepass %s -keypass %s" % (store, store_type, PASSWORD, PASSWORD)] + steps[1:]
            keytool("-changealias", "-alias", "unicode", "-destalias", "schlüssel-鍵", "-keystore", out(store),
                    "-storetype", store_type, "-storepass", PASSWORD, "-keypass", PASSWORD)
            MADE.append((store, lower, PASSWORD, steps))
            # The empty password (keytool itself refuses it).
            source, store = "truststore.%s" % extension, "empty-password.%s" % extension
            resign_with_empty_password(source, store)
            MADE.append((store, lower, "", ["%s with its digest recomputed for the empty password by "
                                             "resign_with_empty_password() (keytool refuses passwords under "
                                             "6 characters)" % source]))

        # A JCEKS secret key entry (a serialized Java object) between a key and a certificate.
        store = "secret-key.jceks"
        steps = [import_key(store, "JCEKS", ec_p12, "server-ec")]
        keytool("-genseckey", "-alias", "aes-key", "-keyalg", "AES", "-keysize", "256", "-keystore", out(store),
                "-storetype", "JCEKS", "-storepass", PASSWORD, "-keypass", PASSWORD)
        steps.append("keytool -genseckey -alias aes-key -keyalg AES -keysize 256 -keystore %s -storetype JCEKS "
                     "-storepass %s -keypass %s" % (store, PASSWORD, PASSWORD))
        steps.append(import_cert(store, "JCEKS", root_pem, "fixture-root"))
        MADE.append((store, "jceks", PASSWORD, steps))

        # keytool's default type, PKCS12: a key entry and trusted certificates (read by the PKCS#12 reader).
        store = "keytool-default.p12"
        steps = [import_key(store, "PKCS12", rsa_p12, "server-rsa"),
                 import_cert(store, "PKCS12", root_pem, "fixture-root"),
                 import_cert(store, "PKCS12", trust_pems[1], "trust-anchor-2")]
        MADE.append((store, "pkcs12", PASSWORD, steps))
        store = "keytool-truststore.p12"
        steps = [import_cert(store, "PKCS12", pem, "trust-anchor-%d" % (i + 1)) for i, pem in enumerate(trust_pems)]
        MADE.append((store, "pkcs12", PASSWORD, steps))
    finally:
        shutil.rmtree(work)

    expected = []
    for file, fmt, password, _ in MADE:
        expected.append({"file": file, "format": fmt, "password": password,
                         "entries": listing(out(file), fmt.upper(), password)})

    # Damaged files (no expectation beyond "malformed").
    with open(out("keys.jks"), "rb") as f:
        keys = f.read()
    with open(out("truncated.jks"), "wb") as f:
        f.write(keys[:len(keys) // 2])
    MADE.append(("truncated.jks", "jks", None, ["the first half (%d of %d bytes) of keys.jks" % (len(keys) // 2, len(keys))]))
    generator = random.Random(20260101)
    with open(out("random.jks"), "wb") as f:
        f.write(bytes(generator.randrange(256) for _ in range(2048)))
    MADE.append(("random.jks", "jks", None, ["2048 bytes from Python's random.Random(20260101)"]))
    with open(out("random-after-magic.jks"), "wb") as f:
        f.write(bytes([0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2]) + bytes(generator.randrange(256) for _ in range(2040)))
    MADE.append(("random-after-magic.jks", "jks", None,
                 ["FEEDFEED 00000002, then 2040 more bytes from the same random.Random(20260101)"]))
    damaged = [{"file": file, "format": fmt, "error": "malformed"} for file, fmt, password, _ in MADE if password is None]

    with open(out("expected.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "make-java-keystores.py", "keystores": expected, "damaged": damaged},
                  f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    write_readme()


def write_readme():
    rows = []
    for file, fmt, password, steps in MADE:
        shown = "—" if password is None else ("`%s`" % password if password else "(empty)")
        rows.append("| `%s` | %s | %s | %s |" % (file, fmt, shown, "<br>".join("`%s`" % s if s.startswith("keytool") else s for s in steps)))
    with open(out("README.md"), "w", encoding="utf-8") as f:
        f.write("""# Java keystore fixtures

Written by `make-java-keystores.py` (this folder; Python 3.11+, `cryptography` 48, JDK 17 `keytool`).
Rerun from the repository root:

    python3 Tests/Fixtures/keystores/java/make-java-keystores.py

Certificates (fixed validity 2026-01-01 .. 2027-01-01; random keys) are made with `cryptography`:
a root CA (RSA 3072), an intermediate CA (EC P-384), `rsa.example.test` (RSA 2048) and
`ec.example.test` (EC P-256) under the intermediate, and three unrelated roots
(`Java Fixture Trust Anchor 1..3`: RSA 2048, EC P-256, EC P-521). Key entries come from PKCS#12
files that `cryptography` writes into a temporary folder (`server-rsa.p12`: key, leaf, intermediate,
root; `server-ec.p12` and `unicode.p12`: key, leaf, intermediate), imported with
`keytool -importkeystore`. Every password is `changeit` unless the table says otherwise; key
passwords equal store passwords.

## The oracle: `expected.json`

`keystores`: for each file, `format` (`jks`, `jceks`, `pkcs12`), `password` (fixtures only), and
`entries`: per alias, the entry type and the SHA-256 fingerprints (lowercase hex of the DER) of its
certificates, leaf first, all parsed from what `keytool -list -rfc -keystore F -storepass P
-storetype T` prints (`PrivateKeyEntry` → `private-key`, `trustedCertEntry` →
`trusted-certificate`, `SecretKeyEntry` → `secret-key`). `damaged`: files that must be rejected
as malformed. The `pkcs12` files are for the PKCS#12 reader; the Java reader's tests read only the
`jks` and `jceks` ones.

`certigo-expected.json` has the same `entries` for each `$CERTLINT_CORPORA/certigo/*.jceks`
(listed with `keytool -list -rfc -storetype JCEKS -storepass password`); the corpus files stay
where they are.

## Files

| file | format | password | how it was made |
|---|---|---|---|
""" + "\n".join(rows) + """
| `expected.json` | | | `make_fixtures()`: `listing()` of every file above that has a password |
| `certigo-expected.json` | | | `make_certigo()`: `listing()` of each certigo `.jceks` with the password `password` |
""")


def make_certigo():
    corpora = os.environ.get("CERTLINT_CORPORA", os.path.join(ROOT, "..", "shared", "corpora"))
    folder = os.path.join(corpora, "certigo")
    if not os.path.isdir(folder):
        print("no certigo corpus at %s; certigo-expected.json left as it is" % folder)
        return
    files = sorted(f for f in os.listdir(folder) if f.endswith(".jceks"))
    result = {f: {"entries": listing(os.path.join(folder, f), "JCEKS", "password")} for f in files}
    with open(out("certigo-expected.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "make-java-keystores.py (make_certigo)", "password": "password", "keystores": result},
                  f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    if "--certigo" not in sys.argv:
        make_fixtures()
    make_certigo()
