#!/usr/bin/env python3
"""A TLS server with a self-signed certificate on 127.0.0.1, for the doctor's TLS-failure
test. Prints "READY <port>" and serves until killed. Usage: tls_server.py CERT KEY"""
import http.server
import ssl
import sys

server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print(f"READY {server.server_address[1]}", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
