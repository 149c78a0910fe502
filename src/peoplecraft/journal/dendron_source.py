"""Write an imported note back as it came: its own front matter, with only the changed values rewritten.

Pure: no Django. On import the entry keeps a :class:`NoteSource`: the file name, the text before
the body (front matter with every key — ``desc``, ``stub``, ``nav_order``, custom ones — in its
own order, quoting, comments and line endings), the raw body when cleaning changed it (CRLF,
control characters), a digest of the body as stored, and the values export would write for the
entry right after the import.
Export compares the entry's values with those: an unchanged entry gives the file it came from,
byte for byte; a changed value is replaced in place (or added before the closing ``---``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import yaml

from peoplecraft.journal.dendron import EntryNote, note_pairs, render_note
from peoplecraft.skillmap.note_front_matter import find_close
from peoplecraft.skillmap.note_lines import bodies_of, eol_of, split_lines
from peoplecraft.skillmap.note_model import NoteError


@dataclass(frozen=True)
class NoteSource:
    name: str
    head: str
    values: dict[str, str]
    body_digest: str  # of the body as stored by the import (see ``digest``)
    body: str | None = None  # the body as in the file, only when it differs from the stored (cleaned) one

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "head": self.head, "values": self.values}
        data["body_digest"] = self.body_digest
        if self.body is not None:
            data["body"] = self.body
        return data

    @classmethod
    def from_json(cls, data: Any) -> NoteSource | None:
        """The source stored with an entry, or ``None`` when there is none (or it is unusable)."""
        if not isinstance(data, dict) or not isinstance(data.get("head"), str) or not data["head"]:
            return None
        name, values, body = data.get("name"), data.get("values"), data.get("body")
        if not isinstance(name, str) or not isinstance(values, dict) or not isinstance(body, str | None):
            return None
        body_digest = data.get("body_digest") if isinstance(data.get("body_digest"), str) else ""
        safe = name.endswith(".md") and not name.startswith(".") and not set(name) & {"/", "\\", "\0"}
        return cls(name=name if safe else "", head=data["head"], values=values, body_digest=body_digest, body=body)


def digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def render_with_source(note: EntryNote, source: NoteSource) -> tuple[str, str]:
    """(wanted file name, note text) for ``note``, which was imported from ``source``.

    While the entry's body is the one imported, the body is written as it was in the file. The
    file name is the original one while the date is.
    """
    changed = [(key, value) for key, value in note_pairs(note) if source.values.get(key) != value]
    try:
        head = set_values(source.head, changed) if changed else source.head
    except (yaml.YAMLError, NoteError):
        return "", render_note(note)
    date_kept = all(key != "date" for key, _value in changed)
    return (source.name if date_kept else ""), head + _body(note, source)


def _body(note: EntryNote, source: NoteSource) -> str:
    """The raw body while the entry's body is unchanged; else the entry's, with the note's line endings."""
    if digest(note.body) == source.body_digest:
        return note.body if source.body is None else source.body
    return note.body.replace("\n", "\r\n") if "\r\n" in source.head else note.body


def set_values(head: str, changes: list[tuple[str, str]]) -> str:
    """``head`` with each (key, YAML value) of ``changes`` replaced in place, or added at the end."""
    lines = split_lines(head)
    close = find_close(bodies_of(lines))
    if close is None:
        raise NoteError("the stored note has no front matter")
    text = "".join(lines[1:close])
    eol = eol_of(lines[0]) or "\n"
    spans = _value_spans(text)
    edits, added = [], []
    for key, value in changes:
        if key in spans:
            edits.append((*spans[key], f": {value}"))
        else:
            added.append(f"{key}: {value}{eol}")
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return lines[0] + text + "".join(added) + "".join(lines[close:])


def _value_spans(text: str) -> dict[str, tuple[int, int]]:
    """For each top-level key (the last one wins, as in YAML): the span from after the key to the end of its value."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    spans: dict[str, tuple[int, int]] = {}
    if not isinstance(node, yaml.MappingNode):
        return spans
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        start = key_node.end_mark.index
        end = value_node.end_mark.index
        if value_node.start_mark.index < start:  # an alias of an earlier value: replace to the end of the line
            end = len(text) if text.find("\n", start) < 0 else text.find("\n", start)
        end = max(end, start)
        while end > start and text[end - 1] in " \t\r\n":
            end -= 1
        spans[key_node.value] = (start, end)
    return spans
