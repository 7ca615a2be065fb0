"""The pipeline, top to bottom: load → validate → anchor → analyse → render → write."""
from __future__ import annotations

import dataclasses
import datetime
import os
import time
import traceback

import jinja2
from dataclasses import dataclass

from . import claimreview, data, feeds, incremental, links, opendata, output, partial, render
from . import claimschema, search, sitemap, transparency, urls
from . import comparison_views, description_views
from .analysis import Analysis, CorpusMemo, analyse
from .anchoring import anchor_quotes
from .claims import load_claims
from .config import load_config, unread_config
from .errors import (ContentError, Position, Problem, counted, display_path, error, errors_in,
                     warning)
from .filememo import FileMemo
from .gcpause import collector_paused
from .groupstore import GroupStore
from .markdown import Markdown
from .model import AnchoredQuote, Content
from .pages import load_pages
from .paths import files_within
from .setapart import load_set_apart
from .sources import load_sources
from .urls import output_file
from .validate import validate
from .views import catalogue


@dataclass(frozen=True)
class BuildOptions:
    site_dir: str = "."
    out_dir: str = "_site"
    base_url: str | None = None
    cache_dir: str | None = None  # where quotation groups are kept between builds; None: nowhere
    drafts: bool = False  # build the claims marked draft: true too (the preview does)


@dataclass(frozen=True)
class CheckedSite:
    content: Content  # with site.yml in error, as much of it as could be read
    anchored: tuple[AnchoredQuote, ...]
    problems: tuple[Problem, ...]
    reviews: dict  # claim id → its ClaimReview, built once: checked here, embedded later
    drafts_left_out: int = 0

    @property
    def failed(self) -> bool:
        return bool(errors_in(self.problems))


@dataclass(frozen=True)
class BuildReport:
    files: int
    pages: int
    claims: int
    sources: int
    warnings: tuple[Problem, ...]
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()  # (stage, seconds), in pipeline order
    out_dir: str = "_site"  # as the editor gave it
    drafts_left_out: int = 0
    drafts_shown: bool = False  # built with --drafts: only drafts in error were left out

    def summary(self) -> str:
        left_out = (" in error left out" if self.drafts_shown
                    else " left out: make serve shows drafts")
        drafts = (f" ({counted(self.drafts_left_out, 'draft')}{left_out})"
                  if self.drafts_left_out else "")
        return (f"Built {self.pages} pages ({self.files} files) into "
                f"{display_path(self.out_dir)}: {self.claims} claims{drafts}, "
                f"{self.sources} sources, {counted(len(self.warnings), 'warning')} in "
                f"{self.seconds:.2f} s")

    def timings(self) -> str:
        """Where the time went, stage by stage: what to look at when a build is slow."""
        width = max(len(stage) for stage, _ in self.stages)
        return "\n".join(f"  {stage:<{width}}  {seconds:6.2f} s  {seconds / self.seconds:4.0%}"
                         for stage, seconds in self.stages)


def check(options: BuildOptions, memo: FileMemo | None = None) -> CheckedSite:
    """Load, validate and anchor; raise ContentError with every problem if any is an error.
    With a memo (the preview server keeps one), unchanged claim, seed and template files
    are not read again."""
    checked = examine(options, memo)
    if checked.failed:
        raise ContentError(checked.problems)
    return checked


def examine(options: BuildOptions, memo: FileMemo | None = None) -> CheckedSite:
    """As check, but returning the content with its errors, for the warnings that can
    still be worked out beside them."""
    content, problems = load_content(options, memo)
    reviews = {}
    problems += validate(content, unloaded_sources(options.site_dir, content))
    # Without errors every claim and seed is complete: these are every claim's reviews.
    if content.config.complete:
        whole = _reviewable(content)
        reviews = claimreview.claim_reviews(whole)
        problems += claimreview.review_problems(whole, reviews)
    anchored, anchor_problems = anchor_quotes(
        content.claims, {source.stem: source for source in content.sources})
    problems += anchor_problems
    return drafts_aside(CheckedSite(content, anchored, tuple(sorted(problems)), reviews),
                        options.drafts)


