"""Read hand-written YAML data files and report problems with the file, line and field.

Bundled content (learning resources, exercises, practice cards) is authored by people, so every
mistake should point at its place: ``resources/books.yaml, line 41 (crucial-conversations),
field 'year': must be a whole number``. Validation collects every problem before raising.
Pure module: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

LINE_KEY = "__line__"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DataFileError(ValueError):
    """A data file failed to load; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


# libyaml's parser (when PyYAML was built with it) reads our bundled content about 5x faster than the
# pure-Python one, which matters because commands such as ``practice today`` load it at start-up.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(SAFE_LOADER):
    """A safe loader that records the 1-based line of every mapping under ``LINE_KEY``."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def parse_yaml(text: str, *, source: str) -> Any:
    """Parse YAML text; a syntax error names the source and the line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError([f"{source}{where}: YAML syntax error: {problem}"]) from None


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError([f"{path}: cannot read file: {exc}"]) from None


def records(data: Any, *, source: str, key: str) -> list[dict]:
    """The list of mappings under ``key`` at the top of a document."""
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise DataFileError([f"{source}: expected a mapping with a list under '{key}'"])
    bad = [i for i, item in enumerate(data[key], start=1) if not isinstance(item, dict)]
    if bad:
        raise DataFileError([f"{source}: entry {i} of '{key}' is not a mapping" for i in bad])
    return data[key]


@dataclass
class Fields:
    """Typed access to one record's fields; every problem is collected, none raised."""

    record: dict
    source: str
    allowed: frozenset[str]
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.record) - self.allowed - {LINE_KEY})
        for name in unknown:
            self.problem(name, "unknown field")

    @property
    def where(self) -> str:
        ident = self.record.get("id")
        label = f" ({ident})" if isinstance(ident, str) else ""
        return f"{self.source}, line {self.record.get(LINE_KEY, '?')}{label}"

    def problem(self, name: str, message: str) -> None:
        self.problems.append(f"{self.where}, field '{name}': {message}")

    def text(self, name: str, *, required: bool = True, max_length: int = 2000) -> str:
        value = self.record.get(name)
        if value is None:
            if required:
                self.problem(name, "is required")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(name, "must be non-empty text")
            return ""
        if len(value) > max_length:
            self.problem(name, f"is longer than {max_length} characters")
        return " ".join(value.split())

    def slug(self, name: str) -> str:
        value = self.text(name)
        if value and not SLUG.match(value):
            self.problem(name, "must be lowercase words joined by hyphens, like 'active-listening-1'")
        return value

    def choice(self, name: str, choices: Iterable[str], *, required: bool = True) -> str:
        value = self.text(name, required=required)
        options = tuple(choices)
        if value and value not in options:
            self.problem(name, f"'{value}' is not one of {', '.join(options)}")
        return value

    def integer(self, name: str, *, low: int, high: int, required: bool = True) -> int | None:
        value = self.record.get(name)
        if value is None:
            if required:
                self.problem(name, "is required")
            return None
        if type(value) is not int or not low <= value <= high:
            self.problem(name, f"must be a whole number from {low} to {high}")
            return None
        return value

    def texts(self, name: str, *, low: int = 1, high: int = 50) -> tuple[str, ...]:
        value = self.record.get(name)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(name, "must be a list of non-empty texts")
            return ()
        if not low <= len(value) <= high:
            self.problem(name, f"needs {low} to {high} entries, not {len(value)}")
        return tuple(" ".join(v.split()) for v in value)


def check_unique_ids(ids: Iterable[tuple[str, str]]) -> list[str]:
    """Problems for ids used twice; ``ids`` yields (id, where)."""
    seen: dict[str, str] = {}
    problems = []
    for ident, where in ids:
        if ident in seen:
            problems.append(f"{where}: duplicate id '{ident}' (first used at {seen[ident]})")
        else:
            seen[ident] = where
    return problems


def check_skills(named: Iterable[tuple[str, str]], known: Iterable[str] | None) -> list[str]:
    """Problems for skill names not in ``known`` (matched case-insensitively); ``named`` yields (skill, where)."""
    if known is None:
        return []
    lowered = {name.casefold() for name in known}
    return [f"{where}: unknown skill '{skill}'" for skill, where in named if skill.casefold() not in lowered]
