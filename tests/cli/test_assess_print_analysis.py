"""The text table of ``assess analyze``: narrow intervals must not read "0.89 to 0.89"."""

from __future__ import annotations

from peoplecraft.cli import assess_print


def test_alpha_and_its_interval_are_printed_to_three_decimals(capsys):
    scale = {"skill": "Alpha", "k": 4, "n_used": 900, "n_total": 900, "alpha": 0.8904, "items": []}
    assess_print.analysis({"scales": [{**scale, "ci_low": 0.8861, "ci_high": 0.8949}]})
    out = capsys.readouterr().out
    assert "0.886 to 0.895" in out and "0.890" in out
