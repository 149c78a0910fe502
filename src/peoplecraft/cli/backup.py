"""``peoplecraft backup create|restore``: the whole installation as one JSON file, and back."""

from __future__ import annotations

from pathlib import Path

import typer

from peoplecraft.cli import context

app = typer.Typer(help="Lossless backup of everything, and restore into a new installation.", no_args_is_help=True)


@app.command("create")
def create(path: Path = typer.Argument(..., help="File to write (mode 0600: it holds private data).")) -> None:
    """Write every user's data to one JSON file, atomically."""
    context.owner()
    from peoplecraft.exchange.backup import BackupError, backup_write

    try:
        count = backup_write(path)
    except BackupError as error:
        context.fail(str(error))
    typer.echo(f"Backed up {count} records to {path}")


@app.command("restore")
def restore(
    path: Path = typer.Argument(..., help="A file written by 'peoplecraft backup create'."),
    other_sealing_key: bool = typer.Option(
        False,
        "--other-sealing-key",
        help="Restore a backup made under another sealing key: open 360° requests and moments are closed "
        "and their unreleased answers, which only that key opens, are left out.",
    ),
) -> None:
    """Load a backup into an empty installation (a new PEOPLECRAFT_HOME or database).

    360° feedback needs the sealing key of the installation the backup came from (see docs/backup.md)."""
    context.setup_django()
    from peoplecraft.core.bootstrap import migrate_database
    from peoplecraft.exchange.backup import BackupError, backup_read, backup_restore

    migrate_database()
    try:
        count = backup_restore(backup_read(path), other_sealing_key=other_sealing_key)
    except BackupError as error:
        context.fail(str(error))
    typer.echo(f"Restored {count} records from {path}")
