"""The CSVs a profile needs from LinkedIn's data export: the ZIP as downloaded, or its folder.

Only the files named in `WANTED` are ever read; connections, messages, invitations
and everything else in the export are not opened. Nothing is unpacked to disk.

Bounded whatever the ZIP claims (its header sizes are not trusted):
* the central directory is checked from the end record before `zipfile` reads it:
  at most `MAX_MEMBERS` members and `MAX_DIRECTORY_BYTES` of directory;
* each wanted member is read as a stream and refused past `MAX_MEMBER_BYTES`
  (a ZIP bomb stops there), and all of them together past `MAX_TOTAL_BYTES`;
* a member whose name is absolute or climbs out with ``..`` makes the whole ZIP
  refused: LinkedIn never writes one, so such a file is not an export.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from showcase.importers.reading import read_limited
from showcase.importers.result import ImportFailed

# The export's files that have a place in a profile, by their name in the export.
WANTED = (
    "Profile.csv",
    "Email Addresses.csv",
    "PhoneNumbers.csv",
    "Positions.csv",
    "Education.csv",
    "Skills.csv",
    "Languages.csv",
    "Certifications.csv",
    "Courses.csv",
    "Projects.csv",
    "Honors.csv",
    "Volunteering.csv",
    "Publications.csv",
)

MAX_MEMBERS = 10_000
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024
MAX_MEMBER_BYTES = 8 * 1024 * 1024
MAX_TOTAL_BYTES = 32 * 1024 * 1024
_CHUNK = 64 * 1024


def file_key(name: str) -> str:
    """How file names are compared: ``Email_Addresses.CSV`` is ``Email Addresses.csv``."""
    return re.sub(r"[\s_]+", "", name).casefold()


_WANTED_BY_KEY = {file_key(name): name for name in WANTED}


@dataclass
class ExportFiles:
    """The wanted CSVs found in an export: their text by name in `WANTED`."""

    source: str
    texts: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # read, even if not as text

    def add(self, wanted: str, data: bytes, where: str) -> None:
        """The file's text, or a warning if it is not UTF-8 (the other files still count)."""
        self.present.add(wanted)
        try:
            self.texts[wanted] = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.warnings.append(
                f"{where}:{line}: not UTF-8 text (byte {exc.start}); LinkedIn writes UTF-8, "
                "so the file was changed since (save it as UTF-8); not imported"
            )


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:g} MiB"


def _not_an_export(source: str) -> ImportFailed:
    return ImportFailed(
        f"{source}: not a LinkedIn data export: it holds none of {', '.join(WANTED[:6])} ... "
        "(on LinkedIn: Settings & Privacy > Data privacy > Get a copy of your data)"
    )


# --- the ZIP ------------------------------------------------------------------------------

_END = struct.Struct("<4s4H2LH")  # end of central directory record
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")


def _directory_size(handle: BinaryIO) -> tuple[int, int] | None:
    """(members, directory bytes) as the ZIP's end record states them, or None if absent."""
    size = handle.seek(0, os.SEEK_END)
    tail_size = min(size, _END.size + 65_535)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END.size > len(tail):
        return None
    _sig, _disk, _cd_disk, _here, members, cd_size, cd_offset, _comment = _END.unpack_from(tail, at)
    if members == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:  # ZIP64
        locator_at = size - tail_size + at - _END64_LOCATOR.size
        if locator_at < 0:
            return None
        handle.seek(locator_at)
        locator = handle.read(_END64_LOCATOR.size)
        if len(locator) < _END64_LOCATOR.size or not locator.startswith(b"PK\x06\x07"):
            return None
        _sig, _disk, end64_at, _disks = _END64_LOCATOR.unpack(locator)
        handle.seek(end64_at)
        record = handle.read(_END64.size)
        if len(record) < _END64.size or not record.startswith(b"PK\x06\x06"):
            return None
        fields = _END64.unpack(record)
        members, cd_size = fields[7], fields[8]
    return members, cd_size


