#!/usr/bin/env bash
# Measures certlint and apple/swift-certificates on the same corpus in one run (release builds),
# and prints the ratio of certificates per second. Usage: Benchmarks/run.sh [--seconds S]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
swift build -c release --package-path "$root" --product CertLintBenchmarks >/dev/null
swift build -c release --package-path "$root/Benchmarks" --product SwiftCertificatesBaseline >/dev/null
ours=$("$root/.build/release/CertLintBenchmarks" --only "PEM →" "$@" | tee /dev/stderr | awk '/PEM →/ {for (i=1;i<=NF;i++) if ($i=="certificates/s") print $(i-1)}')
theirs=$("$root/Benchmarks/.build/release/SwiftCertificatesBaseline" "$@" | tee /dev/stderr | awk '{for (i=1;i<=NF;i++) if ($i=="certificates/s") print $(i-1)}')
python3 -c "print(f'certlint / swift-certificates: {$ours / $theirs:.1f}x')"
