#!/bin/sh
# A stand-in browser whose user clicks Cancel on the sandbox's consent page: fetches the
# page, posts its form with decision=deny, follows the redirect back to postiz-connect's
# callback and writes the page shown there to $BROWSER_PAGE. Returns at once, as a
# browser launcher does.
url="$1"
page="${BROWSER_PAGE:-/dev/null}"
(
  consent=$(curl -sS "$url")
  id=$(printf '%s' "$consent" | sed -n 's/.*name="id" value="\([^"]*\)".*/\1/p')
  action=$(printf '%s' "$consent" | sed -n 's/.*<form method="post" action="\([^"]*\)".*/\1/p')
  curl -sS -L -o "$page.tmp" --data-urlencode "id=$id" --data "decision=deny" "$action"
  mv "$page.tmp" "$page"
) >/dev/null 2>&1 &
exit 0
