#!/usr/bin/env bash
# STYLE.md habits 3 and 7, checked with the toolchain's swift-format (no package dependency):
# no force unwraps, force tries or implicitly unwrapped optionals in Sources and Plugins, and a
# documentation comment on every public declaration. Fails loudly on any finding.
set -euo pipefail
cd "$(dirname "$0")/../.."
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
cat > "$config" <<'JSON'
{ "version": 1, "indentation": { "spaces": 4 }, "lineLength": 1000,
  "rules": { "NeverForceUnwrap": true, "NeverUseForceTry": true, "NeverUseImplicitlyUnwrappedOptionals": true,
             "AllPublicDeclarationsHaveDocumentation": true } }
JSON
findings=$(swift format lint --configuration "$config" -r Sources Plugins 2>&1 \
    | grep -E '\[(NeverForceUnwrap|NeverUseForceTry|NeverUseImplicitlyUnwrappedOptionals|AllPublicDeclarationsHaveDocumentation)\]' || true)
if [ -n "$findings" ]; then
    echo "$findings"
    echo "style-lint: $(echo "$findings" | wc -l) findings" >&2
    exit 1
fi
echo "style-lint: no force unwraps, force tries or undocumented public declarations"
