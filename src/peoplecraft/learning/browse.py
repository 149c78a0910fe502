"""Search, filter and page through the catalogue: shared by the catalogue page and ``learn list``.

A query comes in as plain strings (a GET form or CLI options). ``parse_query`` checks every value
and names the bad one, so the web can answer 400 and the CLI exit 2 with the same message.
Pure module: no Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from peoplecraft.learning.catalogue import COSTS, TYPES, Resource

PER_PAGE = 20
MAX_QUERY = 200

# Length buckets over the estimated time in minutes: (label, lowest, highest), both inclusive.
LENGTHS: dict[str, tuple[str, int, int]] = {
    "short": ("Under 30 minutes", 1, 29),
    "medium": ("30 minutes to 3 hours", 30, 180),
    "long": ("Over 3 hours", 181, 10_000),
}


class QueryError(ValueError):
    """A search or filter value is not usable; ``field`` names it and the message says why."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class Query:
    text: str = ""
    skill: str = ""
    kind: str = ""
    length: str = ""
    cost: str = ""

    @property
    def active(self) -> bool:
        return any((self.text, self.skill, self.kind, self.length, self.cost))

    def params(self) -> dict[str, str]:
        """The non-empty values under their form names, to rebuild links (page links keep the filters)."""
        named = {"q": self.text, "skill": self.skill, "type": self.kind, "length": self.length, "cost": self.cost}
        return {key: value for key, value in named.items() if value}


def skill_names(catalogue: Iterable[Resource]) -> list[str]:
    """Every skill named by some resource, sorted case-insensitively (the filter's choices)."""
    names = {name.casefold(): name for resource in catalogue for name in resource.skills}
    return [names[key] for key in sorted(names)]


def parse_query(values: Mapping[str, str | None], *, skills: Iterable[str]) -> Query:
    """Check the raw values; raise ``QueryError`` for the first unusable one."""
    text = " ".join((values.get("q") or "").split())
    if len(text) > MAX_QUERY:
        raise QueryError("q", f"The search is longer than {MAX_QUERY} characters; shorten it.")
    skill = (values.get("skill") or "").strip()
    if skill:
        known = {name.casefold(): name for name in skills}
        if skill.casefold() not in known:
            raise QueryError("skill", f"No resource in the catalogue is for a skill named '{skill}'.")
        skill = known[skill.casefold()]
    kind = (values.get("type") or "").strip()
    if kind and kind not in TYPES:
        raise QueryError("type", f"Unknown type '{kind}': choose one of {', '.join(TYPES)}.")
    length = (values.get("length") or "").strip()
    if length and length not in LENGTHS:
        raise QueryError("length", f"Unknown length '{length}': choose one of {', '.join(LENGTHS)}.")
    cost = (values.get("cost") or "").strip()
    if cost and cost not in COSTS:
        raise QueryError("cost", f"Unknown cost '{cost}': choose one of {', '.join(COSTS)}.")
    return Query(text, skill, kind, length, cost)


def _matches_text(resource: Resource, words: list[str]) -> bool:
    haystack = " ".join((resource.title, " ".join(resource.authors), resource.summary)).casefold()
    return all(word in haystack for word in words)


def search(catalogue: Iterable[Resource], query: Query) -> list[Resource]:
    """Resources matching every part of the query; the text matches title, authors and summary (all words)."""
    words = query.text.casefold().split()
    low, high = LENGTHS[query.length][1:] if query.length else (0, 10**9)
    return [
        r
        for r in catalogue
        if (not words or _matches_text(r, words))
        and (not query.skill or r.helps(query.skill))
        and (not query.kind or r.type == query.kind)
        and low <= r.minutes <= high
        and (not query.cost or r.cost == query.cost)
    ]


@dataclass(frozen=True)
class Page:
    items: list[Resource]
    number: int
    count: int  # pages in all (at least 1)
    total: int  # results in all
    asked: int  # the page asked for; differs from ``number`` when it was past the end
    per_page: int = PER_PAGE

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.items) - 1 if self.total else 0

    @property
    def numbers(self) -> range:
        return range(1, self.count + 1)


def parse_page(raw: str | None) -> int:
    text = (raw or "").strip()
    if not text:
        return 1
    if not text.isdigit() or int(text) < 1:
        raise QueryError("page", f"Page '{text[:20]}' is not a page number; pages start at 1.")
    return int(text)


def paginate(results: list[Resource], asked: int, *, per_page: int = PER_PAGE) -> Page:
    """One page of results; a page past the end shows the last page (``asked`` keeps what was asked)."""
    count = max(1, -(-len(results) // per_page))
    number = min(asked, count)
    start = (number - 1) * per_page
    return Page(results[start : start + per_page], number, count, len(results), asked, per_page)
