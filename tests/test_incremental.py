"""The page cache: an edit re-renders only the pages it changes, and a cached build is
byte for byte the clean full build of the same content."""
import dataclasses
from pathlib import Path

import jinja2
import pytest
import yaml

from builder.analysis import analyse
from builder.build import BuildOptions, check, render_site
from builder.errors import ContentError
from builder.incremental import PageCache
from builder.render import Page, SiteView
from builder.views import Link
from conftest import PROJECT, copy_site, edit


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site("serve-basic", tmp_path)


def rendered(site: Path, cache: PageCache | None = None) -> tuple[dict[str, bytes], int]:
    checked = check(BuildOptions(str(site)))
    return render_site(checked, analyse(checked.content, checked.anchored), str(site), cache)


def cached_build(site: Path, cache: PageCache) -> dict[str, bytes]:
    return rendered(site, cache)[0]


def page_count(site: Path) -> int:
    return rendered(site)[1]


def clean_build(site: Path) -> dict[str, bytes]:
    return rendered(site)[0]


def test_a_second_build_renders_nothing_and_gives_the_same_bytes(site):
    cache = PageCache()
    first = cached_build(site, cache)
    assert len(cache.rendered) == page_count(site) > 10 and cache.reused == 0
    second = cached_build(site, cache)
    assert cache.rendered == [] and cache.reused == page_count(site)
    assert second == first == clean_build(site)


def test_a_claim_edit_renders_only_the_pages_that_show_that_claim(site):
    cache = PageCache()
    cached_build(site, cache)
    edit(site / "content/claims/bridge-cost.yml", "The bridge cost less", "The new bridge cost less")
    files = cached_build(site, cache)
    rendered = set(cache.rendered)
    for page in ("", "claims/bridge-cost/", "sources/daily-bridge/", "outlets/daily/",
                 "tags/bridge/", "tags/spending/", "verdicts/mixed/"):
        assert page in rendered, f"{page!r} shows the claim but was not re-rendered"
    for page in ("claims/budget-doubled/", "claims/wettest-day/", "sources/weekly-budget/",
                 "outlets/weekly/", "tags/weather/", "verdicts/correct/", "about/", "404.html"):
        assert page not in rendered, f"{page!r} does not show the claim but was re-rendered"
    assert b"The new bridge cost less" in files["claims/bridge-cost/index.html"]
    assert files == clean_build(site)


def test_a_verdict_change_leaves_the_other_claims_pages_alone(site):
    """Every claim page shows the rating scale; the counts by verdict are the home page's
    alone, so one claim's new verdict is no change to the others' pages."""
    cache = PageCache()
    cached_build(site, cache)
    edit(site / "content/claims/bridge-cost.yml", "verdict: mixed", "verdict: correct")
    files = cached_build(site, cache)
    rendered = set(cache.rendered)
    assert {"", "claims/bridge-cost/", "verdicts/mixed/", "verdicts/correct/"} <= rendered
    assert not rendered & {"claims/budget-doubled/", "claims/wettest-day/", "methodology/"}
    assert files == clean_build(site)


def test_a_template_edit_renders_the_pages_that_use_it(site):
    cache = PageCache()
    cached_build(site, cache)
    (site / "templates").mkdir()
    source_template = (PROJECT / "templates/source.html").read_text(encoding="utf-8")
    (site / "templates/source.html").write_text(
        source_template.replace("Source article", "Article checked"), encoding="utf-8")
    files = cached_build(site, cache)
    assert sorted(cache.rendered) == ["sources/daily-bridge/", "sources/weekly-budget/"]
    assert b"Article checked" in files["sources/daily-bridge/index.html"]
    assert files == clean_build(site)


def test_an_edit_to_an_extended_template_reaches_every_page_built_on_it(site):
    cache = PageCache()
    cached_build(site, cache)
    pages = page_count(site)
    (site / "templates").mkdir()
    base = (PROJECT / "templates/base.html").read_text(encoding="utf-8")
    (site / "templates/base.html").write_text(base.replace("</main>", "</main>\n<!-- edited -->"),
                                              encoding="utf-8")
    files = cached_build(site, cache)
    assert len(cache.rendered) == pages and cache.reused == 0
    assert files == clean_build(site)


