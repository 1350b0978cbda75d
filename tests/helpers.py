from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path
from textwrap import dedent
from types import ModuleType
from typing import Any

import pytest

from showcase.errors import Problem, ProfileError
from showcase.profile import LoadedProfile, load_profile
from tests.conftest import ROOT, TODAY

CREDENTIAL = """
  - name: Google Ads Search Certification
    issuer: Google
    issued: 2026-02
"""

# A person in a job (Store Manager since 2020-03) holding one credential.
EMPLOYED = """
name: Dana Cho
credentials:
  - name: CompTIA A+
    issuer: CompTIA
    kind: certification
    issued: 2026-06
experience:
  - title: Store Manager
    organization: Lakeside Outfitters
    start: 2020-03
"""


def profile_text(extra: str = "", credential_fields: str = "") -> str:
    """A profile of one credential, with `credential_fields` added to it and `extra` after."""
    return f"name: Jordan Rivera\ncredentials:{CREDENTIAL}{credential_fields}{extra}"


def write_profile(tmp_path: Path, text: str, name: str = "profile.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, today: dt.date = TODAY) -> LoadedProfile:
    return load_profile(write_profile(tmp_path, text), today=today)


def problems(tmp_path: Path, text: str) -> list[Problem]:
    with pytest.raises(ProfileError) as info:
        load(tmp_path, text)
    return info.value.problems


def one_problem(tmp_path: Path, text: str) -> Problem:
    found = problems(tmp_path, text)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


def style_of(paragraph: Any) -> str:
    """A DOCX paragraph's style name ("" when it has none)."""
    return paragraph.style.name if paragraph.style is not None else ""


def run_limited(
    code: str, *, memory_mib: int = 1536, cpu_seconds: int = 60, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh Python whose address space and CPU time are capped, so a reader
    that regresses to reading without bounds fails the test instead of the machine."""
    limits = (
        "import resource\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory_mib} << 20, {memory_mib} << 20))\n"
        f"resource.setrlimit(resource.RLIMIT_CPU, ({cpu_seconds}, {cpu_seconds}))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", limits + dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        cwd=ROOT,  # `tests` importable in the child whatever the folder pytest runs from
    )


def load_tool(name: str) -> ModuleType:
    """A maintainer's script of tools/ (not a package), loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_IMPORTED = """
import os
import sys
from collections import Counter
watched = sys.argv[1].split(",")
os.register_at_fork(
    before=lambda: print("forked:" + ",".join(m for m in watched if m in sys.modules), flush=True)
)
from showcase.cli import main
try:
    main(sys.argv[2:])
except SystemExit as exc:
    assert not exc.code, exc.code
print("imported:" + ",".join(m for m in watched if m in sys.modules))
"""


def imported_by(
    args: list[str], modules: list[str], *, at_fork: bool = False, **env: str
) -> list[str]:
    """Which of `modules` the main process of `showcase ARGS` imported, run in a fresh
    Python (with this checkout's code and the `env` given); the command must succeed.
    With `at_fork`: which it had imported when it first forked (its PDF helper)."""
    import os

    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED, ",".join(modules), *args],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    mark = "forked:" if at_fork else "imported:"
    found = [line for line in done.stdout.splitlines() if line.startswith(mark)]
    assert found, f"no {mark} line in {done.stdout!r}"
    return [m for m in found[0].removeprefix(mark).split(",") if m]


def interruptible() -> None:
    """`preexec_fn` for a child the test stops with SIGINT, as Ctrl+C would: a shell runs a
    background job (`pytest ... &`) with SIGINT ignored, and a child inherits that, so
    Python would never raise KeyboardInterrupt in it. Restore the default first."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def trickled_until_closed(address: tuple[str, int], head: bytes, pause: float) -> float:
    """Send `head`, then one more byte every `pause` seconds, until the server closes the
    connection (at most 40 bytes): the seconds that took, or `inf` if it never closed.
    A slow client, as a server with a deadline per request must cut off."""
    import socket
    import time

    started = time.monotonic()
    with socket.create_connection(address, timeout=10) as client:
        client.sendall(head)
        for _ in range(40):
            try:
                client.sendall(b"a")
            except (BrokenPipeError, ConnectionResetError):
                return time.monotonic() - started
            time.sleep(pause)
            client.setblocking(False)
            try:
                if client.recv(1) == b"":
                    return time.monotonic() - started
            except BlockingIOError:
                pass
            finally:
                client.setblocking(True)
    return float("inf")


# A nurse's licence, as the tests of her tagline, headline and letter give it (a
# credentials list item, block style).
RN_LICENCE = """  - name: Registered Nurse License
    issuer: Texas Board of Nursing
    kind: license
    issued: 2022-07
    assessment: exam
"""
# The nursing tests' nurse and her licence (flow style); her cards follow.
ANA_RUIZ = """
name: Ana Ruiz
headline: Registered Nurse, Medical-Surgical
credentials:
  - {id: rn, name: Registered Nurse License, issuer: Texas Board of Nursing, kind: license,
     issued: 2022-07, expires: 2028-06}
"""
# ... with her AHA BLS card, as the nursing gap tests give it.
ANA_RUIZ_RN = (
    ANA_RUIZ
    + """  - {id: bls, name: Basic Life Support (BLS) Provider, issuer: American Heart Association,
     issued: 2025-01, expires: 2027-01, assessment: exam}
"""
)


def measure_lines(labels: Path, bullet: str = "") -> tuple[Counter[str], list[str]]:
    """Term counts (tp, fp, fn) over labelled posting lines (a YAML list of `text` and
    `asks`), each read as a whole posting's line under a "Requirements" heading (after
    `bullet`), and each line read wrong, said."""
    from ruamel.yaml import YAML

    from showcase.strategy.matcher import matcher
    from showcase.strategy.posting import from_text
    from showcase.strategy.requirements import requirements

    cases = YAML(typ="safe").load(labels.read_text("utf-8"))
    vocab = matcher().vocab
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for case in cases:
        text = f"Data Analyst\n\nRequirements\n{bullet}{case['text']}\n"
        wanted = {(t.name if (t := vocab.find(n)) else n) for n in case["asks"]}
        got = {term.name for term in requirements(from_text("line.txt", text)).terms}
        counts["tp"] += len(wanted & got)
        counts["fp"] += len(got - wanted)
        counts["fn"] += len(wanted - got)
        if got != wanted:
            wrong.append(f"{case['text']!r}: {sorted(got)} (asks {sorted(wanted)})")
    return counts, wrong
