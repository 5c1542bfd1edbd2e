#!/usr/bin/env python3
"""Benchmark: `doctor` wall time with 20 endpoint probes, one of which never answers.
Target: at most --timeout + 0.5 s (the probes run concurrently).
Run from the repository root:  python3 benches/doctor_bench.py [--timeout 2]
"""
import argparse
import http.server
import os
import socket
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "postiz-connect")


class Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        body = b'{"error":"invalid_grant"}'
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=2.0)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    ports = []
    for _ in range(19):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ports.append(server.server_address[1])
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)  # accepts connections, never answers
    ports.append(silent.getsockname()[1])
    with tempfile.TemporaryDirectory() as home:
        # One provider per origin: 20 origins probed, 20 credential probes.
        with open(os.path.join(home, "providers.toml"), "w") as f:
            for i, port in enumerate(ports):
                base = f"http://127.0.0.1:{port}"
                f.write(f'[bench{i}]\nname = "Bench {i}"\nauthorize_url = "{base}/auth"\n'
                        f'token_url = "{base}/token"\npkce = "accepted"\nclient_auth = "post"\n\n')
        env = {**os.environ, "POSTIZ_CONNECT_HOME": home, "NO_COLOR": "1"}
        names = [f"bench{i}" for i in range(len(ports))]
        start = time.perf_counter()
        out = subprocess.run([BIN, "doctor", *names, "--client-id", "x", "--client-secret", "y",
                              "--probe-timeout", f"{args.timeout}s", "--json"], env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
    import json
    findings = json.loads(out.stdout)
    timeouts = sum(1 for f in findings if f["id"] == "network.timeout")
    reachable = sum(1 for f in findings if f["id"] == "network.reachable")
    print(f"doctor with {len(ports)} origins ({reachable} answering, {timeouts} silent), timeout {args.timeout:.1f} s")
    print(f"  wall time {wall:.2f} s (target <= {args.timeout + 0.5:.1f} s)")


if __name__ == "__main__":
    main()
