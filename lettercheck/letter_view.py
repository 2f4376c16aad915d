"""What a letter template sees: the case turned into plain words, dates and amounts
("3 March 2026", "£250", "partly upheld") with every deadline already worked out.

Templates get plain dicts, lists and strings only, so a landlord's template that names
a variable the case does not have can be caught before rendering (render.py), and
text is made safe for a Word file here: characters XML cannot hold are dropped, so a
resident's name pasted from anywhere still gives a letter Word opens.
"""

import re
from datetime import date
from decimal import Decimal

from lettercheck.calendar import WorkingDayCalendar
from lettercheck.case import Case, ExclusionGround, Stage, points_answered
from lettercheck.catalogue import Ombudsman
from lettercheck.config import Landlord
from lettercheck.deadlines import ACKNOWLEDGE_DAYS, latest_extended, response_due
from lettercheck.letters import Decision, LetterKind

CHANNEL_WORDS = {
    "phone": "by phone",
    "email": "by email",
    "letter": "by letter",
    "online-form": "through our online form",
    "in-person": "in person",
    "social-media": "on social media",
    "other": "",
}
CONTACT_WORDS = {
    "post": "by post",
    "email": "by email",
    "phone": "by phone",
    "text": "by text message",
}
REMEDY_WORDS = {
    "compensation": "Payment",
    "refund": "Refund",
    "repair": "Repair",
    "service-change": "Change to our service",
    "other": "Other",
}
DECISION_WORDS = {
    Decision.UPHELD: "upheld",
    Decision.PARTLY_UPHELD: "partly upheld",
    Decision.NOT_UPHELD: "not upheld",
}
# The Code's exclusions (2.2) in plain words: why the complaint is not for this process.
GROUND_TEXT = {
    ExclusionGround.OVER_12_MONTHS: (
        "Our complaints procedure does not cover problems that happened, or that you became "
        "aware of, more than 12 months before you complained. The Complaint Handling Code "
        "allows this exclusion in paragraph 2.2. We have also thought about whether there is "
        "a good reason to make an exception in your case."
    ),
    ExclusionGround.LEGAL_PROCEEDINGS: (
        "Legal proceedings about this matter have started, which means a claim has been filed "
        "at court. From then on the court deals with the matter, not our complaints procedure. "
        "The Complaint Handling Code allows this exclusion in paragraph 2.2."
    ),
    ExclusionGround.PREVIOUSLY_CONSIDERED: (
        "We have already considered this matter under our complaints procedure, and we do not "
        "consider the same matter twice. The Complaint Handling Code allows this exclusion in "
        "paragraph 2.2."
    ),
}

# XML 1.0 cannot hold these; docxtpl also turns \a and \f into new paragraphs and pages.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text as it can sit in a Word document: line breaks kept, control characters gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    return _NOT_XML.sub("", text)


def _clean_all(value: object) -> object:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: _clean_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean_all(item) for item in value]
    return value


def long_date(day: date | None) -> str:
    """3 March 2026: the date as a UK letter writes it."""
    return f"{day.day} {day:%B %Y}" if day else ""


def money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


def _clause(text: str | None) -> str:
    """A handler's phrase to finish one of the letter's sentences: its own full stop goes."""
    return (text or "").strip().rstrip(".").rstrip()


def _points(case: Case, numbers: list[int]) -> list[dict]:
    return [
        {
            "number": number,
            "summary": _clause(case.complaint.points[number - 1].summary),
            "outcome": _clause(case.complaint.points[number - 1].outcome_sought),
        }
        for number in numbers
    ]


def _ombudsman(ombudsman: Ombudsman) -> dict:
    """The current details only; never the email address, which the Housing Ombudsman
    stopped taking new complaints by on 13 January 2026 (its online form and phone are
    the way in)."""
    current = ombudsman.current
    return {
        "name": ombudsman.name,
        "phone": current.phone[0] if current.phone else "",
        "website": current.website[0] if current.website else "",
        "form": current.complaint_form[0] if current.complaint_form else "",
        "post": current.post[0] if current.post else "",
    }


def _refusal(case: Case, record: Stage) -> dict | None:
    refusal = record.refusal
    if refusal is None:
        return None
    numbers = sorted(set(refusal.points)) or case.point_numbers()
    return {
        "ground": refusal.ground.value,
        "ground_text": GROUND_TEXT[refusal.ground],
        "details": _clause(refusal.details) + ".",
        "points": _points(case, numbers),
        "whole": not refusal.points or set(refusal.points) >= set(case.point_numbers()),
        "sent": long_date(refusal.sent),
    }


def _extension(calendar: WorkingDayCalendar, record: Stage, due: date, stage: int) -> dict | None:
    extension = record.extension
    if extension is None:
        return None
    return {
        "reason": _clause(extension.reason),
        "new_date": long_date(extension.new_date),
        "notified": long_date(extension.notified),
        "updates": _clause(extension.updates),
        "working_days": calendar.working_days_between(due, extension.new_date),
        "within_limit": extension.new_date <= latest_extended(calendar, due, stage),
    }


