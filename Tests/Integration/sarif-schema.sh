#!/usr/bin/env bash
# Validates every SARIF golden file (Tests/Fixtures/golden/*.sarif) against the SARIF 2.1.0
# JSON schema (draft-04) from $CERTLINT_CORPORA/sarif/sarif-schema-2.1.0.json, with Python's
# jsonschema installed into a throwaway virtualenv. It also checks what the schema cannot: every
# artifactLocation `uri` is an RFC 3986 URI reference (the schema's `format: uri` is not checked
# by draft-04 validators, and would wrongly demand absolute URIs if it were), and results'
# URIs are relative to %SRCROOT%, as GitHub code scanning wants.
#
# Fails loudly, naming the file and the error; never skips. The schema is not copied into the
# repository: CERTLINT_CORPORA must point at the shared corpora.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -z "${CERTLINT_CORPORA:-}" ]; then
    echo "error: CERTLINT_CORPORA is not set; it must name the folder that holds sarif/sarif-schema-2.1.0.json" >&2
    exit 1
fi
schema="$CERTLINT_CORPORA/sarif/sarif-schema-2.1.0.json"
if [ ! -f "$schema" ]; then
    echo "error: the SARIF schema $schema is missing" >&2
    exit 1
fi

shopt -s nullglob
files=(Tests/Fixtures/golden/*.sarif)
if [ "${#files[@]}" -eq 0 ]; then
    echo "error: no SARIF golden files under Tests/Fixtures/golden" >&2
    exit 1
fi

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
python3 -m venv "$workdir/venv"
"$workdir/venv/bin/python" -m pip install --quiet --disable-pip-version-check jsonschema rfc3986-validator

"$workdir/venv/bin/python" - "$schema" "${files[@]}" <<'PYTHON'
import json
import sys

import jsonschema
from rfc3986_validator import validate_rfc3986

schema_path, *paths = sys.argv[1:]
with open(schema_path, encoding="utf-8") as handle:
    schema = json.load(handle)
jsonschema.Draft4Validator.check_schema(schema)
validator = jsonschema.Draft4Validator(schema)

def uri_problems(node, where):
    """Every artifactLocation-like `uri` must be a URI reference; informationUri an absolute URI."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}/{key}"
            if key == "uri" and isinstance(value, str) and not validate_rfc3986(value, rule="URI_reference"):
                yield f"{here}: {value!r} is not an RFC 3986 URI reference"
            if key in ("informationUri", "helpUri") and isinstance(value, str) and not validate_rfc3986(value, rule="URI"):
                yield f"{here}: {value!r} is not an absolute URI"
            yield from uri_problems(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from uri_problems(value, f"{where}/{index}")

def github_problems(log):
    """What GitHub code scanning needs beyond the schema."""
    for r, run in enumerate(log.get("runs", [])):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        for i, result in enumerate(run.get("results", [])):
            where = f"/runs/{r}/results/{i}"
            index = result.get("ruleIndex")
            if index is not None and (index >= len(rules) or rules[index].get("id") != result.get("ruleId")):
                yield f"{where}/ruleIndex: {index} does not point at rule {result.get('ruleId')!r}"
            for j, location in enumerate(result.get("locations", [])):
                artifact = location.get("physicalLocation", {}).get("artifactLocation", {})
                uri = artifact.get("uri", "")
                if not uri.startswith("file://") and artifact.get("uriBaseId") != "%SRCROOT%":
                    yield f"{where}/locations/{j}: relative uri {uri!r} without uriBaseId %SRCROOT%"
                if "startLine" not in location.get("physicalLocation", {}).get("region", {}):
                    yield f"{where}/locations/{j}: region has no startLine"
        if len(run.get("results", [])) > 25000:
            yield f"/runs/{r}/results: more than 25,000 results"

failed = False
for path in paths:
    try:
        with open(path, encoding="utf-8") as handle:
            log = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"FAIL {path}: cannot read JSON: {error}", file=sys.stderr)
        failed = True
        continue
    problems = [
        f"{'/' + '/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path)))
    ]
    problems += list(uri_problems(log, ""))
    problems += list(github_problems(log))
    if problems:
        failed = True
        for problem in problems:
            print(f"FAIL {path}: {problem}", file=sys.stderr)
    else:
        print(f"ok   {path}")
if failed:
    sys.exit(1)
print(f"{len(paths)} SARIF files valid against {schema_path}")
PYTHON
