"""The interactive ``peoplecraft practice scenario play``: keyboard only, every choice saved at once."""

from __future__ import annotations

import textwrap

import typer

from peoplecraft.cli import context

QUIT = "q"
WIDTH = 88


def _say(text: str, indent: str = "") -> None:
    typer.echo(textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent))


def _show_step(scenario, state) -> None:
    last = state.last()
    if last is not None:
        _node, choice = last
        typer.echo("")
        _say(f"Feedback: {choice.feedback}", "  ")
        scores = ", ".join(f"{skill} {value:+d}" for skill, value in choice.scores)
        if scores:
            typer.echo(f"  ({scores})")
    typer.echo(f"\n--- Decision {state.decisions + 1} ---")
    if state.node.narration:
        _say(state.node.narration)
    if state.node.line:
        _say(f'{state.node.speaker}: "{state.node.line}"')
    for number, choice in enumerate(state.node.choices, start=1):
        _say(f"{number}. {choice.text}", "  ")


def _ask(count: int) -> str:
    while True:
        reply = typer.prompt(f"Your choice (1-{count}, q to save and quit)").strip().casefold()
        if reply == QUIT or (reply.isdigit() and 1 <= int(reply) <= count):
            return reply
        typer.echo(f"Please type a number from 1 to {count}, or q.")


def _resumable(owner, scenario, restart: bool):
    """The unfinished play to carry on and where it stands, or (None, the opening) for a new play."""
    from peoplecraft.scenarios import engine, selectors

    play = None if restart else selectors.play_in_progress(owner=owner, scenario_id=scenario.id)
    state = None if play is None else selectors.play_state(play=play)
    if state is None:  # none, or its scenario changed since: the first answer starts afresh
        return None, engine.start(scenario)
    return play, state


def _choose(owner, scenario, play, state, choice: int, restart: bool):
    """Store one answer; a new play is stored together with its first answer."""
    from peoplecraft.scenarios import services
    from peoplecraft.scenarios.models import Source

    try:
        if play is None:
            return services.play_start(
                owner=owner, scenario_id=scenario.id, source=Source.CLI, restart=restart, first_choice=choice
            )
        return services.play_choose(play=play, node_id=state.node.id, choice=choice)
    except services.ScenarioPlayError as error:
        context.fail(str(error))


def run(*, owner, scenario, restart: bool) -> None:
    from peoplecraft.scenarios import selectors

    play, state = _resumable(owner, scenario, restart)
    resume = f"peoplecraft practice scenario play {scenario.id}"
    if state.steps:
        typer.echo(f"Resuming '{scenario.title}' where you stopped.")
    else:
        typer.echo(f"{scenario.title}\n")
        _say(scenario.setting)
    with context.interruptible(saved=lambda: play is not None, resume=resume):
        while not state.finished:
            _show_step(scenario, state)
            reply = _ask(len(state.node.choices))
            if reply == QUIT:
                context.quit_message(saved=play is not None, resume=resume)
                return
            play = _choose(owner, scenario, play, state, int(reply) - 1, restart)
            state = selectors.play_state(play=play)
    _debrief(play, state)


def _debrief(play, state) -> None:
    from peoplecraft.scenarios import selectors

    debrief = selectors.play_debrief(play=play)
    last = state.last()
    if last is not None:
        typer.echo("")
        _say(f"Feedback: {last[1].feedback}", "  ")
    typer.echo(f"\n=== {debrief.outcome} ===")
    _say(debrief.ending_text)
    typer.echo(
        f"\nScore {debrief.total} of {debrief.best_total} possible on your path ({debrief.decisions} decisions)."
    )
    for skill in debrief.skills:
        share = "" if skill.ratio is None else f" ({round(100 * skill.ratio)}% of best)"
        typer.echo(f"  {skill.skill}: {skill.score} of {skill.best}{share}")
    if debrief.best_moment:
        typer.echo("\nStrongest choice:")
        _say(debrief.best_moment.chosen, "  ")
    if debrief.worst_moment:
        typer.echo("Biggest missed chance:")
        _say(debrief.worst_moment.chosen, "  ")
        _say(f"Stronger: {debrief.worst_moment.better}", "  ")
        _say(debrief.worst_moment.better_feedback, "  ")
    typer.echo("\nWhat to try next: " + ", ".join(debrief.next_skills))
