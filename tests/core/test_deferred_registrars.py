"""Apps wire into each other's registries on first use, not at start-up (start-up stays fast)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "peoplecraft.config.settings"
import django
django.setup()
heavy = ["peoplecraft.scenarios.journal_prompts", "peoplecraft.feedback.integrations",
         "peoplecraft.practice.integrations", "peoplecraft.journal.providers"]
before = [name for name in heavy if name in sys.modules]
from peoplecraft.journal.sources import link_kinds
kinds = sorted(link_kinds())
after = [name for name in heavy if name in sys.modules]
print(json.dumps({"before": before, "after": after, "kinds": kinds}))
"""


def test_registrars_run_on_first_read_of_a_registry(tmp_path):
    env = {**os.environ, "PEOPLECRAFT_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["before"] == []  # django.setup() imported none of the wiring modules
    assert len(seen["after"]) == 4
    # every app's contribution is there once the registry is read
    assert {"scenario-play", "feedback-request", "practice", "writing-draft", "assessment"} <= set(seen["kinds"])


def test_ensure_loaded_runs_each_registrar_once(monkeypatch):
    from peoplecraft.core import integrations

    calls = []
    module = type(sys)("peoplecraft_probe_registrar")
    module.register = lambda: calls.append("called")
    monkeypatch.setitem(sys.modules, "peoplecraft_probe_registrar", module)
    monkeypatch.setattr(integrations, "_REGISTRARS", ["peoplecraft_probe_registrar:register"])
    monkeypatch.setattr(integrations, "_loaded", False)
    integrations.ensure_loaded()
    integrations.ensure_loaded()
    assert calls == ["called"]
