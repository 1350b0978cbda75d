"""How the `showcase` program ends (showcase.cli.ending): what the interpreter's exit
does that anyone could see still happens; its teardown does not."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from showcase.cli.ending import FLUSH_FAILED, status_of
from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


def python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_console_script_and_python_m_both_end_through_run() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["showcase"] == "showcase.cli.ending:run"
    main = (ROOT / "src" / "showcase" / "__main__.py").read_text("utf-8")
    assert "from showcase.cli.ending import run" in main


def test_a_command_keeps_its_output_and_its_status(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "showcase", "validate", str(EXAMPLES / "jordan-rivera.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    assert "valid profile of Jordan Rivera" in ok.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "showcase", "build", str(tmp_path / "nobody.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert missing.returncode == 1
    assert "no such file" in missing.stdout + missing.stderr
    assert "Traceback" not in missing.stderr


def test_threads_and_exit_handlers_run_and_the_teardown_does_not(tmp_path: Path) -> None:
    code = """
import atexit, sys, threading, time
from pathlib import Path
from showcase.cli.ending import end
folder = Path(sys.argv[1])

class Torn:
    def __del__(self):  # runs only when the interpreter takes the module apart
        (folder / "torn-down").write_text("yes")

kept = Torn()
atexit.register(lambda: (folder / "handler").write_text("ran"))
def late():
    time.sleep(0.2)
    (folder / "thread").write_text("done")
threading.Thread(target=late).start()
sys.stdout.write("buffered, not flushed")
end(3)
"""
    result = python(code, str(tmp_path))
    assert result.returncode == 3
    assert result.stdout == "buffered, not flushed"
    assert (tmp_path / "handler").read_text() == "ran"
    assert (tmp_path / "thread").read_text() == "done"
    assert not (tmp_path / "torn-down").exists()
    # The same program ended the ordinary way does take the module apart: the check
    # above could fail.
    ordinary = python(code.replace("end(3)", "sys.exit(3)"), str(tmp_path))
    assert ordinary.returncode == 3
    assert (tmp_path / "torn-down").read_text() == "yes"


def test_standard_output_closed_by_its_reader_gives_the_interpreters_status() -> None:
    code = """
import sys
from showcase.cli.ending import end
sys.stdout.write("x" * 100)  # a pipe: kept in the buffer until the exit flushes it
sys.stdin.read()  # until the test has closed the other end
end(0)
"""
    unbuffered = {"PYTHONUNBUFFERED"}  # set on some machines: every write a system call
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        env={name: value for name, value in os.environ.items() if name not in unbuffered},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdin is not None
    process.stdout.close()
    process.stdin.close()
    assert process.wait(timeout=60) == FLUSH_FAILED
    assert process.stderr is not None
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()


@pytest.mark.parametrize(
    ("code", "status", "said"),
    [(None, 0, ""), (0, 0, ""), (4, 4, ""), ("stopped: no room", 1, "stopped: no room\n")],
)
def test_status_of_a_system_exit_is_the_interpreters(
    code: object, status: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert status_of(code) == status
    assert capsys.readouterr().err == said


def test_a_python_without_the_private_hooks_exits_the_ordinary_way(tmp_path: Path) -> None:
    code = """
import atexit, sys
from pathlib import Path
del atexit._run_exitfuncs
from showcase.cli.ending import end
atexit.register(lambda: Path(sys.argv[1]).write_text("ran"))
end(5)
"""
    result = python(code, str(tmp_path / "handler"))
    assert result.returncode == 5
    assert (tmp_path / "handler").read_text() == "ran"
