"""``peoplecraft serve``: bootstrap, run granian (a production server); a sign-in link on the first run.

A sign-in link is a key to the owner's account for a day: printed on every start, it would sit in
a team server's logs (systemd journal, container logs) for anyone who reads them. So it is printed
only on the first run, when the owner has just been created, or when asked with ``--sign-in-link``.
"""

from __future__ import annotations

import errno
import os
import socket

import typer

from peoplecraft.cli import context


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind; 0.0.0.0 for a team server."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int | None = typer.Option(
        None, min=1, max=64, help="Worker processes (default: one per CPU core)."
    ),
    sign_in_link: bool = typer.Option(
        False,
        "--sign-in-link",
        help="Print a new one-time sign-in link for the owner (always printed on the first run).",
    ),
) -> None:
    """Run Peoplecraft (the first run sets everything up and prints a one-time sign-in link)."""
    _check_port_free(host, port)
    owner, first_run = context.owner_first_run()
    from django.conf import settings

    from peoplecraft.core.storage import unwritable

    if (problem := unwritable()) is not None:  # say so now, not at the first sign-in or answer
        context.fail(str(problem), code=context.EXIT_FAILURE)

    from peoplecraft.accounts.services import sign_in_link_create

    base_url = settings.BASE_URL or f"http://{_display_host(host)}:{port}"
    typer.echo(f"Peoplecraft is running at {base_url}/")
    if first_run or sign_in_link:
        token = sign_in_link_create(user=owner)
        typer.echo(f"Open this one-time sign-in link: {base_url}/accounts/sign-in/link/{token}/")
    else:
        typer.echo(
            f"To sign in, use your password or a new one-time link: peoplecraft account link --base-url {base_url}"
        )
        typer.echo("(or restart with: peoplecraft serve --sign-in-link)")
    typer.echo(f"Data directory: {settings.HOME}")
    workers = workers or default_workers()
    from django.db import connections

    connections.close_all()  # a SQLite connection must not cross the fork into the workers
    _run_granian(host, port, workers)


def default_workers() -> int:
    """One worker process per CPU core the process may use: Django views block, so a second
    core only helps through a second process (measured 1.9–2.1× at 8 concurrent clients)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 64))


def _display_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 - only choosing what to print
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            reason = "is already in use" if error.errno == errno.EADDRINUSE else f"cannot be used ({error.strerror})"
            context.fail(f"{host}:{port} {reason}; choose another with --port", code=context.EXIT_FAILURE)


def _run_granian(host: str, port: int, workers: int) -> None:
    import sys

    from granian import Granian
    from granian.constants import Interfaces

    sys.stdout.flush()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peoplecraft.config.settings")
    Granian(
        target="peoplecraft.config.wsgi:application",
        address=host,
        port=port,
        workers=workers,
        interface=Interfaces.WSGI,
        # Django views block; a few threads per worker is plenty and keeps SQLite contention low.
        blocking_threads=max(2, os.cpu_count() or 2),
        backpressure=64,
        log_access=False,
    ).serve()
