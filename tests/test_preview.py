"""The watch server stays inside its folder and stays up (issue #30, 6).

Before: `/%252eprivate.html` served a hidden file (the path was decoded twice), a link in
the folder served /etc/passwd, listings showed hidden names, 40 silent connections held
40 threads after 60 s, and a browser hanging up printed BrokenPipeError tracebacks.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from showcase.preview import BuildStatus, PreviewServer
from tests.helpers import trickled_until_closed

SECRET = "the-secret-3f9a"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[PreviewServer, Path]]:
    root = tmp_path / "out"
    root.mkdir()
    (root / "index.html").write_text("<html><body><p>home</p></body></html>")
    (root / ".private.html").write_text(f"<html><body>{SECRET}</body></html>")
    (root / ".showcase-manifest.json").write_text(f'{{"{SECRET}": []}}')
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET)
    (root / "resume").mkdir()
    (root / "resume" / "Sam-Lee.txt").write_text("Sam Lee\n")
    (root / "resume" / ".notes.txt").write_text(SECRET)
    (root / "resume" / "escape").symlink_to(outside)
    (root / "resume" / "passwd.txt").symlink_to(outside / "passwd")
    (root / "resume" / "manifest.json").symlink_to(root / ".showcase-manifest.json")
    (root / "resume" / "same.txt").symlink_to(root / "resume" / "Sam-Lee.txt")
    server = PreviewServer(root, BuildStatus(), idle_timeout=1.0, max_connections=4)
    server.start()
    try:
        yield server, root
    finally:
        server.stop()


def _get(server: PreviewServer, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.mark.parametrize(
    "path",
    [
        "/%252eprivate.html",  # decoded twice before: served .private.html
        "/%2eprivate.html",
        "/.private.html",
        "/%252eshowcase-manifest.json",
        "/resume/escape/passwd",  # a link to a folder outside
        "/resume/passwd.txt",  # a link to a file outside
        "/resume/manifest.json",  # a link to a hidden file inside
        "/resume/%252enotes.txt",
        "/resume/%2e%2e/%2e%2e/outside/passwd",
        "/resume/..%2f..%2foutside/passwd",
        "/resume/..%252f..%252foutside%252fpasswd",
    ],
)
def test_nothing_outside_or_hidden_is_served(site: tuple[PreviewServer, Path], path: str) -> None:
    server, _ = site
    status, body = _get(server, path)
    assert status == 404 and SECRET not in body, (status, body[:200])


def test_what_is_inside_is_still_served(site: tuple[PreviewServer, Path]) -> None:
    server, _ = site
    assert _get(server, "/resume/Sam-Lee.txt") == (200, "Sam Lee\n")
    assert _get(server, "/resume/same.txt") == (200, "Sam Lee\n")  # a link inside is fine
    status, page = _get(server, "/")
    assert status == 200 and "home" in page and "data-showcase-watch" in page


def test_listings_leave_out_hidden_names_and_links_out(site: tuple[PreviewServer, Path]) -> None:
    server, _ = site
    status, listing = _get(server, "/resume/")
    assert status == 200
    assert "Sam-Lee.txt" in listing and "same.txt" in listing
    for hidden in (".notes.txt", "escape", "passwd.txt", "manifest.json"):
        assert hidden not in listing, hidden


@pytest.mark.slow
def test_silent_connections_are_closed_and_threads_stay_bounded(
    site: tuple[PreviewServer, Path],
) -> None:
    """40 connections that send nothing: before, all 40 were open after 60 s, one
    thread each. Now at most 4 threads serve (this server's pool), and every silent
    connection is closed within its 1 s idle timeout."""
    server, _ = site
    threads_before = threading.active_count()
    host, port = server.server_address[:2]
    silent = [socket.create_connection((str(host), port), timeout=10) for _ in range(40)]
    try:
        time.sleep(0.5)
        assert threading.active_count() - threads_before <= 4
        for connection in silent:
            connection.settimeout(8)
            assert connection.recv(1) == b""  # closed by the server, not by us
    finally:
        for connection in silent:
            connection.close()
    assert _get(server, "/resume/Sam-Lee.txt") == (200, "Sam Lee\n")


def test_a_client_hanging_up_is_no_traceback(
    site: tuple[PreviewServer, Path], capfd: pytest.CaptureFixture[str]
) -> None:
    """Before: each hang-up mid-answer printed a BrokenPipeError or ConnectionResetError
    traceback (691 in one run of the issue's test)."""
    server, root = site
    (root / "big.bin").write_bytes(b"x" * (8 << 20))
    host, port = server.server_address[:2]
    for _ in range(10):
        client = socket.create_connection((str(host), port), timeout=10)
        client.sendall(b"GET /big.bin HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        client.recv(1024)
        # Close with a reset (SO_LINGER 0): the server's next write fails at once.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
    time.sleep(0.5)
    assert _get(server, "/resume/Sam-Lee.txt")[0] == 200
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Error" not in captured.err, captured.err[:2000]


def test_a_request_trickled_in_is_cut_off_at_its_deadline(
    site: tuple[PreviewServer, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A header byte every 0.3 s is within the 1 s idle timeout, but the request must
    arrive whole within `request_seconds`: before, 16 such clients locked `watch`'s
    preview for as long as they liked (QA, 2026-12-06)."""
    from showcase import preview

    monkeypatch.setattr(preview._Handler, "request_seconds", 1.5)
    server, _ = site
    host, port = server.server_address[:2]
    head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: "
    assert trickled_until_closed((str(host), port), head, 0.3) < 5
    assert _get(server, "/resume/Sam-Lee.txt") == (200, "Sam Lee\n")
