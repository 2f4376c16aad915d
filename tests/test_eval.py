"""`lettercheck eval` and `lettercheck train` on a small corpus made of train-split
letters: the figures are printed per element and per rule, with and without the
classifier, and training writes a loadable model with its record."""

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from lettercheck.analyse.classifier import Classifier
from lettercheck.cli import main
from lettercheck.corpus.store import load_split
from lettercheck.evaluate import Counts, evaluate
from lettercheck.letters import ELEMENT_IDS, WORDING_RULE_IDS

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _small_corpus(tmp_path: Path) -> Path:
    """Four letters of each kind and stage, split three for training and one for dev,
    taken only from the real corpus's train split (its test split is never read)."""
    train = load_split(CORPUS)["train"]
    folder = tmp_path / "corpus"
    (folder / "letters").mkdir(parents=True)
    split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for prefix in ("ack1", "ack2", "ext1", "ext2", "ref1", "ref2", "resp1", "resp2"):
        ids = [letter_id for letter_id in train if letter_id.startswith(prefix + "-")][:4]
        for index, letter_id in enumerate(ids):
            for suffix in (".txt", ".yaml"):
                shutil.copy(CORPUS / "letters" / (letter_id + suffix), folder / "letters")
            split["dev" if index == 3 else "train"].append(letter_id)
    (folder / "split.yaml").write_text(yaml.safe_dump({"seed": 0, **split}), encoding="utf-8")
    return folder


def test_counts_give_precision_recall_and_f1():
    counts = Counts()
    for predicted, expected in [(True, True), (True, False), (False, True), (True, True)]:
        counts.add(predicted, expected)
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)
    assert round(counts.precision, 3) == round(counts.recall, 3) == round(counts.f1, 3) == 0.667


def test_eval_prints_every_element_and_rule_with_and_without_the_classifier(tmp_path: Path):
    corpus = _small_corpus(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(corpus), "--split", "dev"])
    assert result.exit_code == 0, result.output
    assert result.output.count("== split dev: 8 letters") == 2
    assert "patterns only (no classifier)" in result.output
    for name in (*ELEMENT_IDS, *WORDING_RULE_IDS, "kind+stage accuracy"):
        assert name in result.output
    figures = evaluate(corpus, "dev", classifier=False)
    assert figures.letters == 8 and sum(c.tp + c.fn for c in figures.elements.values()) > 40
    assert figures.kind_correct >= 4


def _move_to_second_corpus(corpus: Path, tmp_path: Path) -> Path:
    """Move every ack1 and resp2 train letter of `corpus` into a second corpus folder
    whose split puts them all in train, as corpus/extra does."""
    split = load_split(corpus)
    moved = [i for i in split["train"] if i.startswith(("ack1-", "resp2-"))]
    second = tmp_path / "second"
    (second / "letters").mkdir(parents=True)
    for letter_id in moved:
        for suffix in (".txt", ".yaml"):
            (corpus / "letters" / (letter_id + suffix)).rename(
                second / "letters" / (letter_id + suffix)
            )
    split["train"] = [i for i in split["train"] if i not in moved]
    (corpus / "split.yaml").write_text(yaml.safe_dump({"seed": 0, **split}), encoding="utf-8")
    second_split = {"train": moved, "dev": [], "test": []}
    (second / "split.yaml").write_text(yaml.safe_dump(second_split), encoding="utf-8")
    return second


def test_train_writes_a_model_the_linter_loads_from_two_corpus_folders(tmp_path: Path):
    corpus = _small_corpus(tmp_path)
    second = _move_to_second_corpus(corpus, tmp_path)
    out = tmp_path / "model"
    command = ["train", str(corpus), str(second), "--seed", "7", "-o", str(out)]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert "trained on 24 letters" in result.output and "tuned on 8" in result.output
    record = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert record["seed"] == 7 and record["train_letters"] == 24 and record["size_bytes"] > 0
    assert record["command"] == f"lettercheck train {corpus} {second} --seed 7"
    classifier = Classifier(out)
    assert set(classifier.thresholds) == set(ELEMENT_IDS)
    assert 0.0 <= classifier.kind_weight <= 1.0
