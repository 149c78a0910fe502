"""Reads for accounts."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from peoplecraft.accounts.models import SignInToken, User
from peoplecraft.accounts.tokens import token_hash


def owner_get() -> User | None:
    return User.objects.filter(is_owner=True).order_by("pk").first()


def sign_in_token_is_valid(*, raw_token: str) -> bool:
    return SignInToken.objects.filter(
        token_hash=token_hash(raw_token), used_at__isnull=True, expires_at__gt=timezone.now()
    ).exists()


def user_list() -> QuerySet[User]:
    return User.objects.order_by("username")
