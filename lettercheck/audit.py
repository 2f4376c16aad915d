"""Batch audit: check every letter in a folder and turn the results into the
evidence a landlord's annual self-assessment asks for: for each Code provision,
how many of the letters it applies to meet it, and which letters do not."""

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from html import escape
from pathlib import Path

from pydantic import BaseModel

from lettercheck.atomic import write_atomically
from lettercheck.catalogue import RuleDoc, load_elements, load_requirements
from lettercheck.config import Config
from lettercheck.letters import Decision, LetterKind, missing_rule_id
from lettercheck.report.html_report import letter_section, page
from lettercheck.results import CheckReport, FileError, FileResult

INTERNAL_ERROR = "internal-error"  # the linter itself failed on the file (a bug to report)


class ProvisionRow(BaseModel):
    """One required element for one kind of letter: the self-assessment evidence line."""

    kind: str
    stage: int
    element: str
    provision: str
    severity: str
    applies_to: int  # letters of this kind/stage where the element is required
    present: int

    @property
    def rate(self) -> float | None:
        return self.present / self.applies_to if self.applies_to else None


class RuleRow(BaseModel):
    rule: str
    severity: str
    findings: int
    letters: int


class AuditSummary(BaseModel):
    letters: int
    unreadable: int
    with_errors: int
    with_warnings_only: int
    clean: int
    by_kind: dict[str, int]
    provisions: list[ProvisionRow]
    rules: list[RuleRow]


def summarise(results: list[FileResult]) -> AuditSummary:
    readable = [r for r in results if r.status == "ok" and r.letter]
    requirements = load_requirements()
    elements = load_elements()
    applies: Counter[tuple[str, int, str]] = Counter()
    met: Counter[tuple[str, int, str]] = Counter()
    severities: dict[tuple[str, int, str], str] = {}
    for result in readable:
        letter = result.letter
        decision = Decision(letter.decision) if letter.decision else None
        required = requirements.required(LetterKind(letter.kind), letter.stage, decision)
        missing = {f.rule for f in result.findings} | {f.rule for f in result.suppressed}
        for element_id, severity in required.items():
            key = (letter.kind, letter.stage, element_id)
            applies[key] += 1
            severities[key] = severity
            if missing_rule_id(element_id) not in missing:
                met[key] += 1
    provisions = [
        ProvisionRow(
            kind=kind,
            stage=stage,
            element=element_id,
            provision=elements[element_id].provision,
            severity=severities[(kind, stage, element_id)],
            applies_to=count,
            present=met[(kind, stage, element_id)],
        )
        for (kind, stage, element_id), count in sorted(applies.items())
    ]
    finding_counts: Counter[str] = Counter()
    letter_counts: Counter[str] = Counter()
    rule_severity: dict[str, str] = {}
    for result in readable:
        for finding in result.findings:
            finding_counts[finding.rule] += 1
            rule_severity[finding.rule] = finding.severity
        for rule in {finding.rule for finding in result.findings}:
            letter_counts[rule] += 1
    rules = [
        RuleRow(
            rule=rule, severity=rule_severity[rule], findings=count, letters=letter_counts[rule]
        )
        for rule, count in finding_counts.most_common()
    ]
    return AuditSummary(
        letters=len(results),
        unreadable=len(results) - len(readable),
        with_errors=sum(1 for r in readable if r.errors),
        with_warnings_only=sum(1 for r in readable if r.warnings and not r.errors),
        clean=sum(1 for r in readable if not r.findings),
        by_kind=dict(
            sorted(Counter(f"{r.letter.kind} {r.letter.stage}" for r in readable).items())
        ),
        provisions=provisions,
        rules=rules,
    )


def check_safely(
    path: Path, config: Config, kind: LetterKind | None = None, stage: int | None = None
) -> list[FileResult]:
    """check_path, except that a bug the linter hits on one letter becomes that
    letter's "internal-error" result instead of ending a batch of thousands."""
    from lettercheck.lint import check_path

    try:
        return check_path(path, config, kind=kind, stage=stage)
    except Exception as error:  # any failure is reported against the file, never raised
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:300]
        message = f"lettercheck failed on this file ({reason}); please report it"
        return [
            FileResult(
                path=str(path),
                status="error",
                error=FileError(code=INTERNAL_ERROR, message=message),
            )
        ]


def _check_one(args: tuple[Path, Config]) -> list[FileResult]:
    path, config = args
    return check_safely(path, config)


