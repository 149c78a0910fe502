"""Every main page runs at most 12 queries on a small and on a year-sized demo (with 360° feedback).

The same budget on both sizes is the point: a count that grows with the data is an N+1 query.
Each page is requested once first (registries and per-process caches load on first use), then
counted; the count includes the session and user queries every signed-in page pays.

Some pages show released 360° results, which the feedback app recomputes on every load (issue
12, item 2: released results as stored snapshots). Those pages are expected to fail the budget
(``xfail(strict=True)``, naming the feedback function), and their queries *outside* the feedback
app are held to the budget on their own.
"""

from __future__ import annotations

import traceback

import pytest
from django.db import connection
from django.test import Client

BUDGET = 12
PAGES = {
    "today": "/",
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
# Pages whose extra queries come from the feedback app, and the function that makes them.
FEEDBACK_COST = {
    "today": "feedback/integrations.py: _prompt_action (a closed 360's journal prompt, for two weeks after a release)",
    "skill map": "feedback/templatetags/feedback_others.py: guide_others_scores (the 'others' chips)",
    "skill page": "feedback/templatetags/feedback_others.py: skill_others_score (the 'others' score)",
    "assess results": "feedback/integrations.py: _others (others' scores per skill)",
    "journal list": "feedback/integrations.py: feedback_prompts (journal prompts from released results)",
    "journal search": "feedback/integrations.py: feedback_prompts (journal prompts from released results)",
    "weekly review": "feedback/integrations.py: released_feedback_items (the review's feedback section)",
}


def _param(page: str):
    if page in FEEDBACK_COST:
        return pytest.param(page, marks=pytest.mark.xfail(strict=True, reason=f"recomputed by {FEEDBACK_COST[page]}"))
    return page


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
        demo_create(owner=owner, size=request.param, seed=3)  # feedback requests included
        skill = Skill.objects.filter(area__guide__owner=owner, status="active").order_by("pk").first()
        latest = Assessment.objects.filter(owner=owner).exclude(completed_at=None).latest("completed_at")
        ids = {"skill": skill.pk, "area": skill.area_id, "assessment": latest.pk}
        yield owner, ids, request.param
        User.objects.all().delete()
        search_index_rebuild()


def _client(owner, url: str) -> Client:
    client = Client()
    client.force_login(owner)
    assert client.get(url).status_code == 200  # warm: registries and per-process caches load once
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("page", [_param(page) for page in PAGES])
def test_page_stays_within_the_query_budget(demo_world, page, django_assert_max_num_queries):
    owner, ids, _size = demo_world
    url = PAGES[page].format(**ids)
    client = _client(owner, url)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("page", list(FEEDBACK_COST))
def test_the_part_outside_feedback_stays_within_the_budget(demo_world, page):
    """Queries run while no frame of the feedback app is on the stack (lazy feedback querysets count as ours)."""
    owner, ids, _size = demo_world
    url = PAGES[page].format(**ids)
    client = _client(owner, url)
    counts = {"feedback": 0, "rest": 0}

    def count(execute, sql, params, many, context):
        inside = any("/peoplecraft/feedback/" in frame.filename for frame in traceback.extract_stack())
        counts["feedback" if inside else "rest"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200
    assert counts["feedback"] > 0  # the page does read feedback: otherwise it needs no xfail above
    assert counts["rest"] <= BUDGET, counts


@pytest.mark.django_db
def test_today_stays_within_the_budget_on_every_day_of_the_week(demo_world):
    """Today's providers run different reads on different days (the plan, the weekly review from Friday)."""
    from datetime import timedelta

    from django.utils import timezone

    from peoplecraft.dashboard.today import today_get

    owner, _ids, _size = demo_world
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    today_get(owner=owner, day=monday)  # warm: registries load once
    counts: dict[str, int] = {}

    def count(execute, sql, params, many, context):
        inside = any("/peoplecraft/feedback/" in frame.filename for frame in traceback.extract_stack())
        counts["feedback" if inside else "rest"] += 1
        return execute(sql, params, many, context)

    for day in (monday + timedelta(days=n) for n in range(7)):
        counts.update(feedback=0, rest=0)
        with connection.execute_wrapper(count):
            assert today_get(owner=owner, day=day).actions
        assert counts["rest"] <= BUDGET - 2, (day, counts)  # the page adds the session and user queries
