"""Writing-coach benchmark: quality and speed of peoplecraft.writing.analyzer.

Run:  .venv/bin/python benchmarks/bench_writing.py

Corpus (no network): every file in /usr/share/common-licenses (GPL, Apache, MPL, ...)
plus the docstrings of the Python standard library of the running interpreter, both
real English prose present on every Debian machine with Python. The text is repeated
until it reaches about 1 MB.
"""

from __future__ import annotations

import ast
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "writing"))

from validation import passive_scores, readability_correlations  # noqa: E402

from peoplecraft.writing.analyzer import analyze  # noqa: E402

TARGET_BYTES = 1_000_000
EMAIL = (
    "Subject: Draft of the Q3 customer report\n\nHi Priya,\n\n"
    + "Thanks for sending the numbers last week. I read them carefully and I think the "
    "churn section needs one more pass, because the figures for March were collected "
    "before the pricing change and may not be comparable with the later months. "
    "Could you check them against the billing export and tell me if anything looks off? " * 4 + "\n\nBest,\nSam\n"
)


def corpus() -> str:
    parts: list[str] = []
    licenses = Path("/usr/share/common-licenses")
    if licenses.is_dir():
        parts.extend(p.read_text("utf-8", "replace") for p in sorted(licenses.iterdir()) if p.is_file())
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(stdlib.glob("*.py")):
        try:
            tree = ast.parse(path.read_text("utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                doc = ast.get_docstring(node)
                if doc and len(doc) > 200:
                    parts.append(doc)
        if sum(map(len, parts)) > TARGET_BYTES:
            break
    text = "\n\n".join(parts)
    while len(text.encode()) < TARGET_BYTES:
        text += "\n\n" + text
    return text[:TARGET_BYTES]


def best_of(runs: int, func, *args) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import peoplecraft.writing.analyzer; print(time.perf_counter()-t)"
    env_path = str(ROOT / "src")
    results = [
        float(
            subprocess.run(
                [sys.executable, "-c", f"import sys; sys.path.insert(0, {env_path!r}); " + code],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(results)


def first_call_time() -> float:
    """Import plus the first analyze() in a fresh process (loads the data files once)."""
    code = (
        f"import sys, time; sys.path.insert(0, {str(ROOT / 'src')!r}); t=time.perf_counter(); "
        "from peoplecraft.writing.analyzer import analyze; analyze('Hi there.'); "
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def proselint_seconds(text: str) -> float | None:
    try:
        import proselint  # noqa: F401
    except ImportError:
        return None
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    # proselint stops after max_errors (1,000) findings; lift the cap so it does all the work
    config = {**DEFAULT, "max_errors": 10**9}
    results: list[int] = []
    seconds = best_of(1, lambda t: results.append(len(LintFile("<bench>", t).lint(config))), text)
    print(f"proselint findings: {results[0]:,}")
    return seconds


def speed(text: str, failures: list[str]) -> None:
    words = analyze(text).stats["words"]
    print(f"corpus: {len(text):,} characters, {words:,} words")
    seconds = best_of(3, analyze, text)
    findings = len(analyze(text).findings)
    print(f"full analysis (general): {seconds:.3f} s = {words / seconds:,.0f} words/s, {findings:,} findings (no cap)")
    if words / seconds < 150_000:
        failures.append("throughput under 150,000 words/s")
    email_ms = best_of(50, analyze, EMAIL, "email") * 1000
    print(f"{analyze(EMAIL, 'email').stats['words']}-word e-mail: {email_ms:.2f} ms")
    if email_ms >= 5:
        failures.append("e-mail analysis not under 5 ms")
    imported = import_time()
    print(f"import peoplecraft.writing.analyzer: {imported:.3f} s (median of 5)")
    if imported >= 0.3:
        failures.append("import not under 0.3 s")
    print(f"import + first analyze() (loads data files): {first_call_time():.3f} s")


def pathological() -> None:
    cases = {
        "1 MB of 'a'": "a" * TARGET_BYTES,
        "1 MB of '.'": "." * TARGET_BYTES,
        "1 MB of '!'": "!" * TARGET_BYTES,
        "1 MB of '`'": "`" * TARGET_BYTES,
        "1 MB of 'A '": "A " * (TARGET_BYTES // 2),
        "100k-char word": "x" * 100_000,
    }
    for name, nasty in cases.items():
        print(f"pathological {name}: {best_of(1, analyze, nasty):.3f} s")


def versus_proselint(text: str, failures: list[str]) -> None:
    words = analyze(text).stats["words"]
    ours = best_of(3, analyze, text)
    theirs = proselint_seconds(text)
    if theirs is None:
        print("proselint not installed: skipping the comparison (pip install proselint)")
        return
    print(
        f"side by side on {words:,} words: ours {words / ours:,.0f} words/s, "
        f"proselint {words / theirs:,.0f} words/s ({theirs / ours:.1f}x)"
    )
    if theirs / ours <= 2:
        failures.append("not more than twice proselint's throughput")


def quality(failures: list[str]) -> None:
    precision, recall, total = passive_scores()
    print(f"passive voice on {total} labelled sentences: precision {precision:.3f}, recall {recall:.3f}")
    if min(precision, recall) < 0.9:
        failures.append("passive precision or recall under 0.90")
    for name, rho in readability_correlations().items():
        print(f"Spearman vs labelled level, {name}: {rho:.3f}")


def main() -> None:
    failures: list[str] = []
    text = corpus()
    speed(text, failures)
    pathological()
    versus_proselint(text, failures)
    quality(failures)
    if failures:
        sys.exit("FAILED: " + "; ".join(failures))


if __name__ == "__main__":
    main()
