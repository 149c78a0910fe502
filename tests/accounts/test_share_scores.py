"""The opt-in to the installation pool: the settings page and ``peoplecraft account share``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peoplecraft.accounts.models import User

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))


def _answers(path: Path) -> Path:
    keys = {"empathy-1": 1, "empathy-5": 1, "empathy-3": 1, "empathy-4": -1}
    path.write_text(json.dumps({"answers": [{"item": i, "answer": 4 if k == 1 else 2} for i, k in keys.items()]}))
    return path


@pytest.mark.django_db
def test_sharing_is_off_by_default(teammate):
    assert User.objects.get(pk=teammate.pk).share_anonymised_scores is False


@pytest.mark.django_db
def test_settings_page_explains_and_toggles_sharing(owner_client, owner):
    page = owner_client.get("/accounts/settings/").content.decode()
    assert "never" in page.lower() and "journal entries" in page and "drafts" in page and "20 or more" in page
    assert 'name="share_anonymised_scores"' in page and "checked" not in page
    response = owner_client.post("/accounts/settings/", {"share_anonymised_scores": "on"})
    assert response.status_code == 302
    assert User.objects.get(pk=owner.pk).share_anonymised_scores is True
    assert "checked" in owner_client.get("/accounts/settings/").content.decode()
    owner_client.post("/accounts/settings/", {})  # an unticked box is not sent at all
    assert User.objects.get(pk=owner.pk).share_anonymised_scores is False


@pytest.mark.django_db
def test_settings_page_is_linked_from_every_page_header(owner_client):
    assert 'href="/accounts/settings/"' in owner_client.get("/assess/").content.decode()


def test_account_share_command_toggles_and_the_validity_report_runs(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PEOPLECRAFT_HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([PEOPLECRAFT, *args], capture_output=True, text=True, env=env, timeout=120, check=False)

    on = run("account", "share", "--on")
    assert on.returncode == 0 and "Traceback" not in on.stderr, on.stderr
    assert on.stdout.startswith("Sharing anonymised per-skill answers and scores")
    off = run("account", "share", "--off")
    assert off.returncode == 0 and off.stdout == "Not sharing scores.\n"
    assert run("assess", "import", str(_answers(tmp_path / "a.json"))).returncode == 0
    assert run("account", "share", "--on").returncode == 0
    report = run("assess", "validity", "--format", "json")
    assert report.returncode == 0 and "Traceback" not in report.stderr, report.stderr
    document = json.loads(report.stdout)
    empathy = next(s for s in document["skills"] if s["skill"] == "Empathy")
    assert empathy["self_vs_others"] == {
        "n": 0,
        "r": None,
        "ci95": None,
        "conclusive": False,
        "text": "n = 0: too few to conclude",
    }
    assert empathy["members"] == 1 and empathy["self_vs_practice"]["text"] == "n = 0: too few to conclude"
    text = run("assess", "validity")
    assert (
        text.returncode == 0 and "Empathy (1 member)\n  self vs 360 others: n = 0: too few to conclude" in text.stdout
    )
    assert document["min_n"] == 20 and document["practice_window_days"] == 90
