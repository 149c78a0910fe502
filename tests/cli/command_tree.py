"""Questions about the CLI's own command tree, shared by the tests that check option names."""

from __future__ import annotations

from typer.main import get_command

from peoplecraft.cli.main import app


def names_of(*path: str) -> set[str]:
    """Every option (``--x``) and argument (by its name in --help) of one command, from Typer itself."""
    command = get_command(app)
    for name in path:
        command = command.commands[name]
    names = set()
    for param in command.params:
        names |= {*param.opts, *param.secondary_opts} if param.param_type_name == "option" else {param.name}
    return names
