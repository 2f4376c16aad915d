"""The Code's deadlines for one case, in working days, and the ones its own dates miss.

stage 1 acknowledgement   complaint received + 5                        6.2
stage 1 response          acknowledged (or the day it was due) + 10     6.3
latest extended response  stage 1 response due + 10                     6.4
stage 2 acknowledgement   escalation request received + 5               6.11
stage 2 response          acknowledged (or the day it was due) + 20     6.14
latest extended response  stage 2 response due + 20                     6.15
"""

from dataclasses import dataclass
from datetime import date

from lettercheck.calendar import WorkingDayCalendar
from lettercheck.case import Case, Stage

ACKNOWLEDGE_DAYS = 5
RESPONSE_DAYS = {1: 10, 2: 20}
EXTENSION_DAYS = {1: 10, 2: 20}  # the longest extension the Code allows "without good reason"
PROVISIONS = {
    (1, "acknowledgement"): "6.2",
    (1, "response"): "6.3",
    (1, "extension"): "6.4",
    (2, "acknowledgement"): "6.11",
    (2, "response"): "6.14",
    (2, "extension"): "6.15",
}


def response_due(calendar: WorkingDayCalendar, acknowledged: date, stage: int) -> date:
    return calendar.add_working_days(acknowledged, RESPONSE_DAYS[stage])


def latest_extended(calendar: WorkingDayCalendar, due: date, stage: int) -> date:
    return calendar.add_working_days(due, EXTENSION_DAYS[stage])


@dataclass(frozen=True)
class Deadline:
    stage: int
    step: str  # "acknowledgement", "response" or "extension"
    label: str  # "Stage 1 response"
    counted_from: str  # "acknowledged 2026-03-05 + 10"
    due: date
    done: date | None  # the case's date for this step, if it has happened
    status: str  # met, missed, open, overdue, extended, ok, too long, -

    @property
    def provision(self) -> str:
        return PROVISIONS[(self.stage, self.step)]


@dataclass(frozen=True)
class Schedule:
    deadlines: list[Deadline]
    flags: list[str]  # "MISSED: ...", one a problem, for the handler to act on


def _status(done: date | None, due: date, today: date) -> str:
    if done is None:
        return "overdue" if today > due else "open"
    return "met" if done <= due else "missed"


def _lateness(status: str, step: str, done: date | None, due: date, today: date) -> list[str]:
    """The flag for a step its case's dates show as missed or overdue, if any."""
    if status == "missed":
        return [f"MISSED: {step} sent {done}, due {due}"]
    if status == "overdue":
        return [f"OVERDUE: {step} was due {due} (today {today})"]
    return []


def _stage_schedule(
    calendar: WorkingDayCalendar,
    number: int,
    stage: Stage,
    started: date,
    started_label: str,
    today: date,
) -> Schedule:
    name = f"stage {number}"
    deadlines: list[Deadline] = []
    flags: list[str] = []
    ack_due = calendar.add_working_days(started, ACKNOWLEDGE_DAYS)
    # A refusal answers the complaint in place of an acknowledgement.
    acknowledged = stage.acknowledged or (stage.refusal.sent if stage.refusal else None)
    status = _status(acknowledged, ack_due, today)
    deadlines.append(
        Deadline(
            number,
            "acknowledgement",
            f"Stage {number} acknowledgement",
            f"{started_label} {started} + {ACKNOWLEDGE_DAYS}",
            ack_due,
            acknowledged,
            status,
        )
    )
    flags += _lateness(status, f"{name} acknowledgement", acknowledged, ack_due, today)

    start = stage.acknowledged or ack_due
    start_label = "acknowledged" if stage.acknowledged else "acknowledgement due"
    due = response_due(calendar, start, number)
    latest = latest_extended(calendar, due, number)
    extension = stage.extension
    done = stage.responded
    status = _status(done, due, today)
    if extension and status in ("missed", "overdue"):
        status = "extended"
    deadlines.append(
        Deadline(
            number,
            "response",
            f"Stage {number} response",
            f"{start_label} {start} + {RESPONSE_DAYS[number]}",
            due,
            done,
            status,
        )
    )
    flags += _lateness(status, f"{name} response", done, due, today)

    if extension is None:
        ext_status = "-"
    else:
        promised = extension.new_date
        ext_status = "too long" if promised > latest else _status(done, promised, today)
        if promised > latest:
            flags.append(
                f"TOO LONG: {name} response extended to {promised}, after the latest date the "
                f"Code allows without good reason, {latest} (+{EXTENSION_DAYS[number]} working days)"
            )
        if extension.notified and extension.notified > due:
            flags.append(
                f"LATE EXTENSION: {name} extension sent {extension.notified}, after the "
                f"response was due {due}"
            )
        if done and done > promised:
            flags.append(f"MISSED: {name} response sent {done}, after the extended date {promised}")
        elif done is None and today > promised:
            flags.append(f"OVERDUE: {name} response was due by {promised} (today {today})")
    promised_note = f", promised {extension.new_date}" if extension else ""
    deadlines.append(
        Deadline(
            number,
            "extension",
            f"Stage {number} response, latest if extended",
            f"response due {due} + {EXTENSION_DAYS[number]}{promised_note}",
            latest,
            done if extension else None,
            ext_status,
        )
    )
    return Schedule(deadlines, flags)


def case_schedule(case: Case, calendar: WorkingDayCalendar, today: date) -> Schedule:
    """Every deadline the case has reached so far, and what its dates already miss."""
    first = _stage_schedule(calendar, 1, case.stage1, case.complaint.received, "received", today)
    if case.stage2 is None:
        return first
    second = _stage_schedule(
        calendar, 2, case.stage2, case.stage2.requested, "escalation received", today
    )
    return Schedule(first.deadlines + second.deadlines, first.flags + second.flags)


def format_schedule(case: Case, schedule: Schedule, calendar: WorkingDayCalendar) -> str:
    """The table `lettercheck deadlines` prints."""
    count = len(calendar.closures)
    closures = f", {count} local closure day{'s' if count > 1 else ''}" if count else ""
    lines = [
        f"Deadlines for {case.reference}, in working days "
        f"(bank holidays: {calendar.nation.value.replace('-', ' ').title()}{closures})",
        "",
        f"{'Step':<38} {'Code':<5} {'Counted from':<52} {'Due':<10}  {'Done':<10}  Status",
    ]
    for deadline in schedule.deadlines:
        done = str(deadline.done) if deadline.done else "-"
        lines.append(
            f"{deadline.label:<38} {deadline.provision:<5} {deadline.counted_from:<52} "
            f"{deadline.due}  {done:<10}  {deadline.status}"
        )
    if case.stage2 is None:
        lines.append(f"{'Stage 2':<38} {'':<5} not requested")
    lines.append("")
    lines += schedule.flags or ["No deadline missed so far."]
    return "\n".join(lines)
