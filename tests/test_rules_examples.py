"""Every rule proves itself with its own examples, read from the rule data: a passing
example gets no finding of that rule and a failing one gets it. For a
`missing-<element>` rule, the passing examples are sentences that show the element
(so it is found) and the failing ones come close without showing it."""

import pytest

from lettercheck.catalogue import load_element_catalogue, load_rule_docs
from lettercheck.letters import ELEMENT_IDS, WORDING_RULE_IDS, missing_rule_id
from lettercheck.lint import check_document, document_from_text

RULE_DOCS = load_rule_docs()
WORDING = [rule_id for rule_id in RULE_DOCS if not rule_id.startswith("missing-")]
CASES = [
    (rule_id, verdict, index)
    for rule_id, doc in RULE_DOCS.items()
    for verdict, texts in (("passing", doc.examples.passing), ("failing", doc.examples.failing))
    for index in range(len(texts))
]


def test_every_rule_has_passing_and_failing_examples():
    expected = {missing_rule_id(e) for e in ELEMENT_IDS} | set(WORDING_RULE_IDS)
    assert expected <= set(RULE_DOCS)
    for rule_id, doc in RULE_DOCS.items():
        assert doc.examples.passing, f"{rule_id} has no passing example"
        assert doc.examples.failing, f"{rule_id} has no failing example"


def _element_present(element_id: str, text: str) -> bool:
    """Whether the element is found in `text`, checked in a letter where it can occur."""
    element = next(e for e in load_element_catalogue().elements if e.id == element_id)
    result = check_document(
        document_from_text(text), kind=element.kinds[0], stage=element.stages[-1]
    )
    return next(e for e in result.elements if e.id == element_id).present


@pytest.mark.parametrize(("rule_id", "verdict", "index"), CASES)
def test_rule_example(rule_id: str, verdict: str, index: int):
    doc = RULE_DOCS[rule_id]
    text = getattr(doc.examples, verdict)[index]
    if rule_id.startswith("missing-"):
        present = _element_present(rule_id.removeprefix("missing-"), text)
        assert present is (verdict == "passing"), f"{rule_id} {verdict}: {text!r}"
        return
    result = check_document(
        document_from_text(text), kind=doc.examples.kind, stage=doc.examples.stage
    )
    fired = [finding for finding in result.findings if finding.rule == rule_id]
    assert bool(fired) is (verdict == "failing"), f"{rule_id} {verdict}: {text!r} -> {fired}"
