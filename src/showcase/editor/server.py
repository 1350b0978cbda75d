"""The editor's local web server: the page, its JSON API (docs/editor.md) and the preview.

* 127.0.0.1 only; a request whose ``Host`` is not this machine's is refused (DNS
  rebinding), and so is a write from another origin.
* A token made for this run is in the page (``<meta name="showcase-token">``); every
  write must send it as ``X-Showcase-Token`` or is refused with 403. Another web page
  open in the same browser cannot read it.
* Everything the page needs is bundled (``editor/static``): no CDN, works offline.
* Bodies are bounded, each request must arrive whole within 30 s of its first byte and
  begin within 5 s (`showcase.localserver.Deadline`), at most 16 requests are served at
  once (a pool of threads), errors are JSON (ASCII) with a message.

Standard library only: `http.server` in threads.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import tempfile
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from showcase.editor.preview import PAGES, Previews
from showcase.editor.session import Conflict, ProfileFile, Snapshot
from showcase.editor.yamledit import EditError
from showcase.errors import ShowcaseError
from showcase.localserver import Deadline, LocalServer

MAX_PROFILE_BODY = 2 * 1024 * 1024  # the profile as JSON; the YAML is at most 1 MiB
MAX_IMPORT_BODY = 5 * 1024 * 1024 + 1  # the importers' own limit decides beyond that
IDLE_SECONDS = 30  # a connection that sends nothing for this long is closed
STATIC = {
    "editor.js": "text/javascript; charset=utf-8",
    "editor.css": "text/css; charset=utf-8",
}
_PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; form-action 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
# The preview pages are the artifacts' own HTML (user text escaped by the templates);
# they run no script and load nothing from elsewhere.
_PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src data:; "
    "frame-ancestors 'self'"
)


def _static(name: str) -> bytes:
    return (resources.files("showcase.editor") / "static" / name).read_bytes()


class EditorServer(LocalServer):
    """Serves the editor of `profile` on 127.0.0.1 (port 0: a free one), on a bounded pool
    of threads (see `showcase.localserver`)."""

    def __init__(
        self,
        profile: ProfileFile,
        *,
        port: int = 0,
        templates_dir: Path | None = None,
        token: str | None = None,
    ) -> None:
        self.profile = profile
        self.templates_dir = templates_dir
        self.token = token or secrets.token_urlsafe(32)
        self.previews = Previews()
        super().__init__(_Handler, port=port, name="showcase-edit")
        self.refresh(self.profile.snapshot())

    def refresh(self, snapshot: Snapshot) -> None:
        """Bring the preview up to `snapshot` (rendered only when it changed)."""
        if snapshot.etag != getattr(self, "_previewed", None):
            self.previews.update(snapshot.loaded, self.templates_dir)
            self._previewed = snapshot.etag


class _Handler(Deadline, BaseHTTPRequestHandler):
    server: EditorServer
    timeout = IDLE_SECONDS
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:
        # A browser that hangs up mid-answer is not an error worth a traceback.
        with contextlib.suppress(ConnectionError, TimeoutError):
            super().handle()

    # Answers ------------------------------------------------------------------------

    def _send(
        self,
        body: bytes,
        content_type: str,
        status: HTTPStatus = HTTPStatus.OK,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(
        self, value: Any, status: HTTPStatus = HTTPStatus.OK, headers: dict[str, str] | None = None
    ) -> None:
        # ASCII with escapes: a lone surrogate the user typed (or the file holds) is then
        # valid JSON the page can show with its problem, not an answer that never came.
        body = json.dumps(value, ensure_ascii=True).encode("ascii")
        self._send(body, "application/json; charset=utf-8", status, headers)

    def _error(self, status: HTTPStatus, message: str) -> None:
        if self.command in {"PUT", "POST"}:
            # Its body may be unread: closing is the only way it is never read as the
            # next request on this connection.
            self.close_connection = True
        self._json({"error": message}, status)

    def _snapshot_json(self, snapshot: Snapshot, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.server.refresh(snapshot)
        body = {**snapshot.as_json(), "preview": self.server.previews.state()}
        self._json(body, status, {"ETag": snapshot.etag})

    # Checks -------------------------------------------------------------------------

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        port = str(self.server.server_address[1])
        return host in {f"127.0.0.1:{port}", f"localhost:{port}"}

    def _write_ok(self) -> bool:
        """A write: this run's token, and (when the browser says) our own origin."""
        origin = self.headers.get("Origin")
        if origin is not None and origin.rstrip("/") != self.server.url.rstrip("/"):
            port = self.server.server_address[1]
            if origin.rstrip("/") != f"http://localhost:{port}":
                self._error(HTTPStatus.FORBIDDEN, "a write from another origin")
                return False
        sent = self.headers.get("X-Showcase-Token", "")
        if not secrets.compare_digest(sent.encode(), self.server.token.encode()):
            self._error(HTTPStatus.FORBIDDEN, "missing or wrong X-Showcase-Token")
            return False
        return True

    def _body(self, limit: int) -> bytes | None:
        value = self.headers.get("Content-Length", "").strip()
        if not re.fullmatch(r"\d{1,12}", value) or "Transfer-Encoding" in self.headers:
            self._error(HTTPStatus.LENGTH_REQUIRED, "a Content-Length (digits) is required")
            return None
        length = int(value)
        if length < 0 or length > limit:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"at most {limit:,} bytes")
            return None
        return self.rfile.read(length)

    def _route(self) -> str | None:
        if not self._host_ok():
            self._error(HTTPStatus.FORBIDDEN, "not this host")
            return None
        return urlsplit(self.path).path

    # Methods ------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = self._route()
        if path is None:
            return
        try:
            if path in {"/", "/index.html"}:
                self._page()
            elif path.startswith("/static/") and path[8:] in STATIC:
                self._send(_static(path[8:]), STATIC[path[8:]])
            elif path == "/api/profile":
                self._get_profile()
            elif path == "/api/schema":
                from showcase.profile.schema import schema_text

                self._send(schema_text().encode("utf-8"), "application/schema+json")
            elif path == "/api/status":
                self._json({"preview": self.server.previews.state()})
            elif (m := re.fullmatch(r"/preview/(\w+)\.html", path)) and m[1] in PAGES:
                page = self.server.previews.page(m[1])
                if page is None:
                    page = b"<!DOCTYPE html><title>No preview</title><p>No preview yet: the "
                    page += b"profile has errors.</p>"
                headers = {"Content-Security-Policy": _PREVIEW_CSP}
                self._send(page, "text/html; charset=utf-8", headers=headers)
            else:
                self._error(HTTPStatus.NOT_FOUND, "no such page")
        except ShowcaseError as exc:
            self._error(HTTPStatus.CONFLICT, exc.format_message())

    def do_PUT(self) -> None:
        path = self._route()
        if path is None or not self._write_ok():
            return
        if path != "/api/profile":
            self._error(HTTPStatus.NOT_FOUND, "no such API")
            return
        body = self._body(MAX_PROFILE_BODY)
        if body is None:
            return
        try:
            sent = json.loads(body)
        except (ValueError, RecursionError):
            self._error(HTTPStatus.BAD_REQUEST, "the body is not JSON")
            return
        profile = sent.get("profile") if isinstance(sent, dict) else None
        if not isinstance(profile, dict):
            self._error(HTTPStatus.BAD_REQUEST, 'send {"profile": {...}}')
            return
        if_match = self.headers.get("If-Match")
        if not if_match:
            self._error(HTTPStatus.PRECONDITION_REQUIRED, "If-Match (the ETag you edited)")
            return
        try:
            snapshot = self.server.profile.save(profile, if_match)
        except Conflict as exc:
            self._snapshot_json(exc.current, HTTPStatus.PRECONDITION_FAILED)
            return
        except (EditError, ShowcaseError) as exc:
            self._error(HTTPStatus.CONFLICT, exc.format_message())
            return
        except RecursionError:
            self._error(HTTPStatus.BAD_REQUEST, "the profile nests too deep")
            return
        self._snapshot_json(snapshot)

    def do_POST(self) -> None:
        path = self._route()
        if path is None or not self._write_ok():
            return
        if path != "/api/import":
            self._error(HTTPStatus.NOT_FOUND, "no such API")
            return
        body = self._body(MAX_IMPORT_BODY)
        if body is None:
            return
        self._json(import_upload(unquote(self.headers.get("X-Filename", "upload")), body))

    def _page(self) -> None:
        page = _static("editor.html").decode("utf-8")
        page = page.replace("{{TOKEN}}", self.server.token)
        page = page.replace("{{FILE}}", _attr(self.server.profile.path.name))
        headers = {"Content-Security-Policy": _PAGE_CSP, "X-Frame-Options": "DENY"}
        self._send(page.encode("utf-8"), "text/html; charset=utf-8", headers=headers)

    def _get_profile(self) -> None:
        snapshot = self.server.profile.snapshot()
        if self.headers.get("If-None-Match") == snapshot.etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", snapshot.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._snapshot_json(snapshot)


def _attr(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def import_upload(filename: str, content: bytes) -> dict[str, Any]:
    """Credentials from one dropped file, read by showcase's importers."""
    from showcase.importers import DESCRIPTION, ImportFailed, import_file

    name = Path(filename.replace("\\", "/")).name
    name = re.sub(r"[^\w.\-]+", "_", name)[-100:].lstrip(".") or "upload"
    with tempfile.TemporaryDirectory(prefix="showcase-import-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            imported = import_file(path)
        except ImportFailed as exc:
            message = exc.format_message().replace(str(path), name)
            return {"credentials": [], "warnings": [], "error": message}
    credentials = [{k: v for k, v in c.items() if k != DESCRIPTION} for c in imported.credentials]
    warnings = [w.replace(str(path), name) for w in imported.warnings]
    return {"credentials": credentials, "warnings": warnings, "error": None}