def test_a_site_yml_edit_renders_everything(site):
    cache = PageCache()
    cached_build(site, cache)
    pages = page_count(site)
    edit(site / "site.yml", "title: Preview test desk", "title: Preview desk")
    files = cached_build(site, cache)
    assert len(cache.rendered) == pages and cache.reused == 0
    assert files == clean_build(site)


def test_after_a_sequence_of_edits_the_cached_build_is_the_clean_build(site):
    cache = PageCache()
    cached_build(site, cache)
    claims, seeds = site / "content/claims", site / "seeds"
    edits = [
        lambda: edit(claims / "wettest-day.yml", "verdict: correct", "verdict: mixed"),
        lambda: edit(claims / "budget-doubled.yml", "tags: [spending]", "tags: [spending, council]"),
        lambda: edit(seeds / "weekly-budget.yml", "headline: Bridge costs", "headline: Bridge spending"),
        lambda: (claims / "new-claim.yml").write_text(
            (claims / "wettest-day.yml").read_text(encoding="utf-8")
            .replace("date: 2025-03-07", "date: 2025-03-08"), encoding="utf-8"),
        lambda: (claims / "bridge-cost.yml").unlink(),
        lambda: edit(site / "content/pages/about.md", "A test desk", "A small test desk"),
        lambda: edit(site / "site.yml", "base_url: https://example.github.io/repo/",
                     "base_url: https://example.org/checks/"),
    ]
    for number, make_edit in enumerate(edits, 1):
        make_edit()
        cached = cached_build(site, cache)
        assert cache.rendered, f"edit {number} changed pages but none was re-rendered"
        assert cached == clean_build(site), f"after edit {number} the cached build differs"
    assert "claims/bridge-cost/index.html" not in cached
    assert b"/checks/claims/new-claim/" in cached["index.html"]


def test_the_shipped_site_rebuilt_after_a_claim_edit_equals_its_clean_build(tmp_path):
    site = copy_site("shipped", tmp_path)
    claim_files = sorted((site / "content/claims").rglob("*.yml"))
    if not claim_files:
        pytest.skip("the shipped site has no claims yet")
    cache = PageCache()
    cached_build(site, cache)
    pages = page_count(site)
    claim = yaml.safe_load(claim_files[0].read_text(encoding="utf-8"))
    claim["summary"] = "Edited for the test. " + claim["summary"]
    claim_files[0].write_text(yaml.safe_dump(claim, allow_unicode=True), encoding="utf-8")
    files = cached_build(site, cache)
    assert len(cache.rendered) < pages / 2
    assert files == clean_build(site)


def small_environment(templates: dict) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True,
                              undefined=jinja2.StrictUndefined)


SITE = SiteView("T", "D", "en", "https://example.org/", "/", "/static/style.css", "/", (),
                Link("https://example.org/", "P"))


def test_an_included_template_is_part_of_the_key():
    templates = {"page.html": "{% include 'part.html' %}", "part.html": "one"}
    cache, page = PageCache(), Page("x/", "page.html", "X")
    assert cache.renderer(small_environment(templates), SITE, [page])(page) == b"one"
    assert cache.renderer(small_environment(templates), SITE, [page])(page) == b"one"
    assert cache.rendered == []
    templates["part.html"] = "two"
    assert cache.renderer(small_environment(templates), SITE, [page])(page) == b"two"
    assert cache.rendered == ["x/"]


def test_a_page_whose_context_cannot_be_keyed_is_rendered_every_time():
    environment = small_environment({"page.html": "{{ value() }}"})
    cache, page = PageCache(), Page("x/", "page.html", "X", {"value": lambda: "fresh"})
    for _ in range(2):
        assert cache.renderer(environment, SITE, [page])(page) == b"fresh"
        assert cache.rendered == ["x/"]


