"""Who runs this Peoplecraft, as raters are told, and the threat model they can read (docs/anonymity.md).

Raters can judge a promise of anonymity only if they know who could break it: whoever runs the
server. On a personal installation that is the learner; on a team server, the organisation.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from django.conf import settings
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

THREAT_MODEL = "threat_model.md"  # a link to docs/anonymity.md: one text for GitHub and for raters
_RELATIVE_LINK = re.compile(r"\[([^\]]+)\]\((?!https?://)[^)]*\)")


def operator_sentence(learner: str) -> str:
    """One truthful sentence: who runs this installation, and so who could get round its protections."""
    if settings.ORGANISATION_NAME:
        return _(
            "This Peoplecraft is run by %(organisation)s, not by %(learner)s. Whoever runs a server could, "
            "with deliberate effort, get round the protections described here."
        ) % {"organisation": settings.ORGANISATION_NAME, "learner": learner}
    return _(
        "This Peoplecraft is run by %(learner)s, the person asking for feedback, on their own computer or "
        "server. What the app shows %(learner)s never reveals who answered or what one person said, but "
        "whoever runs it could get round that with deliberate effort."
    ) % {"learner": learner}


@functools.cache
def threat_model_html() -> str:
    """The threat model rendered once per process; links to other documents become plain text."""
    text = resources.files("peoplecraft.feedback").joinpath(THREAT_MODEL).read_text(encoding="utf-8")
    text = _RELATIVE_LINK.sub(r"\1", text)
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
