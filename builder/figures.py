"""The figures a passage states, in a form that can be compared across outlets.

Outlets retelling one story often agree on the words and still disagree on a number or on
how a fact is dated ("in 2024 alone" against "in the last year"). Each figure keeps its
exact span so it can be highlighted, and a canonical `value` so "£150m" and
"150 million pounds", or "70" and "seventy", compare equal.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Mapping, Sequence

from .datings import meet, spans

# Kinds of figure.
NUMBER = "number"      # written in digits: "70"
COUNT = "count"        # written in words: "seventy"
AMOUNT = "amount"      # with a currency or a unit: "£150m", "4 hour"
PERCENT = "percent"
FRACTION = "fraction"  # "two-thirds", "a quarter of", "half the", "one in five"
YEAR = "year"          # "2024", "pre-2014", "from 1935 to 1945", "the 1990s"
DATE = "date"          # "February 2022", "19 February 2022", "in March"
RELATIVE = "relative"  # dated from the moment of writing: "last week", "on Tuesday"
ORDINAL = "ordinal"    # a place in an order: "the 88th minute", "the fourth quarter"


@dataclass(frozen=True)
class Figure:
    kind: str
    value: str  # canonical: '150000000 GBP', '2.5%', 'year:2024', 'years-ago:3', 'count:70',
    #             'fraction:2/3'; a hedge or bound comes first: 'about:count:70', 'over:2.5%'
    text: str   # exactly passage[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class FigureStatement:
    passage: str  # the key the passage was given to compare_figures
    figure: Figure


@dataclass(frozen=True)
class FigureDisagreement:
    # "number", "amount", "percent", "year"/"date" (absolute dates differ), "relative"
    # (relative dates differ) or "dating" (one passage dates the fact absolutely, another
    # only relative to when it was written).
    kind: str
    statements: tuple[FigureStatement, ...]


_MONTH_NAMES = (  # each month's name, then its abbreviations
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"))
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1)
           for name in names}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_ONES = {word: n for n, word in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen"))}
_TENS = {word: 10 * n for n, word in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                 "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
                 "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
                 "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
# Places in words, from 'third' ('first' and 'second' are too often something else:
# 'first minister', 'a second'): 'the fourth quarter' against 'the fifth quarter'.
_ORDINAL_WORDS = {word: n for n, word in enumerate((
    "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth"), start=3)}
# After a tens word ('twenty-first'), the first two are places too.
_ORDINAL_UNITS = {"first": 1, "second": 2, **_ORDINAL_WORDS}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
           "trillion": 10**12}
_MULTIPLIERS = {"k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6,
                "bn": 10**9, "billion": 10**9, "tn": 10**12, "trillion": 10**12}
_CURRENCIES = {"£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", "¥": "JPY",
               "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "dollar": "USD",
               "dollars": "USD", "euro": "EUR", "euros": "EUR"}
# Units a count can carry, by the singular the value uses, and what each measures.
_UNITS = {
    "hour": ("hours", "hrs", "hr"), "minute": ("minutes", "mins", "min"),
    "second": ("seconds", "secs"), "day": ("days",), "week": ("weeks",),
    "month": ("months",), "year": ("years",), "decade": ("decades",),
    "km": ("kilometres", "kilometers", "kilometre", "kilometer"), "mile": ("miles",),
    "metre": ("metres", "meters", "meter"), "kg": ("kilograms", "kilogram", "kilos"),
    "tonne": ("tonnes", "tons", "ton"), "mph": (), "feet": ("foot", "ft"),
}
_UNIT_OF = {spelling: unit for unit, spellings in _UNITS.items()
            for spelling in (unit,) + spellings}
_DIMENSION = {"hour": "time", "minute": "time", "second": "time", "day": "time",
              "week": "time", "month": "time", "year": "time", "decade": "time",
              "km": "length", "mile": "length", "metre": "length", "feet": "length",
              "kg": "mass", "tonne": "mass", "mph": "speed"}


def _alternatives(words) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


# Only an abbreviation takes a full stop: in 'by the end of March.' it ends the sentence.
_MONTH = (rf"(?:{_alternatives(names[0].capitalize() for names in _MONTH_NAMES)}"
          rf"|(?:{_alternatives(a.capitalize() for names in _MONTH_NAMES for a in names[1:])})\.?)")
_NUMWORD = _alternatives(list(_ONES) + list(_TENS) + list(_SCALES) + ["dozen"])
_NUMWORDS = rf"(?:{_NUMWORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMWORD})|\s+and\s+a\s+half)*"
_UNIT = _alternatives(_UNIT_OF)
_YEAR4 = r"(?:1[6-9]|20)\d\d"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PLURAL_PARTS = _alternatives(d for d in _DENOMINATORS if d.endswith("s"))
_SINGLE_PARTS = _alternatives(d for d in _DENOMINATORS if not d.endswith("s") and d != "half")
_SMALL = _alternatives(list(_ONES)[2:11])
# Words that make a figure approximate or a bound, by what they make it: "about 400" is
# 380 to 420, "nearly half" 45 to 50 %, "more than 70" at least 70, "up to 70" at most 70.
_HEDGES = {
    "about": ("about", "around", "roughly", "approximately", "some", "circa", "an estimated",
              "an approximate", "close to", "in the region of"),
    "nearly": ("nearly", "almost", "just under", "just short of", "not quite"),
    "over": ("more than", "over", "above", "at least", "upwards of", "in excess of",
             "just over", "well over", "no fewer than", "no less than"),
    "under": ("less than", "fewer than", "under", "below", "up to", "at most", "well under",
              "no more than"),
}
_HEDGE_OF = {phrase: hedge for hedge, phrases in _HEDGES.items() for phrase in phrases}
_HEDGE = re.compile(rf"\b(?P<hedge>(?i:{_alternatives(_HEDGE_OF)}))\s+$")
_HEDGE_REACH = max(map(len, _HEDGE_OF)) + 3  # how far before a figure its hedge can start
_AFTER_HEDGE = "(?:" + "|".join(f"(?<=(?i:{re.escape(phrase)}) )"
                                 for phrase in _HEDGE_OF) + ")"
_HEDGED_KINDS = frozenset((NUMBER, COUNT, AMOUNT, PERCENT, FRACTION))
# Digits that are part of a word or a code ("G7", "F-35", "COVID-19") are not figures.
_FREE = r"(?<![\w.,\-/£$€¥])"

# One pass over the passage: at each position the first alternative that matches wins,
# so the more specific forms come first ("3 years ago" before "3 years" before "3").
_FIGURE = re.compile("|".join((
    rf"(?P<iso>\b(?P<iso_y>{_YEAR4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b)",
    rf"(?P<dmy>\b(?P<dmy_d>[0-3]?\d)(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+(?P<dmy_m>{_MONTH})"
    rf"(?:,?\s+(?P<dmy_y>{_YEAR4}))?\b)",
    rf"(?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?:,\s*(?P<mdy_y>{_YEAR4}))?\b)",
    rf"(?P<my>\b(?P<my_m>{_MONTH})\s+(?P<my_y>{_YEAR4})\b)",
    rf"(?P<range>\b(?:(?i:from|between)\s+)?(?P<range_a>{_YEAR4})\s*"
    rf"(?:[-–—]|\s(?i:to|and|until)\s)\s*(?P<range_b>{_YEAR4}|\d\d)\b(?![-–]\d))",
    rf"(?P<pre>\b(?P<pre_k>(?i:pre|post|mid|late|early))-(?P<pre_y>{_YEAR4})\b)",
    r"(?P<decade>\b(?P<decade_y>(?:1[6-9]|20)\d0)[’']?s\b)",
    rf"(?P<money>(?P<money_c>(?i:US\$)|[£$€¥])\s?(?P<money_v>{_DIGITS})"
    rf"(?:\s?(?P<money_m>(?i:bn|billion|mn|million|m|k|thousand|tn|trillion))\b)?)",
    rf"(?P<money2>{_FREE}(?P<money2_v>{_DIGITS})\s?"
    rf"(?P<money2_m>(?i:bn|billion|mn|million|m|k|thousand|tn|trillion))?\s+"
    rf"(?P<money2_c>(?i:pounds?|sterling|dollars?|euros?))\b)",
    rf"(?P<wmoney>\b(?P<wmoney_v>(?i:{_NUMWORDS}))\s+"
    rf"(?P<wmoney_c>(?i:pounds?|sterling|dollars?|euros?))\b)",
    rf"(?P<pct>{_FREE}(?P<pct_v>\d+(?:\.\d+)?)\s?(?:%|(?i:per\s?cent|percent)\b))",
    rf"(?P<wpct>\b(?P<wpct_v>(?i:{_NUMWORDS}))\s+(?i:per\s?cent|percent)\b)",
    rf"(?P<ago>\b(?P<ago_n>\d+|(?i:{_NUMWORDS}|an?))\s+"
    rf"(?P<ago_u>(?i:years?|months?|weeks?|days?|hours?|decades?))\s+(?i:ago)\b)",
    rf"(?P<unit>{_FREE}(?P<unit_v>{_DIGITS})(?:\s?|-)(?P<unit_u>(?i:{_UNIT}))\b)",
    rf"(?P<wunit>\b(?P<wunit_v>(?i:{_NUMWORDS}))[\s-]+(?P<wunit_u>(?i:{_UNIT}))\b)",
    r"(?P<rel>\b(?i:(?:in|over|during)\s+the\s+(?:last|past)\s+(?:few\s+)?"
    r"(?:year|month|week|decade|days|weeks|months|years|decades)"
    r"|(?:earlier|later)\s+this\s+(?:year|month|week)"
    r"|(?:last|this|next)\s+(?:year|month|week|weekend|night|morning|afternoon|evening)"
    r"|in\s+the\s+coming\s+(?:days|weeks|months|years)"
    r"|in\s+recent\s+(?:days|weeks|months|years|decades)"
    r"|over\s+the\s+(?:decades|years)"
    r"|overnight|yesterday|today|tonight|tomorrow)\b)",
    rf"(?P<month>\b(?P<month_m>{_MONTH})(?![\w-]|['’]s\b))",
    rf"(?P<weekday>\b(?P<weekday_n>{_alternatives(d.capitalize() for d in _WEEKDAYS)})\b)",
    rf"(?P<year>{_FREE}(?P<year_v>{_YEAR4})(?!\d|[.,]\d|\s?%|\w))",
    # A fraction: "two-thirds", "three quarters" (plural: never an ordinal); "a third of",
    # "one quarter of", "half of", "half the" (an ordinal is followed by no "of": "a third
    # term"); "one in five", "1 in 10".
    rf"(?P<frac>\b(?P<frac_n>(?i:{_SMALL}))[\s-](?P<frac_d>(?i:{_PLURAL_PARTS}))\b)",
    rf"(?P<frac1>\b(?i:an?|one)[\s-](?P<frac1_d>(?i:{_SINGLE_PARTS}))(?=\s+(?i:of)\b))",
    # "by a third", "almost a quarter": a share without "of", where the clause goes on
    # with no noun for it to order ("by a third party", "nearly a third term" are not).
    rf"(?P<frac2>(?:(?<=\b[Bb]y )|{_AFTER_HEDGE})\b(?i:an?|one)[\s-]"
    rf"(?P<frac2_d>(?i:{_SINGLE_PARTS}))(?=\s*(?:[,.;:!?)”\"’]|$)|\s+(?:of|in|on|at|from|since|over"
    rf"|compared|to|than|and|or|but|after|before|among|for)\b))",
    r"(?P<halfof>\b(?i:half)(?=\s+(?i:of|the|its|their|our|his|her|all)\b))",
    rf"(?P<ratio>\b(?i:one|1)\s+(?i:in)\s+(?P<ratio_d>\d{{1,3}}|(?i:a\s+)?(?i:{_NUMWORDS}))\b)",
    # "Half" alone after a hedge ("nearly half", "more than half") is a share too.
    rf"(?P<hedgedhalf>(?=(?i:half)\b){_AFTER_HEDGE}\b(?i:half)\b(?![\s-]+(?i:an?|dozen)\b))",
    rf"(?P<half>\b(?i:half)\s+(?i:an?)\s+(?P<half_s>(?i:dozen|{_alternatives(_SCALES)}))\b)",
    # A place in words: 'twenty-third', 'the fifth quarter'; not a share ('a third', 'one
    # tenth') nor a set phrase ('third party', 'fifth column').
    rf"(?P<wordinal>(?<!\b[Aa] )(?<!\b[Aa]n )(?<!\b[Oo]ne )\b"
    rf"(?:(?P<wordinal_t>(?i:{_alternatives(_TENS)}))[\s-]"
    rf"(?P<wordinal_u>(?i:{_alternatives(_ORDINAL_UNITS)}))"
    rf"|(?P<wordinal_v>(?i:{_alternatives(_ORDINAL_WORDS)})))\b"
    rf"(?!\s+(?i:of|party|parties|world|way|reich|column|form|estate)\b))",
    rf"(?P<words>\b(?i:{_NUMWORDS})\b)",
    rf"(?P<ordinal>{_FREE}(?P<ordinal_v>\d{{1,4}})(?:st|nd|rd|th)\b)",
    rf"(?P<number>{_FREE}(?P<number_v>{_DIGITS})"
    rf"(?:\s?(?P<number_m>(?i:million|billion|trillion|thousand|bn|mn)))?(?![\w%]))",
)))


# Every figure starts at one of a few words, or shortly before one: trying the pattern
# only there finds what trying it everywhere would (the tests hold it to that), and is
# many times faster. Words of time may end a phrase four words long ("during the past
# few weeks"); a number may follow "from" or sit inside a word ("pre-2014", "US$5").
_TIME_WORDS = frozenset((
    "year", "years", "month", "months", "week", "weeks", "weekend", "night", "morning",
    "afternoon", "evening", "decade", "decades", "day", "days"))
_TRIGGER_WORDS = frozenset(
    list(_ONES) + list(_TENS) + list(_SCALES) + list(_MONTHS) + list(_WEEKDAYS)
    + [part for part in _DENOMINATORS if part != "half"]
    + list(_ORDINAL_WORDS)
    + ["dozen", "half", "overnight", "yesterday", "today", "tonight", "tomorrow", "ago"]
) | _TIME_WORDS
_DIGITS_OR_MONEY = re.compile(r"[\d£$€¥][\d.,]*")  # \d: the pattern reads any script's digits
_LETTERS = re.compile(r"[a-z]+")


def extract_figures(passage: str) -> tuple[Figure, ...]:
    """Every figure the passage states, in order. Words that merely look like numbers
    ("one country", "one another") are not counted: "one" only counts with a unit."""
    found = []
    reached = 0
    for position in _candidates(passage):
        if position < reached:
            continue
        match = _FIGURE.match(passage, position)
        if match is None:
            continue
        reached = match.end()
        figure = _figure(match)
        if figure is not None:
            found.append(figure)
    return tuple(found)


def _candidates(passage: str) -> list[int]:
    wanted: set[int] = set()
    for match in _DIGITS_OR_MONEY.finditer(passage):
        wanted.add(match.start())
        wanted.update(_word_starts_before(passage, match.start(), 2))
    lowered = passage.lower()
    if len(lowered) != len(passage):  # lower case moved the offsets: look everywhere
        return list(range(len(passage)))
    if not _TRIGGER_WORDS.isdisjoint(_LETTERS.findall(lowered)):
        for match in _LETTERS.finditer(lowered):
            word = match.group()
            if word in _TRIGGER_WORDS:
                wanted.add(match.start())
                if word in _TIME_WORDS:
                    wanted.update(_word_starts_before(passage, match.start(), 4))
                elif word in _DENOMINATORS:  # "a third", "two-thirds"
                    wanted.update(_word_starts_before(passage, match.start(), 2))
    return sorted(wanted)


def _word_starts_before(passage: str, position: int, count: int) -> list[int]:
    """The start of the word `position` is in, and of the words before it."""
    starts = []
    for _ in range(count):
        position = max(passage.rfind(" ", 0, position), passage.rfind("\n", 0, position)) + 1
        starts.append(position)
        if position == 0:
            break
        position -= 1
    return starts


def _scan(passage: str) -> tuple[Figure, ...]:
    """The plain way: try the pattern at every position. The tests hold extract_figures
    to it."""
    return tuple(f for f in map(_figure, _FIGURE.finditer(passage)) if f is not None)


def _figure(match: re.Match) -> Figure | None:
    kind_value = _READERS[match.lastgroup](match)
    if kind_value is None:
        return None
    kind, value = kind_value
    start, end, passage = match.start(), match.end(), match.string
    if kind in _HEDGED_KINDS:
        hedge = _HEDGE.search(passage, max(0, start - _HEDGE_REACH), start)
        if hedge is not None and not _in_place_or_time(passage, hedge, value):
            # the hedge is part of what the outlet states
            value = f"{_HEDGE_OF[hedge['hedge'].lower()]}:{value}"
            start = hedge.start()
    return Figure(kind, value, passage[start:end], start, end)


# "Over two years, he made 19 payments" (during), "a dam that sits above 9,000 people"
# (where): the word states no bound on the figure.
_DURATION = re.compile(r"[\d.]+ (?:year|month|week|day|hour)s?")
_POSITIONED = re.compile(r"\b(?:sits?|stands?|lies|lie|towers?|looms?|hangs?|perched|"
                         r"located|built)\s+$")


def _in_place_or_time(passage: str, hedge: re.Match, value: str) -> bool:
    word = hedge["hedge"].lower()
    before = passage[max(0, hedge.start() - 20):hedge.start()]
    if word == "over" and _DURATION.fullmatch(value) and (
            hedge["hedge"][0].isupper() or before.rstrip()[-1:] in (",", ";", ":")):
        return True  # opening its sentence or clause: during
    return word in ("above", "over", "under", "below") and bool(_POSITIONED.search(before))


def _decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _scaled(digits: str, multiplier: str | None) -> Decimal:
    return _decimal(digits) * _MULTIPLIERS.get((multiplier or "").lower(), 1)


def _words_value(words: str) -> Decimal | None:
    """'seventy' → 70, 'two hundred and fifty' → 250, 'twenty-five' → 25, 'one and a
    half million' and 'a million and a half' → 1500000."""
    total, current, scale = Decimal(0), Decimal(0), 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", "a"):
            continue
        if word == "half":
            if current or not scale:  # 'one and a half (million)': half a unit
                current += Decimal("0.5")
            else:  # 'a million and a half': half the scale
                total += Decimal(scale) / 2
        elif word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current, scale = Decimal(0), _SCALES[word]
        else:
            return None
    return total + current


