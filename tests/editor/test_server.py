"""The editor's HTTP API on a real loopback server: who may write, ETags, imports, preview."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from showcase.editor.server import EditorServer
from showcase.editor.session import ProfileFile
from tests.conftest import EXAMPLES, TODAY
from tests.editor.conftest import serving
from tests.helpers import interruptible

IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EditorServer]:
    path = tmp_path / "profile.yaml"
    path.write_bytes((EXAMPLES / "jordan-rivera.yaml").read_bytes())
    with serving(path) as running:
        yield running


def call(
    server: EditorServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), data


def profile_of(server: EditorServer) -> tuple[dict[str, Any], str]:
    status, headers, body = call(server, "GET", "/api/profile")
    assert status == 200
    return json.loads(body)["profile"], headers["ETag"]


def put(server: EditorServer, profile: dict[str, Any], etag: str, **extra: str) -> Any:
    headers = {
        "X-Showcase-Token": server.token,
        "If-Match": etag,
        "Content-Type": "application/json",
        **extra,
    }
    return call(server, "PUT", "/api/profile", json.dumps({"profile": profile}).encode(), headers)


def test_the_page_carries_this_runs_token_and_loads_nothing_from_elsewhere(
    server: EditorServer,
) -> None:
    status, headers, body = call(server, "GET", "/")
    page = body.decode()
    assert status == 200
    assert f'<meta name="showcase-token" content="{server.token}">' in page
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert not re.search(r"""(src|href)=["']https?:""", page)
    for name in ("editor.js", "editor.css"):
        asset = call(server, "GET", f"/static/{name}")[2].decode()
        assert "http://" not in asset and "https://" not in asset


def test_a_write_without_the_token_or_from_elsewhere_is_refused(server: EditorServer) -> None:
    profile, etag = profile_of(server)
    path = server.profile.path
    before = path.read_bytes()
    changed = {**profile, "name": "Mallory"}
    assert put(server, changed, etag, **{"X-Showcase-Token": ""})[0] == 403
    assert put(server, changed, etag, **{"X-Showcase-Token": "guess"})[0] == 403
    assert put(server, changed, etag, Origin="http://evil.example")[0] == 403
    assert call(server, "GET", "/api/profile", headers={"Host": "evil.example"})[0] == 403
    assert call(server, "GET", "/", headers={"Host": "127.0.0.1.evil.example:80"})[0] == 403
    status, _, _ = call(server, "POST", "/api/import", b"x", {"X-Filename": "a.csv"})
    assert status == 403
    assert path.read_bytes() == before


def test_a_save_answers_problems_and_a_new_etag_and_refuses_a_stale_one(
    server: EditorServer,
) -> None:
    profile, etag = profile_of(server)
    profile["credentials"][0]["issued"] = "2026-13"
    status, headers, body = put(server, profile, etag)
    answer = json.loads(body)
    assert status == 200
    assert headers["ETag"] == answer["etag"] != etag
    assert [p["field"] for p in answer["problems"] if p["severity"] == "error"] == [
        "credentials[0].issued"
    ]
    assert "issued: 2026-13" in server.profile.path.read_text("utf-8")
    # The old ETag is stale now: refused, and the answer carries what is on disk.
    status, _, body = put(server, {**profile, "name": "Late Writer"}, etag)
    assert status == 412
    assert json.loads(body)["profile"]["credentials"][0]["issued"] == "2026-13"
    assert "Late Writer" not in server.profile.path.read_text("utf-8")
    assert put(server, profile, "")[0] == 428
    status, _, _ = call(server, "GET", "/api/profile", headers={"If-None-Match": answer["etag"]})
    assert status == 304


