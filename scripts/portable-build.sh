#!/usr/bin/env bash
# The portable Linux release binary: built against glibc 2.17 (CentOS 7's, older than any
# distribution Postiz runs on) with cargo-zigbuild, its floor checked, then archived.
#
#   scripts/portable-build.sh [TARGET]      # default x86_64-unknown-linux-gnu
#
# Needs python3 (for a venv with PyPI's ziglang and cargo-zigbuild, made once under
# target/) and binutils (scripts/glibc-floor.sh reads the binary's symbol versions). TARGET's Rust standard library must be
# installed (`rustup target add aarch64-unknown-linux-gnu` for the other one).
# Output: target/dist/postiz-connect-TARGET.tar.gz and its .sha256 (OUT=DIR to change).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-x86_64-unknown-linux-gnu}
glibc=2.17
out=${OUT:-target/dist}
venv=${ZIGBUILD_VENV:-target/zigbuild-venv}
ziglang_version=0.15.2
zigbuild_version=0.24.1

case "$target" in
  *-linux-gnu) ;;
  *) echo "portable-build: $target is not a Linux glibc target" >&2; exit 2 ;;
esac

case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
if ! "$venv/bin/cargo-zigbuild" --version 2>/dev/null | grep -q " $zigbuild_version\$" ||
  [ "$("$venv/bin/python" -m ziglang version 2>/dev/null)" != "$ziglang_version" ]; then
  echo "== zig toolchain: ziglang $ziglang_version and cargo-zigbuild $zigbuild_version from PyPI in $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "ziglang==$ziglang_version" "cargo-zigbuild==$zigbuild_version"
fi

echo "== cargo zigbuild --release --target $target.$glibc"
start=$(date +%s)
PATH="$venv/bin:$PATH" cargo zigbuild --locked --release --target "$target.$glibc"
seconds=$(($(date +%s) - start))
# Where cargo puts it: target/ unless CARGO_TARGET_DIR or a config says otherwise.
target_dir=$(cargo metadata --locked --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
binary="$target_dir/$target/release/postiz-connect"

scripts/glibc-floor.sh "$binary" "$glibc"
echo "built in ${seconds}s: $(wc -c <"$binary" | tr -d ' ') bytes"

scripts/archive.sh "$target" "$binary" "$out"