def _count_of(text: str) -> Decimal | None:
    if text[:1].isdigit():
        try:
            return _decimal(text)
        except InvalidOperation:
            return None
    if text.lower() in ("a", "an"):
        return Decimal(1)
    return _words_value(text)


def _read_iso(m):
    return DATE, f"date:{m['iso_y']}-{m['iso_m']}-{m['iso_d']}"


def _read_dmy(m):
    return DATE, _date_value(m["dmy_y"], m["dmy_m"], m["dmy_d"])


def _read_mdy(m):
    return DATE, _date_value(m["mdy_y"], m["mdy_m"], m["mdy_d"])


def _read_my(m):
    return DATE, _date_value(m["my_y"], m["my_m"], None)


def _date_value(year, month, day) -> str:
    month_number = _MONTHS[month.rstrip(".").lower()]
    day_part = f"-{int(day):02d}" if day else ""
    return f"date:{year or '-'}-{month_number:02d}{day_part}"


def _read_range(m):
    first, last = m["range_a"], m["range_b"]
    if len(last) == 2:  # "1935–45"
        last = first[:2] + last
    return YEAR, f"year:{first}-{last}"


def _read_pre(m):
    return YEAR, f"year:{m['pre_k'].lower()}-{m['pre_y']}"


def _read_decade(m):
    return YEAR, f"year:{m['decade_y']}s"


