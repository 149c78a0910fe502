"""Sentence splitting that survives abbreviations, decimals, initials and ellipses.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis followed by white space, unless:

* the next word starts with a lower-case letter (``e.g. the``, ``wait... what``);
* the word before a full stop is a title or a fixed abbreviation (``Dr.``, ``e.g.``);
* the word before is a single capital letter, an initial (``J. R. R. Tolkien``);
* the word before is an abbreviation that may end a sentence (``etc.``, ``U.S.``) and
  the next word is not a common sentence opener (``The``, ``We`` ...);
* the word before is ``No.``, ``p.``, ``Fig.`` ... and a number follows.

Decimals (``3.14``) never match because no white space follows the point. Headings,
list items, paragraph breaks and a ``Subject:`` line are hard breaks.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import words
from .prepare import Prepared
from .tokenize import Tokens

_TERMINAL = re.compile("(?<![.!?\u2026])[.!?\u2026]+[)\\]\"'\u2019\u201d*_]*(?=\\s|\\Z)")
_NEXT = re.compile(r"\s*(\S)")
_NEXT_WORD = re.compile(r"\s*[\"'(\u201c\u2018]?([^\W\d_]+)")
_CLOSERS = ")]\"'\u2019\u201d*_"
_OPENERS = "([\"'\u201c\u2018*_"


@cache
def _lists() -> tuple[frozenset[str], ...]:
    """never_end, before_number, maybe_end, starters from data/abbreviations.yaml."""
    keys = ("never_end", "before_number", "maybe_end", "starters")
    return tuple(words("abbreviations.yaml", key) for key in keys)


def soft_breaks(masked: str) -> list[int]:
    return [m.end() for m in _TERMINAL.finditer(masked) if _is_boundary(masked, m)]


def _is_boundary(masked: str, match: re.Match[str]) -> bool:
    nxt = _NEXT.match(masked, match.end())
    if nxt is None:
        return True
    first = nxt.group(1)
    if first.islower():
        return False
    if match.group().rstrip(_CLOSERS) != ".":
        return True
    never_end, before_number, maybe_end, starters = _lists()
    prev = _previous_word(masked, match.start())
    low = prev.lower()
    if low in never_end or (len(prev) == 1 and prev.isupper()):
        return False
    if low in before_number and first.isdigit():
        return False
    if low in maybe_end or "." in low:
        word = _NEXT_WORD.match(masked, match.end())
        return word is not None and word.group(1).lower() in starters
    return True


def _previous_word(masked: str, end: int) -> str:
    start = end
    low = max(0, end - 40)
    while start > low and not masked[start - 1].isspace():
        start -= 1
    return masked[start:end].lstrip(_OPENERS)


def split(prep: Prepared, tokens: Tokens) -> list[tuple[int, int]]:
    """Return sentences as ``(first_token, end_token)`` index pairs (end exclusive)."""
    breaks = sorted(set(prep.hard_breaks).union(soft_breaks(prep.masked)))
    sentences: list[tuple[int, int]] = []
    first = 0
    b = 0
    nbreaks = len(breaks)
    for i, start in enumerate(tokens.starts):
        if b < nbreaks and breaks[b] <= start:
            if i > first:
                sentences.append((first, i))
            first = i
            while b < nbreaks and breaks[b] <= start:
                b += 1
    if len(tokens) > first:
        sentences.append((first, len(tokens)))
    return sentences
