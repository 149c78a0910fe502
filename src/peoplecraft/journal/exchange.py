"""Export entries as Dendron journal notes (never over existing files unasked) and build them for the zip.

Export → import → export gives the same files: dates, times (epoch ms), mood, emotion, stress,
tags, skills (by name), links, template, prompt and the body are all carried in the note. An
entry imported from a note is written back as that note (``dendron_source``): same file name,
same front matter (unknown keys included), same bytes, with only the values changed since
rewritten. Import lives in ``journal.importer``.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from peoplecraft.journal import dendron, selectors, services
from peoplecraft.journal.dendron_source import NoteSource, render_with_source
from peoplecraft.journal.models import Entry  # for type hints only
from peoplecraft.skillmap.notefile import NoteFileError, write_note_file

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class ExportRefused(Exception):
    """The folder is not empty and replacing was not asked for; nothing was written.

    ``replaced`` lists the files export would have replaced.
    """

    def __init__(self, folder: Path, replaced: list[Path]) -> None:
        super().__init__(
            f"{folder}: the folder is not empty; nothing was written. Add --force to write into it "
            "(notes with the same names are replaced, other files are left alone)."
        )
        self.folder = folder
        self.replaced = replaced


def to_ms(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    return EPOCH + timedelta(milliseconds=ms)


def entry_note(entry: Entry) -> dendron.EntryNote:
    return dendron.EntryNote(
        note_id=entry.note_id,
        title=entry.title,
        day=entry.entry_date,
        body=entry.body,
        created_ms=to_ms(entry.created_at),
        updated_ms=to_ms(entry.updated_at),
        mood=entry.mood,
        emotion=entry.emotion,
        stress=entry.stress,
        tags=tuple(tag.name for tag in entry.tag_rows.all()),
        skills=tuple(skill.name for skill in entry.skills.all()),
        links=tuple((link["kind"], link["id"]) for link in entry.links),
        template=entry.template,
        prompt=entry.prompt,
    )


def note_values(entry: Entry) -> dict[str, str]:
    """The front-matter values export writes for ``entry`` now (what ``NoteSource.values`` remembers)."""
    return dict(dendron.note_pairs(entry_note(entry)))


def journal_notes(*, owner) -> list[tuple[str, str]]:
    """Every entry of ``owner`` as (Dendron file name, note text), oldest first."""
    taken: set[str] = set()
    notes = []
    for entry in selectors.entries_for_export(owner=owner):
        note = entry_note(entry)
        source = NoteSource.from_json(entry.note_source)
        if source is None:
            wanted, text = "", dendron.render_note(note)
        else:
            wanted, text = render_with_source(note, source)
        notes.append((dendron.file_name(note, taken, wanted=wanted), text))
    return notes


def journal_export(*, owner, folder: str | Path, force: bool = False) -> list[Path]:
    """Write every entry of ``owner`` into ``folder`` (created if missing); returns the files written.

    A folder that is not empty is refused (:class:`ExportRefused`) unless ``force``; with it, a
    note of the same name is replaced atomically, keeping its permissions. Every file to be
    replaced is checked before anything is written.
    """
    target = Path(folder).expanduser()
    notes = journal_notes(owner=owner)
    _check_target(target, [name for name, _text in notes], force=force)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise services.EntryError(f"{target}: cannot create the folder ({error.strerror})") from None
    written = []
    for name, text in notes:
        try:
            write_note_file(target / name, text)
        except NoteFileError as error:
            raise services.EntryError(str(error)) from None
        written.append(target / name)
    return written


def _check_target(target: Path, names: list[str], *, force: bool) -> None:
    if not target.is_dir():
        if target.exists() or target.is_symlink():
            raise services.EntryError(f"{target}: is a file, not a folder; nothing was written")
        return
    try:
        present = any(target.iterdir())
    except OSError as error:
        raise services.EntryError(f"{target}: cannot read the folder ({error.strerror})") from None
    replaced = [target / name for name in names if (target / name).exists() or (target / name).is_symlink()]
    if present and not force:
        raise ExportRefused(target, replaced)
    for path in replaced:
        if not path.is_file():
            raise services.EntryError(f"{path}: is not a regular file, so it is not replaced; nothing was written")
        if not os.access(path, os.W_OK) or not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise services.EntryError(f"{path}: is read-only; make it writable to replace it. Nothing was written.")


def journal_zip(*, owner) -> bytes:
    """The same notes as one zip archive, for download from the web (fixed timestamps: same data, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in journal_notes(owner=owner):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text.encode("utf-8"))
    return buffer.getvalue()
