"""Declared fields for YAML records: each field knows its kind, and each failure is one
plain sentence at the offending key or value (unknown keys get a did-you-mean)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Callable
from urllib.parse import urlsplit

from rapidfuzz import process

from .dates import MonthDate, parse_partial
from .errors import Problem, brief, error
from .yamlfile import YamlDocument

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Windows device names: a folder named so cannot be created or checked out there, whatever
# its case or extension, so no id, seed stem or tag slug may be one.
DEVICE_NAMES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                *(f"lpt{n}" for n in range(1, 10))}
RESERVED_IDS = DEVICE_NAMES | {"index", "feed", "data"}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | date | date-or-unknown | url | id | text-list | mapping | list | any
    required: bool = False


@dataclass
class Record:
    """The checked values of one mapping, with the means to report on it further."""

    document: YamlDocument
    keypath: tuple
    values: dict
    problems: list[Problem]

    def get(self, name, default=None):
        value = self.values.get(name)
        return default if value is None else value

    def report(self, name, message: str) -> None:
        self.problems.append(error(self.document.at(*self.keypath, name), message))

    def at(self, *names):
        return self.document.at(*self.keypath, *names)

    def text_at(self, *names):
        return self.document.text_at(*self.keypath, *names)


def read_record(document: YamlDocument, keypath: tuple, fields: list[Field],
                problems: list[Problem], what: str) -> Record | None:
    value = _value_at(document.value, keypath)
    if not isinstance(value, dict):
        problems.append(error(document.at(*keypath), f"{what} must be a mapping of keys to "
                                                        f"values, not {describe(value)}"))
        return None
    known = {field.name: field for field in fields}
    values = {}
    misspelt = set()
    for key, item in value.items():
        if key not in known:
            # A key already given is not what a misspelt one meant.
            guess = closest(str(key), [name for name in known if name not in value])
            misspelt.add(guess)
            problems.append(error(document.key_at(*keypath, key), _unknown_key(key, guess, known, what)))
            continue
        values[key] = _check(known[key], item, document, keypath + (key,), problems)
    for field in fields:
        # A misspelt key already says what is missing, and a value in error or empty text
        # has its own message: saying it twice only adds noise.
        if (not field.required or field.name in misspelt
                or keypath + (field.name,) in document.failed):
            continue
        where = document.key_at(*keypath, field.name)
        if field.name not in value:
            problems.append(error(where, f"missing required key '{field.name}' in {what}"))
        elif value[field.name] is None:
            problems.append(error(where, f"'{field.name}' is empty: give it a value"))
    return Record(document, keypath, values, problems)


def _value_at(value, keypath):
    for key in keypath:
        value = value[key]
    return value


def _unknown_key(key, guess, known, what) -> str:
    message = f"unknown key '{key}' in {what}"
    if guess:
        return f"{message} — did you mean '{guess}'?"
    return f"{message}; known keys: {', '.join(known)}"


def closest(word: str, choices: list[str], cutoff: float = 60) -> str | None:
    found = process.extractOne(word, choices, score_cutoff=cutoff)
    return found[0] if found else None


def is_device_name(name: str) -> bool:
    return name.split(".")[0].lower() in DEVICE_NAMES


def describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value!r})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat(' ')})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"text ({brief(str(value))!r})"


def _check(field, value, document, keypath, problems):
    if value is None:
        return None
    if field.kind in _TEXT_KINDS:
        value = _as_written(value, document, keypath)
    checked = _CHECKS[field.kind](value)
    if isinstance(checked, _Invalid):
        # An item YAML could not read (None) has its own error already.
        problems += [error(document.at(*keypath, *invalid.at), f"'{field.name}' {invalid.reason}")
                     for invalid in (checked, *checked.others)
                     if keypath + invalid.at not in document.failed]
        return checked.usable
    return checked


# Kinds whose values are text: a word YAML reads as true or false is the text typed there.
_TEXT_KINDS = {"text", "id", "url", "text-list"}


def _as_written(value, document, keypath):
    """'yes', 'no', 'true', 'off' … as the editor typed them: YAML reads them as true or
    false, but where text is expected they are words ('verdict: true' names a verdict)."""
    if isinstance(value, bool):
        return document.true_false_words.get(keypath, value)
    if isinstance(value, list):
        return [_as_written(item, document, keypath + (index,))
                for index, item in enumerate(value)]
    return value


@dataclass(frozen=True)
class _Invalid:
    reason: str
    at: tuple = ()  # where inside the value, when it is a list item
    others: tuple = ()  # the other list items wrong too, each an _Invalid
    usable: object = None  # what can still be checked further: a list's good items


def _text(value):
    if value is None:  # a list item left blank ('-' alone, or '[a, , b]')
        return _Invalid("must not be empty")
    if not isinstance(value, str):
        hint = "; put it in quotes" if isinstance(value, (bool, int, float, dt.date)) else ""
        return _Invalid(f"must be text, not {describe(value)}{hint}")
    if not value.strip():
        return _Invalid("must not be empty")
    if "\x00" in value:
        return _Invalid("must not contain a NUL character")
    return value.strip()


def _date(value):
    # A time of day would be dropped without a word: the editor is told instead.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    return _Invalid(f"must be a date written YYYY-MM-DD, not {describe(value)}"
                    f"{_time_hint(value)}")


def _time_hint(value) -> str:
    if isinstance(value, dt.datetime):
        return "; leave the time out"
    found = _written_date(value) if isinstance(value, str) else None
    return f" — did you mean {found.isoformat()}?" if found else ""


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
# Year first is always year, month, day: '2025-2-19', '2025/02/19'.
_YEAR_FIRST_DATE = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_WORDED_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})"
                          r"|([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for name in names}


def _written_date(text: str) -> dt.date | None:
    """The date an editor meant by '19/02/2025', '2025-2-19' or '19 February 2025', where
    only one reading is possible ('02/03/2025' could be either day first or month first)."""
    text = text.strip()
    numeric = _NUMERIC_DATE.fullmatch(text)
    worded = _WORDED_DATE.fullmatch(text)
    year_first = _YEAR_FIRST_DATE.fullmatch(text)
    try:
        if year_first:
            return dt.date(*map(int, year_first.groups()))
        if numeric:
            first, second, year = map(int, numeric.groups())
            if (first > 12) == (second > 12):
                return None  # both readings, or neither
            day, month = (first, second) if first > 12 else (second, first)
            return dt.date(year, month, day)
        if worded:
            day, month, year = (worded.group(1), worded.group(2), worded.group(3)) \
                if worded.group(1) else (worded.group(5), worded.group(4), worded.group(6))
            number = _MONTHS.get(month.lower())
            return dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None
    return None


# A month alone, as editors write it: '2025-2', '2025/02', '2/2025', 'February 2025'.
_YEAR_FIRST_MONTH = re.compile(r"(\d{4})[/.\-](\d{1,2})")
_MONTH_FIRST_MONTH = re.compile(r"(\d{1,2})[/.\-](\d{4})")
_WORDED_MONTH = re.compile(r"([A-Za-z]+)\.?,?\s+(\d{4})")


def _written_month(text: str) -> MonthDate | None:
    """The month an editor meant by '2025-2', '2/2025' or 'Feb 2025'. Only a claim's date
    may be a month, so only it is offered one. With a four-digit year the other number
    can only be the month: one reading."""
    text = text.strip()
    year_first = _YEAR_FIRST_MONTH.fullmatch(text)
    month_first = _MONTH_FIRST_MONTH.fullmatch(text)
    worded = _WORDED_MONTH.fullmatch(text)
    if year_first:
        year, month = map(int, year_first.groups())
    elif month_first:
        month, year = map(int, month_first.groups())
    elif worded and worded.group(1).lower() in _MONTHS:
        year, month = int(worded.group(2)), _MONTHS[worded.group(1).lower()]
    else:
        return None
    return MonthDate(year, month, 1) if 1 <= month <= 12 else None


def _claim_date_hint(value) -> str:
    month = _written_month(value) if isinstance(value, str) else None
    return f" — did you mean {month.isoformat()}?" if month else _time_hint(value)


def _claim_date(value):
    """When a claim was made may be known only to the month or year: say no more than is known."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        partial = parse_partial(str(value).strip())
        if partial is not None:
            return partial
    checked = _date(value)
    if isinstance(checked, _Invalid):
        return _Invalid(f"must be a date written YYYY-MM-DD (or YYYY-MM, YYYY when only the "
                        f"month or year is known), not {describe(value)}"
                        f"{_claim_date_hint(value)}")
    return checked