def _read_money(m):
    amount = _scaled(m["money_v"], m["money_m"])
    return AMOUNT, f"{_plain(amount)} {_CURRENCIES[m['money_c'].lower()]}"


def _read_money2(m):
    amount = _scaled(m["money2_v"], m["money2_m"])
    return AMOUNT, f"{_plain(amount)} {_CURRENCIES[m['money2_c'].lower()]}"


def _read_pct(m):
    return PERCENT, f"{_plain(_decimal(m['pct_v']))}%"


def _read_wpct(m):
    value = _words_value(m["wpct_v"])
    return None if value is None else (PERCENT, f"{_plain(value)}%")


def _read_ago(m):
    count = _count_of(m["ago_n"])
    if count is None:
        return None
    unit = m["ago_u"].lower().rstrip("s")
    return RELATIVE, f"{unit}s-ago:{_plain(count)}"


def _read_unit(m):
    return AMOUNT, f"{_plain(_decimal(m['unit_v']))} {_UNIT_OF[m['unit_u'].lower()]}"


def _read_wmoney(m):
    return _amount_in_words(m["wmoney_v"], _CURRENCIES[m["wmoney_c"].lower()])


def _read_wunit(m):
    return _amount_in_words(m["wunit_v"], _UNIT_OF[m["wunit_u"].lower()])


