"""How well the linter agrees with the annotated corpus: per-element and per-rule
precision, recall and F1, and kind/stage/decision accuracy, on one split.

Elements are scored against each annotation's `elements` (present or not), findings
against `expected_findings` (which rule ids the letter should get), both with the
annotated kind and stage given, as a user would with --kind/--stage; kind and stage
detection is scored separately, on the same letters without them.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lettercheck.corpus.schema import CorpusLetter
from lettercheck.corpus.store import load_corpus
from lettercheck.document import Document
from lettercheck.letters import ELEMENT_IDS, WORDING_RULE_IDS, missing_rule_id


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, expected: bool) -> None:
        if predicted and expected:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif expected:
            self.fn += 1

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    split: str
    classifier: bool
    letters: int = 0
    elements: dict[str, Counts] = field(default_factory=lambda: {e: Counts() for e in ELEMENT_IDS})
    rules: dict[str, Counts] = field(default_factory=dict)
    kind_correct: int = 0
    stage_correct: int = 0
    both_correct: int = 0
    decisions: Counter = field(default_factory=Counter)  # "right" / "wrong" on responses
    confusions: Counter = field(default_factory=Counter)  # (expected, detected) kind-stage

    def micro(self, table: dict[str, Counts], ids) -> Counts:
        total = Counts()
        for rule_id in ids:
            total += table.get(rule_id, Counts())
        return total


def _document(letter: CorpusLetter) -> Document:
    """The letter as the linter reads it: the .txt through the reading layer."""
    from lettercheck.read import read_path

    items = read_path(letter.text_path)
    if items and isinstance(items[0], Document):
        return items[0]
    from lettercheck.lint import document_from_text

    return document_from_text(letter.text, str(letter.text_path))


def evaluate(corpus: Path, split: str, classifier: bool = True) -> Evaluation:
    from lettercheck.lint import check_document

    result = Evaluation(split, classifier)
    for letter in load_corpus(corpus, split=split):
        annotation = letter.annotation
        document = _document(letter)
        given = check_document(
            document, kind=annotation.kind, stage=annotation.stage, classifier=classifier
        )
        detected = check_document(document, classifier=classifier)
        result.letters += 1
        for element in given.elements:
            result.elements[element.id].add(element.present, element.id in annotation.elements)
        predicted = {finding.rule for finding in given.findings}
        expected = set(annotation.expected_findings)
        for rule_id in predicted | expected | set(WORDING_RULE_IDS):
            result.rules.setdefault(rule_id, Counts()).add(
                rule_id in predicted, rule_id in expected
            )
        assert detected.letter is not None and given.letter is not None
        kind_right = detected.letter.kind == annotation.kind.value
        stage_right = detected.letter.stage == annotation.stage
        result.kind_correct += kind_right
        result.stage_correct += stage_right
        result.both_correct += kind_right and stage_right
        if not (kind_right and stage_right):
            expected_pair = f"{annotation.kind.value}-{annotation.stage}"
            result.confusions[
                (expected_pair, f"{detected.letter.kind}-{detected.letter.stage}")
            ] += 1
        if annotation.kind.value == "response":
            right = given.letter.decision == (
                annotation.decision.value if annotation.decision else None
            )
            result.decisions["right" if right else "wrong"] += 1
    return result


def format_counts_row(name: str, counts: Counts) -> str:
    support = counts.tp + counts.fn
    return (
        f"  {name:<38} {counts.precision:6.3f} {counts.recall:6.3f} {counts.f1:6.3f}"
        f"   tp={counts.tp:<4} fp={counts.fp:<4} fn={counts.fn:<4} support={support}"
    )


def format_evaluation(result: Evaluation) -> str:
    """The figures as a plain-text report."""
    mode = "with the trained classifier" if result.classifier else "patterns only (no classifier)"
    n = result.letters or 1
    lines = [
        f"== split {result.split}: {result.letters} letters, {mode}",
        f"  {'':<38} {'prec':>6} {'recall':>6} {'F1':>6}",
        "Elements (present in the letter, kind and stage given):",
    ]
    lines += [
        format_counts_row(element_id, result.elements[element_id]) for element_id in ELEMENT_IDS
    ]
    lines.append(
        format_counts_row("ALL ELEMENTS (micro)", result.micro(result.elements, ELEMENT_IDS))
    )
    lines.append("Wording rules (finding given or not, per letter):")
    lines += [
        format_counts_row(rule_id, result.rules.get(rule_id, Counts()))
        for rule_id in WORDING_RULE_IDS
    ]
    lines.append(
        format_counts_row("ALL WORDING RULES (micro)", result.micro(result.rules, WORDING_RULE_IDS))
    )
    missing_ids = [missing_rule_id(element_id) for element_id in ELEMENT_IDS]
    lines.append("Missing-element rules:")
    lines += [
        format_counts_row(rule_id, result.rules[rule_id])
        for rule_id in missing_ids
        if rule_id in result.rules
    ]
    lines.append(
        format_counts_row(
            "ALL MISSING-ELEMENT RULES (micro)", result.micro(result.rules, missing_ids)
        )
    )
    other = sorted(set(result.rules) - set(WORDING_RULE_IDS) - set(missing_ids))
    lines += [format_counts_row(rule_id, result.rules[rule_id]) for rule_id in other]
    lines.append(
        format_counts_row("ALL FINDINGS (micro)", result.micro(result.rules, list(result.rules)))
    )
    decided = sum(result.decisions.values()) or 1
    lines += [
        "Detection (kind and stage not given):",
        f"  kind accuracy        {result.kind_correct / n:.3f} ({result.kind_correct}/{result.letters})",
        f"  stage accuracy       {result.stage_correct / n:.3f} ({result.stage_correct}/{result.letters})",
        f"  kind+stage accuracy  {result.both_correct / n:.3f} ({result.both_correct}/{result.letters})",
        f"  decision accuracy    {result.decisions['right'] / decided:.3f} "
        f"({result.decisions['right']}/{sum(result.decisions.values())} responses)",
    ]
    if result.confusions:
        lines.append(
            "  confusions (annotated -> detected): "
            + ", ".join(
                f"{expected}->{detected} x{count}"
                for (expected, detected), count in result.confusions.most_common()
            )
        )
    return "\n".join(lines)
