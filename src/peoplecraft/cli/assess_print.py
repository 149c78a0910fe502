"""Rich output of ``peoplecraft assess``; JSON documents are printed by the commands themselves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from peoplecraft.cli.output import console, id_column


def _num(value, digits: int = 0) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def results(document: dict) -> None:
    out = console()
    out.print(f"Self-assessment of {document['taken_at'][:10]}", style="bold")
    table = Table("Skill", "Area", "Score", "Answered", "Change", "Beyond noise")
    for s in document["skills"]:
        score = _num(s["score"]) if s["score"] is not None else "not enough answers"
        reliable = "—" if s["change"] is None else ("yes" if s["reliable_change"] else "no")
        table.add_row(s["name"], s["area"], score, f"{s['answered']}/{s['items']}", _num(s["change"]), reliable)
    out.print(table)
    areas = Table("Area", "Score", "Skills scored")
    for a in document["areas"]:
        areas.add_row(a["name"], _num(a["score"]), f"{a['skills_scored']}/{a['skills']}")
    out.print(areas)
    out.print("Focus next", style="bold")
    for number, f in enumerate(document["focus"], start=1):
        out.print(f"  {number}. {f['name']} ({f['area']}): {f['reason']}", markup=False)
    out.print("Put one in focus with: peoplecraft assess focus NAME", markup=False)


def history(document: dict) -> None:
    out = console()
    out.print(Text.assemble((document["skill"], "bold"), f" ({document['area']})"))
    if not document["history"]:
        out.print("Not assessed yet.")
        return
    table = Table("When", "Score", "Answered", "Change", "Beyond noise")
    for p in document["history"]:
        score = _num(p["score"]) if p["score"] is not None else "not enough answers"
        reliable = "—" if p["change"] is None else ("yes" if p["reliable_change"] else "no")
        table.add_row(p["taken_at"][:16], score, f"{p['answered']}/{p['items']}", _num(p["change"]), reliable)
    out.print(table)


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
