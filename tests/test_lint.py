"""check_document / check_path: the result follows the JSON contract, kind and stage are
detected or given, the 7.1 starred rows follow the decision, suppressions work, a
landlord's own rule file is applied, and real DOCX/PDF files are read and checked."""

from pathlib import Path

import pytest
from docx import Document as WordDocument

from lettercheck.catalogue import CatalogueError, landlord_rules
from lettercheck.config import Config, LintSettings
from lettercheck.corpus.render import render_docx, render_pdf
from lettercheck.document import Block, Document
from lettercheck.letters import ELEMENT_IDS
from lettercheck.lint import check_document, check_path, document_from_text

ACKNOWLEDGEMENT = """Northgate Housing Trust
2 Mill Yard, Leeds LS2 7QT

14 March 2025

Dear Ms Patel

Stage 1 complaint: repairs to your kitchen

Thank you for your complaint, which we received on 12 March 2025. We have logged it at stage 1 of our complaints procedure.

You are unhappy that the leak under your kitchen sink has not been fixed after three visits. You would like the leak fixed and the damaged cupboard replaced.

We are responsible for the plumbing and the kitchen units, so we will look at both.

We will send you our full response by 26 March 2025.

Please tell us if you need any adjustments or support, such as large print or an interpreter.

You can contact the Housing Ombudsman at any time on 0300 111 3000 or at www.housing-ombudsman.org.uk.

Yours sincerely

Amal Reid
Complaints Officer"""

RESPONSE = """14 April 2025

Dear Mr Okoro

This is our stage 1 response to your complaint about the damp in your bedroom.

You are unhappy that the damp in your bedroom came back after our repair in January. You would like the cause found and fixed.

Our surveyor's report shows that a blocked gutter was letting water into the wall. We should have found this in January.

I uphold your complaint.

If you are unhappy with this response, you can ask for your complaint to be escalated to stage 2 by replying to this letter within 20 working days.

If you are still unhappy after stage 2, you can refer your complaint to the Housing Ombudsman on 0300 111 3000."""


def test_result_follows_the_contract():
    document = document_from_text(ACKNOWLEDGEMENT, "ack.txt")
    result = check_document(document)
    assert result.status == "ok" and result.path == "ack.txt"
    assert [element.id for element in result.elements] == list(ELEMENT_IDS)
    assert result.letter.kind == "acknowledgement" and result.letter.stage == 1
    assert result.letter.source == "detected" and 0 < result.letter.confidence <= 1
    assert result.findings == []
    definition = next(e for e in result.elements if e.id == "complaint-definition")
    evidence = definition.evidence
    assert definition.present and definition.source in {"pattern", "classifier"}
    assert document.text[evidence.start : evidence.end] == evidence.text
    assert evidence.text.startswith("You are unhappy that the leak")
    assert evidence.paragraph == document.block_at(evidence.start).paragraph
    assert result.stats.words > 100 and result.stats.sentences > 10
    assert 0 < result.stats.reading_ease < 100


def test_given_kind_and_stage_override_detection():
    result = check_document(document_from_text(ACKNOWLEDGEMENT), kind="extension", stage=2)
    assert (result.letter.kind, result.letter.stage, result.letter.source) == (
        "extension",
        2,
        "given",
    )
    rules = {finding.rule for finding in result.findings}
    assert "missing-extension-reason" in rules and "missing-response-timescale" not in rules


def test_an_upheld_response_must_own_the_fault_and_put_it_right():
    result = check_document(document_from_text(RESPONSE))
    assert (result.letter.kind, result.letter.stage, result.letter.decision) == (
        "response",
        1,
        "upheld",
    )
    rules = {finding.rule: finding for finding in result.findings}
    assert rules["missing-remedy"].severity == "error"
    assert "missing-fault-acknowledged" not in rules  # "We should have found this"
    assert "missing-escalation-stage2" not in rules


def test_a_response_that_does_not_uphold_is_not_asked_for_a_remedy():
    text = RESPONSE.replace("I uphold your complaint.", "I do not uphold your complaint.")
    result = check_document(document_from_text(text), kind="response", stage=1)
    assert result.letter.decision == "not-upheld"
    assert "missing-remedy" not in {finding.rule for finding in result.findings}


def test_without_a_decision_missing_decision_replaces_the_starred_rows():
    text = RESPONSE.replace("I uphold your complaint.\n\n", "")
    result = check_document(document_from_text(text), kind="response", stage=1)
    rules = {finding.rule for finding in result.findings}
    assert "missing-decision" in rules and "missing-remedy" not in rules