def drafts_aside(checked: CheckedSite, shown: bool) -> CheckedSite:
    """A draft never stops a build: its errors are told as warnings, and a draft in error
    is left out. The others are left out too unless drafts are `shown`."""
    drafts = {claim.origin.path: claim.id for claim in checked.content.claims if claim.draft}
    if not drafts:
        return checked
    in_error = {drafts[p.position.path] for p in errors_in(checked.problems)
                if p.position.path in drafts}
    problems = tuple(sorted(_as_draft_warning(p, shown)
                            if not p.is_warning and p.position.path in drafts
                            else p for p in checked.problems))
    left_out = in_error if shown else set(drafts.values())
    claims = tuple(c for c in checked.content.claims if c.id not in left_out)
    return CheckedSite(dataclasses.replace(checked.content, claims=claims),
                       tuple(q for q in checked.anchored if q.claim_id not in left_out),
                       problems, {claim_id: review for claim_id, review in checked.reviews.items()
                                  if claim_id not in left_out}, len(left_out))


def _as_draft_warning(problem: Problem, shown: bool) -> Problem:
    effect = ("left out until this is fixed" if shown
              else "not published, so not stopping the build")
    return warning(problem.position, f"{problem.message} (in a draft: {effect})")


def warnings_despite_errors(checked: CheckedSite, site_dir: str, memo: CorpusMemo,
                            cache: incremental.PageCache | None = None,
                            markdown: Markdown | None = None,
                            marked: comparison_views.MarkedPairs | None = None
                            ) -> list[Problem]:
    """The warnings a build adds to the content's own (links to no page, set-apart
    entries that fit no group), worked out on the part of a site with errors that
    builds, and the errors only rendering finds (a template's, static/'s); with site.yml
    in error, the set-apart entries only. The preview passes its caches, as for a build."""
    try:
        return _problems_of_sound_part(checked, site_dir, memo, cache, markdown, marked)
    except Exception:  # noqa: BLE001 - the last safety net: content in error may break
        # the part that builds in a way no check foresaw. The errors are what the editor
        # needs; that these checks were skipped is said in one line, not a traceback.
        return [_unchecked(site_dir, traceback.format_exc(limit=0).strip())]


def _problems_of_sound_part(checked: CheckedSite, site_dir: str, memo: CorpusMemo,
                            cache, markdown, marked) -> list[Problem]:
    content = checked.content
    unloaded = unloaded_sources(site_dir, content)
    sound, unbuilt = partial.sound_part(content, checked.problems, checked.anchored,
                                        site_dir, unloaded)
    kept = {claim.id for claim in sound.claims}
    part = CheckedSite(sound, tuple(q for q in checked.anchored if q.claim_id in kept), (),
                       {claim_id: review for claim_id, review in checked.reviews.items()
                        if claim_id in kept})
    analysis = analyse(sound, part.anchored, memo)
    problems = partial.unsure_without(list(analysis.problems), unloaded)
    if not content.config.complete or render.template_problems(site_dir):
        # Told already: without the whole of site.yml, or the templates, no pages are made
        # to link to. The analysis reads seeds, claims and consistency.yml only.
        return problems
    try:
        files, _ = render_pages_and_data(part, analysis, site_dir, cache, markdown, marked)
    except ContentError as failure:
        # A template that fails on a page: an error the build will give, told in this
        # run; no pages to check links on.
        return problems + list(failure.problems)
    static, static_problems = read_static_files(site_dir)  # the build's errors, told now
    return (problems + static_problems
            + links.broken_links(content, files | static, unbuilt))


def _unchecked(site_dir: str, failure: str) -> Problem:
    shown = display_path(site_dir)
    where = Position(os.path.join("" if shown == "." else shown, "site.yml"))
    return warning(where, "the links and content/consistency.yml could not be checked beside "
                          f"these errors (an internal error in the builder: {failure}; please "
                          "report it); they will be once the errors are fixed")


