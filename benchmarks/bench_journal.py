"""Journal and weekly-review benchmarks (issue 7).

Run: ``PEOPLECRAFT_HOME=$(mktemp -d) .venv/bin/python benchmarks/bench_journal.py``

1. Search: 100,000 entries of one learner (bulk_create, then one bulk FTS insert); 24 queries
   (common and rare words, phrases, prefixes, OR, filters, typed syntax errors), 20 runs each;
   the first page (20 hits with highlights) must come back in under 50 ms at the 95th percentile.
2. Weekly review: a learner with three years of daily entries, goals and drafts; the review page
   (full Django request through every middleware) must render in under 200 ms (median of 20).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("PEOPLECRAFT_HOME", tempfile.mkdtemp(prefix="bench-journal-"))
os.environ.setdefault("PEOPLECRAFT_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peoplecraft.config.settings")
os.environ.pop("DATABASE_URL", None)

ENTRIES = 100_000
WORDS = [
    "meeting",
    "feedback",
    "deadline",
    "manager",
    "colleague",
    "client",
    "team",
    "project",
    "conflict",
    "listen",
    "question",
    "agree",
    "disagree",
    "explain",
    "priority",
    "plan",
    "review",
    "demo",
    "launch",
    "budget",
    "hiring",
    "interview",
    "mentor",
    "coaching",
    "standup",
    "retrospective",
    "roadmap",
    "estimate",
    "promise",
    "apologise",
    "thank",
    "praise",
    "criticism",
    "tension",
    "calm",
    "anxious",
    "relieved",
    "proud",
    "frustrated",
    "email",
    "message",
    "call",
    "chat",
    "presentation",
    "workshop",
    "negotiation",
    "compromise",
    "boundary",
    "delegate",
    "support",
    "trust",
    "interrupt",
    "pause",
    "breathe",
    "summarise",
    "clarify",
    "assume",
    "misunderstand",
    "repair",
    "follow-up",
    "decision",
    "risk",
    "scope",
]
NAMES = ["Ana", "Sam", "Priya", "Omar", "Lena", "Kofi", "Mei", "Jonas", "Sara", "Tomas", "Ines", "Ravi"]
TAGS = ["team", "client", "one-to-one", "conflict", "feedback", "hiring"]
QUERIES = [
    ("feedback", {}),
    ("retrospective", {}),
    ("Priya", {}),
    ('"listen question"', {}),
    ("negot*", {}),
    ("calm OR relieved", {}),
    ("deadline budget", {}),
    ("zzzzunmatched", {}),
    ("interview mentor hiring", {}),
    ('"unbalanced quote', {}),
    ("feedback AND", {}),
    ("NEAR(team", {}),
    ("*", {}),
    ("(((", {}),
    ("feedback", {"tag": "conflict"}),
    ("team", {"mood": 2}),
    ("client", {"date_from": date(2024, 1, 1)}),
    ("Omar", {"date_from": date(2023, 6, 1), "date_to": date(2023, 6, 30)}),
    ("apologise", {"tag": "team", "mood": 4}),
    ("repair trust", {}),
    ("summarise clarify", {"mood": 5}),
    ("Ana Sam", {}),
    ("launch*", {}),
    ("promise", {}),
]


def _body(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(70)]
    words[rng.randrange(70)] = rng.choice(NAMES)
    return " ".join(words).capitalize() + "."


def load_entries(owner, count: int, *, start: date, rng: random.Random) -> None:
    from django.db import transaction

    from peoplecraft.journal import search_index
    from peoplecraft.journal.models import Entry, EntryTag

    with transaction.atomic():
        for offset in range(0, count, 5_000):
            batch = [
                Entry(
                    owner=owner,
                    entry_date=start + timedelta(days=n * 1095 // count),
                    title=f"Entry {n}",
                    body=_body(rng),
                    mood=rng.randint(1, 5),
                    stress=rng.randint(0, 10),
                    note_id=f"n{owner.pk}-{n}",
                )
                for n in range(offset, min(offset + 5_000, count))
            ]
            created = Entry.objects.bulk_create(batch)
            EntryTag.objects.bulk_create([EntryTag(entry=e, name=rng.choice(TAGS)) for e in created])
        search_index.rebuild(owner_id=owner.pk)


def bench_search(owner) -> list[float]:
    from peoplecraft.journal.search import entry_search
    from peoplecraft.journal.selectors import EntryFilters

    timings = []
    for text, filters in QUERIES:
        entry_search(owner=owner, text=text, filters=EntryFilters(**filters))  # warm
        for _ in range(20):
            begin = time.perf_counter()
            results = entry_search(owner=owner, text=text, filters=EntryFilters(**filters))
            [str(hit.snippet_html) for hit in results.hits]
            timings.append(time.perf_counter() - begin)
    return timings


def bench_review(owner) -> tuple[list[float], float]:
    from django.test import Client
    from django.utils import timezone

    from peoplecraft.goals import services as goal_services
    from peoplecraft.skillmap.selectors import guide_active, skill_map_get

    skills = [s for p in skill_map_get(guide=guide_active(owner=owner)) for s in p.skills]
    for n, skill in enumerate(skills[:10]):
        goal_services.goal_create(
            owner=owner,
            data=goal_services.GoalInput(
                title=f"Goal {n}",
                skill_id=skill.pk,
                measure="conversations",
                target=10,
                due_date=timezone.localdate() + timedelta(days=10 + n),
            ),
        )
    client = Client()
    client.force_login(owner)
    client.get("/goals/review/")  # warm
    timings = []
    for _ in range(20):
        begin = time.perf_counter()
        response = client.get("/goals/review/")
        timings.append(time.perf_counter() - begin)
        assert response.status_code == 200
    begin = time.perf_counter()
    chart = client.get("/goals/review/mood.svg")
    assert chart.status_code == 200
    return timings, time.perf_counter() - begin


def main() -> int:
    import django

    django.setup()
    from django.utils import timezone

    from peoplecraft.accounts.models import User
    from peoplecraft.core.bootstrap import bootstrap
    from peoplecraft.skillmap.services import guide_load_default

    owner = bootstrap()
    rng = random.Random(7)
    begin = time.perf_counter()
    load_entries(owner, ENTRIES, start=date(2022, 1, 1), rng=rng)
    print(f"loaded {ENTRIES:,} entries + FTS index in {time.perf_counter() - begin:.1f} s")
    from django.db import connection

    with connection.cursor() as cursor:  # settle the bulk load's write-ahead log before timing reads
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    timings = sorted(bench_search(owner))
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"search first page: median {statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {timings[-1] * 1000:.1f} ms over {len(timings)} runs of {len(QUERIES)} queries (target p95 < 50 ms)"
    )

    daily = User.objects.create_user(username="daily-writer")
    guide_load_default(owner=daily)
    today = timezone.localdate()
    load_entries(daily, 1095, start=today - timedelta(days=1094), rng=rng)
    review, chart = bench_review(daily)
    median = statistics.median(review)
    print(
        f"weekly review page (3 years of daily entries): median {median * 1000:.1f} ms, "
        f"max {max(review) * 1000:.1f} ms (target < 200 ms); mood chart SVG {chart * 1000:.0f} ms"
    )
    return 0 if p95 < 0.050 and median < 0.200 else 1


if __name__ == "__main__":
    sys.exit(main())
