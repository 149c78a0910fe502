"""Counts and readability statistics for a Document."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

from . import readability, syllables
from .document import Document
from .readability import LONG_SENTENCE, Counts

ZERO_STATS: dict[str, Any] = {
    "words": 0,
    "sentences": 0,
    "paragraphs": 0,
    "syllables": 0,
    "characters": 0,
    "characters_total": 0,
    "complex_words": 0,
    "long_sentences": 0,
    "avg_sentence_length": 0.0,
    "avg_syllables_per_word": 0.0,
    "flesch_reading_ease": 0.0,
    "flesch_kincaid_grade": 0.0,
    "gunning_fog": 0.0,
    "smog": 0.0,
    "coleman_liau": 0.0,
    "ari": 0.0,
    "grade_consensus": 0.0,
    "readability": 0.0,
    "passive_sentences": 0,
    "passive_rate": 0.0,
}


@lru_cache(maxsize=65536)
def _word_info(word: str) -> tuple[int, int]:
    """(syllables, letters and digits) for one normalised word."""
    return syllables.count(word), sum(ch.isalnum() for ch in word)


def paragraph_ids(doc: Document) -> list[int]:
    """Paragraph number of each sentence."""
    breaks = doc.prep.para_breaks
    return [bisect_right(breaks, doc.tokens.starts[first]) for first, _ in doc.sentences]


def heading_flags(doc: Document) -> list[bool]:
    lines = doc.prep.heading_lines
    if not lines:
        return [False] * len(doc.sentences)
    starts = [start for start, _ in lines]
    flags = []
    for first, _ in doc.sentences:
        pos = doc.tokens.starts[first]
        k = bisect_right(starts, pos) - 1
        flags.append(k >= 0 and pos < lines[k][1])
    return flags


def counts(doc: Document) -> tuple[Counts, int]:
    """Readability counts and the paragraph count."""
    total_syllables = letters = complex_words = 0
    for word in doc.tokens.lows:
        syl, chars = _word_info(word)
        total_syllables += syl
        letters += chars
        complex_words += syl >= 3
    long_sentences = sum(end - first > LONG_SENTENCE for first, end in doc.sentences)
    headings = heading_flags(doc)
    paragraphs = {p for p, h in zip(paragraph_ids(doc), headings, strict=True) if not h}
    c = Counts(len(doc.tokens), len(doc.sentences), total_syllables, letters, complex_words, long_sentences)
    return c, len(paragraphs)


def compute(doc: Document, passive_sentences: int) -> dict[str, Any]:
    c, paragraphs = counts(doc)
    if not c.words:
        return dict(ZERO_STATS, characters_total=len(doc.text))
    stats: dict[str, Any] = {
        "words": c.words,
        "sentences": c.sentences,
        "paragraphs": paragraphs,
        "syllables": c.syllables,
        "characters": c.letters,
        "characters_total": len(doc.text),
        "complex_words": c.complex_words,
        "long_sentences": c.long_sentences,
        "avg_sentence_length": round(c.words / c.sentences, 2),
        "avg_syllables_per_word": round(c.syllables / c.words, 3),
    }
    stats.update(readability.all_scores(c))
    stats["passive_sentences"] = passive_sentences
    stats["passive_rate"] = round(passive_sentences / c.sentences, 4)
    return stats
