"""A complaint case as the generator needs it: the resident, the complaint's points and
what happened at each stage. Pydantic checks each field; the cross-field checks here
enforce what the Code and common sense say about the whole case (dates in order, a
stage 2 only after stage 1's outcome, a different handler at stage 2), and
`letter_problems` says what a particular letter still needs.

Every problem is a `CaseProblem` naming the field, so a handler is told "stage1.apology:
missing", not shown a traceback. List positions in field names count from 1, as a
person numbers complaint points (and as CSV column names do: `complaint.points.2.summary`).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from lettercheck.letters import Decision, LetterKind


def _as_text(value: object) -> object:
    """Numbers are text here: a reference of 142 or a postcode-like code stays as written."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    return value


def _as_lines(value: object) -> object:
    """A list of lines, or one string with lines separated by "|" or new lines (CSV cells)."""
    if isinstance(value, str):
        return [line.strip() for line in re.split(r"[|\n]", value) if line.strip()]
    return value


def _as_choice(value: object) -> object:
    """Choices as exports from case-management systems write them: "Partly upheld",
    "PARTLY_UPHELD" and "partly-upheld" are the same choice."""
    if isinstance(value, str):
        return re.sub(r"[\s_]+", "-", value.strip()).lower()
    return value


def _as_numbers(value: object) -> object:
    """A list of numbers, or one string of them ("2|3" or "2, 3") as a CSV cell holds it."""
    if isinstance(value, str):
        return [part for part in re.split(r"[|,;\s]+", value) if part]
    return value


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_UK_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _as_date(value: object) -> object:
    """ISO dates (2025-03-14) or UK day-first dates (14/03/2025), as exports write them.

    Anything else is refused, including bare numbers, which pydantic would otherwise
    read as a Unix timestamp and turn into a date in 1970."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, str | int | float) else ""
    try:
        if iso := _ISO_DATE.fullmatch(text):
            year, month, day = (int(part) for part in iso.groups())
            return date(year, month, day)
        if uk := _UK_DATE.fullmatch(text):
            day, month, year = (int(part) for part in uk.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise ValueError(f"is not a date: write it as YYYY-MM-DD (got {value!r})")


def _as_money(value: object) -> object:
    """Pounds as a number or as text such as "£1,250.00"."""
    if isinstance(value, bool):
        raise ValueError(f"is not an amount of money (got {value!r})")
    text = str(value).strip().replace("£", "").replace(",", "").replace(" ", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"is not an amount of money (got {value!r})") from None
    if not amount.is_finite():
        raise ValueError(f"is not an amount of money (got {value!r})")
    return amount


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), BeforeValidator(_as_text)
]
Lines = Annotated[list[Text], BeforeValidator(_as_lines)]
CaseDate = Annotated[date, BeforeValidator(_as_date)]
Money = Annotated[Decimal, Field(ge=0), BeforeValidator(_as_money)]
PointNumbers = Annotated[list[Annotated[int, Field(ge=1)]], BeforeValidator(_as_numbers)]

Channel = Annotated[
    Literal["phone", "email", "letter", "online-form", "in-person", "social-media", "other"],
    BeforeValidator(_as_choice),
]
ContactMethod = Annotated[Literal["post", "email", "phone", "text"], BeforeValidator(_as_choice)]
RemedyType = Annotated[
    Literal["compensation", "refund", "repair", "service-change", "other"],
    BeforeValidator(_as_choice),
]


class ExclusionGround(StrEnum):
    """The Code's exclusions (2.2): the only grounds for not accepting or not escalating."""

    OVER_12_MONTHS = "over-12-months"
    LEGAL_PROCEEDINGS = "legal-proceedings"
    PREVIOUSLY_CONSIDERED = "previously-considered"


DecisionChoice = Annotated[Decision, BeforeValidator(_as_choice)]


class _Model(BaseModel):
    # A misspelt field would otherwise be dropped silently and its data left out of the letter.
    model_config = ConfigDict(extra="forbid")


class Representative(_Model):
    name: Text
    relationship: Text | None = None  # "son", "Citizens Advice adviser", "MP"


class Resident(_Model):
    name: Text
    salutation: Text | None = None  # "Mrs Wójcik" for "Dear Mrs Wójcik"; the name if absent
    address: Lines = Field(min_length=1)
    email: Text | None = None
    phone: Text | None = None
    preferred_contact: ContactMethod | None = None
    representative: Representative | None = None
    reasonable_adjustments: Lines = []  # 5.10: adjustments agreed, kept under review


class ComplaintPoint(_Model):
    summary: Text  # finishes "You told us that ..."
    outcome_sought: Text  # finishes "You would like us to ..."


class Signpost(_Model):
    """A part of the complaint the landlord is not responsible for, and who is (5.7)."""

    matter: Text  # finishes "We are not responsible for ..."
    responsible: Text  # "Yorkshire Water", "your home insurer"
    contact: Text | None = None


