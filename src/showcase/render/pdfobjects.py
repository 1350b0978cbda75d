"""Each PDF object made into bytes once per write, not twice.

pydyf, the PDF writer under WeasyPrint, makes a stream's or a dictionary's bytes afresh
every time its `data` is read, compressing a stream at zlib's level 9 each time. When a
file identifier is given (showcase gives one, so that the same input writes the same
bytes), `pydyf.PDF.write` reads every object's `data` twice: once to write it, and once
more to hash the whole file for the identifier's second half. So every page, font and
metadata stream of every PDF was compressed twice, and the second result thrown away.

While showcase writes a PDF (`kept_once`), the first bytes made for each stream and
dictionary are kept and handed back on the next read. The file is the same, byte for
byte (tested on every example's resume and interview sheet); measured on a warm process
(2026-12-06), the resume's layout and write took 6-10 ms less (~100 ms) and the
three-page interview sheet's 11-33 ms less (~210 ms).

Nothing changes between the two reads: `PDF.write` runs no code of WeasyPrint's and
changes no object once its bytes are made. The class attribute is swapped for the
write, under a lock, so a program writing PDFs in several threads writes one at a time
for that part, and gets pydyf's own property back after. A pydyf whose `data` is not a
property on these classes is left alone.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

_LOCK = threading.Lock()


@contextmanager
def kept_once() -> Iterator[None]:
    """While inside: each pydyf stream's and dictionary's bytes made once, then kept."""
    import pydyf

    with _LOCK, ExitStack() as undo:
        kept: dict[int, tuple[object, bytes]] = {}  # id -> (the object, kept alive; bytes)
        for cls in (pydyf.Stream, pydyf.Dictionary):
            made = cls.__dict__.get("data")
            if not isinstance(made, property) or made.fget is None:
                continue
            cls.data = property(_kept(made.fget, kept))
            undo.callback(setattr, cls, "data", made)
        yield


def _kept(make: Any, kept: dict[int, tuple[object, bytes]]) -> Any:
    def data(self: object) -> bytes:
        got = kept.get(id(self))
        if got is None or got[0] is not self:
            got = kept[id(self)] = (self, make(self))
        return got[1]

    return data
