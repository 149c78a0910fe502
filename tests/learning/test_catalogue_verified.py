"""Catalogue you can trust: every entry says when and against what it was checked, contested
findings carry an evidence note, and the facts a review found wrong stay corrected."""

from __future__ import annotations

from datetime import date

import pytest

from peoplecraft.core.datafile import DataFileError
from peoplecraft.learning.catalogue import SOURCE_KINDS, bundled_catalogue, parse_resources

ENTRY = """resources:
  - id: a-talk
    type: talk
    title: A Talk
    skills: [Empathy]
    summary: Why it helps.
    minutes: 10
    cost: free
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(DataFileError) as error:
        parse_resources(text, source="t.yaml")
    return error.value.problems


def test_verified_is_required():
    [problem] = _problems(ENTRY)
    assert problem.startswith("t.yaml, line 2 (a-talk), field 'verified': is required")


@pytest.mark.parametrize(
    ("verified", "message"),
    [
        ("{on: 2026-11-30, by: a friend}", "'by' must be one of: publisher page, ISBN record"),
        ("{on: 30/11/2026, by: official talk page}", "'on' must be a date written YYYY-MM-DD"),
        ("{on: 2026-11-30}", "'by' must be one of"),
        ("{on: 2026-11-30, by: official talk page, who: me}", "unknown key 'who'"),
        ("yes", "must be a mapping"),
    ],
)
def test_verified_must_name_a_date_and_a_known_source_kind(verified, message):
    problems = _problems(ENTRY + f"    verified: {verified}\n")
    assert any("field 'verified'" in p and message in p for p in problems), problems


def test_a_valid_verified_parses_and_evidence_is_optional():
    [plain] = parse_resources(ENTRY + "    verified: {on: 2026-11-30, by: official talk page}\n", source="t")
    assert (plain.verified.on, plain.verified.by, plain.evidence) == (date(2026, 11, 30), "official talk page", "")
    text = ENTRY + "    verified: {on: '2026-11-30', by: official talk page}\n    evidence: Did not replicate.\n"
    [noted] = parse_resources(text, source="t")
    assert noted.evidence == "Did not replicate." and noted.verified.on == date(2026, 11, 30)


def test_every_bundled_entry_is_verified_against_a_known_kind_of_source():
    catalogue = bundled_catalogue()
    assert all(r.verified is not None and r.verified.by in SOURCE_KINDS for r in catalogue)
    kinds = {r.type: {x.verified.by for x in catalogue if x.type == r.type} for r in catalogue}
    assert kinds["talk"] == {"official talk page"} and kinds["podcast"] == {"podcast feed"}
    assert kinds["course"] == {"course provider page"}


def _get(ident: str):
    return next(r for r in bundled_catalogue() if r.id == ident)


def test_the_two_ted_events_are_corrected():
    anderson = _get("ted-anderson-speaking")
    assert anderson.source == "TED Studio" and anderson.year == 2016
    edmondson = _get("ted-edmondson-teaming")
    assert (edmondson.source, edmondson.year) == ("TED", 2018)


def test_book_subtitles_agree_with_the_edition_and_year():
    influence = _get("influence-cialdini")
    assert influence.title == "Influence: The Psychology of Persuasion"
    assert (influence.year, influence.edition) == (1993, "revised edition")
    zinsser = _get("on-writing-well")
    assert (zinsser.title, zinsser.year) == ("On Writing Well: An Informal Guide to Writing Nonfiction", 1976)
    steele = _get("whistling-vivaldi")
    assert (steele.title, steele.year) == ("Whistling Vivaldi: And Other Clues to How Stereotypes Affect Us", 2010)
    assert _get("getting-past-no").title == "Getting Past No"  # the subtitle varies by edition
    assert (_get("nonviolent-communication").year, _get("nonviolent-communication").edition) == (2003, "2nd edition")


@pytest.mark.parametrize(
    ("ident", "word"),
    [
        ("ted-cuddy-body-language", "replicate"),
        ("presence-cuddy", "replicate"),
        ("ted-duckworth-grit", "conscientiousness"),
        ("grit", "conscientiousness"),
        ("ted-achor-happy-secret", "causal"),
        ("the-happiness-advantage", "causal"),
        ("mindset", "small average effects"),
        ("whistling-vivaldi", "replication"),
        ("thinking-fast-and-slow", "replicate"),
    ],
)
def test_contested_findings_carry_an_evidence_note(ident, word):
    assert word in _get(ident).evidence


NEW_BOOKS = {
    "the-power-of-a-positive-no": ("The Power of a Positive No", ("William Ury",), 2007),
    "asserting-yourself": ("Asserting Yourself", ("Sharon Anthony Bower", "Gordon H. Bower"), 1976),
    "crucial-accountability": (
        "Crucial Accountability",
        ("Kerry Patterson", "Joseph Grenny", "David Maxfield", "Ron McMillan", "Al Switzler"),
        2013,
    ),
    "negotiation-genius": ("Negotiation Genius", ("Deepak Malhotra", "Max H. Bazerman"), 2007),
    "writing-for-busy-readers": ("Writing for Busy Readers", ("Todd Rogers", "Jessica Lasky-Fink"), 2023),
    "mindwise": ("Mindwise", ("Nicholas Epley",), 2014),
    "motivational-interviewing": ("Motivational Interviewing", ("William R. Miller", "Stephen Rollnick"), 2012),
}


@pytest.mark.parametrize("ident", sorted(NEW_BOOKS))
def test_the_missing_classics_are_in_with_their_edition(ident):
    book = _get(ident)
    title, authors, year = NEW_BOOKS[ident]
    assert book.type == "book" and book.title.startswith(title + ":")
    assert (book.authors, book.year) == (authors, year)
    assert book.edition and book.skills and book.summary
