"""The navigation bar: apps declare ``nav_items`` on their AppConfig, so a section appears
only when the app that gives it real content is installed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    order: int


@cache
def nav_items() -> tuple[NavItem, ...]:
    items = [
        NavItem(label=str(label), url=reverse(url_name), order=order)
        for config in apps.get_app_configs()
        for label, url_name, order in getattr(config, "nav_items", ())
    ]
    return tuple(sorted(items, key=lambda item: item.order))
