#!/bin/sh
# Follows an authorization URL like a browser, but stops before the loopback hop and
# prints the URL the browser would end on: what a --paste user copies from the address bar.
url="$1"
jar=$(mktemp)
i=0
while [ $i -lt 30 ]; do
  next=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$url") || exit 1
  case "$next" in
    "") echo "no redirect from $url" >&2; exit 1 ;;
    http://127.0.0.1:*/callback*|http://localhost:*/callback*) printf '%s\n' "$next"; rm -f "$jar"; exit 0 ;;
  esac
  url="$next"
  i=$((i + 1))
done
exit 1
