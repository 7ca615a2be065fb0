"""Which of the editors' files changed since last time, by polling.

Polling works the same on every OS and file system (network mounts, containers, editors
that save by renaming a new file over the old one), and needs no extra dependency.
"""
from __future__ import annotations

import os
import time

Stamp = tuple[int, int, int]  # (modification time in ns, size, inode)


def is_editor_litter(name: str) -> bool:
    """Hidden files and backups that editors write beside the file being saved."""
    return name.startswith(".") or name.endswith("~") or name == "4913"


def snapshot(roots: list[str]) -> dict[str, Stamp]:
    """Every file under roots (a root may be a single file, or missing) with its stamp."""
    found: dict[str, Stamp] = {}
    seen: set[str] = set()
    for root in roots:
        if os.path.isfile(root):
            _stamp(root, found)
        # Folders linked in are read as the builder reads them (content/claims/shared →
        # ../shared-claims), each once, so that a link back up ends.
        for folder, subfolders, names in os.walk(root, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:
                subfolders[:] = []
                continue
            seen.add(real)
            subfolders[:] = [name for name in subfolders if not is_editor_litter(name)]
            for name in names:
                if not is_editor_litter(name):
                    _stamp(os.path.join(folder, name), found)
    return found


def _stamp(path: str, found: dict[str, Stamp]) -> None:
    try:
        status = os.stat(path)
    except OSError:  # deleted between listing and stat: the next snapshot says so
        return
    found[path] = (status.st_mtime_ns, status.st_size, status.st_ino)


class Watcher:
    """Reports changed paths; its pace adapts so that watching a large site stays cheap."""

    def __init__(self, roots: list[str], shortest_pause: float = 0.1):
        self.roots = roots
        self.shortest_pause = shortest_pause
        self.pause = shortest_pause
        self._last = self._scan()

    def changes(self) -> list[str]:
        """Paths added, removed or modified since the previous call (or since creation)."""
        current = self._scan()
        changed = sorted(path for path in self._last.keys() | current.keys()
                         if self._last.get(path) != current.get(path))
        self._last = current
        return changed

    def _scan(self) -> dict[str, Stamp]:
        started = time.perf_counter()
        found = snapshot(self.roots)
        # Spend at most about a fifth of one core on watching.
        self.pause = max(self.shortest_pause, 4 * (time.perf_counter() - started))
        return found
