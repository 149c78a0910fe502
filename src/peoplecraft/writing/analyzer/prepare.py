"""Turn raw input into an analysis view of the same length.

Everything we must not analyse (code, URLs, e-mail addresses, link targets, quoted
reply lines, a signature after ``-- ``, Markdown markers) is replaced by spaces, so
an offset into the masked text is the same offset into the original text. Lines
that are headings, list items or a ``Subject:`` line become hard sentence breaks.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

LINE_ENDINGS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*$")
_RULE = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
_LIST = re.compile(r"[ \t]*(?:[-*+\u2022\u2023\u25e6\u2013]|\d{1,9}[.)]|[a-z][.)])[ \t]+(?=\S)")
_SUBJECT = re.compile(r"(?i)[ \t]*subject:[ \t]*")
_REFDEF = re.compile(r" {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S")
_SHORT_LINE = re.compile(r"[^\n]{1,60}[,:][ \t]*")
_CODE_LINE = re.compile(r"[={}\[\]<>/\\_*#$@|&%+~^`]|\w\(|[:;{}()][ \t]*$|^[ \t]*(?:>>>|\$ |\.\.\. )")
_INDENTED = re.compile(r"(?: {4}|\t)")

_INLINE = re.compile(
    r"(?<!`)``(?!`)[^\n]*?(?<!`)``(?!`)"  # ``double-backtick code``
    r"|(?<!`)`(?!`)[^`\n]+`"  # `code`
    r"|(?<![\w/])(?:https?://|ftp://|www\.)[^\s<>()\[\]\"']+"  # URLs
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|</?[A-Za-z!][^<>\n]{0,300}>"  # HTML tags
)
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")
_TRAILING_PUNCT = ".,;:!?"


@dataclass(slots=True)
class Prepared:
    text: str
    masked: str
    hard_breaks: list[int]  # sentence boundaries no sentence may cross
    para_breaks: list[int]  # positions that start a new paragraph
    heading_lines: list[tuple[int, int]]
    subject: tuple[int, int] | None  # span of the subject text, if any


@dataclass(slots=True)
class _LineState:
    fence: str = ""
    signature: bool = False
    code_block: bool = False
    last_fence: dict[str, int] = field(default_factory=dict)  # last fence line per char
    signature_from: int = 0  # a "-- " line only starts a signature near the end
    index: int = 0
    prev_blank: bool = True
    prev_text: bool = False
    seen_content: bool = False
    prev_pos: int = 0


def prepare(text: str, *, markdown: bool = False) -> Prepared:
    """Mask ``text``; with ``markdown`` the text was masked by ``markdown_mask`` already, so
    indented lines are prose (list-item paragraphs), never guessed to be code."""
    out: list[str] = []
    prep = Prepared(text, "", [], [], [], None)
    state = _LineState()
    pos = 0
    lines = text.splitlines(keepends=True)
    state.signature_from = len(lines) - 12
    for index, line in enumerate(lines):
        if line[:1] in " `~" and (fence := _FENCE.match(line)):
            state.last_fence[fence.group(1)[0]] = index
    for index, line in enumerate(lines):
        state.index = index
        content = line.rstrip(LINE_ENDINGS)
        if not markdown and state.prev_blank and not state.code_block and _INDENTED.match(content):
            state.code_block = _looks_like_code(lines, index)
        out.append(_mask_line(content, pos, state, prep))
        out.append(line[len(content) :])
        state.prev_pos = pos
        pos += len(line)
    masked = "".join(out)
    prep.masked = _mask_inline(masked)
    prep.hard_breaks.sort()
    prep.para_breaks.sort()
    return prep


def _mask_line(content: str, pos: int, state: _LineState, prep: Prepared) -> str:
    blank = " " * len(content)
    end = pos + len(content)
    if state.signature:
        return blank
    if state.fence:
        if content.lstrip(" ").startswith(state.fence):
            state.fence = ""
        return blank
    fence = _FENCE.match(content)
    if fence and state.last_fence.get(fence.group(1)[0], -1) > state.index:
        state.fence = fence.group(1)  # only fences that are closed later count
        _paragraph_break(pos, state, prep)
        return blank
    signature = content.rstrip(" \t") == "--" and state.index >= state.signature_from
    if signature or content.lstrip().startswith(">"):
        state.signature = state.signature or signature
        _paragraph_break(pos, state, prep)
        return blank
    if not content.strip():
        _paragraph_break(pos, state, prep)
        return content
    if state.code_block and _INDENTED.match(content):
        _paragraph_break(pos, state, prep)  # indented code block
        return blank
    state.code_block = False
    result = _mask_structural(content, pos, end, state, prep)
    state.prev_blank = False
    state.seen_content = True
    return result


def _mask_structural(content: str, pos: int, end: int, state: _LineState, prep: Prepared) -> str:
    if not state.seen_content and (subject := _SUBJECT.match(content)):
        prep.subject = (pos + subject.end(), end) if subject.end() < len(content) else None
        prep.hard_breaks.extend((pos, end))
        prep.para_breaks.extend((pos, end))
        return " " * subject.end() + content[subject.end() :]
    if _RULE.match(content) or _REFDEF.match(content):
        _paragraph_break(pos, state, prep)
        return " " * len(content)
    if state.prev_text and _SETEXT.match(content):
        prep.heading_lines.append((state.prev_pos, pos))
        prep.hard_breaks.extend((state.prev_pos, end))
        prep.para_breaks.extend((state.prev_pos, end))
        return " " * len(content)
    heading = _HEADING.match(content)
    if heading:
        prep.heading_lines.append((pos, end))
        prep.hard_breaks.extend((pos, end))
        prep.para_breaks.extend((pos, end))
        state.prev_text = False
        return " " * heading.end() + content[heading.end() :].rstrip("#")
    state.prev_text = True
    item = _LIST.match(content)
    if item:
        prep.hard_breaks.extend((pos, end))
        return " " * item.end() + content[item.end() :]
    if _SHORT_LINE.fullmatch(content) and content.count(" ") < 6:
        prep.hard_breaks.append(end)  # "Hi Sam," or "Agenda:" ends a sentence
    return content


def _looks_like_code(lines: list[str], index: int) -> bool:
    """An indented block is code when 30%+ of its lines look like code, so indented
    prose (licence texts, quoted paragraphs) is still analysed."""
    total = code = 0
    for line in itertools.islice(lines, index, index + 200):
        content = line.rstrip(LINE_ENDINGS)
        if not content.strip():
            continue
        if not _INDENTED.match(content):
            break
        total += 1
        code += _CODE_LINE.search(content) is not None
    return total > 0 and code >= 0.3 * total


def _paragraph_break(pos: int, state: _LineState, prep: Prepared) -> None:
    if not state.prev_blank:
        prep.para_breaks.append(pos)
        prep.hard_breaks.append(pos)
    state.prev_blank = True
    state.prev_text = False


def _mask_inline(masked: str) -> str:
    if "](" in masked:
        masked = _LINK.sub(_link_text_only, masked)
    pieces: list[str] = []
    last = 0
    for match in _INLINE.finditer(masked):
        start, end = match.span()
        if masked[start] in "hfwHFW":  # a URL: keep trailing sentence punctuation
            while end > start + 1 and masked[end - 1] in _TRAILING_PUNCT:
                end -= 1
        pieces.append(masked[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(masked[last:])
    return "".join(pieces)


def _link_text_only(match: re.Match[str]) -> str:
    """Keep a link's text, blank its target; images are blanked entirely."""
    if match.group().startswith("!"):
        return " " * (match.end() - match.start())
    inner = match.group(1)
    return " " + inner + " " * (match.end() - match.start() - len(inner) - 1)
