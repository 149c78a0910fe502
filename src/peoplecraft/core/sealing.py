"""The sealing key: kept outside the database, so the database (or a backup) alone opens nothing.

Unreleased 360° answers are sealed with it, and "this link was used" markers are keyed with it, so
that whoever holds only the database file or a backup cannot read pending answers nor link a
marker to an invitation. The key is 32 random bytes from ``PEOPLECRAFT_SEALING_KEY`` (base64; for
team servers with several processes or machines) or else the file ``<data dir>/sealing.key``,
created on first use with mode 0600. Backups do not contain it: moving an installation needs it.

Each purpose gets its own key, derived with HKDF; sealing is AES-256-GCM with a random nonce.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import functools
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from peoplecraft.core.paths import SEALING_KEY_FILE, data_dir

KEY_FILE = SEALING_KEY_FILE
ENV = "PEOPLECRAFT_SEALING_KEY"
KEY_BYTES = 32
NONCE_BYTES = 12


class SealingError(Exception):
    """The sealing key is missing or malformed, or a sealed value does not open with it."""


def _decode(text: str, where: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SealingError(f"{where}: the sealing key is not base64") from None
    if len(key) != KEY_BYTES:
        raise SealingError(f"{where}: the sealing key must be {KEY_BYTES} bytes (base64 of 32 random bytes)")
    return key


def key_file(home: Path | None = None) -> Path:
    return (home or data_dir()) / KEY_FILE


def _key_from_file(path: Path) -> bytes:
    """Read the key file, creating it on first use: written to a temporary file, then linked into
    place, so a second process starting at once either wins or reads the complete winner's key."""
    if not path.exists():
        temporary = path.with_name(f".{KEY_FILE}.{secrets.token_hex(8)}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii") + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileExistsError):  # another process made it first: use theirs
                os.link(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    return _decode(path.read_text(encoding="ascii"), str(path))


@functools.cache
def _master() -> bytes:
    configured = os.environ.get(ENV, "")
    if configured.strip():
        return _decode(configured, ENV)
    return _key_from_file(key_file())


def reset() -> None:
    """Forget the cached key (tests that change ``PEOPLECRAFT_SEALING_KEY`` or the data directory)."""
    _master.cache_clear()
    _derived.cache_clear()


@functools.cache
def _derived(purpose: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=f"peoplecraft:{purpose}".encode()).derive(
        _master()
    )


def seal_with(key: bytes, data: bytes, context: str = "") -> bytes:
    """AES-GCM with ``key``: a random nonce followed by the ciphertext; ``context`` is bound to it."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, context.encode())


def unseal_with(key: bytes, sealed: bytes, context: str = "") -> bytes:
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], context.encode())
    except (InvalidTag, ValueError):
        raise SealingError("a sealed value does not open with this key") from None


def seal(data: bytes, purpose: str, context: str = "") -> bytes:
    """Seal ``data`` with the installation's key for ``purpose`` (``context``: e.g. the row it belongs to)."""
    return seal_with(_derived(f"seal:{purpose}"), data, context)


def unseal(sealed: bytes, purpose: str, context: str = "") -> bytes:
    return unseal_with(_derived(f"seal:{purpose}"), sealed, context)


def marker(purpose: str, text: str) -> str:
    """HMAC-SHA256 of ``text`` with the key for ``purpose``, in hex: stable, but unlinkable without the key."""
    return hmac.new(_derived(f"marker:{purpose}"), text.encode(), hashlib.sha256).hexdigest()


def fingerprint() -> str:
    """Names the key without revealing it (kept in backups to notice a restore under another key)."""
    return marker("fingerprint", "peoplecraft sealing key")[:16]


def key_from_secret(secret: str, purpose: str) -> bytes:
    """A key derived from a secret the server does not keep (a rater's raw token), for ``purpose``."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=f"peoplecraft:{purpose}".encode()).derive(
        secret.encode()
    )


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text)
