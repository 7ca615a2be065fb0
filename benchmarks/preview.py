"""How long the preview takes to rebuild after a one-claim edit, as `make serve` does it:
in one long-lived process keeping its FileMemo, PageCache, Markdown and marked pairs.

    .venv/bin/python -m benchmarks.preview [claims] [sources] [edits]

generates the site of benchmarks.site, builds it once (cold, untimed but for the report),
then edits one claim at a time (its verdict, then its summary, by turns, a different claim
each time) and times each rebuild. Prints each rebuild's seconds and their median.

With --worker SITE it is one side of an A/B comparison instead: it builds SITE, then reads
'build' lines on stdin and answers each with the rebuild's seconds and a digest of its
files, so that a driver can alternate two checkouts on one edit (see --compare).
"""
from __future__ import annotations

import hashlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.site import VERDICTS, write_site

ROOT = Path(__file__).resolve().parent.parent


def edit_claim(site: Path, number: int, claims: int) -> None:
    """The number-th edit: a verdict changed, or a summary reworded, by turns."""
    claim = site / f"content/claims/claim-{(number * 7919) % claims:05d}.yml"
    text = claim.read_text(encoding="utf-8")
    if number % 2:
        text = text.replace("Generated, number", f"Edited {number}, generated, number", 1)
    else:
        verdict = re.search(r"verdict: (\S+)", text)[1]
        other = next(v for v in VERDICTS if v != verdict)
        text = text.replace(f"verdict: {verdict}", f"verdict: {other}")
    claim.write_text(text, encoding="utf-8")


def files_digest(files: dict[str, bytes]) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + hashlib.blake2b(files[path]).digest())
    return digest.hexdigest()


def worker(site: str, cache: str) -> None:
    from builder.serve import SiteBuilder
    builder = SiteBuilder(site, cache)
    outcome = builder.build()
    print(f"ready {outcome.seconds:.3f}", flush=True)
    for line in sys.stdin:
        if line.strip() != "build":
            break
        began = time.perf_counter()
        outcome = builder.build()
        seconds = time.perf_counter() - began
        assert outcome.files is not None, outcome.problems
        print(f"{seconds:.4f} {outcome.rendered} {files_digest(outcome.files)}", flush=True)


def compare(checkouts: list[str], claims: int, sources: int, edits: int) -> None:
    """Each checkout's worker rebuilds after the same edit, in alternating order."""
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        write_site(site, claims, sources)
        workers = []
        for number, checkout in enumerate(checkouts):
            process = subprocess.Popen(
                [f"{ROOT}/.venv/bin/python", "-m", "benchmarks.preview", "--worker", str(site),
                 f"{scratch}/cache-{number}"], cwd=checkout, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, text=True)
            workers.append(process)
            print(f"{checkout}: cold {process.stdout.readline().split()[1]} s", flush=True)
        times: list[list[float]] = [[] for _ in checkouts]
        for number in range(edits):
            edit_claim(site, number, claims)
            order = range(len(workers)) if number % 2 == 0 else reversed(range(len(workers)))
            answers = {}
            for index in order:
                workers[index].stdin.write("build\n")
                workers[index].stdin.flush()
                seconds, rendered, digest = workers[index].stdout.readline().split()
                times[index].append(float(seconds))
                answers[index] = (rendered, digest)
            same = len({digest for _, digest in answers.values()}) == 1
            print(f"edit {number}: " + "  ".join(
                f"{times[i][-1]:.3f} s ({answers[i][0]} pages)" for i in range(len(workers)))
                + ("" if same else "  OUTPUT DIFFERS"), flush=True)
        for process in workers:
            process.stdin.close()
            process.wait()
        for checkout, found in zip(checkouts, times):
            print(f"{checkout}: median {statistics.median(found):.3f} s of {len(found)} "
                  f"({', '.join(f'{t:.3f}' for t in found)})")


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--worker":
        worker(argv[1], argv[2])
        return
    checkouts = [str(ROOT)]
    if argv and argv[0] == "--compare":
        checkouts, argv = [argv[1], str(ROOT)], argv[2:]
    claims = int(argv[0]) if argv else 2000
    sources = int(argv[1]) if len(argv) > 1 else claims // 5
    edits = int(argv[2]) if len(argv) > 2 else 7
    compare(checkouts, claims, sources, edits)


if __name__ == "__main__":
    main(sys.argv[1:])
