"""Token hashing shared by the services that store tokens and the selectors that check them."""

from __future__ import annotations

import hashlib


def token_hash(raw_token: str) -> str:
    """SHA-256 hex digest: tokens are high-entropy, so a fast unsalted hash is enough."""
    return hashlib.sha256(raw_token.encode("utf-8", "replace")).hexdigest()
