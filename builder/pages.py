"""content/pages/*.md → ContentPage: Markdown with a short YAML front matter."""
from __future__ import annotations

import os

from . import urls
from .errors import Position, Problem, error, warning
from .paths import OUTSIDE, leads_outside
from .model import ContentPage
from .schema import Field, id_rule, is_valid_id, read_record
from .yamlfile import parse_yaml, read_text

PAGE_FIELDS = [Field("title", "text", True), Field("description", "text")]
EXPECTED_PAGES = ("about", "methodology")
FENCE = "---"


def load_pages(pages_dir: str, shown_dir: str) -> tuple[tuple[ContentPage, ...], list[Problem]]:
    problems: list[Problem] = []
    pages = []
    names = sorted(os.listdir(pages_dir)) if os.path.isdir(pages_dir) else []
    for name in names:
        shown = os.path.join(shown_dir, name)
        slug, extension = os.path.splitext(name)
        if name.startswith(".") or extension != ".md":
            if not name.startswith("."):
                problems.append(warning(Position(shown), "ignored: pages are .md files"))
            continue
        if leads_outside(os.path.join(pages_dir, name), os.path.dirname(os.path.dirname(
                os.path.abspath(pages_dir)))):
            problems.append(error(Position(shown), OUTSIDE))
            continue
        if not is_valid_id(slug) and slug not in EXPECTED_PAGES:
            problems.append(error(Position(shown), f"page file name {id_rule(slug)}"))
            continue
        if slug in urls.SECTIONS:
            problems.append(error(Position(shown), f"'{slug}' is a section the builder writes "
                                                   f"(/{slug}/): give the page another name"))
            continue
        page = _load_page(os.path.join(pages_dir, name), shown, slug, problems)
        if page:
            pages.append(page)
    for slug in EXPECTED_PAGES:
        if slug not in names and f"{slug}.md" not in names:
            problems.append(warning(Position(os.path.join(shown_dir, f"{slug}.md")),
                                    f"no {slug} page: readers expect one"))
    return tuple(pages), problems


def _load_page(path, shown, slug, problems) -> ContentPage | None:
    text, read_problems = read_text(path, shown)
    problems.extend(read_problems)
    if text is None:
        return None
    lines = text.removeprefix("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        problems.append(error(Position(shown), "a page starts with front matter: a line '---', "
                                               "'title: …', and another '---'"))
        return None
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == FENCE), None)
    if closing is None:
        problems.append(error(Position(shown), "front matter is not closed by a line '---'"))
        return None
    # Pad with blank lines so YAML positions are positions in the whole file.
    front = "\n" + "".join(lines[1:closing])
    document, yaml_problems = parse_yaml(front, shown)
    problems.extend(yaml_problems)
    if document is None:
        return None
    record = read_record(document, (), PAGE_FIELDS, problems, "page front matter")
    if record is None or record.get("title") is None:
        return None
    return ContentPage(slug, record.get("title"), "".join(lines[closing + 1:]), Position(shown),
                       closing + 2, record.get("description", ""))