def _amount_in_words(words: str, unit: str):
    value = _words_value(words)
    return None if value is None else (AMOUNT, f"{_plain(value)} {unit}")


_RELATIVE_FORMS = (
    (re.compile(r"(?:in|over|during) the (?:last|past) (?:few )?(\w+)"), r"past-\1"),
    (re.compile(r"(earlier|later) this (\w+)"), r"\1-this-\2"),
    (re.compile(r"(last|this|next) (\w+)"), r"\1-\2"),
    (re.compile(r"in the coming (\w+)"), r"coming-\1"),
    (re.compile(r"in recent (\w+)"), r"recent-\1"),
    (re.compile(r"over the (\w+)"), r"over-\1"),
)


def _read_rel(m):
    phrase = re.sub(r"\s+", " ", m.group().lower())
    for pattern, replacement in _RELATIVE_FORMS:
        if pattern.fullmatch(phrase):
            return RELATIVE, "relative:" + pattern.sub(replacement, phrase)
    return RELATIVE, "relative:" + phrase


# A month named alone is a date only after these ("in March", "mid-March"): "March" and
# "May" are also a verb, a name and a surname.
_BEFORE_MONTH = frozenset(("in", "since", "until", "till", "from", "through", "throughout",
                           "during", "of", "early", "late", "mid", "before", "after", "by",
                           "last", "next"))