def _unsafe(name: str) -> bool:
    parts = re.split(r"[\\/]", name)
    return (
        name.startswith(("/", "\\"))
        or re.match(r"[A-Za-z]:", name) is not None
        or ".." in parts
        or "\x00" in name
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, room: int) -> bytes:
    limit = min(MAX_MEMBER_BYTES, room)
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(min(_CHUNK, limit + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    break
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise ImportFailed(
            f"{where}: damaged in the ZIP ({exc}); download the export again"
        ) from None
    except (NotImplementedError, RuntimeError) as exc:  # compression method, password
        raise ImportFailed(f"{where}: cannot be unpacked ({exc})") from None
    if total > limit:
        if limit < MAX_MEMBER_BYTES:
            raise ImportFailed(
                f"{where}: the files to read unpack to more than {_mib(MAX_TOTAL_BYTES)} "
                "together; a LinkedIn export's profile files are far smaller (a ZIP bomb?)"
            )
        raise ImportFailed(
            f"{where}: unpacks to more than {_mib(MAX_MEMBER_BYTES)}; a LinkedIn export's "
            "profile files are far smaller (a ZIP bomb?)"
        )
    return b"".join(chunks)


def read_zip(path: Path, wanted: tuple[str, ...] = WANTED) -> ExportFiles:
    """The `wanted` CSVs of the ZIP at `path`."""
    source = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ImportFailed(f"{source}: cannot read it ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ImportFailed(f"{source}: not a regular file; save the export to a file first")
        return _read_archive(handle, source, wanted)


def _read_archive(handle: BinaryIO, source: str, only: tuple[str, ...]) -> ExportFiles:
    stated = _directory_size(handle)
    if stated is None:
        raise ImportFailed(f"{source}: not a ZIP file (or a cut one); download the export again")
    members, directory = stated
    if members > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
        raise ImportFailed(
            f"{source}: a ZIP of {members:,} members ({directory:,} bytes of directory); "
            f"a LinkedIn export has far fewer than {MAX_MEMBERS:,}, so it is not read"
        )
    handle.seek(0)
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailed(f"{source}: not a ZIP showcase can read ({exc})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ImportFailed(f"{source}: a ZIP of {len(infos):,} members; not an export")
        found: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if _unsafe(info.filename):
                raise ImportFailed(
                    f"{source}: the member `{info.filename[:120]!s}` has an absolute path or "
                    "`..`, which would land outside the folder it is unpacked into; LinkedIn "
                    "never writes one, so this ZIP is not read"
                )
            parts = [p for p in re.split(r"[\\/]", info.filename) if p]
            if info.is_dir() or not parts or len(parts) > 2:
                continue
            wanted = _WANTED_BY_KEY.get(file_key(parts[-1]))
            if wanted is not None and wanted not in found:
                found[wanted] = info
        if not found:
            raise _not_an_export(source)
        files = ExportFiles(source)
        used = 0
        for wanted, info in found.items():
            if wanted not in only:
                continue
            where = f"{source}: {info.filename}"
            if info.flag_bits & 0x1:
                raise ImportFailed(f"{where}: encrypted; export it from LinkedIn again")
            data = _read_member(archive, info, where, MAX_TOTAL_BYTES - used)
            used += len(data)
            files.add(wanted, data, where)
    return files


# --- the folder ---------------------------------------------------------------------------


def read_folder(path: Path, wanted: tuple[str, ...] = WANTED) -> ExportFiles:
    """The `wanted` CSVs in the folder `path` (the export, unpacked)."""
    source = str(path)
    found: dict[str, Path] = {}
    try:
        with os.scandir(path) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_MEMBERS:
                    raise ImportFailed(
                        f"{source}: more than {MAX_MEMBERS:,} entries; not an unpacked export"
                    )
                name = _WANTED_BY_KEY.get(file_key(entry.name))
                if name is not None and name not in found:
                    found[name] = Path(entry.path)
    except OSError as exc:
        raise ImportFailed(f"{source}: cannot list the folder ({exc.strerror})") from None
    files = ExportFiles(source)
    used = 0
    for name, file in sorted(found.items(), key=lambda item: WANTED.index(item[0])):
        if name in wanted:
            if not file.is_file():  # an unpacked export holds files, never a pipe or device
                raise ImportFailed(f"{file}: not a regular file; an export folder holds files")
            data = read_limited(file, min(MAX_MEMBER_BYTES, MAX_TOTAL_BYTES - used))
            used += len(data)
            files.add(name, data, str(file))
    if not found:
        raise _not_an_export(source)
    return files


def read_export(path: Path, wanted: tuple[str, ...] = WANTED) -> ExportFiles:
    """The `wanted` files of the export at `path`: a folder, or a ZIP."""
    if path.is_dir():
        return read_folder(path, wanted)
    return read_zip(path, wanted)


def is_export_file(path: Path) -> bool:
    """Whether `path` is named as one of the export's files (Positions.csv ...)."""
    return file_key(path.name) in _WANTED_BY_KEY


def is_zip(path: Path) -> bool:
    """Whether `path` is a regular file that starts as a ZIP does (never blocks on a pipe)."""
    try:
        # stat first: opening a named pipe, even to close it at once, would lose what its
        # writer sends before the real read.
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
    except OSError:
        return False
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return os.read(fd, 4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False
    finally:
        os.close(fd)
