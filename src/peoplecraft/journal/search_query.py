"""Turn what a person types into a search box into a query that can never be a syntax error. Pure.

Users type quotes, ``*``, ``NEAR``, ``AND`` at the end, brackets… Passed straight to SQLite's
FTS5 these raise errors. Instead the input is read as terms: quoted phrases, words (a word may
end in ``*`` for a prefix search) and ``OR`` between two terms; everything else is dropped.
Each term is then quoted for FTS5 (or turned into a PostgreSQL query by the selector), and when
the reading differs from what was typed, ``changed`` is set so the page can say so.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

MAX_TERMS = 32
MAX_QUERY_CHARS = 500
MARK_START, MARK_END = "\x01", "\x02"  # snippet delimiters; stripped from stored text by the services

_WORD = re.compile(r"\w+(?:['’]\w+)*\*?")
_DROPPED_OPERATORS = {"AND", "NOT", "NEAR"}
OR = "OR"


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False

    def display(self) -> str:
        if self.phrase:
            return f'"{self.text}"'
        return self.text + ("*" if self.prefix else "")

    def fts5(self) -> str:
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True)
class ParsedQuery:
    """Clauses that must all match; each clause is one or more alternatives joined by OR."""

    clauses: tuple[tuple[Term, ...], ...]
    changed: bool

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def display(self) -> str:
        return " ".join(" OR ".join(term.display() for term in clause) for clause in self.clauses)

    def fts5(self) -> str:
        parts = []
        for clause in self.clauses:
            inner = " OR ".join(term.fts5() for term in clause)
            parts.append(f"({inner})" if len(clause) > 1 else inner)
        return " AND ".join(parts)


def _tokens(text: str) -> list[str | Term]:
    """Terms and the operator ``"OR"``, in order."""
    tokens: list[str | Term] = []
    for match in re.finditer(r'"([^"]*)"?|(\S+)', text):
        phrase, bare = match.group(1), match.group(2)
        if phrase is not None:
            words = _WORD.findall(phrase.replace("*", " "))
            if words:
                tokens.append(Term(" ".join(words), phrase=True))
            continue
        if bare == OR:
            tokens.append(OR)
            continue
        for word in _WORD.findall(bare.replace('"', " ")):
            if word.upper() in _DROPPED_OPERATORS and word.isupper():
                continue
            tokens.append(Term(word.rstrip("*"), prefix=word.endswith("*")))
    return tokens


def parse_query(text: str) -> ParsedQuery:
    """Read ``text`` as terms; never raises."""
    text = (text or "")[:MAX_QUERY_CHARS]
    clauses: list[list[Term]] = []
    pending_or = False
    for token in _tokens(text):
        if token == OR:
            pending_or = bool(clauses)
            continue
        if pending_or:
            clauses[-1].append(token)
        else:
            clauses.append([token])
        pending_or = False
    frozen = tuple(tuple(clause) for clause in clauses[:MAX_TERMS])
    parsed = ParsedQuery(frozen, changed=False)
    typed = " ".join((text or "").split())
    return ParsedQuery(frozen, changed=parsed.display() != typed)


def marked_html(snippet: str) -> str:
    """Escape a snippet from the database, then turn its delimiters into ``<mark>`` tags."""
    escaped = html.escape(snippet, quote=False)
    balanced = []
    open_mark = False
    for char in escaped:
        if char == MARK_START and not open_mark:
            balanced.append("<mark>")
            open_mark = True
        elif char == MARK_END and open_mark:
            balanced.append("</mark>")
            open_mark = False
        elif char not in (MARK_START, MARK_END):
            balanced.append(char)
    if open_mark:
        balanced.append("</mark>")
    return "".join(balanced)
