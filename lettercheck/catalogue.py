"""The rule catalogue as data: elements, which elements each letter needs, and the
Ombudsmen's details, loaded from `rules/` and validated by pydantic so a
compliance officer's typo is reported with the file and field, not as a crash."""

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from lettercheck.analyse.cues import check_cues
from lettercheck.letters import ELEMENT_IDS, WORDING_RULE_IDS, Decision, LetterKind, missing_rule_id
from lettercheck.resources import rules_dir

Severity = Literal["error", "warning"]
Model = TypeVar("Model", bound=BaseModel)


class CatalogueError(Exception):
    """A rule file is unreadable or invalid; the message names the file and field."""


# libyaml's loader parses the rule files ten times faster than the pure-Python one,
# which is most of a single check's start-up; PyYAML's wheels include it.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> object:
    """Parse YAML safely (no arbitrary objects), with libyaml when it is there."""
    return yaml.load(text, Loader=_SafeLoader)


def load_yaml_model(path: Path, model: type[Model]) -> Model:
    """Read one YAML file into `model`, turning every failure into a CatalogueError."""
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8")) or {}  # an empty file is {}
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path}: cannot read: {error}") from error
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise CatalogueError(f"{path}: {validation_problems(error)}") from error


def validation_problems(error: ValidationError) -> str:
    """Pydantic's errors as one line: `field.path: what is wrong; ...`."""
    return "; ".join(
        f"{'.'.join(str(part) for part in issue['loc']) or '(top level)'}: {issue['msg']}"
        for issue in error.errors()
    )


class Guards(BaseModel):
    """Senses in which a matching sentence does not count (for a rule: is not broken; for an element: is not shown)."""

    model_config = ConfigDict(extra="forbid")
    negation: bool = False  # "there is no third stage": a negation before the match
    quotation: bool = False  # the resident's own word, quoted or reported back


class ElementExamples(BaseModel):
    """Sentences that say the element (and must be found) and sentences that come close
    without saying it (and must not be)."""

    model_config = ConfigDict(extra="forbid")
    present: list[str] = Field(min_length=1)
    absent: list[str] = Field(min_length=1)


