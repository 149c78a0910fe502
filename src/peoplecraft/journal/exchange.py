"""Export entries as Dendron journal notes and import such notes back (all or nothing).

Export → import → export gives the same files: dates, times (epoch ms), mood, emotion, stress,
tags, skills (by name), links, template, prompt and the body are all carried in the note.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from peoplecraft.journal import dendron, selectors, services
from peoplecraft.journal.models import Entry  # for type hints only
from peoplecraft.skillmap import selectors as skillmap_selectors
from peoplecraft.skillmap.note_model import NoteError
from peoplecraft.skillmap.note_new import new_note_id
from peoplecraft.skillmap.notefile import NoteFileError, read_note_file, write_note_file

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class JournalImportError(Exception):
    """One or more notes could not be imported; ``problems`` are "file:line: message" lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    files: int


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


def journal_notes(*, owner) -> list[tuple[str, str]]:
    """Every entry of ``owner`` as (Dendron file name, note text), oldest first."""
    taken: set[str] = set()
    notes = []
    for entry in selectors.entries_for_export(owner=owner):
        note = entry_note(entry)
        notes.append((dendron.file_name(note, taken), dendron.render_note(note)))
    return notes


def journal_export(*, owner, folder: str | Path) -> list[Path]:
    """Write every entry of ``owner`` into ``folder`` (created if missing); returns the files written."""
    target = Path(folder).expanduser()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise services.EntryError(f"{target}: cannot create the folder ({error.strerror})") from None
    written = []
    for name, text in journal_notes(owner=owner):
        try:
            write_note_file(target / name, text)
        except NoteFileError as error:
            raise services.EntryError(str(error)) from None
        written.append(target / name)
    return written


def journal_zip(*, owner) -> bytes:
    """The same notes as one zip archive, for download from the web (fixed timestamps: same data, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in journal_notes(owner=owner):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text.encode("utf-8"))
    return buffer.getvalue()


def _note_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise JournalImportError([f"{source}: no such file or folder"])
    return sorted(path for path in source.glob("journal.*.md") if path.is_file())


def _read(owner, path: Path, now_ms: int) -> tuple[dendron.EntryNote, services.EntryInput]:
    note = dendron.parse_note(read_note_file(path), file_name=path.name, now_ms=now_ms, new_id=new_note_id())
    skill_ids = []
    for name in note.skills:
        skill = skillmap_selectors.skill_in_active_guide(owner=owner, name=name)
        if skill is None:
            raise NoteError(
                f"front matter 'skills': '{name}' is not a skill of your active guide", note.key_lines.get("skills")
            )
        skill_ids.append(skill.pk)
    data = services.EntryInput(
        entry_date=note.day,
        body=note.body,
        title=note.title,
        template=note.template,
        mood=note.mood,
        emotion=note.emotion,
        stress=note.stress,
        tags=list(note.tags),
        skill_ids=skill_ids,
        links=[{"kind": kind, "id": ident} for kind, ident in note.links],
        prompt=note.prompt,
    )
    try:
        services.validate(owner, data)
    except services.EntryError as error:
        key = {"entry_date": "date"}.get(error.field, error.field)
        raise NoteError(str(error), note.key_lines.get(key or "", 1)) from None
    return note, data


def journal_import(*, owner, source: str | Path) -> ImportReport:
    """Import ``journal.*.md`` notes from a folder (or one note file); on any problem, nothing is stored."""
    files = _note_files(Path(source).expanduser())
    now_ms = to_ms(timezone.now())
    parsed, problems = [], []
    for path in files:
        try:
            parsed.append(_read(owner, path, now_ms))
        except NoteFileError as error:
            problems.append(str(error))
        except NoteError as error:
            where = f"{path}:{error.line}" if error.line else str(path)
            problems.append(f"{where}: {error.message}")
    ids = [note.note_id for note, _data in parsed]
    if len(ids) != len(set(ids)):
        problems.append(f"{source}: two notes share the same id; each entry needs its own")
    if problems:
        raise JournalImportError(problems)
    return _store_all(owner, parsed, len(files))


def _store_all(owner, parsed, files: int) -> ImportReport:
    created = updated = 0
    existing = selectors.entries_by_note_id(owner=owner, note_ids=[note.note_id for note, _data in parsed])
    with transaction.atomic():
        for note, data in parsed:
            entry = existing.get(note.note_id)
            if entry is None:
                services.entry_create(
                    owner=owner,
                    data=data,
                    note_id=note.note_id,
                    created_at=from_ms(note.created_ms),
                    updated_at=from_ms(note.updated_ms),
                )
                created += 1
            else:
                entry.created_at = from_ms(note.created_ms)
                services.entry_update(entry=entry, data=data, updated_at=from_ms(note.updated_ms))
                updated += 1
    return ImportReport(created=created, updated=updated, files=files)
