"""Working days as the Code counts them: weekends, each nation's bank holidays with
their substitute days and one-offs, and the landlord's own closure days."""

from datetime import date
from pathlib import Path

import pytest

from lettercheck.calendar import Nation, WorkingDayCalendar, read_closure_days
from lettercheck.config import load_config

ENGLAND = WorkingDayCalendar()


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Easter 2025: Good Friday 18 April and Easter Monday 21 April are skipped.
        (date(2025, 4, 16), 5, date(2025, 4, 25)),
        # Easter 2026 (3 and 6 April), counting 10 from the Wednesday before.
        (date(2026, 4, 1), 10, date(2026, 4, 17)),
        # Christmas 2021 fell at a weekend: substitute days on Monday 27 and Tuesday 28.
        (date(2021, 12, 24), 1, date(2021, 12, 29)),
        # Christmas 2022 was a Sunday: Boxing Day Monday 26, substitute Tuesday 27.
        (date(2022, 12, 23), 1, date(2022, 12, 28)),
        # Boxing Day 2020 was a Saturday: substitute Monday 28 December.
        (date(2020, 12, 24), 1, date(2020, 12, 29)),
        # New Year's Day 2022 was a Saturday: substitute Monday 3 January.
        (date(2021, 12, 31), 1, date(2022, 1, 4)),
        # 2022: spring bank holiday moved to Thursday 2 June, Platinum Jubilee Friday 3 June.
        (date(2022, 6, 1), 1, date(2022, 6, 6)),
        # 2022: the Queen's state funeral, Monday 19 September.
        (date(2022, 9, 16), 1, date(2022, 9, 20)),
        # 2023: the coronation, Monday 8 May (after the early May bank holiday on 1 May).
        (date(2023, 5, 5), 1, date(2023, 5, 9)),
        (date(2023, 4, 28), 5, date(2023, 5, 9)),
    ],
)
def test_adding_working_days_in_england(start, days, expected):
    assert ENGLAND.add_working_days(start, days) == expected


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 4, 18),
        date(2025, 4, 21),
        date(2021, 12, 27),
        date(2021, 12, 28),
        date(2022, 12, 27),
        date(2022, 1, 3),
        date(2022, 6, 2),
        date(2022, 6, 3),
        date(2022, 9, 19),
        date(2023, 5, 8),
    ],
)
def test_bank_holidays_are_not_working_days(day):
    assert not ENGLAND.is_working_day(day)
    assert ENGLAND.holiday_name(day)


def test_the_usual_spring_bank_holiday_was_a_working_day_in_2022():
    # It moved from Monday 30 May to Thursday 2 June for the jubilee.
    assert ENGLAND.is_working_day(date(2022, 5, 30))


def test_wales_counts_like_england():
    wales = WorkingDayCalendar(Nation.WALES)
    for start in (date(2022, 6, 1), date(2023, 5, 5), date(2021, 12, 24)):
        assert wales.add_working_days(start, 5) == ENGLAND.add_working_days(start, 5)


def test_other_nations_have_their_own_holidays():
    scotland = WorkingDayCalendar(Nation.SCOTLAND)
    northern_ireland = WorkingDayCalendar(Nation.NORTHERN_IRELAND)
    # 2 January is a holiday in Scotland only; Easter Monday is not one there.
    assert not scotland.is_working_day(date(2026, 1, 2))
    assert ENGLAND.is_working_day(date(2026, 1, 2))
    assert scotland.is_working_day(date(2026, 4, 6))
    # St Andrew's Day (Scotland), St Patrick's Day and the Twelfth (Northern Ireland).
    assert not scotland.is_working_day(date(2026, 11, 30))
    assert not northern_ireland.is_working_day(date(2026, 3, 17))
    assert not northern_ireland.is_working_day(date(2026, 7, 13))
    assert ENGLAND.is_working_day(date(2026, 3, 17))


def test_closure_days_are_not_working_days(tmp_path: Path):
    closures = tmp_path / "closures.txt"
    closures.write_text("# office closed\n2026-12-29\n\n2026-12-30  # staff training\n")
    calendar = WorkingDayCalendar(Nation.ENGLAND, read_closure_days(closures))
    # 24 Dec (Thu) +1: 25, 26 (Sat), 27 (Sun), 28 (substitute), 29 and 30 closed -> 31.
    assert calendar.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 31)
    assert ENGLAND.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert calendar.holiday_name(date(2026, 12, 29)) == "local closure day"


def test_a_bad_closure_day_is_reported_with_its_line(tmp_path: Path):
    closures = tmp_path / "closures.txt"
    closures.write_text("2026-12-29\n29/12/2026\n")
    with pytest.raises(ValueError, match=r"closures.txt:2: '29/12/2026' is not a date"):
        read_closure_days(closures)


def test_config_builds_the_calendar_from_nation_and_closures(tmp_path: Path):
    (tmp_path / "closures.txt").write_text("2026-03-03\n")
    config_file = tmp_path / "lettercheck.yaml"
    config_file.write_text(
        "landlord:\n  name: L\n  address: [1 Road]\n  phone: '1'\n  email: e\n"
        "  signatory: S\n  nation: scotland\n"
        "closure_days: closures.txt\nextra_closure_days: [2026-03-04]\n"
    )
    calendar = load_config(config_file).calendar()
    assert calendar.nation is Nation.SCOTLAND
    assert calendar.add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 5)


def test_working_days_between_counts_the_end_not_the_start():
    assert ENGLAND.working_days_between(date(2025, 4, 16), date(2025, 4, 25)) == 5
    assert ENGLAND.working_days_between(date(2025, 4, 25), date(2025, 4, 16)) == -5
    assert ENGLAND.working_days_between(date(2025, 4, 16), date(2025, 4, 16)) == 0


def test_adding_no_days_is_the_same_day_and_negative_is_refused():
    assert ENGLAND.add_working_days(date(2025, 4, 18), 0) == date(2025, 4, 18)
    with pytest.raises(ValueError):
        ENGLAND.add_working_days(date(2025, 4, 18), -1)
