"""Security baseline: headers on every URL (error pages too), sign-in required, CSRF, throttling."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _named_patterns(patterns=None, namespace=""):
    """Every named URL pattern of the project except Django's admin internals."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _page_urls(guide) -> list[str]:
    """One concrete URL per named pattern (real ids of ``guide``), plus a 404 and the admin."""
    area = guide.areas.first()
    values = {
        "area_id": area.pk,
        "skill_id": area.skills.first().pk,
        "guide_id": guide.pk,
        "token": "not-a-token",
        # Ids with no object behind them still go through every middleware (a 404 page).
        "assessment_id": 999_999,
        "page": 1,
        "draft_id": 999_999,
        "scenario_id": "no-such-scenario",
        "play_id": 999_999,
        # Reflection journal and goals (issue 7)
        "entry_id": 999_999,
        "goal_id": 999_999,
        "action_id": 999_999,
        "milestone_id": 999_999,
        "item_id": 999_999,
        "card_id": "active-listening-1",
        "exercise_id": "active-listening-replay",
        "request_id": 999_999,
        "invitation_id": 999_999,
        "moment_id": 999_999,
        "day": "2026-01-05",  # a planned practice session's day
        "resource_id": "ted-treasure-listen",  # a catalogue entry
    }
    urls = []
    for name, pattern in _named_patterns():
        params = list(pattern.pattern.converters)
        missing = [param for param in params if param not in values]
        assert not missing, f"add a sample value for {missing} of {name} to this test"
        urls.append(reverse(name, kwargs={param: values[param] for param in params}))
    return [*urls, "/does-not-exist/", "/admin/"]


def _assert_headers(response, *, secure: bool) -> None:
    for name, value in BASE_HEADERS.items():
        if name == "Referrer-Policy" and response.wsgi_request.path.startswith("/r/"):
            value = "no-referrer"  # the feedback rater pages: stricter, so no link ever leaks onwards
        assert response[name] == value, name
    directives = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    if response["Content-Type"].startswith("text/html"):
        assert "unsafe" not in directives["style-src"]  # SVG images may carry matplotlib's inline styles
    assert "no-store" in response["Cache-Control"]
    if secure:
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize("secure", [False, True])
def test_every_page_carries_the_security_headers(owner_client, imported_guide, secure):
    for url in _page_urls(imported_guide):
        response = owner_client.get(url, secure=secure)
        assert response.status_code in (200, 302, 404, 405, 410), url
        _assert_headers(response, secure=secure)


def test_error_pages_carry_headers(client, owner):
    client.force_login(owner)
    response = client.get("/skills/area/999999/", secure=True)
    assert response.status_code == 404
    _assert_headers(response, secure=True)
    assert "not yours to see" in response.content.decode()


def test_private_pages_disable_htmx_history(owner_client, imported_guide):
    body = owner_client.get(reverse("skillmap:map")).content.decode()
    assert 'hx-history="false"' in body
    assert "<script>" not in body and " style=" not in body  # nothing inline for CSP to block


def test_everything_but_healthz_requires_sign_in(client, imported_guide):
    assert client.get("/healthz").json() == {"status": "ok"}
    public = ("/healthz", "/accounts/", "/does-not-exist/", "/r/")  # /r/: feedback raters have no account
    private = [url for url in _page_urls(imported_guide) if not url.startswith(public)]
    for url in private:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(("/accounts/sign-in/", "/admin/login/")), url


def test_csrf_is_enforced_on_forms_and_htmx(owner, imported_guide):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    skill = imported_guide.areas.first().skills.last()
    url = reverse("skillmap:status", args=[skill.pk])
    assert client.post(url, {"status": "done"}).status_code == 403
    assert client.post(url, {"status": "done"}, HTTP_HX_REQUEST="true").status_code == 403
    client.get(reverse("skillmap:map"))
    token = client.cookies["csrftoken"].value
    response = client.post(url, {"status": "done"}, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_passwords_are_hashed_with_argon2(teammate):
    assert teammate.password.startswith("argon2")


def _attempt(ip: str, password: str, username: str = "teammate"):
    client = Client(REMOTE_ADDR=ip)
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_throttling_is_per_username_and_address(teammate, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt("203.0.113.7", "wrong")
    locked = _attempt("203.0.113.7", "correct horse battery staple")
    assert locked.status_code == 429
    elsewhere = _attempt("198.51.100.20", "correct horse battery staple")
    assert elsewhere.status_code == 302  # the victim signs in from their own address


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "PEOPLECRAFT_HOME": str(tmp_path),
        "PEOPLECRAFT_HTTPS": "1",
        "PEOPLECRAFT_ALLOWED_HOSTS": "peoplecraft.example.org",
        "DJANGO_SETTINGS_MODULE": "peoplecraft.config.settings",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_server_error_page_carries_headers(owner, settings):
    from django.urls import path

    def boom(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("boom/", boom)], "handler500": "peoplecraft.core.views.server_error"}
    )
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    response = client.get("/boom/", secure=True)
    assert response.status_code == 500
    _assert_headers(response, secure=True)
    assert "Something went wrong" in response.content.decode()
