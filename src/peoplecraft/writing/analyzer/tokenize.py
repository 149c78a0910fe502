"""Word tokens with code-point offsets.

Counting rules (documented in docs/writing-coach.md):

* A word is a run of letters or digits, optionally joined by an apostrophe or a hyphen
  (``don't``, ``well-known``); combining marks stay inside the word.
* Dotted abbreviations (``e.g.``, ``U.S.``) are one word; so are numbers with a decimal
  point or thousands separator (``3.14``, ``1,000``).
* Punctuation, emoji and symbols are not words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u200d"
WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|\d+(?:[.,]\d+)+"
    rf"|[^\W_][\w{_MARKS}]*(?:['\u2019\-][^\W_][\w{_MARKS}]*)*"
)


@dataclass(slots=True)
class Tokens:
    """Parallel lists: ``starts[i]:ends[i]`` is word ``i``; ``lows[i]`` its normalised form."""

    starts: list[int]
    ends: list[int]
    lows: list[str]

    def __len__(self) -> int:
        return len(self.starts)


def normalise(word: str) -> str:
    """Lower-case and use a straight apostrophe."""
    return word.lower().replace("\u2019", "'")


def tokenize(masked: str) -> Tokens:
    spans = [m.span() for m in WORD_RE.finditer(masked)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    lowered = normalise(masked)
    if len(lowered) == len(masked):
        lows = [lowered[s:e] for s, e in spans]
    else:  # a few characters change length when lower-cased (e.g. "İ")
        lows = [normalise(masked[s:e]) for s, e in spans]
    return Tokens(starts, ends, lows)
