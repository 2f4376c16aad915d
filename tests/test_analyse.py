"""The analysis parts on their own: the cue language, dates and timescales, the
Ombudsmen's details in their written forms, negation and quotation senses, syllables
and reading ease, element detection by meaning, and rule files that are wrong."""

from datetime import date
from pathlib import Path

import pytest

from lettercheck.analyse.cues import CueError, compile_cue
from lettercheck.analyse.dates import find_dates, find_timescales
from lettercheck.analyse.ombudsman import find_mentions
from lettercheck.analyse.readability import reading_ease, syllables, words
from lettercheck.catalogue import CatalogueError, load_ombudsmen, load_wording_rule
from lettercheck.lint import check_document, document_from_text


def test_cues_compile_to_matcher_patterns_and_bad_ones_say_why():
    [pattern] = compile_cue("we ~2 apolog*|sorry")
    assert pattern[0] == {"NORM": "we"}
    assert pattern[1]["OP"] == "{0,2}"
    assert len(compile_cue("ask ~4 (stage 2 / second stage / review)")) == 3
    for bad, reason in [
        ("within ~1", "gap"),
        ("@nowhere", "unknown word set"),
        ("#when", "unknown class"),
        ("(stage 2", "unclosed"),
    ]:
        with pytest.raises(CueError, match=reason):
            compile_cue(bad)


def test_dates_in_uk_forms():
    text = "On 14 March 2025, Friday 4th April, 14/03/2025, March 3, 2025 and 2025-03-14."
    values = [mention.value for mention in find_dates(text, near=date(2025, 3, 20))]
    assert values == [
        date(2025, 3, 14),
        date(2025, 4, 4),
        date(2025, 3, 14),
        date(2025, 3, 3),
        date(2025, 3, 14),
    ]
    assert find_dates("on 31/02/2025")[0].value is None


def test_timescales_in_working_days():
    found = {
        t.number: t
        for t in find_timescales(
            "within 15 working days, in 8 weeks, within ten calendar days, 21 days, two months"
        )
    }
    assert found[15].working_days() == 15
    assert found[8].working_days() == 40
    assert found[10].working_days() == 7
    assert found[21].working_days(days_mean_working_days=False) == 15
    assert found[2].working_days() == 42


def test_timescales_adding_time_abbreviated_or_as_a_working_day_count():
    found = find_timescales("three more weeks, in 6 wks, by the twentieth working day")
    assert [(t.number, t.unit, t.more) for t in found] == [
        (3, "week", True),
        (6, "week", False),
        (20, "day", False),
    ]
    assert found[2].counting == "working"
    assert find_timescales("due on the 20th of March") == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Housing Ombudsman: 0300-111-3000", "current"),
        ("Housing Ombudsman: +44 300 111 3000", "current"),
        ("Visit housing-ombudsman.org.uk/residents/make-a-complaint", "current"),
        ("Housing Ombudsman Service, PO Box 1484, Unit D, Preston PR2 0ET", "current"),
        ("Local Government and Social Care Ombudsman, 0300 061 0614", "current"),
        ("Housing Ombudsman, PO Box 152, Liverpool L33 7WQ", "superseded"),
        ("the Local Government Ombudsman", "superseded"),
        ("LGO: 0845 602 1983", "superseded"),
        ("Call the Housing Ombudsman on 0300 111 3001", "wrong"),
        ("the Ombudsman at www.housingombudsman.org.uk", "wrong"),
    ],
)
def test_ombudsman_details_in_their_written_forms(text: str, status: str):
    statuses = {mention.status for mention in find_mentions(text, load_ombudsmen())}
    assert status in statuses, statuses


def test_a_landlord_number_next_to_the_ombudsman_is_not_the_ombudsman_s():
    text = "Call us on 0161 496 0000, or contact the Housing Ombudsman."
    assert find_mentions(text, load_ombudsmen()) == []