def unloaded_sources(site_dir: str, content: Content) -> frozenset[str]:
    """Seeds on disk that failed to load. Their own errors say why; claims citing them get
    no follow-on errors ("unknown source", an empty ClaimReview) that would mislead."""
    folder = os.path.join(site_dir, "seeds")
    names = os.listdir(folder) if os.path.isdir(folder) else []
    on_disk = {os.path.splitext(name)[0] for name in names if name.endswith((".txt", ".yml"))}
    return frozenset(on_disk - {source.stem for source in content.sources})


def _reviewable(content: Content) -> Content:
    """The claims whose ClaimReview can be made: complete, and citing only seeds that
    loaded. The others' own errors say what is wrong; a ClaimReview error ("appearance is
    missing") on top would only mislead."""
    loaded = {source.stem for source in content.sources if source.complete}
    claims = tuple(claim for claim in content.claims if claim.complete
                   and {appearance.source for appearance in claim.appearances} <= loaded)
    return dataclasses.replace(content, claims=claims)


def load_content(options: BuildOptions, memo: FileMemo | None = None
                 ) -> tuple[Content, list[Problem]]:
    site, shown = options.site_dir, display_path(options.site_dir)
    # 'content/x.yml', as the editor would type it, not './content/x.yml'.
    shown = "" if shown == "." else shown
    config, problems = load_config(site, shown, options.base_url)
    if memo is not None:
        memo.begin()
    sources, source_problems = load_sources(os.path.join(site, "seeds"),
                                            os.path.join(shown, "seeds"), memo)
    claims, claim_problems = load_claims(os.path.join(site, "content", "claims"),
                                         os.path.join(shown, "content", "claims"), memo)
    # The templates' syntax, as a build checks it (a preview too: a template no page uses
    # yet must not pass there and fail in CI), parsed again only when one has changed.
    templates = render.own_templates(site)
    template_problems = (memo.recall(("templates", templates), templates,
                                     lambda: render.template_problems(site))
                         if memo is not None else render.template_problems(site))
    if memo is not None:
        memo.end()
    pages, page_problems = load_pages(os.path.join(site, "content", "pages"),
                                      os.path.join(shown, "content", "pages"))
    set_apart, set_apart_problems = load_set_apart(os.path.join(site, "content"),
                                                   os.path.join(shown, "content"))
    problems += (source_problems + claim_problems + page_problems + set_apart_problems
                 + template_problems)
    # Checked against as if it held none of its keys, a site.yml that cannot be read stops
    # only the checks that need it: an editor who broke it still hears, in the same run, of
    # every quote not found, tag in error or seed quoted twice.
    return Content(config or unread_config(), sources, claims, pages, set_apart), problems


def render_site(checked: CheckedSite, analysis: Analysis, site_dir: str,
                cache: incremental.PageCache | None = None,
                markdown: Markdown | None = None,
                marked: comparison_views.MarkedPairs | None = None
                ) -> tuple[dict[str, bytes], int]:
    """Every output file of the site, by site-relative path; and how many are HTML pages.
    With a cache (the preview server keeps one), pages whose inputs are unchanged are reused;
    a Markdown kept between builds renders only the texts it has not seen, and MarkedPairs
    marks only the compared pairs it has not seen."""
    files, page_count = render_pages_and_data(checked, analysis, site_dir, cache, markdown,
                                              marked)
    files.update(static_files(site_dir))
    return files, page_count


