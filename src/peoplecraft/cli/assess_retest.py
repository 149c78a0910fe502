"""``peoplecraft assess retest``: the same items again 14-21 days later, shuffled; and pooled statistics.

Like ``assess take``, the retest is stored only with its first answer; ``q`` saves and the same
command resumes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, print_json

RESUME = "peoplecraft assess retest"


@dataclass
class _Session:
    """The retest being answered: ``assessment`` is None until the first answer is saved."""

    owner: object
    original: object
    assessment: object = None

    def save(self, item_id: str, value: int | None) -> None:
        from peoplecraft.assessment import services
        from peoplecraft.assessment.models import Source

        if self.assessment is None:
            self.assessment = services.retest_start(
                owner=self.owner, original=self.original, source=Source.CLI, answers={item_id: value}
            )
        else:
            services.answers_save(assessment=self.assessment, answers={item_id: value})


def _session(owner, guide) -> _Session:
    """The retest to resume, or a new one of the latest assessment when it is due (else exit 2)."""
    from django.utils import timezone

    from peoplecraft.assessment import retest_selectors, selectors

    offer = retest_selectors.retest_offer(owner=owner, guide=guide)
    if offer is None and selectors.assessment_latest(owner=owner, guide=guide) is not None:
        context.fail("Your latest assessment has been retested already; a new one is 'peoplecraft assess take'.")
    if offer is None:
        context.fail("No finished assessment to retest: run 'peoplecraft assess take' first.")
    taken = f"{timezone.localtime(offer.original.completed_at):%Y-%m-%d}"
    if offer.in_progress is not None:
        typer.echo(f"Resuming the retest of your assessment of {taken}.")
        return _Session(owner, offer.original, offer.in_progress)
    if not offer.due:
        opens, last = (f"{timezone.localtime(moment):%Y-%m-%d}" for moment in (offer.opens, offer.last_day))
        context.fail(f"The retest of your assessment of {taken} can be taken from {opens} to {last}, not today.")
    typer.echo(f"Retest of your assessment of {taken}: the same statements in a new order.")
    return _Session(owner, offer.original)


def run(*, owner, guide) -> None:
    from peoplecraft.assessment import retest_selectors
    from peoplecraft.cli.assess_take import answer_and_complete

    session = _session(owner, guide)
    items = retest_selectors.retest_items(original=session.original)
    done = "Finished. See 'peoplecraft assess results' for whether your retest agrees within error."
    answer_and_complete(session, items, resume=RESUME, done=done)


def stats(output: OutputFormat) -> None:
    """Pooled test-retest correlation and SDC95 per skill, over members who share anonymised scores."""
    from peoplecraft.assessment import retest, retest_selectors

    owners = retest_selectors.retest_owner_ids()
    found = retest.retest_statistics(retest_selectors.retest_pairs(owners))
    document = {"people": len(owners), "min_pairs": retest.MIN_PAIRS, "skills": retest.stability_document(found)}
    if output is OutputFormat.JSON:
        print_json(document)
        return
    _print_stats(document)


def _print_stats(document: dict) -> None:
    from rich.table import Table

    out = console()
    if not document["skills"]:
        out.print("No finished retests yet.", markup=False)
        return
    table = Table("Skill", "Pairs", "r (95% CI)", "SD", "SEM", "SDC95")
    for s in document["skills"]:
        if s["r"] is None:
            table.add_row(s["skill"], str(s["n"]), s["status"], "—", "—", "—")
            continue
        ci = f"{s['r']:.2f} ({s['r_ci'][0]:.2f} to {s['r_ci'][1]:.2f})"
        table.add_row(s["skill"], str(s["n"]), ci, f"{s['sd']:.1f}", f"{s['sem']:.1f}", f"{s['sdc95']:.1f}")
    out.print(table)
    out.print(
        f"Test-retest over {document['people']} people; statistics need at least {document['min_pairs']} pairs "
        "per skill. SEM = SD x sqrt(1 - r); SDC95 = 1.96 x sqrt(2) x SEM (docs/assessment.md).",
        markup=False,
    )
