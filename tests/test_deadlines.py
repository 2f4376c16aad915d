"""The Code's deadlines for a case, and the flags for the ones its own dates miss."""

from datetime import date

from click.testing import CliRunner
from generate_support import EXAMPLE_CASE, case_from, example_data

from lettercheck.calendar import WorkingDayCalendar
from lettercheck.cli import main
from lettercheck.deadlines import case_schedule

ENGLAND = WorkingDayCalendar()
TODAY = date(2026, 11, 23)


def _dues(case, today=TODAY) -> dict[str, tuple[date, str]]:
    return {d.label: (d.due, d.status) for d in case_schedule(case, ENGLAND, today).deadlines}


def _open_case(**stage1) -> dict:
    data = example_data()
    data["stage1"] = stage1
    data.pop("stage2")
    return data


def test_the_example_case_meets_every_deadline():
    schedule = case_schedule(case_from(example_data()), ENGLAND, TODAY)
    dues = {d.label: (d.due, d.status) for d in schedule.deadlines}
    assert dues == {
        "Stage 1 acknowledgement": (date(2026, 3, 9), "met"),
        "Stage 1 response": (date(2026, 3, 19), "extended"),
        "Stage 1 response, latest if extended": (date(2026, 4, 2), "met"),
        "Stage 2 acknowledgement": (date(2026, 4, 17), "met"),
        # 14 April + 20 working days, skipping the early May bank holiday (4 May).
        "Stage 2 response": (date(2026, 5, 13), "extended"),
        # + 20 more, skipping the spring bank holiday (25 May).
        "Stage 2 response, latest if extended": (date(2026, 6, 11), "met"),
    }
    assert schedule.flags == []
    assert [d.provision for d in schedule.deadlines] == [
        "6.2",
        "6.3",
        "6.4",
        "6.11",
        "6.14",
        "6.15",
    ]


def test_deadlines_across_easter_before_acknowledgement():
    data = _open_case()
    data["complaint"]["received"] = date(2026, 4, 2)  # the Thursday before Good Friday
    dues = _dues(case_from(data), today=date(2026, 4, 8))
    # +5 skips Good Friday and Easter Monday; the response counts from the ack due date.
    assert dues["Stage 1 acknowledgement"] == (date(2026, 4, 13), "open")
    assert dues["Stage 1 response"] == (date(2026, 4, 27), "open")
    assert dues["Stage 1 response, latest if extended"] == (date(2026, 5, 12), "-")


def test_response_counts_from_the_actual_acknowledgement():
    data = _open_case(acknowledged=date(2026, 3, 3))
    assert _dues(case_from(data))["Stage 1 response"][0] == date(2026, 3, 17)


def test_a_late_acknowledgement_and_response_are_flagged_missed():
    data = _open_case(acknowledged=date(2026, 3, 12), responded=date(2026, 4, 2))
    data["stage1"]["findings"] = [
        {"point": n, "decision": "not-upheld", "reasons": "r"} for n in (1, 2, 3)
    ]
    flags = case_schedule(case_from(data), ENGLAND, TODAY).flags
    assert flags == [
        "MISSED: stage 1 acknowledgement sent 2026-03-12, due 2026-03-09",
        "MISSED: stage 1 response sent 2026-04-02, due 2026-03-26",
    ]


def test_nothing_sent_after_the_due_date_is_overdue():
    data = _open_case()
    flags = case_schedule(case_from(data), ENGLAND, date(2026, 3, 27)).flags
    assert flags == [
        "OVERDUE: stage 1 acknowledgement was due 2026-03-09 (today 2026-03-27)",
        "OVERDUE: stage 1 response was due 2026-03-23 (today 2026-03-27)",
    ]
    assert case_schedule(case_from(data), ENGLAND, date(2026, 3, 6)).flags == []


def test_an_extension_beyond_the_code_and_sent_late_is_flagged():
    data = _open_case(
        acknowledged=date(2026, 3, 5),
        extension={
            "reason": "a survey",
            "new_date": date(2026, 4, 20),
            "notified": date(2026, 3, 20),
        },
        responded=date(2026, 4, 21),
    )
    schedule = case_schedule(case_from(data), ENGLAND, TODAY)
    assert schedule.flags == [
        "TOO LONG: stage 1 response extended to 2026-04-20, after the latest date the Code "
        "allows without good reason, 2026-04-02 (+10 working days)",
        "LATE EXTENSION: stage 1 extension sent 2026-03-20, after the response was due 2026-03-19",
        "MISSED: stage 1 response sent 2026-04-21, after the extended date 2026-04-20",
    ]
    assert _dues(case_from(data))["Stage 1 response, latest if extended"][1] == "too long"


def test_a_refusal_counts_as_the_acknowledgement():
    data = _open_case(
        refusal={
            "ground": "legal-proceedings",
            "details": "A claim was filed.",
            "sent": date(2026, 3, 4),
        }
    )
    assert _dues(case_from(data))["Stage 1 acknowledgement"] == (date(2026, 3, 9), "met")


def test_deadlines_command_prints_the_table_and_flags(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["deadlines", str(EXAMPLE_CASE), "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert "Deadlines for BH-2026-0142" in result.output
    assert "bank holidays: England" in result.output
    assert "2026-05-13" in result.output and "2026-06-11" in result.output
    assert "No deadline missed so far." in result.output

    late = tmp_path / "late.yaml"
    late.write_text(
        "reference: L-1\nresident: {name: A, address: [1 Road]}\n"
        "complaint:\n  received: 2025-03-03\n  points: [{summary: s, outcome_sought: o}]\n"
        "stage1:\n  acknowledged: 2025-03-07\n  responded: 2025-04-02\n"
        "  findings: [{point: 1, decision: upheld, reasons: r}]\n"
        "  apology: We are sorry that we were slow.\n"
        "  remedies: [{type: repair, description: fix it, due: 2025-04-10}]\n"
    )
    result = runner.invoke(main, ["deadlines", str(late), "--today", "2025-05-01"])
    assert result.exit_code == 0, result.output
    assert "MISSED: stage 1 response sent 2025-04-02, due 2025-03-21" in result.output
    assert "Stage 2" in result.output and "not requested" in result.output


def test_deadlines_use_the_configs_nation_and_closures(tmp_path):
    (tmp_path / "lettercheck.yaml").write_text("extra_closure_days: [2026-03-06]\n")
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["deadlines", str(EXAMPLE_CASE), "--config", str(tmp_path / "lettercheck.yaml")],
    )
    assert result.exit_code == 0, result.output
    # One closure day inside the stage 1 acknowledgement window moves it to 10 March.
    assert "received 2026-03-02 + 5" in result.output
    assert "2026-03-10" in result.output
    assert "1 local closure day)" in result.output
