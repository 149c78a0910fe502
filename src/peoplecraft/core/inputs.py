"""Numbers and dates a person types (an option, a form field): are they usable? Pure: no Django.

A number must be finite (``inf``, ``nan`` and ``1e308`` parse as floats but are nobody's goal, and
they later break JSON output) and within the bounds its caller names. A date must be written
YYYY-MM-DD, exist on the calendar, and lie between :data:`EARLIEST` and :data:`LATEST`, far enough
from Python's ``date.min``/``date.max`` that week and reminder arithmetic never overflows.

The functions return or raise a message *without* the field's name, so the command line can put
its option in front (``--target must be …``) and a form can show it under the field.
"""

from __future__ import annotations

import math
import re
from datetime import date

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def show_number(value: float) -> str:
    """``1000000`` rather than ``1e+06``, ``0.01`` rather than ``0.010000``."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def number_problem(value: object, low: float, high: float) -> str | None:
    """Why ``value`` is not a finite number from ``low`` to ``high`` (inclusive), or ``None`` if it is."""
    finite = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if finite and low <= value <= high:
        return None
    return f"must be a finite number between {show_number(low)} and {show_number(high)}"


def parse_date(text: str) -> date:
    """The day ``text`` names (YYYY-MM-DD); :class:`ValueError` says what is wrong with it otherwise."""
    text = text.strip()
    if not _DATE_SHAPE.fullmatch(text):
        raise ValueError("is not a date; use YYYY-MM-DD, like 2025-03-31")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError("is not a real date (no such day); use YYYY-MM-DD, like 2025-03-31") from None
    problem = date_problem(day)
    if problem:
        raise ValueError(problem)
    return day


def date_problem(day: date) -> str | None:
    """Why ``day`` is out of the range of dates the app works with, or ``None``."""
    if EARLIEST <= day <= LATEST:
        return None
    return f"is out of range; use a date from {EARLIEST.isoformat()} to {LATEST.isoformat()}"
