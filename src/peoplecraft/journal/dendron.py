"""Journal entries as Dendron notes and back. Pure: no Django.

File names: Dendron's own journal notes are ``<domain>.journal.YYYY.MM.DD[.more].md``
(``daily.journal.2024.05.01.md``, ``work.journal.2024.05.01.standup.md``); our export writes
``journal.YYYY.MM.DD.<slug>.md``. Both carry the entry's date.

The front matter carries Dendron's keys (``id``, ``title``, ``desc``, ``updated``, ``created`` in
epoch milliseconds) plus Peoplecraft's: ``date``, ``mood``, ``emotion``, ``stress``, ``tags``,
``skills`` (names), ``links`` (``{kind, id}``), ``template`` and ``prompt``. Any other key is kept
as written (see ``dendron_source``). The body follows after one blank line. Reading a note checks
every key and names the line of each bad one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, tzinfo
from typing import Any

import yaml

from peoplecraft.journal.dendron_fields import Checker, Problem, read_header
from peoplecraft.skillmap.note_front_matter import find_close
from peoplecraft.skillmap.note_lines import bodies_of, split_lines
from peoplecraft.skillmap.note_model import NoteError

DAY_NAME = re.compile(r"^(?:.+\.)?journal\.(\d{4})\.(\d{1,2})\.(\d{1,2})(?:\..+)?\.md$")
JOURNAL_NAME = re.compile(r"^(?:.+\.)?journal(?:\..+)?\.md$")
OWN_KEYS = ("date", "mood", "emotion", "stress", "tags", "skills", "links", "template", "prompt")


@dataclass(frozen=True)
class EntryNote:
    note_id: str
    title: str
    day: date
    body: str
    created_ms: int
    updated_ms: int
    desc: str = ""
    mood: int | None = None
    emotion: str = ""
    stress: int | None = None
    tags: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    links: tuple[tuple[str, int], ...] = ()
    template: str = "free"
    prompt: str = ""
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ParsedNote:
    """A note read for import: the entry (``None`` when unreadable), every problem, and the raw text.

    ``head`` is everything before the body (front matter, delimiters, the blank line after them)
    and ``body`` the rest, both exactly as in the file: ``head + body`` is the note.
    """

    note: EntryNote | None
    head: str
    body: str
    problems: tuple[Problem, ...] = ()


def _scalar(value: Any) -> str:
    """``value`` as one line of flow-style YAML (the common simple cases without the slow YAML emitter)."""
    if value is None:
        return "null"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if type(value) is date:
        return value.isoformat()
    if value == [] or value == "":
        return "[]" if value == [] else "''"
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def note_pairs(note: EntryNote) -> list[tuple[str, str]]:
    """The front-matter keys and values (as YAML text) that export writes for ``note``, in order."""
    pairs = [
        ("id", note.note_id),
        ("title", note.title),
        ("desc", note.desc),
        ("updated", note.updated_ms),
        ("created", note.created_ms),
        ("date", note.day),
        ("mood", note.mood),
        ("emotion", note.emotion),
        ("stress", note.stress),
        ("tags", list(note.tags)),
        ("skills", list(note.skills)),
        ("links", [{"kind": kind, "id": ident} for kind, ident in note.links]),
        ("template", note.template),
        ("prompt", note.prompt),
    ]
    return [(key, _scalar(value)) for key, value in pairs]


def render_note(note: EntryNote) -> str:
    header = "".join(f"{key}: {value}\n" for key, value in note_pairs(note))
    return f"---\n{header}---\n\n{note.body}"


def slug_of(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50].strip("-")
    return slug or "entry"


def file_name(note: EntryNote, taken: set[str], *, wanted: str = "") -> str:
    """``wanted`` if given and free, else ``journal.YYYY.MM.DD.<slug>.md``; never one in ``taken`` (which it joins)."""
    if wanted and wanted not in taken:
        taken.add(wanted)
        return wanted
    base = f"journal.{note.day:%Y.%m.%d}.{slug_of(note.title)}"
    name, counter = f"{base}.md", 2
    while name in taken:
        name, counter = f"{base}-{counter}.md", counter + 1
    taken.add(name)
    return name


def is_journal_name(name: str) -> bool:
    """A Dendron note in a ``journal`` hierarchy (``journal.….md``, ``daily.journal.….md``)."""
    return JOURNAL_NAME.match(name) is not None


def id_from_name(name: str) -> str:
    """The id of a note that has none: derived from its file name (23 hex digits, Dendron's length).

    Dendron names are unique in a vault, so importing the same note again updates its entry
    instead of adding a second one, and export (which keeps the note without an id) round-trips.
    """
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:23]


def date_from_file_name(name: str) -> date | None:
    """The day in a journal note's name; ``NoteError`` when it names an impossible day."""
    match = DAY_NAME.match(name)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise NoteError(f"the date in the file name ({'.'.join(match.groups())}) is not a real date") from None


def split_note(text: str) -> tuple[str, str, int | None]:
    """(head, body, index of the closing ``---`` or ``None``); ``NoteError`` for a never-closed header."""
    lines = split_lines(text)
    bodies = bodies_of(lines)
    close = find_close(bodies)
    if close is None:
        return "", text, None
    start = close + 1
    if start < len(lines) and bodies[start].strip() == "":
        start += 1
    return "".join(lines[:start]), "".join(lines[start:]), close


def parse_note(text: str, *, file_name: str, now_ms: int, new_id: str, tz: tzinfo = UTC) -> ParsedNote:
    """Read a journal note, collecting every problem (each with its line and key)."""
    try:
        head, body, close = split_note(text)
    except NoteError as error:
        return ParsedNote(None, "", text, (Problem(error.line, "front matter", error.message),))
    if close is None:
        problem = Problem(1, "front matter", "a journal note starts with Dendron front matter between '---' lines")
        return ParsedNote(None, head, body, (problem,))
    header, problems = read_header(split_lines(text), close)
    if header is None:
        return ParsedNote(None, head, body, tuple(problems))
    check = Checker(header)
    created = check.ms("created")
    day = _day(check, file_name, created, tz)
    created = now_ms if created is None else created
    updated = check.ms("updated")
    note = EntryNote(
        note_id=check.text("id") or new_id,
        title=check.text("title").strip() or file_name.removesuffix(".md"),
        desc=check.text("desc"),
        day=day or date(1970, 1, 1),
        body=body,
        created_ms=created,
        updated_ms=created if updated is None else updated,
        mood=check.bounded("mood", 1, 5),
        emotion=check.emotion(),
        stress=check.bounded("stress", 0, 10),
        tags=check.words("tags"),
        skills=check.words("skills"),
        links=check.links(),
        template=check.text("template") or "free",
        prompt=check.text("prompt"),
        key_lines={**header.lines, "body": len(split_lines(head)) + 1},
    )
    return ParsedNote(note, head, body, (*problems, *check.problems))


def _day(check: Checker, name: str, created_ms: int | None, tz: tzinfo) -> date | None:
    """The front matter's ``date``, else the day in the file name, else the day of ``created``."""
    day = check.day()
    if day is not None or check.header.values.get("date") is not None:
        return day
    try:
        day = date_from_file_name(name)
    except NoteError as error:
        check.problems.append(Problem(1, "file name", error.message))
        return None
    day = day or check.day_of_ms("created", created_ms, tz)
    if day is None and "created" not in check.header.values:
        check.problems.append(
            Problem(
                1,
                "date",
                "the file name has no date (like daily.journal.2024.05.01.md) "
                "and the front matter has neither 'date' nor 'created'",
            )
        )
    return day
