"""Shared helpers for the quality tests and benchmarks/bench_writing.py."""

from __future__ import annotations

from pathlib import Path

import yaml

from peoplecraft.writing.analyzer import analyze

DATA = Path(__file__).parent / "data"
FORMULAS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari", "readability")
EASIER_IS_HIGHER = frozenset({"flesch_reading_ease", "readability"})


def passive_rows() -> list[tuple[bool, str]]:
    rows = []
    for line in (DATA / "passive_labelled.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            label, sentence = line.split("\t", 1)
            rows.append((label == "1", sentence))
    return rows


def passive_scores() -> tuple[float, float, int]:
    tp = fp = fn = 0
    rows = passive_rows()
    for want, sentence in rows:
        got = any(f.rule == "passive" for f in analyze(sentence).findings)
        tp += got and want
        fp += got and not want
        fn += want and not got
    return tp / max(1, tp + fp), tp / max(1, tp + fn), len(rows)


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    var_a = sum((x - ma) ** 2 for x in ra)
    var_b = sum((y - mb) ** 2 for y in rb)
    return cov / (var_a * var_b) ** 0.5


def readability_correlations() -> dict[str, float]:
    """Spearman correlation of each score with the labelled difficulty (harder = higher)."""
    passages = yaml.safe_load((DATA / "readability_passages.yaml").read_text("utf-8"))
    levels = [float(p["level"]) for p in passages]
    stats = [analyze(p["text"]).stats for p in passages]
    result = {}
    for name in FORMULAS:
        sign = -1.0 if name in EASIER_IS_HIGHER else 1.0
        result[name] = spearman(levels, [sign * s[name] for s in stats])
    return result
