"""Create a demo year of use through the services the app itself uses.

Every record is written by its app's service (so it is validated and indexed as a real one
would be); only the timestamps a service sets to "now" are moved back afterwards to the day the
plan says, with one ``update()`` per record, because a year of use cannot be typed in one day.
The whole demo is one transaction: it is all there or not at all.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from peoplecraft.assessment import selectors as assessment_selectors
from peoplecraft.assessment import services as assessment_services
from peoplecraft.assessment.models import Answer, Assessment, Scope
from peoplecraft.assessment.models import Source as AssessmentSource
from peoplecraft.demo import plan as demo_plan
from peoplecraft.goals import services as goal_services
from peoplecraft.goals.models import CheckIn, Goal
from peoplecraft.journal import services as journal_services
from peoplecraft.journal.emotions import emotion_wheel
from peoplecraft.practice import services as practice_services
from peoplecraft.practice.models import PracticeEntry
from peoplecraft.scenarios import selectors as scenario_selectors
from peoplecraft.scenarios import services as scenario_services
from peoplecraft.scenarios.catalogue import bundled_scenarios
from peoplecraft.scenarios.models import ScenarioPlay
from peoplecraft.skillmap import services as skillmap_services
from peoplecraft.skillmap.models import Guide, Skill, StatusSource
from peoplecraft.writing import services as writing_services
from peoplecraft.writing.models import Draft

SIZES = tuple(demo_plan.SIZES)


class DemoError(ValueError):
    """The demo cannot be created as asked; the message says why."""


@dataclass
class DemoReport:
    people: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def demo_create(
    *, owner, people: int = 1, size: str = "small", seed: int = 1, today: date | None = None, feedback: bool = True
) -> DemoReport:
    """Give ``owner`` (and ``people - 1`` new demo accounts) a demo year; all or nothing.

    ``feedback``: add closed, released 360° requests with answers (``feedback_part``)."""
    if size not in demo_plan.SIZES:
        raise DemoError(f"Unknown size '{size}'; use one of: {', '.join(SIZES)}.")
    if not 1 <= people <= 500:
        raise DemoError(f"--people is from 1 to 500, not {people}.")
    today = today or timezone.localdate()
    report = DemoReport()
    User = get_user_model()
    with transaction.atomic():
        persons = [owner]
        for n in range(2, people + 1):
            username = f"demo-{n}"
            if User.objects.filter(username=username).exists():
                raise DemoError(f"An account named {username} exists already: this data has a demo in it.")
            persons.append(User.objects.create_user(username=username, password=None))
        for index, person in enumerate(persons):
            _person_year(person, demo_plan.SIZES[size], seed * 1000 + index, today, report, feedback=feedback)
            report.people.append(person.get_username())
    return report


def _guide(person) -> Guide:
    skillmap_services.guide_load_default(owner=person)
    guide = Guide.objects.filter(owner=person, is_active=True).first() or Guide.objects.filter(owner=person).first()
    if guide is None:
        raise DemoError(f"{person.get_username()} has no skill map to fill.")
    return guide


def _person_year(person, size: demo_plan.Size, seed: int, today: date, report: DemoReport, *, feedback: bool) -> None:
    guide = _guide(person)
    skills = list(Skill.objects.filter(area__guide=guide, archived_at=None).select_related("area").order_by("pk"))
    emotions = [core.name for core in emotion_wheel()]
    plan = demo_plan.build(seed=seed, size=size, today=today, skills=len(skills), emotions=emotions)
    for index, status in plan.marks:
        skillmap_services.skill_mark(skill=skills[index], status=status, source=StatusSource.WEB, force=True)
    report.add("skill marks", len(plan.marks))
    practice_services.focus_set(owner=person, skills=[skills[i] for i in plan.focus])
    _assessments(person, guide, skills, plan, report)
    _practice(person, skills, plan, report)
    _journal(person, skills, plan, report)
    _goals(person, skills, plan, today, report)
    _drafts(person, plan, report)
    _plays(person, plan, report)
    if feedback and size.feedback_requests:
        from peoplecraft.demo.feedback_part import FeedbackPartError, feedback_year

        practised = [skills[i] for i in plan.focus] or skills[:3]
        try:
            made = feedback_year(
                person=person, guide=guide, skills=practised, rounds=size.feedback_requests, seed=seed, today=today
            )
        except FeedbackPartError as error:
            raise DemoError(str(error)) from None
        report.add("feedback requests", made)


def _assessments(person, guide, skills, plan: demo_plan.Plan, report: DemoReport) -> None:
    for n, (day, chosen, answer_seed) in enumerate(plan.assessments):
        rng = random.Random(answer_seed)  # noqa: S311 - demo content, not a secret
        assessment = assessment_services.assessment_start(
            owner=person,
            guide=guide,
            scope=Scope.SKILLS,
            skills=[skills[i] for i in chosen],
            source=AssessmentSource.WEB,
            order_seed=answer_seed,
        )
        growth = n / max(1, len(plan.assessments) - 1)  # answers drift upwards over the year
        answers = {}
        for item in assessment_selectors.assessment_items(assessment=assessment):
            low, high = item.scale.min, item.scale.max
            level = low + (high - low) * (0.35 + 0.4 * growth) + rng.uniform(-1.2, 1.2)
            value = min(high, max(low, round(level if item.key > 0 else low + high - level)))
            answers[item.id] = None if rng.random() < 0.05 else value
        assessment_services.answers_save(assessment=assessment, answers=answers)
        assessment_services.assessment_complete(assessment=assessment, completed_at=_at(day, 18, 30))
        Assessment.objects.filter(pk=assessment.pk).update(started_at=_at(day, 18, 10))
        Answer.objects.filter(assessment=assessment).update(answered_at=_at(day, 18, 20))
    report.add("assessments", len(plan.assessments))


def _practice(person, skills, plan: demo_plan.Plan, report: DemoReport) -> None:
    for row in plan.practice:
        entry = practice_services.practice_entry_log(
            owner=person,
            skill=skills[row["skill"]],
            occurred_on=row["day"],
            situation=row["situation"],
            went_well=row["went_well"],
            to_improve=row["to_improve"],
            self_rating=row["self_rating"],
            duration_minutes=row["duration_minutes"],
        )
        PracticeEntry.objects.filter(pk=entry.pk).update(created_at=_at(row["day"], 17))
    report.add("practice entries", len(plan.practice))


def _journal(person, skills, plan: demo_plan.Plan, report: DemoReport) -> None:
    for row in plan.journal:
        data = journal_services.EntryInput(
            entry_date=row["day"],
            title=row["title"],
            body=row["body"],
            mood=row["mood"],
            stress=row["stress"],
            emotion=row["emotion"],
            tags=list(row["tags"]),
            skill_ids=[skills[i].pk for i in row["skills"]],
        )
        journal_services.entry_create(owner=person, data=data, created_at=_at(row["day"], 21))
    report.add("journal entries", len(plan.journal))


def _goals(person, skills, plan: demo_plan.Plan, today: date, report: DemoReport) -> None:
    checkins = 0
    for row in plan.goals:
        data = goal_services.GoalInput(
            title=row["title"],
            skill_id=skills[row["skill"]].pk,
            measure=row["measure"],
            target=row["target"],
            due_date=row["due"],
            urgent=row["urgent"],
            important=row["important"],
            milestones=[("Half way", row["created"] + (row["due"] - row["created"]) / 2)],
        )
        goal = goal_services.goal_create(owner=person, data=data, today=row["created"])
        Goal.objects.filter(pk=goal.pk).update(created_at=_at(row["created"], 8))
        span = max(1, min((today - row["created"]).days, (row["due"] - row["created"]).days))
        for n, percent in enumerate(row["checkins"]):  # a count of the target, as a person checks in
            amount = round(percent * row["target"] / 100)
            checkin = goal_services.goal_checkin(goal=goal, amount=amount, note=f"Check-in {n + 1}")
            day = row["created"] + timedelta(days=span * (n + 1) // (len(row["checkins"]) + 1))
            CheckIn.objects.filter(pk=checkin.pk).update(created_at=_at(min(day, today), 19))
            checkins += 1
        if row["status"] != "active":
            goal_services.goal_set_status(goal=goal, status=row["status"])
            closed = min(today, row["created"] + timedelta(days=span))
            Goal.objects.filter(pk=goal.pk).update(closed_at=_at(closed, 20))
    report.add("goals", len(plan.goals))
    report.add("goal check-ins", checkins)


def _drafts(person, plan: demo_plan.Plan, report: DemoReport) -> None:
    for row in plan.drafts:
        draft = writing_services.draft_save(owner=person, text=row["text"], context=row["context"], title=row["title"])
        Draft.objects.filter(pk=draft.pk).update(created_at=_at(row["day"], 11), updated_at=_at(row["day"], 11, 20))
        PracticeEntry.objects.filter(owner=person, source_ref=f"writing-draft:{draft.pk}").update(
            occurred_on=row["day"], created_at=_at(row["day"], 11, 20)
        )
    report.add("writing drafts", len(plan.drafts))


def _plays(person, plan: demo_plan.Plan, report: DemoReport) -> None:
    scenarios = sorted(bundled_scenarios().values(), key=lambda s: s.id)
    if not scenarios:
        return
    for day, pick, choice_seed in plan.plays:
        scenario = scenarios[pick % len(scenarios)]
        choices = random.Random(choice_seed)  # noqa: S311 - demo content, not a secret
        play = scenario_services.play_start(owner=person, scenario_id=scenario.id, restart=True)
        while not play.is_finished:
            node = scenario_selectors.play_state(play=play).node  # with the choices offered at this point
            choice = choices.randrange(len(node.choices))
            play = scenario_services.play_choose(play=play, node_id=node.id, choice=choice)
        ScenarioPlay.objects.filter(pk=play.pk).update(started_at=_at(day, 13), finished_at=_at(day, 13, 12))
        PracticeEntry.objects.filter(owner=person, source_ref=f"scenario-play:{play.pk}").update(
            occurred_on=day, created_at=_at(day, 13, 12)
        )
    report.add("scenario plays", len(plan.plays))
