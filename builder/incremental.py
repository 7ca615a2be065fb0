"""Page-level render cache: a page whose inputs did not change is not rendered again.

A page's bytes are a pure function of its template (with every template that template
extends, includes or imports), the planned Page (path, title, description, ready context)
and the SiteView. A page's key is a digest of exactly those, so an equal key can safely
hand back the previous bytes: the result stays byte-identical to a clean full build, and
an edit re-renders only the pages whose inputs it changed, whatever the dependency.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
from typing import Callable, Iterable

import jinja2
from jinja2 import bccache, meta

from .render import Page, SiteView, render_page
from .viewmemo import ViewMemo

Renderer = Callable[[Page], bytes]


def renderer(environment: jinja2.Environment, site: SiteView, cache: "PageCache | None",
             planned: Iterable[Page]) -> Renderer:
    """How render_site turns each planned page into bytes: through the cache when there is one."""
    if cache is None:
        return lambda page: render_page(environment, page, site)
    return cache.renderer(environment, site, planned)


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled by earlier builds, in memory. Jinja checks each against a
    checksum of the template's source, so an edited template is compiled again; an
    unchanged one costs a lookup instead of parsing and compiling (a tenth of a
    one-claim rebuild at 2,000 claims, whatever the site's size)."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class PageCache:
    """Rendered pages of the previous build, by URL path, with the key they were rendered for.

    Lives as long as a preview server (or any caller that builds repeatedly); not shared
    between threads: one build at a time.
    """

    def __init__(self):
        self._pages: dict[str, tuple[bytes, bytes]] = {}      # path -> (key, bytes)
        self._references: dict[bytes, frozenset] = {}         # template source digest -> names
        self.rendered: list[str] = []   # paths rendered by the latest build, in build order
        self.reused = 0                 # pages the latest build took from the cache
        self.compiled = CompiledTemplates()
        self.views = ViewMemo()  # views kept between builds, keyed once while they stand

    def renderer(self, environment: jinja2.Environment, site: SiteView,
                 planned: Iterable[Page]) -> Renderer:
        """Begins a build of the planned pages. Pages no longer planned (a deleted claim's,
        a tag no claim has now) are dropped: the cache holds one site's worth of pages."""
        paths = {page.path for page in planned}
        self._pages = {path: entry for path, entry in self._pages.items() if path in paths}
        self.rendered, self.reused = [], 0
        templates = _TemplateDigests(environment, self._references)
        shared: dict = {}
        values = _globals_digest(environment)

        def render_one(page: Page) -> bytes:
            key = _page_key(page, site, templates, shared, values, self.views)
            cached = self._pages.get(page.path)
            if key is not None and cached is not None and cached[0] == key:
                self.reused += 1
                return cached[1]
            html = render_page(environment, page, site)
            self.rendered.append(page.path)
            if key is not None:
                self._pages[page.path] = (key, html)
            return html

        return render_one


def _globals_digest(environment: jinja2.Environment) -> bytes | None:
    """Values every template can read besides its context; None if they cannot be keyed."""
    try:
        state = pickle.dumps(sorted(environment.globals.items()), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return hashlib.blake2b(state, digest_size=20).digest()


def _page_key(page: Page, site: SiteView, templates: "_TemplateDigests", shared: dict,
              values: bytes | None, views: ViewMemo) -> bytes | None:
    """None when the page cannot be keyed (an unpicklable value in its context or the
    globals, a missing or broken template): it is then rendered every time, and rendering
    reports any error."""
    if values is None:
        return None
    try:
        template = templates.digest(page.template)
        state = io.BytesIO()
        _KeyPickler(state, shared, views).dump(
            (type(page).__qualname__, [getattr(page, f.name) for f in dataclasses.fields(page)],
             site))
    except (pickle.PicklingError, TypeError, AttributeError, ValueError,
            jinja2.TemplateError):  # ValueError: a cycle, which fast mode cannot pickle
        return None
    return hashlib.blake2b(values + template + state.getvalue(), digest_size=20).digest()


class _KeyPickler(pickle.Pickler):
    """Pickle is a complete, deterministic serialisation of the frozen dataclasses, tuples,
    dicts and strings of a ready context, done in C. Views shared by many pages (a claim's
    summary is on the home page, its verdict's, tags', outlets' and sources' pages) are
    pickled once a build and stand in every page's key as their digest; those the view
    memo hands out again, unchanged, are pickled once while they stand.

    Equal values shared differently may pickle differently: that costs a needless render,
    never a stale page."""

    def __init__(self, file, shared: dict, views: ViewMemo):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared = shared    # id(view) -> (view, digest); holding the view keeps its id
        self._views = views

    def reducer_override(self, value):
        if isinstance(value, type) or not dataclasses.is_dataclass(value):
            return NotImplemented
        found = self._shared.get(id(value))
        if found is None:
            digest = self._views.digest(value)
            if digest is None:
                digest = hashlib.blake2b(_unshared_pickle(value), digest_size=20).digest()
                self._views.remember(value, digest)
            found = self._shared[id(value)] = (value, digest)
        return _shared_view, (found[1],)


def _unshared_pickle(value) -> bytes:
    """Pickle writes an object met twice as a reference to the first: views kept from an
    earlier build hold equal strings and views that are other objects than this build's,
    and would pickle otherwise than when made anew. Without its memo (fast mode; views hold
    no cycles), equal values pickle alike however they are shared."""
    state = io.BytesIO()
    pickler = pickle.Pickler(state, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(value)
    return state.getvalue()


def _shared_view(digest: bytes):
    """Stands for a view in a page key; keys are compared, never unpickled."""
    raise NotImplementedError


class _TemplateDigests:
    """One build's view of the templates: each template's digest covers its own source and
    the sources of every template it reaches through extends, include, import and from."""

    def __init__(self, environment: jinja2.Environment, references: dict):
        self._environment = environment
        self._references = references   # kept across builds: parsing costs more than hashing
        self._sources: dict[str, str] = {}
        self._digests: dict[str, bytes] = {}

    def digest(self, name: str) -> bytes:
        if name not in self._digests:
            hasher = hashlib.blake2b(digest_size=20)
            for reached in sorted(self._reached_from(name)):
                hasher.update(f"{len(reached)}:{reached}".encode("utf-8"))
                source = self._source(reached).encode("utf-8")
                hasher.update(f"{len(source)}:".encode("ascii") + source)
            self._digests[name] = hasher.digest()
        return self._digests[name]

    def _reached_from(self, name: str) -> set[str]:
        reached, waiting = set(), [name]
        while waiting:
            current = waiting.pop()
            if current not in reached:
                reached.add(current)
                waiting.extend(self._referenced_by(current) - reached)
        return reached

    def _referenced_by(self, name: str) -> frozenset:
        source = self._source(name)
        digest = hashlib.blake2b(f"{name}\0{source}".encode("utf-8"), digest_size=20).digest()
        if digest not in self._references:
            found = set(meta.find_referenced_templates(self._environment.parse(source)))
            if None in found:
                # A template name computed at render time could be any template.
                found = set(self._environment.list_templates())
            self._references[digest] = frozenset(found)
        return self._references[digest]

    def _source(self, name: str) -> str:
        if name not in self._sources:
            loader = self._environment.loader
            self._sources[name] = loader.get_source(self._environment, name)[0]
        return self._sources[name]
