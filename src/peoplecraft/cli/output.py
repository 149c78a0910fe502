"""Printing helpers: one JSON document on stdout for ``--format json``, Rich tables otherwise."""

from __future__ import annotations

import enum
import json
import sys
from typing import Any


class OutputFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


def print_json(document: Any) -> None:
    """Print ``document`` as one JSON document; a NaN or infinity in it is an error, not ``Infinity``.

    JSON has no non-finite numbers: printing them would hand scripts a document they cannot parse.
    The text is built first, so a failure prints nothing on stdout.
    """
    try:
        text = json.dumps(document, ensure_ascii=False, indent=2, default=str, allow_nan=False)
    except ValueError:
        from peoplecraft.cli.context import EXIT_FAILURE, fail

        fail(
            "the output holds a number that is not finite (NaN or infinity), which JSON cannot carry;"
            " nothing was printed",
            code=EXIT_FAILURE,
        )
    sys.stdout.write(text + "\n")


# Width of tables written to a pipe or file: Rich would assume 80 columns and cut titles to "Ne…".
PIPE_WIDTH = 200


def console():
    """Rich output on stdout, markup off: names and titles come from the user's notes and may hold brackets.

    Written to a pipe or a file (``| grep``, ``> list.txt``), lines may be long but are not cut;
    ``COLUMNS`` still decides when it is set.
    """
    import os

    from rich.console import Console

    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else PIPE_WIDTH
    return Console(highlight=False, soft_wrap=False, markup=False, width=width)


def id_column(header: str):
    """A table column for ids, which must be copied whole: it never wraps and is never cut with an ellipsis."""
    from rich.table import Column

    return Column(header, no_wrap=True)