def _read_month(m):
    before = m.string[max(0, m.start() - 16):m.start()].lower().replace("-", " ").split()
    if not before or before[-1] not in _BEFORE_MONTH or (
            before[-1] == "by" and m["month_m"] == "May"):
        return None
    return DATE, _date_value(None, m["month_m"], None)


def _read_weekday(m):
    # Relative: which day "on Tuesday" is depends on when the report was written.
    return RELATIVE, f"weekday:{m['weekday_n'].lower()}"


def _read_half(m):
    scale = m["half_s"].lower()
    return COUNT, f"count:{(12 if scale == 'dozen' else _SCALES[scale]) // 2}"


def _fraction(numerator: int, denominator: int | None):
    if denominator is None or not 0 < numerator < denominator:
        return None
    return FRACTION, f"fraction:{numerator}/{denominator}"


def _read_frac(m):
    return _fraction(_ONES[m["frac_n"].lower()], _DENOMINATORS[m["frac_d"].lower()])


def _read_frac1(m):
    return _fraction(1, _DENOMINATORS[m["frac1_d"].lower()])


def _read_frac2(m):
    return _fraction(1, _DENOMINATORS[m["frac2_d"].lower()])


def _read_halfof(m):
    return _fraction(1, 2)


def _read_ratio(m):
    denominator = re.sub(r"^(?i:an?)\s+", "", m["ratio_d"])  # "one in a million"
    return _fraction(1, int(_count_of(denominator) or 0))


