"""The anonymity rules, example by example: thresholds, merging, complementary suppression, batches."""

from __future__ import annotations

import pytest

from peoplecraft.feedback import aggregation as agg
from peoplecraft.feedback.anonymity import (
    DEFAULT_THRESHOLDS,
    ThresholdError,
    thresholds_validate,
)

ITEM = agg.ItemSpec("listen-1", "Listening", 1, 1, 5)
REVERSED = agg.ItemSpec("listen-2", "Listening", -1, 1, 5)
T = dict(DEFAULT_THRESHOLDS)


def rater(key, group, value, batch=1, *, attributed=False, comments=None, item=ITEM):
    return agg.RaterAnswers(key, group, attributed, batch, {item.id: value}, comments or {})


def show(responses, releases=None, items=(ITEM,), thresholds=T):
    releases = releases or [agg.ReleasePoint(1, thresholds)]
    return agg.latest(responses, releases, list(items))


def labels(snapshot, index=0):
    return {stat.label: (stat.n, stat.mean) for stat in snapshot.items[index].groups}


def test_three_peers_are_shown_and_two_are_not():
    three = show([rater("a", "peer", 2), rater("b", "peer", 4), rater("c", "peer", 3)])
    assert labels(three) == {"peer": (3, 3.0)}
    assert three.items[0].groups[0].distribution == (0, 1, 1, 1, 0)
    assert three.items[0].overall is None  # all raters together need 4
    assert labels(show([rater("a", "peer", 2), rater("b", "peer", 4)])) == {}


def test_peers_three_plus_one_other_keeps_the_other_out_of_everything():
    """Adversarial: overall minus peers would give the single "other" rater's answer."""
    snap = show([rater("a", "peer", 2), rater("b", "peer", 4), rater("c", "peer", 3), rater("x", "other", 5)])
    assert labels(snap) == {"peer": (3, 3.0)}
    assert snap.items[0].overall is None  # 3 shown answers: below the overall threshold
    assert snap.responses == 3


def test_overall_is_the_sum_of_shown_groups_only():
    peers = [rater(f"p{i}", "peer", v) for i, v in enumerate([1, 2, 3, 4])]
    snap = show([*peers, rater("x", "other", 5), rater("y", "mentor", 5)])
    assert labels(snap) == {"peer": (4, 2.5)}
    assert (snap.items[0].overall.n, snap.items[0].overall.mean) == (4, 2.5)  # the other and mentor left out


def test_small_groups_merge_into_others_and_never_show_alone():
    snap = show([rater("a", "friend_family", 5), rater("b", "mentor", 1), rater("c", "other", 3)])
    assert labels(snap) == {"others": (3, 3.0)}


def test_merging_respects_each_groups_own_threshold():
    raised = {**T, "peer": 5}
    # Four peers under a threshold of five may not appear as "others" on their own.
    assert labels(show([rater(f"p{i}", "peer", 4) for i in range(4)], thresholds=raised)) == {}
    mixed = [*(rater(f"p{i}", "peer", 4) for i in range(4)), rater("f", "friend_family", 1)]
    assert labels(show(mixed, thresholds=raised)) == {"others": (5, 3.4)}


def test_manager_is_attributed_only_when_told():
    told = [rater("m", "manager", 2, attributed=True), *(rater(f"p{i}", "peer", 4) for i in range(3))]
    snap = show(told)
    assert {s.label: s.attributed for s in snap.items[0].groups} == {"manager": True, "peer": False}
    assert snap.items[0].overall.n == 4
    untold = [rater("m", "manager", 2), *(rater(f"p{i}", "peer", 4) for i in range(3))]
    assert labels(show(untold)) == {"peer": (3, 4.0)}  # an untold manager is one anonymous rater: dropped


def test_dont_know_counts_per_item_not_per_response():
    responses = [rater("a", "peer", 2), rater("b", "peer", 4), rater("c", "peer", None)]
    assert labels(show(responses)) == {}


def test_a_later_release_never_isolates_one_new_answer():
    """Adversarial: peers 3 released, then a fourth peer -- the difference would be that peer."""
    first = [rater(k, "peer", v, batch=1) for k, v in (("a", 2), ("b", 4), ("c", 3))]
    releases = [agg.ReleasePoint(1, T), agg.ReleasePoint(2, T)]
    history = agg.snapshots([*first, rater("d", "peer", 5, batch=2)], releases, [ITEM])
    assert labels(history[0]) == labels(history[1]) == {"peer": (3, 3.0)}  # frozen until three more arrive
    more = [rater(k, "peer", 1, batch=2) for k in "def"]
    history = agg.snapshots([*first, *more], releases, [ITEM])
    assert labels(history[1]) == {"peer": (6, 2.0)}


