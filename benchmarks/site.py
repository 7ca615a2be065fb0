"""How long a whole build takes, stage by stage, and how that grows.

Generates a site (seeded, so every run sees the same one): the articles of the consistency
benchmark as seeds, with sidecars spread over twenty outlets, and claims that each quote a
quotation of one article, and of every other article that quotes it word for word. Then
builds it cold with `python -m builder build --timings`, as an editor would (an empty
cache), and again after one claim's verdict changed (with the cache the cold build left).

    .venv/bin/python -m benchmarks.site [claims] [sources]

prints, for that site and one of half its size, the median of three cold builds, the
median time of each stage, and the rebuild after a one-claim edit.
"""
from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.consistency import corpus

OUTLETS = 20
TAGS = [f"topic-{n}" for n in range(60)]
VERDICTS = ("correct", "mostly-correct", "misleading", "incorrect", "unverifiable")
_QUOTED = re.compile(r"[“\"]([^”\"\n]{30,160})[”\"]")
ROOT = Path(__file__).resolve().parent.parent


def write_site(target: Path, claims: int, sources: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    texts = corpus(sources)
    (target / "seeds").mkdir(parents=True)
    (target / "content/claims").mkdir(parents=True)
    (target / "content/pages").mkdir(parents=True)
    (target / "site.yml").write_text(_site_yml(), encoding="utf-8")
    for name in ("about", "methodology"):
        (target / f"content/pages/{name}.md").write_text(
            f"---\ntitle: {name.capitalize()}\n---\nHow this generated site works.\n",
            encoding="utf-8")
    quoted_in: dict[str, list[str]] = {}
    for n, (stem, text) in enumerate(texts.items()):
        (target / f"seeds/{stem}.txt").write_text(text, encoding="utf-8")
        (target / f"seeds/{stem}.yml").write_text(
            f"outlet: outlet-{n % OUTLETS}\nheadline: \"{text.splitlines()[0]}\"\n"
            f"published: 2025-{1 + n % 12:02d}-{1 + n % 28:02d}\n", encoding="utf-8")
        for quotation in dict.fromkeys(_QUOTED.findall(text)):
            quoted_in.setdefault(quotation, []).append(stem)
    quotations = sorted(quoted_in)
    for n in range(claims):
        quotation = rng.choice(quotations)
        (target / f"content/claims/claim-{n:05d}.yml").write_text(
            _claim_yml(rng, n, quotation, quoted_in[quotation][:4]), encoding="utf-8")


def _site_yml() -> str:
    outlets = "".join(f"  outlet-{n}:\n    name: Outlet {n}\n" for n in range(OUTLETS))
    verdicts = "".join(f"  - id: {v}\n    label: {v.replace('-', ' ').capitalize()}\n"
                       f"    description: What {v} means here.\n"
                       + ("    rated: false\n" if v == "unverifiable" else "")
                       for v in VERDICTS)
    return (f"title: Generated Fact Checks\ndescription: A generated site for timing builds.\n"
            f"base_url: https://example.github.io/bench/\nlanguage: en-GB\n"
            f"publisher:\n  name: Bench Desk\n  url: https://example.org/\n"
            f"outlets:\n{outlets}verdicts:\n{verdicts}")


def _claim_yml(rng: random.Random, number: int, quotation: str, stems: list[str]) -> str:
    """A claim of its own, as editors write them: two claims may quote one passage, but
    not in the same words (that is a copied file, which the build warns of)."""
    words = quotation.split()
    start = rng.randrange(max(1, len(words) - 8))
    quote = " ".join(words[start:start + 8]).strip(".,;:–…")
    appearances = "".join(f"  - source: {stem}\n    quote: \"{quote}\"\n" for stem in stems)
    tags = ", ".join(rng.sample(TAGS, 2))
    return (f"claim: \"Speaker {number} said {' '.join(quote.split()[:5])}\"\n"
            f"claimant: A speaker\n"
            f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
            f"verdict: {rng.choice(VERDICTS)}\n"
            f"summary: |\n  Generated, number {number}: **{quote}**.\n"
            f"appearances:\n{appearances}tags: [{tags}]\n")


def timed_build(site: Path, out: Path, cache: Path) -> tuple[float, dict[str, float]]:
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--site", str(site),
                             "--out", str(out), "--timings", "--cache-dir", str(cache)],
                            cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    stages = {}
    for line in result.stdout.splitlines()[1:]:
        found = re.fullmatch(r"  (.+?)\s+([\d.]+) s\s+\d+%", line)
        if found:
            stages[found[1]] = float(found[2])
    return seconds, stages


def measure(claims: int, sources: int, repeats: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        site, out = Path(scratch) / "site", Path(scratch) / "_site"
        cache = Path(scratch) / "cache"
        write_site(site, claims, sources)
        runs = []
        for _ in range(repeats):
            subprocess.run(["rm", "-rf", str(out), str(cache)], check=True)
            runs.append(timed_build(site, out, cache))
        claim = site / "content/claims/claim-00000.yml"
        text = claim.read_text(encoding="utf-8")
        verdict = re.search(r"verdict: (\S+)", text)[1]
        other = next(v for v in VERDICTS if v != verdict)
        claim.write_text(text.replace(f"verdict: {verdict}", f"verdict: {other}"),
                         encoding="utf-8")
        edit, edit_stages = timed_build(site, out, cache)
    stages = {name: statistics.median(stages[name] for _, stages in runs) for name in runs[0][1]}
    return {"claims": claims, "sources": sources,
            "cold": statistics.median(seconds for seconds, _ in runs), "stages": stages,
            "edit": edit, "edit_stages": edit_stages}


def main(argv: list[str]) -> None:
    claims = int(argv[0]) if argv else 10000
    sources = int(argv[1]) if len(argv) > 1 else 2000
    results = [measure(claims // 2, sources // 2), measure(claims, sources)]
    for found in results:
        stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in found["stages"].items())
        print(f"{found['claims']} claims, {found['sources']} sources: cold {found['cold']:.2f} s "
              f"median of 3 ({stages}); after a one-claim edit {found['edit']:.2f} s "
              f"({', '.join(f'{n} {t:.2f}' for n, t in found['edit_stages'].items())})")
    print(f"ratio {results[1]['cold'] / results[0]['cold']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
