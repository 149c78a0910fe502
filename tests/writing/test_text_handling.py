"""Sentence splitting, Markdown and e-mail conventions, Unicode and CRLF."""

import pytest

from peoplecraft.writing.analyzer import analyze
from peoplecraft.writing.analyzer.document import build


def sentences(text):
    doc = build(text)
    return [text[slice(*doc.sentence_span(i))] for i in range(len(doc.sentences))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Smith arrived. He sat down.", ["Dr. Smith arrived", "He sat down"]),
        ("Bring fruit, e.g. apples. Then leave.", ["Bring fruit, e.g. apples", "Then leave"]),
        ("Use tabs, i.e. not spaces. Done.", ["Use tabs, i.e. not spaces", "Done"]),
        ("Pi is 3.14 today. Yes.", ["Pi is 3.14 today", "Yes"]),
        ("J. R. R. Tolkien wrote it. Read it.", ["J. R. R. Tolkien wrote it", "Read it"]),
        ("I was thinking... maybe not. Ok.", ["I was thinking... maybe not", "Ok"]),
        ("Wait\u2026 what? No!", ["Wait\u2026 what", "No"]),
        ("She moved to the U.S. last year. It rained.", ["She moved to the U.S. last year", "It rained"]),
        ("He lives in the U.S. The weather is good.", ["He lives in the U.S.", "The weather is good"]),
        ("Buy pens, paper, etc. We need them.", ["Buy pens, paper, etc", "We need them"]),
        ("See No. 5 for details. Thanks.", ["See No. 5 for details", "Thanks"]),
        ("Really? Yes! Good.", ["Really", "Yes", "Good"]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_bullets_and_headings_are_sentences_without_periods():
    text = "# Plan for Monday\nWe start early.\n\n- buy milk\n- call Sam\n* write report\n1. ship it"
    assert sentences(text) == ["Plan for Monday", "We start early", "buy milk", "call Sam", "write report", "ship it"]


def test_paragraphs_exclude_headings():
    text = "# Title\n\nFirst paragraph here.\nStill first.\n\nSecond paragraph."
    stats = analyze(text).stats
    assert stats["paragraphs"] == 2
    assert stats["sentences"] == 4


def test_code_urls_emails_and_link_targets_are_ignored():
    text = (
        "Read [the guide](https://example.com/was-written-by-bots) and mail a.b@example.org.\n"
        "Run `it was deleted by` now, see https://x.org/in-order-to.\n\n"
        "```\nthe file was deleted by the script\n```\n\n"
        "    x = was_removed(by=me)\n"
    )
    result = analyze(text)
    assert result.stats["words"] == len(["Read", "the", "guide", "and", "mail", "Run", "now", "see"])
    assert not [f for f in result.findings if f.rule in ("passive", "wordy")]


def test_link_text_is_analysed():
    text = "Read [in order to learn](https://example.com) today."
    (finding,) = [f for f in analyze(text).findings if f.rule == "wordy"]
    assert text[finding.start : finding.end] == "in order to"


def test_indented_prose_is_analysed_but_indented_code_is_not():
    prose = "Intro.\n\n    The report was written by the team, as agreed.\n    We sent it.\n"
    code = "Intro.\n\n    def send(report):\n        return report.was_sent\n"
    assert analyze(prose).stats["words"] == 13
    assert analyze(code).stats["words"] == 1


def test_unclosed_fence_is_text():
    assert analyze("```\nThe plan was approved.").stats["words"] == 4


def test_email_quotes_and_signature_are_excluded():
    text = (
        "Hi Sam,\r\n\r\nThe plan works.\r\n\r\n> The plan was rejected by Bo.\r\n"
        "> In order to help.\r\n\r\nThanks,\r\nAlex\r\n-- \r\nAlex was hired by ACME\r\n"
    )
    result = analyze(text, "email")
    assert not [f for f in result.findings if f.rule in ("passive", "wordy")]
    assert result.stats["words"] == 7  # Hi Sam The plan works Thanks Alex


def test_crlf_offsets_point_at_the_original():
    text = "Line one.\r\nIn order to win, we try.\r\n"
    (finding,) = [f for f in analyze(text).findings if f.rule == "wordy"]
    assert text[finding.start : finding.end] == "In order to"


def test_unicode_offsets_are_code_points():
    text = "\U0001f600 Caf\u00e9 na\u0131\u0308ve \u2014 the memo was approved by Zo\u00eb."
    (finding,) = [f for f in analyze(text).findings if f.rule == "passive"]
    assert text[finding.start : finding.end] == "was approved"


def test_combining_marks_stay_inside_words():
    text = "Cafe\u0301 is nice."
    assert analyze(text).stats["words"] == 3


def test_curly_apostrophes_match_phrases():
    text = "It\u2019s easy to do."
    assert any(f.rule == "inclusive-other" for f in analyze(text).findings)
