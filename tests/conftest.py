"""Shared fixtures: named personas and the user's real guide note.

Personas: ``owner`` (set up on first run), ``teammate`` (another learner on the same
server), ``outsider`` (a signed-in stranger who must never see anyone's data).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURE_GUIDE = REPO_ROOT / "tests" / "fixtures" / "guide.md"


@pytest.fixture
def guide_bytes() -> bytes:
    """The user's real note, byte for byte."""
    return FIXTURE_GUIDE.read_bytes()


@pytest.fixture
def guide_path(tmp_path: Path) -> Path:
    """A private, writable copy of the real note."""
    target = tmp_path / "notes" / "guide.md"
    target.parent.mkdir()
    shutil.copyfile(FIXTURE_GUIDE, target)
    return target


@pytest.fixture
def owner(db):
    from peoplecraft.accounts.services import owner_ensure

    return owner_ensure()


@pytest.fixture
def teammate(db):
    from peoplecraft.accounts.models import User

    return User.objects.create_user(username="teammate", password="correct horse battery staple")


@pytest.fixture
def outsider(db):
    from peoplecraft.accounts.models import User

    return User.objects.create_user(username="outsider", password="another long passphrase")


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def imported_guide(owner, guide_path):
    from peoplecraft.skillmap.services import guide_import

    return guide_import(owner=owner, path=guide_path)