def test_a_build_that_fails_halfway_costs_no_page_of_the_cache(site):
    cache = PageCache()
    cached_build(site, cache)
    (site / "templates").mkdir()
    broken = (PROJECT / "templates/source.html").read_text(encoding="utf-8")
    (site / "templates/source.html").write_text(broken.replace("{{ source.headline }}",
                                                               "{{ no_such_value.x }}"),
                                                encoding="utf-8")
    with pytest.raises(ContentError, match="error"):
        cached_build(site, cache)
    (site / "templates/source.html").unlink()
    assert cached_build(site, cache) == clean_build(site)
    assert cache.rendered == []


@dataclasses.dataclass(frozen=True)
class Node:
    children: list


def test_a_page_whose_context_holds_a_cycle_is_rendered_every_time():
    """Views are pickled for keys without pickle's memo, which cannot write a cycle."""
    node = Node([])
    node.children.append(node)
    environment = small_environment({"page.html": "{{ node.children | length }}"})
    cache, page = PageCache(), Page("x/", "page.html", "X", {"node": node})
    for _ in range(2):
        assert cache.renderer(environment, SITE, [page])(page) == b"1"
        assert cache.rendered == ["x/"]


def test_a_changed_template_global_is_part_of_the_key():
    environment = small_environment({"page.html": "{{ edition }}"})
    cache, page = PageCache(), Page("x/", "page.html", "X")
    environment.globals["edition"] = "first"
    assert cache.renderer(environment, SITE, [page])(page) == b"first"
    environment.globals["edition"] = "second"
    assert cache.renderer(environment, SITE, [page])(page) == b"second"


def test_markdown_kept_between_builds_renders_only_new_texts_and_changes_nothing(site):
    from builder.markdown import Markdown

    markdown, cache = Markdown(), PageCache()

    def build_with_both() -> dict[str, bytes]:
        checked = check(BuildOptions(str(site)))
        return render_site(checked, analyse(checked.content, checked.anchored), str(site),
                           cache, markdown)[0]

    build_with_both()
    seen = len(markdown._done)
    edit(site / "content/claims/bridge-cost.yml", "  The reports give", "  Newly **edited**. The reports give")
    files = build_with_both()
    assert b"Newly <strong>edited</strong>." in files["claims/bridge-cost/index.html"]
    assert seen < len(markdown._done) <= seen + 3  # the one new summary, as block and plain
    assert files == clean_build(site)


def test_a_preview_marks_each_compared_pair_once_while_the_groups_stand(monkeypatch):
    """Marking and explaining a pair's differences depends on the pair and its outlets'
    names alone: kept between builds, the corpus's pairs are not marked again when a
    claim changes, a pair no longer shown is let go, and a renamed outlet is told anew."""
    from builder import comparison_views
    from builder.consistency import Passage, compare_passages
    (pair,) = compare_passages([Passage("a", "a", "We will not back down, ever.", 0, 28),
                                Passage("b", "b", "We won't back down ever", 0, 23)]).pairs
    (other,) = compare_passages([Passage("a", "a", "Nobody saw it coming.", 0, 21),
                                 Passage("b", "b", "Nobody saw it coming", 0, 20)]).pairs
    calls = []
    marking = comparison_views._segments
    monkeypatch.setattr(comparison_views, "_segments",
                        lambda p: calls.append(p) or marking(p))
    marked = comparison_views.MarkedPairs()
    first = marked.of(pair, "A", "B")
    marked.done()
    assert marked.of(pair, "A", "B") is first and marked.of(other, "A", "B")
    assert calls == [pair, other]
    marked.done()
    marked.of(other, "A", "B")
    marked.done()   # this build showed only `other`: `pair` is let go
    marked.of(pair, "A", "B")
    assert calls == [pair, other, pair]
    renamed = marked.of(pair, "The A Times", "B")
    assert calls == [pair, other, pair, pair]
    assert any("The A Times" in (segment.explanation or "") for segment in renamed[0])
    assert not any("The A Times" in (segment.explanation or "") for segment in first[0])


