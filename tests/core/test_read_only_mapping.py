"""Which errors mean "the data directory is read-only", and the 503 page outside and inside a view."""

from __future__ import annotations

import sqlite3

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import reverse

from peoplecraft.core import storage, views

pytestmark = pytest.mark.django_db


def _django_error(message: str, name: str = "") -> OperationalError:
    """What Django raises for a SQLite error: its own OperationalError caused by sqlite3's."""
    cause = sqlite3.OperationalError(message)
    if name:
        cause.sqlite_errorname = name
    try:
        raise OperationalError(message) from cause
    except OperationalError as error:
        return error


@pytest.fixture
def read_only_home(tmp_path, monkeypatch):
    problem = storage.ReadOnly(tmp_path, is_directory=True)
    monkeypatch.setattr(storage, "unwritable", lambda: problem)
    return tmp_path


def test_other_errors_are_not_a_read_only_data_directory(read_only_home):
    assert storage.read_only_cause(_django_error("no such table: journal_entry", "SQLITE_ERROR")) is None
    assert storage.read_only_cause(PermissionError(13, "Permission denied", "/etc/shadow")) is None
    assert storage.read_only_cause(ValueError("attempt to write a readonly database")) is None


def test_sqlite_errors_name_the_unwritable_path(read_only_home):
    for error in (
        _django_error("attempt to write a readonly database", "SQLITE_READONLY"),
        _django_error("unable to open database file", "SQLITE_CANTOPEN"),
    ):
        problem = storage.read_only_cause(error)
        assert problem is not None and problem.path == read_only_home
        assert str(problem).startswith(f"The data directory {read_only_home} is read-only")


def test_server_error_outside_a_view_is_the_read_only_page(read_only_home):
    request = RequestFactory().get("/skills/")
    try:
        raise _django_error("unable to open database file", "SQLITE_CANTOPEN")
    except OperationalError:
        response = views.server_error(request)  # Django calls it while handling the error
    assert response.status_code == 503
    assert "data directory is read-only" in response.content.decode()
    assert str(read_only_home) not in response.content.decode()
    try:
        raise _django_error("no such table: x", "SQLITE_ERROR")
    except OperationalError:
        assert views.server_error(request).status_code == 500


def test_a_view_failing_on_a_read_only_database_answers_503(owner_client, read_only_home, monkeypatch):
    from peoplecraft.journal import services

    def refuse(**kwargs):
        raise _django_error("attempt to write a readonly database", "SQLITE_READONLY")

    monkeypatch.setattr(services, "entry_create", refuse)
    form = {"entry_date": "2025-03-03", "template": "free", "body": "Listened first."}
    response = owner_client.post(reverse("journal:new"), form)
    assert response.status_code == 503
    assert "data directory is read-only" in response.content.decode()
