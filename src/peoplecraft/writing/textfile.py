"""Reading texts to analyse from files or stdin, with clear messages (pure: no Django)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

MAX_TEXT_BYTES = 5 * 1024 * 1024
STDIN = "-"


class TextInputError(Exception):
    """A text could not be read; ``str()`` names the file."""


def read_text_input(name: str) -> str:
    """Return the text of file ``name`` (or stdin for ``-``), refusing what is not UTF-8 text."""
    data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1) if name == STDIN else _read_file(Path(name))
    label = "standard input" if name == STDIN else name
    if len(data) > MAX_TEXT_BYTES:
        raise TextInputError(f"{label}: larger than {MAX_TEXT_BYTES // 1_048_576} MB; split it into smaller texts")
    if b"\x00" in data:
        raise TextInputError(f"{label}: contains NUL bytes; this looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TextInputError(f"{label}:{line}: not valid UTF-8 (byte 0x{data[error.start]:02x})") from None
    if not text.strip():
        raise TextInputError(f"{label}: empty; there is nothing to check")
    return text


def _read_file(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise TextInputError(f"{path}: no such file") from None
    except OSError as error:
        raise TextInputError(f"{path}: cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise TextInputError(f"{path}: is a directory; name the files to check (e.g. {path}/*.txt)")
    if info.st_size > MAX_TEXT_BYTES:
        raise TextInputError(
            f"{path}: {info.st_size / 1_048_576:.1f} MB is larger than {MAX_TEXT_BYTES // 1_048_576} MB; "
            "split it into smaller texts"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise TextInputError(f"{path}: cannot be read ({error.strerror})") from None