def _read_year(m):
    return YEAR, f"year:{m['year_v']}"


def _read_words(m):
    value = _words_value(m.group())
    if value is None or value <= 1:  # "one" is usually "a", not a figure
        return None
    return COUNT, f"count:{_plain(value)}"


def _read_ordinal(m):
    return ORDINAL, f"ordinal:{int(m['ordinal_v'])}"


def _read_wordinal(m):
    if m["wordinal_t"]:
        place = _TENS[m["wordinal_t"].lower()] + _ORDINAL_UNITS[m["wordinal_u"].lower()]
    else:
        place = _ORDINAL_WORDS[m["wordinal_v"].lower()]
    return ORDINAL, f"ordinal:{place}"


def _read_number(m):
    return NUMBER, f"count:{_plain(_scaled(m['number_v'], m['number_m']))}"


_READERS = {
    "iso": _read_iso, "dmy": _read_dmy, "mdy": _read_mdy, "my": _read_my,
    "range": _read_range, "pre": _read_pre, "decade": _read_decade, "money": _read_money,
    "money2": _read_money2, "wmoney": _read_wmoney, "pct": _read_pct, "wpct": _read_wpct,
    "ago": _read_ago, "unit": _read_unit, "wunit": _read_wunit, "rel": _read_rel,
    "month": _read_month,
    "weekday": _read_weekday, "year": _read_year, "frac": _read_frac, "frac1": _read_frac1,
    "frac2": _read_frac2,
    "halfof": _read_halfof, "ratio": _read_ratio, "hedgedhalf": _read_halfof,
    "half": _read_half, "words": _read_words, "ordinal": _read_ordinal,
    "wordinal": _read_wordinal, "number": _read_number,
}


# --- comparison -------------------------------------------------------------------------

_TIMING = "timing"


def _family(figure: Figure) -> str:
    """Figures that can contradict each other: a count written in digits and one written
    in words, or an absolute and a relative date, are statements about the same thing."""
    if figure.kind in (NUMBER, COUNT):
        return NUMBER
    if figure.kind == AMOUNT:
        unit = figure.value.rsplit(" ", 1)[-1]
        return "amount:" + _DIMENSION.get(unit, "money" if unit.isupper() else unit)
    if figure.kind in (YEAR, DATE, RELATIVE):
        return _TIMING
    if figure.kind == FRACTION:
        return PERCENT
    return figure.kind


