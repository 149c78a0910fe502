"""Rendered charts, cached by a hash of their inputs in Django's ``charts`` cache.

matplotlib takes 100-500 ms per chart; a cached one is a file read (or a Redis ``GET``). The key
is a SHA-256 of the inputs' ``repr`` (plain values only: numbers, text, dates, tuples, lists and
dataclasses of those), the chart function's name and a fingerprint of the module that draws it
and of matplotlib's version, so a new release or an edited chart never serves an old picture.
SVG element ids are salted with a constant instead of a random UUID, so a chart drawn twice from
the same inputs is the same bytes. A cache that cannot be read or written (a read-only data
directory, Redis down) is bypassed: the chart is drawn as before.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TypeVar

CACHE_ALIAS = "charts"
SVG_SALT = "peoplecraft"
_PLAIN = (str, int, float, bool, type(None), date, datetime, time, timedelta, bytes)
Render = TypeVar("Render", bound=Callable[..., bytes])
log = logging.getLogger(__name__)


def _plain(value):
    """``value`` as nested tuples of plain values; anything else (a model, an open file) is refused."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((str(key), _plain(item)) for key, item in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__qualname__, _plain(dataclasses.astuple(value)))
    raise TypeError(f"chart input {type(value).__name__} cannot be hashed for the chart cache; pass plain values")


@functools.cache
def _fingerprint(module_name: str) -> str:
    import matplotlib

    module = sys.modules[module_name]
    source = Path(module.__file__).read_bytes() if getattr(module, "__file__", None) else b""
    return hashlib.sha256(source + matplotlib.__version__.encode()).hexdigest()[:16]


def chart_key(render: Callable, args: tuple, kwargs: dict) -> str:
    inputs = repr((_plain(args), _plain(kwargs)))
    digest = hashlib.sha256(inputs.encode("utf-8")).hexdigest()
    return f"chart:{render.__module__}.{render.__qualname__}:{_fingerprint(render.__module__)}:{digest}"


def _draw(render: Callable[..., bytes], args: tuple, kwargs: dict) -> bytes:
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT}):
        return render(*args, **kwargs)


def cached_chart(render: Render) -> Render:
    """Decorate a function that returns a rendered chart (bytes) from plain inputs."""

    @functools.wraps(render)
    def cached(*args, **kwargs) -> bytes:
        from django.core.cache import caches

        key = chart_key(render, args, kwargs)
        try:
            store = caches[CACHE_ALIAS]
            found = store.get(key)
        except Exception:  # the cache is an optimisation: never let it break a page
            log.warning("chart cache unreadable; drawing %s", render.__qualname__, exc_info=True)
            return _draw(render, args, kwargs)
        if found is not None:
            return found
        drawn = _draw(render, args, kwargs)
        try:
            store.set(key, drawn)
        except Exception:
            log.warning("chart cache unwritable; %s not kept", render.__qualname__, exc_info=True)
        return drawn

    cached.uncached = functools.partial(_draw_uncached, render)  # type: ignore[attr-defined]
    return cached  # type: ignore[return-value]


def _draw_uncached(render: Callable[..., bytes], *args, **kwargs) -> bytes:
    """Draw without the cache (same salt), e.g. to check a cached chart against a fresh one."""
    return _draw(render, args, kwargs)
