"""Quotation groups (and the descriptions of people read with them) kept on disk between
builds, by what they are a function of.

Finding the groups is the costliest part of a build's analysis (seconds at a few thousand
articles), and they depend only on the seeds and on the code that reads them: an editor
who adds or edits a claim, a page or a template gets them back in a fraction of the time.

An entry's name is a digest of the corpus (`analysis.corpus_digest`), of every source
file of the builder, of the Python and RapidFuzz versions, and of this format: changing any
of them makes another name, so a stale entry is never read. An entry that cannot be read
(cut short, from an older format, garbled) is treated as missing, and a store that cannot
be written to is skipped: the cache can only make a build faster, never fail it or
change what it writes. The newest few entries are kept, so switching between two branches'
seeds does not start from nothing.
"""
from __future__ import annotations

import glob
import hashlib
import os
import pickle
import sys
import tempfile

import rapidfuzz

FORMAT = b"corpus-findings 3"  # groups, descriptions of people, the corpus's full names
KEPT = 4  # entries kept in one store: the newest, by when they were last used
_PREFIX, _SUFFIX = "groups-", ".pickle"


def code_digest() -> bytes:
    """Everything besides the corpus that decides the groups: the builder's own source
    (all of it, as working out which modules matter would be easy to get wrong), and the
    versions of Python and RapidFuzz."""
    digest = hashlib.sha256(FORMAT)
    package = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(package)):
        if name.endswith(".py"):
            with open(os.path.join(package, name), "rb") as handle:
                digest.update(name.encode() + b"\0" + handle.read() + b"\0")
    digest.update(f"{sys.version}\0{rapidfuzz.__version__}".encode())
    return digest.digest()


class GroupStore:
    """A folder of entries; `load` and `save` never raise for the folder's sake."""

    def __init__(self, folder: str):
        self.folder = folder
        self._code = code_digest()

    def _path(self, corpus: bytes) -> str:
        name = hashlib.sha256(self._code + corpus).hexdigest()[:32]
        return os.path.join(self.folder, f"{_PREFIX}{name}{_SUFFIX}")

    def load(self, corpus: bytes):
        """What was saved for this corpus by this code, or None."""
        path = self._path(corpus)
        try:
            with open(path, "rb") as handle:
                found = pickle.load(handle)
            os.utime(path)  # used: the last to be pruned
        except Exception:  # missing, or unreadable for any reason: as if it were not there
            return None
        return found

    def save(self, corpus: bytes, findings) -> bool:
        """Writes the entry whole or not at all; False if the folder is not writable."""
        path = self._path(corpus)
        try:
            os.makedirs(self.folder, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".writing-")
            try:
                with os.fdopen(handle, "wb") as stream:
                    pickle.dump(findings, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return False
        self._prune()
        return True

    def _prune(self) -> None:
        entries = glob.glob(os.path.join(glob.escape(self.folder), f"{_PREFIX}*{_SUFFIX}"))
        by_use = sorted(entries, key=_used_at, reverse=True)
        for stale in by_use[KEPT:]:
            try:
                os.unlink(stale)
            except OSError:
                pass


def _used_at(path: str) -> float:
    try:
        return os.path.getmtime(path)
    except OSError:
        return 0.0
