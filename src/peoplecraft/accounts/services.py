"""Writes for accounts: the owner account and one-time sign-in links."""

from __future__ import annotations

import getpass
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from peoplecraft.accounts.models import SignInToken, User
from peoplecraft.accounts.tokens import token_hash


def owner_ensure() -> User:
    """Return the installation's owner, creating it on first run (no password: sign-in links)."""
    return owner_ensure_created()[0]


def owner_ensure_created() -> tuple[User, bool]:
    """The installation's owner, and whether this call created it (the first run).

    On a personal installation the owner is its administrator (a superuser). On a team server
    (``PEOPLECRAFT_ORGANISATION`` set) the owner is a learner like the others: the admin would
    show them their teammates' data, so it is granted explicitly (``peoplecraft account admin``).
    """
    with transaction.atomic():
        owner = User.objects.filter(is_owner=True).order_by("pk").first()
        if owner is not None:
            return owner, False
        admin = not settings.TEAM_SERVER
        owner = User(
            username=_default_username(),
            is_owner=True,
            role=User.Role.ADMIN if admin else User.Role.LEARNER,
            is_staff=admin,
            is_superuser=admin,
        )
        owner.set_unusable_password()
        owner.save()
        return owner, True


def user_admin_set(*, user: User, grant: bool) -> bool:
    """Grant (or revoke) access to the admin: staff, superuser and the admin role; returns whether it changed."""
    with transaction.atomic():
        fields = {"is_staff": grant, "is_superuser": grant, "role": User.Role.ADMIN if grant else User.Role.LEARNER}
        changed = User.objects.filter(pk=user.pk).exclude(**fields).update(**fields)
    for name, value in fields.items():
        setattr(user, name, value)
    return changed == 1


def _default_username() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = ""
    name = "".join(ch for ch in name if ch.isalnum() or ch in "@.+-_")[:150]
    return name or "owner"


def sign_in_link_create(*, user: User, minutes: int | None = None) -> str:
    """Create a one-time sign-in token for ``user`` and return the raw token (shown once)."""
    raw = secrets.token_urlsafe(32)
    lifetime = timedelta(minutes=minutes or settings.SIGN_IN_LINK_MINUTES)
    SignInToken.objects.create(user=user, token_hash=token_hash(raw), expires_at=timezone.now() + lifetime)
    return raw


def sign_in_token_consume(*, raw_token: str) -> User | None:
    """Spend a sign-in token: return its user once, or ``None`` if unknown, used or expired."""
    now = timezone.now()
    with transaction.atomic():
        updated = SignInToken.objects.filter(
            token_hash=token_hash(raw_token), used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if updated != 1:
            return None
        token = SignInToken.objects.select_related("user").get(token_hash=token_hash(raw_token))
    return token.user if token.user.is_active else None


def user_set_password(*, user: User, password: str) -> None:
    """Set a password (validated by the configured validators) so the user can sign in without a link."""
    from django.contrib.auth.password_validation import validate_password

    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def user_display_name_set(*, user: User, name: str) -> str:
    """Set the name raters and teammates see; an empty name goes back to the neutral default.

    Raises ``ValidationError`` for a name that is too long or holds control characters.
    """
    from django.core.exceptions import ValidationError

    from peoplecraft.accounts.models import DISPLAY_NAME_MAX_LENGTH

    name = " ".join(name.split())  # one line, single spaces
    if len(name) > DISPLAY_NAME_MAX_LENGTH:
        raise ValidationError(f"a name has at most {DISPLAY_NAME_MAX_LENGTH} characters, not {len(name)}")
    if any(not ch.isprintable() for ch in name):
        raise ValidationError("a name cannot hold control characters")
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(public_name=name)
    user.public_name = name
    return user.display_name


def user_share_scores_set(*, user: User, share: bool) -> bool:
    """Opt in to (or out of) the installation pool; returns whether anything changed.

    Opting out takes effect at once: every pooled figure is computed from current opt-ins only.
    """
    with transaction.atomic():
        changed = (
            User.objects.filter(pk=user.pk).exclude(share_anonymised_scores=share).update(share_anonymised_scores=share)
        )
    user.share_anonymised_scores = share
    return changed == 1
