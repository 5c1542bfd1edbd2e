#!/bin/sh
# A real browser for one end-to-end run: Debian's chromium, headless. As root it needs
# --no-sandbox; the network flags keep it from dialling out on a closed machine.
# The rendered final page (DOM) goes to $BROWSER_PAGE.
page="${BROWSER_PAGE:-/dev/null}"
profile=$(mktemp -d)
(
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --virtual-time-budget=10000 --dump-dom "$1" >"$page.tmp" 2>/dev/null
  mv "$page.tmp" "$page"
  rm -rf "$profile"
) &
exit 0
