"""Skill-map benchmarks: import of a 5,000-skill guide, and ``peoplecraft --help`` start-up.

Run: ``make bench`` (or ``PEOPLECRAFT_HOME=$(mktemp -d) .venv/bin/python benchmarks/bench_guide.py``).
Targets: import under 1 s; ``--help`` under 0.3 s. Medians of several runs on a fresh SQLite database.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AREAS, SKILLS_PER_AREA = 100, 50


def big_note() -> str:
    lines = [
        "---",
        "id: benchbenchbenchbench123",
        "title: Big guide",
        "desc: ''",
        "updated: 1725030424943",
        "created: 1724496310482",
        "---",
        "",
        "A generated guide.",
        "",
    ]
    for area in range(1, AREAS + 1):
        lines.append(f"### {area}. **Area number {area}**")
        for skill in range(1, SKILLS_PER_AREA + 1):
            text = f"**Skill {area}-{skill}**: Practising behaviour {skill} of area {area} with colleagues."
            lines.append(f"   - ~~{text}~~" if skill % 3 == 0 else f"   - {text}")
        lines.append("")
    return "\n".join(lines)


def bench_import(runs: int = 5) -> list[float]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peoplecraft.config.settings")
    django.setup()
    from peoplecraft.core.bootstrap import bootstrap
    from peoplecraft.skillmap.models import Guide
    from peoplecraft.skillmap.services import guide_import

    owner = bootstrap()
    folder = Path(tempfile.mkdtemp())
    timings = []
    for run in range(runs):
        note = folder / f"big-{run}.md"
        note.write_text(big_note(), encoding="utf-8")
        start = time.perf_counter()
        guide = guide_import(owner=owner, path=note)
        timings.append(time.perf_counter() - start)
        assert guide.areas.count() == AREAS
        Guide.objects.filter(pk=guide.pk).delete()
    return timings


def bench_help(runs: int = 7) -> list[float]:
    executable = Path(sys.executable).with_name("peoplecraft")
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(executable), "--help"], check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    imports = bench_import()
    helps = bench_help()
    print(
        f"guide import, {AREAS * SKILLS_PER_AREA} skills: median {statistics.median(imports) * 1000:.0f} ms "
        f"(min {min(imports) * 1000:.0f}, max {max(imports) * 1000:.0f}); target < 1000 ms"
    )
    print(
        f"peoplecraft --help: median {statistics.median(helps) * 1000:.0f} ms "
        f"(min {min(helps) * 1000:.0f}); target < 300 ms"
    )


if __name__ == "__main__":
    main()
