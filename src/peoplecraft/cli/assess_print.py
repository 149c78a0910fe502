"""Rich output of ``peoplecraft assess``; JSON documents are printed by the commands themselves."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from peoplecraft.assessment.measurement import points, whole
from peoplecraft.cli.output import console, id_column

NOTE = (
    "Scores are rounded half up to whole points; the band is score ± 1.96 SEM. A change is 'improved' or "
    "'declined' beyond the threshold, 'possibly' between the 80% and 95% thresholds (docs/assessment.md)."
)


def _num(value, digits: int = 0) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _score(entry: dict) -> str:
    """Whole points (half up) with the 95 % band: "62 (50–74)"."""
    if entry["score"] is None:
        return "not enough answers"
    band = entry.get("band")
    shown = points(entry["score"])
    return shown if band is None else f"{shown} ({points(band[0])}–{points(band[1])})"


def _change(change: dict) -> tuple[str, str]:
    """The change in whole points and its verdict with the threshold it was judged against."""
    if change["value"] is None:
        return "—", "—"
    value = whole(change["value"])
    return f"{value:+d}" if value else "0", f"{change['verdict']} (±{points(change['threshold'])}, {change['method']})"


def _sources(entries: list[dict]) -> str:
    found = sorted({e["reliability_source"] for e in entries if e.get("reliability_source")})
    return "; ".join(found) or "—"


def results(document: dict) -> None:
    out = console()
    out.print(f"Self-assessment of {document['taken_at'][:10]}", style="bold")
    table = Table("Skill", "Area", "Score (95% band)", "Answered", "Change", "Verdict (threshold, method)")
    for s in document["skills"]:
        table.add_row(s["name"], s["area"], _score(s), f"{s['answered']}/{s['items']}", *_change(s["change"]))
    out.print(table)
    areas = Table("Area", "Score (95% band)", "Skills scored")
    for a in document["areas"]:
        areas.add_row(a["name"], _score(a), f"{a['skills_scored']}/{a['skills']}")
    out.print(areas)
    out.print(f"Reliability: {_sources(document['skills'])}. {NOTE}", markup=False)
    if document.get("retest"):
        retest(document["retest"])
    out.print("Focus next", style="bold")
    for number, f in enumerate(document["focus"], start=1):
        out.print(f"  {number}. {f['name']} ({f['area']}): {f['reason']}", markup=False)
    out.print("Put one in focus with: peoplecraft assess focus NAME", markup=False)


def retest(document: dict) -> None:
    """Per skill, whether this retest agrees with the assessment it retook (within SDC95)."""
    out = console()
    out.print(f"Retest of the assessment of {document['of']['taken_at'][:10]}", style="bold")
    table = Table("Skill", "First", "Retest", "Difference", "Agreement (SDC95)")
    for row in document["agreement"]:
        scores = (escape(row["skill"]), points(row["first"]), points(row["retest"]))
        if row["verdict"] is None:
            table.add_row(*scores, "—", "not scored both times")
            continue
        verdict = f"{row['verdict']} (±{points(row['threshold'])})"
        table.add_row(*scores, f"{whole(row['difference']):+d}", verdict)
    out.print(table)


def history(document: dict) -> None:
    out = console()
    out.print(Text.assemble((document["skill"], "bold"), f" ({document['area']})"))
    if not document["history"]:
        out.print("Not assessed yet.")
        return
    table = Table("When", "Score (95% band)", "Answered", "Change", "Verdict (threshold, method)")
    for p in document["history"]:
        table.add_row(p["taken_at"][:16], _score(p), f"{p['answered']}/{p['items']}", *_change(p["change"]))
    out.print(table)
    out.print(f"Reliability: {_sources(document['history'])}. {NOTE}", markup=False)


def analysis(document: dict) -> None:
    out = console()
    scales = Table("Skill", "Items", "n used", "Alpha", "95% CI")
    items = Table("Skill", id_column("Item"), "n", "Mean", "SD", "Item-total r", "Alpha if deleted")
    for s in document["scales"]:
        ci = f"{_num(s['ci_low'], 3)} to {_num(s['ci_high'], 3)}"  # 2 decimals read "0.89 to 0.89"
        scales.add_row(s["skill"], str(s["k"]), f"{s['n_used']}/{s['n_total']}", _num(s["alpha"], 3), ci)
        for i in s["items"]:
            items.add_row(
                s["skill"],
                i["item_id"],
                str(i["answered"]),
                _num(i["mean"], 2),
                _num(i["sd"], 2),
                _num(i["item_total_r"], 2),
                _num(i["alpha_if_deleted"], 2),
            )
    out.print(scales)
    out.print(items)


def validity(document: dict) -> None:
    """The validity report, one block per skill (lines, not a table: the sentences must not wrap)."""
    out = console()
    if not document["skills"]:
        out.print("No member who shares anonymised scores has scored a skill yet.")
    days = document["practice_window_days"]
    for s in document["skills"]:
        out.print(Text(f"{s['skill']} ({s['members']} member{'s' if s['members'] != 1 else ''})", style="bold"))
        out.print(Text(f"  self vs 360 others: {s['self_vs_others']['text']}"), soft_wrap=True)
        out.print(Text(f"  self vs practice ({days} days): {s['self_vs_practice']['text']}"), soft_wrap=True)
    if document["unlisted_skills"]:
        unlisted, min_n = document["unlisted_skills"], document["min_n"]
        out.print(f"{unlisted} other skill(s) scored by fewer than {min_n} members are not listed.")
    out.print(f"Pearson r with a 95% Fisher-z interval; below n = {document['min_n']} no number is given.")
