"""Sign-in throttling: per username and address pair (django-axes), plus an overall limit per account.

The pair limit means someone guessing from elsewhere cannot lock the real user out; on its own
it lets an attacker with many addresses guess without end. So failures for one account are
also summed across every address over the cool-off window: past ``LOGIN_ACCOUNT_FAILURE_LIMIT``
(higher than the pair limit) password sign-in to that account pauses for everyone, including
the real user, who can still sign in with a one-time link (``peoplecraft account link``).
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AccountThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler, also locked when the account's failures from all addresses reach the limit."""

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        if account_failures(request, credentials) >= settings.LOGIN_ACCOUNT_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures


def account_failures(request, credentials=None) -> int:
    """Failed password sign-ins for this username from any address, within the cool-off window."""
    username = get_client_username(request, credentials)
    if not username:
        return 0
    attempts = AccessAttempt.objects.filter(username__iexact=username)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
