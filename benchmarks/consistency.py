"""How long quotation extraction, grouping and comparison take, and how that grows.

Generates a synthetic corpus (seeded, so every run sees the same one) shaped like the
seeds: articles of about 4.5 KB with fifteen quotations, many of them short fragments
worked into a sentence (the seeds' median quotation is six words, their mean about
twenty). Each quotes a pool of utterances, each quoted by several articles, verbatim or
with the edits outlets make: punctuation and typography, a word changed, a fragment, a
paragraph split. The pool grows with the corpus, as a bigger corpus covers more stories
rather than quoting the same ones more often.

    .venv/bin/python -m benchmarks.consistency [articles]

prints the median of three runs for the corpus and for one twice its size, each size in
a fresh interpreter, and their ratio: near-linear work doubles at most (target: ≤ 2 s
for 2,000 articles, ratio ≤ 2.2).
"""
from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from builder.consistency import group_quotations
from builder.gcpause import collector_paused
from builder.quotations import extract_corpus

QUOTES_PER_ARTICLE = 15
TIMES_QUOTED = 6  # how many articles quote an utterance, on average
_FUNCTION = ("the of and to in a that is for on with as it be by at this we have are "
             "not but from our will they all would there their been has more if can "
             "about so what when which who into than them these also very just").split()
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vi", "zo", "pe", "sa", "do", "ri",
              "ben", "tor", "mal", "gan", "sel", "dur", "fin", "har", "lim", "nor", "pra")
_VERBS = ("said", "told reporters", "added", "warned", "wrote")


@dataclass(frozen=True)
class Utterance:
    speaker: str
    sentences: tuple[str, ...]


def corpus(articles: int, seed: int = 7) -> dict[str, str]:
    """stem → article text; deterministic for a given size and seed."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 4000 + articles)
    people = [_person(rng) for _ in range(max(8, articles // 4))]
    pool = [_utterance(rng, vocabulary, people)
            for _ in range(articles * QUOTES_PER_ARTICLE // TIMES_QUOTED)]
    return {f"{n:05d}_bench": _article(rng, vocabulary, pool) for n in range(articles)}


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
             for _ in range(size)}
    return sorted(words)


def _person(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(2))


def _sentence(rng: random.Random, vocabulary: list[str], low=8, high=24) -> str:
    words = [rng.choice(_FUNCTION) if rng.random() < 0.4 else rng.choice(vocabulary)
             for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), str(rng.choice((70, 2024, 150, 3))))
    words[0] = words[0].capitalize()
    text = " ".join(words)
    if rng.random() < 0.5:
        cut = rng.randrange(2, len(words) - 2)
        text = " ".join(words[:cut]) + ", " + " ".join(words[cut:])
    return text + "."


def _utterance(rng, vocabulary, people) -> Utterance:
    return Utterance(rng.choice(people),
                     tuple(_sentence(rng, vocabulary) for _ in range(rng.choice((1, 1, 2, 3)))))


def _article(rng: random.Random, vocabulary: list[str], pool: list[Utterance]) -> str:
    curly = rng.random() < 0.7
    marks = ("“", "”") if curly else ('"', '"')
    paragraphs = [_sentence(rng, vocabulary, 6, 14)[:-1]]  # a headline
    for utterance in rng.sample(pool, QUOTES_PER_ARTICLE):
        paragraphs.append(_sentence(rng, vocabulary, 8, 22))
        paragraphs.extend(_quoted(rng, vocabulary, utterance, marks))
    return "\n".join(paragraphs)


def _quoted(rng, vocabulary, utterance: Utterance, marks) -> list[str]:
    """How one article quotes an utterance: its words (maybe edited) with attribution."""
    opening, closing = marks
    sentences = [_edited(rng, vocabulary, s) for s in utterance.sentences]
    surname = utterance.speaker.split()[-1]
    verb = rng.choice(_VERBS)
    if rng.random() < 0.4:  # a fragment worked into the narrative
        words = " ".join(sentences).split()
        start = rng.randrange(max(1, len(words) - 6))
        fragment = " ".join(words[start:start + rng.randint(2, 9)]).strip(".,")
        return [f"{utterance.speaker} {verb} that it was {opening}{fragment}{closing}."]
    if len(sentences) > 1 and rng.random() < 0.3:  # British style, over two paragraphs
        return [f"Mr {surname} {verb}: {opening}{sentences[0]}",
                f"{opening}{' '.join(sentences[1:])}{closing}"]
    body = " ".join(sentences)
    if rng.random() < 0.5:
        return [f"{utterance.speaker} {verb}: {opening}{body}{closing}"]
    return [f"{opening}{body[:-1]},{closing} Mr {surname} {verb}."]


def _edited(rng: random.Random, vocabulary: list[str], sentence: str) -> str:
    roll = rng.random()
    if roll < 0.45:
        return sentence
    if roll < 0.7:  # punctuation, case or typography only
        return rng.choice((sentence.replace(",", ""), sentence.replace(", ", " – "),
                           sentence.lower().capitalize(), sentence.replace(".", "…")))
    words = sentence.split()
    at = rng.randrange(len(words))
    if roll < 0.85:
        words[at] = rng.choice(vocabulary)
    elif len(words) > 6:
        del words[at]
    else:
        words.insert(at, rng.choice(_FUNCTION))
    return " ".join(words)


def run(texts: dict[str, str]) -> tuple[int, int]:
    """Extraction, grouping and comparison: what a build does with the quotations, and
    as a build does it, with the collector paused throughout (builder.build)."""
    with collector_paused():
        quotations = extract_corpus(texts)
        groups = group_quotations(quotations, {stem: stem for stem in texts})
        return len(quotations), len(groups)


@dataclass(frozen=True)
class Timing:
    articles: int
    quotations: int
    groups: int
    median: float      # wall-clock seconds, median of the runs
    best: float        # wall-clock seconds, fastest run
    cpu_median: float  # seconds of this process's CPU time: what other load can't inflate
    cpu_best: float


def time_corpus(articles: int, repeats: int = 3) -> Timing:
    """Times `run` on a generated corpus, in this process."""
    texts = corpus(articles)
    walls, cpus, found = [], [], (0, 0)
    for _ in range(repeats):
        began, began_cpu = time.perf_counter(), time.process_time()
        found = run(texts)
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    return Timing(articles, found[0], found[1], statistics.median(walls), min(walls),
                  statistics.median(cpus), min(cpus))


def time_isolated(articles: int, repeats: int = 3) -> Timing:
    """time_corpus in a fresh interpreter, so that one size's heap (a large corpus
    leaves a large, scattered one) does not slow the next size down."""
    root = Path(__file__).resolve().parent.parent
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.consistency", "--one", str(articles),
         str(repeats)], cwd=root, check=True, capture_output=True, text=True).stdout
    return Timing(**json.loads(output.strip().splitlines()[-1]))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(asdict(time_corpus(int(argv[1]), int(argv[2])))))
        return
    articles = int(argv[0]) if argv else 2000
    small = time_isolated(articles)
    large = time_isolated(2 * articles)
    for timing in (small, large):
        print(f"{timing.articles} articles, {timing.quotations} quotations, "
              f"{timing.groups} groups: {timing.median:.2f} s median of 3 "
              f"(best {timing.best:.2f} s; CPU {timing.cpu_median:.2f} s)")
    print(f"ratio {large.median / small.median:.2f} (best to best "
          f"{large.best / small.best:.2f}; CPU {large.cpu_median / small.cpu_median:.2f})")


if __name__ == "__main__":
    main(sys.argv[1:])
