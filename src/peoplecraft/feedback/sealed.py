"""How the feedback app keeps what the learner must not read (docs/feedback.md, "How answers are stored").

- **Spent links**: a :class:`~peoplecraft.feedback.models.SpentMarker` holds the HMAC, under the
  sealing key (outside the database), of ``invitation:<id>``. The same invitation always gives the
  same marker, so a link is spent exactly once (a unique primary key) even after "Send again"; the
  database or a backup alone cannot tell which invitation a marker belongs to.
- **Pending answers**: sealed with the sealing key until their batch is released.
- **Drafts**: sealed with a key derived from the rater's raw token, found by a hash of that token.
  The server never stores the token, so only the rater's link or cookie opens a draft.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable
from typing import Any

from peoplecraft.core import sealing

SPENT = "spent"
RESPONSE = "response"
MOMENT_RESPONSE = "moment-response"


def spent_marker(invitation_id: int) -> str:
    return sealing.marker(SPENT, f"invitation:{invitation_id}")


def moment_spent_marker(invitation_id: int) -> str:
    return sealing.marker(SPENT, f"moment-invitation:{invitation_id}")


def seal_json(value: dict, purpose: str, context: str) -> str:
    return sealing.b64(sealing.seal(json.dumps(value, sort_keys=True).encode(), purpose, context))


def open_json(text: str, purpose: str, context: str) -> dict:
    return json.loads(sealing.unseal(sealing.unb64(text), purpose, context))


def open_in_random_order(rows: Iterable[Any], purpose: str, context: str) -> list[tuple[Any, dict]]:
    """Each sealed row with its opened value, shuffled: released answers are stored in this order, so
    the table's physical order (rowid, ctid) says nothing about which answer came first."""
    opened = [(row, open_json(row.ciphertext, purpose, context)) for row in rows]
    secrets.SystemRandom().shuffle(opened)
    return opened


def draft_locator(raw_token: str) -> str:
    return hashlib.sha256(f"draft:{raw_token}".encode()).hexdigest()


def _draft_key(raw_token: str) -> bytes:
    return sealing.key_from_secret(raw_token, "draft")


def draft_seal(raw_token: str, value: dict) -> str:
    data = json.dumps(value, sort_keys=True).encode()
    return sealing.b64(sealing.seal_with(_draft_key(raw_token), data, draft_locator(raw_token)))


def draft_open(raw_token: str, text: str) -> dict | None:
    """The draft, or None if it does not open with this token (then it is simply not shown)."""
    try:
        data = sealing.unseal_with(_draft_key(raw_token), sealing.unb64(text), draft_locator(raw_token))
    except (sealing.SealingError, ValueError):
        return None
    return json.loads(data)
