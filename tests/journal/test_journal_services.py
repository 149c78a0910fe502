"""Journal writes: validation of every field, privacy, the search index kept in step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from peoplecraft.journal import prompts, search, services
from peoplecraft.journal.models import Entry
from peoplecraft.journal.selectors import EntryFilters

pytestmark = pytest.mark.django_db


def _search(owner, text, **filters):
    return search.entry_search(owner=owner, text=text, filters=EntryFilters(**filters))


def test_create_normalises_and_indexes(owner, make_entry):
    entry = make_entry(
        "Line one\r\nLine two\x01",
        title="  A   hard  talk ",
        tags=["#Team", "team", "One to one"],
        mood=2,
        emotion=" Anxious ",
        stress=7,
    )
    assert entry.body == "Line one\nLine two"
    assert entry.title == "A hard talk"
    assert [t.name for t in entry.tag_rows.all()] == ["one-to-one", "team"]
    assert (entry.mood, entry.emotion, entry.stress) == (2, "anxious", 7)
    hits = _search(owner, "talk").hits
    assert [hit.entry.pk for hit in hits] == [entry.pk]
    assert "<mark>talk</mark>" in hits[0].title_html


def test_title_defaults_to_the_template_name(make_entry):
    assert make_entry(template="conflict", body="## The disagreement\n\nIt was about the launch date.").title == (
        "Conflict debrief"
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"body": "   \n  "}, "body"),
        ({"mood": 6}, "mood"),
        ({"stress": 11}, "stress"),
        ({"emotion": "hangry"}, "emotion"),
        ({"template": "nope"}, "template"),
        ({"tags": ["two words!"]}, "tags"),
        ({"entry_date": date.today() + timedelta(days=30)}, "entry_date"),
        ({"links": [{"kind": "practice", "id": 1}]}, "links"),
        ({"links": [{"kind": "writing-draft", "id": 999}]}, "links"),
        ({"skill_ids": [999_999]}, "skills"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(owner, fields, field):
    data = services.EntryInput(entry_date=fields.pop("entry_date", date(2025, 3, 3)), **{"body": "Text", **fields})
    with pytest.raises(services.EntryError) as caught:
        services.entry_create(owner=owner, data=data)
    assert caught.value.field == field
    assert Entry.objects.count() == 0


def test_an_untouched_template_counts_as_empty(owner):
    day = date(2025, 3, 3)
    data = services.EntryInput(entry_date=day, body=prompts.template_body("gibbs", day), template="gibbs")
    with pytest.raises(services.EntryError, match="empty"):
        services.entry_create(owner=owner, data=data)


def test_ten_megabytes_is_refused_with_the_limit_named(owner):
    data = services.EntryInput(entry_date=date(2025, 3, 3), body="x" * 10_000_000)
    with pytest.raises(services.EntryError, match="limited to 1 MB"):
        services.entry_create(owner=owner, data=data)
    assert Entry.objects.count() == 0


def test_links_to_own_records_are_kept(owner, make_entry):
    from peoplecraft.writing.models import Draft

    draft = Draft.objects.create(owner=owner, text="Hello team")
    entry = make_entry(links=[{"kind": "writing-draft", "id": draft.pk}, {"kind": "writing-draft", "id": draft.pk}])
    assert entry.links == [{"kind": "writing-draft", "id": draft.pk}]


def test_another_users_draft_cannot_be_linked(owner, teammate):
    from peoplecraft.writing.models import Draft

    draft = Draft.objects.create(owner=teammate, text="Secret")
    data = services.EntryInput(entry_date=date(2025, 3, 3), body="x", links=[{"kind": "writing-draft", "id": draft.pk}])
    with pytest.raises(services.EntryError, match="no writing draft"):
        services.entry_create(owner=owner, data=data)


def test_search_is_private_to_the_author(owner, teammate, make_entry):
    make_entry("The retrospective went badly", who=teammate)
    assert _search(owner, "retrospective").hits == []
    assert len(_search(teammate, "retrospective").hits) == 1


def test_update_and_delete_keep_the_index_in_step(owner, make_entry):
    entry = make_entry("Budget meeting with finance")
    services.entry_update(entry=entry, data=services.EntryInput(entry_date=entry.entry_date, body="Hiring panel"))
    assert _search(owner, "budget").hits == [] and len(_search(owner, "hiring").hits) == 1
    services.entry_delete(entry=entry)
    assert _search(owner, "hiring").hits == []


@pytest.mark.parametrize(
    "typed", ['"unbalanced', "feedback*", "*", "NEAR(", "AND", "feedback AND", "a OR", "(((", "col:x"]
)
def test_fts_syntax_never_raises(owner, make_entry, typed):
    make_entry("Feedback from Ana about my feedback style")
    results = _search(owner, typed)
    assert isinstance(results.hits, list)


def test_changed_queries_are_reported_and_still_find(owner, make_entry):
    make_entry("Feedback from Ana")
    results = _search(owner, 'feedback AND "Ana')
    assert results.query.changed and results.query.display() == 'feedback "Ana"'
    assert len(results.hits) == 1


def test_prefix_phrase_or_and_stemming(owner, make_entry):
    make_entry("We negotiated the roadmap", entry_date=date(2025, 3, 1))
    make_entry("A calm conversation about priorities", entry_date=date(2025, 3, 2))
    assert len(_search(owner, "negot*").hits) == 1
    assert len(_search(owner, '"calm conversation"').hits) == 1
    assert len(_search(owner, "roadmap OR priorities").hits) == 2
    assert len(_search(owner, "negotiate").hits) == 1  # porter stemming


def test_filters_combine_with_search(owner, imported_guide, make_entry):
    from peoplecraft.skillmap.selectors import skill_find

    skill = skill_find(guide=imported_guide, name="Active Listening")
    make_entry("Listening to Priya", tags=["team"], mood=4, skill_ids=[skill.pk], entry_date=date(2025, 3, 1))
    make_entry("Listening to Omar", tags=["client"], mood=2, entry_date=date(2025, 3, 5))
    assert len(_search(owner, "listening", skill_id=skill.pk).hits) == 1
    assert len(_search(owner, "listening", tag="client").hits) == 1
    assert len(_search(owner, "listening", mood=4).hits) == 1
    assert len(_search(owner, "listening", date_from=date(2025, 3, 2)).hits) == 1
    assert len(_search(owner, "listening", date_to=date(2025, 3, 2)).hits) == 1


def test_highlights_escape_user_html(owner, make_entry):
    make_entry("<script>alert(1)</script> feedback", title="<b>Feedback</b>")
    hit = _search(owner, "feedback").hits[0]
    assert "<script>" not in hit.snippet_html and "<b>" not in hit.title_html
    assert "<mark>feedback</mark>" in hit.snippet_html


def test_search_pages(owner, make_entry):
    for day in range(25):
        make_entry(f"Standup number {day}", entry_date=date(2025, 1, 1) + timedelta(days=day))
    first = search.entry_search(owner=owner, text="standup", filters=EntryFilters(), page=1)
    second = search.entry_search(owner=owner, text="standup", filters=EntryFilters(), page=2)
    assert len(first.hits) == 20 and first.has_next
    assert len(second.hits) == 5 and not second.has_next
    assert first.hits[0].entry.entry_date > second.hits[0].entry.entry_date  # newest first


def test_future_dates_up_to_tomorrow_are_allowed(make_entry):
    assert make_entry(entry_date=timezone.localdate() + timedelta(days=1)).pk


def test_search_walks_past_other_peoples_newer_matches(owner, teammate, make_entry):
    from peoplecraft.journal.models import Entry

    mine = make_entry("Quarterly planning notes", entry_date=date(2024, 1, 1))
    theirs = [
        Entry(owner=teammate, entry_date=date(2025, 1, 1), title=f"T{n}", body="Quarterly planning", note_id=f"t{n}")
        for n in range(450)
    ]
    Entry.objects.bulk_create(theirs)
    services.search_index_rebuild(owner=teammate)
    assert [hit.entry.pk for hit in _search(owner, "quarterly").hits] == [mine.pk]
    assert len(_search(teammate, "quarterly").hits) == 20
