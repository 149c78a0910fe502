"""Property test: pooled micro-feedback never lets a suppressed answer be solved by subtraction.

Answers arrive one by one into a skill's pool and are released by the same batch rule the app uses
(:func:`aggregation.release_due` with the pool thresholds); thresholds may be raised between
releases. The linear-algebra oracle of ``test_aggregation_properties`` then checks that no rater,
no pair, and no set of fewer than three answers lies in the span of everything shown.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from test_aggregation_properties import _in_span, _vector

from peoplecraft.feedback import aggregation as agg
from peoplecraft.feedback.anonymity import OTHER
from peoplecraft.feedback.moment_results import ITEM, QUESTION
from peoplecraft.feedback.moment_services import POOL_THRESHOLDS

CELLS = [ITEM, f"comment:{QUESTION}"]


@st.composite
def pool_histories(draw):
    thresholds, releases, answers, pending = dict(POOL_THRESHOLDS), [], [], []
    for index in range(draw(st.integers(1, 16))):
        comment = draw(st.sampled_from(["", "", "Let me finish", "Asked why", "Summarised well"]))
        pending.append((f"r{index}", draw(st.integers(1, 5)), comment))
        if agg.release_due(pending_anonymous=len(pending), pending=len(pending), thresholds=thresholds, closing=False):
            number = len(releases) + 1
            releases.append(agg.ReleasePoint(number, dict(thresholds)))
            answers += [agg.RaterAnswers(k, OTHER, False, number, {ITEM: r}, {QUESTION: c}) for k, r, c in pending]
            pending = []
            if draw(st.booleans()):
                name = draw(st.sampled_from([OTHER, "comments", "all"]))
                thresholds[name] += draw(st.integers(0, 2))
    answers += [agg.RaterAnswers(k, OTHER, False, None, {ITEM: r}, {QUESTION: c}) for k, r, c in pending]
    return answers, releases


@settings(max_examples=300, deadline=None)
@given(pool_histories())
def test_no_answer_or_small_set_of_answers_can_be_solved_across_releases(history):
    answers, releases = history
    keys = [a.key for a in answers]
    for cell, per_release in agg.revealed_history(answers, releases, CELLS).items():
        rows = []
        for shown in per_release:
            for revealed in shown:
                assert len(revealed.members) >= 3, (cell, revealed)
                rows.append(_vector(keys, revealed.members))
        for size in (1, 2):
            for subset in itertools.combinations(keys, size):
                assert not _in_span(rows, _vector(keys, set(subset))), (cell, subset)
        pending = {a.key for a in answers if a.batch is None}
        shown_keys = set().union(*(r.members for shown in per_release for r in shown))
        assert not pending & shown_keys  # answers waiting for a batch are never behind a number


@settings(max_examples=100, deadline=None)
@given(pool_histories())
def test_what_is_shown_changes_only_at_releases(history):
    """Adding answers that do not complete a batch changes nothing the learner sees."""
    answers, releases = history
    spec = [agg.ItemSpec(ITEM, "Listening", 1, 1, 5)]
    before = agg.latest(answers, releases, spec, questions=(QUESTION,))
    extra = [agg.RaterAnswers(f"late{i}", OTHER, False, None, {ITEM: 1}, {QUESTION: "late"}) for i in range(2)]
    assert agg.latest([*answers, *extra], releases, spec, questions=(QUESTION,)) == before
