"""Dates as readers read them, independent of the machine's locale."""
from __future__ import annotations

import datetime as dt

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


class MonthDate(dt.date):
    """A date known only to the month ("said in February 2025"): the 1st stands in for
    sorting, and it prints as what is known, never as an invented day."""

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat


class YearDate(dt.date):
    """A date known only to the year."""

    def isoformat(self) -> str:
        return f"{self.year:04d}"

    __str__ = isoformat


def parse_partial(text: str) -> dt.date | None:
    """'2025-02-19' → date; '2025-02' → MonthDate; '2025' → YearDate; otherwise None."""
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(text)
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            return MonthDate(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(parts[0]) == 4 and parts[0].isdigit():
            return YearDate(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


def long_date(day: dt.date | None) -> str:
    if day is None:
        return "date unknown"
    if isinstance(day, YearDate):
        return str(day.year)
    if isinstance(day, MonthDate):
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def said_when(day: dt.date) -> str:
    """'on 19 February 2025', or 'in February 2025' when only the month is known."""
    return ("in " if isinstance(day, (MonthDate, YearDate)) else "on ") + long_date(day)
