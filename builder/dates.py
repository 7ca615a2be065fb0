"""Dates as readers read them, independent of the machine's locale."""
from __future__ import annotations

import datetime as dt

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: dt.date | None) -> str:
    if day is None:
        return "date unknown"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
