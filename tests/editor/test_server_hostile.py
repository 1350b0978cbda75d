"""The editor's server against what a hostile or unlucky client does (QA of 2026-12-06):
a save racing another editor, a disk that refuses the write, a lone surrogate, a body
left unread, a request trickled in a byte at a time."""

from __future__ import annotations

import json
import re
import socket
import time
from typing import Any

import pytest

from showcase.editor import server as editor_server
from showcase.editor import session
from showcase.editor.server import EditorServer
from tests.editor.test_server import call, profile_of, put
from tests.editor.test_server import server as server  # the fixture
from tests.helpers import trickled_until_closed


def test_a_change_saved_by_another_editor_during_the_save_is_never_overwritten(
    server: EditorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file was checked, then the edit made (~0.06 s), then the file replaced: a save
    by another editor in between was lost, and not even in the backup."""
    profile, etag = profile_of(server)
    path = server.profile.path
    real_apply = session.apply_edit  # type: ignore[attr-defined]

    def meanwhile(text: str, data: dict[str, Any]) -> str:
        path.write_text(path.read_text("utf-8") + "# saved by another editor\n", "utf-8")
        return real_apply(text, data)

    monkeypatch.setattr(session, "apply_edit", meanwhile)
    status, _, body = put(server, {**profile, "headline": "Changed here"}, etag)
    assert status == 412  # offered as a reload
    assert json.loads(body)["etag"] != etag
    kept = path.read_text("utf-8")
    assert kept.endswith("# saved by another editor\n") and "Changed here" not in kept
    assert not list(path.parent.glob(".profile.yaml.*.tmp"))


def test_a_write_the_disk_refuses_is_an_answer_and_changes_nothing(
    server: EditorServer,
) -> None:
    profile, etag = profile_of(server)
    before = server.profile.path.read_bytes()
    server.profile.backup.mkdir()  # the backup cannot be replaced: as a full disk would
    status, _, body = put(server, {**profile, "headline": "Changed"}, etag)
    assert status == 409
    assert "cannot write it" in json.loads(body)["error"]
    assert server.profile.path.read_bytes() == before


def test_a_lone_surrogate_comes_back_as_a_problem_at_its_field(server: EditorServer) -> None:
    profile, etag = profile_of(server)
    status, _, body = put(server, {**profile, "name": "Jordan \ud800"}, etag)
    assert status == 200
    answer = json.loads(body)
    assert answer["profile"]["name"] == "Jordan \ud800"
    assert any(p["severity"] == "error" and "name" in p["field"] for p in answer["problems"])
    status, _, again = call(server, "GET", "/api/profile")  # the form loads, as it is
    assert status == 200 and json.loads(again)["profile"]["name"] == "Jordan \ud800"


def _exchange(server: EditorServer, raw: bytes, seconds: float = 5.0) -> bytes:
    port = server.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as client:
        client.sendall(raw)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    return answer


def test_a_refused_write_closes_the_connection_so_its_body_is_never_a_request(
    server: EditorServer,
) -> None:
    port = server.server_address[1]
    smuggled = f"GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    head = (
        f"POST /api/import HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Length: {len(smuggled)}\r\n\r\n"
    ).encode()
    answer = _exchange(server, head + smuggled)
    assert answer.count(b"HTTP/1.1 ") == 1 and answer.startswith(b"HTTP/1.1 403")


@pytest.mark.parametrize("length", ["+5", " 5x", "1_000", "-1", "99999999999999"])
def test_a_content_length_that_is_not_digits_is_refused(server: EditorServer, length: str) -> None:
    port = server.server_address[1]
    raw = (
        f"PUT /api/profile HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f'X-Showcase-Token: {server.token}\r\nIf-Match: "x"\r\n'
        f"Content-Length: {length}\r\n\r\nhello"
    ).encode()
    answer = _exchange(server, raw)
    assert answer.split(b"\r\n", 1)[0] in {
        b"HTTP/1.1 411 Length Required",
        b"HTTP/1.1 413 Request Entity Too Large",
    }


def test_a_request_trickled_in_is_cut_off_at_its_deadline(
    server: EditorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each byte comes well within the idle timeout, but the request as a whole must
    arrive within `request_seconds` (before, a slot was held as long as the client
    liked, and 16 such clients locked everyone out)."""
    monkeypatch.setattr(editor_server._Handler, "request_seconds", 1.0)
    port = server.server_address[1]
    head = b"GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: "
    assert trickled_until_closed(("127.0.0.1", port), head, 0.2) < 4
    assert call(server, "GET", "/api/status")[0] == 200  # and others are served


def _get_on(client: socket.socket, port: int, *, pieces: int = 1, pause: float = 0.0) -> bytes:
    """A GET of /api/status sent on `client` in `pieces`, `pause` seconds apart."""
    request = f"GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    size = -(-len(request) // pieces)
    for start in range(0, len(request), size):
        client.sendall(request[start : start + size])
        time.sleep(pause)
    answer = b""
    while b"\r\n\r\n" not in answer:  # the head, then as many bytes as it says
        answer += client.recv(65536)
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(re.search(rb"Content-Length: (\d+)", head)[1])  # type: ignore[index]
    while len(body) < length:
        body += client.recv(65536)
    return head + b"\r\n\r\n" + body


def test_a_kept_alive_connections_idle_time_does_not_count_against_its_next_request(
    server: EditorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline started when the server began waiting: on a kept-alive connection,
    26 s of idling left a 30 s request 4 s (QA round 2, 2026-12-06). It starts at the
    request's first byte."""
    monkeypatch.setattr(editor_server._Handler, "request_seconds", 1.5)
    port = server.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        assert _get_on(client, port).startswith(b"HTTP/1.1 200")
        time.sleep(1.0)  # idle, kept alive
        answer = _get_on(client, port, pieces=4, pause=0.25)  # 1 s to arrive: in time
    assert answer.startswith(b"HTTP/1.1 200")


def test_idle_kept_alive_connections_free_their_slots(
    server: EditorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sixteen browser connections left open after a request each held every slot for
    the whole 30 s idle timeout: a seventeenth was closed unanswered (QA round 2). A
    connection now waits `KEEP_ALIVE_SECONDS` for its next request."""
    from showcase import localserver

    monkeypatch.setattr(localserver, "KEEP_ALIVE_SECONDS", 0.5)
    port = server.server_address[1]
    idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(16)]
    try:
        for client in idle:
            assert _get_on(client, port).startswith(b"HTTP/1.1 200")
        time.sleep(1.5)  # past the keep-alive wait: their slots are free again
        assert call(server, "GET", "/api/status")[0] == 200
    finally:
        for client in idle:
            client.close()
