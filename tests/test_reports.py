"""Each report format says the same thing as the result it is made from."""

import csv
import json
from pathlib import Path

from lettercheck.audit import summarise, write_csv, write_html, write_json
from lettercheck.catalogue import Examples, RuleDoc
from lettercheck.letters import ELEMENT_IDS, LetterKind
from lettercheck.report import RENDERERS
from lettercheck.results import (
    CheckReport,
    ElementResult,
    Evidence,
    FileError,
    FileResult,
    Finding,
    LetterInfo,
    Location,
    Stats,
)

TEXT = "This is our stage 1 response. We are sorry if you feel let down & <upset>."
APOLOGY = "We are sorry if you feel let down"

DOCS = {
    "conditional-apology": RuleDoc(
        id="conditional-apology",
        severity="warning",
        provision="7.1",
        kinds=list(LetterKind),
        message="The apology is conditional.",
        explanation="An apology must own the failing, not the resident's feelings.",
        examples=Examples(
            passing=["We are sorry we missed it."], failing=["Sorry if you were upset."]
        ),
    )
}


def _result() -> FileResult:
    start = TEXT.index(APOLOGY)
    elements = [ElementResult(id=element_id, present=False) for element_id in ELEMENT_IDS]
    elements[0] = ElementResult(
        id="complaint-stage",
        present=True,
        evidence=Evidence(text="This is our stage 1 response.", paragraph=0, start=0, end=29),
    )
    return FileResult(
        path="letters/a.txt",
        status="ok",
        letter=LetterInfo(
            kind="response", stage=1, source="given", confidence=1.0, decision="upheld"
        ),
        elements=elements,
        findings=[
            Finding(
                rule="missing-remedy", severity="error", provision="6.9e", message="No remedy."
            ),
            Finding(
                rule="conditional-apology",
                severity="warning",
                provision="7.1",
                message="The apology is conditional.",
                location=Location(paragraph=0, text=APOLOGY, start=start, end=start + len(APOLOGY)),
            ),
        ],
        stats=Stats(words=14, sentences=2, reading_ease=70.0),
        text=TEXT,
    )


def _unreadable() -> FileResult:
    return FileResult(
        path="letters/b.pdf",
        status="error",
        error=FileError(code="encrypted", message="the PDF is password-protected"),
    )


REPORT = CheckReport.of([_result(), _unreadable()])


def test_summary_counts_errors_warnings_and_unreadable():
    assert REPORT.summary.model_dump() == {"files": 2, "errors": 1, "warnings": 1, "unreadable": 1}


def test_text_report_gives_one_line_a_finding_with_location_and_evidence():
    lines = RENDERERS["text"](REPORT, DOCS).splitlines()
    assert "letters/a.txt:letter: error missing-remedy No remedy." in lines
    assert "letters/a.txt:para 0: warning conditional-apology The apology is conditional." in lines
    assert f'    > "{APOLOGY}"' in lines
    assert "letters/b.pdf: unreadable (encrypted): the PDF is password-protected" in lines


def test_json_report_follows_the_contract_and_keeps_the_text_out():
    data = json.loads(RENDERERS["json"](REPORT, DOCS))
    assert data["tool"] == {"name": "lettercheck", "version": "0.1.0", "code": "2024"}
    first, second = data["files"]
    assert "text" not in first
    assert first["letter"]["source"] == "given"
    assert [e["id"] for e in first["elements"]] == list(ELEMENT_IDS)
    assert second["status"] == "error" and second["error"]["code"] == "encrypted"
    assert second["elements"] == [] and second["findings"] == []


def test_sarif_report_names_rules_with_help_and_points_at_text():
    sarif = json.loads(RENDERERS["sarif"](REPORT, DOCS))
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    assert "own the failing" in by_id["conditional-apology"]["help"]["text"]
    apology = next(r for r in run["results"] if r["ruleId"] == "conditional-apology")
    assert rules[apology["ruleIndex"]]["id"] == "conditional-apology"
    region = apology["locations"][0]["physicalLocation"]["region"]
    assert TEXT[region["charOffset"] : region["charOffset"] + region["charLength"]] == APOLOGY
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["descriptor"]["id"] == "encrypted"


def test_html_report_escapes_the_letter_and_marks_problems_with_reasons():
    html = RENDERERS["html"](REPORT, DOCS)
    assert "&amp; &lt;upset&gt;" in html and "<upset>" not in html
    assert '<mark class="error warning"' not in html
    assert '<mark class="warning" title="conditional-apology' in html
    assert "own the failing" in html
    assert '<mark class="element" title="element: complaint-stage">' in html


def test_audit_summary_counts_each_required_element_against_its_letters():
    summary = summarise(REPORT.files)
    rows = {row.element: row for row in summary.provisions}
    assert rows["remedy"].applies_to == 1 and rows["remedy"].present == 0
    assert rows["complaint-stage"].present == 1
    assert summary.with_errors == 1 and summary.unreadable == 1


def test_audit_writes_csv_json_and_html_reports(tmp_path: Path):
    summary = summarise(REPORT.files)
    write_csv(tmp_path, REPORT, summary)
    write_json(tmp_path, REPORT, summary)
    write_html(tmp_path, REPORT, summary, DOCS)
    with (tmp_path / "findings.csv").open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["rule"] for row in rows} == {"missing-remedy", "conditional-apology"}
    assert json.loads((tmp_path / "audit.json").read_text())["audit"]["letters"] == 2
    index = (tmp_path / "index.html").read_text()
    assert "letters/00001.html" in index and "6.9e" in index
    assert not list(tmp_path.glob(".*.tmp"))
