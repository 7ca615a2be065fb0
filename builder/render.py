"""Pages from templates. Each page is planned as (URL path, template, ready context) and
rendered on its own, so a later cache can skip pages whose inputs did not change."""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from typing import Mapping

import jinja2

from . import transparency, urls
from .errors import Position, Problem, display_path, error
from .paths import OUTSIDE, leads_outside
from .feeds import FEED_PATH
from .gcpause import HelperFailed, Partner, helper
from .markdown import shorten
from .model import SiteConfig
from .comparison_views import GROUPS_PER_PAGE, ConsistencyViews
from .description_views import PEOPLE_PATH, OutletDescriptions, PersonView
from .pagination import paginate, titled
from .views import Catalogue, Link

OPEN_DATA = (("data/claims.json", "claims.json"), ("data/claims.csv", "claims.csv"),
             ("data/claimreview.json", "claimreview.json"))
SHARE_TEXT_LIMIT = 200  # what share cards and search results show, roughly
CLAIMS_PER_PAGE = 50
OUTLET_PAGE_CLAIMS = 10  # the newest on the outlet's page; every one on its claims listing
OUTLET_PAGE_GROUPS = 10  # the most divergent on the outlet's page; every one on its listing
OUTLET_PAGE_ARTICLES = 10  # the newest on the outlet's page; every one on its listing
ARTICLES_PER_PAGE = 50
PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass(frozen=True)
class Page:
    path: str                  # site-relative URL path: "claims/x/", "404.html"
    template: str
    title: str
    context: dict = field(default_factory=dict, compare=False)
    description: str = ""
    # In the sitemap: False for a page no one should land on from a search engine (one
    # that only leads elsewhere, the search page, empty until a reader types, the 404).
    listed: bool = True


@dataclass(frozen=True)
class MovedView:
    """Where a renamed claim is now (`url`, from the site's root), for the page at its
    former address."""

    url: str
    canonical: str  # the full address
    title: str


@dataclass(frozen=True)
class SiteView:
    title: str
    description: str
    language: str
    base_url: str
    base_path: str
    stylesheet: str
    home: str
    navigation: tuple[Link, ...]
    publisher: Link
    feed: str = ""
    corrections: str = ""
    open_data: tuple[Link, ...] = ()
    pages: tuple[Link, ...] = ()  # the editors' pages the navigation does not name
    sections: tuple[Link, ...] = ()  # the section indexes (/outlets/, /sources/ …)
    locale: str = ""  # the language as Open Graph writes it: en_GB for en-GB


# Pages the navigation links to on every site; the editors' other pages go in the footer.
NAVIGATION_PAGES = ("methodology", "about")


def template_dirs(site_dir: str) -> list[str]:
    """The site's own templates/ first, then the project's: overrides work file by file."""
    dirs = [os.path.join(site_dir, "templates"), os.path.join(PROJECT_DIR, "templates")]
    return [d for i, d in enumerate(dirs) if os.path.isdir(d) and d not in dirs[:i]]


class _SiteLoader(jinja2.FileSystemLoader):
    """The site's templates, then the project's; a template of the site's that leads out
    of the site folder (a link, or an include through a linked folder) is an error."""

    def __init__(self, site_dir: str):
        super().__init__(template_dirs(site_dir))
        self.site_dir = site_dir
        self.own = os.path.abspath(os.path.join(site_dir, "templates")) + os.sep

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if os.path.abspath(filename).startswith(self.own) and leads_outside(filename,
                                                                            self.site_dir):
            raise jinja2.TemplateSyntaxError(OUTSIDE, 1, template, filename)
        return source, filename, uptodate


