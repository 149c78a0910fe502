"""``analyze()``: run every rule over a Document and assemble the Analysis."""

from __future__ import annotations

from functools import cache

from . import contexts
from . import stats as stats_module
from .document import build
from .matcher import PhraseIndex
from .model import Analysis, Finding
from .rules import inclusive, passive, phrases, structure, style, tone
from .score import clarity


@cache
def phrase_index() -> PhraseIndex:
    """All phrase lists in one index (built on first use, then cached)."""
    return PhraseIndex([*phrases.entries(), *inclusive.entries(), *tone.entries()])


def analyze(text: str, context: str = "general", *, markdown: bool = False) -> Analysis:
    """Analyse ``text`` for ``context`` ("general", "email", "report" or "social").

    With ``markdown`` the text is read as Markdown: front matter, code, link targets and raw
    HTML are skipped (``markdown_mask``); offsets still point into ``text``."""
    config = contexts.get(context)
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    doc = build(text, markdown=markdown)
    passive_findings, passive_sentences = passive.check(doc)
    stats = stats_module.compute(doc, passive_sentences)
    if not stats["words"]:
        score, explanation = clarity(stats, (), config)
        return Analysis(context, stats, score, explanation, ())
    found: list[Finding] = [
        *passive_findings,
        *phrase_index().scan(doc.tokens, doc.masked),
        *style.adverbs(doc),
        *style.sentence_length(doc, config),
        *tone.check(doc, context),
        *structure.check(doc, config, stats),
    ]
    found.sort(key=lambda f: (f.start, f.end, f.rule))
    findings = tuple(found)
    score, explanation = clarity(stats, findings, config)
    return Analysis(context, stats, score, explanation, findings)
