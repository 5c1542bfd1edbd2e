"""Fail when a crate in Cargo.lock declares a rust-version newer than ours.

Reads `cargo metadata --format-version 1` on standard input; the MSRV is the argument.
"""
import json
import sys


def version(text):
    parts = [int(x) for x in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


msrv = sys.argv[1]
meta = json.load(sys.stdin)
used = {node["id"] for node in meta["resolve"]["nodes"]}
newer = [
    "{} {} needs Rust {}".format(p["name"], p["version"], p["rust_version"])
    for p in meta["packages"]
    if p["id"] in used and p.get("rust_version") and version(p["rust_version"]) > version(msrv)
]
if newer:
    sys.exit("crates newer than rust-version {}:\n  {}".format(msrv, "\n  ".join(newer)))
print("every crate in Cargo.lock declares a rust-version of {} or older".format(msrv))
