"""Attack 6 (issue 13): guessing the owner's password from many addresses is capped per account.

The pair limit (username and address) lets each new address guess afresh; an overall limit per
account sums failures from every address. The real owner, once locked out of password sign-in,
still gets in with a one-time sign-in link.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

PASSWORD = "correct horse battery staple"


def _attempt(address: str, password: str, username: str = "teammate"):
    return Client(REMOTE_ADDR=address).post(reverse("accounts:login"), {"username": username, "password": password})


@pytest.mark.django_db
def test_failures_from_many_addresses_lock_the_account(teammate, settings):
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 12
    below_pair_limit = settings.AXES_FAILURE_LIMIT - 1
    addresses = [f"203.0.113.{n}" for n in range(1, 4)]  # 3 addresses x 4 failures: 12, no pair at its limit
    statuses = [_attempt(address, "wrong guess").status_code for address in addresses for _ in range(below_pair_limit)]
    assert statuses == [200] * 11 + [429]  # the form again each time, until the twelfth failure for the account
    locked = _attempt("198.51.100.77", PASSWORD)  # a fresh address, even with the right password
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert _attempt("198.51.100.77", PASSWORD, username="outsider").status_code != 429  # other accounts unaffected


@pytest.mark.django_db
def test_below_the_account_limit_the_real_user_signs_in_from_elsewhere(teammate, settings):
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 12
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt("203.0.113.9", "wrong guess")
    assert _attempt("203.0.113.9", PASSWORD).status_code == 429  # that pair is locked
    assert _attempt("198.51.100.20", PASSWORD).status_code == 302  # the real user, from their address


@pytest.mark.django_db
def test_a_locked_account_still_signs_in_with_a_one_time_link(owner, settings):
    from peoplecraft.accounts.services import sign_in_link_create, user_set_password

    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 6
    user_set_password(user=owner, password=PASSWORD)
    for n in range(6):
        _attempt(f"203.0.113.{n + 1}", "wrong guess", username=owner.username)
    assert _attempt("198.51.100.5", PASSWORD, username=owner.username).status_code == 429
    client = Client(REMOTE_ADDR="198.51.100.5")
    token = sign_in_link_create(user=owner)
    response = client.post(reverse("accounts:sign_in_link", args=[token]))
    assert response.status_code == 302 and client.get("/skills/").status_code == 200
