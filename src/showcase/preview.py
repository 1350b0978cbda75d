"""The local web server of `showcase watch`: the output folder, pages that follow the build.

* Bound to 127.0.0.1 only, on a free port; requests whose ``Host`` is not this
  machine are refused (a web page elsewhere cannot read the folder through DNS
  rebinding). A path is decoded once and served only when, with every link
  followed, it lies inside the folder and names nothing hidden (the manifest, the
  cache); listings leave such names out.
* A pool of MAX_CONNECTIONS threads serves requests; a silent connection is closed
  after IDLE_TIMEOUT seconds; a browser that hangs up mid-answer is not an error.
* Every HTML page it serves gets a small script, added on the way out and never
  written into the files: it polls ``/__showcase__/status`` every 500 ms, reloads
  the page when a build finished (keeping the scroll position in
  sessionStorage), and shows the errors of a broken profile as a banner.
* Before the first good build there is no index.html yet: the server answers with
  a page that only shows the status, and turns into the real one when it exists.

Standard library only: `http.server` in a thread, with a thread pool.
"""

from __future__ import annotations

import functools
import html
import io
import json
import os
import threading
from collections.abc import Sequence
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from showcase.localserver import MAX_CONNECTIONS, Deadline, LocalServer

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


IDLE_TIMEOUT = 10.0  # seconds a connection may stay silent before it is closed
PAGE_LIMIT = 64 * 2**20  # bytes of one HTML page read to add the reload script


class _Handler(Deadline, SimpleHTTPRequestHandler):
    server: PreviewServer
    timeout = IDLE_TIMEOUT  # a half-open or silent connection is closed, not kept forever
    _local: Path | None = None

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

    def _not_served(self) -> None:
        self._send(b"not served\n", "text/plain", HTTPStatus.NOT_FOUND)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(b"not this host\n", "text/plain", HTTPStatus.FORBIDDEN)
            return
        # Decoded once, here; nothing below decodes again (`/%252e...` stays "%2e...").
        path = unquote(urlsplit(self.path).path)
        if path == STATUS_PATH:
            self._send(self.server.status.as_json(), "application/json")
            return
        parts = [p for p in path.split("/") if p]
        local = self.server.confined(parts)
        if local is None:
            self._not_served()
            return
        if local.is_dir() and path.endswith("/"):
            index = self.server.confined([*parts, "index.html"])
            if index is not None and (index.is_file() or not parts):
                local, parts = index, [*parts, "index.html"]
        if local.suffix.lower() in {".html", ".htm"} and not local.is_dir():
            page = _read_page(local)
            if page is None and parts == ["index.html"]:
                page = WAITING_PAGE.encode("utf-8")
            if page is not None:
                self._send(inject(page), "text/html; charset=utf-8")
                return
        if not local.is_dir() and not local.is_file():
            self._not_served()  # missing, or a pipe or a device: opening it could block
            return
        self._local = local
        super().do_GET()

    def translate_path(self, path: str) -> str:
        """The path do_GET resolved and confined (the base class would decode `path` again)."""
        return str(self._local) if self._local is not None else "/nonexistent/showcase"

    def list_directory(self, path: str | os.PathLike[str]) -> io.BytesIO | None:
        """A folder's listing without hidden names or links that lead out of the folder."""
        folder = Path(path)
        try:
            names = sorted(os.listdir(folder), key=str.lower)
        except OSError:
            self._not_served()
            return None
        shown = []
        for name in names:
            target = self.server.confined([*self._relative(folder), name])
            if target is None:
                continue
            link = name + ("/" if target.is_dir() else "")
            shown.append(f'<li><a href="{quote(link)}">{html.escape(link)}</a></li>')
        title = html.escape("/" + "/".join(self._relative(folder)))
        body = (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}'
            f"</title></head><body><h1>{title}</h1><ul>{''.join(shown)}</ul></body></html>\n"
        ).encode()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _relative(self, folder: Path) -> list[str]:
        return list(folder.resolve().relative_to(self.server.root).parts)


def _read_page(path: Path) -> bytes | None:
    """An HTML file's bytes (a regular file, at most PAGE_LIMIT), or None."""
    from showcase.reading import TooLarge, read_bounded

    try:
        return read_bounded(path, PAGE_LIMIT) if path.is_file() else None
    except (OSError, TooLarge):
        return None


class PreviewServer(LocalServer):
    """Serves `root` on 127.0.0.1 (port 0: a free one) with the reload script and status.

    Only what lies inside `root` once every link is followed, and no hidden name on the
    way, is served or listed. At most MAX_CONNECTIONS requests are served at once (a
    pool of threads, not one thread per connection); a connection silent for
    `idle_timeout` seconds is closed; a client that hangs up is no error."""

    def __init__(
        self,
        root: Path,
        status: BuildStatus,
        port: int = 0,
        *,
        idle_timeout: float = IDLE_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        self.root = root.resolve()
        handler = type("Handler", (_Handler,), {"timeout": idle_timeout})
        self.status = status
        super().__init__(
            functools.partial(handler, directory=str(self.root)),
            port=port,
            max_connections=max_connections,
            name="showcase-preview",
        )

    def confined(self, parts: Sequence[str]) -> Path | None:
        """The real path of `parts` under the root, or None when it must not be served:
        a hidden name, ``..``, a NUL or a backslash in a part, or a link whose target is
        outside the root or hidden."""
        if any(p.startswith(".") or "\x00" in p or "\\" in p for p in parts):
            return None
        try:
            real = self.root.joinpath(*parts).resolve()
            inside = real.relative_to(self.root)
        except (OSError, ValueError, RuntimeError):
            return None
        if any(p.startswith(".") for p in inside.parts):
            return None
        return real
