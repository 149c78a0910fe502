"""``peoplecraft write check``: the writing coach on files or stdin (no database needed)."""

from __future__ import annotations

import enum
import json
import sys

import typer

from peoplecraft.cli import context

app = typer.Typer(help="The written-communication coach.", no_args_is_help=True)


class WriteFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"


class Context(enum.StrEnum):
    GENERAL = "general"
    EMAIL = "email"
    REPORT = "report"
    SOCIAL = "social"


class FailOn(enum.StrEnum):
    WARNING = "warning"
    ERROR = "error"


_RANK = {"info": 0, "warning": 1, "error": 2}


@app.command("check")
def check(
    files: list[str] = typer.Argument(..., help="Files to check, or - for standard input."),
    text_context: Context = typer.Option(Context.GENERAL, "--context", help="Where the text is going."),
    output: WriteFormat = typer.Option(WriteFormat.TEXT, "--format", help="text, json (one document) or jsonl."),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help="Exit 1 when a finding reaches this severity."),
    markdown: bool | None = typer.Option(
        None,
        "--markdown/--plain",
        help="Read the texts as Markdown (skip front matter, code, link targets, HTML) or as plain text. "
        "Default: Markdown for .md and .markdown files, plain text otherwise (and for -).",
    ),
) -> None:
    """Check texts for readability, passive voice, hedges, wordiness, inclusive language and tone."""
    from peoplecraft.writing.analyzer import analyze
    from peoplecraft.writing.analyzer.markdown_mask import is_markdown_name
    from peoplecraft.writing.textfile import TextInputError, read_text_input

    documents = []
    for name in files:
        try:
            text = read_text_input(name)
        except TextInputError as error:
            context.fail(str(error))
        as_markdown = is_markdown_name(name) if markdown is None else markdown
        result = analyze(text, context=text_context.value, markdown=as_markdown)
        documents.append(({"path": name, "markdown": as_markdown, **result.to_dict()}, text))
    _print(documents, output)
    if fail_on and _worst(documents) >= _RANK[fail_on.value]:
        raise typer.Exit(code=context.EXIT_FAILURE)


def _worst(documents) -> int:
    return max((_RANK[f["severity"]] for doc, _ in documents for f in doc["findings"]), default=-1)


def _print(documents, output: WriteFormat) -> None:
    if output is WriteFormat.JSON:
        body = documents[0][0] if len(documents) == 1 else {"documents": [doc for doc, _ in documents]}
        json.dump(body, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif output is WriteFormat.JSONL:
        for doc, _ in documents:
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        from peoplecraft.cli.write_report import print_report

        for doc, text in documents:
            print_report(doc, text)
