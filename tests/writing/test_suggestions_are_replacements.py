"""Every suggestion is text an editor can put in place of the span ("" deletes it).

Advice that is not a drop-in replacement belongs in the message: the web editor's Apply
button inserts the suggestion literally.
"""

from __future__ import annotations

import pytest

from peoplecraft.writing.analyzer.rules import inclusive, phrases, tone


@pytest.mark.parametrize("module", [inclusive, phrases, tone], ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_list_suggestions_are_literal_replacements(module):
    bad = [
        (" ".join(entry.words), entry.suggestion)
        for entry in module.entries()
        if entry.suggestion is not None
        and (any(mark in entry.suggestion for mark in '()";') or len(entry.suggestion.split()) > 6)
    ]
    assert bad == []
