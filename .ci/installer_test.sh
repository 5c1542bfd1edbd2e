#!/usr/bin/env bash
# install.sh against a local directory of release archives (what scripts/archive.sh
# wrote), served over HTTP on 127.0.0.1 and as file://: it installs the binary and its
# man pages, replaces an installed copy, installs with no argument once published with a
# release's URL, and refuses an archive whose SHA-256 sum does not match, or that has no
# sum, installing nothing.
#
#   .ci/installer_test.sh DIST_DIR      # e.g. target/dist, after scripts/portable-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(cd "${1:?usage: $0 DIST_DIR}" && pwd)
case "$(uname -m)" in
  x86_64 | amd64) target=x86_64-unknown-linux-gnu ;;
  aarch64 | arm64) target=aarch64-unknown-linux-gnu ;;
  *) echo "installer test: no Linux archive for $(uname -m)" >&2; exit 1 ;;
esac
archive="postiz-connect-$target.tar.gz"
if [ ! -f "$dist/$archive" ] || [ ! -f "$dist/$archive.sha256" ]; then
  echo "installer test: $dist has no $archive and $archive.sha256 (run scripts/portable-build.sh)" >&2
  exit 1
fi
version="postiz-connect $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The releases: one as published, one whose .sha256 names another sum, one whose archive
# was altered after its sum was taken, one without a .sha256.
mkdir -p "$work/www/good" "$work/www/wrong-sum" "$work/www/altered" "$work/www/no-sum"
cp "$dist/$archive" "$dist/$archive.sha256" "$work/www/good/"
cp "$dist/$archive" "$work/www/wrong-sum/"
sum=$(cut -d' ' -f1 "$dist/$archive.sha256")
if [ "${sum:0:1}" = 0 ]; then other=1; else other=0; fi
printf '%s  %s\n' "$other${sum:1}" "$archive" >"$work/www/wrong-sum/$archive.sha256"
cp "$dist/$archive" "$dist/$archive.sha256" "$work/www/altered/"
printf 'x' >>"$work/www/altered/$archive"
cp "$dist/$archive" "$work/www/no-sum/"
cmp -s "$dist/$archive.sha256" "$work/www/wrong-sum/$archive.sha256" && {
  echo "installer test: the wrong sum equals the right one" >&2
  exit 1
}

python3 - "$work/www" "$work/port" <<'PY' &
import functools, http.server, os, sys

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()
PY
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "installer test: the HTTP server did not start" >&2; exit 1; }
base="http://127.0.0.1:$(cat "$work/port")"

fail() {
  echo "installer test FAILED: $*" >&2
  exit 1
}
run_installer() { # DIR BASE_URL: install.sh's output in $work/out, its status returned
  HOME="$work/home" sh install.sh --to "$1" --base-url "$2" >"$work/out" 2>&1
}

echo "-- installs from http://127.0.0.1 (binary, man pages, --version)"
run_installer "$work/prefix/bin" "$base/good" || { cat "$work/out"; fail "the published archive was not installed"; }
[ -x "$work/prefix/bin/postiz-connect" ] || fail "no executable at $work/prefix/bin/postiz-connect"
[ "$("$work/prefix/bin/postiz-connect" --version)" = "$version" ] || fail "the installed binary is not $version"
grep -q "Checksum verified" "$work/out" || fail "the installer did not say it checked the sum"
[ -f "$work/prefix/share/man/man1/postiz-connect.1" ] || fail "no man page in $work/prefix/share/man/man1"

echo "-- replaces an installed copy"
run_installer "$work/prefix/bin" "$base/good" || { cat "$work/out"; fail "reinstalling over the installed copy failed"; }
[ -z "$(find "$work/prefix/bin" -name '.postiz-connect.new')" ] || fail "a temporary file was left in the bin directory"

echo "-- the published copy (scripts/publish-installer.sh, as release.yml runs it) needs no --base-url"
scripts/publish-installer.sh "$base/good" "$work/install.sh"
HOME="$work/home" sh "$work/install.sh" --to "$work/published" >"$work/out" 2>&1 || { cat "$work/out"; fail "the published install.sh did not install"; }
grep -q "Downloading $base/good/$archive" "$work/out" || { cat "$work/out"; fail "the published install.sh did not use its release's URL"; }
[ -x "$work/published/postiz-connect" ] || fail "no executable after the published install.sh ran"

echo "-- installs from file://"
run_installer "$work/from-file" "file://$work/www/good" || { cat "$work/out"; fail "the file:// install failed"; }
[ -x "$work/from-file/postiz-connect" ] || fail "no executable after the file:// install"

for case in wrong-sum altered no-sum; do
  echo "-- refuses the $case release"
  if run_installer "$work/$case/bin" "$base/$case"; then
    cat "$work/out"
    fail "the $case archive was installed"
  fi
  case $case in
    no-sum) grep -q "without the sum the archive is not installed" "$work/out" || { cat "$work/out"; fail "no reason given for the missing sum"; } ;;
    *) grep -q "checksum mismatch" "$work/out" || { cat "$work/out"; fail "no checksum mismatch reported for $case"; } ;;
  esac
  [ ! -e "$work/$case/bin/postiz-connect" ] || fail "a binary was installed from the $case release"
done
echo "installer test: all cases passed"
