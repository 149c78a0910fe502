"""Full-text search with the database's own engine: SQLite FTS5 or PostgreSQL text search.

Results are the owner's matching entries, newest first (a journal is read by date; the
highlighted snippet shows why each one matched), one page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from peoplecraft.journal import search_index
from peoplecraft.journal.models import Entry
from peoplecraft.journal.search_query import MARK_END, MARK_START, ParsedQuery, marked_html, parse_query
from peoplecraft.journal.selectors import PAGE_SIZE, RELATIONS, EntryFilters, with_relations

CONFIG = "english"  # also in journal migration 0004's stored column
SEARCH_COLUMN = "search_vector"
SNIPPET_TOKENS = 24


@dataclass(frozen=True)
class Hit:
    entry: Entry
    title_html: SafeString
    snippet_html: SafeString


@dataclass(frozen=True)
class SearchResults:
    query: ParsedQuery
    hits: list[Hit]
    has_next: bool
    page: int


def entry_search(*, owner, text: str, filters: EntryFilters, page: int = 1) -> SearchResults:
    """Search ``owner``'s entries; the query is sanitised, so it never raises on what was typed."""
    parsed = parse_query(text)
    page = max(page, 1)
    if parsed.is_empty:
        return SearchResults(parsed, [], False, page)
    if search_index.uses_fts5():
        hits, has_next = _sqlite(owner, parsed, page, filters)
    else:
        hits, has_next = _postgres(filters.apply(Entry.objects.filter(owner=owner)), parsed, page)
    return SearchResults(parsed, hits, has_next, page)


def _page(entries: QuerySet[Entry], page: int) -> list[Entry]:
    start = (page - 1) * PAGE_SIZE
    return list(with_relations(entries.order_by("-entry_date", "-id").defer("body"))[start : start + PAGE_SIZE + 1])


def _sqlite_matches(owner, match: str, filters: EntryFilters, wanted: int) -> list[Entry]:
    """The owner's first ``wanted`` matching entries (without bodies) that pass the filters, newest first."""
    columns = ", ".join(f"e.{field.column}" for field in Entry._meta.concrete_fields if field.name != "body")
    sql, params = search_index.matching_sql(
        match,
        columns=columns,
        owner_id=owner.pk,
        below=search_index.last_key(filters.date_to) if filters.date_to else (1 << 62),
        above=search_index.first_key(filters.date_from) if filters.date_from else 0,
        limit=wanted,
        mood=filters.mood,
        tag=filters.tag,
        skill_id=filters.skill_id,
    )
    return list(Entry.objects.raw(sql, params))  # the columns left out (the body) are deferred


def _sqlite(owner, parsed: ParsedQuery, page: int, filters: EntryFilters) -> tuple[list[Hit], bool]:
    match = parsed.fts5()
    found = _sqlite_matches(owner, match, filters, page * PAGE_SIZE + 1)
    shown = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    prefetch_related_objects(shown, *RELATIONS)
    keys = [search_index.search_key(entry.entry_date, entry.pk) for entry in shown]
    marked = search_index.snippets(match, keys, MARK_START, MARK_END, SNIPPET_TOKENS)
    hits = [
        Hit(entry, *(mark_safe(marked_html(part)) for part in marked.get(entry.pk, (entry.title, ""))))  # noqa: S308
        for entry in shown
    ]
    return hits, len(found) > page * PAGE_SIZE


def _raw_prefix(word: str) -> str:
    """A prefix lexeme in tsquery syntax; the word is quoted, so it carries no operators."""
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "':*"


def _pg_query(parsed: ParsedQuery):
    from django.contrib.postgres.search import SearchQuery

    combined = None
    for clause in parsed.clauses:
        alternatives = None
        for term in clause:
            if term.prefix:
                query = SearchQuery(_raw_prefix(term.text), search_type="raw", config=CONFIG)
            else:
                query = SearchQuery(f'"{term.text}"', search_type="websearch", config=CONFIG)
            alternatives = query if alternatives is None else alternatives | query
        combined = alternatives if combined is None else combined & alternatives
    return combined


def _stored_vector() -> RawSQL:
    """The stored, GIN-indexed tsvector of migration 0004: PostgreSQL keeps it, the ORM does not know
    it. Matching on it never re-parses an entry's text."""
    from django.contrib.postgres.search import SearchVectorField

    column = f'"{Entry._meta.db_table}"."{SEARCH_COLUMN}"'
    return RawSQL(column, [], output_field=SearchVectorField())  # noqa: S611 - constant names, no input


def _postgres(entries: QuerySet[Entry], parsed: ParsedQuery, page: int) -> tuple[list[Hit], bool]:
    from django.contrib.postgres.search import SearchHeadline

    query = _pg_query(parsed)
    matching = entries.alias(search=_stored_vector()).filter(Q(search=query))  # alias: not selected
    highlight = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": CONFIG}
    rows = _page(
        matching.annotate(
            title_marked=SearchHeadline("title", query, highlight_all=True, **highlight),
            body_marked=SearchHeadline(
                "body", query, max_words=SNIPPET_TOKENS, min_words=8, max_fragments=2, **highlight
            ),
        ),
        page,
    )
    hits = [
        Hit(entry, mark_safe(marked_html(entry.title_marked)), mark_safe(marked_html(entry.body_marked)))  # noqa: S308
        for entry in rows[:PAGE_SIZE]
    ]
    return hits, len(rows) > PAGE_SIZE
