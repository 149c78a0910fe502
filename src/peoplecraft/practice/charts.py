"""A skill's habit strength over time (matplotlib, SVG on the server).

Readable without colour: the strength is a solid line, each practice day a triangle marker on
the baseline, and the latest value is written next to the line.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure

from peoplecraft.core.chart_cache import cached_chart

INK = "#1f2933"
ACCENT = "#1f5f8b"


@cached_chart
def strength_chart(series: Sequence[tuple[date, float]], practised: Sequence[date], *, title: str) -> bytes:
    figure = Figure(figsize=(7, 3), dpi=100, layout="constrained")
    axes = figure.subplots()
    if series:
        days, values = [d for d, _v in series], [v for _d, v in series]
        axes.plot(days, values, color=ACCENT, linewidth=2, label="Habit strength")
        axes.annotate(f"{values[-1]:.0f}", (days[-1], values[-1]), textcoords="offset points", xytext=(6, 0))
    if practised:
        axes.plot(practised, [2] * len(practised), linestyle="none", marker="^", color=INK, label="Practice day")
    if not practised:
        axes.text(0.5, 0.5, "No practice logged in this period", transform=axes.transAxes, ha="center", color=INK)
    axes.set_ylim(0, 100)
    axes.set_ylabel("Strength (0–100)")
    axes.set_title(title)
    axes.grid(axis="y", linestyle=":", color="#9aa5b1")
    axes.legend(loc="upper left", frameon=False)
    figure.autofmt_xdate()
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 9}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
