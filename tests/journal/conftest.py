from __future__ import annotations

from datetime import date

import pytest

from peoplecraft.journal import services


@pytest.fixture
def make_entry(owner):
    def make(body="Talked with Sam about the deadline.", *, who=None, **fields):
        data = services.EntryInput(entry_date=fields.pop("entry_date", date(2025, 3, 3)), body=body, **fields)
        return services.entry_create(owner=who or owner, data=data)

    return make
