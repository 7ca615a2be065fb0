"""`make serve`: the site as readers will see it, rebuilt on every save.

The last good build is kept in memory and served from there, so the preview never shows a
half-written site and writes nothing to disk. A build with errors keeps it serving, with
the errors laid over every page, until a later save fixes them. Pages are served under
base_url's path, as GitHub Pages serves them, so a link that works here works in production.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Mapping

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
import tornado.websocket

from . import links, render, search
from .analysis import CorpusMemo, analyse
from .build import BuildOptions, examine, render_site, warnings_despite_errors
from .comparison_views import MarkedPairs
from .config import load_config
from .errors import ContentError, counted, display_path
from .filememo import FileMemo
from .markdown import Markdown
from .gcpause import collector_paused
from .groupstore import GroupStore
from .incremental import PageCache
from .preview import Published, answer
from .watch import Watcher

QUIET_BEFORE_REBUILD = 0.2   # seconds without a save: "save all" becomes one rebuild
LONGEST_WAIT_FOR_QUIET = 2.0
RELOAD = json.dumps({"command": "reload", "path": "/", "liveCSS": False})


@dataclass(frozen=True)
class Outcome:
    """One build: the files, or why there are none."""

    files: Mapping[str, bytes] | None
    base_path: str
    problems: tuple[str, ...] = ()   # errors (and the warnings beside them) when it failed
    warnings: tuple[str, ...] = ()
    pages: int = 0
    rendered: int = 0
    seconds: float = 0.0


class SiteBuilder:
    """Builds in memory, keeping rendered pages between builds. One build at a time."""

    def __init__(self, site_dir: str, cache_dir: str | None = None):
        self.site_dir = site_dir
        self.cache = PageCache()
        self.memo = CorpusMemo(GroupStore(cache_dir) if cache_dir else None)
        self.files = FileMemo()
        self.markdown = Markdown()
        self.marked = MarkedPairs()

    def build(self) -> Outcome:
        started = time.perf_counter()
        self.markdown.next_build()
        try:
            with collector_paused():  # as in build(): nothing to collect, much to walk
                checked = examine(BuildOptions(self.site_dir, drafts=True), self.files)
                if checked.failed:
                    raise ContentError(list(checked.problems) + warnings_despite_errors(
                        checked, self.site_dir, self.memo, self.cache, self.markdown,
                        self.marked))
                analysis = analyse(checked.content, checked.anchored, self.memo)
                files, pages = render_site(checked, analysis, self.site_dir, self.cache,
                                           self.markdown, self.marked)
        except ContentError as failure:
            return Outcome(None, self._base_path(),
                           tuple(str(problem) for problem in failure.problems))
        except Exception:  # a bug must not take the preview down; say it is one
            traceback.print_exc()
            what = traceback.format_exc(limit=0).strip()
            return Outcome(None, "/", ("internal error in the builder (a bug, not a problem "
                                       f"with your content): {what}",))
        warnings = [p for p in checked.problems if p.is_warning] + list(analysis.problems)
        warnings += links.broken_links(checked.content, files)
        config = checked.content.config
        if config.search:
            files = search.IndexedOnDemand(files, config.language,
                                           lambda problem: print(problem, file=sys.stderr))
        return Outcome(files, config.base_path, (),
                       tuple(str(p) for p in warnings), pages,
                       len(self.cache.rendered), time.perf_counter() - started)

    def _base_path(self) -> str:
        """Where the site will be served once it builds: site.yml's, if it can be read."""
        config, _ = load_config(self.site_dir, "", None)
        return config.base_path if config is not None else "/"


def watched_paths(site_dir: str) -> list[str]:
    """What the site is made of: the site's files, and the project's templates and styles."""
    paths = [os.path.join(site_dir, name) for name in ("site.yml", "content", "templates",
                                                       "static", "seeds")]
    paths += [os.path.join(render.PROJECT_DIR, name) for name in ("templates", "static")]
    real = [os.path.realpath(path) for path in paths]
    return [path for index, path in enumerate(paths) if real[index] not in real[:index]]


