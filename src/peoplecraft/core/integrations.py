"""Deferred wiring between apps: registrars named at start-up, run on the first use of a registry.

Apps plug into each other's registries (journal prompt sources, link kinds, practice, feedback and
others' score sources). Importing the modules that fill them pulls in selectors, scenario
catalogues and the 360 engine, which costs over 100 ms of every command's start-up although most
commands never read a registry. So ``AppConfig.ready()`` only names its registrar
(``defer("peoplecraft.practice.integrations:register")``) and every registry calls
:func:`ensure_loaded` before it is read. Registrars run once per process, in
``INSTALLED_APPS`` order, so sources keep a stable order.

Pure: no Django import, so pure registries may use it.
"""

from __future__ import annotations

import threading
from importlib import import_module

_REGISTRARS: list[str] = []
_lock = threading.RLock()
_loaded = False


def defer(registrar: str) -> None:
    """Remember ``"package.module:function"`` to call before any registry is first read."""
    if registrar not in _REGISTRARS:
        _REGISTRARS.append(registrar)


def ensure_loaded() -> None:
    """Run every deferred registrar once (thread-safe; cheap after the first call)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        _loaded = True  # set first: a registrar that reads a registry must not recurse
        for registrar in _REGISTRARS:
            module_name, _, function_name = registrar.partition(":")
            getattr(import_module(module_name), function_name)()
