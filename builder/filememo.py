"""What was read from each content file at the previous build, kept by the file's bytes.

The preview server rebuilds on every save, and a save changes one file among thousands: a
file whose bytes are what they were is not parsed and checked again; what was made of it
(the loaded value and the problems it had, warnings included) is handed back as it was.
Kept by content, not by modification time, so an edit is never missed however fast it
follows the last one.
"""
from __future__ import annotations

import hashlib
import os
from typing import Callable, Hashable, TypeVar

from .yamlfile import MAX_FILE_BYTES

Made = TypeVar("Made")


class FileMemo:
    """Lives as long as a preview server; one build at a time."""

    def __init__(self):
        self._entries: dict[Hashable, tuple[bytes, object]] = {}
        self._seen: set[Hashable] = set()
        self.reused = 0  # entries the latest build took from here

    def __len__(self) -> int:
        return len(self._entries)

    def begin(self) -> None:
        """Starts a build: entries no file asks for by its end are dropped (a deleted claim's)."""
        self._seen, self.reused = set(), 0

    def end(self) -> None:
        self._entries = {key: entry for key, entry in self._entries.items() if key in self._seen}

    def recall(self, key: Hashable, paths: tuple[str, ...], make: Callable[[], Made]) -> Made:
        """What `make` made of these files when they last read the same; `make()` if they
        have changed, or if one cannot be read as a plain file (make reports why)."""
        self._seen.add(key)
        digest = _digest(paths)
        if digest is None:
            self._entries.pop(key, None)
            return make()
        known = self._entries.get(key)
        if known is not None and known[0] == digest:
            self.reused += 1
            return known[1]  # type: ignore[return-value]
        made = make()
        self._entries[key] = (digest, made)
        return made


def _digest(paths: tuple[str, ...]) -> bytes | None:
    digest = hashlib.blake2b()
    for path in paths:
        if not os.path.isfile(path):  # missing, or a pipe that would block: not kept
            return None
        try:
            with open(path, "rb") as handle:
                content = handle.read(MAX_FILE_BYTES + 1)
        except OSError:
            return None
        if len(content) > MAX_FILE_BYTES:  # too large to load: make() says so
            return None
        digest.update(len(content).to_bytes(8, "big") + content)
    return digest.digest()