def test_a_suppression_line_in_the_text_or_a_comment_silences_a_rule():
    text = ACKNOWLEDGEMENT.replace("0300 111 3000", "0300 111 3001")
    plain = check_document(document_from_text(text))
    assert "outdated-ombudsman-details" in {f.rule for f in plain.findings}
    silenced = check_document(
        document_from_text(text + "\n\nlettercheck: ignore outdated-ombudsman-details")
    )
    assert "outdated-ombudsman-details" not in {f.rule for f in silenced.findings}
    assert "outdated-ombudsman-details" in {f.rule for f in silenced.suppressed}
    base = document_from_text(text)
    commented = Document.from_blocks(
        "a.docx",
        "docx",
        list(base.blocks),
        comments=[Block("Checked. lettercheck: ignore outdated-ombudsman-details")],
    )
    assert "outdated-ombudsman-details" not in {f.rule for f in check_document(commented).findings}


def test_config_ignore_entries_match_paths_by_glob():
    text = ACKNOWLEDGEMENT.replace("0300 111 3000", "0300 111 3001")
    config = Config(lint=LintSettings(ignore={"letters/*.txt": ["outdated-*"]}))
    silenced = check_document(document_from_text(text, "letters/ack.txt"), config)
    other = check_document(document_from_text(text, "elsewhere/ack.txt"), config)
    assert "outdated-ombudsman-details" not in {f.rule for f in silenced.findings}
    assert "outdated-ombudsman-details" in {f.rule for f in other.findings}


def test_a_landlords_rule_file_adds_its_findings(tmp_path: Path):
    (tmp_path / "banned.yaml").write_text(
        """id: banned-phrases
severity: warning
provision: house style
message: The letter uses a phrase our style guide bans.
explanation: Our style guide asks for plain words.
examples:
  passing: ["We will fix it."]
  failing: ["We will action your request."]
cues:
  - action ~2 your|the|this
phrases: ["at your earliest convenience"]
""",
        encoding="utf-8",
    )
    config = Config(lint=LintSettings(rule_files=[Path("banned.yaml")]), base_dir=tmp_path)
    text = ACKNOWLEDGEMENT + "\n\nPlease reply at your earliest convenience."
    result = check_document(document_from_text(text), config)
    finding = next(f for f in result.findings if f.rule == "banned-phrases")
    assert finding.severity == "warning" and finding.provision == "house style"
    assert "earliest convenience" in finding.location.text


IDEAS_RULE = """id: pet-ban
severity: warning
message: The letter says pets must go.
explanation: Our pet policy allows small pets.
examples:
  passing: ["Your dog is welcome."]
  failing: ["The dog must be rehomed."]
ideas:
  - [dog|dogs|cat|cats|pet|pets]
  - [rehome*, remove*, "get* ~2 rid"]
  - [must, "(have to / need to)"]
"""


def test_a_rule_fires_on_a_sentence_that_says_all_its_ideas_in_any_order(tmp_path: Path):
    (tmp_path / "pets.yaml").write_text(IDEAS_RULE, encoding="utf-8")
    config = Config(lint=LintSettings(rule_files=[Path("pets.yaml")]), base_dir=tmp_path)

    def fires(sentence: str) -> bool:
        result = check_document(document_from_text(ACKNOWLEDGEMENT + "\n\n" + sentence), config)
        return "pet-ban" in {f.rule for f in result.findings}

    assert fires("You must have the cat rehomed by June.")
    assert fires("Getting rid of your two dogs is something you will need to do.")
    assert not fires("The cat must be kept indoors.")  # no removal
    assert not fires("We will remove the dog mess. You must keep the gate shut.")  # two sentences


def test_an_idea_with_a_bad_cue_is_reported_with_its_number(tmp_path: Path):
    (tmp_path / "pets.yaml").write_text(IDEAS_RULE.replace("[must,", "[~3,"), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"pets.yaml.*ideas.2"):
        landlord_rules((tmp_path / "pets.yaml",))


def test_check_path_reads_docx_and_pdf_and_reports_unreadable_files(tmp_path: Path):
    docx_path, pdf_path = tmp_path / "ack.docx", tmp_path / "ack.pdf"
    render_docx(ACKNOWLEDGEMENT, docx_path)
    render_pdf(ACKNOWLEDGEMENT, pdf_path)
    for path in (docx_path, pdf_path):
        [result] = check_path(path)
        assert result.status == "ok", result.error
        assert result.letter.kind == "acknowledgement"
        assert not [f for f in result.findings if f.severity == "error"], result.findings
    [pdf_result] = check_path(pdf_path)
    contact = next(e for e in pdf_result.elements if e.id == "ombudsman-contact")
    assert contact.evidence.page == 1
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip file")
    [failure] = check_path(broken)
    assert failure.status == "error" and failure.error.code and not failure.elements


def test_a_docx_with_an_unfilled_placeholder_is_an_error(tmp_path: Path):
    word = WordDocument()
    for paragraph in ACKNOWLEDGEMENT.replace("26 March 2025", "[INSERT DATE]").split("\n\n"):
        word.add_paragraph(paragraph)
    path = tmp_path / "draft.docx"
    word.save(path)
    [result] = check_path(path)
    finding = next(f for f in result.findings if f.rule == "unfilled-placeholder")
    assert finding.severity == "error" and "[INSERT DATE]" in finding.location.text