class PreviewServer:
    """What is being served, and the browsers waiting to hear that it changed.

    Read and replaced only on the event loop's thread; builds run on a thread of their own
    and hand their outcome over with call_soon_threadsafe."""

    def __init__(self, builder: SiteBuilder):
        self.builder = builder
        self.server_id = secrets.token_hex(4)   # a restarted server makes open tabs reload
        self.count = 0
        self.current = Published(None, "/", (), self._next_generation())
        self.sockets: set[ReloadSocket] = set()
        self.warned: set[str] = set()
        self.stopping = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.address = ""  # 'http://127.0.0.1:8000', once serving

    def _next_generation(self) -> str:
        self.count += 1
        return f"{self.server_id}-{self.count}"

    def publish(self, outcome: Outcome, changed: tuple[str, ...] = ()) -> None:
        report(outcome, changed, self.current, self.warned)
        files = outcome.files if outcome.files is not None else self.current.files
        # A failed build keeps what is served, but before any has worked the address the
        # site will have is the best to give.
        keep = outcome.files is None and self.current.files is not None
        base = self.current.base_path if keep else outcome.base_path
        if (files, base, outcome.problems, outcome.warnings) == (
                self.current.files, self.current.base_path, self.current.problems,
                self.current.warnings):
            return  # nothing a reader could see changed: leave the tabs alone
        earlier = self.current.earlier_bases
        if base != self.current.base_path and self.current.files is not None:
            earlier = (self.current.base_path, *earlier)
            if self.address:
                print(f"base_url changed: the preview is now at {self.address}{base}",
                      flush=True)
        self.current = Published(files, base, outcome.problems, self._next_generation(),
                                 tuple(old for old in earlier if old != base),
                                 outcome.warnings)
        for socket in list(self.sockets):
            socket.send_reload()

    def watch(self, watcher: Watcher) -> None:
        """The build thread: wait for saves, let a burst of them settle, rebuild, hand over."""
        while not self.stopping.wait(watcher.pause):
            try:
                changed = watcher.changes()
                if changed:
                    changed += self._settle(watcher)
                    outcome = self.builder.build()
                    if not self.stopping.is_set():
                        self.loop.call_soon_threadsafe(self.publish, outcome, tuple(changed))
            except RuntimeError:
                if not self.stopping.is_set():  # else the loop closed as we stopped: fine
                    raise
            except Exception:  # keep watching whatever happens; the next save may fix it
                traceback.print_exc()

    def _settle(self, watcher: Watcher) -> list[str]:
        changed, waited = [], 0.0
        while waited < LONGEST_WAIT_FOR_QUIET and not self.stopping.wait(QUIET_BEFORE_REBUILD):
            waited += QUIET_BEFORE_REBUILD
            more = watcher.changes()
            if not more:
                break
            changed += more
        return changed


def report(outcome: Outcome, changed: tuple[str, ...], before: Published,
           warned: set[str]) -> None:
    """One line a build on the terminal; errors in full; warnings the last good build did
    not have (one that comes back after an undo is told again)."""
    what = f" after {_describe(changed)} changed" if changed else ""
    if outcome.files is None:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
        still = "still serving the last good build" if before.files else "nothing to serve yet"
        print(f"Build failed{what}: {len(outcome.problems)} problem(s); {still}; "
              "fix and save to recover", file=sys.stderr, flush=True)
        return
    for warning in outcome.warnings:
        if warning not in warned:
            print(warning, file=sys.stderr)
    warned.clear()
    warned.update(outcome.warnings)
    rendered = (f"{outcome.pages} pages" if outcome.rendered == outcome.pages else
                f"{outcome.rendered} of {outcome.pages} pages re-rendered, the rest unchanged")
    print(f"Built{what} in {outcome.seconds:.2f} s: {rendered}; "
          f"{counted(len(outcome.warnings), 'warning')}", flush=True)


def _describe(changed: tuple[str, ...]) -> str:
    changed = tuple(dict.fromkeys(changed))  # one file saved ten times is one change
    shown = display_path(changed[0])
    return shown if len(changed) == 1 else f"{shown} and {len(changed) - 1} more"


