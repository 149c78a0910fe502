"""Sentence length and -ly adverbs.

* Long / very long sentences: more words than the context's thresholds (contexts.py).
* Adverbs: words ending in -ly of 5+ letters, except ``not_adverbs`` in
  ``data/adverbs.yaml`` (family, early, daily, likely ... and neutral sentence adverbs
  such as usually or finally) and intensifiers, which have their own rule.
"""

from __future__ import annotations

from functools import cache

from ..contexts import ContextConfig
from ..document import Document
from ..lexicon import data_yaml, words
from ..model import Finding


@cache
def _skip_adverbs() -> frozenset[str]:
    intensifiers = {str(w).lower() for w in data_yaml("adverbs.yaml")["intensifiers"]}
    return words("adverbs.yaml", "not_adverbs") | intensifiers


def adverbs(doc: Document) -> list[Finding]:
    skip = _skip_adverbs()
    lows, starts, ends = doc.tokens.lows, doc.tokens.starts, doc.tokens.ends
    found: list[Finding] = []
    for i, word in enumerate(lows):
        if word.endswith("ly") and len(word) >= 5 and word not in skip and word.isalpha():
            message = f"Adverb: “{doc.text[starts[i] : ends[i]]}”. A precise verb often works better."
            found.append(Finding("adverb", "style", "info", starts[i], ends[i], message, None))
    return found


def sentence_length(doc: Document, config: ContextConfig) -> list[Finding]:
    found: list[Finding] = []
    for index, (first, end) in enumerate(doc.sentences):
        count = end - first
        if count <= config.long_sentence:
            continue
        start, stop = doc.sentence_span(index)
        if count > config.very_long_sentence:
            rule, severity, limit = "very-long-sentence", "warning", config.very_long_sentence
        else:
            rule, severity, limit = "long-sentence", "info", config.long_sentence
        message = f"Sentence of {count} words (over {limit} for {config.name}). Split it."
        found.append(Finding(rule, "readability", severity, start, stop, message, None))
    return found
