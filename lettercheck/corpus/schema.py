"""The annotation that sits beside every corpus letter (`corpus/letters/<id>.yaml`),
and the checks that keep annotations honest: every quote is really in its letter,
and the expected findings follow from the elements and the requirements table."""

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lettercheck.catalogue import load_requirements
from lettercheck.letters import ELEMENT_IDS, WORDING_RULE_IDS, Decision, LetterKind, missing_rule_id

FINDING_IDS = frozenset(WORDING_RULE_IDS) | {missing_rule_id(e) for e in ELEMENT_IDS}


class Breach(BaseModel):
    """A wording rule the letter breaks, with the exact text that breaks it."""

    model_config = ConfigDict(extra="forbid")
    rule: str
    text: str = Field(min_length=2)

    @field_validator("rule")
    @classmethod
    def _known_rule(cls, value: str) -> str:
        if value not in WORDING_RULE_IDS:
            raise ValueError(f"unknown wording rule {value!r}")
        return value


class HardCase(BaseModel):
    """Wording a naive checker gets wrong: compliant text that looks like a breach
    (negative) or an element said indirectly (positive). For trainers and evaluation."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["negative", "positive"]
    target: str  # the rule or element id it would fool
    text: str = Field(min_length=2)
    note: str = ""


class Annotation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: LetterKind
    stage: Literal[1, 2]
    decision: Decision | None = None  # responses only; None when the letter gives none
    subject: str
    voice: str
    letter_date: date | None = None
    received_date: date | None = None  # complaint (stage 1) or escalation (stage 2)
    elements: dict[str, list[str]] = {}  # element id -> quotes showing it
    breaches: list[Breach] = []
    hard_cases: list[HardCase] = []
    expected_findings: list[str] = []
    notes: str = ""

    @field_validator("elements")
    @classmethod
    def _known_elements(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for element_id, quotes in value.items():
            if element_id not in ELEMENT_IDS:
                raise ValueError(f"unknown element {element_id!r}")
            if not quotes:
                raise ValueError(f"element {element_id!r} needs at least one quote")
        return value

    @field_validator("expected_findings")
    @classmethod
    def _known_findings(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - FINDING_IDS)
        if unknown:
            raise ValueError(f"unknown rule ids {unknown}")
        return value

    @model_validator(mode="after")
    def _decision_matches_kind(self) -> "Annotation":
        if self.kind is not LetterKind.RESPONSE and self.decision is not None:
            raise ValueError("only a response letter has a decision")
        if self.kind is LetterKind.RESPONSE and ("decision" in self.elements) != (
            self.decision is not None
        ):
            raise ValueError(
                "a response's `decision` must be set exactly when the element is quoted"
            )
        return self

    def derived_findings(self) -> set[str]:
        """The findings the requirements table and the breaches imply."""
        required = load_requirements().required(self.kind, self.stage, self.decision)
        missing = {missing_rule_id(e) for e in required if e not in self.elements}
        return missing | {breach.rule for breach in self.breaches}

    def quotes(self) -> list[tuple[str, str]]:
        """(what it annotates, quote) for every quote in the annotation."""
        pairs = [(element_id, q) for element_id, qs in self.elements.items() for q in qs]
        pairs += [(breach.rule, breach.text) for breach in self.breaches]
        pairs += [(f"hard {case.kind} {case.target}", case.text) for case in self.hard_cases]
        return pairs


class CorpusLetter(BaseModel):
    annotation: Annotation
    text: str
    text_path: Path
    files: dict[str, Path]  # format ("txt", "docx", "pdf") -> path

    @property
    def id(self) -> str:
        return self.annotation.id


def problems_with(letter: CorpusLetter) -> list[str]:
    """Everything wrong with one letter's annotation, as lines naming the letter."""
    annotation = letter.annotation
    problems = []
    if annotation.id != letter.text_path.stem:
        problems.append(f"id {annotation.id!r} differs from the file name")
    for target, quote in annotation.quotes():
        if quote not in letter.text:
            problems.append(f"{target}: quote not in the letter: {quote!r}")
    derived = annotation.derived_findings()
    stated = set(annotation.expected_findings)
    if stated != derived:
        extra = sorted(stated - derived)
        lacking = sorted(derived - stated)
        problems.append(
            f"expected_findings disagree with elements/breaches: remove {extra}, add {lacking}"
        )
    return [f"{letter.id}: {problem}" for problem in problems]
