"""Working days as the Code counts them: Monday to Friday, less the bank holidays of
the landlord's nation (substitute days and one-off holidays included) and any local
closure days the landlord lists.

The `holidays` package keeps the UK's statutory list current, including one-offs
such as the 2022 jubilee, the 2022 state funeral and the 2023 coronation.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import holidays


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


_SUBDIVISION = {
    Nation.ENGLAND: "ENG",
    Nation.WALES: "WLS",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


@lru_cache(maxsize=8)
def _bank_holidays(nation: Nation) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=_SUBDIVISION[nation])


def read_closure_days(path: Path) -> frozenset[date]:
    """A local closure-days file: one ISO date a line; '#' starts a comment."""
    days = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            days.add(date.fromisoformat(text))
        except ValueError as error:
            raise ValueError(f"{path}:{number}: {text!r} is not a date (YYYY-MM-DD)") from error
    return frozenset(days)


class WorkingDayCalendar:
    """Counts and adds working days for one nation plus local closures."""

    def __init__(self, nation: Nation = Nation.ENGLAND, closures: Iterable[date] = ()):
        self.nation = Nation(nation)
        self.closures = frozenset(closures)
        self._holidays = _bank_holidays(self.nation)

    def holiday_name(self, day: date) -> str | None:
        if day in self.closures:
            return "local closure day"
        return self._holidays.get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays and day not in self.closures

    def add_working_days(self, start: date, count: int) -> date:
        """The date `count` working days after `start` (the day itself not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count