def render_pages_and_data(checked: CheckedSite, analysis: Analysis, site_dir: str,
                          cache: incremental.PageCache | None = None,
                          markdown: Markdown | None = None,
                          marked: comparison_views.MarkedPairs | None = None
                          ) -> tuple[dict[str, bytes], int]:
    """Every file render_site makes but those of static/."""
    content = checked.content
    markdown = Markdown() if markdown is None else markdown
    base_path = content.config.base_path
    anchors = comparison_views.passage_anchors(analysis, checked.anchored)
    views = cache.views if cache is not None else None
    consistency = comparison_views.consistency_views(content, analysis, base_path, anchors,
                                                     marked, views)
    reviews = checked.reviews
    people = description_views.people_views(content, analysis.people, base_path)
    described = description_views.outlet_descriptions(content, analysis.people, people,
                                                      base_path)
    ready = catalogue(content, checked.anchored, base_path, markdown,
                      comparison_views.quotation_highlights(consistency, analysis, anchors),
                      views, claim_extras(content, consistency, reviews, people, analysis.named))
    pages = render.plan_pages(ready, content.config, content.pages, markdown, consistency,
                              people, described,
                              {claim.id: claim.former_ids for claim in content.claims})
    environment = render.make_environment(site_dir, cache.compiled if cache else None)
    site = render.site_view(content.config, content.pages)
    render_one = incremental.renderer(environment, site, cache, pages)
    try:
        # The page cache keeps state between builds: only a cacheless build is split.
        rendered = render.render_pages(pages, render_one, on_both_cores=cache is None)
        files = {output_file(page.path): body for page, body in zip(pages, rendered)}
    except jinja2.TemplateError as failure:
        raise ContentError([render.template_problem(failure)]) from None
    except Exception as failure:  # noqa: BLE001 - re-raised unless an editor's template
        if not render.in_site_template(failure, site_dir):
            raise
        raise ContentError([render.template_problem(failure)]) from None
    if views is not None:
        views.done()
    files["data/claims.json"] = data.to_json(data.claims_document(content, checked.anchored))
    files["data/consistency.json"] = data.to_json(comparison_views.consistency_document(analysis))
    files[description_views.PEOPLE_DATA_PATH] = data.to_json(
        description_views.people_document(analysis.people))
    files[comparison_views.GROUP_ADDRESSES_PATH] = data.to_json(
        comparison_views.group_addresses(analysis, consistency))
    files.update(publishing_files(content, reviews, pages, markdown))
    files[".nojekyll"] = b""
    return files, len(pages)


def claim_extras(content: Content, consistency, reviews: dict, people, named
                 ) -> dict[str, dict]:
    """By claim id, what later stages add to its page: made before its view, so that a
    view kept between builds is kept with them."""
    notes = description_views.claim_notes(content.claims, people, content.config.base_path,
                                          named)
    return {claim.id: {
        "comparison": consistency.comparisons.get(claim.id),
        "claim_review_json": claimreview.review_json(reviews, claim.id),
        "report_error_url": transparency.claim_error_url(content.config, urls.claim(claim.id)),
        "described": notes[claim.id],
    } for claim in content.claims}


def publishing_files(content: Content, reviews: dict, pages, markdown: Markdown) -> dict:
    """What aggregators, feed readers and search engines read besides the pages."""
    base_url = content.config.base_url
    return {
        "data/claims.csv": opendata.claims_csv(content, markdown),
        "data/claimreview.json": opendata.claimreview_json(content, reviews),
        feeds.FEED_PATH: feeds.atom_feed(content, markdown, source_date()),
        **{part.page + feeds.FEED_PATH: feeds.atom_feed(content, markdown, source_date(), part)
           for part in feeds.listing_feeds(content)},
        sitemap.SITEMAP_PATH: sitemap.sitemap_xml(
            base_url, [page.path for page in pages if page.listed], sitemap.page_dates(content)),
        "robots.txt": sitemap.robots_txt(base_url),
        claimschema.CLAIM_SCHEMA_PATH: claimschema.claim_schema(content.config.verdicts),
    }


