"""The prepared text every rule reads: masked text, tokens and sentences."""

from __future__ import annotations

from dataclasses import dataclass

from . import sentences as sentence_splitter
from .markdown_mask import mask_markdown
from .prepare import Prepared, prepare
from .tokenize import Tokens, tokenize


@dataclass(slots=True)
class Document:
    text: str
    prep: Prepared
    tokens: Tokens
    sentences: list[tuple[int, int]]  # (first token, end token), end exclusive

    @property
    def masked(self) -> str:
        return self.prep.masked

    def sentence_span(self, index: int) -> tuple[int, int]:
        first, end = self.sentences[index]
        return self.tokens.starts[first], self.tokens.ends[end - 1]

    def sentence_end_char(self, index: int) -> str:
        """The first non-space character after the sentence's last word ("" at the end)."""
        pos = self.tokens.ends[self.sentences[index][1] - 1]
        rest = self.prep.masked[pos : pos + 8].lstrip(")]\"'\u2019\u201d*_ ")
        return rest[:1]


def build(text: str, *, markdown: bool = False) -> Document:
    """Prepare ``text``; with ``markdown`` its Markdown syntax is masked first (same offsets)."""
    prep = prepare(mask_markdown(text), markdown=True) if markdown else prepare(text)
    tokens = tokenize(prep.masked)
    return Document(text, prep, tokens, sentence_splitter.split(prep, tokens))
