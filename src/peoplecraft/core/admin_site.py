"""The admin site: every registered model admin answers only the lookups it declares.

Django's admin accepts a lookup on any local field in the query string, and any transform after
it (``?state=answered``, ``?draft__comments__0__icontains=…``), whatever ``list_filter`` says:
``lookup_allowed`` only restricts lookups that span relations. Here every model admin — ours and
those of Django and third-party apps — is given :class:`DeclaredLookupsOnly` at registration, so a
query string can filter only by what the page offers as a filter (or its date hierarchy); any other
lookup is a 400. Private models (360° feedback, writing drafts, journal entries) are not
registered at all: see ``docs/anonymity.md``.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.filters import SimpleListFilter
from django.contrib.admin.widgets import url_params_from_lookup_dict
from django.db.models.constants import LOOKUP_SEP

# The suffixes Django's own list filters and date hierarchy put after a field path.
FILTER_SUFFIXES = frozenset({"exact", "isnull", "isempty", "gte", "gt", "lte", "lt", "in", "id", "pk"})
HIERARCHY_SUFFIXES = frozenset({"year", "month", "day", "gte", "lt"})


class DeclaredLookupsOnly:
    """A ModelAdmin mixin: allow a query-string lookup only for a declared filter."""

    def lookup_allowed(self, lookup, value, request=None) -> bool:
        for fk_lookup in self.model._meta.related_fkey_lookups:  # raw-id pop-ups (limit_choices_to)
            if callable(fk_lookup):
                fk_lookup = fk_lookup()
            if (lookup, value) in url_params_from_lookup_dict(fk_lookup).items():
                return True
        list_filter = self.get_list_filter(request) if request is not None else self.list_filter
        for item in list_filter:
            if isinstance(item, type) and issubclass(item, SimpleListFilter):
                if lookup == item.parameter_name:
                    return True
            elif _within(lookup, item[0] if isinstance(item, (list, tuple)) else item, FILTER_SUFFIXES):
                return True
        return bool(self.date_hierarchy) and _within(lookup, self.date_hierarchy, HIERARCHY_SUFFIXES)


def _within(lookup: str, path: str, suffixes: frozenset[str]) -> bool:
    """True when ``lookup`` is ``path`` followed only by filter suffixes (``owner__id__exact``)."""
    if not isinstance(path, str):
        return False
    if lookup == path:
        return True
    prefix = path + LOOKUP_SEP
    return lookup.startswith(prefix) and set(lookup[len(prefix) :].split(LOOKUP_SEP)) <= suffixes


class PeoplecraftAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, DeclaredLookupsOnly):
            admin_class = type(
                admin_class.__name__, (DeclaredLookupsOnly, admin_class), {"__module__": admin_class.__module__}
            )
        return super().register(model_or_iterable, admin_class, **options)


class PeoplecraftAdminConfig(AdminConfig):
    """``django.contrib.admin`` with :class:`PeoplecraftAdminSite` as ``admin.site``."""

    default_site = "peoplecraft.core.admin_site.PeoplecraftAdminSite"
