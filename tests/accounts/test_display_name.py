"""The name raters and teammates see (issue 14, item 3): one source, ``User.display_name``, never the OS user name."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peoplecraft.accounts.models import User

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))


@pytest.mark.django_db
def test_the_owner_is_shown_neutrally_until_they_give_a_name(owner):
    assert owner.username  # the OS user name (or "owner")
    assert owner.display_name == "Your colleague"
    assert owner.username not in owner.display_name


@pytest.mark.django_db
def test_a_full_name_from_the_admin_is_used_when_no_name_was_chosen(teammate):
    teammate.first_name, teammate.last_name = "Sam", "Lee"
    assert teammate.display_name == "Sam Lee"
    teammate.public_name = "Sam"
    assert teammate.display_name == "Sam"


@pytest.mark.django_db
def test_settings_page_sets_and_clears_the_name(owner_client, owner):
    page = owner_client.get("/accounts/settings/").content.decode()
    assert "Your colleague" in page and 'name="public_name"' in page
    response = owner_client.post("/accounts/settings/name/", {"public_name": "  Alex   Doe "})
    assert response.status_code == 302 and response["Location"] == "/accounts/settings/"
    assert User.objects.get(pk=owner.pk).display_name == "Alex Doe"
    page = owner_client.get("/accounts/settings/").content.decode()
    assert "Raters and teammates now see you as “Alex Doe”" in page and 'value="Alex Doe"' in page
    owner_client.post("/accounts/settings/name/", {"public_name": ""})
    assert User.objects.get(pk=owner.pk).display_name == "Your colleague"


@pytest.mark.django_db
def test_settings_page_refuses_a_bad_name_next_to_the_field(owner_client, owner):
    response = owner_client.post("/accounts/settings/name/", {"public_name": "x" * 101})
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()
    response = owner_client.post("/accounts/settings/name/", {"public_name": "Alex\x07Doe"})
    assert response.status_code == 400 and "control characters" in response.content.decode()
    assert User.objects.get(pk=owner.pk).public_name == ""


@pytest.mark.django_db
def test_the_name_is_escaped_on_the_page(owner_client):
    owner_client.post("/accounts/settings/name/", {"public_name": "<script>alert(1)</script>"})
    page = owner_client.get("/accounts/settings/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PEOPLECRAFT_HOME": str(home)}
    return subprocess.run([PEOPLECRAFT, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_account_name_command_sets_shows_and_refuses(tmp_path):
    shown = _run(tmp_path, "account", "name")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == "Raters and teammates see you as: Your colleague\n"
    assert getpass.getuser() not in shown.stdout
    done = _run(tmp_path, "account", "name", "Alex Doe")
    assert done.returncode == 0 and done.stdout == "Raters and teammates see you as: Alex Doe\n", done.stderr
    assert _run(tmp_path, "account", "name").stdout == "Raters and teammates see you as: Alex Doe\n"
    bad = _run(tmp_path, "account", "name", "y" * 101)
    assert bad.returncode == 2 and "NAME: a name has at most 100 characters" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert _run(tmp_path, "account", "name").stdout.endswith("Alex Doe\n")  # unchanged


def _first_run_on_a_terminal(home: Path, typed: bytes) -> tuple[str, str]:
    """Run ``account name`` for the first time with a terminal as stdin and stderr; return (stdout, terminal)."""
    import pty
    import select

    primary, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PEOPLECRAFT_HOME": str(home)}
    process = subprocess.Popen(
        [PEOPLECRAFT, "account", "name"], stdin=secondary, stderr=secondary, stdout=subprocess.PIPE, env=env
    )
    os.close(secondary)
    os.write(primary, typed)
    seen = b""
    try:
        while process.poll() is None or select.select([primary], [], [], 0)[0]:
            if select.select([primary], [], [], 0.2)[0]:
                try:
                    seen += os.read(primary, 4096)
                except OSError:  # the terminal closed with the process
                    break
        out = process.stdout.read().decode()
        process.wait(timeout=60)
    finally:
        os.close(primary)
        process.stdout.close()
    return out, seen.decode(errors="replace")


def test_the_first_run_on_a_terminal_asks_for_the_name(tmp_path):
    out, terminal = _first_run_on_a_terminal(tmp_path / "home", b"Alex Doe\n")
    assert "Your name, as raters and teammates will see it" in terminal
    assert out == "Raters and teammates see you as: Alex Doe\n"
    assert _run(tmp_path / "home", "account", "name").stdout.endswith("Alex Doe\n")  # asked once: now a script


def test_the_first_run_on_a_terminal_keeps_the_neutral_default_on_enter(tmp_path):
    out, terminal = _first_run_on_a_terminal(tmp_path / "home", b"\n")
    assert "Raters will see you as 'Your colleague'" in terminal
    assert out == "Raters and teammates see you as: Your colleague\n"
