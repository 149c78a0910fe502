"""Self versus others per skill as a dot plot (matplotlib SVG), readable without colour.

Self is a hollow circle, others a filled square, each labelled with its number; a line joins
them so the gap is visible at a glance. Only released aggregates reach this module.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib
from matplotlib.figure import Figure

from peoplecraft.assessment.charts import ACCENT, INK, _render, _whole

_RC = {"svg.fonttype": "none", "font.size": 9}


def self_vs_others_chart(rows: Sequence[tuple[str, float | None, float | None]], *, fmt: str = "svg") -> bytes:
    """``rows`` are (skill, self score, others' score) on 0-100; missing scores are said in words."""
    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(7, 0.6 * max(len(rows), 1) + 1.2))
        axes = figure.add_subplot()
        for index, (_skill, own, others) in enumerate(rows):
            if own is not None and others is not None:
                axes.plot([own, others], [index, index], color="#9aa5b1", linewidth=2, zorder=1)
            if own is not None:
                axes.scatter([own], [index], marker="o", s=60, facecolors="white", edgecolors=INK, zorder=2)
                axes.annotate(
                    f"self {_whole(own)}", (own, index), textcoords="offset points", xytext=(0, 8), ha="center"
                )
            if others is not None:
                axes.scatter([others], [index], marker="s", s=50, color=ACCENT, zorder=3)
                axes.annotate(
                    f"others {_whole(others)}",
                    (others, index),
                    textcoords="offset points",
                    xytext=(0, -14),
                    ha="center",
                )
            if own is None or others is None:
                missing = "no self score" if own is None else "not enough answers from others"
                axes.annotate(missing, (2, index), textcoords="offset points", xytext=(0, -14), color=INK)
        axes.set_yticks(range(len(rows)), ["\n".join(textwrap.wrap(skill, 22)) for skill, _o, _t in rows])
        axes.set_xlim(0, 100)
        axes.set_ylim(-0.8, len(rows) - 0.2)
        axes.invert_yaxis()
        axes.set_xlabel("Score (0-100): ○ self, ■ others")
        axes.grid(axis="x", linestyle=":", color="#9aa5b1")
        return _render(figure, fmt)
