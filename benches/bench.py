#!/usr/bin/env python3
"""Benchmarks of postiz-connect that print figures (not timed tests):
- start-up time of `--version` and `--help` (median and p95 of 50 runs),
- the release binary's size,
- wall time and peak memory (max RSS) of one full connect against the local test
  authorization server (tests/oidc-server), with the stand-in browser.
Run from the repository root:  python3 benches/bench.py
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "postiz-connect")


def timed_runs(args, n=50):
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run([BIN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


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


def main():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    for args in (["--version"], ["--help"]):
        med, p95 = timed_runs(args)
        print(f"start-up {' '.join(args):10} median {med:6.2f} ms   p95 {p95:6.2f} ms")
    print(f"release binary size       {os.path.getsize(BIN) / 1024 / 1024:.2f} MiB")

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
                                  "--insecure-storage", "--timeout", "30s"],
                                 env=env, capture_output=True, text=True)
            code, wall, peak = out.stdout.split()
            if code != "0":
                sys.exit(f"connect failed ({code}): {out.stderr}")
            print(f"full connect, local server  {float(wall):6.1f} ms wall, peak RSS {int(peak) / 1024:.1f} MiB")
    finally:
        proc.kill()


if __name__ == "__main__":
    main()