def test_a_template_edited_in_place_is_compiled_again(site):
    """Compiled templates are kept between builds by their source: the same file saved
    with new text must not be served from the old compilation."""
    cache = PageCache()
    (site / "templates").mkdir()
    template = site / "templates/source.html"
    original = (PROJECT / "templates/source.html").read_text(encoding="utf-8")
    template.write_text(original.replace("Source article", "First wording"), encoding="utf-8")
    assert b"First wording" in cached_build(site, cache)["sources/daily-bridge/index.html"]
    template.write_text(original.replace("Source article", "Second wording"), encoding="utf-8")
    files = cached_build(site, cache)
    assert b"Second wording" in files["sources/daily-bridge/index.html"]
    assert files == clean_build(site)


def preview(site: Path):
    """A preview server's builder, with every cache it keeps between builds."""
    from builder.serve import SiteBuilder
    return SiteBuilder(str(site))


def preview_build(builder) -> dict[str, bytes]:
    outcome = builder.build()
    assert outcome.files is not None, outcome.problems
    return {path: body for path, body in outcome.files.items() if not path.startswith("static/")}


def clean_site(site: Path) -> dict[str, bytes]:
    return {path: body for path, body in clean_build(site).items()
            if not path.startswith("static/")}


def test_views_kept_between_builds_follow_every_page_that_shows_an_edited_claim(tmp_path):
    """Source and quotation-group views are kept between builds by what they show: a
    claim's new wording must reach its group on the consistency pages and the marks on
    its seeds' pages, which the claim's own file does not name, while the views the edit
    leaves alone are reused."""
    site = copy_site("shipped", tmp_path)
    builder = preview(site)
    preview_build(builder)
    edit(site / "content/claims/maximum-pressure-on-putin.yml",
         "claim: Maximum pressure on Putin", "claim: Most pressure on Putin")
    files = preview_build(builder)
    assert builder.cache.views.reused > 0
    consistency = [path for path in builder.cache.rendered if path.startswith("consistency/")]
    assert consistency, "the group covering the claim was not shown anew"
    assert any(b"Most pressure on Putin" in files[path + "index.html"] for path in consistency)
    assert files == clean_site(site)


def test_views_kept_between_builds_follow_a_quote_that_moved(tmp_path):
    """A shorter quote of the same claim: the claim reads the same everywhere, but its
    seed's page marks other words, and the group's passage links to another id."""
    site = copy_site("shipped", tmp_path)
    builder = preview(site)
    preview_build(builder)
    edit(site / "content/claims/maximum-pressure-on-putin.yml",
         'quote: "That means continuing to step up the military aid that we in Europe, '
         'alongside the United States, need to maintain. The maximum',
         'quote: "The maximum')
    files = preview_build(builder)
    assert builder.cache.views.reused > 0
    assert "sources/000_77b9b0fc3a0f8130/" in builder.cache.rendered
    assert files == clean_site(site)


def test_views_kept_between_builds_follow_an_edited_headline(tmp_path):
    """A seed's headline is shown on every group page quoting it, though the quotation
    groups themselves, found in the seeds' texts alone, stand."""
    site = copy_site("shipped", tmp_path)
    builder = preview(site)
    preview_build(builder)
    seed = next(path for path in sorted((site / "seeds").glob("*.yml"))
                if "headline: \"[" in path.read_text(encoding="utf-8"))
    edit(seed, "headline: \"[", "headline: \"[Edited ")
    files = preview_build(builder)
    assert builder.memo.reused and builder.cache.views.reused > 0
    assert any(path.startswith("consistency/") for path in builder.cache.rendered)
    assert files == clean_site(site)


def _shipped_analysis(tmp_path):
    """The shipped site checked and analysed, with its passages' anchors: what the
    consistency views are made of."""
    from builder import comparison_views
    checked = check(BuildOptions(str(copy_site("shipped", tmp_path))))
    analysis = analyse(checked.content, checked.anchored)
    return checked, analysis, comparison_views.passage_anchors(analysis, checked.anchored)


