"""`--format text`: one line a finding, `path:location: severity rule message`, then
the evidence, then a line on the letter as a whole. Built for a terminal and grep."""

from lettercheck.catalogue import RuleDoc
from lettercheck.results import CheckReport, FileResult, Finding


def location_label(finding: Finding) -> str:
    """Where a finding is, as a person would say it: page for PDF, paragraph otherwise."""
    if finding.location.page is not None:
        return f"page {finding.location.page}"
    if finding.location.paragraph is not None:
        return f"para {finding.location.paragraph}"
    return "letter"


def _file_lines(result: FileResult) -> list[str]:
    if result.status == "error" and result.error:
        return [f"{result.path}: unreadable ({result.error.code}): {result.error.message}"]
    lines = []
    for finding in result.findings:
        lines.append(
            f"{result.path}:{location_label(finding)}: {finding.severity} "
            f"{finding.rule} {finding.message}"
        )
        if finding.location.text:
            lines.append(f'    > "{finding.location.text}"')
    letter = result.letter
    present = sum(1 for element in result.elements if element.present)
    described = f"{letter.kind} stage {letter.stage} ({letter.source}"
    if letter.source == "detected":
        described += f", confidence {letter.confidence:.2f}"
    lines.append(
        f"{result.path}: {described}): {result.errors} errors, {result.warnings} warnings, "
        f"{present}/{len(result.elements)} elements present"
        + (f", {len(result.suppressed)} suppressed" if result.suppressed else "")
    )
    return lines


def render(report: CheckReport, rule_docs: dict[str, RuleDoc]) -> str:
    lines = [line for result in report.files for line in _file_lines(result)]
    summary = report.summary
    lines.append(
        f"{summary.files} letters checked: {summary.errors} errors, {summary.warnings} warnings, "
        f"{summary.unreadable} unreadable"
    )
    return "\n".join(lines) + "\n"
