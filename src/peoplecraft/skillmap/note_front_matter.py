"""The YAML front matter: read it without rewriting it, and change only ``updated``'s digits.

The text between the ``---`` lines is never re-dumped: PyYAML would change quoting, key
order and spacing. Instead the composed YAML node tree tells where each value sits, by
character offset, so one value can be replaced in place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

import yaml

from peoplecraft.skillmap.note_lines import bodies_of, eol_of, split_lines
from peoplecraft.skillmap.note_model import FrontMatter, NoteError

DELIMITER = "---"
TEXT_FIELDS = ("id", "title", "desc")
TIME_FIELDS = ("updated", "created")


def find_close(bodies: Sequence[str]) -> int | None:
    """Index of the closing ``---`` line, or ``None`` when the note has no front matter."""
    if not bodies or bodies[0].rstrip(" \t") != DELIMITER:
        return None
    for index in range(1, len(bodies)):
        if bodies[index].rstrip(" \t") == DELIMITER:
            return index
    raise NoteError("the front matter opened by '---' on line 1 is never closed by a '---' line", 1)


class _Yaml:
    """The front matter's YAML text, its node tree and constructed value."""

    def __init__(self, lines: Sequence[str], close: int) -> None:
        self.text = "".join(lines[1:close])
        self.offsets = [0]
        for line in lines[1:close]:
            self.offsets.append(self.offsets[-1] + len(line))
        self.node, self.data = self._load()

    def file_line(self, index: int) -> int:
        """1-based line in the note of a character offset into ``self.text``."""
        return 1 + bisect_right(self.offsets, index)

    def _load(self) -> tuple[yaml.Node | None, Any]:
        loader = None
        try:
            loader = yaml.SafeLoader(self.text)
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else None)
        except yaml.YAMLError as error:
            raise NoteError(f"the front matter is not valid YAML: {_reason(error)}", self._line_of(error)) from None
        except ValueError as error:  # e.g. an impossible date such as 2024-13-45
            raise NoteError(f"the front matter is not valid YAML: {error}", 2) from None
        finally:
            if loader is not None:
                loader.dispose()

    def _line_of(self, error: yaml.YAMLError) -> int:
        if isinstance(error, yaml.reader.ReaderError):
            return self.file_line(error.position)
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        return self.file_line(mark.index) if mark is not None else 2

    def root_pairs(self) -> list[tuple[yaml.Node, yaml.Node]]:
        return list(self.node.value) if isinstance(self.node, yaml.MappingNode) else []

    def key_node(self, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        """The last (key, value) node pair for ``key`` (YAML lets the last one win)."""
        found = [pair for pair in self.root_pairs() if _is_key(pair[0], key)]
        return found[-1] if found else None


def _is_key(node: yaml.Node, key: str) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value == key


def _reason(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        return f"character {error.character!r} is not allowed"
    parts = [getattr(error, "context", None), getattr(error, "problem", None)]
    return ", ".join(part for part in parts if part) or "syntax error"


def parse_front_matter(lines: Sequence[str], bodies: Sequence[str]) -> tuple[FrontMatter, int]:
    """The front matter and the index of the first line after it (0 when there is none)."""
    close = find_close(bodies)
    if close is None:
        return FrontMatter(), 0
    loaded = _Yaml(lines, close)
    if loaded.data is None:
        return FrontMatter(), close + 1
    if not isinstance(loaded.data, dict):
        raise NoteError("the front matter must be keys and values, like 'title: My guide'", 2)
    return _fields(loaded), close + 1


def _fields(loaded: _Yaml) -> FrontMatter:
    data: dict[Any, Any] = loaded.data
    values: dict[str, Any] = {name: _text_field(loaded, name) for name in TEXT_FIELDS}
    values.update({name: _time_field(loaded, name) for name in TIME_FIELDS})
    extra = {key: value for key, value in data.items() if key not in (*TEXT_FIELDS, *TIME_FIELDS)}
    return FrontMatter(**values, extra=extra)


def _text_field(loaded: _Yaml, name: str) -> str | None:
    value = loaded.data.get(name)
    if value is None or isinstance(value, str):
        return value
    key, node = loaded.key_node(name) or (None, None)
    if isinstance(node, yaml.ScalarNode):
        return node.value  # as written: "id: 0123" stays "0123", not the integer 83
    line = loaded.file_line(key.start_mark.index) if key is not None else 2
    raise NoteError(f"front matter field '{name}' must be text, not a list or mapping", line)


def _time_field(loaded: _Yaml, name: str) -> int | None:
    value = loaded.data.get(name)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    pair = loaded.key_node(name)
    line = loaded.file_line(pair[0].start_mark.index) if pair is not None else 2
    raise NoteError(
        f"front matter field '{name}' must be a whole number of milliseconds since 1970, not {value!r}",
        line,
    )


def with_updated(lines: Sequence[str], now_ms: int) -> list[str]:
    """``lines`` with front matter ``updated`` set to ``now_ms``; only its digits change.

    Without an ``updated`` key one is added just before the closing ``---``; a note
    without front matter is returned unchanged.
    """
    close = find_close(bodies_of(lines))
    if close is None:
        return list(lines)
    loaded = _Yaml(lines, close)
    pair = loaded.key_node("updated")
    if pair is None:
        eol = eol_of(lines[close - 1])
        return [*lines[:close], f"updated: {now_ms}{eol}", *lines[close:]]
    start, end = pair[1].start_mark.index, pair[1].end_mark.index
    digits = str(now_ms)
    if start == end and loaded.text[start - 1 : start] not in (" ", "\t"):
        digits = " " + digits  # "updated:" with no value: keep it a key, not "updated:123"
    text = loaded.text[:start] + digits + loaded.text[end:]
    return [lines[0], *split_lines(text), *lines[close:]]
