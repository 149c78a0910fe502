"""The progress overview: one read per step of the method, each through its app's selectors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from peoplecraft.skillmap import selectors as skillmap_selectors
from peoplecraft.skillmap.models import SkillStatus


@dataclass(frozen=True)
class SkillMapProgress:
    guide: str
    done: int
    total: int
    in_focus: list[str]

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class Overview:
    today: date
    skills: SkillMapProgress | None
    assessment: dict | None = None
    practice: list[dict] = field(default_factory=list)
    practice_this_week: int = 0
    writing: dict | None = None
    journal_this_week: int = 0
    goals: dict = field(default_factory=dict)
    feedback: dict = field(default_factory=dict)


def progress_overview(*, owner, today: date | None = None) -> Overview:
    today = today or timezone.localdate()
    skills = skillmap_selectors.active_guide_skills(owner=owner)  # one query, with the guide
    guide = skills[0].area.guide if skills else skillmap_selectors.guide_active(owner=owner)
    focus = [skill for skill in skills if skill.status == SkillStatus.ACTIVE]
    practice = _practice(owner, focus, today)
    return Overview(
        today=today,
        skills=_skill_map(guide, skills, focus),
        assessment=_assessment(owner, guide),
        practice=practice,
        practice_this_week=sum(row["this_week"] for row in practice),
        writing=_writing(owner),
        journal_this_week=_journal(owner, today),
        goals=_goals(owner, today),
        feedback=_feedback(owner, today),
    )


def _skill_map(guide, skills, focus) -> SkillMapProgress | None:
    if guide is None:
        return None
    return SkillMapProgress(
        guide=guide.title,
        done=sum(1 for skill in skills if skill.status == SkillStatus.DONE),
        total=len(skills),
        in_focus=[skill.name for skill in focus],
    )


def _assessment(owner, guide) -> dict | None:
    """The latest assessment, and each skill's self-score: the average and the chart read the same rows."""
    from peoplecraft.assessment import selectors
    from peoplecraft.assessment.measurement import whole

    latest = selectors.assessment_latest(owner=owner, guide=guide) if guide else None
    if latest is None:
        return None
    rows = selectors.self_score_rows(owner, guide)
    scores = [score for _skill, score in rows]
    return {
        "id": latest.pk,
        "completed": timezone.localtime(latest.completed_at).date(),
        "mean": whole(sum(scores) / len(scores)) if scores else None,  # half up, as everywhere
        "scored": len(scores),
        "skills": [{"name": skill.name, "score": whole(score)} for skill, score in rows],
    }


def _practice(owner, focus, today: date) -> list[dict]:
    from peoplecraft.practice import selectors

    habits = selectors.habits_for(owner=owner, skills=focus, today=today)
    return [
        {
            "skill": skill.name,
            "skill_id": skill.pk,
            "strength": round(habits[skill.pk].strength),
            "streak": habits[skill.pk].current_streak,
            "this_week": habits[skill.pk].this_week,
        }
        for skill in focus
    ]


def _writing(owner) -> dict | None:
    from peoplecraft.writing import selectors

    summary = selectors.writing_summary(owner=owner)
    if summary.latest is None:
        return None
    return {
        "drafts": summary.drafts,
        "latest_score": summary.latest.score,
        "latest_grade": round(summary.latest.grade, 1),
        "weeks": len(selectors.writing_trend(owner=owner)),
    }


def _journal(owner, today: date) -> int:
    from peoplecraft.journal import selectors

    monday = today - timedelta(days=today.weekday())
    return selectors.entries_count_between(owner=owner, start=monday, end=today)


def _goals(owner, today: date) -> dict:
    from peoplecraft.goals import selectors
    from peoplecraft.goals.models import GoalStatus

    health = [selectors.goal_health(goal, today) for goal in selectors.goal_list(owner=owner, status=GoalStatus.ACTIVE)]
    return {
        "active": len(health),
        "slipping": [h.goal.title for h in health if h.slipping],
        "due_soon": [h.goal.title for h in health if h.goal.due_date <= today + timedelta(days=7)],
    }


def _feedback(owner, today: date) -> dict:
    from peoplecraft.feedback import selectors

    requests = list(selectors.request_list(owner=owner))
    return {
        "open": sum(1 for request in requests if request.closed_at is None and today <= request.deadline),
        "with_results": sum(1 for request in requests if request.released),
    }


def overview_document(overview: Overview) -> dict:
    """The JSON document of ``peoplecraft progress``."""
    skills = overview.skills
    return {
        "date": overview.today.isoformat(),
        "skill_map": None if skills is None else {
            "guide": skills.guide, "done": skills.done, "total": skills.total, "in_focus": skills.in_focus,
        },
        "assessment": None if overview.assessment is None else {
            **overview.assessment, "completed": overview.assessment["completed"].isoformat(),
        },
        "practice": {"this_week": overview.practice_this_week, "focus": overview.practice},
        "writing": overview.writing,
        "journal": {"entries_this_week": overview.journal_this_week},
        "goals": overview.goals,
        "feedback": overview.feedback,
    }  # fmt: skip
