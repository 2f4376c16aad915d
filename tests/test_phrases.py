"""`lettercheck eval-phrases`: each labelled sentence is checked as a one-paragraph
letter of its group's kind and stage, counted per rule and element, and every sentence
the linter gets wrong can be listed."""

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lettercheck.catalogue import CatalogueError
from lettercheck.cli import main
from lettercheck.phrases import evaluate_phrases

WORDING = [
    {
        "rule": "extra-stage",
        "kind": "response",
        "stage": 1,
        "breach": [
            "Your complaint has been logged as a stage 0 complaint.",
            # labelled as a breach but it is not one: the linter is right to pass it
            "There is no third stage to our complaints procedure.",
        ],
        "clean": ["This is our stage 1 response to your complaint."],
    }
]
ELEMENTS = [
    {
        "element": "escalation-ombudsman",
        "kind": "response",
        "stage": 2,
        "present": ["If you are still unhappy you can refer your complaint to the Ombudsman."],
        "absent": ["We repaired the gutter on 3 May."],
    }
]


def _phrase_set(tmp_path: Path, wording=WORDING, elements=ELEMENTS) -> Path:
    folder = tmp_path / "phrases"
    folder.mkdir()
    (folder / "wording.yaml").write_text(yaml.safe_dump(wording), encoding="utf-8")
    (folder / "elements.yaml").write_text(yaml.safe_dump(elements), encoding="utf-8")
    return folder


def test_each_sentence_is_counted_against_its_rule_or_element(tmp_path: Path):
    result = evaluate_phrases(_phrase_set(tmp_path), classifier=False)
    assert result.sentences == 5
    stage = result.rules["extra-stage"]
    assert (stage.tp, stage.fp, stage.fn) == (1, 0, 1)
    ombudsman = result.elements["escalation-ombudsman"]
    assert (ombudsman.tp, ombudsman.fp, ombudsman.fn) == (1, 0, 0)
    assert [(m.target, m.expected) for m in result.misses] == [("extra-stage", True)]
    assert result.misses[0].sentence.startswith("There is no third stage")


def test_cli_prints_figures_and_misses(tmp_path: Path):
    folder = _phrase_set(tmp_path)
    output = CliRunner().invoke(main, ["eval-phrases", str(folder), "--no-classifier", "--misses"])
    assert output.exit_code == 0, output.output
    assert "== phrase set: 5 sentences, patterns only" in output.output
    assert "ALL WORDING RULES (micro)" in output.output
    assert "+ extra-stage: There is no third stage" in output.output


def test_a_wrong_group_is_reported_with_its_file_and_number(tmp_path: Path):
    bad = [{"rule": "no-such-rule", "kind": "response", "stage": 1, "breach": ["x"]}]
    folder = _phrase_set(tmp_path, wording=bad)
    with pytest.raises(CatalogueError, match=r"wording.yaml: group 1: .*no-such-rule"):
        evaluate_phrases(folder)
    output = CliRunner().invoke(main, ["eval-phrases", str(folder)])
    assert output.exit_code == 1 and "no-such-rule" in output.output


def test_the_tune_and_check_halves_split_each_list_alternately(tmp_path: Path):
    folder = _phrase_set(tmp_path)
    tune = evaluate_phrases(folder, classifier=False, half="tune")
    check = evaluate_phrases(folder, classifier=False, half="check")
    assert (tune.sentences, check.sentences) == (4, 1)
    assert tune.rules["extra-stage"].tp == 1 and tune.misses == []
    assert [m.sentence[:20] for m in check.misses] == ["There is no third st"]
