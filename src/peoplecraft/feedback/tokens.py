"""Rater tokens: 256 bits from ``secrets``, stored only as their SHA-256."""

from __future__ import annotations

import secrets

from peoplecraft.accounts.tokens import token_hash

TOKEN_BYTES = 32  # token_urlsafe(32): 256 bits, 43 characters


def token_new() -> tuple[str, str]:
    """A fresh raw token and the hash to store; the raw token is shown or mailed once, then gone."""
    raw = secrets.token_urlsafe(TOKEN_BYTES)
    return raw, token_hash(raw)


def rater_url(base_url: str, raw_token: str) -> str:
    return f"{base_url.rstrip('/')}/r/{raw_token}/"
