"""Dates and timescales as UK letters write them.

Dates: "14 March 2025", "14th of March, 2025", "Friday 14th March", "March 14, 2025",
"14/03/2025", "14.03.25", "2025-03-14". A date without a year takes the year that puts
it nearest the letter's own date. Timescales: "within 15 working days", "in 8 weeks",
"within ten calendar days", "a further 10 business days", "three more weeks", "6 wks",
and the deadline as a count, "by the twentieth working day".
"""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    r"\b(?:"
    + _WEEKDAY
    + r"(?P<d1>\d{1,2})"
    + _ORD
    + r"\s+(?:of\s+)?"
    + _MONTH.format("m1")
    + r"(?:,?\s+(?P<y1>\d{4}))?"
    + r"|"
    + _WEEKDAY
    + _MONTH.format("m2")
    + r"\s+(?P<d2>\d{1,2})"
    + _ORD
    + r"(?:,?\s+(?P<y2>\d{4}))?"
    + r"|(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4}|\d{2})"
    + r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    + r")\b",
    re.IGNORECASE,
)

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-one": 21,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
TIMESCALE_RE = re.compile(
    r"\b(?P<number>\d{1,3}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*\(\d{1,3}\))?[\s-]+(?:(?P<more>more|further|additional|extra)\s+)?"
    r"(?:(?P<kind>working|business|calendar|clear|full)[\s-]+)?"
    r"(?P<unit>days?|weeks?|wks?|months?)\b",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {
    "fifth": 5,
    "tenth": 10,
    "fifteenth": 15,
    "twentieth": 20,
    "twenty-fifth": 25,
    "thirtieth": 30,
}
# "the 20th working day after we received it": a deadline counted in working days
ORDINAL_RE = re.compile(
    r"\b(?P<number>\d{1,3})(?:st|nd|rd|th)|\b(?P<word>"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_ORDINAL_DAY = re.compile(r"\s+(?P<kind>working|business)\s+day\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    value: date | None  # None when the day or month is impossible ("31/02/2025")
    start: int
    end: int
    has_year: bool


@dataclass(frozen=True)
class Timescale:
    number: int
    unit: str  # "day", "week", "month"
    counting: str | None  # "working", "calendar" or None when the letter does not say
    start: int
    end: int
    more: bool = False  # "three more weeks", "10 further working days": time added

    def working_days(self, days_mean_working_days: bool = True) -> int:
        """The timescale in working days: weeks are five, months twenty-one (the most a
        month can hold), calendar days five in seven (rounded down, the lenient view)."""
        if self.unit == "week":
            return self.number * 5
        if self.unit == "month":
            return self.number * 21
        if self.counting == "calendar" or (self.counting is None and not days_mean_working_days):
            return (self.number * 5) // 7
        return self.number


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    year = int(raw)
    return year + 2000 if year < 100 else year


def find_dates(text: str, near: date | None = None) -> list[DateMention]:
    """Every date in `text`; a date without a year is placed nearest `near`."""
    mentions = []
    for match in DATE_RE.finditer(text):
        groups = match.groupdict()
        if groups["d1"]:
            day, month, year = int(groups["d1"]), MONTHS[groups["m1"].lower()], groups["y1"]
        elif groups["d2"]:
            day, month, year = int(groups["d2"]), MONTHS[groups["m2"].lower()], groups["y2"]
        elif groups["d3"]:
            day, month, year = int(groups["d3"]), int(groups["m3"]), groups["y3"]
        else:
            day, month, year = int(groups["d4"]), int(groups["m4"]), groups["y4"]
        value = _make_date(_year(year), month, day, near)
        mentions.append(DateMention(value, match.start(), match.end(), year is not None))
    return mentions


def _make_date(year: int | None, month: int, day: int, near: date | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        if near is None:
            return None
        candidates = []
        for offset in (-1, 0, 1):
            try:
                candidates.append(date(near.year + offset, month, day))
            except ValueError:
                continue
        return min(candidates, key=lambda value: abs(value - near)) if candidates else None
    except ValueError:
        return None


def find_timescales(text: str) -> list[Timescale]:
    found = []
    for match in TIMESCALE_RE.finditer(text):
        raw = match.group("number").lower()
        number = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        counting = (match.group("kind") or "").lower() or None
        if counting in {"business", "clear", "full"}:
            counting = "working" if counting == "business" else None
        unit = match.group("unit").lower().rstrip("s")
        unit = "week" if unit == "wk" else unit
        more = match.group("more") is not None
        found.append(Timescale(number, unit, counting, match.start(), match.end(), more))
    for match in ORDINAL_RE.finditer(text):
        day = _ORDINAL_DAY.match(text, match.end())
        if day:
            raw = match.group("number") or _ORDINAL_WORDS[match.group("word").lower()]
            found.append(Timescale(int(raw), "day", "working", match.start(), day.end()))
    return sorted(found, key=lambda timescale: timescale.start)
