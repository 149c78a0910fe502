"""The README renders as written: every inline code span opens and closes on one line."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

README = Path(__file__).resolve().parents[1] / "README.md"


def _inline_tokens(text: str):
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "inline":
            yield token


def broken_code_spans(text: str) -> list[str]:
    """Code spans that run across lines, and backticks left over as plain text.

    CommonMark joins a code span's lines with spaces, so a span that crosses a line break
    cannot be found verbatim on any one source line: that is how a missing backtick shows.
    """
    problems = []
    for inline in _inline_tokens(text):
        lines = inline.content.splitlines()
        for child in inline.children or []:
            if child.type == "code_inline":
                span = f"{child.markup}{child.content}{child.markup}"
                if not any(span.strip("` ") in line for line in lines):
                    problems.append(f"code span crosses lines: {child.content[:60]!r}")
            elif child.type == "text" and "`" in child.content:
                problems.append(f"unmatched backtick: {child.content[:60]!r}")
    return problems


def test_the_checker_finds_a_span_that_swallows_lines():
    broken = "A bullet `peoplecraft assess take\npeoplecraft write check` and more.\n"
    assert broken_code_spans(broken) != []
    assert broken_code_spans("Use `peoplecraft write check` here.\n") == []
    assert broken_code_spans("One ` backtick alone.\n") != []


def test_readme_has_no_broken_code_span():
    assert broken_code_spans(README.read_text(encoding="utf-8")) == []
