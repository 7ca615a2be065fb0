"""Writing the site atomically: build in a staging folder beside the target, then swap.

A failed or interrupted build leaves the previous site exactly as it was, and removes its
own staging folder on the way out.
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager


class UnsafeOutput(Exception):
    pass


def check_output_dir(out_dir: str, site_dir: str) -> None:
    """Refuse targets whose replacement would destroy the editors' work."""
    out, site = os.path.realpath(out_dir), os.path.realpath(site_dir)
    for precious in (site, os.path.realpath(os.getcwd()), os.path.expanduser("~"), "/"):
        if precious == out or precious.startswith(out.rstrip(os.sep) + os.sep):
            raise UnsafeOutput(f"refusing to replace {out_dir}: it holds the site or this folder")
    if os.path.exists(os.path.join(out, "site.yml")):
        raise UnsafeOutput(f"refusing to replace {out_dir}: it holds a site.yml")


def write_site(files: dict[str, bytes], out_dir: str) -> None:
    out_dir = os.path.abspath(out_dir)
    parent, name = os.path.split(out_dir)
    os.makedirs(parent, exist_ok=True)
    _remove_leftovers(parent, name)
    staging = tempfile.mkdtemp(prefix=f".{name}.building-", dir=parent)
    try:
        write_tree(files, staging)
        _swap_in(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_tree(files: dict[str, bytes], root: str) -> None:
    made: set[str] = set()
    for path in sorted(files):
        target = os.path.join(root, *path.split("/"))
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(target, "wb") as handle:
            handle.write(files[path])


def _swap_in(staging: str, out_dir: str) -> None:
    parent, name = os.path.split(out_dir)
    with _signals_held():
        retired = None
        if os.path.exists(out_dir):
            retired = tempfile.mkdtemp(prefix=f".{name}.old-", dir=parent)
            os.rename(out_dir, os.path.join(retired, name))
        os.rename(staging, out_dir)
    if retired:
        shutil.rmtree(retired, ignore_errors=True)


def _remove_leftovers(parent: str, name: str) -> None:
    """Folders a killed build (SIGKILL, power loss) could not clean up itself."""
    for pattern in (f".{name}.building-*", f".{name}.old-*"):
        for leftover in glob.glob(os.path.join(parent, pattern)):
            shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def _signals_held():
    """Between the two renames there is no site at all: let no signal land there."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
