"""Passive voice: a form of "be" or "get", up to three fillers, then a past participle.

* Participles: words ending in -ed (minus ``not_participles``) or listed irregular forms.
* Fillers between the auxiliary and the participle: adverbs ending in -ly and a short
  list (``not``, ``never``, ``already``, ``being`` ...): "was quickly promoted",
  "has not been reviewed", "is being rewritten".
* get-passives: "got fired", "gets updated".
* Adjectival participles are NOT flagged: words in the ``adjectival`` list ("was tired",
  "is interested"), ``un-...-ed`` words ("was unexpected"), participles after a degree
  word ("was very impressed"), and "used to" + -ing/determiner ("is used to the noise").
  A "by"-agent right after an adjectival participle flips it back to passive
  ("was excited by the offer", "is closed by the manager").
* The span runs from a preceding modal or "have" form ("will be sent", "has been
  reviewed") to the participle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..document import Document
from ..lexicon import words
from ..model import Finding

_DATA = "passive.yaml"
MESSAGE = "Passive voice: “{}”. Say who does what, unless the actor is unknown or irrelevant."


@dataclass(frozen=True, slots=True)
class Lexicon:
    be: frozenset[str]
    get: frozenset[str]
    fillers: frozenset[str]
    irregular: frozenset[str]
    not_participles: frozenset[str]
    adjectival: frozenset[str]
    degree: frozenset[str]
    s_pronouns: frozenset[str]
    lead_in: frozenset[str]
    determiners: frozenset[str]


@cache
def lexicon() -> Lexicon:
    keys = "be_forms get_forms fillers irregular not_participles adjectival degree_words s_pronouns lead_in determiners"
    return Lexicon(*(words(_DATA, key) for key in keys.split()))


def _is_aux(word: str, lex: Lexicon) -> bool:
    if word in lex.be or word in lex.get:
        return True
    if word.endswith(("'re", "'m")):
        return True
    return word.endswith("'s") and word[:-2] in lex.s_pronouns


def _is_participle(word: str, lex: Lexicon) -> bool:
    if word in lex.irregular:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in lex.not_participles


def _adjectival(doc: Document, aux: int, part: int, lex: Lexicon) -> bool:
    lows = doc.tokens.lows
    word = lows[part]
    if lows[part - 1] in lex.degree:
        return True
    following = lows[part + 1 : part + 3]
    if word == "used" and following[:1] == ["to"]:
        return len(following) < 2 or following[1].endswith("ing") or following[1] in lex.determiners
    listed = word in lex.adjectival or (word.startswith("un") and word.endswith("ed"))
    return listed and following[:1] != ["by"]


def _joined(doc: Document, left: int, right: int) -> bool:
    """True when only white space separates token ``left`` from token ``left + 1``."""
    gap = doc.masked[doc.tokens.ends[left] : doc.tokens.starts[right]]
    return not gap or gap.isspace()


def _participle_after(doc: Document, aux: int, stop: int, lex: Lexicon) -> int | None:
    lows = doc.tokens.lows
    j = aux + 1
    while j < stop and j <= aux + 4 and _joined(doc, j - 1, j):
        word = lows[j]
        if _is_participle(word, lex):
            return None if _adjectival(doc, aux, j, lex) else j
        if not (word in lex.fillers or word in lex.degree or word.endswith("ly")):
            return None
        j += 1
    return None


def _span_start(doc: Document, aux: int, first: int, lead_in: frozenset[str]) -> int:
    lows = doc.tokens.lows
    i = aux
    while i - 1 >= first and aux - i < 3 and lows[i - 1] in lead_in and _joined(doc, i - 1, i):
        i -= 1
    while i < aux and lows[i] in ("to", "not", "never"):
        i += 1
    return doc.tokens.starts[i]


def check(doc: Document) -> tuple[list[Finding], int]:
    """Return passive findings and the number of sentences with at least one."""
    lex = lexicon()
    lows = doc.tokens.lows
    found: list[Finding] = []
    passive_sentences = 0
    for first, end in doc.sentences:
        before = len(found)
        aux = first
        while aux < end:
            if _is_aux(lows[aux], lex) and (part := _participle_after(doc, aux, end, lex)):
                start = _span_start(doc, aux, first, lex.lead_in)
                stop = doc.tokens.ends[part]
                message = MESSAGE.format(doc.text[start:stop])
                found.append(Finding("passive", "style", "info", start, stop, message, None))
                aux = part
            aux += 1
        passive_sentences += len(found) > before
    return found, passive_sentences
