"""Server-side charts (matplotlib, Agg): the same figure serves the web page (SVG) and the CLI (PNG).

Readable without colour: every point has a marker and its number written next to it, missing
scores are said in words, and the grid is labelled 0-100.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from datetime import datetime

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure

from peoplecraft.assessment.measurement import points
from peoplecraft.core.chart_cache import cached_chart

INK = "#1f2933"
ACCENT = "#1d4ed8"
_RC = {"svg.fonttype": "none", "font.size": 9}


def _render(figure: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format=fmt, bbox_inches="tight", metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


@cached_chart
def radar_chart(areas: Sequence[tuple[str, float | None]], *, fmt: str = "svg") -> bytes:
    """Area scores (0-100) on a radar; fewer than three areas are drawn as bars instead."""
    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(8, 7))
        if len(areas) < 3:
            _bars(figure, areas)
        else:
            _radar(figure, areas)
        return _render(figure, fmt)


def _whole(score: float) -> str:
    return points(score)  # the one display rule: half up to whole points


def _label(name: str, score: float | None) -> str:
    shown = "not scored" if score is None else _whole(score)
    return "\n".join(textwrap.wrap(name, 18)) + f"\n({shown})"


def _radar(figure: Figure, areas: Sequence[tuple[str, float | None]]) -> None:
    axes = figure.add_subplot(projection="polar")
    axes.set_theta_zero_location("N")
    axes.set_theta_direction(-1)
    angles = [2 * math.pi * i / len(areas) for i in range(len(areas))]
    values = [score or 0.0 for _name, score in areas]
    axes.plot([*angles, angles[0]], [*values, values[0]], color=ACCENT, linewidth=2, marker="o", markersize=6)
    axes.fill([*angles, angles[0]], [*values, values[0]], facecolor="none", edgecolor=ACCENT, hatch="///", alpha=0.5)
    for angle, (_name, score) in zip(angles, areas, strict=True):
        if score is None:
            axes.plot([angle], [0], marker="x", color=INK, markersize=8)
    axes.set_xticks(angles, [_label(name, score) for name, score in areas], color=INK)
    axes.set_ylim(0, 100)
    axes.set_yticks([20, 40, 60, 80, 100], ["20", "40", "60", "80", "100"], color=INK)
    axes.set_rlabel_position(180 / len(areas))  # between the first two axes, clear of labels
    axes.tick_params(axis="x", pad=14)


def _bars(figure: Figure, areas: Sequence[tuple[str, float | None]]) -> None:
    axes = figure.add_subplot()
    names = [_label(name, score) for name, score in areas]
    values = [score or 0.0 for _name, score in areas]
    axes.barh(names, values, color="white", edgecolor=ACCENT, hatch="///")
    axes.set_xlim(0, 100)
    axes.invert_yaxis()
    axes.set_xlabel("Score (0-100)")


_CLEAR = {"facecolor": "white", "edgecolor": "none", "pad": 1}  # a number stays readable over the average line


@cached_chart
def self_scores_chart(rows: Sequence[tuple[str, float]], *, fmt: str = "svg") -> bytes:
    """Each skill's self-score as a bar with its number, and their average as a dashed line.

    The progress page states "average N across K skills": this draws exactly those K scores.
    """
    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(7, 1.0 + 0.38 * max(len(rows), 1)))
        axes = figure.add_subplot()
        names = ["\n".join(textwrap.wrap(name, 28)) for name, _score in rows]
        values = [score for _name, score in rows]
        axes.barh(names, values, color="#dbeafe", edgecolor=ACCENT, height=0.6)
        for index, score in enumerate(values):
            axes.text(score + 1.5, index, _whole(score), va="center", color=INK, bbox=_CLEAR)
        if values:
            mean = math.fsum(values) / len(values)
            axes.axvline(mean, color=INK, linestyle="--", linewidth=1)
            axes.text(mean, -0.75, f"average {_whole(mean)}", ha="center", va="bottom", color=INK, bbox=_CLEAR)
        axes.set_xlim(0, 108)
        axes.set_ylim(len(values) - 0.5, -1.1)  # note order top to bottom, room for the average label
        axes.set_xlabel("Self-score (0-100)")
        return _render(figure, fmt)


Band = tuple[float, float] | None


@cached_chart
def trend_chart(
    points_: Sequence[tuple[datetime, float | None]],
    *,
    title: str,
    bands: Sequence[Band] | None = None,
    fmt: str = "svg",
) -> bytes:
    """A skill's score across assessments; each point is marked and labelled with its value.

    ``bands`` (one per point, or None) are the 95 % bands, drawn as error bars: a difference
    between two points matters only when it is larger than measurement error.
    """
    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(7, 3.5))
        axes = figure.add_subplot()
        given = list(bands) if bands is not None else [None] * len(points_)
        scored = [(when, score, band) for (when, score), band in zip(points_, given, strict=True) if score is not None]
        if scored:
            _trend_line(axes, scored)
        else:
            axes.text(0.5, 0.5, "No score yet", transform=axes.transAxes, ha="center", color=INK)
        axes.set_ylim(0, 105)
        axes.set_ylabel("Score (0-100), bars: 95% band")
        axes.set_title(title)
        axes.grid(axis="y", linestyle=":", color="#9aa5b1")
        figure.autofmt_xdate()
        return _render(figure, fmt)


def _trend_line(axes, scored: list[tuple[datetime, float, Band]]) -> None:
    dates, scores = [when for when, _s, _b in scored], [score for _w, score, _b in scored]
    below = [score - band[0] if band else 0.0 for _w, score, band in scored]
    above = [band[1] - score if band else 0.0 for _w, score, band in scored]
    axes.errorbar(dates, scores, yerr=[below, above], fmt="none", ecolor=INK, elinewidth=1, capsize=4)
    axes.plot(dates, scores, color=ACCENT, marker="o", linewidth=2, markersize=7)
    for when, score, _band in scored:
        axes.annotate(_whole(score), (when, score), textcoords="offset points", xytext=(8, 4), ha="left")