class SiteHandler(tornado.web.RequestHandler):
    def initialize(self, preview: PreviewServer):
        self.preview = preview

    async def get(self):
        await self._respond(with_body=True)

    async def head(self):
        await self._respond(with_body=False)

    def compute_etag(self):
        return None  # every response is fresh: a preview is never cached

    async def _respond(self, with_body: bool) -> None:
        # Off the event loop: the first ask for the search index after a save makes it
        # (seconds on a large site), and meanwhile every other page, and the reload
        # sockets, are answered as usual.
        response = await tornado.ioloop.IOLoop.current().run_in_executor(
            None, answer, self.request.path, self.preview.current)
        self.set_status(response.status)
        for name, value in response.headers:
            self.set_header(name, value)
        self.set_header("Content-Length", str(len(response.body)))
        if with_body:
            self.write(response.body)
        self.finish()


class ReloadSocket(tornado.websocket.WebSocketHandler):
    """The livereload protocol's endpoint: `reload` when the site changes. A page says
    which build it shows, so one served just before a rebuild reloads on connecting."""

    def initialize(self, preview: PreviewServer):
        self.preview = preview

    def open(self):
        self.preview.sockets.add(self)
        if self.get_argument("generation", None) not in (None, self.preview.current.generation):
            self.send_reload()

    def on_message(self, message):
        try:
            command = json.loads(message).get("command")
        except (ValueError, AttributeError):
            return
        if command == "hello":  # livereload.js clients and browser extensions say hello first
            self.write_message(json.dumps({
                "command": "hello", "protocols": ["http://livereload.com/protocols/official-7"],
                "serverName": "factcheck-builder"}))

    def on_close(self):
        self.preview.sockets.discard(self)

    def send_reload(self) -> None:
        try:
            self.write_message(RELOAD)
        except tornado.websocket.WebSocketClosedError:
            self.preview.sockets.discard(self)


def make_application(preview: PreviewServer) -> tornado.web.Application:
    return tornado.web.Application([
        (r"/livereload", ReloadSocket, {"preview": preview}),
        (r"/.*", SiteHandler, {"preview": preview}),
    ], websocket_ping_interval=20, log_function=_quiet)


def _quiet(handler) -> None:
    """No line per request: the terminal is for build results and errors."""


def serve(arguments, cache_dir: str | None = None) -> int:
    try:
        return _serve(arguments.site, arguments.host, arguments.port, cache_dir)
    except KeyboardInterrupt:
        print("Stopped the preview server.", flush=True)
        return 0


def _serve(site_dir: str, host: str, port: int, cache_dir: str | None) -> int:
    try:  # before the first build, which a taken port would waste
        sockets = tornado.netutil.bind_sockets(port, address=host)
    except OSError as failure:
        print(f"error: cannot serve on {host} port {port}: {failure.strerror or failure}; "
              "choose another port with PORT= (make serve) or --port", file=sys.stderr)
        return 2
    preview = PreviewServer(SiteBuilder(site_dir, cache_dir))
    watcher = Watcher(watched_paths(site_dir))   # before the build: edits during it count
    preview.publish(preview.builder.build())
    asyncio.run(_run(preview, watcher, sockets, host))   # ends only by KeyboardInterrupt
    return 0


async def _run(preview: PreviewServer, watcher: Watcher, sockets, host: str) -> None:
    preview.loop = asyncio.get_running_loop()
    server = tornado.httpserver.HTTPServer(make_application(preview))
    server.add_sockets(sockets)
    thread = threading.Thread(target=preview.watch, args=(watcher,), name="rebuild", daemon=True)
    thread.start()
    port = sockets[0].getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    preview.address = f"http://{shown_host}:{port}"
    print(f"Serving the preview at {preview.address}{preview.current.base_path} "
          "(Ctrl-C to stop); pages reload when you save.", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        preview.stopping.set()
        server.stop()
        for socket in list(preview.sockets):
            socket.close()
        thread.join(timeout=2)
