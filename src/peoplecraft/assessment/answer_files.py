"""Read a file of self-assessment answers (CSV or JSON). Pure module: no Django.

Every problem is collected before failing, each naming the file and the line, so nothing is
stored from a file with any mistake in it (see docs/assessment.md, "Importing answers").

CSV: a header ``item,answer`` then one row per item; an empty answer (or ``s``) is a skipped item,
``0`` (or ``n``) is "No such occasion" on items whose format offers it.
JSON: ``{"taken_at": "2025-03-01T09:00:00Z" (optional), "answers": [{"item": ID, "answer": N}, ...]}``
(``"answer": null`` is a skipped item).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from peoplecraft.assessment.instrument import NO_OCCASION, Item

SKIP_MARKS = {"", "s", "skip", "skipped"}
NO_OCCASION_MARKS = {"n", "no such occasion"}


class AnswerFileError(ValueError):
    """The file cannot be imported; ``problems`` lists every problem, each with file and line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class AnswerFile:
    answers: dict[str, int | None]
    taken_at: datetime | None = None

    @property
    def digest(self) -> str:
        """SHA-256 of the normalised content: answers sorted by item id (``null`` for a skipped
        item, whichever way the file wrote it) and ``taken_at`` in UTC. The same answers in CSV
        or JSON, in any row order, give the same digest; another ``taken_at`` gives another."""
        taken_at = None if self.taken_at is None else self.taken_at.astimezone(UTC).isoformat()
        content = {"answers": sorted(self.answers.items()), "taken_at": taken_at}
        return hashlib.sha256(json.dumps(content, separators=(",", ":")).encode()).hexdigest()


def read_answer_file(path: str | Path, items: Mapping[str, Item]) -> AnswerFile:
    """Read and check answers against ``items`` (item id -> item) of the learner's guide."""
    path = Path(path)
    text = _read_text(path)
    if path.suffix.casefold() == ".json":
        return _Reader(str(path), items).json(text)
    if path.suffix.casefold() == ".csv":
        return _Reader(str(path), items).csv(text)
    raise AnswerFileError([f"{path}: unknown file type {path.suffix or '(none)'!r}; use .csv or .json"])


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnswerFileError([f"{path}: cannot read file: {exc.strerror or exc}"]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AnswerFileError(
            [f"{path}, line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"]
        ) from None


class _Reader:
    def __init__(self, name: str, items: Mapping[str, Item]) -> None:
        self.name = name
        self.items = items
        self.problems: list[str] = []
        self.answers: dict[str, int | None] = {}
        self.lines: dict[str, int] = {}

    def fail(self, line: int | None, problem: str) -> None:
        where = f", line {line}" if line else ""
        self.problems.append(f"{self.name}{where}: {problem}")

    def done(self, taken_at: datetime | None = None) -> AnswerFile:
        if not self.problems and not self.answers:
            self.fail(None, "no answers in the file")
        if self.problems:
            raise AnswerFileError(self.problems)
        return AnswerFile(self.answers, taken_at)

    def answer(self, line: int | None, item_id: str, raw: object) -> None:
        item = self.items.get(item_id)
        if item is None:
            self.fail(line, f"unknown item id {item_id!r}")
            return
        if item_id in self.lines:
            self.fail(line, f"item {item_id!r} appears twice (first on line {self.lines[item_id]})")
            return
        self.lines[item_id] = line or 0
        value = self.value(line, item, raw)
        if value is not False:
            self.answers[item_id] = value

    def value(self, line: int | None, item: Item, raw: object) -> int | bool | None:
        if raw is None or (isinstance(raw, str) and raw.strip().casefold() in SKIP_MARKS):
            return None
        text = str(raw).strip()
        number = raw if type(raw) is int else (int(text) if text.lstrip("-").isdigit() else None)
        if text.casefold() in NO_OCCASION_MARKS and item.scale.no_occasion:
            number = NO_OCCASION
        if number is None or not item.scale.accepts(number):
            self.fail(line, f"item {item.id!r}: answer {text!r} is not on the scale {item.scale.describe()}")
            return False
        return number

    def csv(self, text: str) -> AnswerFile:
        rows = csv.reader(io.StringIO(text, newline=""))
        header = [cell.strip().casefold() for cell in next(rows, [])]
        if header[:2] != ["item", "answer"]:
            self.fail(1, "expected the header 'item,answer'")
            raise AnswerFileError(self.problems)
        for cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != 2:
                self.fail(rows.line_num, f"expected 2 columns (item, answer), found {len(cells)}")
                continue
            self.answer(rows.line_num, cells[0].strip(), cells[1])
        return self.done()

    def json(self, text: str) -> AnswerFile:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            self.fail(exc.lineno, f"not valid JSON: {exc.msg}")
            raise AnswerFileError(self.problems) from None
        if not isinstance(data, dict) or not isinstance(data.get("answers"), list):
            self.fail(1, 'expected an object with an "answers" list')
            raise AnswerFileError(self.problems)
        taken_at = self.taken_at(data.get("taken_at"), text)
        seen: dict[str, int] = {}
        for index, entry in enumerate(data["answers"]):
            if not isinstance(entry, dict) or not isinstance(entry.get("item"), str) or "answer" not in entry:
                self.fail(None, f'answers[{index}]: expected {{"item": ID, "answer": N}}')
                continue
            item_id = entry["item"]
            seen[item_id] = seen.get(item_id, 0) + 1
            self.answer(_json_line(text, item_id, seen[item_id]), item_id, entry["answer"])
        return self.done(taken_at)

    def taken_at(self, raw: object, text: str) -> datetime | None:
        if raw is None:
            return None
        try:
            value = datetime.fromisoformat(str(raw))
        except ValueError:
            value = None
        if value is None or value.tzinfo is None:
            self.fail(_json_line(text, str(raw), 1), f"taken_at {raw!r} must be an ISO date-time with a time zone")
            return None
        return value


def _json_line(text: str, needle: str, occurrence: int) -> int | None:
    """The line of the ``occurrence``-th appearance of ``needle`` as a JSON string."""
    quoted, start = json.dumps(needle), -1
    for _ in range(occurrence):
        start = text.find(quoted, start + 1)
        if start < 0:
            return None
    return text.count("\n", 0, start) + 1
