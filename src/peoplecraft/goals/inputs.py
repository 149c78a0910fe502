"""What a person types for a goal: the target's bounds and milestone lines. Pure (no Django).

Shared by the service, the web form and the command line, so all three accept the same goals.
"""

from __future__ import annotations

import re
from datetime import date

from peoplecraft.core.inputs import parse_date

TARGET_MIN = 0.01  # "greater than zero", with a floor that still allows "half an hour"
TARGET_MAX = 1_000_000  # a bigger number is a typo or an ambition to split into smaller goals
_DATE_LIKE = re.compile(r"[0-9]+-[0-9]+-[0-9]+")  # "2027-02-30", "2027-2-3"; not "2-minute"


def parse_milestone(line: str) -> tuple[str, date | None]:
    """``'YYYY-MM-DD title'`` or ``'title'`` → (title, date or None).

    A line that starts with something shaped like a date must start with a real one and go on
    with a title: ``2027-02-30 Halfway`` is refused (:class:`ValueError`) rather than saved as an
    undated milestone with the bad date in its title.
    """
    text = line.strip()
    head, _sep, rest = text.partition(" ")
    if not _DATE_LIKE.fullmatch(head):
        return text, None
    try:
        day = parse_date(head)
    except ValueError as error:
        raise ValueError(f"'{head}' {error}") from None
    if not rest.strip():
        raise ValueError(f"'{text}' has a date but no title; write 'YYYY-MM-DD title'")
    return rest.strip(), day
