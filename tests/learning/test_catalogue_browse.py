"""Search, filters and pages over the catalogue (pure): what the page and ``learn list`` share."""

from __future__ import annotations

import pytest

from peoplecraft.learning.browse import PER_PAGE, Query, QueryError, paginate, parse_page, parse_query, search
from peoplecraft.learning.catalogue import bundled_catalogue

SKILLS = ["Active Listening", "Empathy"]


def test_text_search_matches_title_authors_and_summary_with_every_word():
    catalogue = bundled_catalogue()
    assert {r.id for r in search(catalogue, Query(text="bazerman"))} == {"negotiation-genius"}
    assert "ted-treasure-listen" in {r.id for r in search(catalogue, Query(text="LISTEN treasure"))}
    by_summary = search(catalogue, Query(text="hostage negotiator"))
    assert [r.id for r in by_summary] == ["never-split-the-difference"]
    assert search(catalogue, Query(text="treasure zzzz")) == []


def test_filters_combine():
    results = search(bundled_catalogue(), Query(skill="active listening", kind="talk", length="short", cost="free"))
    assert results and all(r.type == "talk" and r.minutes < 30 and r.cost == "free" for r in results)
    assert all(r.helps("Active Listening") for r in results)
    long_books = search(bundled_catalogue(), Query(kind="book", length="long"))
    assert long_books and all(r.minutes > 180 for r in long_books)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"type": "film"}, "type", "Unknown type 'film'"),
        ({"length": "epic"}, "length", "Unknown length 'epic'"),
        ({"cost": "cheap"}, "cost", "Unknown cost 'cheap'"),
        ({"skill": "Telepathy"}, "skill", "skill named 'Telepathy'"),
        ({"q": "x" * 201}, "q", "longer than 200"),
    ],
)
def test_bad_values_name_the_field(values, field, message):
    with pytest.raises(QueryError) as error:
        parse_query(values, skills=SKILLS)
    assert error.value.field == field and message in str(error.value)


def test_skill_is_matched_without_case_and_given_its_catalogue_spelling():
    query = parse_query({"skill": "active listening", "q": "  two   words "}, skills=SKILLS)
    assert (query.skill, query.text) == ("Active Listening", "two words")
    assert query.params() == {"q": "two words", "skill": "Active Listening"}


def test_pages_of_twenty_and_past_the_end_shows_the_last():
    items = list(bundled_catalogue())[:45]
    first = paginate(items, 1)
    assert (len(first.items), first.count, first.first_index, first.last_index) == (PER_PAGE, 3, 1, 20)
    last = paginate(items, 9)
    assert (last.number, last.asked, len(last.items), last.first_index, last.last_index) == (3, 9, 5, 41, 45)
    empty = paginate([], 1)
    assert (empty.number, empty.count, empty.total, empty.first_index) == (1, 1, 0, 0)


@pytest.mark.parametrize("raw", ["0", "-1", "two", "1.5"])
def test_a_page_that_is_not_a_positive_number_is_refused(raw):
    with pytest.raises(QueryError) as error:
        parse_page(raw)
    assert error.value.field == "page"


def test_no_page_is_page_one():
    assert parse_page(None) == parse_page("") == 1 and parse_page("3") == 3
