"""seeds/*.txt and their sidecars → Source. The article text is kept exactly as received."""
from __future__ import annotations

import os
import re

from .anchoring import SearchableText
from .errors import Position, Problem, error, warning
from .paths import OUTSIDE, leads_outside
from .filememo import FileMemo
from .model import Source, Span
from .schema import Field, is_device_name, read_record
from .yamlfile import load_yaml, read_text

STEM_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,119}")
SIDECAR_FIELDS = [
    Field("outlet", "id", True), Field("headline", "text", True),
    Field("published", "date-or-unknown", True), Field("url", "url"),
    Field("author", "text"), Field("boilerplate", "text-list"),
]


def load_sources(seeds_dir: str, shown_dir: str, memo: FileMemo | None = None
                 ) -> tuple[tuple[Source, ...], list[Problem]]:
    """With a memo (the preview server keeps one), unchanged seeds are not read again."""
    problems: list[Problem] = []
    if not os.path.isdir(seeds_dir):
        return (), [error(Position(shown_dir), "no seeds/ folder: put the articles there as "
                                               "<stem>.txt with a <stem>.yml beside each")]
    if leads_outside(seeds_dir, os.path.dirname(os.path.abspath(seeds_dir))):
        return (), [error(Position(shown_dir), OUTSIDE)]
    # Hidden files are an editor's or the system's ('.#x.txt' locks, '.DS_Store'), no seeds.
    names = sorted(name for name in os.listdir(seeds_dir) if not name.startswith("."))
    stems = sorted({os.path.splitext(name)[0] for name in names
                    if name.endswith((".txt", ".yml"))})
    sources = []
    problems += _case_clashes(stems, shown_dir)
    for stem in stems:
        source = _seed(seeds_dir, shown_dir, stem, names, problems, memo)
        if source is not None:
            sources.append(source)
    for name in names:
        if not name.endswith((".txt", ".yml")) and not name.startswith("."):
            problems.append(warning(Position(os.path.join(shown_dir, name)),
                                    "ignored: seeds/ holds only <stem>.txt and <stem>.yml files"))
    return tuple(sources), problems


def _case_clashes(stems, shown_dir) -> list[Problem]:
    """Seeds whose pages would be one folder on Windows and macOS, which ignore case."""
    first: dict[str, str] = {}
    problems = []
    for stem in stems:
        other = first.setdefault(stem.lower(), stem)
        if other != stem:
            problems.append(error(Position(os.path.join(shown_dir, stem + ".txt")),
                                  f"seed '{stem}' and seed '{other}' "
                                  f"({os.path.join(shown_dir, other + '.txt')}) differ only in "
                                  "case, so their pages would clash; rename one"))
    return problems


def _seed(seeds_dir, shown_dir, stem, names, problems, memo: FileMemo | None) -> Source | None:
    if memo is None:
        return _load_source(seeds_dir, shown_dir, stem, names, problems)

    def read() -> tuple[Source | None, tuple[Problem, ...]]:
        found: list[Problem] = []
        return _load_source(seeds_dir, shown_dir, stem, names, found), tuple(found)
    paths = tuple(os.path.join(seeds_dir, stem + ending) for ending in (".txt", ".yml"))
    source, found = memo.recall(("seed", shown_dir, stem), paths, read)
    problems.extend(found)
    return source


def _load_source(seeds_dir, shown_dir, stem, names, problems) -> Source | None:
    txt_shown = os.path.join(shown_dir, stem + ".txt")
    yml_shown = os.path.join(shown_dir, stem + ".yml")
    if not STEM_PATTERN.fullmatch(stem):
        problems.append(error(Position(txt_shown), f"seed name '{stem}' is not allowed: use "
                                                   "letters, digits, hyphens and underscores"))
        return None
    if is_device_name(stem):
        problems.append(error(Position(txt_shown), f"seed name '{stem}' is reserved on Windows "
                                                   "(no folder can have it); rename the seed"))
        return None
    if stem + ".yml" not in names:
        problems.append(error(Position(txt_shown), f"article has no sidecar: create {yml_shown} "
                                                   "with outlet, headline and published"))
        return None
    if stem + ".txt" not in names:
        problems.append(error(Position(yml_shown), f"sidecar has no article: {txt_shown} is missing"))
        return None
    site_dir = os.path.dirname(os.path.abspath(seeds_dir))
    for name, shown in ((stem + ".txt", txt_shown), (stem + ".yml", yml_shown)):
        # A file is where its folder is unless it is a link: the folder is checked once.
        path = os.path.join(seeds_dir, name)
        if os.path.islink(path) and leads_outside(path, site_dir):
            problems.append(error(Position(shown), OUTSIDE))
            return None
    text, read_problems = read_text(os.path.join(seeds_dir, stem + ".txt"), txt_shown)
    problems.extend(read_problems)
    if text is not None and not text.strip():
        problems.append(error(Position(txt_shown), "article is empty"))
        text = None
    document, yaml_problems = load_yaml(os.path.join(seeds_dir, stem + ".yml"), yml_shown)
    problems.extend(yaml_problems)
    if document is None or text is None:
        return None
    record = read_record(document, (), SIDECAR_FIELDS, problems, "a seed sidecar")
    if record is None:
        return None
    boilerplate = _boilerplate_spans(record, text)
    # A sidecar with errors is kept (but one without an outlet, which nothing could
    # check), so that its outlet and the quotes claims take from it are checked in the
    # same run: its errors stop the build all the same.
    if record.get("outlet") is None:
        return None
    published = record.get("published")
    return Source(
        stem=stem, text=text, outlet=record.get("outlet"), headline=record.get("headline", ""),
        published=None if published == "unknown" else published, url=record.get("url"),
        author=record.get("author"), boilerplate=boilerplate, origin=Position(yml_shown),
        positions={"outlet": document.at("outlet")},
        complete=all(record.get(field.name) is not None
                     for field in SIDECAR_FIELDS if field.required),
    )


def _boilerplate_spans(record, text: str) -> tuple[Span, ...]:
    searchable = SearchableText(text)
    spans = []
    for index, passage in enumerate(record.get("boilerplate", [])):
        if passage is None:
            continue  # in error, and said so
        located = searchable.locate(passage)
        if located is None:
            closest = searchable.closest(passage)
            record.problems.append(error(
                record.at("boilerplate", index),
                f"boilerplate passage not found in the article; closest "
                f"({closest.similarity:.0f}% similar, line {closest.line}): "
                f"“{' '.join(closest.text.split())[:120]}”"))
            continue
        if located.occurrences > 1:
            line = text.count("\n", 0, located.span.start) + 1
            record.problems.append(warning(
                record.at("boilerplate", index),
                f"boilerplate passage occurs {located.occurrences} times in the article; "
                f"the first, on line {line}, is hidden: give more of the passage to pick "
                f"another"))
        spans.append(located.span)
    return tuple(sorted(spans, key=lambda span: span.start))
