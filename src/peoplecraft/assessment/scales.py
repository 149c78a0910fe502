"""Response scales and formats of instrument items. Pure module: no Django.

Two formats fit behavioural items asked about one window (the last month):

- ``frequency-of-occasions`` for conditional items ("When X, I did Y"): on how many of those
  occasions you did it, from "None of the occasions" to "All of them", plus "No such occasion"
  (stored as :data:`NO_OCCASION`, scored as missing) when X never happened;
- ``count`` for events ("I did Y"): how many times, in bins. ``count`` suits behaviours with
  chances most working days; ``count-rare`` behaviours with a few chances a month.

The older ``frequency-5`` (Never ... Always), ``agreement-5`` and ``confidence-5`` scales remain
for user instruments and generic items. See docs/assessment.md, "Response formats".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

NO_OCCASION = 0  # the stored answer "No such occasion": a real answer, scored as missing
FREQUENCY_OF_OCCASIONS, COUNT, CUSTOM = "frequency-of-occasions", "count", "custom"


@dataclass(frozen=True)
class Scale:
    """A response scale: integer answers ``min..max``, one label per point.

    ``format`` says what the answers count: ``frequency-of-occasions`` (on how many of the
    occasions an item names did you do it), ``count`` (how many times in the window), or the
    older frequency, agreement, confidence and custom scales. ``no_occasion`` labels the extra
    answer :data:`NO_OCCASION` ("No such occasion"), offered only by scales that have it.
    """

    min: int
    max: int
    labels: tuple[str, ...]
    format: str = CUSTOM
    no_occasion: str | None = None

    def accepts(self, value: object) -> bool:
        """True for a point of the scale, or ``NO_OCCASION`` when the scale offers it."""
        if type(value) is not int:
            return False
        return self.min <= value <= self.max or (value == NO_OCCASION and self.no_occasion is not None)

    def points(self) -> list[tuple[int, str]]:
        """Every answer with its label, "No such occasion" (value 0) last when offered."""
        points = list(zip(range(self.min, self.max + 1), self.labels, strict=True))
        return points + ([(NO_OCCASION, self.no_occasion)] if self.no_occasion else [])

    def describe(self) -> str:
        """The allowed answers for an error message: ``1..5`` or ``1..5 (or 0: No such occasion)``."""
        extra = f" (or {NO_OCCASION}: {self.no_occasion})" if self.no_occasion else ""
        return f"{self.min}..{self.max}{extra}"


NAMED_SCALES: Mapping[str, Scale] = MappingProxyType(
    {
        FREQUENCY_OF_OCCASIONS: Scale(
            1,
            5,
            ("None of the occasions", "A few of them", "About half of them", "Most of them", "All of them"),
            FREQUENCY_OF_OCCASIONS,
            "No such occasion",
        ),
        # Bins for behaviours with many chances a month (about one a working day at most) ...
        COUNT: Scale(1, 5, ("0 times", "1–2 times", "3–5 times", "6–10 times", "More than 10 times"), COUNT),
        # ... and for behaviours with a few chances a month (asking for feedback, introductions).
        "count-rare": Scale(1, 5, ("0 times", "Once", "Twice", "3–4 times", "5 or more times"), COUNT),
        "frequency-5": Scale(1, 5, ("Never", "Rarely", "Sometimes", "Often", "Always"), "frequency"),
        "agreement-5": Scale(
            1,
            5,
            ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
            "agreement",
        ),
        "confidence-5": Scale(
            1,
            5,
            (
                "Not at all confident",
                "Slightly confident",
                "Moderately confident",
                "Very confident",
                "Completely confident",
            ),
            "confidence",
        ),
    }
)
# The response formats an item may declare, each with its default scale.
FORMATS: Mapping[str, str] = MappingProxyType({FREQUENCY_OF_OCCASIONS: FREQUENCY_OF_OCCASIONS, COUNT: COUNT})