def _stage(
    case: Case, calendar: WorkingDayCalendar, kind: LetterKind, number: int, on: date
) -> dict:
    record = case.stage(number)
    assert record is not None  # letter_problems has checked the stage exists
    started = case.complaint.received if number == 1 else case.stage2.requested
    if kind is LetterKind.ACKNOWLEDGEMENT:
        acknowledged = on
    else:
        acknowledged = record.acknowledged or calendar.add_working_days(started, ACKNOWLEDGE_DAYS)
    due = response_due(calendar, acknowledged, number)
    summaries = {n: _clause(point.summary) for n, point in enumerate(case.complaint.points, 1)}
    decision = record.decision
    refused_before = case.stage1.refused_points | (record.refused_points if number == 2 else set())
    return {
        "number": number,
        "received": long_date(started),
        "acknowledged": long_date(acknowledged),
        "handler": record.handler or "",
        "response_due": long_date(due),
        "code_days": 10 if number == 1 else 20,
        "extension": _extension(calendar, record, due, number),
        "investigation": _clause(record.investigation),
        "decision": decision.value if decision else "",
        "decision_words": DECISION_WORDS[decision] if decision else "",
        "finds_fault": bool(decision and decision.finds_fault),
        "findings": [
            {
                "point": finding.point,
                "summary": summaries.get(finding.point, ""),
                "decision": finding.decision.value,
                "decision_label": DECISION_WORDS[finding.decision].capitalize(),
                "reasons": finding.reasons,
                "relied_on": finding.relied_on,
            }
            for finding in sorted(record.findings, key=lambda finding: finding.point)
        ],
        "apology": record.apology or "",
        "remedies": [
            {
                "type": REMEDY_WORDS[remedy.type],
                "description": _clause(remedy.description),
                "amount": money(remedy.amount),
                "due": long_date(remedy.due),
            }
            for remedy in record.remedies
        ],
        "remedies_total": money(
            sum((r.amount or Decimal(0) for r in record.remedies), Decimal(0)) or None
        ),
        "actions": [
            {"action": _clause(a.action), "owner": a.owner, "due": long_date(a.due)}
            for a in record.actions
        ],
        "responded": long_date(record.responded),
        "refusal": _refusal(case, record),
        "refused_before": [n for n in case.point_numbers() if n in refused_before],
        "still_unhappy_about": _clause(getattr(record, "still_unhappy_about", None)),
    }


def _letter_points(case: Case, kind: LetterKind, stage: int) -> list[dict]:
    """The points this letter is about: the refused ones for a refusal, the ones to
    decide for a response, all of them otherwise."""
    if kind is LetterKind.REFUSAL:
        record = case.stage(stage)
        numbers = sorted(set(record.refusal.points)) if record and record.refusal else []
        return _points(case, numbers or case.point_numbers())
    if kind is LetterKind.RESPONSE:
        return _points(case, points_answered(case, stage))
    return _points(case, case.point_numbers())


def letter_context(
    case: Case,
    landlord: Landlord,
    ombudsman: Ombudsman,
    calendar: WorkingDayCalendar,
    kind: LetterKind,
    stage: int,
    on: date,
) -> dict:
    """Every variable a letter template can use (README: "Restyling the letters")."""
    record = case.stage(stage)
    resident = case.resident
    representative = resident.representative
    window = landlord.escalation_window_days
    first = case.stage1
    signatory = (record.handler if record else None) or landlord.signatory
    if record and record.handler:
        role = record.handler_role or landlord.complaints_team
    else:
        role = landlord.signatory_title
    context = {
        "letter": {"date": long_date(on), "kind": kind.value, "stage": stage},
        "reference": case.reference,
        "landlord": {
            "name": landlord.name,
            "address": landlord.address,
            "phone": landlord.phone,
            "email": landlord.email,
            "website": landlord.website or "",
            "complaints_team": landlord.complaints_team,
        },
        "signatory": {"name": signatory, "role": role},
        "ombudsman": _ombudsman(ombudsman),
        "resident": {
            "name": resident.name,
            "salutation": (resident.salutation or resident.name).removeprefix("Dear ").strip(),
            "address": resident.address,
            "preferred_contact": CONTACT_WORDS.get(resident.preferred_contact or "", ""),
            "adjustments": [_clause(item) for item in resident.reasonable_adjustments],
            "representative": (
                {"name": representative.name, "relationship": representative.relationship or ""}
                if representative
                else None
            ),
        },
        "complaint": {
            "received": long_date(case.complaint.received),
            "channel": CHANNEL_WORDS[case.complaint.channel or "other"],
            "points": _points(case, case.point_numbers()),
            "responsible_for": [_clause(item) for item in case.complaint.responsible_for],
            "not_responsible_for": [
                {
                    "matter": _clause(sign.matter),
                    "responsible": _clause(sign.responsible),
                    "contact": _clause(sign.contact),
                }
                for sign in case.complaint.not_responsible_for
            ],
        },
        "points": _letter_points(case, kind, stage),
        "stage": _stage(case, calendar, kind, stage, on),
        "stage1": {
            "responded": long_date(first.responded),
            "decision_words": DECISION_WORDS[first.decision] if first.decision else "",
            "handler": first.handler or "",
        },
        "escalation": {
            "by": long_date(calendar.add_working_days(on, window)) if window else "",
        },
    }
    return _clean_all(context)
