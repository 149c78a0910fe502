"""The prompt sources and link kinds that exist today: self-assessment scores and the skill map.

360° results, scenarios and practice cards register their own sources when those apps exist.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from peoplecraft.journal.sources import (
    LinkKind,
    SuggestedPrompt,
    register_link_kind,
    register_prompt_source,
)

LOWEST_SKILLS = 3


def _live_skills(owner) -> list:
    """The active guide's live skills (with area and guide) in note order: one query."""
    from peoplecraft.skillmap import selectors as skillmap_selectors

    return skillmap_selectors.active_guide_skills(owner=owner)


def assessment_prompts(owner) -> list[SuggestedPrompt]:
    """The lowest-scored skills of the latest self-assessment scores in the active guide."""
    from peoplecraft.assessment import selectors as assessment_selectors

    scored = assessment_selectors.active_guide_self_scores(owner=owner)
    scores = {skill.pk: score for skill, score in scored}
    lowest = sorted((skill for skill, _score in scored), key=lambda skill: (scores[skill.pk], skill.position))
    lowest = lowest[:LOWEST_SKILLS]
    return [
        SuggestedPrompt(
            ref=f"assessment:skill-{skill.pk}",
            source="assessment",
            title=_("Lowest self-assessment score: %(skill)s (%(score)d/100)")
            % {"skill": skill.name, "score": round(scores[skill.pk])},
            question=_(
                "Your self-assessment put %(skill)s at %(score)d out of 100. Think of one recent moment that called "
                "for it: what did you actually do, and what would the version of you ten points higher have done?"
            )
            % {"skill": skill.name, "score": round(scores[skill.pk])},
            skill_ids=(skill.pk,),
            template="what-so-what-now-what",
        )
        for skill in lowest
    ]


def skillmap_prompts(owner) -> list[SuggestedPrompt]:
    """Skills in focus on the active guide's map."""
    from peoplecraft.skillmap.models import SkillStatus

    return [
        SuggestedPrompt(
            ref=f"skillmap:focus-{skill.pk}",
            source="skillmap",
            title=_("In focus: %(skill)s") % {"skill": skill.name},
            question=_(
                "%(skill)s is in focus on your skill map. When did you use it this week, or when could you have? "
                "Describe the moment and what you would repeat or change."
            )
            % {"skill": skill.name},
            skill_ids=(skill.pk,),
            template="free",
        )
        for skill in _live_skills(owner)
        if skill.status == SkillStatus.ACTIVE
    ]


def _exists(getter, **ids) -> bool:
    try:
        getter(**ids)
    except Http404:
        return False
    return True


def _draft_exists(owner, ident: int) -> bool:
    from peoplecraft.writing import selectors as writing_selectors

    return _exists(writing_selectors.draft_get, owner=owner, draft_id=ident)


def _assessment_exists(owner, ident: int) -> bool:
    from peoplecraft.assessment import selectors as assessment_selectors

    return _exists(assessment_selectors.assessment_get, owner=owner, assessment_id=ident)


def register_builtins() -> None:
    register_prompt_source("assessment", assessment_prompts)
    register_prompt_source("skillmap", skillmap_prompts)
    register_link_kind(LinkKind("writing-draft", "Writing draft", _draft_exists))
    register_link_kind(LinkKind("assessment", "Self-assessment", _assessment_exists))
