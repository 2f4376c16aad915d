"""`--format json`: the contract of spec/interface.md, one object on stdout."""

from lettercheck.catalogue import RuleDoc
from lettercheck.results import CheckReport


def render(report: CheckReport, rule_docs: dict[str, RuleDoc]) -> str:
    return report.model_dump_json(indent=2) + "\n"
