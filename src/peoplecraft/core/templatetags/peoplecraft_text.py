"""Presentation filters: user-written Markdown shown safely (raw HTML is escaped, never rendered)."""

from __future__ import annotations

from functools import cache

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@cache
def _parser():
    from markdown_it import MarkdownIt

    # "commonmark" with html disabled escapes any raw HTML in the note; links stay plain text.
    return MarkdownIt("commonmark", {"html": False}).disable(["link", "image", "autolink"])


@register.filter
def markdown_paragraphs(text: str) -> SafeString:
    """Render a guide's prose (paragraphs, emphasis, inline code) as HTML."""
    return mark_safe(_parser().render(text or ""))  # noqa: S308 - html=False escapes all input HTML