class Complaint(_Model):
    received: CaseDate
    channel: Channel | None = None
    points: list[ComplaintPoint] = Field(min_length=1)
    responsible_for: Lines = []  # empty: every point not signposted elsewhere
    not_responsible_for: list[Signpost] = []


class Finding(_Model):
    point: int = Field(ge=1)  # the complaint point's number, from 1
    decision: DecisionChoice
    reasons: Text
    relied_on: Lines = []  # policy, law or good practice (6.7)


class Remedy(_Model):
    type: RemedyType
    description: Text
    amount: Money | None = None
    due: CaseDate  # 7.3: what will happen and by when


class Action(_Model):
    action: Text
    owner: Text
    due: CaseDate


class Extension(_Model):
    reason: Text  # finishes "We need more time because ..."
    new_date: CaseDate
    notified: CaseDate | None = None  # the date of the extension letter
    updates: Text | None = None  # 5.9: how often the resident hears from us until then


class Refusal(_Model):
    ground: Annotated[ExclusionGround, BeforeValidator(_as_choice)]
    details: Text  # the facts of this case that make the exclusion apply
    points: PointNumbers = []  # the points refused; empty: all of them
    sent: CaseDate | None = None  # the date of the refusal letter


class Stage(_Model):
    acknowledged: CaseDate | None = None
    handler: Text | None = None
    handler_role: Text | None = None
    extension: Extension | None = None
    investigation: Text | None = None  # what was done to investigate
    findings: list[Finding] = []
    apology: Text | None = None
    remedies: list[Remedy] = []
    actions: list[Action] = []
    responded: CaseDate | None = None
    refusal: Refusal | None = None

    @property
    def decision(self) -> Decision | None:
        """The stage's overall decision, from the decisions on its points."""
        decisions = {finding.decision for finding in self.findings}
        if not decisions:
            return None
        if len(decisions) == 1:
            return decisions.pop()
        return Decision.PARTLY_UPHELD

    @property
    def refused_points(self) -> set[int]:
        return set(self.refusal.points) if self.refusal else set()


class StageTwo(Stage):
    requested: CaseDate  # the escalation request was received
    still_unhappy_about: Text | None = None  # 6.12: never required, recorded when given


@dataclass(frozen=True)
class CaseProblem:
    field: str  # dotted, list positions from 1: "stage1.findings.2.point"
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class Case(_Model):
    reference: Text
    resident: Resident
    complaint: Complaint
    stage1: Stage = Stage()
    stage2: StageTwo | None = None

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> "Case":
        """Cross-field checks. A loader passes `context={"problems": []}` to collect every
        problem at once; built directly, the first problem is raised."""
        problems = case_problems(self)
        if info.context is not None and "problems" in info.context:
            info.context["problems"].extend(problems)
        elif problems:
            raise ValueError(str(problems[0]))
        return self

    def stage(self, number: int) -> Stage | None:
        return self.stage1 if number == 1 else self.stage2

    def point_numbers(self) -> list[int]:
        return list(range(1, len(self.complaint.points) + 1))


def _same_person(first: str | None, second: str | None) -> bool:
    def normal(name: str) -> str:
        return " ".join(name.casefold().split())

    return bool(first and second) and normal(first) == normal(second)


def _not_before(
    problems: list[CaseProblem], field: str, value: date | None, earliest: date | None, what: str
):
    if value is not None and earliest is not None and value < earliest:
        problems.append(CaseProblem(field, f"{value} is before {what} ({earliest})"))


def _stage_problems(case: Case, name: str, stage: Stage, start: date) -> list[CaseProblem]:
    """Dates in order within one stage, point numbers that exist, amounts where needed."""
    problems: list[CaseProblem] = []
    what_started = "the complaint was received" if name == "stage1" else "stage 2 was requested"
    _not_before(problems, f"{name}.acknowledged", stage.acknowledged, start, what_started)
    opened = stage.acknowledged or start
    _not_before(problems, f"{name}.responded", stage.responded, opened, "the stage began")
    if stage.extension:
        ext = stage.extension
        _not_before(problems, f"{name}.extension.notified", ext.notified, opened, "the stage began")
        told = ext.notified or opened
        if ext.new_date <= told:
            problems.append(
                CaseProblem(f"{name}.extension.new_date", f"{ext.new_date} must be after {told}")
            )
    if stage.refusal:
        _not_before(problems, f"{name}.refusal.sent", stage.refusal.sent, start, what_started)
    points = case.point_numbers()
    seen: set[int] = set()
    for number, finding in enumerate(stage.findings, start=1):
        field = f"{name}.findings.{number}.point"
        if finding.point not in points:
            problems.append(
                CaseProblem(
                    field,
                    f"there is no complaint point {finding.point} "
                    f"(the complaint has {len(points)})",
                )
            )
        elif finding.point in seen:
            problems.append(CaseProblem(field, f"point {finding.point} has two findings"))
        seen.add(finding.point)
    if stage.refusal:
        for number, point in enumerate(stage.refusal.points, start=1):
            if point not in points:
                problems.append(
                    CaseProblem(
                        f"{name}.refusal.points.{number}",
                        f"there is no complaint point {point} (the complaint has {len(points)})",
                    )
                )
    for number, remedy in enumerate(stage.remedies, start=1):
        field = f"{name}.remedies.{number}"
        if remedy.type in ("compensation", "refund") and remedy.amount is None:
            problems.append(
                CaseProblem(f"{field}.amount", f"missing (a {remedy.type} needs an amount)")
            )
        _not_before(
            problems,
            f"{field}.due",
            remedy.due,
            case.complaint.received,
            "the complaint was received",
        )
    for number, action in enumerate(stage.actions, start=1):
        _not_before(
            problems,
            f"{name}.actions.{number}.due",
            action.due,
            stage.responded,
            f"the response it is outstanding from, {name}.responded",
        )
    return problems


