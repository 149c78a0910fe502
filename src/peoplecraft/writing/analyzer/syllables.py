"""Our own rule-based English syllable counter (no dictionary download).

Rules, applied to the lower-cased word with accents removed:

1. Words in ``data/syllable_exceptions.txt`` use the listed count.
2. Hyphenated words: the sum of their parts. Numbers: one syllable per digit, at most 3.
   Contractions: ``n't`` adds one after a consonant (``couldn't``); other ``'s 're 'll``
   endings add nothing. Words of three letters or fewer count as 1.
3. Suffixes ``-ly -ment -ful -ness -less`` after a stem of 3+ letters: stem + 1.
4. Otherwise count groups of vowels (``a e i o u y``; ``y`` is a consonant at the start).
5. Subtract one for a silent final ``e`` (``make``), except ``-le`` after a consonant
   (``table``); for ``-es``/``-ed`` endings whose ``e`` is silent (``makes``, ``walked``),
   except after ``s x z ch sh g c`` (``boxes``, ``places``) or ``t d`` for ``-ed``
   (``wanted``), or a consonant + ``l`` (``tables``, ``handled``).
6. Add one for vowel pairs that are usually two syllables: ``ia`` (not after c/t),
   ``io`` (not after c/s/t, not ``-nion``/``-llion``), ``ua`` (not after q/g), ``eo``
   (not ``-eou``), ``ie`` before n/t (not after t or a single c), a vowel before
   ``-ing`` (``being``), ``-ier``/``-iest`` and ``-ism``.
7. A final ``é`` is voiced (``café``, ``résumé``).
8. Every word has at least one syllable.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SUFFIXES = ("ment", "ness", "less", "ful", "ly")
_TWO_SYLLABLE = (
    re.compile(r"(?<![ct])ia"),
    re.compile(r"(?<![cst])io"),
    re.compile(r"(?<![qg])ua"),
    re.compile(r"eo(?!u)"),
    re.compile(r"(?:(?<!t)(?<![^s]c))ie(?=[nt])"),
    re.compile(r"[aeiouy]ing(?:s)?$"),
    re.compile(r"ie(?:r|st)$"),
    re.compile(r"[^aeiou]ism$"),
)
_ION_PAIR = re.compile(r"(?:ll|n)io(?=ns?$)")


@lru_cache(maxsize=1)
def exceptions() -> dict[str, int]:
    text = resources.files(__package__).joinpath("data/syllable_exceptions.txt").read_text("utf-8")
    table: dict[str, int] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            word, count = line.rsplit(None, 1)
            table[word.lower()] = int(count)
    return table


@lru_cache(maxsize=65536)
def count(word: str) -> int:
    """Syllables in one word (any case, may contain apostrophes and hyphens)."""
    word = word.lower().replace("\u2019", "'")
    if word[:1].isdigit():
        return min(3, sum(ch.isdigit() for ch in word)) or 1
    if "-" in word:
        return sum(count(part) for part in word.split("-") if part) or 1
    known = exceptions().get(word)
    if known is not None:
        return known
    if word.endswith("\u00e9") and len(word) > 2:  # café, résumé: the final é is voiced
        return _count_plain(_fold(word[:-1])) + 1
    return max(1, _count_plain(_fold(word)))


def _fold(word: str) -> str:
    if word.isascii():
        return "".join(ch for ch in word if ch.isalpha() or ch == "'")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if ch.isalpha() or ch == "'").lower()


def _count_plain(word: str) -> int:
    extra = 0
    if word.endswith("n't"):
        extra = 1 if len(word) > 3 and word[-4] not in "aeiouy" else 0
        word = word[:-3]
    elif "'" in word:
        word = word.split("'", 1)[0]
    if len(word) <= 3:
        return extra + (1 if word else 0)
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and stem[-1] != suffix[0]:
            return extra + max(1, exceptions().get(stem) or _vowel_count(stem)) + 1
    return extra + _vowel_count(word)


def _vowel_count(word: str) -> int:
    core = word[1:] if word[0] == "y" else word
    syllables = len(_VOWEL_GROUPS.findall(core))
    syllables -= _silent_endings(word)
    syllables += sum(1 for rule in _TWO_SYLLABLE if rule.search(word))
    syllables -= 1 if _ION_PAIR.search(word) and _TWO_SYLLABLE[1].search(word) else 0
    return max(1, syllables)


def _silent_endings(word: str) -> int:
    vowels = "aeiouy"
    if len(word) < 3:
        return 0
    last, prev, before = word[-1], word[-2], word[-3]
    if last == "e" and prev not in vowels:
        return 0 if prev == "l" and before not in vowels else 1
    if prev == "e" and last in "sd" and before not in vowels:
        if before == "l" and len(word) > 3 and word[-4] not in vowels + "l":
            return 0
        if last == "d":
            return 0 if before in "td" else 1
        return 0 if before in "sxzgc" or word.endswith(("ches", "shes")) else 1
    return 0