def test_graduating_out_of_others_cannot_expose_the_one_left_behind():
    """Adversarial: others = 2 peers + 1 friend; then a third peer. Peers alone would expose the friend."""
    first = [rater("p1", "peer", 2, batch=1), rater("p2", "peer", 4, batch=1), rater("f", "friend_family", 5, batch=1)]
    releases = [agg.ReleasePoint(1, T), agg.ReleasePoint(2, T)]
    history = agg.snapshots([*first, rater("p3", "peer", 3, batch=2)], releases, [ITEM])
    assert labels(history[0]) == {"others": (3, 11 / 3)}
    assert labels(history[1]) == {"others": (3, 11 / 3)}  # the old set again, nothing new


def test_comments_need_their_own_threshold_and_come_sorted():
    comments = [{"keep": "Clear agendas"}, {"keep": "asks good questions"}, {"keep": ""}, {"keep": "Listens"}]
    responses = [rater(f"p{i}", "peer", 3, comments=c) for i, c in enumerate(comments)]
    snap = show(responses)
    (group,) = snap.comments
    assert group.label == "peer" and group.texts == tuple(sorted(["Clear agendas", "asks good questions", "Listens"]))
    fewer = show(responses[:3])
    assert fewer.comments == ()  # three responses but only two comments


def test_skill_summary_and_johari():
    peers = [agg.RaterAnswers(f"p{i}", "peer", False, 1, {"listen-1": 2, "listen-2": 4}, {}) for i in range(4)]
    snap = show(peers, items=(ITEM, REVERSED))
    (skill,) = snap.skills
    assert skill.others_score == pytest.approx(25.0)
    snap = agg.latest(peers, [agg.ReleasePoint(1, T)], [ITEM, REVERSED], {"Listening": 80.0})
    assert snap.skills[0].gap == pytest.approx(-55.0) and snap.skills[0].johari == agg.BLIND_SPOT
    assert agg.johari(40, 60) == agg.HIDDEN_STRENGTH
    assert agg.johari(70, 75) == agg.AGREED_STRENGTH and agg.johari(30, 35) == agg.AGREED_GROWTH
    assert agg.johari(None, 50) is None


def test_release_due_in_steps_and_at_closing():
    assert not agg.release_due(pending_anonymous=2, pending=2, thresholds=T, closing=False)
    assert agg.release_due(pending_anonymous=3, pending=4, thresholds=T, closing=False)
    assert agg.release_due(pending_anonymous=0, pending=1, thresholds=T, closing=True)
    assert not agg.release_due(pending_anonymous=0, pending=0, thresholds=T, closing=True)


def test_thresholds_only_go_up_and_never_below_three():
    assert thresholds_validate({"peer": 4})["peer"] == 4
    with pytest.raises(ThresholdError, match="at least 3"):
        thresholds_validate({"peer": 2})
    with pytest.raises(ThresholdError, match="at most 60"):  # no request has more raters: nothing would show
        thresholds_validate({"peer": 10**20})
    with pytest.raises(ThresholdError, match="never lowered"):
        thresholds_validate({"peer": 4}, previous={**T, "peer": 5})
    with pytest.raises(ThresholdError, match="unknown threshold"):
        thresholds_validate({"boss": 4})


def test_a_johari_gap_counts_only_beyond_measurement_error():
    # With the prior for four items the detectable difference is about 34 points (measurement.py):
    # a 20-point gap is agreement, not a blind spot (the old fixed 10-point rule called it one).
    from peoplecraft.assessment import measurement

    precision = measurement.precision_for(None, answered=4, items=4)
    margin = measurement.detectable_difference(precision.sem, precision.sem)
    assert margin == pytest.approx(33.649, abs=1e-3)
    assert agg.johari(70, 50, margin) == agg.AGREED_STRENGTH
    assert agg.johari(80, 40, margin) == agg.BLIND_SPOT
    assert agg.johari(30, 70, margin) == agg.HIDDEN_STRENGTH
    assert agg.johari(70, 50) == agg.BLIND_SPOT  # the fallback when no margin is known


def test_a_snapshot_uses_each_skills_margin():
    peers = [agg.RaterAnswers(f"p{i}", "peer", False, 1, {"listen-1": 2, "listen-2": 4}, {}) for i in range(4)]
    release = [agg.ReleasePoint(1, T)]
    plain = agg.latest(peers, release, [ITEM, REVERSED], {"Listening": 45.0})
    within = agg.latest(peers, release, [ITEM, REVERSED], {"Listening": 45.0}, margins={"Listening": 33.6})
    assert plain.skills[0].gap == pytest.approx(-20.0) and plain.skills[0].johari == agg.BLIND_SPOT
    assert within.skills[0].johari == agg.AGREED_GROWTH  # 20 points is within measurement error
