"""Quality thresholds on our labelled sets (not timing tests)."""

from validation import passive_rows, passive_scores, readability_correlations


def test_passive_labelled_set_is_big_and_varied():
    rows = passive_rows()
    sentences = [s.lower() for _, s in rows]
    assert len(rows) >= 120
    assert sum(" got " in s or " get " in s for s in sentences) >= 8  # get-passives
    assert sum(1 for want, _ in rows if not want) >= 50  # adjectival and active traps


def test_passive_precision_and_recall_at_least_090():
    precision, recall, _ = passive_scores()
    assert precision >= 0.90
    assert recall >= 0.90


def test_headline_readability_ranks_passages_better_than_every_single_formula():
    rho = readability_correlations()
    headline = rho.pop("readability")
    for name, value in rho.items():
        assert headline > value, (name, value, headline)
