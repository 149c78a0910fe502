"""Every finding's span is inside the text, non-empty and slices to the flagged words."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peoplecraft.writing.analyzer import CONTEXTS, analyze

PIECES = [
    "In order to",
    " was quickly promoted",
    " got fired",
    "!!",
    "URGENT NOTICE",
    "\r\n",
    "\n\n",
    "\n- ",
    "\n# ",
    "```",
    "`x`",
    "[link](http://a.b)",
    "> ",
    "\n-- \n",
    "\U0001f600",
    "e\u0301",
    "\u200d",
    "\u2019",
    "...",
    "\u2026",
    "Dr.",
    " the disabled",
    "J. R. ",
    "3.14",
    "Subject: hi\n",
    "#tag ",
    "    code\n",
    "\u0130",
    "\ufb03",
    "\u00df",
    " ",
    ".",
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=40).map("".join)


def check_spans(text):
    for context in CONTEXTS:
        for finding in analyze(text, context).findings:
            assert 0 <= finding.start < finding.end <= len(text), finding
            assert text[finding.start : finding.end], finding
            assert text[finding.start : finding.end].strip(), finding


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_random_unicode_spans_are_valid(text):
    check_spans(text)


def test_spans_slice_to_expected_words():
    text = (
        "Hi team,\r\n\r\nI think the \U0001f680 launch was delayed by legal. In order to fix it, just click Retry!!\r\n"
    )
    got = {(f.rule, text[f.start : f.end]) for f in analyze(text).findings}
    assert ("hedge", "I think") in got
    assert ("passive", "was delayed") in got
    assert ("wordy", "In order to") in got
    assert ("inclusive-other", "just click") in got
    assert ("exclamations", "!!") in got


def test_lowercasing_that_changes_length_keeps_offsets():
    text = "\u0130stanbul office: the memo was approved. In order to go."
    got = {(f.rule, text[f.start : f.end]) for f in analyze(text).findings}
    assert ("passive", "was approved") in got
    assert ("wordy", "In order to") in got
