#!/usr/bin/env bash
# The pre-commit hook as a user runs it: installs pre-commit from PyPI into a virtual
# environment, points a throwaway git repository at this checkout (its committed HEAD), commits
# a certificate with a 1024-bit RSA key (the hook must fail and show the finding), then a good
# certificate (the hook must pass). Fails loudly; never skips. Run by .ci/run after swift test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "pre-commit>=4,<5"
export PRE_COMMIT_HOME="$work/cache"
rev="$(git -C "$root" rev-parse HEAD)"

repo="$work/repo"
mkdir "$repo"
cd "$repo"
git init -q .
git config user.email ci@example.invalid
git config user.name "certlint CI"
# --at pins the time, so the good certificate stays good whatever the date.
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: certlint
        args: [--at, "2026-11-23"]
YAML
git add .pre-commit-config.yaml
git commit -q --no-verify -m "pre-commit configuration"
"$work/venv/bin/pre-commit" install >/dev/null

fail() { echo "pre-commit.sh: FAIL: $1" >&2; cat "$work/out.txt" >&2; exit 1; }

cp "$root/Tests/Fixtures/x509/generated/key-rsa-1024.der" legacy.der
git add legacy.der
if git commit -m "a weak certificate" >"$work/out.txt" 2>&1; then fail "the hook let a 1024-bit RSA certificate be committed"; fi
grep -q "legacy.der:1:1: error: .*1024-bit RSA key.*\[rsa-key-too-small\]" "$work/out.txt" || fail "the hook failed without showing the finding"
echo "ok   the hook refuses legacy.der and shows: $(grep -o 'legacy.der:1:1: error: [^[]*\[rsa-key-too-small\]' "$work/out.txt")"

git rm -q --cached legacy.der
rm legacy.der
cp "$root/Examples/server-only/fixed/haproxy/certs/api.example.com.pem" api.example.com.pem
git add api.example.com.pem
git commit -m "a good certificate" >"$work/out.txt" 2>&1 || fail "the hook refused a good certificate"
grep -q "certlint.*Passed" "$work/out.txt" || fail "the hook did not run on the good certificate"
echo "ok   the hook passes api.example.com.pem"
