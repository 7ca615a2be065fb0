"""Where a date a report gives can fall on the calendar: 'in March', '2024', and, counted
from the day the report was published, 'last month', 'in recent years', 'three years ago'.

Each figure's value (figures.py) becomes the spans of days it can mean, generous where
usage varies ('last month' is the calendar month before, or the month up to the report),
so that two reports are said to disagree only where no reading lets both be right.

Relative dates finer than a month are not placed: 'on Tuesday', 'yesterday', 'last
week' count from when the words were said, and a witness's 'I called on Tuesday' at a
hearing may be the Tuesday before the bridge fell, weeks before the report. A month or
a year is wide enough for the days between speaking and publishing not to matter.
"""
from __future__ import annotations

import calendar
import datetime as dt

Days = tuple[dt.date, dt.date]  # first and last day, both included

_EARLIEST, _LATEST = dt.date.min, dt.date.max


def spans(value: str, published: dt.date | None) -> list[Days] | None:
    """The spans of days a date figure can mean, its report published on `published`
    (None: not known); None when it cannot be placed (a relative date in a report of
    unknown date, a form not read here)."""
    try:
        return _spans(value, published)
    except (OverflowError, ValueError):  # off the calendar: 'five thousand years ago'
        return None


def _spans(value: str, published: dt.date | None) -> list[Days] | None:
    kind, _, rest = value.partition(":")
    if kind == "year":
        return _years(rest)
    if kind == "date":
        return _date(rest, published)
    if published is None:
        return None
    if kind.endswith("s-ago"):
        return _ago(kind[:-len("s-ago")], rest, published)
    if kind == "relative":
        return _period(*rest.rpartition("-")[::2], published)
    return None


def meet(some: list[Days], others: list[Days]) -> bool:
    """Whether one reading of each can be the same day."""
    return any(a <= d and c <= b for a, b in some for c, d in others)


def _years(rest: str) -> list[Days] | None:
    if rest.isdigit():
        return [_year(int(rest))]
    if rest.endswith("s") and rest[:-1].isdigit():  # the 1990s
        first = int(rest[:-1])
        return [(_year(first)[0], _year(first + 9)[1])]
    head, _, tail = rest.partition("-")
    if head.isdigit() and tail.isdigit() and int(head) <= int(tail):  # 1935-1945
        return [(_year(int(head))[0], _year(int(tail))[1])]
    if head == "pre" and tail.isdigit():
        return [(_EARLIEST, _year(int(tail) - 1)[1])]
    if head == "post" and tail.isdigit():
        return [(_year(int(tail) + 1)[0], _LATEST)]
    return None


def _date(rest: str, published: dt.date | None) -> list[Days] | None:
    """'2025-03-04', '2025-03'; without a year ('--03-04', '--03'), the year before the
    report's, its own or the next, as reports say 'on 4 March' of either."""
    year, _, month_day = rest.partition("-") if not rest.startswith("--") else ("", "", rest[2:])
    parts = month_day.split("-")
    month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else None
    years = [int(year)] if year else (
        [published.year - 1, published.year, published.year + 1] if published else [])
    found = []
    for candidate in years:
        try:
            found.append(_day_or_month(candidate, month, day))
        except ValueError:  # not in that year's calendar: a 29 February, a 30 February
            continue
    return found or None


def _day_or_month(year: int, month: int, day: int | None) -> Days:
    if day is not None:
        return (dt.date(year, month, day),) * 2
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(year: int) -> Days:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# Less than half the unit: "three years ago" and "four years ago" in reports of one day
# never meet, while either may mean any day of about a year.
_SLACK = {"year": 150, "month": 10, "decade": 1500}
_LENGTH = {"year": 365, "month": 30, "decade": 3652}


def _ago(unit: str, count: str, published: dt.date) -> list[Days] | None:
    """'Three years ago': about three years before the report, give or take half one."""
    try:
        amount = float(count)
    except ValueError:
        return None
    if unit not in _LENGTH:
        return None
    middle = published - dt.timedelta(days=round(amount * _LENGTH[unit]))
    slack = dt.timedelta(days=_SLACK[unit])
    return [(middle - slack, middle + slack)]


def _period(head: str, unit: str, published: dt.date) -> list[Days] | None:
    """'last month', 'this year', 'in the past year', 'in recent years' …: generous, as
    usage varies ('last month' is the calendar month before, or the month up to the
    report); None for anything finer than a month."""
    if unit.endswith("s"):  # 'in recent years', 'over the past few months', 'the coming years'
        lengths = {"months": 366, "years": 3653}
        if unit not in lengths:
            return None
        reach = dt.timedelta(days=lengths[unit])
        return [(published, published + reach)] if head == "coming" else [
            (published - reach, published)]
    calendar_unit = {"month": _month, "year": _calendar_year}.get(unit)
    if calendar_unit is None:
        return None
    this = calendar_unit(published, 0)
    if head in ("this", "earlier-this", "later-this"):
        return [this]
    if head == "last":
        return [(calendar_unit(published, -1)[0], published)]
    if head == "next":
        return [(published, calendar_unit(published, 1)[1])]
    if head in ("past", "over", "recent"):
        return [(published - dt.timedelta(days=_LENGTH[unit] + 1), published)]
    if head == "coming":
        return [(published, published + dt.timedelta(days=_LENGTH[unit] + 1))]
    return None


def _month(when: dt.date, shift: int) -> Days:
    index = when.year * 12 + when.month - 1 + shift
    return _day_or_month(index // 12, index % 12 + 1, None)


def _calendar_year(when: dt.date, shift: int) -> Days:
    return _year(when.year + shift)
