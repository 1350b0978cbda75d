"""The local web server of `showcase watch`: the output folder, pages that follow the build.

* Bound to 127.0.0.1 only, on a free port; requests whose ``Host`` is not this
  machine are refused (a web page elsewhere cannot read the folder through DNS
  rebinding), and hidden files (the manifest, the cache) are not served.
* Every HTML page it serves gets a small script, added on the way out and never
  written into the files: it polls ``/__showcase__/status`` every 500 ms, reloads
  the page when a build finished (keeping the scroll position in
  sessionStorage), and shows the errors of a broken profile as a banner.
* Before the first good build there is no index.html yet: the server answers with
  a page that only shows the status, and turns into the real one when it exists.

Standard library only: `http.server` in a thread.
"""

from __future__ import annotations

import contextlib
import functools
import json
import threading
from collections.abc import Sequence
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

STATUS_PATH = "/__showcase__/status"
POLL_MS = 500

# Added before </body> of every HTML page served. No external resources; the errors are
# written with textContent, never as HTML.
RELOAD_SNIPPET = r"""
<script data-showcase-watch>
(function () {
  var path = location.pathname.replace(/\/$/, "/index.html");
  var key = "showcase-scroll:" + path;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var y = parseInt(saved, 10) || 0;
    window.addEventListener("load", function () { window.scrollTo(0, y); });
    window.scrollTo(0, y);
  }
  var seen = null;
  var banner = null;
  function show(errors) {
    if (!errors.length) {
      if (banner) { banner.remove(); banner = null; }
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.setAttribute("role", "alert");
      banner.id = "showcase-watch-errors";
      banner.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;" +
        "max-height:50vh;overflow:auto;margin:0;padding:12px 16px;background:#7f1d1d;" +
        "color:#fff;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap";
      document.body.appendChild(banner);
    }
    banner.textContent = "showcase watch: the last build failed; these files are from the " +
      "last good one.\n" + errors.join("\n");
  }
  function poll() {
    fetch("/__showcase__/status", {cache: "no-store"}).then(function (r) {
      return r.json();
    }).then(function (status) {
      var mine = status.files[decodeURIComponent(path)] || 0;
      if (seen === null) { seen = mine; }
      else if (mine !== seen) {
        sessionStorage.setItem(key, String(window.scrollY));
        location.reload();
        return;
      }
      show(status.errors || []);
    }).catch(function () {}).then(function () { setTimeout(poll, %(poll)d); });
  }
  poll();
})();
</script>
""".replace("%(poll)d", str(POLL_MS))

WAITING_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>showcase watch</title></head>
<body style="font:15px/1.5 system-ui,sans-serif;margin:3rem">
<h1>showcase watch</h1>
<p>No page yet: the profile has not built. Fix what the banner says and save; this
page reloads by itself.</p>
</body></html>
"""


class BuildStatus:
    """What the pages poll (thread-safe): the build that last rewrote each file, and the
    errors of the last build. A page reloads when its own file was rewritten."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.version = 0
        self.files: dict[str, int] = {}  # "/index.html" -> the build that last rewrote it
        self.errors: tuple[str, ...] = ()

    def built(self, errors: Sequence[str] = (), changed: Sequence[str] = ()) -> None:
        """A build finished and rewrote `changed` (paths relative to the folder)."""
        with self._lock:
            self.version += 1
            for name in changed:
                self.files["/" + name.lstrip("/")] = self.version
            self.errors = tuple(errors)

    def failed(self, errors: Sequence[str]) -> None:
        """A build wrote nothing: pages keep what they show and add the banner."""
        with self._lock:
            self.errors = tuple(errors)

    def as_json(self) -> bytes:
        with self._lock:
            return json.dumps(
                {"version": self.version, "files": self.files, "errors": list(self.errors)}
            ).encode()


def inject(page: bytes) -> bytes:
    """`page` with the reload script before its last ``</body>`` (or at its end)."""
    snippet = RELOAD_SNIPPET.encode("utf-8")
    at = page.lower().rfind(b"</body>")
    return page + snippet if at < 0 else page[:at] + snippet + page[at:]


class _Handler(SimpleHTTPRequestHandler):
    server: PreviewServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows builds, not requests

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        return host in {"127.0.0.1", "localhost"}

    def _send(self, body: bytes, content_type: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(b"not this host\n", "text/plain", HTTPStatus.FORBIDDEN)
            return
        path = unquote(urlsplit(self.path).path)
        if path == STATUS_PATH:
            self._send(self.server.status.as_json(), "application/json")
            return
        parts = [p for p in path.split("/") if p]
        if any(p.startswith(".") for p in parts):
            self._send(b"not served\n", "text/plain", HTTPStatus.NOT_FOUND)
            return
        if path.endswith("/"):
            parts.append("index.html")
        local = Path(self.translate_path("/" + "/".join(parts)))
        if local.suffix.lower() in {".html", ".htm"}:
            try:
                page = local.read_bytes() if local.is_file() else None
            except OSError:
                page = None
            if page is None and parts == ["index.html"]:
                page = WAITING_PAGE.encode("utf-8")
            if page is not None:
                self._send(inject(page), "text/html; charset=utf-8")
                return
        super().do_GET()


class PreviewServer(ThreadingHTTPServer):
    """Serves `root` on 127.0.0.1 (port 0: a free one) with the reload script and status."""

    daemon_threads = True

    def __init__(self, root: Path, status: BuildStatus, port: int = 0) -> None:
        handler = functools.partial(_Handler, directory=str(root.resolve()))
        self.status = status
        super().__init__(("127.0.0.1", port), handler)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        with contextlib.suppress(OSError):
            self.server_close()
