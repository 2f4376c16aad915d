"""The case model: each field check and each cross-field rule gives one line naming the
field, and `letter_problems` says what a particular letter still needs."""

from datetime import date
from decimal import Decimal

import pytest
from generate_support import case_from, example_data
from pydantic import ValidationError

from lettercheck.case import Case, ExclusionGround, letter_date, letter_problems
from lettercheck.case_files import CaseError
from lettercheck.letters import Decision, LetterKind


def problems(data: dict) -> list[str]:
    with pytest.raises(CaseError) as raised:
        case_from(data)
    return raised.value.lines


def test_the_example_case_is_valid_and_complete_for_every_letter():
    case = case_from(example_data())
    assert case.reference == "BH-2026-0142"
    assert case.resident.name == "Mrs Aleksandra Wójcik"
    assert case.stage1.decision is Decision.PARTLY_UPHELD
    assert case.stage1.remedies[2].amount == Decimal(250)
    assert case.stage1.refusal.ground is ExclusionGround.OVER_12_MONTHS
    for kind in LetterKind:
        for stage in (1, 2):
            assert letter_problems(case, kind, stage) == []


def test_a_missing_field_is_named():
    data = example_data()
    del data["resident"]["name"]
    del data["complaint"]["points"][1]["outcome_sought"]
    assert problems(data) == [
        "test-case: resident.name: missing",
        "test-case: complaint.points.2.outcome_sought: missing",
    ]


def test_a_misspelt_field_is_reported_not_ignored():
    data = example_data()
    data["resident"]["adress"] = data["resident"].pop("address")
    assert problems(data) == [
        "test-case: resident.address: missing",
        "test-case: resident.adress: is not a case field (check the spelling)",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-02", date(2026, 3, 2)),
        ("02/03/2026", date(2026, 3, 2)),  # UK day-first, as spreadsheets export it
        ("2.3.2026", date(2026, 3, 2)),
        (date(2026, 3, 2), date(2026, 3, 2)),
    ],
)
def test_dates_are_read_iso_or_uk_style(value, expected):
    data = example_data()
    data["complaint"]["received"] = value
    assert case_from(data).complaint.received == expected


@pytest.mark.parametrize("value", ["31/02/2026", "next Tuesday", "20260302", 20260302, ""])
def test_a_date_that_is_not_a_date_is_named(value):
    data = example_data()
    data["complaint"]["received"] = value
    (line,) = problems(data)
    assert line.startswith("test-case: complaint.received: is not a date: write it as YYYY-MM-DD")


def test_money_is_read_from_pounds_and_must_not_be_negative():
    data = example_data()
    data["stage1"]["remedies"][2]["amount"] = "£1,250.50"
    assert case_from(data).stage1.remedies[2].amount == Decimal("1250.50")
    data["stage1"]["remedies"][2]["amount"] = -5
    data["stage1"]["remedies"][3]["amount"] = "lots"
    assert problems(data) == [
        "test-case: stage1.remedies.3.amount: must not be negative (got -5)",
        "test-case: stage1.remedies.4.amount: is not an amount of money (got 'lots')",
    ]


def test_a_payment_needs_an_amount():
    data = example_data()
    del data["stage1"]["remedies"][2]["amount"]
    assert problems(data) == [
        "test-case: stage1.remedies.3.amount: missing (a compensation needs an amount)"
    ]


def test_a_refusal_must_name_one_of_the_codes_exclusions():
    data = example_data()
    data["stage1"]["refusal"]["ground"] = "vexatious"
    (line,) = problems(data)
    assert line == (
        "test-case: stage1.refusal.ground: should be 'over-12-months', 'legal-proceedings' "
        "or 'previously-considered' (got 'vexatious')"
    )


def test_an_extension_needs_a_reason():
    data = example_data()
    del data["stage1"]["extension"]["reason"]
    assert problems(data) == ["test-case: stage1.extension.reason: missing"]
    data["stage1"]["extension"]["reason"] = "   "
    assert problems(data) == ["test-case: stage1.extension.reason: is empty"]


def test_dates_must_be_in_order():
    data = example_data()
    data["stage1"]["acknowledged"] = date(2026, 3, 1)
    data["stage1"]["responded"] = date(2026, 2, 28)
    data["stage1"]["extension"]["new_date"] = date(2026, 3, 10)
    data["stage2"]["acknowledged"] = date(2026, 4, 9)
    assert problems(data) == [
        "test-case: stage1.acknowledged: 2026-03-01 is before the complaint was received "
        "(2026-03-02)",
        "test-case: stage1.responded: 2026-02-28 is before the stage began (2026-03-01)",
        "test-case: stage1.extension.new_date: 2026-03-10 must be after 2026-03-17",
        "test-case: stage2.acknowledged: 2026-04-09 is before stage 2 was requested (2026-04-10)",
    ]


def test_an_outstanding_action_is_due_after_the_response():
    data = example_data()
    data["stage1"]["actions"][0]["due"] = date(2026, 3, 30)
    assert problems(data) == [
        "test-case: stage1.actions.1.due: 2026-03-30 is before the response it is outstanding "
        "from, stage1.responded (2026-04-01)"
    ]