def check_all(paths: Iterable[Path], config: Config, jobs: int = 1) -> list[FileResult]:
    """Check every file, in `jobs` processes; each process builds the pipeline once."""
    work = [(path, config) for path in paths]
    if jobs <= 1:
        return [result for item in work for result in _check_one(item)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunks = pool.map(_check_one, work, chunksize=8)
        return [result for results in chunks for result in results]


def _csv(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def write_json(out: Path, report: CheckReport, summary: AuditSummary) -> list[Path]:
    target = out / "audit.json"
    content = {**json.loads(report.model_dump_json()), "audit": summary.model_dump()}
    write_atomically(target, json.dumps(content, indent=2) + "\n")
    return [target]


def write_csv(out: Path, report: CheckReport, summary: AuditSummary) -> list[Path]:
    letters = [
        [
            "path",
            "status",
            "error",
            "kind",
            "stage",
            "decision",
            "source",
            "confidence",
            "errors",
            "warnings",
            "missing",
            "wording",
        ]
    ]
    findings = [["path", "rule", "severity", "provision", "page", "paragraph", "message", "text"]]
    for result in report.files:
        letter = result.letter
        letters.append(
            [
                result.path,
                result.status,
                result.error.code if result.error else "",
                letter.kind if letter else "",
                letter.stage if letter else "",
                (letter.decision or "") if letter else "",
                letter.source if letter else "",
                f"{letter.confidence:.2f}" if letter else "",
                result.errors,
                result.warnings,
                " ".join(f.rule for f in result.findings if f.rule.startswith("missing-")),
                " ".join(f.rule for f in result.findings if not f.rule.startswith("missing-")),
            ]
        )
        for f in result.findings:
            findings.append(
                [
                    result.path,
                    f.rule,
                    f.severity,
                    f.provision,
                    "" if f.location.page is None else f.location.page,
                    "" if f.location.paragraph is None else f.location.paragraph,
                    f.message,
                    f.location.text or "",
                ]
            )
    provisions = [
        ["kind", "stage", "element", "provision", "severity", "applies_to", "present", "rate"]
    ]
    for row in summary.provisions:
        provisions.append(
            [
                row.kind,
                row.stage,
                row.element,
                row.provision,
                row.severity,
                row.applies_to,
                row.present,
                f"{row.rate:.3f}" if row.rate is not None else "",
            ]
        )
    targets = {"letters.csv": letters, "findings.csv": findings, "provisions.csv": provisions}
    for name, rows in targets.items():
        write_atomically(out / name, _csv(rows))
    return [out / name for name in targets]


def write_html(
    out: Path, report: CheckReport, summary: AuditSummary, rule_docs: dict[str, RuleDoc]
) -> list[Path]:
    written = []
    letter_rows = []
    for number, result in enumerate(report.files, start=1):
        name = f"letters/{number:05d}.html"
        write_atomically(out / name, page(result.path, letter_section(result, rule_docs)))
        written.append(out / name)
        described = f"{result.letter.kind} {result.letter.stage}" if result.letter else "unreadable"
        letter_rows.append(
            f"<tr><td><a href='{name}'>{escape(result.path)}</a></td><td>{escape(described)}</td>"
            f"<td>{result.errors}</td><td>{result.warnings}</td>"
            f"<td>{escape(' '.join(f.rule for f in result.findings))}</td></tr>"
        )
    provision_rows = "".join(
        f"<tr><td>{escape(r.provision)}</td><td>{escape(r.kind)} {r.stage}</td><td>{escape(r.element)}</td>"
        f"<td>{r.severity}</td><td>{r.present} / {r.applies_to}</td>"
        f"<td>{'' if r.rate is None else f'{r.rate:.0%}'}</td></tr>"
        for r in summary.provisions
    )
    rule_rows = "".join(
        f"<tr><td>{escape(r.rule)}</td><td>{r.severity}</td><td>{r.findings}</td><td>{r.letters}</td></tr>"
        for r in summary.rules
    )
    body = (
        f"<p class='summary'>{summary.letters} letters: {summary.clean} with no findings, "
        f"{summary.with_warnings_only} with warnings only, {summary.with_errors} with errors, "
        f"{summary.unreadable} unreadable.</p>"
        "<h2>Required elements by Code provision</h2>"
        "<p>For each kind of letter, how many of the letters the requirement applies to contain "
        "the element: the evidence line for the self-assessment.</p>"
        "<table><tr><th>Code</th><th>letter</th><th>element</th><th>severity</th>"
        f"<th>present</th><th>rate</th></tr>{provision_rows}</table>"
        "<h2>Findings by rule</h2><table><tr><th>rule</th><th>severity</th><th>findings</th>"
        f"<th>letters</th></tr>{rule_rows}</table>"
        "<h2>Letters</h2><table><tr><th>letter</th><th>kind</th><th>errors</th><th>warnings</th>"
        f"<th>rules</th></tr>{''.join(letter_rows)}</table>"
    )
    write_atomically(out / "index.html", page("lettercheck audit", body))
    _remove_stale_pages(out / "letters", written)
    return [out / "index.html", *written]


def _remove_stale_pages(folder: Path, written: list[Path]) -> None:
    """Letter pages an earlier, larger audit left in the same folder: they describe
    letters this report does not cover, so they must not sit beside it as evidence."""
    for stale in set(folder.glob("[0-9][0-9][0-9][0-9][0-9].html")) - set(written):
        stale.unlink(missing_ok=True)
