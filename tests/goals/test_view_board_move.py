"""The Eisenhower board: htmx move returns the board, full page redirects, bad quadrant is a 400."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_board_lists_goals_and_actions_by_quadrant(owner_client, make_goal):
    goal = make_goal(urgent=True, important=True)
    goal.actions.create(title="Ask Sam for ten minutes", urgent=False, important=False)
    page = owner_client.get(reverse("goals:board")).content.decode()
    assert page.index("Ask before advising") < page.index("Ask Sam for ten minutes")
    assert "Move to Schedule" in page


def test_htmx_move_returns_the_board(owner_client, make_goal):
    goal = make_goal()
    response = owner_client.post(
        reverse("goals:move"), {"kind": "goal", "item": goal.pk, "quadrant": "delegate"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and 'id="board"' in body
    goal.refresh_from_db()
    assert (goal.urgent, goal.important) == (True, False)


def test_full_page_move_of_an_action_redirects(owner_client, make_goal):
    action = make_goal().actions.create(title="Prepare questions")
    response = owner_client.post(reverse("goals:move"), {"kind": "action", "item": action.pk, "quadrant": "eliminate"})
    assert response.status_code == 302 and response["Location"] == reverse("goals:board")
    action.refresh_from_db()
    assert (action.urgent, action.important) == (False, False)


def test_unknown_quadrant_is_400(owner_client, make_goal):
    goal = make_goal()
    response = owner_client.post(
        reverse("goals:move"), {"kind": "goal", "item": goal.pk, "quadrant": "later"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400 and "four quadrants" in response.content.decode()
