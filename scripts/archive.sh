#!/usr/bin/env bash
# Packs one built binary as a release archive: postiz-connect-TARGET.tar.gz (.zip for
# Windows) holding postiz-connect-TARGET/ with the binary, README.md, LICENSE,
# docs/, completions/ and man/, and beside it ARCHIVE.sha256 ("<hex>  <name>", as sha256sum
# writes it and `sha256sum -c` reads it).
#
#   scripts/archive.sh TARGET BINARY OUTDIR
#
# The names are what install.sh downloads and what Cargo.toml's binstall metadata
# expects; the release workflow and .ci/portable.sh both call this script.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 TARGET BINARY OUTDIR" >&2; exit 2; }
target=$1 binary=$2 out=$3
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$binary" ] || { echo "archive: no binary at $binary" >&2; exit 1; }

name="postiz-connect-$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name" "$out"
case "$target" in
  *windows*) exe=postiz-connect.exe ;;
  *) exe=postiz-connect ;;
esac
cp "$binary" "$stage/$name/$exe"
chmod 0755 "$stage/$name/$exe"
cp "$root/README.md" "$root/LICENSE" "$stage/$name/"
cp -R "$root/docs" "$root/completions" "$root/man" "$stage/$name/"

out="$(cd "$out" && pwd)"
case "$target" in
  *windows*)
    archive="$name.zip"
    rm -f "$out/$archive"
    (cd "$stage" && if command -v 7z >/dev/null; then 7z a -tzip -bd "$out/$archive" "$name" >/dev/null; else zip -qr "$out/$archive" "$name"; fi)
    ;;
  *)
    archive="$name.tar.gz"
    if tar --version 2>/dev/null | grep -q 'GNU tar'; then
      # Owner, order and times fixed (the commit's time), so the same files give the
      # same archive, byte for byte.
      mtime=$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)
      tar -C "$stage" --owner=0 --group=0 --numeric-owner --sort=name --mtime="@$mtime" -cf - "$name" |
        gzip -n >"$out/$archive"
    else
      tar -C "$stage" -czf "$out/$archive" "$name" # bsdtar (macOS)
    fi
    ;;
esac

if command -v sha256sum >/dev/null; then
  sum=$(sha256sum "$out/$archive" | cut -d' ' -f1)
else
  sum=$(shasum -a 256 "$out/$archive" | cut -d' ' -f1)
fi
printf '%s  %s\n' "$sum" "$archive" >"$out/$archive.sha256"
echo "$out/$archive ($(wc -c <"$out/$archive" | tr -d ' ') bytes, sha256 $sum)"
