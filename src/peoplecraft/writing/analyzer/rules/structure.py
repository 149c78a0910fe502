"""Context checks: e-mail subject, greeting, ask, sign-off and length; report headings,
paragraph length and grade; social length and hashtags.

A check about something missing points at the first (or last) sentence, so every
finding has a non-empty span.
"""

from __future__ import annotations

import re
from typing import Any

from ..contexts import ContextConfig
from ..document import Document
from ..lexicon import data_yaml, words
from ..model import Finding
from ..stats import heading_flags, paragraph_ids

_HASHTAG = re.compile(r"(?<![\w#&/])#[^\W\d_]\w*")


def _finding(rule: str, severity: str, span: tuple[int, int], message: str) -> Finding:
    return Finding(rule, "structure", severity, span[0], span[1], message, None)


def check(doc: Document, config: ContextConfig, stats: dict[str, Any]) -> list[Finding]:
    if not doc.sentences:
        return []
    if config.name == "email":
        return email(doc, config)
    if config.name == "report":
        return report(doc, config, stats)
    if config.name == "social":
        return social(doc, config)
    return []


def _body(doc: Document) -> list[int]:
    """Sentence indexes, without the subject line."""
    subject = doc.prep.subject
    indexes = range(len(doc.sentences))
    if subject is None:
        return list(indexes)
    return [i for i in indexes if doc.sentence_span(i)[0] >= subject[1]]


MESSAGES = {
    "email-subject": "No subject line: start with “Subject: …” that states the point.",
    "email-subject-length": "Subject longer than {limit} characters gets cut off in inboxes.",
    "email-greeting": "No greeting: open with “Hi …,” or “Dear …,”.",
    "email-sign-off": "No sign-off: close with “Thanks,” or “Best,” and your name.",
    "email-ask": "No clear ask: say what you need from the reader, as a question or a request.",
    "email-length": "{count} words: e-mails over {limit} words get skimmed. Cut or attach details.",
}


def email(doc: Document, config: ContextConfig) -> list[Finding]:
    body = _body(doc) or [0]
    first, last = doc.sentence_span(body[0]), doc.sentence_span(body[-1])
    found = _email_subject(doc, config, first)
    if doc.tokens.lows[doc.sentences[body[0]][0]] not in words("email.yaml", "greetings"):
        found.append(_finding("email-greeting", "info", first, MESSAGES["email-greeting"]))
    tail = {doc.tokens.lows[doc.sentences[i][0]] for i in body[-2:]}
    if tail.isdisjoint(words("email.yaml", "sign_offs")):
        found.append(_finding("email-sign-off", "info", last, MESSAGES["email-sign-off"]))
    if not any(_is_ask(doc, i) for i in body):
        found.append(_finding("email-ask", "warning", first, MESSAGES["email-ask"]))
    count, limit = len(doc.tokens), config.max_words
    if limit and count > limit:
        span = (doc.tokens.starts[limit], doc.tokens.ends[-1])
        message = MESSAGES["email-length"].format(count=count, limit=limit)
        found.append(_finding("email-length", "info", span, message))
    return found


def _email_subject(doc: Document, config: ContextConfig, first: tuple[int, int]) -> list[Finding]:
    subject, limit = doc.prep.subject, config.max_subject_chars or 60
    if subject is None:
        return [_finding("email-subject", "warning", first, MESSAGES["email-subject"])]
    if len(doc.text[subject[0] : subject[1]].strip()) > limit:
        message = MESSAGES["email-subject-length"].format(limit=limit)
        return [_finding("email-subject-length", "warning", subject, message)]
    return []


def _is_ask(doc: Document, index: int) -> bool:
    if doc.sentence_end_char(index) == "?":
        return True
    first, end = doc.sentences[index]
    sentence = " ".join(doc.tokens.lows[first:end])
    if doc.tokens.lows[first] in words("tone.yaml", "imperatives"):
        return True
    return any(marker in f" {sentence} " for marker in data_yaml("email.yaml")["ask_markers"])


def report(doc: Document, config: ContextConfig, stats: dict[str, Any]) -> list[Finding]:
    found: list[Finding] = []
    if not doc.prep.heading_lines:
        message = "No headings: add “# …” headings so readers can scan."
        found.append(_finding("report-headings", "warning", doc.sentence_span(0), message))
    found += _long_paragraphs(doc, config.max_paragraph_words or 150)
    grade, target = stats["grade_consensus"], config.grade_target
    if grade > target:
        whole = (doc.tokens.starts[0], doc.tokens.ends[-1])
        message = f"Reading grade {grade:.1f} is above the target of {target:.0f}. Use shorter sentences and words."
        found.append(_finding("report-grade", "warning", whole, message))
    return found


def _long_paragraphs(doc: Document, limit: int) -> list[Finding]:
    paragraphs: dict[int, list[int]] = {}
    pairs = zip(paragraph_ids(doc), heading_flags(doc), strict=True)
    for index, (pid, heading) in enumerate(pairs):
        if not heading:
            paragraphs.setdefault(pid, []).append(index)
    found: list[Finding] = []
    for indexes in paragraphs.values():
        size = sum(doc.sentences[i][1] - doc.sentences[i][0] for i in indexes)
        if size > limit:
            span = (doc.sentence_span(indexes[0])[0], doc.sentence_span(indexes[-1])[1])
            message = f"Paragraph of {size} words (over {limit}). Split it."
            found.append(_finding("report-paragraph-length", "info", span, message))
    return found


def social(doc: Document, config: ContextConfig) -> list[Finding]:
    found: list[Finding] = []
    text = doc.text
    limit = config.max_chars or 280
    stripped = text.strip()
    if len(stripped) > limit:
        lead = len(text) - len(text.lstrip())
        found.append(
            _finding(
                "social-length",
                "warning",
                (lead + limit, lead + len(stripped)),
                f"{len(stripped)} characters: over the {limit}-character limit.",
            )
        )
    tags = list(_HASHTAG.finditer(doc.masked))
    most = config.max_hashtags or 3
    for tag in tags[most:]:
        found.append(_finding("social-hashtags", "warning", tag.span(), f"{len(tags)} hashtags: use at most {most}."))
    return found
