"""Phrase-list rules: wordy phrases, cliches, buzzwords, hedges, weasel words, intensifiers.

All lists are data files in ``data/``; matching is done by ``matcher.PhraseIndex``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon import data_yaml, expand, wordy
from ..matcher import Entry, split_phrase


def _entry(phrase: str, rule: str, severity: str, message: str, suggestion: str | None) -> Entry:
    words, seps = split_phrase(phrase)
    return Entry(words, seps, rule, "style", severity, message, suggestion)


def entries() -> Iterator[Entry]:
    for phrase, concise in wordy().items():
        hint = f"use “{concise}”" if concise else "delete it"
        yield _entry(phrase, "wordy", "warning", f"Wordy: “{phrase}”; {hint}.", concise)
    cliches = data_yaml("cliches.yaml")
    for raw in cliches["cliches"]:
        for phrase in expand(raw):
            message = f"Cliché: “{phrase}”. Say what you mean in plain words."
            yield _entry(phrase, "cliche", "warning", message, None)
    for word, plain in cliches["buzzwords"].items():
        message = f"Buzzword: “{word}”" + (f"; try “{plain}”." if plain else ".")
        yield _entry(word, "buzzword", "info", message, plain or None)
    hedges = data_yaml("hedges.yaml")
    for raw in hedges["hedges"]:
        for phrase in expand(raw):
            message = f"Hedge: “{phrase}” weakens the statement. State it plainly if you can."
            yield _entry(phrase, "hedge", "info", message, "")
    for raw in hedges["weasel"]:
        for phrase in expand(raw):
            message = f"Weasel words: “{phrase}”. Name the source or the people."
            yield _entry(phrase, "weasel", "warning", message, None)
    for raw in data_yaml("adverbs.yaml")["intensifiers"]:
        message = f"Intensifier: “{raw}” adds little. Use a stronger word or delete it."
        yield _entry(raw, "intensifier", "info", message, "")
