"""Read a response file for item analysis: one row per respondent, one column per item.

Pure module (no Django). The columns may be separated by commas, semicolons or tabs: the
separator is detected (``csv.Sniffer`` restricted to those three, then checked), and a file that
two separators split equally well is refused rather than guessed. Given the instrument's item ids,
header cells are matched to them ignoring case and surrounding spaces, and every unknown column is
reported before any cell is read. Problems name the file, line and column; all of them (up to
``MAX_PROBLEMS``) are reported at once.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
SNIFF_LINES = 50  # lines (header included) that decide the separator
MAX_PROBLEMS = 20


class ResponsesCsvError(ValueError):
    """A response file could not be read; ``problems`` name file, line and column."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class ResponseTable:
    item_ids: tuple[str, ...]
    respondents: tuple[str, ...] | None  # from a first "respondent" column, when present
    values: np.ndarray  # respondents x items, float64, NaN for missing


def read_responses_csv(
    path: str | Path,
    *,
    valid_range: tuple[float, float] | None = None,
    item_ids: Iterable[str] | None = None,
    known_as: str = "the instrument",
) -> ResponseTable:
    """Header of item ids (optionally first a ``respondent`` column), then a row per respondent:
    numbers, or empty cells for missing. ``valid_range`` rejects values outside [min, max].
    With ``item_ids``, header cells are matched to those ids (case-insensitive, trimmed), the
    table uses the given spelling, and columns not among them (``known_as``) are refused."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResponsesCsvError(f"{path}: cannot read file: {exc}") from exc
    delimiter = sniff_delimiter(text, str(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _Reader(str(path), valid_range).read(reader, item_ids, known_as)
    except csv.Error as exc:
        raise ResponsesCsvError(f"{path}, line {reader.line_num}: malformed CSV: {exc}") from exc


def sniff_delimiter(text: str, name: str) -> str:
    """The column separator of ``text``: comma, semicolon or tab (comma for a single column)."""
    lines = [line for line in text.splitlines()[:SNIFF_LINES] if line.strip()]
    if not lines or not any(d in lines[0] for d in DELIMITERS):
        return ","  # empty, or a single column: nothing to separate
    fitting = [d for d in DELIMITERS if _splits_evenly(lines, d)]
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    if len(fitting) == 1 and sniffed in (None, fitting[0]):
        return fitting[0]
    if not fitting:
        return sniffed or ","  # rows disagree under every separator; the row check names the line
    names = " and ".join(DELIMITERS[d] for d in fitting)
    raise ResponsesCsvError(
        f"{name}, line 1: cannot tell how the columns are separated ({names} both split every line "
        "into the same number of columns); use one separator: comma, semicolon or tab"
    )


def _splits_evenly(lines: list[str], delimiter: str) -> bool:
    """True when ``delimiter`` splits the header into 2+ columns and every line into as many."""
    widths = {len(row) for row in csv.reader(lines, delimiter=delimiter)}
    return len(widths) == 1 and widths.pop() >= 2


class _Reader:
    def __init__(self, name: str, valid_range: tuple[float, float] | None) -> None:
        self.name = name
        self.valid_range = valid_range
        self.problems: list[str] = []

    def fail(self, problem: str) -> None:
        self.problems.append(problem)
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(f"{self.name}: stopped after {MAX_PROBLEMS} problems")
            raise ResponsesCsvError(self.problems)

    def read(self, reader, item_ids: Iterable[str] | None, known_as: str) -> ResponseTable:
        header = next(reader, None)
        if not header:
            raise ResponsesCsvError(f"{self.name}, line 1: empty file; expected a header of item ids")
        header = [cell.strip() for cell in header]
        first = 1 if header[0].casefold() == "respondent" else 0
        ids = self.header(header, first, item_ids, known_as)
        rows: list[list[float]] = []
        respondents: list[str] = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # blank line
            if len(cells) != len(header):
                self.fail(f"{self.name}, line {reader.line_num}: expected {len(header)} columns, found {len(cells)}")
                continue
            respondents.append(cells[0].strip())
            line = reader.line_num
            rows.append([self.cell(cells[c], ids[c - first], line, c + 1) for c in range(first, len(header))])
        if self.problems:
            raise ResponsesCsvError(self.problems)
        values = np.array(rows, dtype=np.float64).reshape(len(rows), len(ids))
        return ResponseTable(tuple(ids), tuple(respondents) if first else None, values)

    def header(self, header: list[str], first: int, item_ids: Iterable[str] | None, known_as: str) -> list[str]:
        """The item ids of the columns after ``first``; every problem of the header at once."""
        if len(header) == first:
            raise ResponsesCsvError(f"{self.name}, line 1: the header names no item columns")
        known = None if item_ids is None else {item_id.strip().casefold(): item_id for item_id in item_ids}
        ids: list[str] = []
        seen: dict[str, int] = {}
        for col in range(first, len(header)):
            where, cell = f"{self.name}, line 1, column {col + 1}", header[col]
            item_id = cell if known is None else known.get(cell.casefold(), "")
            if not cell:
                self.problems.append(f"{where}: empty item id")
            elif not item_id:
                self.problems.append(f"{where}: item id {cell!r} is not in {known_as}")
            elif item_id in seen:
                self.problems.append(f"{where}: duplicate item id {cell!r} (first in column {seen[item_id]})")
            seen.setdefault(item_id, col + 1)
            ids.append(item_id)
        if self.problems:
            raise ResponsesCsvError(self.problems)
        return ids

    def cell(self, raw: str, item_id: str, line: int, col: int) -> float:
        text = raw.strip()
        if not text:
            return math.nan
        where = f"{self.name}, line {line}, column {col} ({item_id})"
        try:
            value = float(text)
        except ValueError:
            value = None
        if value is None:
            self.fail(f"{where}: {text!r} is not a number")
        elif not math.isfinite(value):
            self.fail(f"{where}: {text!r} is not a finite number; leave the cell empty for a missing answer")
        elif self.valid_range is not None and not self.valid_range[0] <= value <= self.valid_range[1]:
            self.fail(f"{where}: {text} is outside {self.valid_range[0]:g}..{self.valid_range[1]:g}")
        else:
            return value
        return math.nan
