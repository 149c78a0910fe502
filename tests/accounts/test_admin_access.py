"""Who is an administrator: the owner of a personal installation; on a team server, only whom the CLI names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))


@pytest.mark.django_db
def test_a_personal_installation_makes_its_owner_the_administrator():
    from peoplecraft.accounts.services import owner_ensure_created

    owner, created = owner_ensure_created()
    assert created and owner.is_superuser and owner.is_staff
    assert owner_ensure_created() == (owner, False)


@pytest.mark.django_db
@override_settings(TEAM_SERVER=True, ORGANISATION_NAME="Acme")
def test_a_team_server_owner_is_not_an_administrator(client):
    from peoplecraft.accounts.services import owner_ensure

    owner = owner_ensure()
    assert not owner.is_superuser and not owner.is_staff
    client.force_login(owner)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def _run(home: Path, *args: str, organisation: str = "Acme") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"PEOPLECRAFT_HOME": str(home), "PEOPLECRAFT_ORGANISATION": organisation}
    return subprocess.run([PEOPLECRAFT, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_account_admin_grants_and_revokes_on_a_team_server(tmp_path):
    shown = _run(tmp_path, "account", "admin")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.endswith(" does not have admin access.\n")
    granted = _run(tmp_path, "account", "admin", "--grant")
    assert granted.returncode == 0 and granted.stdout.endswith(" has admin access.\n"), granted.stderr
    assert _run(tmp_path, "account", "admin").stdout.endswith(" has admin access.\n")
    revoked = _run(tmp_path, "account", "admin", "--revoke")
    assert revoked.stdout.endswith(" does not have admin access.\n")
    unknown = _run(tmp_path, "account", "admin", "nobody", "--grant")
    assert unknown.returncode == 2 and "no account is called 'nobody'" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_a_personal_installation_owner_has_admin_access(tmp_path):
    shown = _run(tmp_path, "account", "admin", organisation="")
    assert shown.returncode == 0 and shown.stdout.endswith(" has admin access.\n"), shown.stderr
