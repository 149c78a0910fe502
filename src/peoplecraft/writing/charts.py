"""The writing progress chart (matplotlib, rendered on the server as SVG)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from peoplecraft.core.chart_cache import cached_chart
from peoplecraft.writing.selectors import WeekPoint


@cached_chart
def progress_svg(points: Sequence[WeekPoint]) -> bytes:
    """Clarity score and grade level by week; markers and line styles differ, so no colour is needed."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.2), dpi=100, layout="constrained")
    score_axis = figure.subplots()
    weeks = [point.week for point in points]
    score_axis.plot(weeks, [p.score for p in points], marker="o", linestyle="-", color="#1f5f8b", label="Clarity score")
    score_axis.set_ylim(0, 100)
    score_axis.set_ylabel("Clarity score (0–100)")
    grade_axis = score_axis.twinx()
    grade_axis.plot(weeks, [p.grade for p in points], marker="s", linestyle="--", color="#8a5a00", label="Grade level")
    grade_axis.set_ylabel("Grade level")
    handles = score_axis.get_lines() + grade_axis.get_lines()
    score_axis.legend(handles, [line.get_label() for line in handles], loc="upper left", frameon=False)
    score_axis.set_title("Your writing, week by week")
    figure.autofmt_xdate()
    buffer = io.BytesIO()
    # Text stays text (not glyph paths): its size is what a phone test can measure, and it can be found.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