def _date_or_unknown(value):
    if value == "unknown":
        return "unknown"
    checked = _date(value)
    if isinstance(checked, _Invalid):
        return _Invalid(f"must be a date written YYYY-MM-DD or 'unknown', not "
                        f"{describe(value)}{_time_hint(value)}")
    return checked


def _url(value):
    text = _text(value)
    if isinstance(text, _Invalid):
        return text
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket: "https://[x"
        return _Invalid(f"must be an absolute http(s) URL, not {brief(text)!r}")
    # Quotes, angle brackets and backslashes are never needed unencoded, and browsers read
    # a backslash as a slash: refusing them keeps a URL from being read two ways.
    if parts.scheme not in ("http", "https") or not parts.netloc or \
            any(c.isspace() or c in '"<>\\' for c in text):
        return _Invalid(f"must be an absolute http(s) URL, not {brief(text)!r}")
    return text


def url_problem(text: str) -> str | None:
    """Why text is not an absolute http(s) URL (for the command line), or None."""
    checked = _url(text)
    return checked.reason if isinstance(checked, _Invalid) else None


def base_url_problem(text: str) -> str | None:
    """Why text cannot be the address a site is served at, or None: every link is made
    by appending to it, so a query or fragment would end up inside every path."""
    problem = url_problem(text)
    if problem is None and ("?" in text or "#" in text):
        problem = "must not contain a query or fragment"
    return problem


