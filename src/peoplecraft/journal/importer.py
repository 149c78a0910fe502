"""Import Dendron journal notes: all or nothing, every skipped file and every problem reported.

A folder is read (not its sub-folders); a file is imported when its name is a journal note's:
Dendron's ``<domain>.journal.YYYY.MM.DD[.more].md`` or our ``journal.YYYY.MM.DD.<slug>.md``, or
any ``….journal….md`` whose front matter gives ``date`` or ``created``. Every other file is
skipped with its reason, and so is a note with nothing below its front matter (Dendron's empty
daily notes and hierarchy parents). Every note is read and checked before anything is stored;
one problem in one note and nothing is stored, with each problem named by file, line and key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from peoplecraft.journal import dendron, selectors, services
from peoplecraft.journal.dendron_fields import Problem
from peoplecraft.journal.dendron_source import NoteSource, digest
from peoplecraft.journal.exchange import from_ms, note_values, to_ms
from peoplecraft.skillmap import selectors as skillmap_selectors
from peoplecraft.skillmap.notefile import NoteFileError, read_note_file


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


class JournalImportError(Exception):
    """Some notes cannot be imported, so none was; ``problems`` name file, line and key of each."""

    def __init__(self, problems: list[Problem], skipped: tuple[Skipped, ...] = ()) -> None:
        files = len({problem.file for problem in problems})
        super().__init__(f"{len(problems)} problem(s) in {files} file(s); nothing was imported")
        self.problems = problems
        self.skipped = skipped


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    files: int
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class _Read:
    path: Path
    parsed: dendron.ParsedNote
    data: services.EntryInput

    @property
    def note(self) -> dendron.EntryNote:
        assert self.parsed.note is not None
        return self.parsed.note


def import_document(report: ImportReport, problems: list[Problem]) -> dict:
    """The JSON document of an import (``problems`` is empty unless nothing was imported because of them)."""
    return {
        "files": report.files,
        "created": report.created,
        "updated": report.updated,
        "skipped": [{"file": item.file, "reason": item.reason} for item in report.skipped],
        "problems": [
            {"file": item.file, "line": item.line, "field": item.field, "message": item.message} for item in problems
        ],
    }


def journal_import(*, owner, source: str | Path) -> ImportReport:
    """Import journal notes from a folder (or one note file); on any problem, nothing is stored."""
    files, skipped = _candidates(Path(source).expanduser())
    now_ms, tz = to_ms(timezone.now()), timezone.get_current_timezone()
    reads: list[_Read] = []
    problems: list[Problem] = []
    skill_named = cache(lambda name: skillmap_selectors.skill_in_active_guide(owner=owner, name=name))
    for path in files:
        outcome = _read(owner, path, now_ms, tz, skill_named)
        if isinstance(outcome, Skipped):
            skipped.append(outcome)
        elif isinstance(outcome, _Read):
            reads.append(outcome)
        else:
            problems += outcome
    problems += _shared_ids(reads)
    by_name = tuple(sorted(skipped, key=lambda item: item.file))
    if problems:
        raise JournalImportError(problems, by_name)
    return _store_all(owner, reads, by_name)


def _candidates(source: Path) -> tuple[list[Path], list[Skipped]]:
    if source.is_file():
        return [source], []
    if not source.is_dir():
        raise JournalImportError([Problem(None, "file", "no such file or folder", file=str(source))])
    files, skipped = [], []
    for path in sorted(source.iterdir()):
        reason = _skip_reason(path)
        if reason:
            skipped.append(Skipped(str(path), reason))
        else:
            files.append(path)
    return files, skipped


def _skip_reason(path: Path) -> str:
    if path.is_dir():
        return "a folder (sub-folders are not read)"
    if path.suffix != ".md":
        return "not a Markdown note (.md)"
    if not dendron.is_journal_name(path.name):
        return "not a journal note: its name has no 'journal' part (like daily.journal.2024.05.01.md)"
    return ""


def _read(owner, path: Path, now_ms: int, tz, skill_named: Callable) -> _Read | Skipped | list[Problem]:
    try:
        text = read_note_file(path)
    except NoteFileError as error:
        return [Problem(error.line, "file", error.message, file=str(path))]
    if not text.strip():
        return Skipped(str(path), "an empty file")
    parsed = dendron.parse_note(text, file_name=path.name, now_ms=now_ms, new_id=dendron.id_from_name(path.name), tz=tz)
    if not parsed.problems and not parsed.body.strip():
        return Skipped(str(path), "nothing is written below the front matter (an empty note is not an entry)")
    problems = list(parsed.problems)
    data = None
    if parsed.note is not None:
        data, more = _entry_input(owner, parsed.note, skill_named)
        problems += more
    if problems or data is None:
        return [replace(problem, file=str(path)) for problem in problems]
    return _Read(path, parsed, data)


def _entry_input(owner, note: dendron.EntryNote, skill_named: Callable) -> tuple[services.EntryInput, list[Problem]]:
    """The entry ``note`` describes, and every problem services find in it (each with its key's line).

    ``skill_named`` finds a skill of the active guide by name (cached for the whole import).
    """
    skill_ids, problems = [], []
    for name in note.skills:
        skill = skill_named(name.casefold())
        if skill is None:
            line = note.key_lines.get("skills")
            problems.append(Problem(line, "skills", f"'{name}' is not a skill of your active guide"))
        else:
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
    for error in services.entry_problems(owner, data):
        key = {"entry_date": "date", None: "body"}.get(error.field, error.field)
        problems.append(Problem(note.key_lines.get(key, 1), key, str(error)))
    return data, problems


def _shared_ids(reads: list[_Read]) -> list[Problem]:
    first: dict[str, Path] = {}
    problems = []
    for read in reads:
        note_id = read.note.note_id
        if note_id in first:
            message = f"'{note_id}' is also the id of {first[note_id]}; each entry needs its own"
            problems.append(Problem(read.note.key_lines.get("id", 1), "id", message, file=str(read.path)))
        first.setdefault(note_id, read.path)
    return problems


def _store_all(owner, reads: list[_Read], skipped: tuple[Skipped, ...]) -> ImportReport:
    created = updated = 0
    existing = selectors.entries_by_note_id(owner=owner, note_ids=[read.note.note_id for read in reads])
    stored: dict[int, _Read] = {}
    with transaction.atomic():
        for read in reads:
            note, entry = read.note, existing.get(read.note.note_id)
            if entry is None:
                entry = services.entry_create(
                    owner=owner,
                    data=read.data,
                    note_id=note.note_id,
                    created_at=from_ms(note.created_ms),
                    updated_at=from_ms(note.updated_ms),
                )
                created += 1
            else:
                entry.created_at = from_ms(note.created_ms)
                entry = services.entry_update(entry=entry, data=read.data, updated_at=from_ms(note.updated_ms))
                updated += 1
            stored[entry.pk] = read
        _remember_sources(owner, stored)
    return ImportReport(created=created, updated=updated, files=len(reads), skipped=skipped)


def _remember_sources(owner, stored: dict[int, _Read]) -> None:
    """Keep each note's source, with the values export reads back for its entry (read as export reads them)."""
    entries = list(selectors.entries_for_export(owner=owner, ids=list(stored)))
    for entry in entries:
        read = stored[entry.pk]
        raw = read.parsed.body
        entry.note_source = NoteSource(
            name=read.path.name,
            head=read.parsed.head,
            values=note_values(entry),
            body_digest=digest(entry.body),
            body=raw if services.clean_body(raw) != raw else None,
        ).to_json()
    services.entry_note_sources_set(entries=entries)