def test_stage_2_must_come_after_stage_1s_outcome():
    data = example_data()
    data["stage2"]["requested"] = date(2026, 3, 31)
    assert problems(data) == [
        "test-case: stage2.requested: 2026-03-31 is before the stage 1 response (2026-04-01)"
    ]
    data = example_data()
    del data["stage1"]["responded"]
    data["stage1"]["findings"] = []
    assert problems(data) == [
        "test-case: stage1.responded: missing (a stage 2 record needs stage 1's outcome: the "
        "date of the stage 1 response)",
        "test-case: stage1.findings: missing (a stage 2 record needs stage 1's outcome: the "
        "decision on each point)",
    ]


@pytest.mark.parametrize("name", ["Sam Taylor", "sam  TAYLOR"])
def test_stage_2_is_considered_by_someone_else(name):
    data = example_data()
    data["stage2"]["handler"] = name
    assert problems(data) == [
        f"test-case: stage2.handler: {name} also handled stage 1; someone else must consider "
        "stage 2 (Code 6.13)"
    ]


def test_findings_and_refusals_name_real_points_once():
    data = example_data()
    data["stage1"]["findings"][1]["point"] = 1
    data["stage1"]["refusal"]["points"] = [4]
    assert problems(data) == [
        "test-case: stage1.findings.2.point: point 1 has two findings",
        "test-case: stage1.refusal.points.1: there is no complaint point 4 (the complaint has 3)",
    ]


def test_a_case_built_directly_still_refuses_inconsistent_data():
    data = example_data()
    data["stage2"]["handler"] = "Sam Taylor"
    with pytest.raises(ValidationError, match="6.13"):
        Case.model_validate(data)


def test_a_stage_2_letter_needs_the_stage_2_record():
    data = example_data()
    del data["stage2"]
    case = case_from(data)
    for kind in LetterKind:
        (problem,) = letter_problems(case, kind, 2)
        assert problem.field == "stage2" and problem.message.startswith("missing")


def test_a_response_decides_every_point_not_refused():
    data = example_data()
    del data["stage1"]["findings"][1]
    (problem,) = letter_problems(case_from(data), LetterKind.RESPONSE, 1)
    assert str(problem) == (
        "stage1.findings: no finding for point 2 (every point needs a decision and reasons: "
        "Code 6.7)"
    )
    # Point 3 was refused at stage 1, so it needs no finding at either stage.
    assert all(f["point"] != 3 for f in example_data()["stage2"]["findings"])


def test_a_response_that_finds_fault_needs_an_apology_and_a_remedy():
    data = example_data()
    del data["stage1"]["apology"]
    data["stage1"]["remedies"] = []
    fields = [p.field for p in letter_problems(case_from(data), LetterKind.RESPONSE, 1)]
    assert fields == ["stage1.apology", "stage1.remedies"]


def test_a_response_that_finds_no_fault_needs_neither():
    data = example_data()
    for finding in data["stage1"]["findings"]:
        finding["decision"] = "not-upheld"
    del data["stage1"]["apology"]
    data["stage1"]["remedies"] = []
    case = case_from(data)
    assert case.stage1.decision is Decision.NOT_UPHELD
    assert letter_problems(case, LetterKind.RESPONSE, 1) == []


def test_extension_and_refusal_letters_need_their_records():
    data = example_data()
    del data["stage1"]["extension"]
    del data["stage1"]["refusal"]
    case = case_from(data)
    assert [p.field for p in letter_problems(case, LetterKind.EXTENSION, 1)] == ["stage1.extension"]
    assert [p.field for p in letter_problems(case, LetterKind.REFUSAL, 1)] == ["stage1.refusal"]


def test_a_final_response_names_its_reviewer():
    data = example_data()
    del data["stage2"]["handler"]
    fields = [p.field for p in letter_problems(case_from(data), LetterKind.RESPONSE, 2)]
    assert fields == ["stage2.handler"]


def test_each_letter_takes_its_date_from_the_case():
    case = case_from(example_data())
    assert letter_date(case, LetterKind.ACKNOWLEDGEMENT, 1) == date(2026, 3, 5)
    assert letter_date(case, LetterKind.EXTENSION, 1) == date(2026, 3, 17)
    assert letter_date(case, LetterKind.RESPONSE, 2) == date(2026, 5, 26)
    assert letter_date(case, LetterKind.REFUSAL, 2) == date(2026, 4, 14)


def test_the_overall_decision_follows_the_points():
    data = example_data()
    for finding in data["stage1"]["findings"]:
        finding["decision"] = "upheld"
    assert case_from(data).stage1.decision is Decision.UPHELD
    data["stage1"]["findings"][0]["decision"] = "not-upheld"
    assert case_from(data).stage1.decision is Decision.PARTLY_UPHELD


def test_choices_are_read_however_exports_write_them():
    data = example_data()
    data["stage1"]["findings"][0]["decision"] = "Partly Upheld"
    data["stage1"]["findings"][1]["decision"] = "NOT_UPHELD"
    data["complaint"]["channel"] = "Online form"
    data["stage1"]["remedies"][0]["type"] = "Service change"
    data["stage1"]["refusal"]["ground"] = "Legal proceedings"
    data["stage1"]["refusal"]["points"] = "2, 3"
    case = case_from(data)
    assert [f.decision for f in case.stage1.findings] == [
        Decision.PARTLY_UPHELD,
        Decision.NOT_UPHELD,
    ]
    assert case.complaint.channel == "online-form"
    assert case.stage1.remedies[0].type == "service-change"
    assert case.stage1.refusal.ground is ExclusionGround.LEGAL_PROCEEDINGS
    assert case.stage1.refusal.points == [2, 3]
