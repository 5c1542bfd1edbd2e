#!/bin/sh
# Installs a prebuilt postiz-connect: picks the archive for this OS and CPU, downloads it
# and its SHA-256 sum, refuses it unless the sum matches, and puts the binary in a bin
# directory (and the man pages beside it, in ../share/man/man1, when that is a prefix).
# Linux x86_64 and aarch64 (glibc 2.17 or newer), macOS x86_64 and Apple silicon.
set -eu

# The release workflow writes the release's download URL here when it publishes this file.
published_base_url=""

usage() {
  cat <<'EOF'
Usage: sh install.sh [--to DIR] [--base-url URL]

  --to DIR        where the binary goes (default: $POSTIZ_CONNECT_INSTALL_DIR, else
                  ~/.local/bin; /usr/local/bin as root)
  --base-url URL  where the archives are: a release's download URL, a mirror, or a
                  local directory (file:///path); default: $POSTIZ_CONNECT_BASE_URL,
                  else the release this script was published with

Linux x86_64 and aarch64 (glibc 2.17 or newer), macOS x86_64 and Apple silicon.
On Windows, download the .zip archive of the same release.
EOF
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

base_url=${POSTIZ_CONNECT_BASE_URL:-$published_base_url}
if [ "$(id -u)" = 0 ]; then default_dir=/usr/local/bin; else default_dir="${HOME:-}/.local/bin"; fi
to=${POSTIZ_CONNECT_INSTALL_DIR:-$default_dir}
while [ $# -gt 0 ]; do
  case "$1" in
    --to) [ $# -ge 2 ] || die "--to needs a directory"; to=$2; shift 2 ;;
    --to=*) to=${1#--to=}; shift ;;
    --base-url) [ $# -ge 2 ] || die "--base-url needs a URL"; base_url=$2; shift 2 ;;
    --base-url=*) base_url=${1#--base-url=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[ -n "$base_url" ] || die "no download URL: this copy was not published with a release; give --base-url URL (a release's download URL or a directory of archives)"
base_url=${base_url%/}

os=$(uname -s)
arch=$(uname -m)
case "$arch" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) die "no prebuilt binary for the $arch CPU; build from source: cargo install --locked postiz-connect" ;;
esac
case "$os" in
  Linux)
    # The Linux binaries link glibc; Alpine and other musl systems do not have it.
    if [ -e /lib/ld-musl-x86_64.so.1 ] || [ -e /lib/ld-musl-aarch64.so.1 ] || { ldd --version 2>&1 | grep -qi musl; }; then
      die "this system uses musl libc (Alpine?); the prebuilt binaries need glibc 2.17 or newer: use the container image, a glibc base (debian:12-slim), or cargo install --locked postiz-connect"
    fi
    target="$arch-unknown-linux-gnu"
    ;;
  Darwin)
    # A shell under Rosetta reports x86_64 on Apple silicon: take the native binary.
    if [ "$arch" = x86_64 ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || echo 0)" = 1 ]; then arch=aarch64; fi
    target="$arch-apple-darwin"
    ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT)
    die "on Windows, download postiz-connect-x86_64-pc-windows-msvc.zip from $base_url and check it against its .sha256"
    ;;
  *) die "no prebuilt binary for $os; build from source: cargo install --locked postiz-connect" ;;
esac
archive="postiz-connect-$target.tar.gz"

if command -v curl >/dev/null 2>&1; then
  fetch() { curl --proto '=https,http,file' -fsSL --retry 3 -o "$2" "$1"; }
elif command -v wget >/dev/null 2>&1; then
  fetch() {
    case "$1" in
      file://*) cp "${1#file://}" "$2" ;;
      *) wget -q -O "$2" "$1" ;;
    esac
  }
else
  die "needs curl or wget to download"
fi
if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum "$1" | cut -d' ' -f1; }
elif command -v shasum >/dev/null 2>&1; then
  sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
elif command -v openssl >/dev/null 2>&1; then
  sha256() { openssl dgst -sha256 -r "$1" | cut -d' ' -f1; }
else
  die "needs sha256sum, shasum or openssl to check the download"
fi

tmp=$(mktemp -d 2>/dev/null || mktemp -d -t postiz-connect)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

echo "Downloading $base_url/$archive"
fetch "$base_url/$archive" "$tmp/$archive" || die "could not download $base_url/$archive"
fetch "$base_url/$archive.sha256" "$tmp/$archive.sha256" || die "could not download $base_url/$archive.sha256: without the sum the archive is not installed"
expected=$(cut -d' ' -f1 <"$tmp/$archive.sha256" | tr 'A-F' 'a-f')
actual=$(sha256 "$tmp/$archive")
case "$expected" in
  *[!0-9a-f]* | "") die "$archive.sha256 holds no SHA-256 sum; nothing was installed" ;;
esac
[ ${#expected} -eq 64 ] || die "$archive.sha256 holds no SHA-256 sum; nothing was installed"
[ "$expected" = "$actual" ] || die "checksum mismatch for $archive: expected $expected, got $actual; nothing was installed (a broken download, or not the published file)"
echo "Checksum verified (sha256 $actual)"

tar -xzf "$tmp/$archive" -C "$tmp" || die "could not unpack $archive"
unpacked="$tmp/postiz-connect-$target"
[ -f "$unpacked/postiz-connect" ] || die "$archive holds no postiz-connect binary"

mkdir -p "$to" || die "cannot create $to (choose another with --to DIR)"
# Copied beside the old binary, then renamed over it: a running copy is never half-written.
cp "$unpacked/postiz-connect" "$to/.postiz-connect.new" || die "cannot write to $to (choose another with --to DIR, or run as a user who can)"
chmod 0755 "$to/.postiz-connect.new"
mv -f "$to/.postiz-connect.new" "$to/postiz-connect"
version=$("$to/postiz-connect" --version 2>&1) || die "installed $to/postiz-connect, but it does not run here: $version"
echo "Installed $to/postiz-connect ($version)"

# A bin directory of a prefix (~/.local/bin, /usr/local/bin): man pages in its share/man,
# where man finds them for a bin directory on PATH.
case "$to" in
  */bin)
    man_dir="${to%/bin}/share/man/man1"
    if mkdir -p "$man_dir" 2>/dev/null && cp "$unpacked"/man/*.1 "$man_dir/" 2>/dev/null; then
      echo "Installed the man pages in $man_dir (man postiz-connect)"
    fi
    ;;
esac
case ":${PATH:-}:" in
  *":$to:"*) ;;
  *) echo "Note: $to is not on your PATH; add it (e.g. export PATH=\"$to:\$PATH\") or run $to/postiz-connect" ;;
esac
echo "Shell completions: postiz-connect completions bash|zsh|fish|powershell|elvish (docs/install.md, \"Shell completions and man pages\")"
