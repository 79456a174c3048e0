#!/usr/bin/env bash
# `swift package lint-certs` as a package that depends on certlint runs it: copies
# Examples/plugin-consumer, points its dependency at this checkout, and checks
#   - the clean package: status 0, no finding;
#   - with a 1024-bit RSA certificate added under Sources/Billing: a non-zero status and the
#     compiler-style diagnostic for it;
#   - --target OrdersApp narrows the report (status 0, the Billing finding not shown), and
#     --target Billing shows it;
#   - --format sarif --output FILE (outside the package) writes SARIF that validates against the
#     2.1.0 schema (Python's jsonschema in a throwaway virtualenv; schema from CERTLINT_CORPORA).
# Fails loudly; never skips. Run by .ci/run after swift test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
schema="${CERTLINT_CORPORA:?CERTLINT_CORPORA must name the shared corpora (for the SARIF schema)}/sarif/sarif-schema-2.1.0.json"
[ -f "$schema" ] || { echo "plugin.sh: error: $schema is missing" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp -R "$root/Examples/plugin-consumer" "$work/consumer"
rm -rf "$work/consumer/.build"
sed -i.orig "s#.package(path: \"../..\")#.package(path: \"$root\")#" "$work/consumer/Package.swift"
cd "$work/consumer"

fail() { echo "plugin.sh: FAIL: $1" >&2; cat "$work/out.txt" >&2; exit 1; }
run() { # expected status class (zero|nonzero), arguments…
    local expect="$1"; shift
    set +e
    swift package lint-certs "$@" >"$work/out.txt" 2>&1
    local status=$?
    set -e
    if [ "$expect" = zero ] && [ "$status" -ne 0 ]; then fail "lint-certs $* exited $status, expected 0"; fi
    if [ "$expect" = nonzero ] && [ "$status" -eq 0 ]; then fail "lint-certs $* exited 0, expected a failure"; fi
    return 0
}

run zero --at 2026-11-23
grep -q "0 errors, 0 warnings, 0 notes" "$work/out.txt" || fail "the clean package reported findings"
echo "ok   clean package: status 0, no finding"

cp "$root/Tests/Fixtures/x509/generated/key-rsa-1024.der" Sources/Billing/tls/legacy.der
run nonzero --at 2026-11-23
grep -q "Sources/Billing/tls/legacy.der:1:1: error: .*1024-bit RSA key.*\[rsa-key-too-small\]" "$work/out.txt" \
    || fail "no compiler-style diagnostic for the weak certificate"
echo "ok   broken package: non-zero, $(grep -o 'Sources/Billing/tls/legacy.der:1:1: error: [^[]*\[rsa-key-too-small\]' "$work/out.txt")"

run zero --target OrdersApp --at 2026-11-23
! grep -q "legacy.der" "$work/out.txt" || fail "--target OrdersApp still shows the Billing finding"
run nonzero --target Billing --at 2026-11-23
grep -q "legacy.der" "$work/out.txt" || fail "--target Billing does not show its finding"
echo "ok   --target narrows the report"

run nonzero --at 2026-11-23 --format sarif --output "$work/certs.sarif"
[ -s "$work/certs.sarif" ] || fail "no SARIF written"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "jsonschema>=4,<5"
"$work/venv/bin/python" - "$schema" "$work/certs.sarif" <<'PY' || { echo "plugin.sh: FAIL: the SARIF output is not valid" >&2; exit 1; }
import json, sys, jsonschema
schema, sarif = (json.load(open(p)) for p in sys.argv[1:3])
jsonschema.Draft4Validator(schema).validate(sarif)
results = sarif["runs"][0]["results"]
assert any(r["ruleId"] == "rsa-key-too-small" for r in results), "the finding is not in the SARIF"
print(f"ok   --format sarif: valid SARIF 2.1.0 with {len(results)} results")
PY
