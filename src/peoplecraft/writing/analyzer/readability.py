"""Classic readability formulas and our headline ``readability`` score.

All formulas take plain counts; every function returns 0.0 for empty input.
Counting rules for words, sentences and syllables are in tokenize.py, sentences.py
and syllables.py. "Complex words" and SMOG "polysyllables" are words of 3+ syllables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True, slots=True)
class Counts:
    words: int
    sentences: int
    syllables: int
    letters: int  # letters and digits inside words
    complex_words: int  # words of three or more syllables
    long_sentences: int  # sentences longer than LONG_SENTENCE words


LONG_SENTENCE = 20


def flesch_reading_ease(c: Counts) -> float:
    """Flesch (1948): 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)."""
    if not c.words or not c.sentences:
        return 0.0
    return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)


def flesch_kincaid_grade(c: Counts) -> float:
    """Kincaid et al. (1975): 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59."""
    if not c.words or not c.sentences:
        return 0.0
    return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59


def gunning_fog(c: Counts) -> float:
    """Gunning (1952): 0.4 * ((words / sentences) + 100 * (complex words / words)).

    Simplification: every word of 3+ syllables is complex (Gunning also excluded proper
    nouns, compounds and some suffixes).
    """
    if not c.words or not c.sentences:
        return 0.0
    return 0.4 * ((c.words / c.sentences) + 100.0 * (c.complex_words / c.words))


def smog(c: Counts) -> float:
    """McLaughlin (1969): 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291.

    Applied to the whole text (the published procedure samples 30 sentences).
    """
    if not c.sentences:
        return 0.0
    return 1.0430 * math.sqrt(c.complex_words * 30.0 / c.sentences) + 3.1291


def coleman_liau(c: Counts) -> float:
    """Coleman & Liau (1975): 0.0588 * L - 0.296 * S - 15.8.

    L = letters per 100 words, S = sentences per 100 words.
    """
    if not c.words:
        return 0.0
    letters_per_100 = c.letters / c.words * 100.0
    sentences_per_100 = c.sentences / c.words * 100.0
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8


def ari(c: Counts) -> float:
    """Automated Readability Index, Smith & Senter (1967):
    4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43, characters = letters
    and digits."""
    if not c.words or not c.sentences:
        return 0.0
    return 4.71 * (c.letters / c.words) + 0.5 * (c.words / c.sentences) - 21.43


GRADE_FORMULAS = (flesch_kincaid_grade, gunning_fog, smog, coleman_liau, ari)


def grade_consensus(c: Counts) -> float:
    """Median of the five grade-level formulas (robust to one formula's quirks)."""
    if not c.words or not c.sentences:
        return 0.0
    return median(formula(c) for formula in GRADE_FORMULAS)


def headline(c: Counts) -> float:
    """Peoplecraft readability, 0 (very hard) to 100 (very easy).

    Three signals, each mapped smoothly to 0..1 (no clamping, so no ties at the ends):
      grade   = 1 - exp(-max(grade consensus, 0) / 12)   grade 6 -> 0.39, 12 -> 0.63
      long    = share of sentences over 20 words
      complex = 1 - exp(-(share of words with 3+ syllables) / 0.25)
    difficulty  = 0.4 * grade + 0.2 * long + 0.4 * complex
    readability = 100 * (1 - difficulty), rounded to one decimal.
    The weights were picked from a small grid on our 16 labelled passages; see
    docs/writing-coach.md for the (in-sample, small) validation.
    """
    if not c.words or not c.sentences:
        return 0.0
    grade = 1.0 - math.exp(-max(grade_consensus(c), 0.0) / 12.0)
    long_share = c.long_sentences / c.sentences
    complex_share = 1.0 - math.exp(-(c.complex_words / c.words) / 0.25)
    difficulty = 0.4 * grade + 0.2 * long_share + 0.4 * complex_share
    return round(100.0 * (1.0 - difficulty), 1)


def all_scores(c: Counts) -> dict[str, float]:
    return {
        "flesch_reading_ease": round(flesch_reading_ease(c), 2),
        "flesch_kincaid_grade": round(flesch_kincaid_grade(c), 2),
        "gunning_fog": round(gunning_fog(c), 2),
        "smog": round(smog(c), 2) if c.sentences else 0.0,
        "coleman_liau": round(coleman_liau(c), 2),
        "ari": round(ari(c), 2),
        "grade_consensus": round(grade_consensus(c), 2),
        "readability": headline(c),
    }
