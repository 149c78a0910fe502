"""Attack 3 (issue 13): the learner, signed in as the installation's superuser, uses the admin.

The learner owns the installation, so on a laptop they are its admin. Whatever the admin shows,
it must not tell who answered, declined or drafted, nor let query strings reach fields that the
admin does not offer as filters (Django allows any local-field lookup and JSON key transforms
by default, whatever ``list_filter`` says).
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import models

PRIVATE_APPS = {"feedback", "writing", "journal"}


@pytest.fixture
def superuser_client(client, owner):
    owner.is_staff = owner.is_superuser = True
    owner.save(update_fields=["is_staff", "is_superuser"])
    client.force_login(owner)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "?state=answered",
        "?state=declined",
        "?state__exact=open",
        "?draft__isnull=False",
        "?draft__comments__0__icontains=a",
        "?draft__ratings__has_key=1",
        "?email__icontains=peer1",
    ],
)
def test_the_admin_does_not_list_invitations_by_state_or_draft(superuser_client, peer_request, query):
    response = superuser_client.get(f"/admin/feedback/invitation/{query}")
    assert response.status_code == 404, f"/admin/feedback/invitation/{query} answered {response.status_code}"
    assert b"peer1@example.org" not in response.content


@pytest.mark.django_db
def test_no_feedback_writing_or_journal_model_is_registered(superuser_client, peer_request):
    registered = sorted(f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry)
    private = [name for name in registered if name.split(".")[0] in PRIVATE_APPS]
    assert private == [], f"private models in the admin: {private}"
    index = superuser_client.get("/admin/").content.decode()
    for app in PRIVATE_APPS:
        assert f"/admin/{app}/" not in index
    assert superuser_client.get("/admin/feedback/feedbackrequest/").status_code == 404
    assert superuser_client.get("/admin/writing/draft/?text__icontains=a").status_code == 404


def _declared(model_admin, request) -> set[str]:
    """The field paths the admin offers as filters or as its date hierarchy."""
    names = {model_admin.date_hierarchy} if model_admin.date_hierarchy else set()
    for item in model_admin.get_list_filter(request):
        if isinstance(item, str):
            names.add(item)
        elif isinstance(item, (list, tuple)):
            names.add(item[0])
    return names


def _probes(model: type[models.Model], declared: set[str]) -> list[str]:
    """Query strings an attacker would try: every undeclared field, relations and JSON keys."""
    probes = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name in declared:
            continue
        probes.append(f"{field.name}=1")
        probes.append(f"{field.name}__isnull=False")
        if isinstance(field, models.JSONField):
            probes.append(f"{field.name}__comments__icontains=a")
        elif isinstance(field, (models.CharField, models.TextField)):
            probes.append(f"{field.name}__icontains=a")
        if field.is_relation and field.related_model is not None:
            for remote in field.related_model._meta.get_fields():
                if getattr(remote, "concrete", False) and not remote.is_relation:
                    probes.append(f"{field.name}__{remote.name}__icontains=a")
    return probes


@pytest.mark.django_db
def test_no_registered_admin_accepts_an_undeclared_lookup(superuser_client, rf, owner):
    request = rf.get("/admin/")
    request.user = owner
    tried = 0
    for model, model_admin in admin.site._registry.items():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert superuser_client.get(url).status_code == 200, url
        for probe in _probes(model, _declared(model_admin, request)):
            response = superuser_client.get(f"{url}?{probe}")
            tried += 1
            assert response.status_code == 400, f"{url}?{probe} answered {response.status_code}"
    assert tried > 50


@pytest.mark.django_db
def test_declared_filters_still_work(superuser_client):
    assert superuser_client.get("/admin/accounts/user/?is_active__exact=1").status_code == 200
    assert superuser_client.get("/admin/accounts/user/?groups__id__exact=1").status_code == 200
