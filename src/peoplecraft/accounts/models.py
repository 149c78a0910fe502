from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

# What raters and teammates see when a person has not given their name: never the account or OS user name.
DEFAULT_DISPLAY_NAME = _("Your colleague")
DISPLAY_NAME_MAX_LENGTH = 100


class User(AbstractUser):
    """A Peoplecraft user. ``role`` decides what they may see beyond their own data."""

    class Role(models.TextChoices):
        LEARNER = "learner", _("Learner")
        MENTOR = "mentor", _("Mentor")
        ADMIN = "admin", _("Administrator")

    role = models.CharField(max_length=16, choices=Role.choices, default=Role.LEARNER)
    is_owner = models.BooleanField(
        default=False, help_text=_("The person this installation was set up for (first run).")
    )
    # Opt-in: per-skill answers and scores may enter installation-wide aggregates of at least 20
    # people (pooled reliability, the validity report). Never names, journal entries or drafts.
    share_anonymised_scores = models.BooleanField(
        default=False, help_text=_("Share anonymised per-skill answers and scores in aggregates of 20 or more.")
    )
    # The name raters and teammates see (set at first run, on the settings page or with
    # `peoplecraft account name`). The username is often the OS account name: never shown to raters.
    public_name = models.CharField(
        max_length=DISPLAY_NAME_MAX_LENGTH, blank=True, help_text=_("The name raters and teammates see.")
    )

    @property
    def display_name(self) -> str:
        """The one name shown to raters and teammates: the chosen name, else the full name, else neutral."""
        return self.public_name.strip() or self.get_full_name().strip() or str(DEFAULT_DISPLAY_NAME)


class SignInToken(models.Model):
    """A one-time sign-in link. Only the SHA-256 of the token is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"sign-in link for {self.user} (expires {self.expires_at:%Y-%m-%d %H:%M})"
