"""The eight generated letters, read back with python-docx: each holds the case's facts
and, for its kind and stage, the wording of every element the Code requires
(rules/requirements.yaml), and none of the wording the Code's rules forbid."""

import re
from pathlib import Path

import pytest
from docx import Document
from generate_support import (
    assert_valid_docx,
    case_from,
    docx_blocks,
    docx_text,
    example_config,
    example_data,
)

from lettercheck.catalogue import load_requirements
from lettercheck.generate import Generator, generate_all
from lettercheck.letters import KIND_STAGES, LetterKind

# The generator's own wording for each element: what a reader of the letter sees.
ELEMENT_WORDING = {
    "complaint-stage": r"stage [12] (of our complaints procedure|response|review)",
    "complaint-definition": r"You told us that |Your complaint is about",
    "outcomes-sought": r"You would like us to ",
    "responsibility-scope": r"We are (not )?responsible for",
    "response-timescale": r"response by \d{1,2} \w+ 20\d\d\. This is within (10|20) working days",
    "decision": r"your complaint is (partly upheld|upheld|not upheld)\.",
    "reasons": r"our reasons for it\.",
    "fault-acknowledged": r"We accept that we got (some )?things wrong\. We are sorry that",
    "remedy": r"To put things right, we will do the following\.",
    "outstanding-actions": r"These outstanding actions are still to be done|There are no outstanding actions",
    "escalation-stage2": (
        r"ask us to look at your complaint again at stage 2[^\n]*\n"
        r"To ask for stage 2, contact our Complaints Team\. You can reply to this letter, email "
        r"complaints@example\.org, phone 0113 496 0000[^\n]*\nPlease ask by 1 May 2026\."
    ),
    "escalation-ombudsman": (
        r"ask the Ombudsman to investigate your complaint|refer your complaint to the Housing "
        r"Ombudsman Service|ask the Housing Ombudsman Service to look at it"
    ),
    "ombudsman-contact": (
        r"Online: use the complaint form at www\.housing-ombudsman\.org\.uk/residents/"
        r"make-a-complaint/\nPhone: 0300 111 3000"
    ),
    "extension-reason": r"We need more time because \w",
    "new-response-date": r"We will now send you our stage [12] response by \d{1,2} \w+ 20\d\d\.",
    "refusal-reasons": r"The Complaint Handling Code allows this exclusion in paragraph 2\.2\.",
    "reasonable-adjustments": r"Please tell us if you need any other adjustments or support",
    "final-response": r"This is our final response to your complaint\.",
}
FORBIDDEN = [
    r"stage (0|zero|3|three)\b",
    r"third stage",
    r"informal complaint",
    r"vexatious",
    r"any inconvenience",
    r"apologi[sz]e if",
    r"sorry (if|you felt)",
    r"ex gratia",
    r"hereby",
    r"aforementioned",
    r"pursuant",
    r"\bTBC\b",
    r"XX/XX",
    r"\[",
    r"\{\{",
    r"\{%",
    r"\bNone\b",
    r"must (tell|explain|give) (us )?(why|your reasons)",
    r"PO Box 152",
    r"E14 9GE",
    r"info@housing-ombudsman",
    r"designated person",
    r"eight weeks",
]


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> dict[tuple[LetterKind, int], Path]:
    outdir = tmp_path_factory.mktemp("letters")
    paths = generate_all(case_from(example_data()), example_config(), outdir)
    return dict(zip(KIND_STAGES, paths, strict=True))


def test_all_eight_letters_are_valid_word_documents(letters):
    assert len(letters) == 8
    for (kind, stage), path in letters.items():
        assert path.name == f"BH-2026-0142-{kind.value}-{stage}.docx"
        assert_valid_docx(path)
        properties = Document(str(path)).core_properties
        fields = (properties.author, properties.last_modified_by, properties.title)
        assert not any("{" in field for field in fields)


@pytest.mark.parametrize(("kind", "stage"), KIND_STAGES, ids=lambda x: str(x))
def test_every_required_element_is_worded(letters, kind, stage):
    text = docx_text(letters[kind, stage])
    decision = case_from(example_data()).stage(stage).decision
    required = load_requirements().required(kind, stage, decision)
    assert required, "every letter has required elements"
    missing = [e for e in required if not re.search(ELEMENT_WORDING[e], text, re.IGNORECASE)]
    assert missing == []


