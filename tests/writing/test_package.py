"""Data-list sizes, purity (no Django) and module size."""

import re
from pathlib import Path

from peoplecraft.writing.analyzer import lexicon
from peoplecraft.writing.analyzer.core import phrase_index

PACKAGE = Path(lexicon.__file__).parent


def test_list_sizes_meet_the_minimums():
    cliches = lexicon.data_yaml("cliches.yaml")
    hedges = lexicon.data_yaml("hedges.yaml")
    wordy_lines = [
        line for line in lexicon.data_text("wordy.txt").splitlines() if "=>" in line and not line.startswith("#")
    ]
    assert len(wordy_lines) >= 150
    assert len(cliches["cliches"]) + len(cliches["buzzwords"]) >= 100
    assert len(hedges["hedges"]) + len(hedges["weasel"]) >= 40
    assert len(lexicon.data_yaml("inclusive.yaml")) >= 40


def test_every_phrase_tokenizes_to_words():
    index = phrase_index()
    entries = [e for group in index.pairs.values() for e in group]
    entries += [e for group in index.singles.values() for e in group]
    assert all(e.words and all(e.words) for e in entries)


def test_analyzer_imports_no_django():
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text()
        assert not re.search(r"^\s*(from|import)\s+django", source, re.M), path


def test_modules_stay_small():
    for path in PACKAGE.rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 300, path
