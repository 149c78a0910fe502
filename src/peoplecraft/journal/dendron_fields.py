"""A journal note's front matter read key by key, collecting every problem instead of stopping at the first.

Pure: no Django. A bad value is reported (file line and key) and replaced by its default, so the
rest of the note is still checked and one import run names every problem of every note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

import yaml

from peoplecraft.journal.emotions import core_of

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
PLACES = ("file", "file name", "front matter", "body", "date")


@dataclass(frozen=True)
class Problem:
    """One problem of one note: ``field`` is a front-matter key or one of ``PLACES``."""

    line: int | None
    field: str
    message: str
    file: str = ""

    def label(self) -> str:
        if self.field in PLACES:
            return self.field
        return f"front matter '{self.field}'"

    def __str__(self) -> str:
        where = ":".join(part for part in (self.file, str(self.line or "")) if part)
        return f"{where}: {self.label()}: {self.message}" if where else f"{self.label()}: {self.message}"


@dataclass
class Header:
    """Each top-level key's constructed value, value node and 1-based line in the note."""

    values: dict[str, Any] = field(default_factory=dict)
    nodes: dict[str, yaml.Node] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def _error_line(error: yaml.YAMLError, text: str) -> int:
    if isinstance(error, yaml.reader.ReaderError):
        return text.count("\n", 0, error.position) + 2
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 2 if mark is not None else 2


def _reason(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        return f"character {error.character!r} is not allowed"
    parts = [getattr(error, "context", None), getattr(error, "problem", None)]
    return ", ".join(part for part in parts if part) or "syntax error"


def read_header(lines: Sequence[str], close: int) -> tuple[Header | None, list[Problem]]:
    """The keys between line 1 and ``lines[close]`` (the closing ``---``); ``None`` when it is not YAML."""
    text = "".join(lines[1:close])
    loader = yaml.SafeLoader(text)
    try:
        return _read_pairs(loader)
    except yaml.YAMLError as error:
        return None, [Problem(_error_line(error, text), "front matter", f"not valid YAML: {_reason(error)}")]
    finally:
        loader.dispose()


def _read_pairs(loader: yaml.SafeLoader) -> tuple[Header | None, list[Problem]]:
    node = loader.get_single_node()
    header, problems = Header(), []
    if node is None:
        return header, problems
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(2, "front matter", "must be keys and values, like 'title: A hard talk'")]
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(line, "front matter", "a key must be a plain name"))
            continue
        key = key_node.value
        try:
            header.values[key] = loader.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError) as error:  # e.g. an impossible date such as 2024-02-30
            problems.append(Problem(line, key, f"cannot be read: {error}"))
            header.values.pop(key, None)
            continue
        header.nodes[key], header.lines[key] = value_node, line
    return header, problems


class Checker:
    """Typed reads of the header's keys; each bad value adds a :class:`Problem` and gives the default."""

    def __init__(self, header: Header) -> None:
        self.header = header
        self.problems: list[Problem] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.header.lines.get(key, 1), key, message))

    def text(self, key: str) -> str:
        """Text as written ("id: 0123" stays "0123"); numbers and dates are text too."""
        value, node = self.header.values.get(key), self.header.nodes.get(key)
        if value is None:
            return ""
        if isinstance(node, yaml.ScalarNode):
            return value if isinstance(value, str) else node.value
        self.fail(key, "must be text, not a list or mapping")
        return ""

    def ms(self, key: str) -> int | None:
        value = self.header.values.get(key)
        if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            return value
        self.fail(key, f"must be a whole number of milliseconds since 1970, not {value!r}")
        return None

    def day(self) -> date | None:
        value = self.header.values.get("date")
        if isinstance(value, datetime):
            return value.date()
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail("date", f"{value!r} is not a date like 2024-05-31")
            return None

    def day_of_ms(self, key: str, value: int | None, tz: tzinfo) -> date | None:
        """The local day of ``value`` (the already checked milliseconds of ``key``)."""
        if value is None:
            return None
        try:
            return (EPOCH + timedelta(milliseconds=value)).astimezone(tz).date()
        except OverflowError:
            self.fail(key, f"{value} milliseconds is not a moment this side of the year 9999")
            return None

    def bounded(self, key: str, low: int, high: int) -> int | None:
        value = self.header.values.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(key, f"must be a whole number from {low} to {high}, not {value!r}")
            return None
        return value

    def emotion(self) -> str:
        word = self.text("emotion").strip().casefold()
        if word and core_of(word) is None:
            self.fail("emotion", f"'{word}' is not on the emotion wheel")
            return ""
        return word

    def words(self, key: str) -> tuple[str, ...]:
        value = self.header.values.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
            self.fail(key, "must be a list of names, like [team, feedback]")
            return ()
        return tuple(str(item) for item in value)

    def links(self) -> tuple[tuple[str, int], ...]:
        value = self.header.values.get("links") or []
        if not isinstance(value, list):
            self.fail("links", "must be a list of {kind, id} pairs")
            return ()
        pairs = []
        for item in value:
            if not isinstance(item, dict) or set(item) != {"kind", "id"}:
                self.fail("links", f"{item!r} is not a {{kind, id}} pair")
            elif not isinstance(item["id"], int) or isinstance(item["id"], bool) or item["id"] < 1:
                self.fail("links", f"the id of {item!r} must be a positive whole number")
            else:
                pairs.append((str(item["kind"]), item["id"]))
        return tuple(pairs)