@pytest.mark.parametrize(("kind", "stage"), KIND_STAGES, ids=lambda x: str(x))
def test_no_forbidden_wording_and_short_sentences(letters, kind, stage):
    text = docx_text(letters[kind, stage])
    assert [p for p in FORBIDDEN if re.search(p, text, re.IGNORECASE)] == []
    for block in docx_blocks(letters[kind, stage]):
        for sentence in re.split(r"(?<=[.!?:])\s+", block):
            assert len(sentence.split()) < 30, sentence


@pytest.mark.parametrize(("kind", "stage"), KIND_STAGES, ids=lambda x: str(x))
def test_every_letter_carries_the_letterhead_addressee_and_sign_off(letters, kind, stage):
    blocks = docx_blocks(letters[kind, stage])
    text = "\n".join(blocks)
    for fact in (
        "Brookfield Homes",
        "Brookfield House, 12 Canal Street, Leeds, LS1 4AB",
        "Mrs Aleksandra Wójcik\nFlat 4, Willow Court\n18 Mill Lane\nLeeds\nLS6 3JP",
        "Our reference: BH-2026-0142",
        "Dear Mrs Wójcik",
        "Copy to: Tomasz Wójcik (son)",
        "Yours sincerely",
    ):
        assert fact in text
    signer = "Sam Taylor\nComplaints Officer" if stage == 1 else "Daniel Okafor\nHead of Housing"
    assert signer in text


def test_the_acknowledgement_states_the_case_and_its_deadline(letters):
    text = docx_text(letters[LetterKind.ACKNOWLEDGEMENT, 1])
    assert "5 March 2026" in text  # the acknowledgement's date
    assert "which we received by phone on 2 March 2026" in text
    assert "You told us that black mould has grown on your bedroom wall" in text
    assert "You would like us to pay for a new carpet." in text
    assert "We are not responsible for the leak from the flat above" in text
    assert "Willow Court Residents' Management Company, 0113 496 0111" in text
    assert "We will send you our full response by 19 March 2026." in text
    assert "phone calls after 10am\nextra time to reply to our letters" in text
    assert "We will contact you by email, as you asked." in text


def test_the_stage_2_acknowledgement_names_the_new_reviewer(letters):
    text = docx_text(letters[LetterKind.ACKNOWLEDGEMENT, 2])
    assert "We received your request on 10 April 2026" in text
    assert "At stage 1 we decided that your complaint was partly upheld." in text
    assert "Daniel Okafor will review your complaint. They were not involved at stage 1" in text
    assert "We will send you our stage 2 response by 13 May 2026." in text
    assert "still unhappy about the amount of compensation, and the carpet." in text


def test_the_extensions_give_reason_and_new_date(letters):
    first = docx_text(letters[LetterKind.EXTENSION, 1])
    assert "Our stage 1 response was due by 19 March 2026." in first
    assert "the earliest visit they can make is 24 March 2026." in first
    assert "by 2 April 2026. This is 10 working days after the date we first gave you." in first
    assert "Until then, we will keep you updated every Friday by email." in first
    second = docx_text(letters[LetterKind.EXTENSION, 2])
    assert "by 27 May 2026. This is 9 working days after" in second
    assert "allows up to 20 extra working days" in second


def test_the_stage_1_response_sets_out_findings_remedies_and_actions(letters):
    blocks = docx_blocks(letters[LetterKind.RESPONSE, 1])
    text = "\n".join(blocks)
    assert "1 April 2026" in text
    assert "We wrote to you on 17 March 2026 to say we needed more time" in text
    assert "This response does not cover point 3." in text
    # The findings table: one row per point, with decision, reasons and policy relied on.
    row = blocks.index("Upheld")
    assert blocks[row - 1].startswith("Point 1\nblack mould")
    assert blocks[row + 1].startswith("Our records show you reported the mould on 14 October")
    assert blocks[row + 1].endswith(
        "We relied on: our Damp and Mould Policy, section 3; the Homes (Fitness for Human "
        "Habitation) Act 2018."
    )
    assert blocks[blocks.index("Partly upheld") - 1].startswith("Point 2")
    # The remedies table: what, how much, by when.
    payment = blocks.index("A payment for the distress and inconvenience of living with mould")
    assert blocks[payment + 1 : payment + 3] == ["£250", "15 April 2026"]
    assert "In total, we will pay you £300." in text
    action = blocks.index("Check the bedroom with a damp meter six weeks after the repair")
    assert blocks[action + 1 : action + 3] == ["Mark Evans, Repairs Supervisor", "22 May 2026"]
    assert "You do not have to give reasons." in text


