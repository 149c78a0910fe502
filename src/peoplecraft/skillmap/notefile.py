"""Reading and atomically writing note files, with messages that name the file and line.

Pure: no Django. Reading refuses anything that is not a reasonable UTF-8 text file; writing
goes through a temporary file in the same directory and a rename, keeping the file's mode.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

MAX_NOTE_BYTES = 10 * 1024 * 1024
# A temporary file younger than this may belong to a write in progress in another process.
STALE_TEMP_SECONDS = 60
# ``tempfile.mkstemp`` names: eight characters from this alphabet between prefix and suffix.
_TEMP_MIDDLE = r"\.[a-z0-9_]{8}\.tmp"


class NoteFileError(Exception):
    """A note file could not be read or written; ``str()`` names the file (and line)."""

    def __init__(self, path: str | os.PathLike[str], message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def read_note_file(path: str | os.PathLike[str]) -> str:
    """Return the note's text exactly as stored (line endings kept)."""
    data = _read_bytes(Path(path))
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise NoteFileError(path, "contains a NUL byte: this looks like a binary file, not a Markdown note", line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise NoteFileError(
            path, f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})", line
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise NoteFileError(path, "no such file") from None
    except OSError as error:
        raise NoteFileError(path, f"cannot be read: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise NoteFileError(path, "is a directory, not a note file")
    if not stat.S_ISREG(info.st_mode):
        raise NoteFileError(path, "is not a regular file")
    if info.st_size > MAX_NOTE_BYTES:
        raise NoteFileError(
            path,
            f"is {info.st_size / 1_048_576:.1f} MB; notes larger than {MAX_NOTE_BYTES // 1_048_576} MB are refused",
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise NoteFileError(path, f"cannot be read: {error.strerror}") from None


def write_note_file(
    path: str | os.PathLike[str], text: str, *, expected_current: str | None = None, mode: int | None = None
) -> None:
    """Replace the note with ``text`` atomically, keeping its permission bits (or setting ``mode``).

    ``expected_current`` is the text the caller based its change on; if the file changed
    in the meantime the write is refused instead of overwriting someone's edit.
    """
    target = Path(path)
    kept_mode = _writable_mode(target)
    mode = kept_mode if mode is None else mode
    if expected_current is not None and target.exists() and read_note_file(target) != expected_current:
        raise NoteFileError(target, "changed on disk while saving; nothing was written, please try again")
    fd, temp_name = _temp_file(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise NoteFileError(target, f"could not be written: {error.strerror}") from None


def remove_stale_temp_files(path: str | os.PathLike[str], *, now: float | None = None) -> list[Path]:
    """Delete temporary copies of ``path`` that an interrupted write left behind; return them.

    Only files named as :func:`write_note_file` names them (``.NAME.xxxxxxxx.tmp`` beside the
    note), regular files owned by this user, and older than :data:`STALE_TEMP_SECONDS`. Any
    problem is ignored: tidying up never stops the command that does it.
    """
    target = Path(path)
    prefix = f".{target.name}."
    pattern = re.compile(re.escape(f".{target.name}") + _TEMP_MIDDLE)
    cutoff = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(target.parent) if name.startswith(prefix) and pattern.fullmatch(name)]
    except OSError:
        return removed
    for name in names:
        candidate = target.parent / name
        if _is_stale(candidate, cutoff):
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _is_stale(candidate: Path, cutoff: float) -> bool:
    try:
        info = candidate.lstat()
    except OSError:
        return False
    ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and ours and info.st_mtime < cutoff


def _writable_mode(target: Path) -> int:
    try:
        info = target.stat()
    except FileNotFoundError:
        return 0o644 & ~_umask()
    if not os.access(target, os.W_OK) or not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise NoteFileError(target, "is read-only; make it writable to save changes to the note")
    return stat.S_IMODE(info.st_mode)


def _temp_file(target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise NoteFileError(
            target, f"cannot be written: the folder refused a temporary file ({error.strerror})"
        ) from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
