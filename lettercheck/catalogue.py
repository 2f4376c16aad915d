"""The rule catalogue as data: elements, which elements each letter needs, and the
Ombudsmen's details, loaded from `rules/` and validated by pydantic so a
compliance officer's typo is reported with the file and field, not as a crash."""

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from lettercheck.letters import ELEMENT_IDS, Decision, LetterKind
from lettercheck.resources import rules_dir

Severity = Literal["error", "warning"]
Model = TypeVar("Model", bound=BaseModel)


class CatalogueError(Exception):
    """A rule file is unreadable or invalid; the message names the file and field."""


def load_yaml_model(path: Path, model: type[Model]) -> Model:
    """Read one YAML file into `model`, turning every failure into a CatalogueError."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path}: cannot read: {error}") from error
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc']) or '(top level)'}: {issue['msg']}"
            for issue in error.errors()
        )
        raise CatalogueError(f"{path}: {problems}") from error


class Element(BaseModel):
    id: str
    name: str
    provision: str
    meaning: str

    @field_validator("id")
    @classmethod
    def _known_id(cls, value: str) -> str:
        if value not in ELEMENT_IDS:
            raise ValueError(f"unknown element id {value!r}")
        return value


class ElementCatalogue(BaseModel):
    elements: list[Element]


class Requirements(BaseModel):
    only_when_fault_found: list[str]
    letters: dict[LetterKind, dict[Literal[1, 2], dict[str, Severity]]]

    @field_validator("letters")
    @classmethod
    def _known_elements(cls, letters):
        for kind, stages in letters.items():
            for stage, elements in stages.items():
                for element_id in elements:
                    if element_id not in ELEMENT_IDS:
                        raise ValueError(f"{kind} stage {stage}: unknown element {element_id!r}")
        return letters

    def required(
        self, kind: LetterKind, stage: int, decision: Decision | None
    ) -> dict[str, Severity]:
        """The elements this letter must have, with the severity of each one's absence.

        Without a decision the fault-dependent rows are skipped (missing-decision
        is the finding instead); a decision that finds no fault skips them too."""
        table = dict(self.letters[LetterKind(kind)][stage])
        if decision is None or not decision.finds_fault:
            for element_id in self.only_when_fault_found:
                table.pop(element_id, None)
        return table


class Examples(BaseModel):
    """Every rule proves itself: text that must pass it and text that must fail it."""

    passing: list[str] = Field(min_length=1)
    failing: list[str] = Field(min_length=1)


class RuleDoc(BaseModel):
    """What a person is told about a rule, by `lettercheck rules`, `explain`, SARIF and
    HTML reports. For a `missing-<element>` rule the severity shown is the highest the
    requirements table gives it; each finding carries the severity for its letter."""

    id: str
    severity: Severity
    provision: str
    kinds: list[LetterKind]
    message: str  # one line, as in a finding
    explanation: str  # why, quoting the Code
    examples: Examples


class OmbudsmanDetails(BaseModel):
    phone: list[str] = []
    website: list[str] = []
    complaint_form: list[str] = []
    email: list[str] = []
    post: list[str] = []
    fax: list[str] = []
    text: list[str] = []
    name: list[str] = []


class Ombudsman(BaseModel):
    name: str
    covers: str
    current: OmbudsmanDetails
    superseded: OmbudsmanDetails
    email_complaints_closed: date | None = None


class OmbudsmanCatalogue(BaseModel):
    checked: date
    source: str
    ombudsmen: dict[str, Ombudsman]


@lru_cache(maxsize=4)
def load_elements(folder: Path | None = None) -> dict[str, Element]:
    catalogue = load_yaml_model((folder or rules_dir()) / "elements.yaml", ElementCatalogue)
    return {element.id: element for element in catalogue.elements}


@lru_cache(maxsize=4)
def load_requirements(folder: Path | None = None) -> Requirements:
    return load_yaml_model((folder or rules_dir()) / "requirements.yaml", Requirements)


@lru_cache(maxsize=4)
def load_ombudsmen(folder: Path | None = None) -> OmbudsmanCatalogue:
    return load_yaml_model((folder or rules_dir()) / "ombudsman.yaml", OmbudsmanCatalogue)
