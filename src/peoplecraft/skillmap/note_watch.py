"""Has a linked note changed since it was last read? One ``stat`` answers when it has not.

Every page of the skill map checks the user's note for external edits. Reading and comparing a
note on each load is cheap but not free, and it grows with the note; a ``stat`` does not. This
module keeps, per process, the signature of each note file (size, modification and change times
in nanoseconds, inode) as it was just before it was last read, with the text read then. When the
file's signature is unchanged and the guide still agrees with that text, the file need not be read.

A signature taken within :data:`RACY_NANOSECONDS` of the file's last modification is never
remembered (git's "racily clean" rule): a second edit inside the file system's timestamp
granularity could keep size and times, and would be missed.

Pure: no Django.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

RACY_NANOSECONDS = 2_000_000_000


@dataclass(frozen=True)
class Signature:
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    taken_ns: int  # when the stat was made; not part of equality

    def same_file_state(self, other: Signature) -> bool:
        return (self.size, self.mtime_ns, self.ctime_ns, self.inode, self.device) == (
            other.size,
            other.mtime_ns,
            other.ctime_ns,
            other.inode,
            other.device,
        )

    @property
    def racy(self) -> bool:
        return self.taken_ns - max(self.mtime_ns, self.ctime_ns) < RACY_NANOSECONDS


_last_read: dict[str, tuple[Signature, str]] = {}


def signature(path: str | os.PathLike[str]) -> Signature | None:
    """The file's current signature, or None when it cannot be taken (reading will say why)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Signature(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev, time.time_ns())


def unchanged(path: str | os.PathLike[str], current: Signature | None, agreed_text: str) -> bool:
    """True when ``path`` is known to still hold ``agreed_text`` without reading it."""
    if current is None:
        return False
    known = _last_read.get(os.fspath(path))
    return known is not None and known[0].same_file_state(current) and known[1] == agreed_text


def remember(path: str | os.PathLike[str], before_read: Signature | None, text: str) -> None:
    """Record what was read from ``path``, given the signature taken just before reading it."""
    key = os.fspath(path)
    if before_read is None or before_read.racy:
        _last_read.pop(key, None)
    else:
        _last_read[key] = (before_read, text)


def forget_all() -> None:
    """Drop every remembered signature (tests, and after a restore replaced the notes)."""
    _last_read.clear()
