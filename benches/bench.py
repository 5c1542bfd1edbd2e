#!/usr/bin/env python3
"""Benchmarks of postiz-connect that print figures (not timed tests):
- start-up: `--version` of postiz-connect and of a hello-world Rust binary built with the
  same release profile, side by side in one run (interleaved), with their ratio (the
  target is 1.5x); then `--help` and a built-in's help (`status --help`),
- the release binary's size,
- wall time and peak memory (max RSS) of one full connect against the local test
  authorization server (tests/oidc-server), with the stand-in browser.
Run from the repository root:  python3 benches/bench.py [--runs N] [--startup-only]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "postiz-connect")
HELLO_DIR = os.path.join(ROOT, "target", "bench-hello")
HELLO = os.path.join(HELLO_DIR, "target", "release", "hello")


def release_profile():
    """The `[profile.release]` section of Cargo.toml, as written."""
    with open(os.path.join(ROOT, "Cargo.toml")) as f:
        text = f.read()
    match = re.search(r"^\[profile\.release\]\n(?:(?!\[).*\n?)*", text, re.M)
    if not match:
        sys.exit("Cargo.toml has no [profile.release]")
    return match.group(0).rstrip() + "\n"


def build_hello():
    """A hello-world binary with the same release profile (copied from Cargo.toml at each
    run, so the two cannot drift) and the same toolchain, in its own workspace."""
    os.makedirs(os.path.join(HELLO_DIR, "src"), exist_ok=True)
    manifest = ('[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n\n'
                "[workspace]\n\n" + release_profile())
    for path, text in [("Cargo.toml", manifest),
                       (os.path.join("src", "main.rs"), 'fn main() {\n    println!("hello 0.1.0");\n}\n')]:
        path = os.path.join(HELLO_DIR, path)
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path",
                    os.path.join(HELLO_DIR, "Cargo.toml")], cwd=ROOT, check=True)


def spawn_wait(argv):
    """Wall time of one run in ms: posix_spawn to exit, output to /dev/null (no shell,
    no pipes: the spawning costs microseconds next to the run)."""
    actions = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} exited with {os.waitstatus_to_exitcode(status)}")
    return elapsed


def side_by_side(commands, runs, warmup=20):
    """Each command `runs` times, interleaved (round-robin, the order rotating each
    round) so that the load of a shared machine falls on all of them alike."""
    samples = [[] for _ in commands]
    for i in range(warmup + runs):
        order = list(range(len(commands)))
        order = order[i % len(order):] + order[:i % len(order)]
        for k in order:
            t = spawn_wait(commands[k])
            if i >= warmup:
                samples[k].append(t)
    return samples


def summary(samples):
    s = sorted(samples)
    return {"mean": statistics.fmean(s), "median": statistics.median(s),
            "p95": s[int(len(s) * 0.95) - 1], "min": s[0]}


def print_row(label, stats):
    print(f"  {label:34} mean {stats['mean']:6.2f}  median {stats['median']:6.2f}  "
          f"p95 {stats['p95']:6.2f}  min {stats['min']:6.2f} ms")


def startup(runs):
    with tempfile.TemporaryDirectory() as home:
        # An empty config dir: no user catalog, whatever the machine has.
        os.environ["POSTIZ_CONNECT_HOME"] = home
        commands = [[BIN, "--version"], [HELLO, "--version"],
                    [BIN, "--help"], [BIN, "status", "--help"], [BIN, "twitter", "--help"]]
        samples = side_by_side(commands, runs)
    stats = [summary(s) for s in samples]
    print(f"start-up, {runs} interleaved runs each (ms, wall, spawn to exit):")
    print_row("postiz-connect --version", stats[0])
    print_row("hello-world (same profile)", stats[1])
    print(f"  ratio --version / hello-world:     mean {stats[0]['mean'] / stats[1]['mean']:.2f}x"
          f"  median {stats[0]['median'] / stats[1]['median']:.2f}x   (target: 1.5x)")
    print_row("postiz-connect --help", stats[2])
    print_row("postiz-connect status --help", stats[3])
    print_row("postiz-connect twitter --help", stats[4])


def start_server():
    server_dir = os.path.join(ROOT, "tests", "oidc-server")
    if not os.path.isdir(os.path.join(server_dir, "node_modules", "oidc-provider")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=server_dir, check=True)
    proc = subprocess.Popen(["node", "server.js"], cwd=server_dir, env={**os.environ, "PORT": "0"},
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline().strip()
    if not line.startswith("READY "):
        sys.exit(f"test server did not start: {line!r}")
    return proc, int(line.split()[1])


def full_connect():
    proc, port = start_server()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "POSTIZ_CONNECT_HOME": home, "NO_COLOR": "1",
                   "BROWSER": os.path.join(ROOT, "tests", "support", "browser.sh")}
            # A fresh python whose only waited-for child is the binary, so its
            # RUSAGE_CHILDREN max RSS is the binary's own peak.
            probe = ("import resource,subprocess,sys,time; t=time.perf_counter(); "
                     "r=subprocess.run(sys.argv[1:], capture_output=True, text=True); "
                     "w=(time.perf_counter()-t)*1000; "
                     "print(r.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
                     "sys.stderr.write(r.stderr)")
            out = subprocess.run([sys.executable, "-c", probe, BIN, "custom", "--issuer", f"http://127.0.0.1:{port}",
                                  "--client-id", "public-client", "--scopes", "openid offline_access profile email",
                                  "--insecure-storage", "--browser-timeout", "30s"],
                                 env=env, capture_output=True, text=True)
            code, wall, peak = out.stdout.split()
            if code != "0":
                sys.exit(f"connect failed ({code}): {out.stderr}")
            print(f"full connect, local server  {float(wall):6.1f} ms wall, peak RSS {int(peak) / 1024:.1f} MiB")
    finally:
        proc.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300, help="runs of each start-up command")
    parser.add_argument("--startup-only", action="store_true", help="skip the full connect")
    parser.add_argument("--no-build", action="store_true", help="time the release binary as built")
    opts = parser.parse_args()
    if not opts.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    build_hello()
    startup(opts.runs)
    print(f"release binary size       {os.path.getsize(BIN) / 1024 / 1024:.2f} MiB")
    if not opts.startup_only:
        full_connect()


if __name__ == "__main__":
    main()
