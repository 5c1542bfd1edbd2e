#!/usr/bin/env bash
# Writes the install.sh a release publishes: this repository's, with the release's
# download URL as its default, so `curl -fsSL URL/install.sh | sh` needs no argument.
#
#   scripts/publish-installer.sh BASE_URL OUT     # e.g. .../releases/download/v0.1.0 dist/install.sh
set -euo pipefail
base=${1:?usage: $0 BASE_URL OUT}
out=${2:?usage: $0 BASE_URL OUT}
# A URL of these characters goes into the sed expression and the shell string as it is.
[[ "$base" =~ ^[A-Za-z0-9:/._~%+@-]+$ ]] || { echo "publish-installer: unexpected characters in $base" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
sed "s|^published_base_url=\"\"\$|published_base_url=\"$base\"|" "$root/install.sh" >"$out"
grep -qx "published_base_url=\"$base\"" "$out" || { echo "publish-installer: install.sh has no published_base_url=\"\" line" >&2; exit 1; }
chmod 0755 "$out"
