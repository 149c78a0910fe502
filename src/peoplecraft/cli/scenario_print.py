"""Documents and text output for ``peoplecraft practice scenario show``."""

from __future__ import annotations

import typer
from rich.text import Text

from peoplecraft.cli.output import console


def scenario_document(owner, scenario) -> dict:
    from peoplecraft.scenarios import selectors
    from peoplecraft.scenarios.engine import scenario_stats

    stats = scenario_stats(scenario)
    plays = selectors.plays_finished(owner=owner, scenario_id=scenario.id)
    in_progress = selectors.play_in_progress(owner=owner, scenario_id=scenario.id)
    return {
        "id": scenario.id,
        "title": scenario.title,
        "summary": scenario.summary,
        "setting": scenario.setting,
        "skills": list(scenario.skills),
        "practice": scenario.practice or None,
        "version": scenario.version,
        "decisions": stats.decision_nodes,
        "endings": [{"id": n.id, "outcome": n.outcome} for n in scenario.endings],
        "shortest_path": stats.shortest,
        "longest_path": stats.longest,
        "best_score": max((p.total_score for p in plays), default=None),
        "in_progress": in_progress is not None,
        "plays": [
            {
                "finished_at": p.finished_at.isoformat(),
                "outcome": p.outcome,
                "score": p.total_score,
                "best_possible": p.best_total,
                "skills": {s["skill"]: s["score"] for s in (p.result or {}).get("skills", [])},
            }
            for p in plays
        ],
    }


def show(document: dict) -> None:
    out = console()
    out.print(Text.assemble((document["title"], "bold"), f" ({document['id']})"))
    out.print(document["summary"])
    out.print(f"\n{document['setting']}\n")
    out.print("Skills: " + ", ".join(document["skills"]))
    out.print(
        f"{document['decisions']} decision points; a play takes {document['shortest_path']}"
        f"-{document['longest_path']} decisions; {len(document['endings'])} endings."
    )
    if not document["plays"]:
        typer.echo(f"Not played yet: peoplecraft practice scenario play {document['id']}")
        return
    from rich.table import Table

    table = Table("Finished", "Outcome", "Score")
    for play in document["plays"]:
        table.add_row(
            play["finished_at"][:16].replace("T", " "), play["outcome"], f"{play['score']} / {play['best_possible']}"
        )
    out.print(table)
    out.print(f"Best score: {document['best_score']}")