def _rules(text: str, kind="response", stage=1) -> set[str]:
    result = check_document(document_from_text(text), kind=kind, stage=stage)
    return {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    ("text", "rule", "breaks"),
    [
        ("There is no third stage to our complaints process.", "extra-stage", False),
        ("You can now ask for a stage 3 review.", "extra-stage", True),
        ("You said you felt we treated you as 'vexatious'.", "vexatious-wording", False),
        ("We have decided your complaint is vexatious.", "vexatious-wording", True),
        (
            "You don't have to give reasons for escalating.",
            "reasons-required-for-escalation",
            False,
        ),
        ("You must give reasons for escalating.", "reasons-required-for-escalation", True),
    ],
)
def test_negation_and_quotation_change_the_sense(text: str, rule: str, breaks: bool):
    assert (rule in _rules(text)) is breaks


def test_elements_are_found_by_meaning_not_template_wording():
    text = (
        "If you're still not happy, just reply and a senior manager will look at it again.\n\n"
        "We have credited £150 to your rent account."
    )
    result = check_document(document_from_text(text), kind="response", stage=1)
    present = {element.id for element in result.elements if element.present}
    assert {"escalation-stage2", "remedy"} <= present


def test_late_letter_counts_working_days_and_bank_holidays():
    # Received Thursday 17 April 2025; Good Friday and Easter Monday are bank holidays,
    # so 28 April is the fifth working day after it and 29 April the sixth.
    on_time = "28 April 2025\n\nDear Ms Bell\n\nWe received your complaint on 17 April 2025."
    late = on_time.replace("28 April 2025\n", "29 April 2025\n")
    assert "late-letter" not in _rules(on_time, "acknowledgement", 1)
    assert "late-letter" in _rules(late, "acknowledgement", 1)


def test_an_extension_beyond_the_code_is_found_from_its_dates():
    text = (
        "Our stage 1 response was due by 14 March 2025. "
        "We will now send it to you by 30 April 2025."
    )
    assert "timescale-exceeds-code" in _rules(text, "extension", 1)
    assert "timescale-exceeds-code" not in _rules(
        text.replace("30 April", "21 March"), "extension", 1
    )


@pytest.mark.parametrize(
    ("sentence", "breach"),
    [
        ("Please bear with us for three more weeks.", True),
        ("We are extending the deadline for our stage 1 response by 20 working days.", True),
        ("Our reply will be delayed by around two months.", True),
        ("We need five more working days to respond.", False),
        (
            "The units will take another 4 weeks to arrive; we will reply within 10 working days.",
            False,
        ),
    ],
)
def test_an_extension_said_as_time_added(sentence, breach):
    assert ("timescale-exceeds-code" in _rules(sentence, "extension", 1)) is breach


def test_email_is_no_way_to_bring_a_complaint_from_13_january_2026():
    text = "{date}\n\nDear Mr Roy\n\nTo complain to the Housing Ombudsman, email info@housing-ombudsman.org.uk."
    assert "outdated-ombudsman-details" in _rules(text.format(date="20 January 2026"))
    assert "outdated-ombudsman-details" not in _rules(text.format(date="20 January 2025"))


def test_syllables_and_reading_ease_work_offline():
    assert [syllables(w) for w in ("cat", "table", "investigation")] == [1, 2, 5]
    easy = words("The cat sat on the mat. We fixed the tap.")
    hard = words(
        "Notwithstanding the aforementioned considerations, the organisation determines "
        "that remuneration is inappropriate."
    )
    assert reading_ease(easy, 2) > 90 > 0 > reading_ease(hard, 1)


def test_a_bad_wording_rule_file_is_named_with_its_field(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "id: mine\nseverity: fatal\nmessage: m\nexplanation: e\n"
        "examples: {passing: [a], failing: [b]}\ncues: [x]\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match=r"mine\.yaml: severity"):
        load_wording_rule(path)
    path.write_text(
        "id: mine\nseverity: error\nmessage: m\nexplanation: e\n"
        "examples: {passing: [a], failing: [b]}\ncues: ['within ~1 #num']\n",
        encoding="utf-8",
    )
    load_wording_rule(path)
    path.write_text(
        "id: mine\nseverity: error\nmessage: m\nexplanation: e\n"
        "examples: {passing: [a], failing: [b]}\ncues:\n  - within ~1 #num\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match=r"mine\.yaml: .*quote cues"):
        load_wording_rule(path)
