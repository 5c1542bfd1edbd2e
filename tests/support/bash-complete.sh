#!/usr/bin/env bash
# Drives bash completion the way readline does: sources SCRIPT, sets COMP_WORDS,
# COMP_CWORD, COMP_LINE and COMP_POINT for the words given (the last one is being
# completed; "" for an empty one), calls the function `complete -F` registered for the
# first word, and prints COMPREPLY one per line.
# usage: bash tests/support/bash-complete.sh SCRIPT WORD...
script=$1
shift
# shellcheck disable=SC1090
source "$script" || exit 2
spec=$(complete -p "$1") || { echo "no completion registered for $1" >&2; exit 3; }
fn=$(printf '%s\n' "$spec" | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