def case_problems(case: Case) -> list[CaseProblem]:
    """Everything about the case as a whole that the fields alone cannot check."""
    problems = _stage_problems(case, "stage1", case.stage1, case.complaint.received)
    stage2 = case.stage2
    if stage2 is None:
        return problems
    first = case.stage1
    if first.responded is None:
        problems.append(
            CaseProblem(
                "stage1.responded",
                "missing (a stage 2 record needs stage 1's outcome: the date of the stage 1 "
                "response)",
            )
        )
    if not first.findings:
        problems.append(
            CaseProblem(
                "stage1.findings",
                "missing (a stage 2 record needs stage 1's outcome: the decision on each point)",
            )
        )
    _not_before(
        problems, "stage2.requested", stage2.requested, first.responded, "the stage 1 response"
    )
    problems += _stage_problems(case, "stage2", stage2, stage2.requested)
    if _same_person(first.handler, stage2.handler):
        problems.append(
            CaseProblem(
                "stage2.handler",
                f"{stage2.handler} also handled stage 1; "
                "someone else must consider stage 2 (Code 6.13)",
            )
        )
    return problems


def letter_date(case: Case, kind: LetterKind, stage: int) -> date | None:
    """The date the case records for this letter, if it has been sent."""
    record = case.stage(stage)
    if record is None:
        return None
    if kind is LetterKind.ACKNOWLEDGEMENT:
        return record.acknowledged
    if kind is LetterKind.EXTENSION:
        return record.extension.notified if record.extension else None
    if kind is LetterKind.RESPONSE:
        return record.responded
    return record.refusal.sent if record.refusal else None


def points_answered(case: Case, stage: int) -> list[int]:
    """The points a response at this stage must decide: all but those refused so far."""
    refused = case.stage1.refused_points
    if stage == 2 and case.stage2:
        refused |= case.stage2.refused_points
    return [number for number in case.point_numbers() if number not in refused]


def letter_problems(case: Case, kind: LetterKind, stage: int) -> list[CaseProblem]:
    """What this case still lacks for this letter: the data the Code makes it say."""
    name = f"stage{stage}"
    record = case.stage(stage)
    if record is None:
        return [
            CaseProblem(
                "stage2",
                "missing (a stage 2 letter needs the stage 2 record: "
                "at least stage2.requested, the date stage 2 was asked for)",
            )
        ]
    if kind is LetterKind.EXTENSION and record.extension is None:
        return [
            CaseProblem(
                f"{name}.extension",
                "missing (an extension letter needs the reason and the new date)",
            )
        ]
    if kind is LetterKind.REFUSAL and record.refusal is None:
        return [
            CaseProblem(
                f"{name}.refusal",
                "missing (a refusal letter needs the exclusion ground and the details)",
            )
        ]
    if kind is not LetterKind.RESPONSE:
        return []
    problems: list[CaseProblem] = []
    decided = {finding.point for finding in record.findings}
    for number in points_answered(case, stage):
        if number not in decided:
            problems.append(
                CaseProblem(
                    f"{name}.findings",
                    f"no finding for point {number} "
                    "(every point needs a decision and reasons: Code 6.7)",
                )
            )
    if record.decision is not None and record.decision.finds_fault:
        if record.apology is None:
            problems.append(
                CaseProblem(
                    f"{name}.apology",
                    "missing (the decision finds fault, "
                    "so the letter must say what went wrong: Code 7.1)",
                )
            )
        if not record.remedies:
            problems.append(
                CaseProblem(
                    f"{name}.remedies",
                    "missing (the decision finds fault, "
                    "so the letter must put things right: Code 7.1)",
                )
            )
    if stage == 2 and case.stage2 and case.stage2.handler is None:
        problems.append(
            CaseProblem(
                "stage2.handler",
                "missing (the final response names who reviewed the complaint: Code 6.13)",
            )
        )
    return problems
