"""The Python API the README documents for QA teams' own scripts."""

from pathlib import Path

import lettercheck
from lettercheck.resources import EXAMPLES_DIR


def test_the_documented_api_checks_a_file_and_a_text():
    draft = EXAMPLES_DIR / "draft-response.txt"
    (from_file,) = lettercheck.check_path(Path(draft))
    from_text = lettercheck.check_document(
        lettercheck.document_from_text(draft.read_text(encoding="utf-8")), kind="response", stage=1
    )
    assert from_text.letter.source == "given" and from_file.letter.source == "detected"
    for result in (from_file, from_text):
        rules = {finding.rule for finding in result.findings}
        assert {"extra-stage", "outdated-ombudsman-details", "conditional-apology"} <= rules
