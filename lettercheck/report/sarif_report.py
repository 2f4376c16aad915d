"""`--format sarif`: SARIF 2.1.0, so code-review and dashboard tools that read static
analysis results can show letter findings, each rule carrying its help text.

Character offsets in a region count into the letter's extracted text (what the
linter read), which for DOCX and PDF is not a byte position in the file; page and
paragraph are given as properties for those."""

import json
from urllib.parse import quote

from lettercheck import __version__
from lettercheck.catalogue import RuleDoc
from lettercheck.report.text_report import location_label
from lettercheck.results import CheckReport, Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/"


def _rule_descriptor(doc: RuleDoc) -> dict:
    examples = "\n".join(f"- fails: {text}" for text in doc.examples.failing)
    examples += "\n" + "\n".join(f"- passes: {text}" for text in doc.examples.passing)
    return {
        "id": doc.id,
        "shortDescription": {"text": doc.message},
        "fullDescription": {"text": doc.explanation},
        "help": {
            "text": f"{doc.explanation}\n\nCode provision {doc.provision}.\n{examples}",
            "markdown": f"{doc.explanation}\n\n**Code provision {doc.provision}.**\n\n{examples}",
        },
        "defaultConfiguration": {"level": doc.severity},
        "properties": {"provision": doc.provision, "kinds": [str(kind) for kind in doc.kinds]},
    }


def _uri(path: str) -> str:
    """A file's path as the URI reference SARIF requires: forward slashes, spaces and
    other unsafe characters %-escaped; an email attachment ("mail.eml#a.pdf") keeps its
    "#", which reads as a fragment of the email's URI."""
    return quote(path.replace("\\", "/"), safe="/#")


def _location(path: str, finding: Finding) -> dict:
    physical: dict = {"artifactLocation": {"uri": _uri(path)}}
    where = finding.location
    if where.start is not None and where.end is not None:
        region: dict = {"charOffset": where.start, "charLength": where.end - where.start}
        if where.text:
            region["snippet"] = {"text": where.text}
        physical["region"] = region
    return {
        "physicalLocation": physical,
        "logicalLocations": [{"name": location_label(finding), "kind": "letterPart"}],
        "properties": {"page": where.page, "paragraph": where.paragraph},
    }


def render(report: CheckReport, rule_docs: dict[str, RuleDoc]) -> str:
    used = sorted({finding.rule for result in report.files for finding in result.findings})
    rule_ids = sorted(set(rule_docs) | set(used))
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    results = [
        {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": finding.severity,
            "message": {"text": finding.message},
            "locations": [_location(result.path, finding)],
            "properties": {"provision": finding.provision},
        }
        for result in report.files
        for finding in result.findings
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{result.path}: {result.error.message}"},
            "descriptor": {"id": result.error.code},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}],
        }
        for result in report.files
        if result.status == "error" and result.error
    ]
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lettercheck",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [
                            _rule_descriptor(rule_docs[rule_id])
                            if rule_id in rule_docs
                            else {"id": rule_id}
                            for rule_id in rule_ids
                        ],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "artifacts": [{"location": {"uri": _uri(result.path)}} for result in report.files],
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2) + "\n"
