"""The weekly review's mood and stress chart (matplotlib, SVG on the server).

Readable without colour: mood is a solid line with circles, stress a dashed line with squares,
each point labelled with its value, and weeks without entries are gaps, not zeros.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from peoplecraft.core.chart_cache import cached_chart


@cached_chart
def mood_stress_svg(weeks: Sequence[tuple[date, float | None, float | None]]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.2), dpi=100, layout="constrained")
    mood_axis = figure.subplots()
    labels = [week.strftime("%d %b") for week, _m, _s in weeks]
    positions = list(range(len(weeks)))
    moods = [float("nan") if mood is None else mood for _w, mood, _s in weeks]
    stresses = [float("nan") if stress is None else stress for _w, _m, stress in weeks]
    mood_axis.plot(positions, moods, marker="o", linestyle="-", color="#1f5f8b", label="Mood (1–5)")
    mood_axis.set_ylim(0.5, 5.5)
    mood_axis.set_ylabel("Mood (1 very low – 5 very good)")
    stress_axis = mood_axis.twinx()
    stress_axis.plot(positions, stresses, marker="s", linestyle="--", color="#8a5a00", label="Stress (0–10)")
    stress_axis.set_ylim(-0.5, 10.5)
    stress_axis.set_ylabel("Stress (0 none – 10 overwhelming)")
    for x, mood, stress in zip(positions, moods, stresses, strict=True):
        if mood == mood:
            mood_axis.annotate(f"{mood:.1f}", (x, mood), textcoords="offset points", xytext=(0, 7), ha="center")
        if stress == stress:
            stress_axis.annotate(f"{stress:.1f}", (x, stress), textcoords="offset points", xytext=(0, -13), ha="center")
    mood_axis.set_xticks(positions, labels)
    mood_axis.set_xlabel("Week starting")
    handles = mood_axis.get_lines() + stress_axis.get_lines()
    mood_axis.legend(handles, [line.get_label() for line in handles], loc="upper left", frameon=False)
    mood_axis.set_title("Mood and stress, week by week")
    buffer = io.BytesIO()
    # Text stays text (not glyph paths): its size is what a phone test can measure, and it can be found.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
