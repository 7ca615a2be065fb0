"""Writing the site atomically: build in a staging folder beside the target, then swap.

A failed or interrupted build leaves the previous site exactly as it was, and removes its
own staging folder on the way out. The few steps that must not be cut in half (making the
staging folder, the two renames, the clean-up) run with SIGINT and SIGTERM deferred.

A rebuild changes few files, and writing a large site's tens of megabytes again costs more
than the rest of the write: a file whose bytes are those of the previous build's is linked
to that file instead of written. Nothing ever writes into a linked file (the previous site
is only read, then removed), and a file kept so keeps its date, so deploy tools that sync
by date send only what changed.
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from typing import Callable

# What a site folder holds besides its output: an output folder must neither be nor hold
# nor sit inside any of them, or replacing it would destroy editors' work.
SITE_SOURCES = ("site.yml", "content", "seeds", "templates", "static", ".git")
PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class UnsafeOutput(Exception):
    pass


def check_output_dir(out_dir: str, site_dir: str) -> None:
    """Refuse targets whose replacement would destroy anything but an earlier build."""
    out, site = os.path.realpath(out_dir), os.path.realpath(site_dir)
    sources = [os.path.join(site, part) for part in SITE_SOURCES]
    for precious in (site, os.path.realpath(os.getcwd()), os.path.expanduser("~"), "/",
                     PROJECT_DIR, *sources):
        if _within(precious, out):
            raise UnsafeOutput(f"refusing to replace {out_dir}: it holds {precious}")
    for source in sources:
        if _within(out, source):
            raise UnsafeOutput(f"refusing to write into {out_dir}: it is inside {source}")
    if os.path.lexists(out) and not os.path.isdir(out):
        raise UnsafeOutput(f"refusing to replace {out_dir}: it is a file, not a folder")
    parent = _existing_parent(out)
    if not os.path.isdir(parent):
        raise UnsafeOutput(f"cannot write {out_dir}: {parent} is a file, not a folder")
    if os.path.isdir(out) and os.listdir(out) and not _is_a_build(out):
        raise UnsafeOutput(f"refusing to replace {out_dir}: it holds files but is not an "
                           f"earlier build (no {MARKER}); empty it or choose another --out")


def _existing_parent(path: str) -> str:
    """The nearest of path's folders (itself included) that exists, or a file in its way."""
    while not os.path.lexists(path) and os.path.dirname(path) != path:
        path = os.path.dirname(path)
    return path


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


# Every build writes this file, so that the next one knows the folder it replaces is only
# an earlier build: an index.html alone proves nothing (any web folder has one).
MARKER = ".factcheck-build"
MARKER_TEXT = (b"Written by the fact-check site builder: this folder is replaced, all of it,\n"
               b"by every build. Keep nothing else here.\n")
# What builds made before the marker existed always held.
_EARLIER_BUILD = frozenset(("index.html", ".nojekyll", "sitemap.xml", "robots.txt", "data"))


def _is_a_build(folder: str) -> bool:
    names = set(os.listdir(folder))
    if names & {"site.yml", "content", "seeds", ".git"}:
        return False
    return MARKER in names or _EARLIER_BUILD <= names


def write_site(files: dict[str, bytes], out_dir: str,
               finish: Callable[[str], int] | None = None) -> int:
    """Replace `out_dir` with these files and the mark of a build; how many were written.
    `finish` gets the folder about to replace it, to add what is made from the files
    written (the search index), and says how many files it added: the site published is
    always the whole of one build."""
    files = {**files, MARKER: MARKER_TEXT}
    out_dir = os.path.abspath(out_dir)
    parent, name = os.path.split(out_dir)
    os.makedirs(parent, exist_ok=True)
    _remove_leftovers(parent, name)
    staging = None
    try:
        with _signals_deferred():  # so the folder never exists without our knowing its name
            staging = tempfile.mkdtemp(prefix=f".{name}.building-{os.getpid()}-", dir=parent)
        # The site is a folder inside the private staging one, made as any folder is (mode
        # by the umask, as a web server reading it needs), not with mkdtemp's owner-only.
        root = os.path.join(staging, name)
        os.mkdir(root)
        write_tree(files, root, out_dir if os.path.isdir(out_dir) else None)
        added = finish(root) if finish is not None else 0
        _swap_in(root, out_dir)
        return len(files) + added
    finally:
        with _signals_deferred():  # a second Ctrl-C must not strand a half-deleted folder
            if staging:
                shutil.rmtree(staging, ignore_errors=True)


def write_tree(files: dict[str, bytes], root: str, previous: str | None = None) -> None:
    """Every file under `root`; those the same as in the `previous` site linked to it."""
    made: set[str] = set()
    for path in sorted(files):
        parts = path.split("/")
        target = os.path.join(root, *parts)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        body = files[path]
        if previous is not None and _kept(os.path.join(previous, *parts), body, target):
            continue
        with open(target, "wb") as handle:
            handle.write(body)


def _kept(earlier: str, body: bytes, target: str) -> bool:
    """Link `target` to the earlier build's file if that holds exactly `body`. False, and
    nothing done, if it does not, or cannot be linked (a file system without hard links,
    or a build beside this one replacing it meanwhile)."""
    try:
        found = os.lstat(earlier)
        # Only a plain file is read: never a symbolic link, a pipe or a device.
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(body):
            return False
        with open(earlier, "rb") as handle:
            if handle.read() != body:
                return False
        os.link(earlier, target, follow_symlinks=False)
    except OSError:
        return False
    return True


def _swap_in(built: str, out_dir: str) -> None:
    parent, name = os.path.split(out_dir)
    retired = None
    # Between the two renames there is no site at all: let no signal land there.
    with _signals_deferred():
        if os.path.lexists(out_dir):
            retired = tempfile.mkdtemp(prefix=f".{name}.old-{os.getpid()}-", dir=parent)
            os.rename(out_dir, os.path.join(retired, name))
        try:
            os.rename(built, out_dir)
        except OSError:
            if retired:  # put the previous site back before reporting
                os.rename(os.path.join(retired, name), out_dir)
                os.rmdir(retired)
            raise
        if retired:
            shutil.rmtree(retired, ignore_errors=True)


def _remove_leftovers(parent: str, name: str) -> None:
    """Folders a killed build (SIGKILL, power loss) could not clean up itself; never those of
    a build still running beside this one (the preview server and `make build`, say)."""
    for pattern in (f".{name}.building-*", f".{name}.old-*"):
        for leftover in glob.glob(os.path.join(parent, pattern)):
            if not _owner_is_running(leftover):
                shutil.rmtree(leftover, ignore_errors=True)


def _owner_is_running(folder: str) -> bool:
    owner = os.path.basename(folder).rsplit(".", 1)[-1].split("-")[1:2]
    if not owner or not owner[0].isdigit() or int(owner[0]) == os.getpid():
        return False
    try:
        os.kill(int(owner[0]), 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True


@contextmanager
def _signals_deferred():
    """Run a step that must not be cut in half: SIGINT and SIGTERM arriving meanwhile are
    noted, and sent again once it is done. (Blocking them with sigmask is not enough: a
    signal already caught in C still runs its Python handler at the next bytecode.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    previous = {number: handler for number, handler in previous.items() if handler is not None}
    for number in previous:
        signal.signal(number, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if caught:
            signal.raise_signal(caught[0])
