"""Pathological inputs finish (linear-time regexes); timings live in the benchmark."""

import pytest

from peoplecraft.writing.analyzer import analyze


@pytest.mark.parametrize("char", ["a", ".", "!", "`", " ", "\n"])
def test_one_megabyte_of_one_character_completes(char):
    result = analyze(char * 1_000_000)
    assert result.stats["words"] in (0, 1)


def test_hundred_thousand_character_word_completes():
    result = analyze("x" * 100_000 + " was approved.")
    assert result.stats["words"] == 3


@pytest.mark.parametrize(
    "text",
    [
        "a@" * 50_000,
        "http://" * 20_000,
        "[a](" * 30_000,
        "``a" * 30_000,
        "> " * 50_000,
        "A " * 100_000,
        "?!" * 50_000,
        "#" * 100_000,
        "    " * 50_000,
        "-- \n" * 20_000,
    ],
)
def test_other_repetitive_inputs_complete(text):
    result = analyze(text, "email")
    assert 0 <= result.score <= 100
    assert all(0 <= f.start < f.end <= len(text) for f in result.findings)
