"""Feedback fixtures: a request with four peers and a mentor; tests/feedback importable for helpers."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from feedback_helpers import make_request


@pytest.fixture
def listening(imported_guide):
    from peoplecraft.skillmap.selectors import skill_find

    return skill_find(guide=imported_guide, name="Active Listening")


@pytest.fixture
def peer_request(owner, imported_guide, listening):
    """Four peers and a mentor asked about Active Listening; returns (request, {email: link path}),
    the links as e-mailed to each rater (the learner never sees them)."""
    raters = [("peer", f"peer{i}@example.org") for i in range(1, 5)] + [("mentor", "mentor@example.org")]
    feedback_request, links = make_request(owner, imported_guide, [listening], raters, message="Be frank, please.")
    return feedback_request, {link.email: urlparse(link.url).path for link in links}


@pytest.fixture(autouse=True)
def _email_available(settings):
    """Tests deliver to the in-memory outbox and count it as e-mailing raters (see settings)."""
    settings.FEEDBACK_EMAIL_AVAILABLE = True


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Rater link hits are counted per address in the process cache; each test starts at zero."""
    from django.core.cache import cache

    cache.clear()
    yield