def _identifier(value):
    text = _text(value)
    if isinstance(text, _Invalid):
        return text
    return text if is_valid_id(text) else _Invalid(id_rule(text))


def is_valid_id(text: str) -> bool:
    return bool(ID_PATTERN.fullmatch(text)) and len(text) <= 80 and text not in RESERVED_IDS


def id_rule(text: str) -> str:
    if text in RESERVED_IDS:
        return f"'{text}' is a reserved name"
    return (f"{brief(text)!r} is not a valid id: use lowercase letters, digits and single "
            "hyphens (at most 80 characters)")


def _text_list(value):
    if not isinstance(value, list):
        return _Invalid(f"must be a list of text, not {describe(value)}")
    checked = [_text(item) for item in value]
    bad = [_Invalid(f"items {item.reason}", (index,))
           for index, item in enumerate(checked) if isinstance(item, _Invalid)]
    if not bad:
        return checked
    # The good items, in their places, so that they are still checked against each other
    # (a tag listed twice) and the rest of the site.
    usable = [None if isinstance(item, _Invalid) else item for item in checked]
    return replace(bad[0], others=tuple(bad[1:]), usable=usable)


def _count(value):
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return _Invalid(f"must be a whole number from 1 up, not {describe(value)}")


def _kind(expected: type, name: str) -> Callable:
    def check(value):
        if isinstance(value, expected):
            return value
        return _Invalid(f"must be {name}, not {describe(value)}")
    return check


_CHECKS = {
    "text": _text, "date": _date, "claim-date": _claim_date, "date-or-unknown": _date_or_unknown, "url": _url,
    "id": _identifier, "text-list": _text_list,
    "boolean": _kind(bool, "true or false"), "count": _count, "mapping": _kind(dict, "a mapping"), "list": _kind(list, "a list"), "any": lambda v: v,
}
