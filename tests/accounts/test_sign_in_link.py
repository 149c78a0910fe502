"""One-time sign-in links: confirm on GET, spend on POST, never twice, never expired."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.accounts.models import SignInToken
from peoplecraft.accounts.services import sign_in_link_create

pytestmark = pytest.mark.django_db


def test_link_signs_in_once(client, owner):
    token = sign_in_link_create(user=owner)
    url = reverse("accounts:sign_in_link", args=[token])
    assert client.get(url).status_code == 200
    assert client.get(reverse("skillmap:map")).status_code == 302  # GET did not sign in
    response = client.post(url)
    assert response.status_code == 302
    assert client.get(reverse("skillmap:map")).status_code == 200
    client.logout()
    assert client.post(url).status_code == 410


def test_expired_link_is_refused(client, owner):
    token = sign_in_link_create(user=owner)
    SignInToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("accounts:sign_in_link", args=[token])).status_code == 410
    assert client.post(reverse("accounts:sign_in_link", args=[token])).status_code == 410


def test_only_the_hash_is_stored(owner):
    token = sign_in_link_create(user=owner)
    stored = SignInToken.objects.get()
    assert token not in stored.token_hash and len(stored.token_hash) == 64


def test_sign_out_requires_post(owner_client):
    response = owner_client.post(reverse("accounts:logout"))
    assert response.status_code == 200
    assert owner_client.get(reverse("skillmap:map")).status_code == 302
