"""A stranger's clone has nothing beside it: no file in the repository may reach outside it."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The user's note, byte for byte: the copy must never drift from the real one.
GUIDE_SHA256 = "cc2d4685b9c7c446dec14fe93694aee67e877c9fa5c470d5df607f6ac8b1f660"
OUTSIDE = re.compile(r"\.\./shared|(?:\.parent|parents\[\d+\])\s*/\s*[\"']shared[\"']|/work/shared")


def _tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode == 0:
        return [ROOT / name for name in listed.stdout.decode().split("\0") if name]
    skip = {".git", ".venv", "node_modules", ".hypothesis", ".pytest_cache", ".ruff_cache"}  # an unpacked archive
    return [path for path in ROOT.rglob("*") if not skip & set(path.relative_to(ROOT).parts)]


def test_no_tracked_file_reads_a_sibling_folder():
    this_file = Path(__file__).resolve()
    offenders = []
    for path in _tracked_files():
        if path == this_file or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        offenders += [f"{path.relative_to(ROOT)}: {match.group(0)}" for match in OUTSIDE.finditer(text)]
    assert offenders == []


def test_the_users_guide_is_kept_byte_for_byte_in_the_repository():
    guide = ROOT / "tests" / "fixtures" / "guide.md"
    assert hashlib.sha256(guide.read_bytes()).hexdigest() == GUIDE_SHA256
