"""The shipped rule data loads, matches the spec's ids, and reports bad files by name."""

from pathlib import Path

import pytest

from lettercheck.catalogue import (
    CatalogueError,
    ElementCatalogue,
    Requirements,
    load_elements,
    load_ombudsmen,
    load_requirements,
    load_yaml_model,
)
from lettercheck.letters import ELEMENT_IDS, Decision, LetterKind
from lettercheck.resources import rules_dir


def test_every_element_is_described_once():
    assert list(load_elements()) == list(ELEMENT_IDS)


def test_fault_rows_apply_only_when_fault_is_found():
    requirements = load_requirements()
    upheld = requirements.required(LetterKind.RESPONSE, 1, Decision.UPHELD)
    not_upheld = requirements.required(LetterKind.RESPONSE, 1, Decision.NOT_UPHELD)
    unknown = requirements.required(LetterKind.RESPONSE, 2, None)
    assert upheld["remedy"] == "error" and upheld["outstanding-actions"] == "warning"
    assert "remedy" not in not_upheld and "fault-acknowledged" not in not_upheld
    assert "remedy" not in unknown and unknown["decision"] == "error"


def test_every_kind_and_stage_has_requirements():
    requirements = load_requirements()
    for kind in LetterKind:
        for stage in (1, 2):
            assert requirements.required(kind, stage, Decision.UPHELD)


def test_ombudsman_details_are_dated_and_sourced():
    catalogue = load_ombudsmen()
    assert set(catalogue.ombudsmen) == {"housing", "lgsco"}
    assert catalogue.ombudsmen["housing"].current.phone == ["0300 111 3000"]
    assert catalogue.source


def test_a_bad_rule_file_is_named_with_its_field(tmp_path: Path):
    bad = tmp_path / "requirements.yaml"
    bad.write_text(
        "only_when_fault_found: []\nletters:\n  response:\n    1:\n      remedy: fatal\n"
    )
    with pytest.raises(CatalogueError, match=r"requirements\.yaml: letters\.response\.1\.remedy"):
        load_yaml_model(bad, Requirements)


def test_an_elements_bad_idea_is_named_with_the_element_and_idea(tmp_path: Path):
    text = (rules_dir() / "elements.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        "      - - contact|write|reply|email", "      - - contact|write|reply|~3", 1
    )
    assert broken != text
    bad = tmp_path / "elements.yaml"
    bad.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"elements\[escalation-stage2\]\.ideas\.2"):
        load_yaml_model(bad, ElementCatalogue)
