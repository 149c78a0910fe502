"""Highlight segments: cover the text exactly, even with overlapping findings and astral characters."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from peoplecraft.writing.highlight import segments


@dataclass
class Span:
    start: int
    end: int
    severity: str


def test_overlapping_findings_split_the_text():
    text = "We basically need to utilize this."
    parts = segments(text, [Span(3, 12, "info"), Span(3, 20, "warning")])
    assert "".join(part.text for part in parts) == text
    assert [(p.text, p.findings, p.severity) for p in parts] == [
        ("We ", (), None),
        ("basically", (0, 1), "warning"),
        (" need to", (1,), "warning"),
        (" utilize this.", (), None),
    ]


@given(st.text(), st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10), st.sampled_from(["info", "error"]))))
def test_segments_always_rebuild_the_text(text, raw):
    spans = [Span(min(a, len(text)), min(a + b, len(text)), sev) for a, b, sev in raw if a < len(text)]
    spans = [span for span in spans if span.end > span.start]
    parts = segments(text, spans)
    assert "".join(part.text for part in parts) == text
    position = 0
    for part in parts:
        for index in part.findings:
            assert spans[index].start <= position and position + len(part.text) <= spans[index].end
        position += len(part.text)
