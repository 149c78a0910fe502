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
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def console():
    """Rich output on stdout, markup off: names and titles come from the user's notes and may hold brackets."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, markup=False)


def id_column(header: str):
    """A table column for ids, which must be copied whole: it never wraps and is never cut with an ellipsis."""
    from rich.table import Column

    return Column(header, no_wrap=True)
