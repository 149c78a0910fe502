"""Syllables, counts and the published readability formulas."""

import math
from pathlib import Path

import pytest

from peoplecraft.writing.analyzer import analyze, readability, syllables
from peoplecraft.writing.analyzer.readability import Counts

DATA = Path(__file__).parent / "data"


def test_syllable_counter_matches_dictionary_on_our_word_list():
    rows = [
        line.split("\t")
        for line in (DATA / "syllables.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    wrong = [(w, int(c), syllables.count(w)) for w, c in rows if syllables.count(w) != int(c)]
    assert len(rows) >= 150
    assert len(wrong) / len(rows) <= 0.05, wrong


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("make", 1),
        ("table", 2),
        ("walked", 1),
        ("wanted", 2),
        ("couldn't", 2),
        ("well-known", 2),
        ("2024", 3),
        ("Caf\u00e9", 2),
        ("being", 2),
        ("situation", 4),
    ],
)
def test_syllable_rules(word, count):
    assert syllables.count(word) == count


def test_counts_for_a_known_text():
    stats = analyze("The cat sat on the mat. It was a beautiful day.").stats
    assert stats["words"] == 11
    assert stats["sentences"] == 2
    assert stats["syllables"] == 13  # beautiful = 3
    assert stats["complex_words"] == 1
    assert stats["characters"] == 35
    assert stats["paragraphs"] == 1


def test_published_coefficients():
    c = Counts(words=100, sentences=5, syllables=150, letters=450, complex_words=10, long_sentences=1)
    assert readability.flesch_reading_ease(c) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert readability.flesch_kincaid_grade(c) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert readability.gunning_fog(c) == pytest.approx(0.4 * (20 + 10))
    assert readability.smog(c) == pytest.approx(1.0430 * math.sqrt(10 * 30 / 5) + 3.1291)
    assert readability.coleman_liau(c) == pytest.approx(0.0588 * 450 - 0.296 * 5 - 15.8)
    assert readability.ari(c) == pytest.approx(4.71 * 4.5 + 0.5 * 20 - 21.43)


def test_headline_is_bounded_and_easier_text_scores_higher():
    easy = analyze("I see a dog. The dog is red. We play.").stats["readability"]
    hard = analyze(
        "Notwithstanding considerable methodological heterogeneity, longitudinal "
        "investigations consistently demonstrate organisational improvements."
    ).stats["readability"]
    assert 0 <= hard < easy <= 100


def test_passive_rate():
    stats = analyze("The cake was eaten. We left. The door was locked by Bo. Ok.").stats
    assert stats["passive_sentences"] == 2
    assert stats["passive_rate"] == 0.5
