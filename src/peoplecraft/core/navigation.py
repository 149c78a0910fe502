"""The navigation bar: apps declare ``nav_items`` on their AppConfig, so a section appears
only when the app that gives it real content is installed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, get_urlconf, reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    order: int


def nav_items() -> tuple[NavItem, ...]:
    """The sections of the URL configuration in use (error pages can render under another one)."""
    return _nav_items(get_urlconf() or settings.ROOT_URLCONF)


@cache
def _nav_items(urlconf) -> tuple[NavItem, ...]:
    items = []
    for config in apps.get_app_configs():
        for label, url_name, order in getattr(config, "nav_items", ()):
            try:
                items.append(NavItem(label=str(label), url=reverse(url_name, urlconf=urlconf), order=order))
            except NoReverseMatch:
                continue  # a section this URL configuration does not serve
    return tuple(sorted(items, key=lambda item: item.order))
