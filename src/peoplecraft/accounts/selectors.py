"""Reads for accounts."""

from __future__ import annotations

from django.utils import timezone

from peoplecraft.accounts.models import SignInToken
from peoplecraft.accounts.tokens import token_hash


def sign_in_token_is_valid(*, raw_token: str) -> bool:
    return SignInToken.objects.filter(
        token_hash=token_hash(raw_token), used_at__isnull=True, expires_at__gt=timezone.now()
    ).exists()
