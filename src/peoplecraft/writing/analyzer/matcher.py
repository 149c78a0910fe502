"""Match thousands of multi-word phrases in one pass over the tokens.

Phrases are indexed by their first word, then by their second word, so each token
costs one dictionary look-up; no per-phrase regular expressions are used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from .model import Finding
from .tokenize import WORD_RE, Tokens, normalise


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[str, ...]
    seps: tuple[str, ...]  # "" = white space between words, else the exact separator
    rule: str
    category: str
    severity: str
    message: str
    suggestion: str | None = None
    unless_next: frozenset[str] = frozenset()
    unless_prev: frozenset[str] = frozenset()


def split_phrase(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    spans = [m.span() for m in WORD_RE.finditer(phrase)]
    words = tuple(normalise(phrase[s:e]) for s, e in spans)
    seps = tuple(phrase[a[1] : b[0]].strip() for a, b in pairwise(spans))
    return words, seps


class PhraseIndex:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.singles: dict[str, list[Entry]] = {}
        self.pairs: dict[tuple[str, str], list[Entry]] = {}
        for entry in entries:
            if len(entry.words) == 1:
                self.singles.setdefault(entry.words[0], []).append(entry)
            elif entry.words:
                self.pairs.setdefault(entry.words[:2], []).append(entry)
        for group in self.pairs.values():
            group.sort(key=lambda e: -len(e.words))
        self.firsts = frozenset(self.singles) | {first for first, _ in self.pairs}

    def scan(self, tokens: Tokens, masked: str) -> list[Finding]:
        lows, firsts = tokens.lows, self.firsts
        taken: dict[str, int] = {}
        found: list[Finding] = []
        n = len(lows)
        for i in range(n):
            if lows[i] not in firsts:
                continue
            candidates = self.pairs.get((lows[i], lows[i + 1]), []) if i + 1 < n else []
            for entry in [*candidates, *self.singles.get(lows[i], ())]:
                if taken.get(entry.rule, 0) > i or not self._matches(entry, tokens, masked, i):
                    continue
                end = i + len(entry.words)
                taken[entry.rule] = end
                found.append(_finding(entry, tokens.starts[i], tokens.ends[end - 1]))
        return found

    @staticmethod
    def _matches(entry: Entry, tokens: Tokens, masked: str, i: int) -> bool:
        k = len(entry.words)
        lows, starts, ends = tokens.lows, tokens.starts, tokens.ends
        if k > 2 and tuple(lows[i : i + k]) != entry.words:
            return False
        for j, sep in enumerate(entry.seps):
            between = masked[ends[i + j] : starts[i + j + 1]]
            if (sep and between.strip() != sep) or (not sep and between and not between.isspace()):
                return False
        if entry.unless_next and not entry.unless_next.isdisjoint(lows[i + k : i + k + 2]):
            return False
        return not (entry.unless_prev and not entry.unless_prev.isdisjoint(lows[max(0, i - 2) : i]))


def _finding(entry: Entry, start: int, end: int) -> Finding:
    return Finding(entry.rule, entry.category, entry.severity, start, end, entry.message, entry.suggestion)
