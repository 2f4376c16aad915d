"""The phrase set (`corpus/phrases/`): single sentences, each labelled with the element it
shows or the wording rule it breaks, and near misses that do not. Written by people who
never saw the rules' patterns, it measures how far detection reaches beyond the corpus
letters' wording, one rule or element at a time: `lettercheck eval-phrases`.

Each sentence is checked as a one-paragraph letter of the group's kind and stage (as a
user would with --kind/--stage); a wording sentence counts as caught when its rule fires,
an element sentence when the element is found.

The set has two halves: sentences at even positions in each list are the `tune` half,
which may be read to improve cues; the odd ones are the `check` half, which may not, so
its figures show whether those improvements generalise.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from lettercheck.catalogue import CatalogueError, parse_yaml, validation_problems
from lettercheck.evaluate import Counts
from lettercheck.letters import ELEMENT_IDS, WORDING_RULE_IDS, LetterKind

HALVES = ("tune", "check")
WORDING_FILE = "wording.yaml"
ELEMENTS_FILE = "elements.yaml"


def _one_of(ids, what: str) -> AfterValidator:
    def check(value: str) -> str:
        if value not in ids:
            raise ValueError(f"unknown {what} {value!r}")
        return value

    return AfterValidator(check)


class _Group(BaseModel):
    """Sentences as they would sit in a letter of this kind and stage."""

    model_config = ConfigDict(extra="forbid")
    kind: LetterKind
    stage: int = Field(ge=1, le=2)


class WordingGroup(_Group):
    rule: Annotated[str, _one_of(WORDING_RULE_IDS, "wording rule")]
    breach: list[str] = []
    clean: list[str] = []


class ElementGroup(_Group):
    element: Annotated[str, _one_of(ELEMENT_IDS, "element")]
    present: list[str] = []
    absent: list[str] = []


@dataclass
class Miss:
    """A sentence the linter got wrong: `expected` True means it should have been caught."""

    target: str
    expected: bool
    sentence: str


@dataclass
class PhraseEvaluation:
    classifier: bool
    half: str | None = None
    sentences: int = 0
    rules: dict[str, Counts] = field(default_factory=dict)
    elements: dict[str, Counts] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)


def _load_groups(path: Path, model: type[BaseModel]) -> list:
    if not path.exists():
        return []
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path}: cannot read: {error}") from error
    if not isinstance(raw, list):
        raise CatalogueError(f"{path}: expected a list of groups")
    groups = []
    for index, item in enumerate(raw):
        try:
            groups.append(model.model_validate(item))
        except ValidationError as error:
            problems = validation_problems(error)
            raise CatalogueError(f"{path}: group {index + 1}: {problems}") from error
    return groups


def _half(sentences: list[str], half: str | None) -> list[str]:
    """The sentences of one half (all of them when `half` is None)."""
    if half is None:
        return sentences
    return sentences[HALVES.index(half) :: 2]


def evaluate_phrases(
    folder: Path, classifier: bool = True, half: str | None = None
) -> PhraseEvaluation:
    """Check every sentence of the phrase set in `folder` (or of one half of it) and
    count what was caught."""
    from lettercheck.lint import check_document, document_from_text

    wording = _load_groups(folder / WORDING_FILE, WordingGroup)
    elements = _load_groups(folder / ELEMENTS_FILE, ElementGroup)
    if not wording and not elements:
        raise CatalogueError(f"{folder}: no {WORDING_FILE} or {ELEMENTS_FILE}")
    result = PhraseEvaluation(classifier, half)

    def check(sentence: str, kind: LetterKind, stage: int):
        result.sentences += 1
        document = document_from_text(sentence)
        return check_document(document, kind=kind, stage=stage, classifier=classifier)

    for group in wording:
        counts = result.rules.setdefault(group.rule, Counts())
        for expected, sentences in ((True, group.breach), (False, group.clean)):
            for sentence in _half(sentences, half):
                checked = check(sentence, group.kind, group.stage)
                fired = any(f.rule == group.rule for f in checked.findings)
                counts.add(fired, expected)
                if fired != expected:
                    result.misses.append(Miss(group.rule, expected, sentence))
    for group in elements:
        counts = result.elements.setdefault(group.element, Counts())
        for expected, sentences in ((True, group.present), (False, group.absent)):
            for sentence in _half(sentences, half):
                checked = check(sentence, group.kind, group.stage)
                found = any(e.id == group.element and e.present for e in checked.elements)
                counts.add(found, expected)
                if found != expected:
                    result.misses.append(Miss(group.element, expected, sentence))
    return result


def format_phrase_evaluation(result: PhraseEvaluation, show_misses: bool = False) -> str:
    from lettercheck.evaluate import format_counts_row

    mode = "with the trained classifier" if result.classifier else "patterns only (no classifier)"
    lines = [
        f"== phrase set{f' ({result.half} half)' if result.half else ''}: "
        f"{result.sentences} sentences, {mode}",
        f"  {'':<38} {'prec':>6} {'recall':>6} {'F1':>6}",
    ]
    for title, table in (("Wording rules", result.rules), ("Elements", result.elements)):
        if not table:
            continue
        lines.append(f"{title} (one sentence a letter, kind and stage given):")
        lines += [format_counts_row(name, counts) for name, counts in table.items()]
        total = Counts()
        for counts in table.values():
            total += counts
        lines.append(format_counts_row(f"ALL {title.upper()} (micro)", total))
    if show_misses and result.misses:
        lines.append("Misses (+ should be caught, - should not):")
        lines += [
            f"  {'+' if miss.expected else '-'} {miss.target}: {miss.sentence}"
            for miss in result.misses
        ]
    return "\n".join(lines)
