"""``peoplecraft write check`` end to end on a 1 MB file: text report versus JSON, plain versus Markdown.

Run: ``.venv/bin/python benchmarks/bench_write_check.py`` (``--runs N``, ``--size BYTES``).

Generates a deterministic ~1 MB text (seeded sentences with passive voice, adverbs, wordy phrases,
so there are thousands of findings to report) and the same prose as a Dendron note with front
matter, code blocks and links, then times the installed console script (a new process each run,
start-up included) with ``--format json`` and ``--format text``. Target: the text report costs at
most 1.5× the JSON document's CPU time plus 0.3 s (it used to recount line numbers from the start of the
text for every finding). Exits non-zero if a target is missed.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND = Path(sys.executable).with_name("peoplecraft")
SENTENCES = (
    "The report was written by the team and it was reviewed carefully.",
    "In order to utilize the budget, we really need to basically plan ahead.",
    "Could you send the numbers by Friday?",
    "It is quite possible that the results will be delayed.",
    "We shipped the new release on time.",
    "Each manager should talk to his team about the change.",
    "The decision was made after a long discussion that covered every option we had considered so far.",
    "Thanks for the clear summary.",
)
MARKDOWN_BLOCKS = (
    "```python\nresult = utilize(data)  # was written by a script\n```\n",
    'See [the guide](https://example.com/utilize?was=written "It was written") for details.\n',
    "<!-- It was decided that this is hidden. -->\n",
    "Run `utilize --was-written` first.\n",
)


def generate(size: int, markdown: bool, seed: int = 20261125) -> str:
    rng = random.Random(seed)
    parts = ["---\nid: benchwritecheck\ntitle: Bench\n---\n\n"] if markdown else []
    total = sum(map(len, parts))
    while total < size:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6))) + "\n\n"
        if markdown and rng.random() < 0.3:
            paragraph += rng.choice(MARKDOWN_BLOCKS) + "\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)[:size]


def time_command(args: list[str], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU (user + system) seconds of the command, a new process each run.

    CPU time is reported too because the development VM is shared: wall time swings with load."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run([str(COMMAND), "write", "check", *args], stdout=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_000_000)
    options = parser.parse_args()
    missed = []
    with tempfile.TemporaryDirectory() as directory:
        for name, markdown in (("plain.txt", False), ("note.md", True)):
            path = Path(directory) / name
            path.write_text(generate(options.size, markdown), encoding="utf-8")
            json_wall, json_cpu = time_command([str(path), "--format", "json"], options.runs)
            text_wall, text_cpu = time_command([str(path), "--format", "text"], options.runs)
            print(
                f"{name:9} {path.stat().st_size:>9,} bytes  "
                f"json {json_wall:.2f} s (cpu {json_cpu:.2f})  text {text_wall:.2f} s (cpu {text_cpu:.2f})"
            )
            if text_cpu > 1.5 * json_cpu + 0.3:
                missed.append(name)
    if missed:
        print(f"text report too slow for: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