def test_the_final_response_closes_the_procedure(letters):
    text = docx_text(letters[LetterKind.RESPONSE, 2])
    assert "This is our stage 2 response to your complaint. It is our final response." in text
    assert (
        "Our stage 1 response of 1 April 2026 decided that your complaint was partly upheld."
        in text
    )
    assert "In total, we will pay you £375." in text
    assert "There are no outstanding actions." in text
    assert "stage 2 of our complaints procedure" in text
    assert "ask us to look at your complaint again" not in text


def test_the_refusals_name_the_exclusion_and_the_part_refused(letters):
    first = docx_text(letters[LetterKind.REFUSAL, 1])
    assert "We have decided that we cannot accept part of your complaint." in first
    assert "Point 3. You told us that a leak from the flat above" in first
    assert "more than 12 months before you complained" in first
    assert "so we have not made an exception." in first
    assert "black mould" not in first
    second = docx_text(letters[LetterKind.REFUSAL, 2])
    assert "We have decided that we cannot escalate part of your complaint to stage 2." in second
    assert "it can tell us to review your complaint" in second


def test_a_response_that_upholds_nothing_offers_no_remedy_and_says_why(tmp_path):
    data = example_data()
    for finding in data["stage1"]["findings"]:
        finding["decision"] = "not-upheld"
    data["stage1"].update(apology=None, remedies=[], actions=[])
    path = Generator.from_config(example_config()).write(
        case_from(data), LetterKind.RESPONSE, 1, tmp_path / "r.docx"
    )
    text = docx_text(path)
    assert "Our decision is that your complaint is not upheld." in text
    assert "Because we have not upheld your complaint, we are not offering a remedy." in text
    assert "There are no outstanding actions." in text
    assert "What went wrong" not in text


def test_the_lgsco_block_is_used_when_configured(tmp_path):
    generator = Generator.from_config(example_config(ombudsman="lgsco"))
    path = generator.write(case_from(example_data()), LetterKind.RESPONSE, 2, tmp_path / "r.docx")
    text = docx_text(path)
    assert "refer your complaint to the Local Government and Social Care Ombudsman" in text
    assert "Phone: 0300 061 0614" in text
    assert "complaints.lgo.org.uk" in text
    assert "Post: PO Box 4771, Coventry, CV4 0EH" in text
    assert "Housing Ombudsman Service" not in text and "0300 111 3000" not in text


def test_no_time_limit_for_stage_2_when_the_landlord_sets_none(tmp_path):
    generator = Generator.from_config(example_config(escalation_window_days=None))
    path = generator.write(case_from(example_data()), LetterKind.RESPONSE, 1, tmp_path / "r.docx")
    text = docx_text(path)
    assert "There is no time limit for asking" in text
    assert "Please ask by" not in text


def test_a_resident_without_extras_gets_a_plain_letter(tmp_path):
    data = example_data()
    for field in ("representative", "reasonable_adjustments", "preferred_contact", "salutation"):
        del data["resident"][field]
    del data["complaint"]["responsible_for"]
    del data["complaint"]["not_responsible_for"]
    del data["complaint"]["channel"]
    generator = Generator.from_config(example_config(website=None))
    path = generator.write(case_from(data), LetterKind.ACKNOWLEDGEMENT, 1, tmp_path / "a.docx")
    text = docx_text(path)
    assert "Dear Mrs Aleksandra Wójcik" in text
    assert "which we received on 2 March 2026" in text
    assert "We are responsible for all the points in your complaint" in text
    assert "Please tell us if you need any adjustments or support" in text
    assert "Copy to" not in text and "representative" not in text
    assert "www.example.org" not in text