def test_bad_bodies_are_clear_errors(server: EditorServer) -> None:
    _, etag = profile_of(server)
    headers = {"X-Showcase-Token": server.token, "If-Match": etag}
    assert call(server, "PUT", "/api/profile", b"{not json", headers)[0] == 400
    assert call(server, "PUT", "/api/profile", b'{"profile": []}', headers)[0] == 400
    deep = b'{"profile": {"name": ' + b"[" * 5000 + b"]" * 5000 + b"}}"
    assert call(server, "PUT", "/api/profile", deep, headers)[0] == 400
    huge = {**headers, "Content-Length": str(50 * 1024 * 1024)}
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("PUT", "/api/profile", skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{port}")
    for key, value in huge.items():
        connection.putheader(key, value)
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()


def test_a_save_over_a_file_that_is_not_utf8_is_a_409_not_a_dropped_request(
    tmp_path: Path,
) -> None:
    path = tmp_path / "profile.yaml"
    path.write_bytes("name: Jos\xe9\ncredentials: []\n".encode("latin-1"))
    running = EditorServer(ProfileFile(path, today=TODAY))
    running.start()
    try:
        status, headers, body = call(running, "GET", "/api/profile")
        assert status == 200 and "not UTF-8" in body.decode("utf-8")
        status, _, body = put(running, {"name": "Jose"}, headers["ETag"])
        assert status == 409
        assert "not UTF-8" in json.loads(body)["error"]
    finally:
        running.stop()
    assert path.read_bytes() == "name: Jos\xe9\ncredentials: []\n".encode("latin-1")


def test_import_reads_a_dropped_linkedin_export(server: EditorServer) -> None:
    body = (IMPORTS / "Certifications.csv").read_bytes()
    headers = {"X-Showcase-Token": server.token, "X-Filename": "..%2F..%2FCertifications.csv"}
    status, _, answer = call(server, "POST", "/api/import", body, headers)
    result = json.loads(answer)
    assert status == 200 and result["error"] is None
    assert result["credentials"] and all("name" in c for c in result["credentials"])
    status, _, answer = call(server, "POST", "/api/import", b"just words", headers)
    assert "not a format showcase can import" in json.loads(answer)["error"]
    assert "/tmp" not in json.loads(answer)["error"]


def test_the_preview_follows_valid_saves_and_keeps_the_last_good_one(
    server: EditorServer,
) -> None:
    profile, etag = profile_of(server)
    profile["name"] = "Jordan Q. Rivera"
    status, _, body = put(server, profile, etag)
    answer = json.loads(body)
    assert status == 200 and answer["preview"]["stale"] is False
    resume = call(server, "GET", "/preview/resume.html")
    assert b"Jordan Q. Rivera" in resume[2]
    assert "default-src 'none'" in resume[1]["Content-Security-Policy"]
    assert b"Jordan Q. Rivera" in call(server, "GET", "/preview/signature.html")[2]
    assert b"LinkedIn" in call(server, "GET", "/preview/posts.html")[2]
    profile["name"] = ""  # an error: the preview stays as it was
    _, _, body = put(server, profile, answer["etag"])
    assert json.loads(body)["preview"]["stale"] is True
    assert b"Jordan Q. Rivera" in call(server, "GET", "/preview/resume.html")[2]
    assert call(server, "GET", "/preview/../profile.yaml")[0] == 404


@pytest.mark.slow
def test_showcase_edit_starts_a_missing_profile_from_the_starter(tmp_path: Path) -> None:
    profile = tmp_path / "new.yaml"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "showcase", "edit", str(profile), "--no-open"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=interruptible,
    )
    try:
        assert process.stdout is not None
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            lines.append(line)
            if "Editing" in line or not line:
                break
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", "".join(lines))
        assert match, lines
        assert profile.exists() and "name:" in profile.read_text("utf-8")
        connection = http.client.HTTPConnection("127.0.0.1", int(match[1]), timeout=10)
        connection.request("GET", "/api/profile")
        answer = json.loads(connection.getresponse().read())
        assert answer["profile"]["name"] == "Alex Morgan"
        connection.close()
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert "Stopped." in out and "Traceback" not in err


@pytest.mark.slow
def test_silent_connections_hold_at_most_the_pools_threads(server: EditorServer) -> None:
    """Forty connections that send nothing: the server keeps at most its 16 pool threads
    (before, a thread per connection) and the rest are closed."""
    import socket
    import threading

    port = server.server_address[1]
    before = threading.active_count()
    sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(40)]
    try:
        time.sleep(1.0)
        serving = [t for t in threading.enumerate() if t.name.startswith("showcase-edit")]
        assert 0 < len(serving) <= 16
        assert threading.active_count() - before <= 16
    finally:
        for s in sockets:
            s.close()
