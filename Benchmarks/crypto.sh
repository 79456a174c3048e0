#!/usr/bin/env bash
# The keystore primitives against OpenSSL on this machine, in one run: SHA-256 over 64 MiB,
# PBKDF2-HMAC-SHA-256 with 100,000 iterations (Python's hashlib, which calls OpenSSL), and
# AES-256-CBC decryption of 64 MiB (`openssl enc -d`). Prints each time and the ratio
# certlint / OpenSSL (issue 5's target: at most 4), and whether the CPU has the SHA and AES
# instructions OpenSSL uses. Usage: Benchmarks/crypto.sh [--rounds N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds=5
[ "${1:-}" = "--rounds" ] && rounds="$2"
swift build -c release --package-path "$root" --product CertLintCryptoBenchmarks >/dev/null
bin="$(swift build -c release --package-path "$root" --show-bin-path)/CertLintCryptoBenchmarks"
ours=$("$bin" --rounds "$rounds")
echo "$ours"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c $((64 << 20)) /dev/urandom >"$work/data"
python3 - "$work/data" "$rounds" "$ours" <<'PY'
import hashlib, subprocess, sys, time
path, rounds, ours = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def best(f):
    t = float("inf")
    for _ in range(rounds):
        s = time.perf_counter(); f(); t = min(t, time.perf_counter() - s)
    return t
data = open(path, "rb").read()
sha = best(lambda: hashlib.sha256(data).digest())
pbkdf2 = best(lambda: hashlib.pbkdf2_hmac("sha256", b"password", b"salt" * 4, 100000, 32))
key, iv = "11" * 32, "22" * 16
aes = best(lambda: subprocess.run(["openssl", "enc", "-d", "-aes-256-cbc", "-K", key, "-iv", iv, "-nopad", "-in", path, "-out", "/dev/null"], check=True))
def ours_seconds(prefix):
    line = next(l for l in ours.splitlines() if l.startswith(prefix))
    return float(line.split(": ")[1].split(" s")[0])
flags = open("/proc/cpuinfo").read().split()
print(f"openssl: sha256 {sha:.3f} s, pbkdf2 {pbkdf2:.3f} s (hashlib), aes-256-cbc decrypt {aes:.3f} s (openssl enc, whole process)")
print(f"cpu: sha_ni={'sha_ni' in flags} aes={'aes' in flags}")
for name, prefix, theirs in [("sha256 64 MiB", "sha256 64", sha), ("pbkdf2", "pbkdf2", pbkdf2), ("aes-256-cbc 64 MiB", "aes-256-cbc decrypt 64", aes)]:
    mine = ours_seconds(prefix)
    print(f"{name}: certlint / openssl = {mine / theirs:.1f}x")
# In cache: `openssl speed` on 16 KiB buffers against the same pieces here (MiB/s).
def speed(args):
    out = subprocess.run(["openssl", "speed", "-elapsed", "-seconds", "1", "-bytes", "16384"] + args, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1].split()[-1].rstrip("k")) * 1000 / (1 << 20)
def ours_rate(prefix):
    line = next(l for l in ours.splitlines() if l.startswith(prefix))
    return float(line.split(": ")[1].split(" MiB/s")[0])
for name, prefix, args in [("sha256 16 KiB", "sha256 16 KiB", ["-evp", "sha256"]), ("aes-256-cbc 16 KiB", "aes-256-cbc decrypt 16 KiB", ["-evp", "aes-256-cbc", "-decrypt"])]:
    theirs = speed(args)
    mine = ours_rate(prefix)
    print(f"{name}: openssl speed {theirs:.0f} MiB/s, certlint {mine:.0f} MiB/s: certlint / openssl = {theirs / mine:.1f}x")
PY
