import http.server, json, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send(self, code, body, ctype="application/json; charset=utf-8", extra=()):
        b = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(b)))
        for k, v in extra: self.send_header(k, v)
        self.end_headers()
        self.wfile.write(b)
    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/redirect":
            self.send(302, "", "text/plain", [("Location", "/users/1")])
        elif p == "/big":
            self.send(200, "x" * 5000, "text/plain")
        elif p.startswith("/users"):
            self.send(200, json.dumps({"id": 1, "name": "Ada", "roles": ["admin"]}))
        elif p == "/missing":
            self.send(404, json.dumps({"error": "not found"}))
        else:
            self.send(200, json.dumps({"ok": True}))
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); body = self.rfile.read(n)
        self.send(201, json.dumps({"created": True, "echo": body.decode()}))
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
