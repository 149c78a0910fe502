"""Helpers for learning tests: find a skill of the imported guide by name."""

from __future__ import annotations

import pytest

from peoplecraft.skillmap import selectors as skillmap_selectors


@pytest.fixture(name="skill")
def skill_fixture():
    def find(guide, name):
        return skillmap_selectors.skill_find(guide=guide, name=name)

    return find