def test_a_kept_group_view_follows_its_passages_anchors(tmp_path):
    """The ids a group's passages link to are the checked quotes' where one starts there,
    which claims decide: a kept group view must not outlive a change of them."""
    from builder import comparison_views
    from builder.viewmemo import ViewMemo
    checked, analysis, anchors = _shipped_analysis(tmp_path)
    views = ViewMemo()

    def groups(anchors):
        return comparison_views.consistency_views(checked.content, analysis, "/", anchors,
                                                  None, views).groups

    first = groups(anchors)
    views.done()
    assert groups(anchors) == first and views.reused == 0  # counted when done
    views.done()
    speakers = {view.speaker for view in first}  # each speaker's list of groups, kept too
    assert views.reused == len(first) + len(analysis.comparisons) + len(speakers) and first
    moved = {place: f"{anchor}-moved" for place, anchor in anchors.items()}
    assert groups(moved) == comparison_views.consistency_views(
        checked.content, analysis, "/", moved).groups != first


def test_a_speakers_view_is_kept_while_its_groups_views_are(tmp_path):
    """Every page of /consistency/ lists every speaker with their groups: kept, a speaker
    is keyed once for all of them; a group of theirs changed, it is made anew with it."""
    from builder import comparison_views
    from builder.viewmemo import ViewMemo
    checked, analysis, anchors = _shipped_analysis(tmp_path)
    views = ViewMemo()

    def speakers(anchors):
        found = comparison_views.consistency_views(checked.content, analysis, "/", anchors,
                                                   None, views).speakers
        views.done()
        return found

    first = speakers(anchors)
    again = speakers(anchors)
    assert len(first) > 1 and all(a is b for a, b in zip(first, again))
    moved = {place: f"{anchor}-moved" for place, anchor in anchors.items()}
    changed = speakers(moved)
    assert changed == comparison_views.consistency_views(
        checked.content, analysis, "/", moved).speakers
    assert not any(a is b for a, b in zip(first, changed)) and changed != first


@pytest.mark.parametrize("old, new", [
    ("claimant: The mayor", "claimant: The deputy mayor"),
    ("date: 2025-03-03", "date: 2025-03"),      # a month alone: equal to its first day
    ("date: 2025-03-03", "date: 2025-03-01"),   # and back to a day, read otherwise
    ("verdict: mixed", "verdict: correct"),
])
def test_kept_claim_summaries_follow_each_field_they_show(site, old, new):
    """A claim's summary is kept between builds and shown on listings, on its seeds' and
    outlets' pages: each field it shows must reach all of them."""
    builder = preview(site)
    preview_build(builder)
    claim = site / "content/claims/bridge-cost.yml"
    if new == "date: 2025-03-01":
        edit(claim, old, "date: 2025-03")
        preview_build(builder)
        old = "date: 2025-03"
    edit(claim, old, new)
    files = preview_build(builder)
    assert builder.cache.views.reused > 0
    assert files == clean_site(site)


def test_kept_claim_views_follow_what_later_stages_add_to_them(site):
    """A claim page's ClaimReview names the publisher, which nothing else on the claim's
    view shows: the kept view must be made again when it changes."""
    builder = preview(site)
    preview_build(builder)
    edit(site / "site.yml", "publisher: {name: Test Desk", "publisher: {name: Other Desk")
    files = preview_build(builder)
    assert b"Other Desk" in files["claims/bridge-cost/index.html"]
    assert files == clean_site(site)


def test_a_claim_edit_keeps_every_other_claims_view(site):
    """The point of keeping them: one claim's new wording makes no other claim's view."""
    builder = preview(site)
    preview_build(builder)
    preview_build(builder)
    everything = builder.cache.views.reused
    edit(site / "content/claims/bridge-cost.yml", "The bridge cost less", "The new bridge cost less")
    preview_build(builder)
    # Its summary, claim view and comparison; its seeds' views, which mark it.
    assert everything - 6 <= builder.cache.views.reused < everything
