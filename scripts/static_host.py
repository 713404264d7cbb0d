"""Serve the built site on localhost as a static host would: gzip for text files, and
versioned assets (``?v=``/``?digest=``) cacheable for good. Used by `make bench`.

    .venv/bin/python scripts/static_host.py _build/html 8000
"""
from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

COMPRESS = {".html", ".js", ".css", ".json", ".svg", ".txt", ".csv", ".geojson", ".map"}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    served: list[str] = []  # every path actually sent (browser cache hits never reach it)
    # Keep-alive, as any real host does (HTTP/1.0 would open a new connection per file, and
    # Lighthouse would charge each one a connection set-up on its simulated slow network).
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def end_headers(self):
        if "?v=" in self.path or "?digest=" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()

    def do_GET(self):
        StaticHost.served.append(self.path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESS):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Path, port: int = 0):
    """Start a server in a thread; returns (server, base URL)."""
    handler = functools.partial(StaticHost, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


if __name__ == "__main__":
    srv, url = serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} at {url}")
    threading.Event().wait()
