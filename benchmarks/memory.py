"""The peak memory of a command and every process it starts, sampled from /proc (Linux).

A build forks a helper, and the helper a twin that shares the pages it loaded (copy on
write). Adding each process's peak resident set counts those shared pages once per
process; the proportional set size (PSS) splits each shared page among the processes
that share it, so summed over the processes it is the memory the command really holds.
Both are reported: the peak, over the run, of the summed PSS and of the summed RSS.
Sampled every 2 ms, so a peak shorter than that may be missed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TreeMemory:
    pss_mib: float  # the peak of the processes' summed proportional set sizes
    rss_mib: float  # the peak of their summed resident set sizes (shared pages repeated)
    processes: int  # how many processes the command had over its run


def tree_memory(cmd: list[str], cwd: Path | None = None) -> TreeMemory | None:
    """Run `cmd` to its end, sampling its process tree; None where /proc has no
    smaps_rollup (not Linux, or a kernel before 4.14)."""
    if not sys.platform.startswith("linux") or not Path("/proc/self/smaps_rollup").exists():
        return None
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_pss = peak_rss = 0
    seen: set[int] = set()
    while proc.poll() is None:
        pss = rss = 0
        for pid in _tree(proc.pid):
            seen.add(pid)
            one_pss, one_rss = _memory(pid)
            pss += one_pss
            rss += one_rss
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.002)
    assert proc.stderr is not None
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return TreeMemory(peak_pss / 1024, peak_rss / 1024, len(seen))


def _tree(root: int) -> list[int]:
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:  # it ended meanwhile
            continue
    return found


def _memory(pid: int) -> tuple[int, int]:
    """PSS and RSS of `pid` in KiB (0, 0 if it ended)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("Pss:", "Rss:"):
            fields[parts[0]] = int(parts[1])
    return fields.get("Pss:", 0), fields.get("Rss:", 0)
