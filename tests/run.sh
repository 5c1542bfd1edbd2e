#!/usr/bin/env bash
# The whole test suite, the way CI runs it: with a real Secret Service (gnome-keyring in a
# private D-Bus session, its keyring in a throw-away directory) and the real authorization
# server installed from the committed lockfile. Every test binary runs even when one fails
# (--no-fail-fast), so one report shows every failure. Extra arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in cargo node npm curl python3 openssl script dbus-run-session gnome-keyring-daemon chromium redis-server redis-cli zsh fish; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
# tests/postiz.rs starts a throw-away PostgreSQL cluster (Debian's postgresql package).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=("postgresql")
# The tests signal processes with the kill program (procps), not the shell builtin.
[ -x /bin/kill ] || [ -x /usr/bin/kill ] || missing+=("kill")
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/run.sh: missing ${missing[*]}" >&2
  echo "install with: apt-get install -y gnome-keyring dbus libsecret-tools curl ca-certificates openssl bsdutils procps chromium python3 python3-venv nodejs npm postgresql redis-server zsh fish" >&2
  exit 1
fi

if [ ! -d tests/oidc-server/node_modules/oidc-provider ]; then
  (cd tests/oidc-server && npm ci --no-audit --no-fund)
fi

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(printf "postiz-connect-tests\n" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  cargo test --all-targets --no-fail-fast "$@"
' bash "$@"
