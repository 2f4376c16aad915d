"""The vocabulary shared by generator, linter and corpus: letter kinds, stages,
decisions and element ids. These names are a public interface (spec/elements.md)."""

from enum import StrEnum
from typing import Literal

Stage = Literal[1, 2]


class LetterKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    EXTENSION = "extension"
    RESPONSE = "response"
    REFUSAL = "refusal"


class Decision(StrEnum):
    UPHELD = "upheld"
    PARTLY_UPHELD = "partly-upheld"
    NOT_UPHELD = "not-upheld"

    @property
    def finds_fault(self) -> bool:
        """7.1: where something went wrong the letter must own it and put it right."""
        return self is not Decision.NOT_UPHELD


ELEMENT_IDS: tuple[str, ...] = (
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

WORDING_RULE_IDS: tuple[str, ...] = (
    "extra-stage",
    "reasons-required-for-escalation",
    "vexatious-wording",
    "outdated-ombudsman-details",
    "designated-person-filter",
    "conditional-apology",
    "ombudsman-access-restricted",
    "timescale-exceeds-code",
    "late-letter",
    "unfilled-placeholder",
    "plain-language",
)

KIND_STAGES: tuple[tuple[LetterKind, int], ...] = tuple(
    (kind, stage) for kind in LetterKind for stage in (1, 2)
)


def missing_rule_id(element_id: str) -> str:
    return f"missing-{element_id}"
