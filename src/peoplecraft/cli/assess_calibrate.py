"""``assess analyze --update-instrument``: write measured reliability into the instrument file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from peoplecraft.cli import context


def update(path: Path, instrument, table, document: dict, *, responses: Path) -> None:
    """Rewrite the ``reliability:`` block of ``path``; notices go to stderr, problems exit 2."""
    from peoplecraft.assessment import calibration
    from peoplecraft.assessment.instrument import InstrumentError
    from peoplecraft.skillmap.notefile import NoteFileError, read_note_file, write_note_file

    source = f"assess analyze of {responses.name}, {date.today().isoformat()}"
    measured = calibration.measured_reliabilities(instrument, table, document, source=source)
    updates = {m.skill: m.reliability for m in measured if m.reliability is not None}
    for m in measured:
        if m.reliability is None:
            typer.echo(f"{m.skill}: not written ({m.reason}).", err=True)
    if not updates:
        context.fail(f"No skill could be measured; {path} is unchanged.")
    try:
        text = read_note_file(path)
        new_text = calibration.checked_update(text, instrument, updates, source=str(path))
        write_note_file(path, new_text, expected_current=text)
    except (NoteFileError, InstrumentError) as error:
        context.fail(str(error), code=context.EXIT_FAILURE)
    for skill, entry in updates.items():
        typer.echo(f"{skill}: alpha {entry.alpha:.3f}, SD {entry.sd:.1f}, n {entry.n} written to {path}.", err=True)
