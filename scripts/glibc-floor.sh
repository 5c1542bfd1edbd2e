#!/usr/bin/env bash
# Checks the oldest glibc a Linux binary runs on: the highest GLIBC_x.y symbol version it
# asks the dynamic loader for. Fails when that is newer than MAX.
#
#   scripts/glibc-floor.sh BINARY [MAX]       # MAX defaults to 2.17
#
# objdump (binutils) reads binaries of the host's architecture; readelf any.
set -euo pipefail
binary=${1:?usage: $0 BINARY [MAX]}
max=${2:-2.17}
[ -f "$binary" ] || { echo "glibc-floor: no file at $binary" >&2; exit 1; }
symbols=$(objdump -T "$binary" 2>/dev/null || readelf -W --dyn-syms "$binary")
floor=$(grep -o 'GLIBC_[0-9][0-9.]*' <<<"$symbols" | sort -uV | tail -n1)
[ -n "$floor" ] || { echo "glibc-floor: $binary asks for no GLIBC_ symbol version (not a glibc binary?)" >&2; exit 1; }
newest=$(printf '%s\n%s\n' "${floor#GLIBC_}" "$max" | sort -V | tail -n1)
if [ "$newest" != "$max" ]; then
  echo "glibc-floor: $binary needs $floor, newer than glibc $max: it will not start on older systems" >&2
  exit 1
fi
echo "glibc-floor: $binary needs $floor at most (<= GLIBC_$max)"