def compare_figures(figures_by_passage: Mapping[str, Sequence[Figure]],
                    published: Mapping[str, dt.date | None] | None = None
                    ) -> tuple[FigureDisagreement, ...]:
    """Where passages state figures of one family that do not match.

    Passages are compared two by two. Figures both state are set aside; a disagreement is
    what is left on both sides (one says 70, the other 60). A passage that merely states
    less (a partial quote) disagrees with nothing. For dates, a passage that dates the
    fact only relatively ("in the last year") against one that gives the year ("2024")
    is a disagreement of kind "dating", even if the second also says "in the last year".

    With `published` (passage → the day its report was published), dates two reports
    give are set on the calendar, relative ones counted from each report's day ('last
    month' in a November report is October): where all of both passages' dates can be,
    they disagree, of kind "calendar", only where no reading lets both be right.
    """
    published = published or {}
    order = {key: index for index, key in enumerate(figures_by_passage)}
    by_family: dict[str, dict[str, list[Figure]]] = {}
    for key, figures in figures_by_passage.items():
        for figure in figures:
            by_family.setdefault(_family(figure), {}).setdefault(key, []).append(figure)
    found: dict[str, dict[tuple[str, int], FigureStatement]] = {}
    for family, per_passage in by_family.items():
        if len({tuple(sorted(f.value for f in figures)) for figures in per_passage.values()}) < 2:
            continue  # every passage states the same: nothing to set against anything
        keys = list(per_passage)
        for i, left in enumerate(keys):
            for right in keys[i + 1:]:
                dated = (published.get(left), published.get(right))
                for kind, statements in _pair_conflicts(
                        family, left, per_passage[left], right, per_passage[right], dated):
                    bucket = found.setdefault(kind, {})
                    for statement in statements:
                        bucket[(statement.passage, statement.figure.start)] = statement
    return tuple(
        FigureDisagreement(kind, tuple(sorted(
            bucket.values(), key=lambda s: (order[s.passage], s.figure.start))))
        for kind, bucket in sorted(found.items()))


def _pair_conflicts(family, left_key, left, right_key, right, dated=(None, None)):
    if family != _TIMING:
        yield from _leftover_conflict(family.split(":")[0], left_key, left, right_key, right,
                                      _may_be_equal)
        return
    if any(dated) and any(figure.kind == RELATIVE for figure in left + right):
        placed = [[(figure, spans(figure.value, day)) for figure in figures]
                  for figures, day in zip((left, right), dated)]
        if all(days is not None for side in placed for _, days in side):
            yield from _calendar_conflict(left_key, placed[0], right_key, placed[1])
            return
    left_absolute, left_relative = _split_timing(left)
    right_absolute, right_relative = _split_timing(right)
    if left_absolute and right_absolute:
        kind = YEAR if all(f.kind == YEAR for f in left_absolute + right_absolute) else DATE
        yield from _leftover_conflict(kind, left_key, left_absolute, right_key, right_absolute,
                                      _consistent_dates)
    if left_relative and right_relative:
        for kind, statements in _leftover_conflict(RELATIVE, left_key, left_relative,
                                                   right_key, right_relative):
            # "On Tuesday" and "on Wednesday" each count from their own report's day
            # (and may date different moments): both may be right. "Three years ago"
            # and "four years ago" cannot both be, whatever day each was written.
            days = all(_counts_days(statement.figure.value) for statement in statements)
            yield (DAY if days else kind), statements
    yield from _dating_conflict(left_key, left_absolute, left_relative,
                                right_key, right_absolute, right_relative)
    yield from _dating_conflict(right_key, right_absolute, right_relative,
                                left_key, left_absolute, left_relative)


CALENDAR = "calendar"


def _calendar_conflict(left_key, left, right_key, right):
    """Each side's dates none of the other's can be the same day as, if both have some."""
    left_only = [figure for figure, days in left if not any(meet(days, o) for _, o in right)]
    right_only = [figure for figure, days in right if not any(meet(days, o) for _, o in left)]
    if left_only and right_only:
        yield CALENDAR, ([FigureStatement(left_key, f) for f in left_only]
                         + [FigureStatement(right_key, f) for f in right_only])


# A difference between two reports' relative dates of this scale may be no more than
# the days between the reports: "yesterday", "on Tuesday", "last week", "two days ago".
DAY = "day"
# Differences that need not be errors ("in 2024" against "in the last year", "on Tuesday"
# against "yesterday"): shown, but not as a disagreement.
BOTH_MAY_BE_RIGHT = frozenset(("dating", DAY))
_DAY_SCALE = re.compile(
    r"weekday:.*|days-ago:.*|weeks-ago:.*|relative:(?:overnight|yesterday|today|tonight|"
    r"tomorrow|(?:last|this|next|earlier-this|later-this|past|coming|over|recent)-(?:week|"
    r"weeks|weekend|night|morning|afternoon|evening|day|days|few-days|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday))")


def _counts_days(value: str) -> bool:
    return _DAY_SCALE.fullmatch(value.split(":", 1)[1] if _is_hedged(value) else value) is not None


def _split_timing(figures):
    absolute = [f for f in figures if f.kind != RELATIVE]
    relative = [f for f in figures if f.kind == RELATIVE]
    return absolute, relative


def _leftover_conflict(kind, left_key, left, right_key, right, same=None):
    left_only = _without(left, right, same)
    right_only = _without(right, left, same)
    if left_only and right_only:
        yield kind, ([FigureStatement(left_key, f) for f in left_only]
                     + [FigureStatement(right_key, f) for f in right_only])


