"""The curated catalogue of learning resources: load and validate the bundled YAML files.

Every file under ``data/learning/`` holds a ``resources:`` list. Each resource names the skills
it helps (by their name in the guide), says in one original line why, and gives its type, an
estimated time and whether it is free. Problems name the file, the line and the field.
Pure module: no Django.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from peoplecraft.core.datafile import (
    DataFileError,
    Fields,
    check_skills,
    check_unique_ids,
    parse_yaml,
    read_text,
    records,
)

TYPES = ("book", "course", "article", "talk", "podcast")
COSTS = ("free", "paid")
_FIELDS = frozenset(
    {"id", "type", "title", "authors", "year", "isbn", "url", "source", "skills", "summary", "minutes", "cost"}
)


@dataclass(frozen=True)
class Resource:
    id: str
    type: str
    title: str
    skills: tuple[str, ...]
    summary: str
    minutes: int
    cost: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    isbn: str = ""
    url: str = ""
    source: str = ""  # publisher, platform or host, when it helps to find the work
    where: str = ""  # file and line, for error messages

    @property
    def byline(self) -> str:
        names = ", ".join(self.authors)
        return f"{names} ({self.year})" if names and self.year else names or (str(self.year) if self.year else "")

    def helps(self, skill: str) -> bool:
        wanted = skill.casefold()
        return any(name.casefold() == wanted for name in self.skills)


def _isbn_ok(isbn: str) -> bool:
    digits = isbn.replace("-", "")
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
        return total % 10 == 0
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] in "Xx"):
        total = sum((10 - i) * (10 if d in "Xx" else int(d)) for i, d in enumerate(digits))
        return total % 11 == 0
    return False


def _resource(record: dict, source: str) -> tuple[Resource | None, list[str]]:
    from peoplecraft.learning.links import LinkError, clean_url

    f = Fields(record, source, _FIELDS)
    ident, kind, title = f.slug("id"), f.choice("type", TYPES), f.text("title", max_length=300)
    skills, summary = f.texts("skills", high=8), f.text("summary", max_length=300)
    minutes, cost = f.integer("minutes", low=1, high=10_000), f.choice("cost", COSTS)
    authors = f.texts("authors", high=10) if "authors" in record else ()
    year = f.integer("year", low=1800, high=2100, required=False)
    isbn = f.text("isbn", required=False, max_length=20)
    if isbn and not _isbn_ok(isbn):
        f.problem("isbn", f"'{isbn}' is not a valid ISBN-10 or ISBN-13 (check digit)")
    url = f.text("url", required=False)
    if url:
        try:
            clean_url(url)
        except LinkError as error:
            f.problem("url", str(error))
    if kind == "book" and not authors:
        f.problem("authors", "a book needs its authors")
    if f.problems:
        return None, f.problems
    resource = Resource(
        ident,
        kind,
        title,
        skills,
        summary,
        minutes or 0,
        cost,
        authors,
        year,
        isbn,
        url,
        f.text("source", required=False),
        f.where,
    )
    return resource, []


def parse_resources(text: str, *, source: str) -> list[Resource]:
    """Validate one file's resources; raises ``DataFileError`` listing every problem."""
    items, problems = [], []
    for record in records(parse_yaml(text, source=source), source=source, key="resources"):
        resource, found = _resource(record, source)
        problems.extend(found)
        if resource is not None:
            items.append(resource)
    if problems:
        raise DataFileError(problems)
    return items


def load_catalogue(paths: Iterable[Path], *, known_skills: Iterable[str] | None = None) -> tuple[Resource, ...]:
    """Load every file; ids must be unique across files and skills known, when ``known_skills`` is given."""
    items, problems = [], []
    for path in sorted(paths):
        try:
            items.extend(parse_resources(read_text(path), source=str(path)))
        except DataFileError as error:
            problems.extend(error.problems)
    problems += check_unique_ids((r.id, r.where) for r in items)
    problems += check_skills(((s, r.where) for r in items for s in r.skills), known_skills)
    if problems:
        raise DataFileError(problems)
    return tuple(sorted(items, key=lambda r: (r.title.casefold(), r.id)))


def bundled_paths() -> list[Path]:
    folder = Path(str(resources.files("peoplecraft.data").joinpath("learning")))
    return sorted(folder.glob("*.yaml"))


@functools.cache
def bundled_catalogue() -> tuple[Resource, ...]:
    """The catalogue shipped with Peoplecraft (validated once per process)."""
    return load_catalogue(bundled_paths())


def find(catalogue: Iterable[Resource], *, skill: str | None = None, kind: str | None = None) -> list[Resource]:
    return [r for r in catalogue if (skill is None or r.helps(skill)) and (kind is None or r.type == kind)]
