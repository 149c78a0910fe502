"""Split a text into segments for highlighting findings (pure: no Django).

Findings may overlap, so the text is cut at every finding boundary; each segment carries the
indexes of the findings that cover it. Offsets are code points, as in the analyzer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol


class Span(Protocol):
    start: int
    end: int
    severity: str


@dataclass(frozen=True)
class Segment:
    text: str
    findings: tuple[int, ...]
    severity: str | None  # the strongest severity among the covering findings


_RANK = {"info": 0, "warning": 1, "error": 2}


def segments(text: str, findings: Sequence[Span]) -> list[Segment]:
    """Consecutive segments covering ``text`` exactly; ``"".join(s.text for s in ...) == text``."""
    cuts = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    starts = sorted(range(len(findings)), key=lambda i: findings[i].start)
    result, active, pointer = [], [], 0
    for left, right in pairwise(cuts):
        while pointer < len(starts) and findings[starts[pointer]].start <= left:
            active.append(starts[pointer])
            pointer += 1
        active = [i for i in active if findings[i].end > left]
        covering = tuple(sorted(active))
        severity = max((findings[i].severity for i in covering), key=_RANK.__getitem__, default=None)
        result.append(Segment(text[left:right], covering, severity))
    return result
