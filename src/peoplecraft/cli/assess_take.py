"""The interactive ``peoplecraft assess take``: keyboard only, every answer saved at once.

A new assessment is stored only with its first answer, so quitting or being interrupted
(end of input, Ctrl-C) before answering leaves nothing behind. Items come in the assessment's
seeded shuffled order, the same as on the web; each shows its own answers ("n" answers
"No such occasion" where the item offers it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import typer

from peoplecraft.cli import context

QUIT, SKIP, NO_OCCASION_KEY = "q", "s", "n"
RESUME = "peoplecraft assess take"


@dataclass
class _Session:
    """The assessment being answered: an existing one, or the scope of one not stored yet."""

    owner: object
    guide: object
    scope: str
    area: object = None
    skills: list = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)
    assessment: object = None
    seed: int = 0  # the presentation order; stored with the assessment on its first answer

    def save(self, item_id: str, value: int | None) -> None:
        from peoplecraft.assessment import services
        from peoplecraft.assessment.models import Source

        if self.assessment is None:
            self.assessment = services.assessment_start(
                owner=self.owner,
                guide=self.guide,
                scope=self.scope,
                area=self.area,
                skills=self.skills,
                priorities=self.priorities,
                source=Source.CLI,
                answers={item_id: value},
                order_seed=self.seed,
            )
        else:
            services.answers_save(assessment=self.assessment, answers={item_id: value})


def _session(*, owner, guide, area_number, skills, priorities) -> _Session:
    """Resume the unfinished assessment when no scope is given, else prepare a new one."""
    from peoplecraft.assessment import selectors, services
    from peoplecraft.assessment.models import Scope

    if area_number is None and not skills:
        current = selectors.assessment_in_progress(owner=owner, guide=guide)
        if current is not None:
            typer.echo(f"Resuming the assessment you started on {current.started_at:%Y-%m-%d}.")
            return _Session(owner, guide, current.scope, assessment=current, seed=current.order_seed)
    area = None
    if area_number is not None:
        area = selectors.guide_area(guide=guide, number=area_number)
        if area is None:
            context.fail(f"'{guide.title}' has no area {area_number}.")
    scope = Scope.AREA if area else Scope.SKILLS if skills else Scope.GUIDE
    return _Session(owner, guide, scope, area, list(skills), list(priorities), seed=services.new_order_seed())


def _items(session: _Session):
    from peoplecraft.assessment import selectors

    if session.assessment is not None:
        return selectors.presented_items(assessment=session.assessment)
    try:
        return selectors.scope_presented_items(
            guide=session.guide, scope=session.scope, seed=session.seed, area=session.area, skills=session.skills
        )
    except selectors.ScopeError as error:
        context.fail(str(error))


def _ask(item, number: int, total: int) -> str:
    """Show one item with its own answers; the reply: a scale point, "0" (no such occasion), s or q."""
    from peoplecraft.assessment.instrument import NO_OCCASION

    scale = item.scale
    labels = [f"{value}={label}" for value, label in scale.points() if value != NO_OCCASION]
    keys = f"{scale.min}-{scale.max}, "
    if scale.no_occasion:
        labels.append(f"{NO_OCCASION_KEY}={scale.no_occasion}")
        keys += f"{NO_OCCASION_KEY} for {scale.no_occasion.casefold()}, "
    typer.echo(f"\n[{number}/{total}] {item.skill}\n{item.self_text}\n  " + "  ".join(labels))
    while True:
        reply = typer.prompt(f"Answer {keys}s to skip, q to save and quit").strip().casefold()
        if reply == NO_OCCASION_KEY and scale.no_occasion:
            return str(NO_OCCASION)
        if reply in (QUIT, SKIP) or (reply.isdigit() and scale.min <= int(reply) <= scale.max):
            return reply
        typer.echo(f"Please type {keys}s or q.")


def _answer_all(session: _Session, items) -> bool:
    """Ask every unanswered item; False when the learner quits with q."""
    from peoplecraft.assessment import selectors

    saved = {} if session.assessment is None else selectors.answers_get(assessment=session.assessment, items=items)
    for number, item in enumerate(items, start=1):
        if item.id in saved:
            continue
        reply = _ask(item, number, len(items))
        if reply == QUIT:
            return False
        session.save(item.id, None if reply == SKIP else int(reply))
    return True


def run(*, owner, guide, area_number, skills, priorities) -> None:
    session = _session(owner=owner, guide=guide, area_number=area_number, skills=skills, priorities=priorities)
    answer_and_complete(session, _items(session), resume=RESUME, done="Finished. See 'peoplecraft assess results'.")


def answer_and_complete(session, items, *, resume: str, done: str) -> None:
    """Ask every item (an interruption or ``q`` keeps what was answered), then complete the assessment.

    ``session`` stores the assessment with its first answer (``session.save``); ``resume`` is the
    command that carries on; ``done`` is printed once the assessment is complete.
    """
    from peoplecraft.assessment import services

    with context.interruptible(saved=lambda: session.assessment is not None, resume=resume):
        finished = _answer_all(session, items)
    if not finished or session.assessment is None:
        context.quit_message(saved=session.assessment is not None, resume=resume)
        return
    try:
        services.assessment_complete(assessment=session.assessment)
    except services.AssessmentError as error:
        context.fail(f"{error} Your answers are saved; run '{resume}' to add more.")
    typer.echo(done)
