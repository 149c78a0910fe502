import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _current(body: str) -> list[str]:
    return [part.split(">", 1)[1].split("<", 1)[0] for part in body.split('aria-current="page"')[1:]]


def test_the_most_specific_section_is_current(owner_client, imported_guide):
    assert _current(owner_client.get(reverse("scenarios:list")).content.decode()) == ["Scenarios"]
    assert _current(owner_client.get(reverse("practice:today")).content.decode()) == ["Practice"]
    assert _current(owner_client.get(reverse("skillmap:map")).content.decode()) == ["Skill map"]


def test_every_step_of_the_method_is_in_the_navigation(owner_client, imported_guide):
    body = owner_client.get(reverse("skillmap:map")).content.decode()
    nav = body.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    for label in ("Skill map", "Assess", "Learn", "Practice", "Feedback", "Reflect"):
        assert f">{label}</a>" in nav