def make_environment(site_dir: str, compiled: jinja2.BytecodeCache | None = None
                     ) -> jinja2.Environment:
    """`compiled`: templates compiled by earlier builds, by their source (the preview's)."""
    return jinja2.Environment(
        loader=_SiteLoader(site_dir), bytecode_cache=compiled,
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def og_locale(language: str) -> str:
    """A BCP 47 tag as Open Graph's locale: language_TERRITORY ('en-GB' → 'en_GB',
    'sr-Latn-RS' → 'sr_RS'), or the language alone where the tag names no region."""
    language, *rest = language.split("-")
    region = next((part for part in rest if len(part) == 2 and part.isalpha()), "")
    return f"{language.lower()}_{region.upper()}" if region else language.lower()


def site_view(config: SiteConfig, content_pages=()) -> SiteView:
    base = config.base_path
    others = sorted((page for page in content_pages if page.slug not in NAVIGATION_PAGES),
                    key=lambda page: (page.title.lower(), page.slug))
    return SiteView(
        title=config.title, description=config.description, language=config.language,
        base_url=config.base_url, base_path=base, stylesheet=base + "static/style.css",
        home=base, publisher=Link(config.publisher.url, config.publisher.name),
        navigation=(Link(base, "Claims"), Link(base + urls.page("consistency"), "Consistency"),
                    Link(base + urls.page("methodology"), "Methodology"),
                    Link(base + urls.page("about"), "About"))
                   + ((Link(base + urls.SEARCH, "Search"),) if config.search else ()),
        pages=tuple(Link(base + urls.page(page.slug), page.title) for page in others),
        feed=base + FEED_PATH, corrections=base + urls.page("corrections"),
        open_data=tuple(Link(base + path, name) for path, name in OPEN_DATA),
        locale=og_locale(config.language),
        sections=tuple(Link(base + path, name) for path, name in SECTION_INDEXES),
    )


# Every page's footer links to them: the ways in besides the claims themselves.
SECTION_INDEXES = ((urls.OUTLETS, "Outlets"), (urls.SOURCES, "Articles"), (urls.TAGS, "Tags"),
                   (urls.VERDICTS, "Our verdicts"))


def plan_pages(catalogue: Catalogue, config: SiteConfig, content_pages, markdown,
               consistency: ConsistencyViews, people: tuple[PersonView, ...] = (),
               described: Mapping[str, OutletDescriptions] = {},
               former_ids: Mapping[str, tuple[str, ...]] = {}) -> list[Page]:
    """`described`: by outlet id, how the outlet describes people against the others;
    `former_ids`: by claim id, the ids it had before, whose addresses lead to it."""
    base = config.base_path
    pages = _home_pages(catalogue, config)
    pages += [Page(urls.claim(view.summary.id), "claim.html", view.summary.claim,
                   {"claim": view}, _claim_description(view))
              for view in catalogue.claims]
    pages += _moved_pages(catalogue, config, former_ids)
    pages += [Page(urls.source(view.stem), "source.html", view.headline, {"source": view},
                   _source_description(view))
              for view in catalogue.sources]
    pages += _outlet_pages(catalogue, config, consistency, described)
    pages += _section_indexes(catalogue, config, consistency)
    pages += _consistency_pages(consistency, base, people)
    if people:
        pages.append(Page(PEOPLE_PATH, "people.html", "How outlets describe people",
                          {"people": people, "everyone": base + urls.page("consistency")},
                          "The titles and descriptions each outlet gives the people its "
                          "report names, and where outlets disagree."))
    for slug, (name, found) in catalogue.claims_by_tag.items():
        pages += _listing(urls.tag(name), f"Tag: {name}", f"Claims tagged “{name}”", "",
                          found, base, base + urls.tag(name) + FEED_PATH)
    for v in catalogue.verdicts:
        pages += _listing(urls.verdict(v.id), f"Verdict: {v.label}", f"Claims rated {v.label}",
                          v.description, catalogue.claims_by_verdict[v.id], base,
                          base + urls.verdict(v.id) + FEED_PATH)
    pages += _content_pages(catalogue, content_pages, markdown, config)
    pages.append(_corrections_page(catalogue, content_pages, markdown))
    if config.search:
        pages.append(Page(urls.SEARCH, "search.html", "Search",
                          {"index": base + urls.SEARCH_INDEX, "everything": base},
                          "Search the claims we checked, the articles they appeared in and "
                          "our pages.", listed=False))
    pages.append(Page("404.html", "404.html", "Page not found", listed=False))
    return pages


def _moved_pages(catalogue: Catalogue, config: SiteConfig,
                 former_ids: Mapping[str, tuple[str, ...]]) -> list[Page]:
    """A page at each former address of a renamed claim, leading to its page."""
    pages = []
    for view in catalogue.claims:
        summary = view.summary
        formers = former_ids.get(summary.id)
        if not formers:  # most claims: no view made for them
            continue
        path = urls.claim(summary.id)
        moved = MovedView(config.base_path + path, config.base_url + path, summary.claim)
        pages += [Page(urls.claim(former), "moved.html", f"Moved: {summary.claim}",
                       {"moved": moved}, listed=False)
                  for former in formers]
    return pages


def _home_pages(catalogue: Catalogue, config: SiteConfig) -> list[Page]:
    """Every claim, newest first, a page at a time; the later pages titled as such."""
    summaries = tuple(view.summary for view in catalogue.claims)
    return [Page(path, "home.html",
                 config.title if pager.number == 1 else titled("All claims", pager),
                 {"claims": claims, "verdict_counts": catalogue.verdict_counts, "pager": pager,
                  "verdicts_page": config.base_path + urls.VERDICTS},
                 config.description)
            for path, claims, pager in paginate(urls.home(), summaries, CLAIMS_PER_PAGE,
                                                config.base_path)]


def _outlet_pages(catalogue: Catalogue, config: SiteConfig, consistency: ConsistencyViews,
                  described: Mapping[str, OutletDescriptions]) -> list[Page]:
    groups_of: dict[str, list] = {}
    for group in consistency.groups:
        for outlet_id in group.outlets:
            groups_of.setdefault(outlet_id, []).append(group)
    pages = []
    for outlet in config.outlets:
        claims = catalogue.claims_by_outlet.get(outlet.id, ())
        groups = tuple(groups_of.get(outlet.id, ()))
        sources = tuple(catalogue.sources_by_outlet.get(outlet.id, ()))
        every_claim = urls.outlet_claims(outlet.id)
        pages.append(Page(urls.outlet(outlet.id), "outlet.html", outlet.name, {
            "outlet": outlet, "sources": sources[:OUTLET_PAGE_ARTICLES],
            "source_count": len(sources),
            "every_source": config.base_path + urls.outlet_articles(outlet.id),
            "claims": claims[:OUTLET_PAGE_CLAIMS], "claim_count": len(claims),
            "every_claim": config.base_path + every_claim,
            "record": consistency.records.get(outlet.id),
            "shares": _shares(consistency.records.get(outlet.id)),
            "groups": groups[:OUTLET_PAGE_GROUPS], "group_count": len(groups),
            "every_group": config.base_path + urls.outlet_quotations(outlet.id),
            "described": described.get(outlet.id)},
            f"{outlet.name}: its reports, the claims we checked in them, and how its "
            f"quotations compare with other outlets’."))
        pages += _listing(every_claim, f"Claims in {outlet.name}",
                          f"Claims found in {outlet.name}’s articles", "", claims,
                          config.base_path)
        # Where the outlet's page shows them all, no listing repeats them.
        if len(groups) > OUTLET_PAGE_GROUPS:
            pages += _outlet_listing(outlet, "Quotations", urls.outlet_quotations(outlet.id),
                                     "quotations.html", groups, GROUPS_PER_PAGE, config.base_path)
        if len(sources) > OUTLET_PAGE_ARTICLES:
            pages += _outlet_listing(outlet, "Articles", urls.outlet_articles(outlet.id),
                                     "articles.html", sources, ARTICLES_PER_PAGE, config.base_path)
    return pages


@dataclass(frozen=True)
class OutletRow:
    """One outlet on /outlets/: its page, how much of the corpus is its, and its record."""

    outlet: Link
    articles: int
    claims: int
    record: object  # comparison_views.OutletRecord, or None: no quotation shared
    # Of its paragraphs other outlets report: per cent alike, differing in punctuation,
    # differing in wording (a bar beside the counts).
    shares: tuple[tuple[str, float], ...] = ()


def _shares(record) -> tuple[tuple[str, float], ...]:
    if record is None or not record.total:
        return ()
    return tuple((kind, round(100 * getattr(record, kind) / record.total, 1))
                 for kind in ("identical", "punctuation", "wording"))


@dataclass(frozen=True)
class TagRow:
    tag: Link
    claims: int


def _section_indexes(catalogue: Catalogue, config: SiteConfig,
                     consistency: ConsistencyViews) -> list[Page]:
    """A page at each section's own address (/verdicts/, /tags/, /outlets/, /sources/),
    so that a reader who shortens a page's address lands on its section."""
    base = config.base_path
    records = consistency.records
    outlets = tuple(OutletRow(Link(base + urls.outlet(outlet.id), outlet.name),
                              len(catalogue.sources_by_outlet.get(outlet.id, ())),
                              len(catalogue.claims_by_outlet.get(outlet.id, ())),
                              records.get(outlet.id), _shares(records.get(outlet.id)))
                    for outlet in sorted(config.outlets, key=lambda o: o.name.casefold()))
    tags = tuple(TagRow(Link(base + urls.tag(name), name), len(found))
                 for name, found in sorted(catalogue.claims_by_tag.values(),
                                           key=lambda pair: pair[0].casefold()))
    articles = catalogue.sources_newest_first
    return [
        Page(urls.VERDICTS, "verdicts.html", "Our verdicts",
             {"verdicts": catalogue.verdict_counts},
             "The verdicts we give claims, best first, what each means, and how many "
             "claims have each."),
        Page(urls.TAGS, "tags.html", "Tags", {"tags": tags},
             "Every topic the claims we checked are tagged with."),
        Page(urls.OUTLETS, "outlets.html", "Outlets",
             {"outlets": outlets, "consistency": base + urls.page("consistency")},
             "Every outlet whose reports we read, and how each quotes the words other "
             "outlets quote too."),
    ] + [Page(path, "sources.html", titled("Articles", pager),
              {"items": chunk, "pager": pager, "count": len(articles)},
              "Every article we read, newest first.")
         for path, chunk, pager in paginate(urls.SOURCES, articles, ARTICLES_PER_PAGE, base)]


def _outlet_listing(outlet, what: str, path: str, template: str, items, per_page: int,
                    base: str) -> list[Page]:
    """Every one of the outlet's articles or quotations, in the order given, a page at a time."""
    return [Page(page_path, template, titled(f"{what} in {outlet.name}", pager),
                 {"outlet": outlet, "outlet_url": base + urls.outlet(outlet.id),
                  "items": chunk, "pager": pager}, f"{what} in {outlet.name}, in full.")
            for page_path, chunk, pager in paginate(path, items, per_page, base)]


def _listing(path: str, title: str, heading: str, intro: str, claims, base: str,
             feed: str | None = None) -> list[Page]:
    """`feed`: the listing's own Atom feed, if it has one (builder.feeds.listing_feeds)."""
    return [Page(page_path, "listing.html", titled(title, pager),
                 {"heading": heading, "claims": chunk, "intro": intro, "pager": pager,
                  "feed": feed},
                 shorten(f"{heading}: {intro}" if intro else f"{heading}.", SHARE_TEXT_LIMIT))
            for page_path, chunk, pager in paginate(path, claims, CLAIMS_PER_PAGE, base)]


def _consistency_pages(consistency: ConsistencyViews, base: str,
                       people: tuple[PersonView, ...]) -> list[Page]:
    """The groups, a page at a time; and for each speaker, the list of their groups and
    where the people page tells how outlets describe them."""
    people_page = base + PEOPLE_PATH if people else None
    described = {person.name: f"{people_page}#{person.anchor}" for person in people}
    title = "How outlets quote the same words"
    outlet_pages = tuple(Link(base + urls.outlet(outlet.url), outlet.text)
                         for outlet in consistency.outlets)
    pages = [Page(path, "consistency.html", titled(title, pager),
                  {"groups": chunk, "speakers": consistency.speakers,
                   "outlets": consistency.outlets, "outlet_pages": outlet_pages,
                   "pager": pager, "people_page": people_page},
                  "Every quotation reported by more than one outlet, compared word by word.")
             for path, chunk, pager in paginate(urls.page("consistency"), consistency.groups,
                                                GROUPS_PER_PAGE, base)]
    everyone = base + urls.page("consistency")
    pages += [Page(urls.speaker(speaker.key), "speaker.html",
                   f"How outlets quote {speaker.name}",
                   {"speaker": speaker, "everyone": everyone,
                    "described": described.get(speaker.name)},
                   f"Every quotation of {speaker.name} that more than one outlet reports, "
                   f"compared word by word.")
              for speaker in consistency.speakers]
    return pages


def _source_description(view) -> str:
    """What a search result shows under a report's page: whose report it is, and what
    the page does with it."""
    return shorten(f"{view.headline} — {view.outlet.text}: the report’s text, with the "
                   f"passages we check and the quotations other outlets also report marked.",
                   SHARE_TEXT_LIMIT)


def _claim_description(view) -> str:
    """Verdict and reasoning: what a share card or search result shows under the claim."""
    verdict = f"Verdict: {view.summary.verdict.label}."
    return shorten(f"{verdict} {view.summary_text}".strip(), SHARE_TEXT_LIMIT)


def _corrections_page(catalogue: Catalogue, content_pages, markdown) -> Page:
    """/corrections/: every correction; content/pages/corrections.md, if any, introduces it."""
    intro = next((page for page in content_pages if page.slug == "corrections"), None)
    return Page(urls.page("corrections"), "corrections.html",
                intro.title if intro else "Corrections",
                {"corrections": transparency.correction_entries(catalogue.claims),
                 "intro_html": markdown.block(intro.body) if intro else ""},
                "Every correction we have made to a published fact-check, newest first.")


def _content_pages(catalogue, content_pages, markdown, config) -> list[Page]:
    by_slug = {page.slug: page for page in content_pages if page.slug != "corrections"}
    pages = []
    for slug in sorted(set(by_slug) | {"about", "methodology"}):
        page = by_slug.get(slug)
        title = page.title if page else slug.capitalize()
        pages.append(Page(urls.page(slug), "page.html", title, {
            "body_html": markdown.block(page.body) if page else "",
            "scale": catalogue.verdicts if slug == "methodology" else (),
            "slug": slug,
            "about": transparency.about_view(config) if slug == "about" else None,
        }, page.description if page else ""))
    return pages


# A helper process costs a fork and sending its pages back: worth it for this many.
PARALLEL_FROM = 300  # pages


def render_pages(pages: list[Page], render_one, on_both_cores: bool = True) -> list[bytes]:
    """Every page's bytes, in order. A large site is rendered on two cores: a forked
    helper renders every other page (pages vary in weight along the list, so alternate
    ones share the work evenly) while this process renders the rest; if the helper fails,
    its pages are rendered here."""
    if not on_both_cores or len(pages) < PARALLEL_FROM:
        return [render_one(page) for page in pages]
    render_one(pages[0])  # compile the templates once, before the fork, for both

    def work(partner: Partner) -> None:
        partner.send([render_one(page) for page in pages[1::2]])

    theirs = None
    with helper(work) as partner:
        mine = [render_one(page) for page in pages[0::2]]
        if partner is not None:
            try:
                theirs = partner.receive()
            except HelperFailed:
                pass
    if theirs is None:
        theirs = [render_one(page) for page in pages[1::2]]
    rendered: list[bytes] = [b""] * len(pages)
    rendered[0::2], rendered[1::2] = mine, theirs
    return rendered


def render_page(environment: jinja2.Environment, page: Page, site: SiteView) -> bytes:
    template = environment.get_template(page.template)
    html = template.render(page.context, site=site, page=page,
                           canonical=site.base_url + page.path)
    return html.encode("utf-8")


def own_templates(site_dir: str) -> tuple[str, ...]:
    """The site's own template files (the project's do not change while a site is edited)."""
    folder = os.path.join(site_dir, "templates")
    return tuple(sorted(os.path.join(root, name) for root, _, names in os.walk(folder)
                        for name in names))


def template_problems(site_dir: str) -> list[Problem]:
    """Every template that does not parse, each with where it fails."""
    environment = make_environment(site_dir)
    problems = []
    own = os.path.join(site_dir, "templates")
    for name in environment.list_templates(extensions=("html", "xml", "txt")):
        path = os.path.join(own, name)  # links out of the site: the loader refuses them
        if os.path.lexists(path) and not os.path.isfile(path):  # a pipe would block
            problems.append(error(Position(display_path(path)),
                                  "not a plain file: templates are text files"))
            continue
        try:
            source, filename, _ = environment.loader.get_source(environment, name)
            environment.parse(source, name, filename)
        except jinja2.TemplateError as failure:
            problems.append(template_problem(failure))
        except UnicodeDecodeError as failure:
            problems.append(_not_utf8(site_dir, name, failure))
    return problems


def _not_utf8(site_dir: str, name: str, failure: UnicodeDecodeError) -> Problem:
    path = next(os.path.join(folder, name) for folder in template_dirs(site_dir)
                if os.path.isfile(os.path.join(folder, name)))
    before = failure.object[:failure.start]
    line, column = before.count(b"\n") + 1, failure.start - (before.rfind(b"\n") + 1) + 1
    return error(Position(display_path(path), line, column),
                 f"template is not UTF-8 text: byte 0x{failure.object[failure.start]:02x} "
                 f"cannot be read (save the file as UTF-8)")


def in_site_template(failure: Exception, site_dir: str) -> bool:
    """The failure happened while running one of the site's own templates (a TypeError
    from '{{ "Updated " + 1 }}'): the editor's to mend, not a bug of the builder."""
    own = os.path.join(os.path.abspath(site_dir), "templates") + os.sep
    return any(os.path.abspath(frame.filename).startswith(own)
               for frame in traceback.extract_tb(failure.__traceback__))


def template_problem(failure: Exception) -> Problem:
    """A template error where it is, `path:line:column: message`, as content errors are:
    a site's own templates are content its editors write."""
    if isinstance(failure, jinja2.TemplateSyntaxError) and failure.filename:
        return error(Position(display_path(failure.filename), failure.lineno or 1),
                     f"template error: {failure.message}")
    for frame in reversed(traceback.extract_tb(failure.__traceback__)):
        if frame.filename.endswith(".html") and os.path.isfile(frame.filename):
            return error(Position(display_path(frame.filename), frame.lineno or 1),
                         f"template error: {failure}")
    return error(Position("templates"), f"template error: {failure}")
