"""Inline Markdown masking of one block of prose (pure: no Django); see ``markdown_mask``.

Three passes, in CommonMark's order of precedence, each replacing what it skips by spaces
(line breaks kept) so the result has the length of the input:

1. code spans (a run of n backticks up to the next run of exactly n), autolinks
   ``<https://…>``, raw HTML tags, comments, ``<?…?>``, declarations and CDATA — whichever
   starts first wins;
2. links: ``[text](url "title")`` and ``[text][id]`` keep ``text``; images ``![alt](src)``,
   footnote references ``[^1]`` and Dendron wiki links ``[[note.id]]`` / embeds are skipped
   whole, except the label of ``[[label|note.id]]``;
3. bare URLs (``http(s)://``, ``ftp://``, ``www.``; trailing punctuation and an unbalanced
   ``)`` stay), e-mail addresses, HTML entities and Dendron block anchors ``^id``.

Every scan is linear: backtick runs are paired by a sorted index, and an unclosed comment
or title is looked for once, not once per opener.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BACKTICKS = re.compile(r"`+")
_OPENER = re.compile(r"`|<")
_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\x00-\x20<>]*>"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_ATTRIBUTE = r"""(?>\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']{0,500}'|"[^"]{0,500}"))?)"""
_TAG = re.compile(rf"<[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>")
_HTML_PAIRS = (
    (re.compile(r"<!--"), "-->"),
    (re.compile(r"<!\[CDATA\["), "]]>"),
    (re.compile(r"<\?"), "?>"),
    (re.compile(r"<![A-Za-z]"), ">"),
)

_WIKI = re.compile(r"(!?)\[\[(?:([^\[\]|\n]*)\|)?[^\[\]|\n]*\]\]")
_BRACKET = re.compile(r"(?<!\\)!?\[")
_LINK_TEXT = re.compile(r"!?\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*+\])*+)\]", re.DOTALL)
_SPACE = re.compile(r"[ \t]*(?:\r?\n|\r)?[ \t]*")
_DESTINATION = re.compile(r"<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*+\))*+")
_TITLE = re.compile(r'"(?:[^"\\]|\\.)*+"|\'(?:[^\'\\]|\\.)*+\'|\((?:[^()\\]|\\.)*+\)', re.DOTALL)
_LABEL = re.compile(r"\[(?:[^\[\]\\]|\\.){0,999}\]")

_BARE = re.compile(
    r"(?<![\w/@.])(?:https?://|ftp://|www\.)[^\s<]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|(?<!\S)\^[A-Za-z0-9-]+(?=[ \t]*(?:[\r\n]|\Z))"
)
_NOT_NEWLINE = re.compile(r"[^\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_URL_TRAILING = "?!.,:*_~'\";"


def mask_inline(text: str) -> str:
    """Return ``text`` (one block of prose) with inline non-prose replaced by spaces."""
    text = _blank(text, _code_and_html(text))
    text = _blank(text, [span for m in _WIKI.finditer(text) for span in _wiki_spans(m)])
    text = _blank(text, _links(text))
    return _blank(text, [_trim_url(m) for m in _BARE.finditer(text)])


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        start = max(start, last)  # nested spans never overlap, but stay safe
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _code_and_html(text: str) -> list[tuple[int, int]]:
    runs: dict[int, list[int]] = {}  # length -> start offsets of backtick runs of that length
    for run in _BACKTICKS.finditer(text):
        runs.setdefault(run.end() - run.start(), []).append(run.start())
    spans: list[tuple[int, int]] = []
    unclosed: dict[str, int] = {}  # closer -> offset after which it never occurs
    pos = 0
    while opener := _OPENER.search(text, pos):
        start = opener.start()
        code = text[start] == "`"
        end = _code_span_end(text, start, runs) if code else _html_end(text, start, unclosed)
        if end is None:
            pos = _BACKTICKS.match(text, start).end() if code else start + 1
        else:
            spans.append((start, end))
            pos = end
    return spans


def _code_span_end(text: str, start: int, runs: dict[int, list[int]]) -> int | None:
    length = _BACKTICKS.match(text, start).end() - start
    if start and text[start - 1] == "\\":  # an escaped backtick is literal; the rest may open
        start, length = start + 1, length - 1
    candidates = runs.get(length, [])
    index = bisect_right(candidates, start)
    return candidates[index] + length if index < len(candidates) else None


def _html_end(text: str, start: int, unclosed: dict[str, int]) -> int | None:
    match = _AUTOLINK.match(text, start) or _TAG.match(text, start)
    if match:
        return match.end()
    for opener, closer in _HTML_PAIRS:
        if opener.match(text, start):
            if unclosed.get(closer, len(text)) <= start:
                return None
            end = text.find(closer, start + 2)
            if end == -1:
                unclosed[closer] = start
                return None
            return end + len(closer)
    return None


def _wiki_spans(match: re.Match[str]) -> list[tuple[int, int]]:
    label = match.group(2)
    if match.group(1) or not label or not label.strip():
        return [match.span()]
    return [(match.start(), match.start(2)), (match.end(2), match.end())]


def _links(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    while bracket := _BRACKET.search(text, pos):
        start = bracket.start()
        label = _LINK_TEXT.match(text, start)
        if label and text[start] == "[" and label.group(1).startswith("^"):
            spans.append(label.span())  # a footnote reference [^1]
            pos = label.end()
            continue
        end = _target_end(text, label.end()) if label else None
        if label is None or end is None:
            pos = bracket.end()
        elif text[start] == "!":
            spans.append((start, end))  # an image: alt text and source
            pos = end
        else:
            spans += [(start, label.start(1)), (label.end(1), end)]
            pos = label.start(1)  # an image inside the link text is still found
    return sorted(spans)


def _target_end(text: str, pos: int) -> int | None:
    """End of ``(destination "title")`` or ``[label]`` at ``pos``, or None if it is not a link."""
    if text.startswith("[", pos):
        label = _LABEL.match(text, pos)
        return label.end() if label else None
    if not text.startswith("(", pos):
        return None
    pos = _DESTINATION.match(text, _SPACE.match(text, pos + 1).end()).end()
    after = _SPACE.match(text, pos).end()
    if after > pos and (title := _TITLE.match(text, after)):
        after = _SPACE.match(text, title.end()).end()
    return after + 1 if text.startswith(")", after) else None


def _trim_url(match: re.Match[str]) -> tuple[int, int]:
    """A URL's span without trailing punctuation or an unbalanced closing parenthesis."""
    start, value = match.start(), match.group()
    if value[0] not in "hfwHFW":
        return match.span()
    while value[-1] in _URL_TRAILING or (value[-1] == ")" and value.count(")") > value.count("(")):
        value = value[:-1]
    return start, start + len(value)
