#!/bin/sh
# A stand-in browser for the end-to-end tests: follows the URL the way a browser would
# (redirects, cookies kept across them) and ends on postiz-connect's loopback callback.
# It returns at once, as a real browser launcher does. What the user would have seen is
# written to $BROWSER_PAGE (the last page) and $BROWSER_LOG (final URL and status).
# BROWSER_PROBES=1 first sends what a hostile or noisy neighbour would: a stray request
# and a forged callback with a wrong state, both to the listener.
url="$1"
jar=$(mktemp)
page="${BROWSER_PAGE:-/dev/null}"
log="${BROWSER_LOG:-/dev/null}"
(
  if [ "$BROWSER_PROBES" = "1" ]; then
    callback=$(python3 -c 'import sys,urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)["redirect_uri"][0])' "$url")
    origin=$(printf '%s' "$callback" | sed -E 's|^(https?://[^/]+).*|\1|')
    curl -sS -o /dev/null -w 'stray %{http_code}\n' "$origin/favicon.ico" >>"$log.probes" 2>&1
    curl -sS -o "$page.forged" -w 'forged %{http_code}\n' "$callback?code=forged-code&state=forged-state" >>"$log.probes" 2>&1
  fi
  # The log appears whole (written aside, then renamed), unless it is /dev/null, which
  # must never be replaced.
  if [ "$log" = /dev/null ]; then
    curl -sS -L --max-redirs 30 -c "$jar" -b "$jar" -o "$page" "$url" >/dev/null 2>&1
  else
    curl -sS -L --max-redirs 30 -c "$jar" -b "$jar" -o "$page" \
      -w '%{url_effective}\n%{http_code}\n' "$url" >"$log.tmp" 2>&1
    mv "$log.tmp" "$log"
  fi
  rm -f "$jar"
) &
exit 0