def _without(figures, others, same=None) -> list[Figure]:
    """The figures whose values the others do not also state (counting repeats); with
    `same`, a value the others state in a way `same` accepts counts as stated."""
    remaining = [f.value for f in others]
    left = []
    for figure in figures:
        if figure.value in remaining:
            remaining.remove(figure.value)
            continue
        match = next((v for v in remaining if same(figure.value, v)), None) if same else None
        if match is None:
            left.append(figure)
        else:
            remaining.remove(match)
    return left


def _consistent_dates(a: str, b: str) -> bool:
    """One date may say less than the other without contradicting it: '2025', 'March'
    and '4 March' all fit '4 March 2025'; '4 March' and 'March 2024' fit each other."""
    a_parts, b_parts = _date_parts(a), _date_parts(b)
    if a_parts is None or b_parts is None:
        return a == b
    return all(x is None or y is None or x == y for x, y in zip(a_parts, b_parts))


def _may_be_equal(a: str, b: str) -> bool:
    """Whether two counts, amounts or shares can be the same quantity: 'a third' and '33%'
    (shares rounded: within a point), 'about 70' and '72' (within 5 %), 'nearly half' and
    '48%' (within 5 points), 'more than 70' and '75'. Amounts in different units or
    currencies never are."""
    a_range, b_range = _range(a), _range(b)
    if a_range is None or b_range is None or a_range[0] != b_range[0]:
        return False
    if not (_is_hedged(a) or _is_hedged(b)):  # two plain figures: equal, or a share rounded
        return a_range[0] == "share" and abs(a_range[1] - b_range[1]) < 2 * _ROUNDED_SHARE
    return a_range[1] <= b_range[2] and b_range[1] <= a_range[2]


def _is_hedged(value: str) -> bool:
    return value.partition(":")[0] in _HEDGES


_ROUNDED_SHARE = Decimal("0.005")  # '33%' is any share that rounds to it
_ABOUT_SHARE = Decimal("0.05")     # 'about a third' is 28 to 38 %
_ABOUT = Decimal("0.05")           # 'about 400' is 380 to 420
_UNBOUNDED = Decimal("Infinity")


def _range(value: str) -> tuple[str, Decimal, Decimal] | None:
    """(unit, lowest, highest) of the quantities a value can be; shares in the unit
    'share', from 0 to 1."""
    hedge, bare = value.split(":", 1) if _is_hedged(value) else ("", value)
    try:
        unit, amount = _quantity(bare)
    except (ArithmeticError, ValueError):
        return None
    share = unit == "share"
    exact = _ROUNDED_SHARE if share else Decimal(0)
    about = _ABOUT_SHARE if share else abs(amount) * _ABOUT
    low, high = {
        "": (amount - exact, amount + exact),
        "about": (amount - about, amount + about),
        "nearly": (amount - about, amount),
        "over": (amount, _UNBOUNDED),
        "under": (-_UNBOUNDED, amount),
    }[hedge]
    return unit, low, high


def _quantity(value: str) -> tuple[str, Decimal]:
    if value.startswith("fraction:"):
        numerator, denominator = value[len("fraction:"):].split("/")
        return "share", Decimal(numerator) / Decimal(denominator)
    if value.endswith("%"):
        return "share", Decimal(value[:-1]) / 100
    if value.startswith("count:"):
        return "count", Decimal(value[len("count:"):])
    amount, unit = value.rsplit(" ", 1)
    return unit, Decimal(amount)


def _date_parts(value: str) -> tuple[str | None, str | None, str | None] | None:
    """(year, month, day) of a single year or date, None where it is not said; None for
    a span of years ('year:2020-2024', 'year:1990s', 'year:pre-2014')."""
    kind, _, rest = value.partition(":")
    if kind == "year":
        return (rest, None, None) if rest.isdigit() else None
    if kind != "date":
        return None
    if rest.startswith("--"):  # no year: '--03-04'
        year, month_day = None, rest[2:].split("-")
    else:
        year, *month_day = rest.split("-")
    month_day += [None, None]
    return year, month_day[0], month_day[1]


def _dating_conflict(dated_key, dated_absolute, dated_relative,
                     other_key, other_absolute, other_relative):
    """`dated` gives a date the other does not, while the other only says 'last year'."""
    if other_absolute or not other_relative:
        return
    if dated_absolute:
        yield "dating", ([FigureStatement(dated_key, f) for f in dated_absolute]
                         + [FigureStatement(other_key, f) for f in other_relative])
