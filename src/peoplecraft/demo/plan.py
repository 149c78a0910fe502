"""What a demo year contains, decided from a seed alone. Pure: no Django.

The plan is plain data (days, texts, numbers); :mod:`peoplecraft.demo.services` turns it into
records through the app's services. The same seed, size and day give the same plan.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class Size:
    name: str
    days: int
    journal_entries: int
    assessments: int
    practice_entries: int
    goals: int
    drafts: int
    plays: int
    marks: int
    feedback_requests: int


SIZES = {
    "small": Size("small", days=60, journal_entries=20, assessments=3, practice_entries=60, goals=4, drafts=6,
                  plays=2, marks=6, feedback_requests=2),
    "year": Size("year", days=365, journal_entries=300, assessments=20, practice_entries=2000, goals=30, drafts=100,
                 plays=24, marks=14, feedback_requests=20),
}  # fmt: skip

_PEOPLE = ("Sam", "Priya", "Jonas", "Amara", "Lena", "Tomás", "Yuki", "Ola")
_MEETINGS = ("the stand-up", "a one-to-one", "the planning session", "a client call", "the retrospective",
             "a design review", "the budget meeting", "lunch", "a hallway chat", "the all-hands")  # fmt: skip
_WENT_WELL = ("I let them finish before answering.", "I asked what they needed before offering a fix.",
              "I named the disagreement calmly.", "I summarised what I heard and they nodded.",
              "I kept to the point and stopped talking early.", "I thanked them for the criticism.")  # fmt: skip
_TO_IMPROVE = ("I interrupted twice when I got impatient.", "I defended myself instead of asking a question.",
               "I promised too much at the end.", "I did not check how they felt about the decision.",
               "I talked over the quiet people.", "I forgot to follow up in writing.")  # fmt: skip
_TOPICS = ("release plan", "hiring", "on-call rota", "roadmap", "a missed deadline", "the new process",
           "a customer complaint", "team morale", "workload", "a promotion case")  # fmt: skip
_TAGS = ("work", "team", "manager", "client", "conflict", "win", "energy", "learning", "home", "focus")
_CONTEXTS = ("general", "email", "report", "social")
_SENTENCES = (
    "The decision about {topic} was made by the group after a long discussion.",
    "I think we should probably look again at {topic} next week if there is time.",
    "Thank you for raising {topic}; here is what I propose.",
    "We will ship the first part on Friday and the rest after the review.",
    "It was agreed that {name} would own the follow-up.",
    "Please tell me by Thursday whether this works for you.",
    "In summary, the risk is small but the cost of waiting is real.",
    "I was asked to share a short update on {topic}.",
    "The numbers improved, although the survey was answered by fewer people than last time.",
    "Could we meet for twenty minutes to settle the open questions?",
)  # fmt: skip


@dataclass
class Plan:
    """Everything one person's demo year holds, as plain values."""

    marks: list[tuple[int, str]] = field(default_factory=list)  # (skill index, status)
    focus: list[int] = field(default_factory=list)  # skill indexes
    assessments: list[tuple[date, list[int], int]] = field(default_factory=list)  # day, skill indexes, answer seed
    practice: list[dict] = field(default_factory=list)
    journal: list[dict] = field(default_factory=list)
    goals: list[dict] = field(default_factory=list)
    drafts: list[dict] = field(default_factory=list)
    plays: list[tuple[date, int, int]] = field(default_factory=list)  # day, scenario index, choice seed


def _day(rng: random.Random, today: date, days: int) -> date:
    return today - timedelta(days=rng.randrange(days))


def build(*, seed: int, size: Size, today: date, skills: int, emotions: list[str]) -> Plan:
    """The plan for one person with ``skills`` skills on their map and these emotion words."""
    rng = random.Random(seed)  # noqa: S311 - demo content, not a secret
    plan = Plan()
    chosen = rng.sample(range(skills), min(skills, size.marks))
    plan.marks = [(index, "done" if n % 3 == 2 else "active") for n, index in enumerate(chosen)]
    plan.focus = [index for index, status in plan.marks if status == "active"][:5]
    practised = plan.focus or chosen[:3]
    for n in range(size.assessments):
        day = today - timedelta(days=size.days * (size.assessments - n) // (size.assessments + 1))
        plan.assessments.append(
            (day, rng.sample(practised, min(len(practised), rng.randint(2, 4))), rng.randrange(1 << 30))
        )
    for _ in range(size.practice_entries):
        name, where, topic = rng.choice(_PEOPLE), rng.choice(_MEETINGS), rng.choice(_TOPICS)
        plan.practice.append(
            {
                "skill": rng.choice(practised),
                "day": _day(rng, today, size.days),
                "situation": f"{where.capitalize()} with {name} about {topic}",
                "went_well": rng.choice(_WENT_WELL),
                "to_improve": rng.choice(_TO_IMPROVE),
                "self_rating": rng.randint(2, 5),
                "duration_minutes": rng.choice((5, 10, 15, 20, 30, 45, 60)),
            }
        )
    for n in range(size.journal_entries):
        name, where, topic = rng.choice(_PEOPLE), rng.choice(_MEETINGS), rng.choice(_TOPICS)
        body = (
            f"In {where} {name} pushed back on {topic}. {rng.choice(_WENT_WELL)} {rng.choice(_TO_IMPROVE)}\n\n"
            f"Next time I want to ask one more question before deciding. Entry {n + 1}."
        )
        plan.journal.append(
            {
                "day": today - timedelta(days=(size.days * n) // max(1, size.journal_entries)),
                "title": f"{where.capitalize()}: {topic}",
                "body": body,
                "mood": rng.randint(1, 5),
                "stress": rng.randint(0, 10),
                "emotion": rng.choice(emotions) if emotions and rng.random() < 0.7 else "",
                "tags": rng.sample(_TAGS, rng.randint(0, 3)),
                "skills": rng.sample(practised, rng.randint(0, min(2, len(practised)))),
            }
        )
    for n in range(size.goals):
        created = _day(rng, today, size.days)
        plan.goals.append(
            {
                "created": created,
                "title": f"{rng.choice(('Ask first', 'Listen longer', 'Say no kindly', 'Give feedback'))} #{n + 1}",
                "skill": rng.choice(practised),
                "measure": f"conversations about {rng.choice(_TOPICS)}",
                "target": float(rng.randint(4, 20)),
                "due": created + timedelta(days=rng.randint(30, 180)),
                "urgent": rng.random() < 0.4,
                "important": rng.random() < 0.7,
                "checkins": sorted(rng.sample(range(1, 101), rng.randint(1, 6))),
                "status": rng.choice(("active", "active", "done", "dropped")) if n % 2 else "active",
            }
        )
    for n in range(size.drafts):
        name, topic = rng.choice(_PEOPLE), rng.choice(_TOPICS)
        sentences = [rng.choice(_SENTENCES).format(topic=topic, name=name) for _ in range(rng.randint(3, 8))]
        plan.drafts.append(
            {
                "day": _day(rng, today, size.days),
                "title": f"Note to {name} about {topic}",
                "context": rng.choice(_CONTEXTS),
                "text": f"Hi {name},\n\n" + " ".join(sentences) + f"\n\nBest,\nDraft {n + 1}\n",
            }
        )
    plan.plays = [
        (_day(rng, today, size.days), rng.randrange(1 << 16), rng.randrange(1 << 30)) for _ in range(size.plays)
    ]
    return plan
