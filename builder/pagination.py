"""Long lists cut into pages, as readers on a phone need them: the first at the list's own
path, the rest at <path>page/<n>/, each with links to its neighbours."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

NEAR = 2  # numbered links either side of the current page


@dataclass(frozen=True)
class PageLink:
    url: str
    number: int
    current: bool


@dataclass(frozen=True)
class Pager:
    number: int                   # 1 for the first page
    count: int                    # how many pages the list has
    previous: str | None          # URL of the page before, if any
    next: str | None
    links: tuple[PageLink | None, ...]  # the first, the last and those near this one; None: a gap
    first_item: int               # 1-based place of this page's first item in the list
    last_item: int
    total_items: int

    @property
    def several(self) -> bool:
        return self.count > 1


def page_path(path: str, number: int) -> str:
    """Site-relative path of page `number` of the list at `path`."""
    return path if number == 1 else f"{path}page/{number}/"


def page_of(index: int, per_page: int) -> int:
    """The page the item at 0-based `index` is on."""
    return index // per_page + 1


def paginate(path: str, items: Sequence, per_page: int, base_path: str
             ) -> list[tuple[str, Sequence, Pager]]:
    """(site-relative path, its items, its pager) for each page of the list; an empty list
    is one empty page."""
    count = max(1, -(-len(items) // per_page))
    pages = []

    def url(number: int) -> str:
        return base_path + page_path(path, number)

    for number in range(1, count + 1):
        chunk = items[(number - 1) * per_page:number * per_page]
        first = (number - 1) * per_page + 1 if chunk else 0
        pages.append((page_path(path, number), chunk, Pager(
            number, count, url(number - 1) if number > 1 else None,
            url(number + 1) if number < count else None,
            _links(number, count, url), first, first + len(chunk) - 1 if chunk else 0,
            len(items))))
    return pages


def _links(number: int, count: int, url) -> tuple[PageLink | None, ...]:
    shown = sorted({1, count, *range(max(1, number - NEAR), min(count, number + NEAR) + 1)})
    links: list[PageLink | None] = []
    for previous, current in zip([0] + shown, shown):
        if current - previous > 1:
            links.append(None)
        links.append(PageLink(url(current), current, current == number))
    return tuple(links)


def titled(title: str, pager: Pager) -> str:
    """Each page of a list has a title of its own, for tabs, history and search results."""
    return title if pager.number == 1 else f"{title} (page {pager.number} of {pager.count})"
