"""The CLI as a shell: every command documented, and a fresh data directory just works."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import typer

from peoplecraft.cli.main import app


def _commands(group, prefix: str = ""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")


def test_every_command_has_help_text():
    root = typer.main.get_command(app)
    missing = [name for name, command in _commands(root) if not (command.help or "").strip()]
    assert missing == []
    for name, command in _commands(root):
        for param in command.params:
            if param.param_type_name == "option":
                assert (param.help or "").strip(), f"{name} {param.opts}"


def _run(home, *args):
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "peoplecraft", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_fresh_data_directory_is_bootstrapped(tmp_path):
    home = tmp_path / "fresh"
    result = _run(home, "guide", "show", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["title"] == "Interpersonal Skills"
    assert sum(area["total"] for area in document["areas"]) == 52
    assert (home / "secret_key").stat().st_mode & 0o777 == 0o600
    database = sqlite3.connect(home / "peoplecraft.sqlite3")
    assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # readers never block the writer
    database.close()


def test_help_needs_no_database(tmp_path):
    result = _run(tmp_path / "untouched", "--help")
    assert result.returncode == 0 and "guide" in result.stdout
    assert not (tmp_path / "untouched" / "peoplecraft.sqlite3").exists()


def _leaf_commands(group, prefix: str = ""):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _leaf_commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}"


def test_every_command_is_in_the_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if "peoplecraft " in line]

    def documented(command: str) -> bool:
        group, _, verb = command.rpartition(" ")
        return any(
            f"peoplecraft {command}" in line or (group and f"peoplecraft {group} " in line and verb in line)
            for line in lines
        )

    assert [c for c in _leaf_commands(typer.main.get_command(app)) if not documented(c)] == []
