"""Rich text report of a writing check: statistics, score, and each finding with its span highlighted."""

from __future__ import annotations

from bisect import bisect_right

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


class LineIndex:
    """Line starts of a text, computed once, so locating a finding is a binary search
    rather than a count of every line break before it (quadratic over many findings)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def locate(self, offset: int) -> tuple[int, int, int]:
        """(1-based line number, offset of the line's start, offset of its end) of ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return index + 1, self.starts[index], end


def print_report(document: dict, text: str) -> None:
    console = Console(highlight=False, markup=False)  # paths and texts are the user's: never read as markup
    kind = " · markdown" if document.get("markdown") else ""
    console.rule(Text(f"{document['path']} · {document['context']}{kind}"))
    score = f"Clarity score {document['score']}/100"
    console.print(Text.assemble((score, "bold"), f" — {document['score_explanation']}"))
    console.print(_stats_table(document["stats"]))
    lines = LineIndex(text)
    for finding in document["findings"]:
        pieces = _finding_pieces(finding, lines)
        if console.is_terminal:
            console.print(Text.assemble(*pieces))
        else:  # no styles to show: skip Rich's per-line rendering (~0.2 ms a finding)
            console.file.write("".join(piece for piece, _ in pieces) + "\n")
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


def _finding_pieces(finding: dict, lines: LineIndex) -> list[tuple[str, str]]:
    """``line:column severity message [rule]``, the line around the span, the suggestion: (text, style) pairs."""
    text, start, end = lines.text, finding["start"], finding["end"]
    line_number, line_start, _ = lines.locate(start)
    line_end = lines.locate(end)[2]
    style = _STYLE.get(finding["severity"], "")
    snippet_start, snippet_end = max(line_start, start - 40), min(line_end, end + 40)
    pieces = [
        (f"{line_number}:{start - line_start + 1} ", "dim"),
        (f"{finding['severity']} ", style),
        (f"{finding['message']} [{finding['rule']}]\n    ", ""),
        (text[snippet_start:start].replace("\r", ""), ""),
        (text[start:end], f"reverse {style}"),
        (text[end:snippet_end].replace("\r", ""), ""),
    ]
    if finding.get("suggestion"):
        pieces.append((f"\n    → {finding['suggestion']}", "green"))
    return pieces
