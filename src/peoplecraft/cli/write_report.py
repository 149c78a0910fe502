"""Rich text report of a writing check: statistics, score, and each finding with its span highlighted."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

_STYLE = {"info": "cyan", "warning": "yellow", "error": "bold red"}
_STATS = (
    ("words", "Words"),
    ("sentences", "Sentences"),
    ("readability", "Readability (0–100, higher is easier)"),
    ("flesch_reading_ease", "Flesch reading ease"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("gunning_fog", "Gunning fog"),
    ("smog", "SMOG"),
    ("coleman_liau", "Coleman-Liau"),
    ("ari", "ARI"),
    ("passive_rate", "Passive sentences"),
)


def print_report(document: dict, text: str) -> None:
    console = Console(highlight=False, markup=False)  # paths and texts are the user's: never read as markup
    console.rule(Text(f"{document['path']} · {document['context']}"))
    score = f"Clarity score {document['score']}/100"
    console.print(Text.assemble((score, "bold"), f" — {document['score_explanation']}"))
    console.print(_stats_table(document["stats"]))
    for finding in document["findings"]:
        console.print(_finding_line(finding, text))
    if not document["findings"]:
        console.print("No findings.")


def _stats_table(stats: dict) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    for key, label in _STATS:
        value = stats.get(key)
        if isinstance(value, float):
            value = f"{value:.0%}" if key == "passive_rate" else f"{value:.1f}"
        table.add_row(label, str(value))
    return table


def _finding_line(finding: dict, text: str) -> Text:
    line_start = text.rfind("\n", 0, finding["start"]) + 1
    line_end = text.find("\n", finding["end"])
    line_end = len(text) if line_end == -1 else line_end
    line_number = text.count("\n", 0, finding["start"]) + 1
    style = _STYLE.get(finding["severity"], "")
    out = Text(f"{line_number}:{finding['start'] - line_start + 1} ", style="dim")
    out.append(f"{finding['severity']} ", style=style)
    out.append(f"{finding['message']} [{finding['rule']}]\n    ")
    snippet_start = max(line_start, finding["start"] - 40)
    snippet_end = min(line_end, finding["end"] + 40)
    out.append(text[snippet_start : finding["start"]].replace("\r", ""))
    out.append(text[finding["start"] : finding["end"]], style=f"reverse {style}")
    out.append(text[finding["end"] : snippet_end].replace("\r", ""))
    if finding.get("suggestion"):
        out.append(f"\n    → {finding['suggestion']}", style="green")
    return out
