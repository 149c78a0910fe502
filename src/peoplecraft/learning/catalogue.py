"""The curated catalogue of learning resources: load and validate the bundled YAML files.

Every file under ``data/learning/`` holds a ``resources:`` list. Each resource names the skills
it helps (by their name in the guide), says in one original line why, and gives its type, an
estimated time and whether it is free. Every entry also says when it was last checked and against
what kind of source (``verified: {on: 2026-11-30, by: publisher page}``), so a reader knows where
to confirm a fact; entries whose central finding is contested carry an ``evidence`` note.
Problems name the file, the line and the field. Pure module: no Django.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from peoplecraft.core.datafile import (
    LINE_KEY,
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
# The kinds of source a fact can be checked against; ``verified.by`` names one of them.
SOURCE_KINDS = (
    "publisher page",
    "ISBN record",
    "library catalogue",
    "official talk page",
    "course provider page",
    "podcast feed",
    "journal record",
    "author's site",
)
_FIELDS = frozenset(
    {
        "id",
        "type",
        "title",
        "authors",
        "year",
        "edition",
        "isbn",
        "url",
        "source",
        "skills",
        "summary",
        "minutes",
        "cost",
        "verified",
        "evidence",
    }
)
_VERIFIED_FIELDS = frozenset({"on", "by"})


@dataclass(frozen=True)
class Verified:
    """When an entry's facts were last checked, and the kind of source they can be checked against."""

    on: date
    by: str


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
    edition: str = ""  # e.g. "2nd edition", when the title or year belongs to one edition
    verified: Verified | None = None
    evidence: str = ""  # a caveat when the central finding is contested or failed to replicate
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


def _verified(f: Fields, record: dict) -> Verified | None:
    """Check ``verified: {on: YYYY-MM-DD, by: <source kind>}``; problems go to ``f``."""
    value = record.get("verified")
    if value is None:
        f.problem("verified", "is required: {on: YYYY-MM-DD, by: <source kind>}")
        return None
    if not isinstance(value, dict):
        f.problem("verified", "must be a mapping like {on: 2026-11-30, by: publisher page}")
        return None
    # YAML 1.1 reads a bare ``on`` key as the boolean true; accept it as the 'on' it was written as.
    keys = {"on" if key is True else key: item for key, item in value.items() if key != LINE_KEY}
    unknown = sorted(str(key) for key in set(keys) - _VERIFIED_FIELDS)
    if unknown:
        f.problem("verified", f"unknown key {', '.join(map(repr, unknown))} (use 'on' and 'by')")
    on, by = keys.get("on"), keys.get("by")
    day = None
    if isinstance(on, date):
        day = on
    elif isinstance(on, str):
        try:
            day = date.fromisoformat(on.strip())
        except ValueError:
            day = None
    if day is None:
        f.problem("verified", "'on' must be a date written YYYY-MM-DD")
    if not isinstance(by, str) or by.strip() not in SOURCE_KINDS:
        f.problem("verified", f"'by' must be one of: {', '.join(SOURCE_KINDS)}")
        by = None
    if day is None or by is None or unknown:
        return None
    return Verified(day, by.strip())


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
    edition = f.text("edition", required=False, max_length=60)
    verified = _verified(f, record)
    evidence = f.text("evidence", required=False, max_length=400)
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
        edition,
        verified,
        evidence,
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
