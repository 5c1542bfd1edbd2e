#!/usr/bin/env python3
"""Benchmark: `refresh --all --force` over 1,000 channels against a local token endpoint
that takes 20 ms per request. Prints wall time, requests/s and the peak number of requests
in flight at the server. Target: under 3 s with --jobs 8.
Run from the repository root:  python3 benches/refresh_bench.py [--jobs N] [--channels N]
"""
import argparse
import datetime
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import quote_plus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "postiz-connect")
LATENCY = 0.020


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0
        self.total = 0


COUNTER = Counter()


class TokenEndpoint(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; without this, delayed ACKs add ~40 ms to
    # every request and the benchmark would measure the server, not the tool.
    disable_nagle_algorithm = True

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with COUNTER.lock:
            COUNTER.in_flight += 1
            COUNTER.total += 1
            COUNTER.peak = max(COUNTER.peak, COUNTER.in_flight)
        time.sleep(LATENCY)
        body = json.dumps({"access_token": f"at-{COUNTER.total}", "token_type": "Bearer",
                           "expires_in": 7200, "refresh_token": f"rt-{COUNTER.total}"}).encode()
        with COUNTER.lock:
            COUNTER.in_flight -= 1
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def write_store(home, count, token_url):
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp = now.isoformat()
    expires = (now + datetime.timedelta(minutes=30)).isoformat()
    os.makedirs(os.path.join(home, "channels"))
    os.makedirs(os.path.join(home, "secrets"), mode=0o700)
    for i in range(count):
        name = f"custom:user{i}"
        channel = {
            "channel": name, "provider": "custom",
            "account": {"id": str(i), "username": f"user{i}", "name": None, "source": "bench"},
            "scopes": ["openid"], "requested_scopes": ["openid"], "missing_scopes": [],
            "expires_at": expires, "refresh_expires_at": None, "has_refresh_token": True,
            "store": "file", "created_at": stamp, "updated_at": stamp, "needs_reconnect": False,
            "client_id": "bench", "client_auth": "none",
            "endpoints": {"authorize_url": "http://127.0.0.1:1/auth", "token_url": token_url,
                          "revoke_url": None, "userinfo_url": None, "issuer": None, "require_iss": False},
            "redirect_uri": "http://127.0.0.1:1/callback",
        }
        key = quote_plus(name)
        with open(os.path.join(home, "channels", key + ".json"), "w") as f:
            json.dump(channel, f)
        path = os.path.join(home, "secrets", key + ".json")
        with open(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            json.dump({"access_token": f"old-at-{i}", "refresh_token": f"old-rt-{i}",
                       "id_token": None, "client_secret": None}, f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--channels", type=int, default=1000)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), TokenEndpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    token_url = f"http://127.0.0.1:{server.server_address[1]}/token"
    with tempfile.TemporaryDirectory() as home:
        write_store(home, args.channels, token_url)
        env = {**os.environ, "POSTIZ_CONNECT_HOME": home, "NO_COLOR": "1"}
        start = time.perf_counter()
        out = subprocess.run([BIN, "refresh", "--all", "--force", "--jobs", str(args.jobs), "--json"],
                             env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        # `refresh --json` prints one array, an object per channel.
        lines = json.loads(out.stdout) if out.stdout.strip() else []
        refreshed = sum(1 for l in lines if l["outcome"] == "refreshed")
        if out.returncode != 0 or refreshed != args.channels:
            sys.exit(f"refresh failed (exit {out.returncode}, {refreshed} refreshed): {out.stderr[-2000:]}")
        for name in os.listdir(os.path.join(home, "secrets")):
            with open(os.path.join(home, "secrets", name)) as f:
                assert json.load(f)["refresh_token"].startswith("rt-"), "rotated tokens stored"
    server.shutdown()
    print(f"refresh --all --force --jobs {args.jobs}: {args.channels} channels, {LATENCY * 1000:.0f} ms per request")
    print(f"  wall time        {wall:.2f} s")
    print(f"  requests/s       {COUNTER.total / wall:.0f}")
    print(f"  peak concurrency {COUNTER.peak}")


if __name__ == "__main__":
    main()
