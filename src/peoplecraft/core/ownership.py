"""The one ownership check every view uses: another user's object is a 404, never a 403.

A 403 would confirm that the object exists; a 404 tells a stranger nothing.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)


def get_owned_or_404(queryset: type[M] | QuerySet[M], user: Any, *, owner_field: str = "owner", **lookup: Any) -> M:
    """Return the object matching ``lookup`` whose ``owner_field`` is ``user``, else raise Http404."""
    if not getattr(user, "is_authenticated", False):
        from django.http import Http404

        raise Http404
    return get_object_or_404(queryset, **{owner_field: user}, **lookup)
