"""Tone: harsh and absolute words, SHOUTING, repeated exclamation marks, bare requests.

* Harsh words and absolutes come from ``data/tone.yaml`` (matched by the phrase index).
* SHOUTING: a word of 6+ capital letters, or 3+ capitalised words in a row (each of 2+
  letters). Acronyms of up to 5 letters on their own (NASA, HTTPS) are ignored.
* Exclamations: two or more ``!`` in a row (``!!``, ``?!!``).
* Requests (e-mail context only): an instruction sentence ("Send me the file.") in an
  e-mail that nowhere says please, thanks or similar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from ..lexicon import data_yaml, expand, words
from ..matcher import Entry, split_phrase
from ..model import Finding

_PUNCT_RUN = re.compile(r"(?<![!?])[!?]{2,}")
_CAP = "[A-Z\u00c0-\u00d6\u00d8-\u00de]"
_CAPS_WORD = rf"(?<![^\W_]){_CAP}{{2,}}(?![^\W_])"
_SHOUTING = re.compile(rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{2,}}|(?<![^\W_]){_CAP}{{6,}}(?![^\W_])")


def entries() -> Iterator[Entry]:
    tone = data_yaml("tone.yaml")
    for raw in tone["harsh"]:
        for phrase in expand(raw):
            words_, seps = split_phrase(phrase)
            message = f"Harsh tone: “{phrase}” can put the reader on the defensive."
            yield Entry(words_, seps, "harsh", "tone", "warning", message, None)
    for raw in tone["absolutes"]:
        for phrase in expand(raw):
            words_, seps = split_phrase(phrase)
            message = f"Absolute: “{phrase}” is rarely literally true; be specific."
            yield Entry(words_, seps, "absolute", "tone", "info", message, None)


def check(doc: Document, context: str) -> list[Finding]:
    found = shouting(doc) + exclamations(doc)
    if context == "email":
        found += bare_requests(doc)
    return found


def shouting(doc: Document) -> list[Finding]:
    message = "SHOUTING: capitals read as anger. Use normal case and emphasis sparingly."
    return [
        Finding("shouting", "tone", "warning", m.start(), m.end(), message, None)
        for m in _SHOUTING.finditer(doc.masked)
    ]


def exclamations(doc: Document) -> list[Finding]:
    message = "Several exclamation marks in a row read as alarm or anger. Use one at most."
    return [
        Finding("exclamations", "tone", "warning", m.start(), m.end(), message, "!")
        for m in _PUNCT_RUN.finditer(doc.masked)
        if m.group().count("!") >= 2
    ]


def bare_requests(doc: Document) -> list[Finding]:
    polite = words("tone.yaml", "politeness")
    if not polite.isdisjoint(doc.tokens.lows):
        return []
    imperatives = words("tone.yaml", "imperatives")
    found: list[Finding] = []
    for index, (first, _end) in enumerate(doc.sentences):
        if doc.tokens.lows[first] in imperatives and doc.sentence_end_char(index) != "?":
            start, end = doc.sentence_span(index)
            message = "Request without “please” or “thanks”: it may read as an order."
            found.append(Finding("bare-request", "tone", "info", start, end, message, None))
    return found
