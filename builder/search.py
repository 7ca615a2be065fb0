"""The static search index: Pagefind reads the built pages and writes /pagefind/, which
the search page's script queries in the reader's browser, with no server.

Pagefind indexes only what the templates mark with `data-pagefind-body` (claims, source
articles, the editors' pages), so listings that repeat a claim's words do not crowd its
own page out of the results. It runs on the folder about to replace the site, so an index
is always of the pages it is published with. A site without an index is still a whole
site: the search page then says search is unavailable, and the build says why.

The preview serves its pages from memory and makes the index only when a reader's browser
first asks for it after a save (`IndexedOnDemand`), so that saves stay as fast as before.

No search filters: Pagefind (1.5) writes its filter indexes in a different order on every
run, and two builds of the same content must be byte-identical. A claim's verdict and an
article's outlet go in as metadata instead (stable), shown beside each result's title.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
import threading
from typing import Callable, Iterator, Mapping

from .errors import Position, Problem, warning
from .output import write_tree

FOLDER = "pagefind"
TIME_LIMIT = 300  # seconds; far beyond what the largest sites take
# Where pages marked to be searched can be: claims, articles and the editors' pages (one
# folder deep). Pagefind reads every file this matches, and the listings are the rest.
SEARCHED = "{claims/*/index.html,sources/*/index.html,*/index.html}"
# Pagefind names index files by language: a tag it could not name a file by (site.yml's
# language is then a warning already) is indexed as no language in particular.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def index_site(root: str, shown_out_dir: str, language: str | None) -> tuple[Problem, ...]:
    """Writes root/pagefind/, the whole site indexed as site.yml's language (one index, so
    that stemming is the language's); a warning instead, when it cannot (the site is kept)."""
    try:
        import pagefind_bin
        executable = str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as missing:
        return _unavailable(shown_out_dir, f"the Pagefind program is not installed ({missing})")
    try:
        ran = subprocess.run([executable, "--site", root, "--output-subdir", FOLDER, "--silent",
                              "--force-language", _index_language(language), "--glob", SEARCHED],
                             capture_output=True, text=True, timeout=TIME_LIMIT,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as failure:
        return _unavailable(shown_out_dir, str(failure))
    if ran.returncode != 0 or not os.path.isfile(os.path.join(root, FOLDER, "pagefind.js")):
        said = (ran.stderr or ran.stdout).strip().splitlines()
        return _unavailable(shown_out_dir, said[-1] if said else f"exit status {ran.returncode}")
    return ()


def _index_language(language: str | None) -> str:
    return language.lower() if language and _LANGUAGE_TAG.fullmatch(language) else "unknown"


def _unavailable(shown_out_dir: str, why: str) -> tuple[Problem, ...]:
    where = Position(os.path.join(shown_out_dir, FOLDER))
    return (warning(where, f"no search index was made, so the search page will say search "
                           f"is unavailable: {why}"),)


def files_in_index(root: str) -> int:
    return sum(len(names) for _, _, names in os.walk(os.path.join(root, FOLDER)))


class IndexedOnDemand(Mapping[str, bytes]):
    """A preview's files, with the search index of them made the first time a file of it is
    asked for. Iterating, counting and comparing see the built files only, so two builds
    compare as their pages do."""

    def __init__(self, files: Mapping[str, bytes], language: str | None,
                 report: Callable[[Problem], None]):
        self._files, self._language, self._report = files, language, report
        self._index: dict[str, bytes] | None = None
        self._making = threading.Lock()

    def __getitem__(self, name: str) -> bytes:
        return self._made()[name] if _in_index(name) else self._files[name]

    def __contains__(self, name: object) -> bool:
        return name in self._made() if _in_index(name) else name in self._files

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def _made(self) -> dict[str, bytes]:
        with self._making:
            if self._index is None:
                self._index = self._indexed()
        return self._index

    def _indexed(self) -> dict[str, bytes]:
        with tempfile.TemporaryDirectory(prefix="search-") as root:
            write_tree({name: body for name, body in self._files.items() if _searched(name)},
                       root)
            for problem in index_site(root, "the preview's", self._language):
                self._report(problem)
            folder = os.path.join(root, FOLDER)
            return {os.path.relpath(os.path.join(top, name), root).replace(os.sep, "/"):
                    _read(os.path.join(top, name))
                    for top, _, names in os.walk(folder) for name in names}


def _in_index(name: object) -> bool:
    return isinstance(name, str) and name.startswith(FOLDER + "/")


def _searched(name: str) -> bool:
    """Whether a built file is one SEARCHED matches: only those are written out to index."""
    parts = name.split("/")
    return parts[-1] == "index.html" and (
        len(parts) == 2 or (len(parts) == 3 and parts[0] in ("claims", "sources")))


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()
