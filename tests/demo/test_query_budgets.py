"""Every main page outside feedback runs at most 12 queries on a small and on a year-sized demo.

The same budget on both sizes is the point: a count that grows with the data is an N+1 query.
Each page is requested once first (registries and per-process caches load on first use), then
counted; the count includes the session and user queries every signed-in page pays.
"""

from __future__ import annotations

import pytest
from django.test import Client

BUDGET = 12
PAGES = {
    "skill map": "/skills/",
    "skill page": "/skills/skill/{skill}/",
    "area page": "/skills/area/{area}/",
    "assess list": "/assess/",
    "assess results": "/assess/{assessment}/",
    "assess history": "/assess/skill/{skill}/",
    "journal list": "/journal/",
    "journal search": "/journal/?q=meeting",
    "progress": "/progress/",
    "weekly review": "/goals/review/",
    "practice today": "/practice/",
    "practice log": "/practice/log/",
    "practice plan": "/practice/plan/",
    "goals board": "/goals/board/",
    "goals list": "/goals/",
    "writing editor": "/write/",
    "learn catalogue": "/learn/catalogue/",
}


@pytest.fixture(scope="module", params=["small", "year"])
def demo_world(request, django_db_setup, django_db_blocker):
    """A demo of one size, built once per module and removed afterwards (it lives outside the tests' transactions)."""
    from peoplecraft.accounts.models import User
    from peoplecraft.accounts.services import owner_ensure
    from peoplecraft.assessment.models import Assessment
    from peoplecraft.demo.services import demo_create
    from peoplecraft.journal.services import search_index_rebuild
    from peoplecraft.skillmap.models import Skill

    with django_db_blocker.unblock():
        owner = owner_ensure()
        demo_create(owner=owner, size=request.param, seed=3)
        skill = Skill.objects.filter(area__guide__owner=owner, status="active").order_by("pk").first()
        latest = Assessment.objects.filter(owner=owner).exclude(completed_at=None).latest("completed_at")
        ids = {"skill": skill.pk, "area": skill.area_id, "assessment": latest.pk}
        yield owner, ids, request.param
        User.objects.all().delete()
        search_index_rebuild()


@pytest.mark.django_db
@pytest.mark.parametrize("page", list(PAGES))
def test_page_stays_within_the_query_budget(demo_world, page, django_assert_max_num_queries):
    owner, ids, _size = demo_world
    client = Client()
    client.force_login(owner)
    url = PAGES[page].format(**ids)
    assert client.get(url).status_code == 200  # warm: registries and per-process caches load once
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200
