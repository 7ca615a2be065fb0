"""Views kept between a preview's builds, by everything they are made of.

A one-claim edit leaves almost every claim, source page and quotation group as it was,
yet a build made each of them again (an article's marked blocks cost milliseconds
apiece, thousands a site) and the page cache pickled each again to key the pages showing
it. Kept here by a key holding every input of the view, an unchanged view is handed back
as the same object; the page cache then keys it by a digest it took once.

A key is compared by equality, so it must hold values whose equality means "renders the
same": the content model's strings, dates (with their type: a month alone equals its first
day), numbers and frozen dataclasses of them; or a kept object by its identity (`Same`).
A view handed out must never be changed afterwards: what later stages add to a claim's
page is made before its view and is part of its key.
"""
from __future__ import annotations

from typing import Callable, Hashable, TypeVar

View = TypeVar("View")


class ViewMemo:
    """Lives as long as a preview server; one build at a time. Holds the latest build's
    views only: what a build did not ask for goes when it is done."""

    def __init__(self):
        self._kept: dict[Hashable, object] = {}
        self._used: dict[Hashable, object] = {}
        self._digests: dict[int, bytes] = {}  # id(view) -> its digest, for views held here
        self._held: set[int] = set()          # ids of the views the current build asked for
        self._reusing = 0
        self.reused = 0  # views the latest build took from here

    def made(self, key: Hashable, make: Callable[[], View]) -> View:
        found = self._used.get(key)
        if found is None:
            found = self._kept.get(key)
            if found is None:
                found = make()
            else:
                self._reusing += 1
            self._used[key] = found
            self._held.add(id(found))
        return found  # type: ignore[return-value]

    def digest(self, view: object) -> bytes | None:
        """The digest a page key took of this view, if it is one of ours and was keyed."""
        return self._digests.get(id(view)) if id(view) in self._held else None

    def remember(self, view: object, digest: bytes) -> None:
        # Only for views held here: their ids cannot be taken by another object meanwhile.
        if id(view) in self._held:
            self._digests[id(view)] = digest

    def done(self) -> None:
        """The build is over: views it did not use go, with their digests."""
        self._kept, self._used = self._used, {}
        self._digests = {key: digest for key, digest in self._digests.items()
                         if key in self._held}
        self._held = {id(view) for view in self._kept.values()}
        self.reused, self._reusing = self._reusing, 0


class Same:
    """Stands in a key for a value by its identity: for a large value kept as one object
    while it stands (a quotation group of the corpus memo), whose hash would walk all of
    it on every look-up. The key holds the value, so its id is not taken meanwhile."""

    __slots__ = ("value",)

    def __init__(self, value: object):
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value
