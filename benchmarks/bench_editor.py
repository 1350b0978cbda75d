"""Benchmark of `showcase edit`: from a change sent by the page to its preview, rendered.

Run it from the checkout with the project installed:

    python benchmarks/bench_editor.py            # 20 saves of each example

Each save is a real `PUT /api/profile` over loopback HTTP to a running editor server:
the YAML edited round-trip, written atomically with its backup, checked as `validate`
checks it, and the resume, posts and signature previews rendered again. The reference,
measured in the same run, is `showcase validate`'s own work on the same file
(`load_profile`), so the ratio says what the editor adds to a check. The target is a
preview within 0.5 s of a change. Tests assert behaviour; this script reports speed.
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from showcase.editor.server import EditorServer  # noqa: E402
from showcase.editor.session import ProfileFile  # noqa: E402
from showcase.profile import load_profile  # noqa: E402

RUNS = 20


def save_seconds(server: EditorServer, runs: int) -> list[float]:
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/api/profile", headers={"Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    etag = response.getheader("ETag") or ""
    profile = json.loads(response.read())["profile"]
    times = []
    for run in range(runs):
        profile["headline"] = f"Headline number {run}"
        body = json.dumps({"profile": profile}).encode()
        started = time.perf_counter()
        connection.request(
            "PUT",
            "/api/profile",
            body=body,
            headers={
                "Host": f"127.0.0.1:{port}",
                "X-Showcase-Token": server.token,
                "If-Match": etag,
                "Content-Type": "application/json",
            },
        )
        response = connection.getresponse()
        answer = json.loads(response.read())
        times.append(time.perf_counter() - started)
        assert response.status == 200 and answer["preview"]["stale"] is False, answer
        etag = answer["etag"]
    connection.close()
    return times


def main() -> None:
    print(f"{'example':<16} {'save->preview':>14} {'validate':>10} {'ratio':>7}")
    for example in ("jordan-rivera", "priya-raman", "minimal"):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "profile.yaml"
            shutil.copy(ROOT / "examples" / f"{example}.yaml", path)
            server = EditorServer(ProfileFile(path))
            server.start()
            try:
                save_seconds(server, 2)  # warm: templates compiled, modules imported
                saves = statistics.median(save_seconds(server, RUNS))
            finally:
                server.stop()
            checks = []
            for _ in range(RUNS):
                started = time.perf_counter()
                load_profile(path)
                checks.append(time.perf_counter() - started)
            check = statistics.median(checks)
        ratio = saves / check
        print(f"{example:<16} {saves * 1000:>11.0f} ms {check * 1000:>7.0f} ms {ratio:>6.1f}x")
    print("target: save->preview under 500 ms")


if __name__ == "__main__":
    main()
