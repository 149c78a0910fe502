"""``peoplecraft account …``: sign-in links, passwords, the name raters see and admin access."""

from __future__ import annotations

import sys

import typer

from peoplecraft.cli import context

app = typer.Typer(help="Sign-in links, passwords, your display name and admin access.", no_args_is_help=True)


@app.command("link")
def link(
    base_url: str = typer.Option("http://127.0.0.1:8000", help="Address the server is reached at."),
) -> None:
    """Print a new one-time sign-in link for the owner."""
    owner = context.owner()
    from peoplecraft.accounts.services import sign_in_link_create

    token = sign_in_link_create(user=owner)
    typer.echo(f"{base_url.rstrip('/')}/accounts/sign-in/link/{token}/")


@app.command("password")
def password() -> None:
    """Set a password for the owner, to sign in without a link (asked twice, never echoed)."""
    owner = context.owner()
    from django.core.exceptions import ValidationError

    from peoplecraft.accounts.services import user_set_password

    secret = _new_password()
    try:
        user_set_password(user=owner, password=secret)
    except ValidationError as error:
        context.fail(" ".join(error.messages))
    typer.echo(f"Password set for {owner.get_username()}.")


def _new_password() -> str:
    """Asked twice on a terminal (never echoed); from a script, the first line of standard input.

    Reading piped input through the terminal prompt would print both prompts on stdout and a
    GetPassWarning on stderr, so scripts get a plain read and a clear error when the line is empty.
    """
    if sys.stdin.isatty():
        return typer.prompt("New password", hide_input=True, confirmation_prompt=True, err=True)
    secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        context.fail("standard input held no password: the first line is read")
    return secret


@app.command("share")
def share(
    on: bool | None = typer.Option(
        None, "--on/--off", help="Share (or stop sharing) anonymised per-skill answers and scores; none: show."
    ),
) -> None:
    """Opt in to or out of the installation pool (aggregates of 20 or more people; never names, journal or drafts)."""
    owner = context.owner()
    if on is not None:
        from peoplecraft.accounts.services import user_share_scores_set

        user_share_scores_set(user=owner, share=on)
    if owner.share_anonymised_scores:
        typer.echo("Sharing anonymised per-skill answers and scores (only in aggregates of 20 or more people).")
    else:
        typer.echo("Not sharing scores.")


@app.command("name")
def name(
    new_name: str | None = typer.Argument(None, metavar="NAME", help='e.g. "Alex Doe"; "" goes back to the default.'),
) -> None:
    """Show or set the name raters and teammates see (never your account or OS user name)."""
    owner = context.owner()
    if new_name is not None:
        from django.core.exceptions import ValidationError

        from peoplecraft.accounts.services import user_display_name_set

        try:
            user_display_name_set(user=owner, name=new_name)
        except ValidationError as error:
            context.fail(f"NAME: {' '.join(error.messages)}")
    typer.echo(f"Raters and teammates see you as: {owner.display_name}")


@app.command("admin")
def admin(
    username: str | None = typer.Argument(None, help="The account; none: the owner."),
    grant: bool | None = typer.Option(None, "--grant/--revoke", help="Grant or revoke admin access; none: show."),
) -> None:
    """Show, grant or revoke access to the admin pages (/admin/) for an account.

    On a team server the owner is not an administrator by default: the admin shows every
    teammate's accounts and data, so access is given explicitly, here.
    """
    owner = context.owner()
    from peoplecraft.accounts.models import User

    user = owner if username is None else User.objects.filter(username=username).first()
    if user is None:
        context.fail(f"USERNAME: no account is called '{username}'")
    if grant is not None:
        from peoplecraft.accounts.services import user_admin_set

        user_admin_set(user=user, grant=grant)
    state = "has" if user.is_superuser and user.is_staff else "does not have"
    typer.echo(f"{user.get_username()} {state} admin access.")
