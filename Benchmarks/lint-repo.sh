#!/usr/bin/env bash
# End-to-end lint of a generated repository: 10,000 files (2,000 certificates, 500 manifests of
# every format certlint reads, the rest unrelated source files), made by Benchmarks/make-repo.py.
# Runs the release build of `certlint lint` on it several times on every core, then pinned to
# one core (where `taskset` exists), and prints the best and median wall times.
#
#   Benchmarks/lint-repo.sh [--runs N] [--repo DIR]
#
# Target (issue 4): under 1 second wall time with both cores of the reference machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=7
repo="${TMPDIR:-/tmp}/certlint-bench-repo"
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--repo DIR]" >&2; exit 2 ;;
    esac
done
swift build -c release --package-path "$root" --product certlint >/dev/null
bin="$(swift build -c release --package-path "$root" --show-bin-path)/certlint"
[ -f "$repo/.certlint.yml" ] || python3 "$root/Benchmarks/make-repo.py" "$repo"

measure() { # label, command prefix…
    local label="$1"; shift
    python3 - "$label" "$runs" "$@" "$bin" lint "$repo" --at 2026-11-23 --format json --output /dev/null <<'EOF'
import statistics, subprocess, sys, time
label, runs, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
subprocess.run(command, stdout=subprocess.DEVNULL)  # warm the file cache
times = []
for _ in range(runs):
    start = time.perf_counter()
    status = subprocess.run(command, stdout=subprocess.DEVNULL).returncode
    times.append(time.perf_counter() - start)
    if status not in (0, 1):
        sys.exit(f"certlint exited with {status}")
print(f"{label}: best {min(times):.3f} s, median {statistics.median(times):.3f} s over {runs} runs")
EOF
}

files=$(find "$repo" -type f | wc -l)
echo "repository: $repo ($files files)"
{ "$bin" lint "$repo" --at 2026-11-23 --format text || true; } | tail -1  # status 1: it has findings
measure "all cores ($(nproc))"
if command -v taskset >/dev/null; then measure "one core" taskset -c 0; fi
