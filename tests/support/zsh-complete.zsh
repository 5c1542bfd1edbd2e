#!/usr/bin/env zsh
# Drives zsh's completion system as a terminal does, after the approach of
# zsh-capture-completion (github.com/Valodim/zsh-capture-completion, MIT): an interactive
# zsh in a pseudo-terminal (zsh/zpty), compinit with DIR first in fpath, compadd wrapped
# to record every match, and each LINE typed and followed by Tab.
# usage: zsh -f tests/support/zsh-complete.zsh DIR LINE...
# prints, for each LINE, "@@ LINE" and then its matches, one per line, sorted.
zmodload zsh/zpty || exit 2
dir=$1
shift
out=$(mktemp)
zpty z zsh -f -i
# No listing of the matches: a long list would stop at "do you wish to see all N
# possibilities?" and swallow the next line.
zpty -w z "PROMPT=''; bindkey -e; unsetopt autolist; LISTMAX=100000; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z "compadd() { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return \$?; fi; local -a __hits; builtin compadd -A __hits \"\$@\"; (( \$#__hits )) && print -rl -- \$__hits >> ${(q)out}; builtin compadd \"\$@\"; }"
# _main_complete empties comppostfuncs before calling them: the hook puts itself back.
zpty -w z "comppostfuncs=( _captured ); _captured() { print -r -- __CAPTURED__ >> ${(q)out}; comppostfuncs=( _captured ); }"
zpty -w z "bindkey '^I' complete-word"
for line in "$@"; do
  : >| $out
  zpty -w -n z "$line"$'\t'
  for i in {1..200}; do
    grep -q __CAPTURED__ $out 2>/dev/null && break
    sleep 0.05
  done
  print -r -- "@@ $line"
  grep -v __CAPTURED__ $out | sort -u
  # Clear the line (emacs keymap: kill-whole-line) before the next one.
  zpty -w -n z $'\x15'
done
zpty -d z
rm -f $out
