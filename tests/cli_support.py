"""Shared by the command-line tests (test_cli_*.py): running `lettercheck` in-process
(so the linter's pipeline is built once per test session), the ids the spec makes
public, and letters whose outcome is not in doubt.

The compliant letter is the generator's own stage 1 acknowledgement of the example
case. Every other letter is that one with a single unmistakable defect added: an
"stage 0" (error), a "[INSERT DATE]" (error) or "any inconvenience this may have
caused" (warning), so the exit status a test expects does not hang on how well the
linter reads paraphrase."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx import Document

from lettercheck.cli import main
from lettercheck.resources import EXAMPLES_DIR

REPO_DIR = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO_DIR / "corpus"

STAGE_ZERO = "Your complaint was logged at stage 0 of our complaints procedure."
PLACEHOLDER = "We will call you on [INSERT DATE] to talk about your complaint."
CONDITIONAL_APOLOGY = "We apologise for any inconvenience this may have caused."

# spec/elements.md, in the order of its table: the order `elements` must follow.
SPEC_ELEMENT_IDS = (
    "complaint-stage",
    "complaint-definition",
    "outcomes-sought",
    "responsibility-scope",
    "response-timescale",
    "decision",
    "reasons",
    "fault-acknowledged",
    "remedy",
    "outstanding-actions",
    "escalation-stage2",
    "escalation-ombudsman",
    "ombudsman-contact",
    "extension-reason",
    "new-response-date",
    "refusal-reasons",
    "reasonable-adjustments",
    "final-response",
)
# spec/elements.md, "Wording and consistency rules": id -> (severity, provision).
SPEC_WORDING_RULES = {
    "extra-stage": ("error", "5.2, 5.3"),
    "reasons-required-for-escalation": ("error", "6.12"),
    "vexatious-wording": ("warning", "5.14, Ombudsman guidance"),
    "outdated-ombudsman-details": ("error", "3.7, 6.5"),
    "designated-person-filter": ("warning", "Housing Ombudsman Scheme"),
    "conditional-apology": ("warning", "7.1, Ombudsman apologies guidance"),
    "ombudsman-access-restricted": ("warning", "3.7"),
    "timescale-exceeds-code": ("error", "6.2-6.4, 6.11, 6.14, 6.15"),
    "late-letter": ("error", "6.2, 6.3, 6.11, 6.14"),
    "unfilled-placeholder": ("error", "-"),
    "plain-language": ("warning", '6.9, 6.19 "clear, plain language"'),
}
# spec/elements.md, "Elements": element id -> Code provision; and the highest severity
# the requirements table gives its `missing-` rule.
SPEC_ELEMENT_PROVISIONS = {
    "complaint-stage": "6.9a, 6.19a",
    "complaint-definition": "5.6, 6.9b, 6.19b",
    "outcomes-sought": "5.6",
    "responsibility-scope": "5.7",
    "response-timescale": "6.2-6.4, 6.14",
    "decision": "6.9c, 6.19c",
    "reasons": "6.7, 6.9d, 6.18, 6.19d",
    "fault-acknowledged": "7.1",
    "remedy": "6.9e, 6.19e, 7.1-7.3",
    "outstanding-actions": "6.6, 6.9f, 6.19f, 7.3",
    "escalation-stage2": "6.9g",
    "escalation-ombudsman": "6.19g, 2.4, 5.11",
    "ombudsman-contact": "6.5, 6.16, 3.7",
    "extension-reason": "6.4, 6.15",
    "new-response-date": "6.4, 6.15",
    "refusal-reasons": "2.4, 5.11",
    "reasonable-adjustments": "3.1, 5.10",
    "final-response": "6.10, 6.20",
}
WARNING_ONLY_ELEMENTS = {
    "responsibility-scope",
    "response-timescale",
    "outstanding-actions",
    "reasonable-adjustments",
    "final-response",
}


def invoke(*args: object) -> Result:
    """`lettercheck ARGS...` in this process; stdout and stderr kept apart."""
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def check_json(*args: object) -> tuple[int, dict]:
    """`lettercheck check --format json ARGS...`: the exit status and the parsed report."""
    result = invoke("check", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def file_result(report: dict, path: Path | str) -> dict:
    (found,) = [entry for entry in report["files"] if entry["path"] == str(path)]
    return found


def rules_of(entry: dict) -> set[str]:
    return {finding["rule"] for finding in entry["findings"]}


def docx_paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in Document(str(path)).paragraphs]


def letter_text(path: Path, *extra: str) -> str:
    """A DOCX letter's body as a .txt letter (a blank line between paragraphs), with
    `extra` paragraphs added at the end."""
    return "\n\n".join([*docx_paragraphs(path), *extra]) + "\n"


def docx_with(source: Path, target: Path, *paragraphs: str, comment: str | None = None) -> Path:
    """A copy of the DOCX `source` with `paragraphs` added at the end; `comment` is
    attached, as a Word reviewer's comment, to the first of them."""
    shutil.copyfile(source, target)
    document = Document(str(target))
    added = [document.add_paragraph(text) for text in paragraphs]
    if comment is not None:
        document.add_comment(added[0].runs, text=comment, author="Team Leader", initials="TL")
    document.save(str(target))
    return target


@pytest.fixture(scope="session")
def clean_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generator's stage 1 acknowledgement of the example case, which the linter
    must pass: every element the Code asks of it, no wording problem."""
    target = tmp_path_factory.mktemp("generated") / "acknowledgement.docx"
    result = invoke(
        "generate",
        EXAMPLES_DIR / "case.yaml",
        "--letter",
        "acknowledgement",
        "--stage",
        "1",
        "--config",
        EXAMPLES_DIR / "lettercheck.yaml",
        "-o",
        target,
    )
    assert result.exit_code == 0, result.output
    return target
