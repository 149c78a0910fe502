"""Markdown-aware masking: blank out what is not prose, keep every offset (pure: no Django).

``mask_markdown(text)`` returns a string of the same length as ``text`` in which every
character that is not prose is replaced by a space and every line break is kept:

* blocks, whole lines: YAML front matter, fenced code (```` ``` ```` or ``~~~`` of any
  length; a fence never closed runs to the end), indented code (four columns past the
  enclosing list item, after a blank line or a heading), HTML blocks that CommonMark
  treats as raw (``<script>``/``<pre>``/``<style>``/``<textarea>``, comments, ``<?…?>``,
  ``<!…>``, CDATA) and reference definitions ``[id]: url``;
* inline (``markdown_inline``): code spans, link and image targets, autolinks, bare URLs,
  e-mail addresses, raw HTML tags and comments, entities, wiki-link targets.

Because masked block lines become blank lines, the analyser sees a paragraph break where
a code block was, so two paragraphs around it never merge into one sentence. The
analyser's own masking (``prepare.py``) then handles headings, list markers, emphasis,
horizontal rules and block quotes as it does for plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .markdown_inline import mask_inline
from .prepare import LINE_ENDINGS

MARKDOWN_SUFFIXES = (".md", ".markdown")

_FRONT_OPEN = re.compile(r"---[ \t]*")
_FRONT_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ \t]*")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_RULE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_LIST_ITEM = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_REFDEF = re.compile(r"\[(?!\^)(?:[^\[\]\\\n]|\\.){1,999}\]:")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?")
_PIPE = re.compile(r"(?<!\\)\|")
_HTML_BLOCKS = (
    (re.compile(r"(?i)<(?:script|pre|style|textarea)(?:[\s>]|$)"), re.compile(r"(?i)</(?:script|pre|style|textarea)>")),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
)


class _Kind(Enum):
    MASK = 1  # a line of a skipped block: blanked
    BLANK = 2  # white space only
    START = 3  # prose that starts a new block (paragraph, list item, quote)
    MORE = 4  # prose continuing the current block
    SINGLE = 5  # a one-line block: heading or horizontal rule
    ROW = 6  # a table row: each row is a paragraph of its own


@dataclass(slots=True)
class _State:
    fence: str = ""  # the opening fence while inside a fenced block
    html_end: re.Pattern[str] | None = None  # end marker while inside an HTML block
    lists: list[int] = field(default_factory=list)  # content columns of the open list items
    after_break: bool = True  # indented code may start here (after a blank line, a heading...)
    table: bool = False  # inside a table (a row of cells, then a row of dashes)


def is_markdown_name(name: str) -> bool:
    """True for file names that ``write check`` treats as Markdown by default."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def mask_markdown(text: str) -> str:
    """Return ``text`` with everything that is not prose replaced by spaces (same length).

    The one exception: a table's cell separators ``|`` become line breaks, so each row of a
    table reads as a paragraph of its own rather than one run-on sentence."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    segment: list[str] = []  # the prose lines of the current block, masked inline together
    state = _State()
    front_matter = _front_matter_end(lines)
    for index, line in enumerate(lines):
        content = line.rstrip(LINE_ENDINGS)
        kind = _Kind.MASK if index < front_matter else _classify(state, content)
        if kind in (_Kind.START, _Kind.MORE) and _starts_table(content, lines, index):
            kind, state.table = _Kind.ROW, True
        if kind is not _Kind.MORE and segment:
            out.append(mask_inline("".join(segment)))
            segment = []
        if kind is _Kind.MASK:
            out.append(_blank(content) + line[len(content) :])
        elif kind is _Kind.BLANK:
            out.append(line)
        elif kind is _Kind.ROW:
            out.append(_PIPE.sub("\n", mask_inline(line)))
        else:
            segment.append(line)
    if segment:
        out.append(mask_inline("".join(segment)))
    return "".join(out)


def _blank(content: str) -> str:
    return " " * len(content)


def _front_matter_end(lines: list[str]) -> int:
    """Number of lines of YAML front matter (``---`` on the first line to ``---``/``...``)."""
    if not lines or not _FRONT_OPEN.fullmatch(lines[0].rstrip("\r\n")):
        return 0
    for index in range(1, len(lines)):
        if _FRONT_CLOSE.fullmatch(lines[index].rstrip("\r\n")):
            return index + 1
    return 0


def _starts_table(content: str, lines: list[str], index: int) -> bool:
    return (
        "|" in content
        and index + 1 < len(lines)
        and _TABLE_DELIMITER.fullmatch(lines[index + 1].rstrip(LINE_ENDINGS)) is not None
    )


def _classify(state: _State, content: str) -> _Kind:
    if state.fence or state.html_end:
        return _inside_block(state, content)
    stripped = content.lstrip(" \t")
    if state.table and "|" in stripped:
        return _Kind.MASK if _TABLE_DELIMITER.fullmatch(content) else _Kind.ROW
    state.table = False
    if not stripped:
        state.after_break = True
        return _Kind.BLANK
    indent = _columns(content)
    if state.after_break:
        while state.lists and indent < state.lists[-1]:
            state.lists.pop()
    base = state.lists[-1] if state.lists else 0
    if state.after_break and indent >= base + 4:
        return _Kind.MASK  # indented code: a break stays a break
    if _opens_block(state, stripped):
        state.after_break = True
        return _Kind.MASK
    return _prose(state, stripped, indent)


def _inside_block(state: _State, content: str) -> _Kind:
    if state.fence:
        close = _FENCE_CLOSE.fullmatch(content.lstrip(" \t"))
        if close and close.group(1)[0] == state.fence[0] and len(close.group(1)) >= len(state.fence):
            state.fence, state.after_break = "", True
    elif state.html_end is not None and state.html_end.search(content):
        state.html_end, state.after_break = None, True
    return _Kind.MASK


def _opens_block(state: _State, stripped: str) -> bool:
    """Start a fenced code block, an HTML block or mask a reference definition."""
    fence = _FENCE.match(stripped)
    if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
        state.fence = fence.group(1)
        return True
    for start, end in _HTML_BLOCKS:
        opened = start.match(stripped)
        if opened:
            if not end.search(stripped, opened.end()):
                state.html_end = end
            return True
    return _REFDEF.match(stripped) is not None


def _prose(state: _State, stripped: str, indent: int) -> _Kind:
    lazy = not state.after_break
    if _HEADING.match(stripped) or _RULE.fullmatch(stripped.rstrip()):
        _close_lists(state, indent)
        state.after_break = True
        return _Kind.SINGLE
    item = _LIST_ITEM.match(stripped)
    state.after_break = False
    if item:
        _close_lists(state, indent)
        width = item.end() if item.end() < len(stripped) else item.end() + 1
        state.lists.append(indent + width)
        return _Kind.START
    if stripped.startswith(">"):
        _close_lists(state, indent)
        return _Kind.START
    return _Kind.MORE if lazy else _Kind.START


def _close_lists(state: _State, indent: int) -> None:
    while state.lists and indent < state.lists[-1]:
        state.lists.pop()


def _columns(content: str) -> int:
    """Columns of leading white space, tabs stopping at multiples of four."""
    column = 0
    for char in content:
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            break
    return column