class Element(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    provision: str
    meaning: str
    message: str  # the one-line message of its `missing-<id>` finding
    explanation: str  # why the Code asks for it, quoting the Code
    examples: ElementExamples
    cues: list[str] = []  # any one of these in a sentence shows the element
    ideas: list[list[str]] = []  # ...as does a sentence that says all of these, any order
    unless: list[str] = []  # ...unless one of these is in the same sentence
    # a negation just before the cue ("we did not fail"), or the resident's own words
    # reported back ("you say we should have called"), cancels it
    guards: Guards = Guards()
    # The letters in which the element can occur at all: "the reasons for the
    # decision" only exist where there is a decision.
    kinds: list[LetterKind] = Field(default_factory=lambda: list(LetterKind), min_length=1)
    stages: list[Literal[1, 2]] = Field(default=[1, 2], min_length=1)

    @field_validator("id")
    @classmethod
    def _known_id(cls, value: str) -> str:
        if value not in ELEMENT_IDS:
            raise ValueError(f"unknown element id {value!r}")
        return value


class ElementCatalogue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sets: dict[str, list[str]] = {}  # word sets the cues name as @set
    # The decision value, told by cues: checked in this order, the first that fires wins
    # ("partly upheld" before "upheld").
    decisions: dict[Decision, list[str]] = {}
    elements: list[Element]

    @model_validator(mode="after")
    def _cues_compile(self) -> "ElementCatalogue":
        for decision, cues in self.decisions.items():
            try:
                check_cues(cues, self.sets)
            except ValueError as error:
                raise ValueError(f"decisions.{decision}: {error}") from None
        for element in self.elements:
            for field in ("cues", "unless"):
                try:
                    check_cues(getattr(element, field), self.sets)
                except ValueError as error:
                    raise ValueError(f"elements[{element.id}].{field}: {error}") from None
            try:
                check_ideas(element.ideas, self.sets)
            except ValueError as error:
                raise ValueError(f"elements[{element.id}].{error}") from None
        return self


def check_ideas(ideas: list[list[str]], sets: dict[str, list[str]]) -> None:
    """Every idea has at least one cue and every cue compiles; errors say which idea."""
    for index, idea in enumerate(ideas):
        if not idea:
            raise ValueError(f"ideas.{index}: an idea needs at least one cue")
        try:
            check_cues(idea, sets)
        except ValueError as error:
            raise ValueError(f"ideas.{index}: {error}") from None


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
    """Every rule proves itself: text that must pass it and text that must fail it.
    `kind`/`stage` say which letter the examples are checked as, for rules whose
    verdict depends on it (timescales, lateness); otherwise it is detected."""

    model_config = ConfigDict(extra="forbid")
    passing: list[str] = Field(min_length=1)
    failing: list[str] = Field(min_length=1)
    kind: LetterKind | None = None
    stage: Literal[1, 2] | None = None


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


Detector = Literal["cues", "ombudsman", "timescale", "late-letter", "plain-language"]


class PlainLanguage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_sentence_words: int = Field(gt=5)
    min_reading_ease: float
    min_words_for_reading_ease: int = Field(ge=0)  # too short a letter has no stable score
    jargon: dict[str, str]  # word or phrase -> the plainer alternative


class Timescales(BaseModel):
    """What a promised timescale is about, told by cues in its sentence, and the Code's
    limit for each, in working days."""

    model_config = ConfigDict(extra="forbid")
    limits: dict[Literal["acknowledge", "response", "extension"], dict[Literal[1, 2], int]]
    subjects: dict[Literal["acknowledge", "response", "extension"], list[str]]
    stage2: list[str]  # cues that put a sentence about the stage 2 process
    exclude: list[str]  # timescales for something else (the resident's own deadline, repairs)
    original_due: list[str]  # cues for "our response was due by <date>" in an extension
    # cues just after a timescale for what it is for: "six weeks for a full response"
    purpose: list[str] = []
    days_mean_working_days: bool = True  # "within 10 days" is taken as working days


class Lateness(BaseModel):
    """Working days allowed from receipt (acknowledgement) or acknowledgement (response);
    a response that only says when the complaint arrived gets both added."""

    model_config = ConfigDict(extra="forbid")
    acknowledge_within: int
    respond_within: dict[Literal[1, 2], int]
    received: list[str]  # cues for "the complaint / escalation reached us on <date>"
    acknowledged: list[str]  # cues for "we acknowledged it on <date>"
    extended_to: list[str]  # cues for "we agreed a new response date of <date>"


class WordingRule(BaseModel):
    """One wording rule: its documentation, examples and what its detector looks for.
    Built-in rules live in rules/wording/<id>.yaml; a landlord adds their own files
    (detector `cues`) through `lint.rule_files` in the config."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    severity: Severity
    provision: str = "-"
    kinds: list[LetterKind] = Field(default_factory=lambda: list(LetterKind), min_length=1)
    stages: list[Literal[1, 2]] = Field(default=[1, 2], min_length=1)
    message: str
    explanation: str
    examples: Examples
    detector: Detector = "cues"
    sets: dict[str, list[str]] = {}
    cues: list[str] = []  # token cues (see lettercheck.analyse.cues)
    phrases: list[str] = []  # exact phrases, any case
    regexes: list[str] = []  # Python regular expressions over a sentence
    context: list[str] = []  # if given, the sentence must also match one of these cues
    # Also a breach: a sentence that says every one of these ideas, in any order (each
    # idea a list of cues, one enough): "reasons" + "stage 2" + "must" catches demands
    # worded in ways no single cue foresaw.
    ideas: list[list[str]] = []
    unless: list[str] = []  # a sentence matching one of these cues is let off
    guards: Guards = Guards()
    plain_language: PlainLanguage | None = None
    timescales: Timescales | None = None
    lateness: Lateness | None = None

    @field_validator("regexes")
    @classmethod
    def _regexes_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"regex {pattern!r}: {error}") from None
        return value

    @model_validator(mode="after")
    def _detector_has_what_it_needs(self) -> "WordingRule":
        for field in ("cues", "context", "unless"):
            try:
                check_cues(getattr(self, field), self.sets)
            except ValueError as error:
                raise ValueError(f"{field}: {error}") from None
        check_ideas(self.ideas, self.sets)
        if self.timescales:
            subjects = [cue for cues in self.timescales.subjects.values() for cue in cues]
            settings = self.timescales
            check_cues(
                subjects
                + settings.stage2
                + settings.exclude
                + settings.original_due
                + settings.purpose,
                self.sets,
            )
        if self.lateness:
            lateness = self.lateness
            check_cues(lateness.received + lateness.acknowledged + lateness.extended_to, self.sets)
        needs = {
            "cues": self.cues or self.phrases or self.regexes or self.ideas,
            "plain-language": self.plain_language,
            "timescale": self.timescales,
            "late-letter": self.lateness,
            "ombudsman": True,
        }
        if not needs[self.detector]:
            wanted = {
                "cues": "cues, phrases or regexes",
                "plain-language": "plain_language",
                "timescale": "timescales",
                "late-letter": "lateness",
            }[self.detector]
            raise ValueError(f"detector {self.detector!r} needs {wanted}")
        return self


class CueGroup(BaseModel):
    """Cues that together count once, with a weight, towards a kind or a stage."""

    model_config = ConfigDict(extra="forbid")
    weight: float
    cues: list[str] = Field(min_length=1)
    unless: list[str] = []


class KindCues(BaseModel):
    """rules/kinds.yaml: how the kind and stage of a letter are told from its text."""

    model_config = ConfigDict(extra="forbid")
    sets: dict[str, list[str]] = {}
    kinds: dict[LetterKind, list[CueGroup]]
    elements: dict[str, dict[LetterKind, float]] = {}  # element found -> weight per kind
    stages: dict[Literal[1, 2], list[CueGroup]]

    @model_validator(mode="after")
    def _cues_compile(self) -> "KindCues":
        groups = [(f"kinds.{k}", g) for k, gs in self.kinds.items() for g in gs] + [
            (f"stages.{s}", g) for s, gs in self.stages.items() for g in gs
        ]
        for where, group in groups:
            try:
                check_cues(group.cues + group.unless, self.sets)
            except ValueError as error:
                raise ValueError(f"{where}: {error}") from None
        unknown = sorted(set(self.elements) - set(ELEMENT_IDS))
        if unknown:
            raise ValueError(f"elements: unknown element ids {unknown}")
        return self


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
def load_element_catalogue(folder: Path | None = None) -> ElementCatalogue:
    return load_yaml_model((folder or rules_dir()) / "elements.yaml", ElementCatalogue)


def load_elements(folder: Path | None = None) -> dict[str, Element]:
    return {element.id: element for element in load_element_catalogue(folder).elements}


@lru_cache(maxsize=4)
def load_kind_cues(folder: Path | None = None) -> KindCues:
    return load_yaml_model((folder or rules_dir()) / "kinds.yaml", KindCues)


@lru_cache(maxsize=4)
def load_requirements(folder: Path | None = None) -> Requirements:
    return load_yaml_model((folder or rules_dir()) / "requirements.yaml", Requirements)


@lru_cache(maxsize=4)
def load_ombudsmen(folder: Path | None = None) -> OmbudsmanCatalogue:
    return load_yaml_model((folder or rules_dir()) / "ombudsman.yaml", OmbudsmanCatalogue)


def load_wording_rule(path: Path) -> WordingRule:
    return load_yaml_model(path, WordingRule)


@lru_cache(maxsize=4)
def builtin_wording_rules(folder: Path | None = None) -> tuple[WordingRule, ...]:
    """The shipped wording rules, one file each in rules/wording/, in the spec's order."""
    folder = folder or rules_dir()
    rules = {}
    for path in sorted((folder / "wording").glob("*.yaml")):
        rule = load_wording_rule(path)
        if rule.id != path.stem:
            raise CatalogueError(f"{path}: id: {rule.id!r} differs from the file name")
        rules[rule.id] = rule
    missing = [rule_id for rule_id in WORDING_RULE_IDS if rule_id not in rules]
    if missing:
        raise CatalogueError(f"{folder / 'wording'}: no rule file for {', '.join(missing)}")
    return tuple(rules[rule_id] for rule_id in WORDING_RULE_IDS) + tuple(
        rule for rule_id, rule in rules.items() if rule_id not in WORDING_RULE_IDS
    )


@lru_cache(maxsize=16)
def landlord_rules(paths: tuple[Path, ...]) -> tuple[WordingRule, ...]:
    """A landlord's own rule files: detector `cues` only, ids not clashing with ours."""
    reserved = set(WORDING_RULE_IDS) | {missing_rule_id(e) for e in ELEMENT_IDS}
    rules: list[WordingRule] = []
    for path in paths:
        rule = load_wording_rule(path)
        if rule.id in reserved or any(other.id == rule.id for other in rules):
            raise CatalogueError(f"{path}: id: {rule.id!r} is already a rule's id")
        if rule.detector != "cues":
            raise CatalogueError(
                f"{path}: detector: a landlord's rule uses cues, phrases or regexes"
            )
        rules.append(rule)
    return tuple(rules)


def load_wording_rules(config=None, folder: Path | None = None) -> tuple[WordingRule, ...]:
    """The built-in wording rules, then the landlord's own (config `lint.rule_files`)."""
    builtin = builtin_wording_rules(folder)
    return builtin + landlord_rules(rule_file_paths(config))


def rule_file_paths(config=None) -> tuple[Path, ...]:
    """The landlord's rule files, resolved against the config file's folder."""
    if config is None:
        return ()
    return tuple(config.resolve(path) for path in config.lint.rule_files)


def _missing_rule_doc(element: Element, requirements: Requirements) -> RuleDoc:
    severities = [
        severity
        for stages in requirements.letters.values()
        for table in stages.values()
        for element_id, severity in table.items()
        if element_id == element.id
    ]
    kinds = [
        kind
        for kind, stages in requirements.letters.items()
        if any(element.id in table for table in stages.values())
    ]
    return RuleDoc(
        id=missing_rule_id(element.id),
        severity="error" if "error" in severities else "warning",
        provision=element.provision,
        kinds=kinds,
        message=element.message,
        explanation=element.explanation,
        examples=Examples(passing=element.examples.present, failing=element.examples.absent),
    )


def load_rule_docs(config=None) -> dict[str, RuleDoc]:
    """Every rule a finding can carry, by id: `missing-<element>` for each element (a
    letter passes when it has the element), each built-in wording rule, and the
    landlord's own rule files named in the config."""
    requirements = load_requirements()
    docs = {
        missing_rule_id(element.id): _missing_rule_doc(element, requirements)
        for element in load_elements().values()
    }
    for rule in load_wording_rules(config):
        docs[rule.id] = RuleDoc(
            id=rule.id,
            severity=rule.severity,
            provision=rule.provision,
            kinds=rule.kinds,
            message=rule.message,
            explanation=rule.explanation,
            examples=rule.examples,
        )
    return docs
