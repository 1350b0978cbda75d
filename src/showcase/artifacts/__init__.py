"""One module per artifact: each turns a loaded profile into files (name -> bytes).

Writing them to disk is the caller's business (`showcase.output.OutputDir`), so the
CLI, `showcase build` and Python callers share the same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Artifact:
    """Files to write (relative path -> content) and what the user should know."""

    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, name: str, content: bytes | str) -> None:
        self.files[name] = content.encode("utf-8") if isinstance(content, str) else content

    def extend(self, other: Artifact) -> None:
        self.files.update(other.files)
        self.warnings.extend(w for w in other.warnings if w not in self.warnings)
