"""Journal entries as Dendron notes (``journal.YYYY.MM.DD.<slug>.md``) and back. Pure: no Django.

The front matter carries Dendron's keys (``id``, ``title``, ``desc``, ``updated``, ``created`` in
epoch milliseconds) plus Peoplecraft's: ``date``, ``mood``, ``emotion``, ``stress``, ``tags``,
``skills`` (names), ``links`` (``{kind, id}``), ``template`` and ``prompt``. The body follows
after one blank line. Reading a note checks every key and names the line of a bad one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from peoplecraft.journal.emotions import core_of
from peoplecraft.skillmap.note_front_matter import find_close, parse_front_matter
from peoplecraft.skillmap.note_lines import bodies_of, split_lines
from peoplecraft.skillmap.note_model import NoteError

FILE_PATTERN = re.compile(r"^journal\.(\d{4})\.(\d{2})\.(\d{2})\.([^/\\]+)\.md$")
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


def _scalar(value: Any) -> str:
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def render_note(note: EntryNote) -> str:
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
    header = "".join(f"{key}: {_scalar(value)}\n" for key, value in pairs)
    return f"---\n{header}---\n\n{note.body}"


def slug_of(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50].strip("-")
    return slug or "entry"


def file_name(note: EntryNote, taken: set[str]) -> str:
    """A file name not in ``taken`` (which it is added to)."""
    base = f"journal.{note.day:%Y.%m.%d}.{slug_of(note.title)}"
    name, counter = f"{base}.md", 2
    while name in taken:
        name, counter = f"{base}-{counter}.md", counter + 1
    taken.add(name)
    return name


def date_from_file_name(name: str) -> date | None:
    match = FILE_PATTERN.match(name)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise NoteError(f"the date in the file name ({'.'.join(match.groups()[:3])}) is not a real date") from None


def parse_note(text: str, *, file_name: str, now_ms: int, new_id: str) -> EntryNote:
    """Read a journal note; ``NoteError`` names the line of the first problem."""
    lines = split_lines(text)
    bodies = bodies_of(lines)
    if find_close(bodies) is None:
        raise NoteError("a journal note starts with Dendron front matter between '---' lines", 1)
    front, body_start = parse_front_matter(lines, bodies)
    key_lines = _key_lines(bodies[:body_start])
    extra = _Extra(front.extra, key_lines)
    body_lines = lines[body_start:]
    if body_lines and bodies[body_start].strip() == "":
        body_lines = body_lines[1:]
    key_lines["body"] = len(lines) - len(body_lines) + 1
    day = extra.day() or date_from_file_name(file_name)
    if day is None:
        raise NoteError("no 'date' in the front matter and no date in the file name (journal.YYYY.MM.DD.…)", 1)
    created = front.created if front.created is not None else now_ms
    return EntryNote(
        note_id=front.id or new_id,
        title=(front.title or "").strip() or file_name.removesuffix(".md"),
        desc=front.desc or "",
        day=day,
        body="".join(body_lines),
        created_ms=created,
        updated_ms=front.updated if front.updated is not None else created,
        mood=extra.bounded("mood", 1, 5),
        emotion=extra.emotion(),
        stress=extra.bounded("stress", 0, 10),
        tags=extra.words("tags"),
        skills=extra.words("skills"),
        links=extra.links(),
        template=extra.text("template") or "free",
        prompt=extra.text("prompt"),
        key_lines=key_lines,
    )


def _key_lines(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, body in enumerate(header):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", body)
        if match:
            found[match.group(1)] = index + 1
    return found


class _Extra:
    """Peoplecraft's own front-matter keys, checked one by one."""

    def __init__(self, data: dict, key_lines: dict[str, int]) -> None:
        self.data = data
        self.key_lines = key_lines

    def fail(self, key: str, message: str) -> NoteError:
        return NoteError(f"front matter '{key}': {message}", self.key_lines.get(key, 1))

    def day(self) -> date | None:
        value = self.data.get("date")
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.fail("date", f"{value!r} is not a date like 2024-05-31") from None

    def bounded(self, key: str, low: int, high: int) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(key, f"must be a whole number from {low} to {high}, not {value!r}")
        return value

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(key, "must be text")
        return str(value)

    def emotion(self) -> str:
        word = self.text("emotion").strip().casefold()
        if word and core_of(word) is None:
            raise self.fail("emotion", f"'{word}' is not on the emotion wheel")
        return word

    def words(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
            raise self.fail(key, "must be a list of names, like [team, feedback]")
        return tuple(str(item) for item in value)

    def links(self) -> tuple[tuple[str, int], ...]:
        value = self.data.get("links") or []
        if not isinstance(value, list):
            raise self.fail("links", "must be a list of {kind, id} pairs")
        pairs = []
        for item in value:
            if not isinstance(item, dict) or set(item) != {"kind", "id"}:
                raise self.fail("links", f"{item!r} is not a {{kind, id}} pair")
            if not isinstance(item["id"], int) or isinstance(item["id"], bool) or item["id"] < 1:
                raise self.fail("links", f"the id of {item!r} must be a positive whole number")
            pairs.append((str(item["kind"]), item["id"]))
        return tuple(pairs)
