"""Download every entry as Dendron journal notes: the owner's entries only, same files as the CLI export."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from peoplecraft.journal.exchange import journal_export
from peoplecraft.journal.services import EntryInput, entry_create

pytestmark = pytest.mark.django_db


def test_zip_holds_the_same_notes_as_the_folder_export(owner_client, owner, imported_guide, tmp_path):
    entry_create(owner=owner, data=EntryInput(entry_date=date(2026, 11, 2), title="Retro", body="I listened first."))
    entry_create(owner=owner, data=EntryInput(entry_date=date(2026, 11, 3), body="Ünïcode and 🎉 survive."))
    response = owner_client.get(reverse("journal:export"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="peoplecraft-journal-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    written = {
        path.name: path.read_text(encoding="utf-8") for path in journal_export(owner=owner, folder=tmp_path / "out")
    }
    assert {name: archive.read(name).decode("utf-8") for name in archive.namelist()} == written
    assert any(name.startswith("journal.2026.11.02.retro") for name in written)


def test_others_download_only_their_own(client, outsider, owner, imported_guide):
    entry_create(owner=owner, data=EntryInput(entry_date=date(2026, 11, 2), body="Private."))
    client.force_login(outsider)
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("journal:export")).content))
    assert archive.namelist() == []