def source_date() -> datetime.date:
    """The date for output no content dates (an empty site's feed): SOURCE_DATE_EPOCH, as
    reproducible builds define it, else the Unix epoch; never the clock."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        seconds = int(value) if value.isdigit() else 0
        return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date()
    except (OverflowError, OSError, ValueError):  # beyond the calendar: not a usable date
        return datetime.date(1970, 1, 1)


def static_files(site_dir: str) -> dict[str, bytes]:
    """The project's static/ files, overridden file by file by the site's own static/
    (whose files and folders may be links, but only within the site)."""
    files, problems = read_static_files(site_dir)
    if problems:
        raise ContentError(problems)
    return files


def read_static_files(site_dir: str) -> tuple[dict[str, bytes], list[Problem]]:
    """As static_files, with those that cannot be published as problems, beside the rest."""
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    for root, owner in ((os.path.join(render.PROJECT_DIR, "static"), render.PROJECT_DIR),
                        (os.path.join(site_dir, "static"), site_dir)):
        refused: list[tuple[str, str]] = []
        for path in files_within(root, owner, refused):
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            content = _static_file(path, problems)
            if content is not None:
                files["static/" + relative] = content
        problems += [error(Position(display_path(path)), why) for path, why in refused]
    return files, problems


def _static_file(path: str, problems: list[Problem]) -> bytes | None:
    if not os.path.isfile(path):  # a pipe would block the build for good
        problems.append(error(Position(display_path(path)), "not a plain file: static/ holds "
                                                             "files to publish as they are"))
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as failure:
        problems.append(error(Position(display_path(path)),
                              f"cannot read: {failure.strerror or failure}"))
        return None


@dataclass(frozen=True)
class MadeSite:
    """Everything a build makes, before it is written."""
    checked: CheckedSite
    files: dict[str, bytes]
    pages: int
    warnings: tuple[Problem, ...]  # the content's, and links to pages the build did not make


def make_site(options: BuildOptions, clock: _StageClock | None = None) -> MadeSite:
    """Check, analyse and render: a build but for writing, which `check` is too, so that
    it reports what a build would (a link to no page is only known once pages are made)."""
    clock = _StageClock() if clock is None else clock
    # A build makes hundreds of thousands of objects that live until it ends, and no
    # cycles worth collecting: the collector would walk them again and again for nothing
    # (a third of a large site's render time), and once more, all of them, as soon as it
    # is back on; so it is back on only once the site is written.
    with collector_paused():
        checked = clock.timed("load, validate, anchor", examine, options)
        memo = CorpusMemo(GroupStore(options.cache_dir) if options.cache_dir else None)
        if checked.failed:
            raise ContentError(list(checked.problems)
                               + warnings_despite_errors(checked, options.site_dir, memo))
        analysis = clock.timed("analyse consistency", analyse, checked.content,
                               checked.anchored, memo)
        if memo.reused:
            clock.rename_last("analyse consistency (quotation groups from the cache)")
        files, page_count = clock.timed("render", render_site, checked, analysis,
                                        options.site_dir)
        dead_links = links.broken_links(checked.content, files)
    warnings = (tuple(p for p in checked.problems if p.is_warning) + analysis.problems
                + tuple(dead_links))
    return MadeSite(checked, files, page_count, warnings)


def build(options: BuildOptions) -> BuildReport:
    clock = _StageClock()
    output.check_output_dir(options.out_dir, options.site_dir)
    with collector_paused():
        made = make_site(options, clock)
        unindexed: list[Problem] = []

        def index_for_search(root: str) -> int:
            unindexed.extend(clock.timed("index for search", search.index_site, root,
                                         display_path(options.out_dir),
                                         made.checked.content.config.language))
            return search.files_in_index(root)

        searched = made.checked.content.config.search
        written = clock.timed("write", output.write_site, made.files, options.out_dir,
                              index_for_search if searched else None)
    content = made.checked.content
    return BuildReport(written, made.pages, len(content.claims), len(content.sources),
                       made.warnings + tuple(unindexed), time.perf_counter() - clock.started,
                       tuple(clock.stages), options.out_dir, made.checked.drafts_left_out,
                       options.drafts)


class _StageClock:
    def __init__(self):
        self.started = time.perf_counter()
        self.stages: list[tuple[str, float]] = []
        self._within: list[float] = []  # time of the stages timed within each running one

    def timed(self, stage: str, work, *arguments):
        """`work(*arguments)`, its time recorded as the stage's; a stage timed within it
        (the search index, made while writing) is recorded as its own, not twice."""
        began = time.perf_counter()
        self._within.append(0.0)
        try:
            result = work(*arguments)
        finally:
            spent, inner = time.perf_counter() - began, self._within.pop()
            if self._within:
                self._within[-1] += spent
            self.stages.append((stage, spent - inner))
        return result

    def rename_last(self, stage: str) -> None:
        self.stages[-1] = (stage, self.stages[-1][1])
